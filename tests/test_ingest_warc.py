"""WARC reader: pages out of .warc and .warc.gz crawls, records skipped, HTTP codings,
charsets, batches, and files that break off. The WARC bytes are written by hand
(helpers_web, not fastwarc), so the reader is not tested against its own library's
writer."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from helpers_web import request, response, warc_record, warcinfo, write_warc

from rashomon.ingest.warc import read_warc, url_id
from rashomon.model import Article, PartialDate, Problem

# --- hand-made pages ------------------------------------------------------------------


def page(headline: str, paragraphs: list[str], *, published: str = "2025-03-06",
         charset: str = "utf-8") -> bytes:
    """A fictional news page with its publication date in the page metadata."""
    body = "\n".join(f"<p>{text}</p>" for text in paragraphs)
    html = (
        f'<!doctype html><html><head><meta charset="{charset}"><title>{headline}</title>'
        f'<meta property="article:published_time" content="{published}T08:00:00Z">'
        f'<meta property="og:site_name" content="The Fenwick Courier"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{headline}</h1>{body}</article>"
        f"<footer>Copyright The Fenwick Courier</footer></body></html>"
    )
    return html.encode(charset)


FERRY = [
    "The Fenwick harbour board voted on Tuesday to keep the night ferry running through "
    "the winter, reversing a plan to suspend it from November.",
    "Board chair Odile Marchetti said the crossing carried more than four hundred "
    "passengers a week and that the island clinic depended on it for late deliveries.",
    "The board will review the timetable again in April, when the new fuel contract "
    "with the Brackley depot comes up for renewal.",
]
LIBRARY = [
    "The Saltmere town library will reopen its reading room on Saturday after a "
    "six-week repair of the roof, the council said on Monday.",
    "Librarian Tobias Renwick said the rare map collection had been moved to the "
    "basement store during the works and none of it had been damaged.",
    "The reading room will keep shorter hours for the first month while the heating "
    "system is tested by the council's engineers.",
]


def story(n: int) -> bytes:
    return page(f"Fenwick story number {n}", [f"Story {n}: {p}" for p in FERRY])


def read_all(path: Path, **kwargs: int) -> tuple[list[Article], list[Problem]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    for found, met in read_warc(path, **kwargs):
        articles.extend(found)
        problems.extend(met)
    return articles, problems


# --- reading pages -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_pages_become_articles_with_url_text_and_date(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, [
        warcinfo(),
        request("https://courier.example/news/night-ferry-stays.html"),
        response("https://courier.example/news/night-ferry-stays.html",
                 page("Night ferry to keep running", FERRY)),
        request("https://www.saltmere-post.example/town/library-reopens"),
        response("https://www.saltmere-post.example/town/library-reopens",
                 page("Library reading room reopens", LIBRARY, published="2025-02-24")),
    ])
    articles, problems = read_all(path)
    assert problems == []
    assert [a.url for a in articles] == [
        "https://courier.example/news/night-ferry-stays.html",
        "https://www.saltmere-post.example/town/library-reopens",
    ]
    ferry, library = articles
    assert ferry.title == "Night ferry to keep running"
    assert "Odile Marchetti said the crossing carried" in ferry.text
    assert "Home" not in ferry.text and "Copyright" not in ferry.text
    assert ferry.published == PartialDate.of(2025, 3, 6)
    assert ferry.published_basis == "metadata"
    assert library.published == PartialDate.of(2025, 2, 24)
    assert "Tobias Renwick" in library.text
    assert [a.id for a in articles] == [
        "courier-example-news-night-ferry-stays",
        "saltmere-post-example-town-library-reopens",
    ]
    # a problem line must be able to name the file and the record
    assert ferry.source == f"{path}#3" and library.source == f"{path}#5"


def test_whole_file_gzip_is_read_too(tmp_path: Path) -> None:
    plain = write_warc(tmp_path / "crawl.warc", [warcinfo(), response(
        "https://courier.example/a", story(1)), response("https://courier.example/b", story(2))])
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    articles, problems = read_all(whole)
    assert problems == []
    assert [a.url for a in articles] == ["https://courier.example/a", "https://courier.example/b"]


def test_records_that_are_no_pages_are_skipped_silently(tmp_path: Path) -> None:
    uri = "https://courier.example/news/ferry"
    revisit = warc_record("revisit", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                          uri=uri, content_type="application/http; msgtype=response")
    path = write_warc(tmp_path / "crawl.warc.gz", [
        warcinfo(),
        request(uri),
        response(uri, page("Night ferry to keep running", FERRY)),
        warc_record("metadata", b"outlinks: https://courier.example/\r\n", uri=uri,
                    content_type="application/warc-fields"),
        revisit,
        response("https://courier.example/gone", page("Gone", LIBRARY), status="404 Not Found"),
        response("https://courier.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(200)),
                 content_type="image/png"),
        response("https://courier.example/feed.json", b'{"items": []}',
                 content_type="application/json"),
    ])
    articles, problems = read_all(path)
    assert problems == []
    assert [a.url for a in articles] == [uri]


def test_chunked_and_gzip_encoded_body(tmp_path: Path) -> None:
    compressed = gzip.compress(page("Night ferry to keep running", FERRY))
    chunks = [compressed[i:i + 100] for i in range(0, len(compressed), 100)]
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"
    path = write_warc(tmp_path / "crawl.warc", [response(
        "https://courier.example/ferry", chunked,
        headers=("Transfer-Encoding: chunked", "Content-Encoding: gzip"))])
    articles, problems = read_all(path)
    assert problems == []
    assert len(articles) == 1
    assert "four hundred passengers a week" in articles[0].text


def test_body_stored_decoded_under_its_encoding_headers(tmp_path: Path) -> None:
    # some crawlers store the body decoded but keep "chunked" and "gzip" in the headers
    path = write_warc(tmp_path / "crawl.warc", [response(
        "https://courier.example/ferry", page("Night ferry to keep running", FERRY),
        headers=("Transfer-Encoding: chunked", "Content-Encoding: gzip"))])
    articles, problems = read_all(path)
    assert problems == []
    assert "island clinic" in articles[0].text


def test_charset_from_the_http_header(tmp_path: Path) -> None:
    paragraphs = [
        "The café on Quay Street will stay open late on ferry nights, its owner "
        "Renée Dufresne said on Tuesday.",
        "\u201cWe\u2019ll keep the kettle on for the last crossing,\u201d she said, adding "
        "that the harbour board had agreed to light the path to the pier.",
        "The board said the extra lighting would cost less than the repairs to the old "
        "lamps that were removed last spring.",
    ]
    body = page("Quay café to stay open", paragraphs).replace(b'charset="utf-8"', b"")
    body = body.decode("utf-8").encode("windows-1252")
    path = write_warc(tmp_path / "crawl.warc", [response(
        "https://courier.example/cafe", body, content_type="text/html; charset=windows-1252")])
    articles, problems = read_all(path)
    assert problems == []  # no "not UTF-8" guess: the header said what it is
    assert "Renée Dufresne" in articles[0].text
    assert "\u201cWe\u2019ll keep the kettle on" in articles[0].text


def test_articles_come_in_batches(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", [
        response(f"https://courier.example/story-{n}", story(n)) for n in range(1, 6)
    ])
    batches = list(read_warc(path, batch=2))
    assert [len(found) for found, _ in batches] == [2, 2, 1]
    assert all(met == [] for _, met in batches)
    urls = [a.url for found, _ in batches for a in found]
    assert urls == [f"https://courier.example/story-{n}" for n in range(1, 6)]
    with pytest.raises(ValueError):
        next(read_warc(path, batch=0))


# --- problems ------------------------------------------------------------------------


def test_truncated_gz_keeps_the_articles_before_the_break(tmp_path: Path) -> None:
    records = [warcinfo()]
    records += [response(f"https://courier.example/s{n}", story(n)) for n in (1, 2, 3)]
    path = write_warc(tmp_path / "crawl.warc.gz", records)
    data = path.read_bytes()
    last_member = len(gzip.compress(records[-1]))
    path.write_bytes(data[: len(data) - last_member // 2])  # cut inside record 4's member
    articles, problems = read_all(path)
    assert [a.url for a in articles] == ["https://courier.example/s1", "https://courier.example/s2"]
    assert len(problems) == 1
    (problem,) = problems
    assert problem.fatal and problem.code == "R105"
    assert problem.source == f"{path}#4"
    assert "breaks off in record 4" in problem.message and "2 articles" in problem.message
    assert "fetch or write it again" in problem.hint


def test_truncated_plain_warc_keeps_the_articles_before_the_break(tmp_path: Path) -> None:
    records = [response(f"https://courier.example/s{n}", story(n)) for n in (1, 2, 3)]
    path = write_warc(tmp_path / "crawl.warc", records)
    path.write_bytes(path.read_bytes()[: -len(records[-1]) // 2])  # cut inside record 3
    articles, problems = read_all(path, batch=1)
    assert len(articles) == 2
    assert [(p.fatal, p.code, p.source) for p in problems] == [(True, "R105", f"{path}#3")]


def test_garbage_between_records_breaks_the_file_there(tmp_path: Path) -> None:
    records = [response(f"https://courier.example/s{n}", story(n)) for n in (1, 2, 3)]
    for name in ("crawl.warc", "crawl.warc.gz"):
        path = write_warc(tmp_path / name, records[:2])
        garbage = b"\x00\x13 not a record at all \xff" * 20
        path.write_bytes(path.read_bytes() + garbage + write_warc(
            tmp_path / ("tail" + name), records[2:]).read_bytes())
        articles, problems = read_all(path)
        assert len(articles) == 2, name
        assert [(p.fatal, p.code, p.source) for p in problems] == [(True, "R105", f"{path}#3")]


def test_a_file_without_pages_gives_one_warning(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", [
        warcinfo(),
        request("https://courier.example/a"),
        response("https://courier.example/a", story(1), status="404 Not Found"),
        response("https://courier.example/a.png", b"\x89PNG\r\n", content_type="image/png"),
    ])
    articles, problems = read_all(path)
    assert articles == []
    assert len(problems) == 1
    (warning,) = problems
    assert not warning.fatal and warning.code == "R104" and warning.source == str(path)
    assert warning.message.startswith("no HTML responses among 4 records")
    assert "1 HTTP 404" in warning.message and "1 request" in warning.message
    assert warning.hint


def test_a_page_without_article_text_is_one_problem(tmp_path: Path) -> None:
    empty = (b"<!doctype html><html><head><title>Loading</title></head>"
             b"<body><div id='app'></div></body></html>")
    path = write_warc(tmp_path / "crawl.warc", [
        response("https://courier.example/app", empty),
        response("https://courier.example/ferry", page("Night ferry to keep running", FERRY)),
    ])
    articles, problems = read_all(path)
    assert [a.url for a in articles] == ["https://courier.example/ferry"]
    assert len(problems) == 1
    (problem,) = problems
    assert problem.fatal and problem.code == "R104" and problem.source == f"{path}#1"
    assert "https://courier.example/app" in problem.message


@pytest.mark.parametrize(
    ("content", "code"),
    [(None, "R101"), (b"", "R104"), (b"<html><body>a saved page</body></html>\n", "R102")],
)
def test_unreadable_files_are_one_problem(tmp_path: Path, content: bytes | None, code: str) -> None:
    path = tmp_path / "crawl.warc"
    if content is not None:
        path.write_bytes(content)
    batches = list(read_warc(path))
    assert len(batches) == 1
    articles, problems = batches[0]
    assert articles == []
    assert [(p.fatal, p.code, p.source) for p in problems] == [(True, code, str(path))]


def test_url_ids_are_short_and_safe() -> None:
    assert url_id("https://www.courier.example/news/2025/03/ferry.html?ref=x", "f") == (
        "courier-example-news-2025-03-ferry")
    assert url_id("https://courier.example/", "crawl-3") == "courier-example"
    assert url_id(None, "crawl-3") == "crawl-3"
    long = url_id("https://courier.example/" + "section/" * 20 + "the-ferry-slug", "f")
    assert len(long) <= 80
    assert long.startswith("courier-example-") and long.endswith("the-ferry-slug")
