"""Reading the web: one URL (HTML, text, a feed), URL-list files, RSS and Atom feeds
(entry pages fetched, entry dates and titles standing in), feed files, is_url_list.

Served by the local server of test_ingest_fetch (``web``, helpers_web.serve) with the routes below; every
outlet, person and sentence is made up.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from helpers_web import LocalWeb, send
from test_ingest_fetch import LOCAL, page, web  # noqa: F401 (fixture)

from rashomon.ingest import feeds
from rashomon.ingest.feeds import (
    entry_published,
    is_url_list,
    read_feed,
    read_feed_file,
    read_url,
    read_url_list,
    url_id,
)
from rashomon.ingest.fetch import FetchOptions
from rashomon.model import Article, PartialDate, Problem

QUARRY = (
    "The Hollin Ridge parish council put off its vote on the quarry expansion until "
    "June, after residents packed the hall on Tuesday evening.",
    "Councillor Maren Dubosq said members needed more time to read the traffic study, "
    "which reached them only the day before the meeting.",
    '"We owe the people on School Lane a proper answer, not a rushed one," Dubosq said.',
    "Greyfell Aggregates wants to extend the pit by eleven hectares and says the work "
    "would bring fourteen jobs.",
)
ORCHARD = (
    "More than six thousand visitors came to the Saltmere orchard fair on Saturday, "
    "the largest crowd since the fair began, its organisers said.",
    "Pell Anwick, who has run the cider stall for twenty years, said he sold out of "
    "the pear cider before noon.",
    "The organisers plan to add a second field for parking next year after queues "
    "stretched back to the village green.",
)
LATIN1_PAGE = (
    "<html><head><title>Harbour toll rises</title></head><body><article>"
    "<p>The Brackwater harbour board raised the mooring toll by a fifth on Friday, "
    "the first rise in six years.</p><p>\u201cIt is still the cheapest berth on this "
    "coast,\u201d said board chair Wynne Tolliver.</p><p>Fishing crews said they would "
    "ask the board to phase the rise in over two years.</p></article></body></html>"
).encode("cp1252")


def rss(port: int, items: Iterable[tuple[str, str | None, str | None]]) -> str:
    """An RSS 2.0 feed; each item is (title, link path or None, pubDate or None)."""
    parts = []
    for title, link, date in items:
        item = f"<title>{title}</title>"
        item += f"<link>http://127.0.0.1:{port}{link}</link>" if link else ""
        item += f"<pubDate>{date}</pubDate>" if date else ""
        parts.append(f"<item>{item}</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>Marrow Valley Courier: Region</title><link>http://127.0.0.1/</link>"
        f"<description>Regional news</description>{''.join(parts)}</channel></rss>"
    )


RSS_ITEMS = (
    # the page has its own date (2024-05-12): the entry's must not replace it
    ("Ferry crews walk out over rosters", "/news/ferry-strike.html",
     "Tue, 14 May 2024 08:00:00 GMT"),
    # no date on the page: the entry's day as written (the 14th in UTC)
    ("Council delays quarry vote", "/news/quarry-plan.html", "Mon, 13 May 2024 22:15:00 -0400"),
    ("A story taken down", "/news/gone.html", "Mon, 13 May 2024 09:00:00 GMT"),
)

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lakeside Dispatch</title>
<id>urn:lakeside:feed</id><updated>2024-06-02T10:00:00Z</updated>
<entry><title>Orchard fair draws its largest crowd</title><id>urn:lakeside:1</id>
<link rel="alternate" href="/news/orchard-fair.html"/>
<published>2024-06-01T16:20:00+02:00</published><updated>2024-06-02T09:00:00Z</updated></entry>
<entry><title>Quarry vote put off</title><id>urn:lakeside:2</id>
<link rel="alternate" href="/news/quarry-plan.html"/><updated>2024-05-20T08:00:00Z</updated></entry>
</feed>"""


def _feed(items: tuple = RSS_ITEMS, content_type: str = "application/rss+xml"):
    return lambda h: send(h, 200, rss(h.server.server_address[1], items), content_type)


FEED_ROUTES = {
    "/news/ferry-strike.html": lambda h: send(h, 200, page()),
    "/news/quarry-plan.html": lambda h: send(
        h, 200, page(title="Council delays quarry vote", outlet="Lakeside Dispatch",
                     published=None, paragraphs=QUARRY)),
    "/news/orchard-fair.html": lambda h: send(
        h, 200, page(title=None, outlet=None, published=None, paragraphs=ORCHARD)),
    "/news/harbour-toll.html": lambda h: send(h, 200, LATIN1_PAGE, "text/html; charset=iso-8859-1"),
    "/feeds/region.rss": _feed(),
    "/feeds/region-as-html": _feed(content_type="text/html; charset=utf-8"),
    "/feeds/dispatch.atom": lambda h: send(h, 200, ATOM, "application/atom+xml"),
    "/feeds/broken.rss": lambda h: send(h, 200, "no feed here, only words", "application/rss+xml"),
    "/feeds/empty.rss": _feed(items=()),
    "/feeds/linkless.rss": _feed(items=(("An entry with no link", None, None),
                                        RSS_ITEMS[1])),
    "/redirect-to-ferry": lambda h: send(h, 301, b"", Location="/news/ferry-strike.html"),
}


@pytest.fixture(scope="module")
def site(web: LocalWeb) -> LocalWeb:  # noqa: F811 (the imported fixture)
    web.routes.update(FEED_ROUTES)
    return web


def _by_id(articles: list[Article]) -> dict[str, Article]:
    return {article.id: article for article in articles}


def _gather(pairs: Iterable[tuple[list[Article], list[Problem]]]
            ) -> tuple[list[Article], list[Problem]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    for found, met in pairs:
        articles.extend(found)
        problems.extend(met)
    return articles, problems


# --- one URL --------------------------------------------------------------------------


def test_read_url_html_page(site: LocalWeb) -> None:
    given = site.url("/redirect-to-ferry")
    [article], problems = read_url(given, LOCAL)
    assert problems == []
    assert article.id == "ferry-strike"
    assert article.source == given
    assert article.url == site.url("/news/ferry-strike.html")
    assert article.outlet == "The Marrow Valley Courier"
    assert article.title == "Ferry crews walk out over rosters"
    assert article.published == PartialDate.of(2024, 5, 12)
    assert article.published_basis == "metadata"
    assert "Odile Brannock" in article.text


def test_read_url_plain_text(site: LocalWeb) -> None:
    [article], problems = read_url(site.url("/plain.txt"), LOCAL)
    assert problems == []
    assert article.outlet == "The Marrow Valley Courier"
    assert article.url == site.url("/plain.txt")
    assert article.text.startswith("Ferry crews on the Marrow Valley crossing")


def test_read_url_declared_latin1_reads_curly_quotes(site: LocalWeb) -> None:
    [article], problems = read_url(site.url("/news/harbour-toll.html"), LOCAL)
    assert "\u201cIt is still the cheapest berth on this coast,\u201d" in article.text
    assert problems == []


def test_read_url_refused_and_failing_urls_are_problems(site: LocalWeb) -> None:
    articles, [problem] = read_url(site.url("/news/ferry-strike.html"), FetchOptions())
    assert articles == [] and problem.code == "R112" and problem.fatal
    assert "--allow-private" in problem.hint
    assert problem.source == site.url("/news/ferry-strike.html")
    articles, [problem] = read_url(site.url("/image.png"), LOCAL)
    assert articles == [] and problem.code == "R118"


def test_a_crash_reading_one_page_is_a_problem(site: LocalWeb,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("extractor fell over")

    monkeypatch.setattr(feeds, "html_document", crash)
    articles, [problem] = read_url(site.url("/news/ferry-strike.html"), LOCAL)
    assert articles == [] and problem.code == "R105" and "RuntimeError" in problem.message


# --- feeds ----------------------------------------------------------------------------


def test_rss_feed_entries_fetched_one_missing(site: LocalWeb) -> None:
    articles, problems = read_url(site.url("/feeds/region.rss"), LOCAL)
    found = _by_id(articles)
    assert sorted(found) == ["ferry-strike", "quarry-plan"]
    # the page's own date wins over the entry's
    assert found["ferry-strike"].published == PartialDate.of(2024, 5, 12)
    # no date on the page: the entry's, as the feed wrote it (not moved to UTC)
    assert found["quarry-plan"].published == PartialDate.of(2024, 5, 13)
    assert found["quarry-plan"].published_basis == "metadata"
    assert found["quarry-plan"].source == site.url("/news/quarry-plan.html")
    [problem] = problems
    assert problem.code == "R117" and problem.source == site.url("/news/gone.html")
    assert site.url("/news/gone.html") in problem.message


def test_atom_feed_relative_links_entry_title_and_date(site: LocalWeb) -> None:
    articles, problems = read_url(site.url("/feeds/dispatch.atom"), LOCAL)
    assert problems == []
    found = _by_id(articles)
    orchard = found["orchard-fair"]
    # the page has neither headline nor date: the entry's title and published date
    assert orchard.title == "Orchard fair draws its largest crowd"
    assert orchard.text.startswith(orchard.title + "\n")
    assert orchard.text[slice(*orchard.title_span)] == orchard.title
    assert orchard.published == PartialDate.of(2024, 6, 1)
    # only <updated>: that date
    assert found["quarry-plan"].published == PartialDate.of(2024, 5, 20)
    assert found["quarry-plan"].title == "Council delays quarry vote"  # the page's own


def test_feed_served_as_html_is_still_read_as_a_feed(site: LocalWeb) -> None:
    articles, _ = read_url(site.url("/feeds/region-as-html"), LOCAL)
    assert sorted(a.id for a in articles) == ["ferry-strike", "quarry-plan"]


@pytest.mark.parametrize(
    ("path", "code", "words"),
    [("/feeds/broken.rss", "R105", "not a readable RSS or Atom feed"),
     ("/feeds/empty.rss", "R104", "no entries")],
)
def test_unreadable_or_empty_feed_is_one_problem(site: LocalWeb, path: str, code: str,
                                                 words: str) -> None:
    articles, [problem] = read_url(site.url(path), LOCAL)
    assert articles == [] and problem.code == code and words in problem.message
    assert problem.source == site.url(path)


def test_entry_without_link_is_a_problem_others_read(site: LocalWeb) -> None:
    source = site.url("/feeds/linkless.rss")
    articles, [problem] = read_url(source, LOCAL)
    assert [a.id for a in articles] == ["quarry-plan"]
    assert problem.source == f"{source}#1" and "no http(s) link" in problem.message


def test_feed_file_on_disk(site: LocalWeb, tmp_path: Path) -> None:
    path = tmp_path / "region.rss"
    path.write_text(rss(site.port, RSS_ITEMS[:2]), encoding="utf-8")
    articles, problems = _gather(read_feed_file(path, LOCAL))
    assert problems == []
    assert sorted(a.id for a in articles) == ["ferry-strike", "quarry-plan"]


def test_feed_file_relative_links_without_base(tmp_path: Path) -> None:
    path = tmp_path / "dispatch.atom"
    path.write_text(ATOM, encoding="utf-8")
    articles, problems = _gather(read_feed_file(path, LOCAL))
    assert articles == [] and [p.source for p in problems] == [f"{path}#1", f"{path}#2"]
    assert all(p.code == "R111" for p in problems)


def test_feed_data_that_is_no_feed() -> None:
    [(articles, [problem])] = list(read_feed("notes.xml", b"<notes><note>hi</note></notes>"))
    assert articles == [] and problem.source == "notes.xml"
    assert problem.code in ("R104", "R105")


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"published": "Mon, 13 May 2024 22:15:00 -0400"}, PartialDate.of(2024, 5, 13)),
        ({"updated": "2024-05-20T08:00:00Z"}, PartialDate.of(2024, 5, 20)),
        ({"published": "sometime", "published_parsed": (2024, 3, 9, 0, 0, 0, 5, 69, 0)},
         PartialDate.of(2024, 3, 9)),
        ({}, None),
    ],
)
def test_entry_published(entry: dict, expected: PartialDate | None) -> None:
    assert entry_published(entry, "feed#1") == (expected, [])


def test_entry_published_implausible_year_warns() -> None:
    published, [warning] = entry_published({"published": "0001-01-01T00:00:00Z"}, "feed#1")
    assert published is None and not warning.fatal and warning.code == "R105"


# --- URL lists ------------------------------------------------------------------------


def test_url_list_bad_line_and_dead_url(site: LocalWeb, tmp_path: Path) -> None:
    path = tmp_path / "reading.txt"
    path.write_text(
        "# regional stories\n\n"
        f"{site.url('/news/ferry-strike.html')}\n"
        "ftp://files.example/story.txt\n"
        f"{site.url('/news/gone.html')}\n"
        "   \n"
        f"  {site.url('/news/quarry-plan.html')}  \n",
        encoding="utf-8",
    )
    assert is_url_list(path) is True  # (the ftp line is one problem, not an article)
    pairs = list(read_url_list(path, LOCAL))
    articles, problems = _gather(pairs)
    assert [a.id for a in articles] == ["ferry-strike", "quarry-plan"]  # in file order
    bad_line, dead = problems
    assert bad_line.source == f"{path}:4" and bad_line.code == "R111"
    assert "line 4" in bad_line.message
    assert dead.source == site.url("/news/gone.html") and dead.code == "R117"


def test_url_list_missing_file(tmp_path: Path) -> None:
    [(articles, [problem])] = list(read_url_list(tmp_path / "nope.txt", LOCAL))
    assert articles == [] and problem.code == "R101"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("# stories\nhttps://courier.example/a\n\nhttp://dispatch.example/b?id=4\n", True),
        ("\ufeffhttps://courier.example/a\r\nhttps://courier.example/b\r\n", True),
        ("https://courier.example/a\nsee also the harbour story\n", False),
        ("Ferry crews walk out\n\nFerry crews stopped work at dawn.\n", False),
        ("# only a comment\n\n", False),
        ("", False),
        ("https://courier.example/a b\n", False),
        ("mailto:desk@courier.example\n", False),
        # mostly URLs, one bad line: still a list (the bad line is one problem)
        ("https://courier.example/a\nwww.courier.example/b\nhttps://courier.example/c\n", True),
        ("www.courier.example/a\nwww.courier.example/b\nhttps://courier.example/c\n", True),
        ("www.courier.example/a\nwww.courier.example/b\n", False),  # (no http(s) URL at all)
        ("Harbour\nnotes\nhttps://courier.example/c\n", False),  # (words, not URLs)
    ],
)
def test_is_url_list(tmp_path: Path, content: str, expected: bool) -> None:
    path = tmp_path / "input.txt"
    path.write_text(content, encoding="utf-8")
    assert is_url_list(path) is expected


def test_is_url_list_reads_only_the_head(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    lines = [f"https://courier.example/story-{n}" for n in range(400)]  # about 13 KB
    path.write_text("\n".join(lines) + "\nthis line is past the probe\n", encoding="utf-8")
    assert is_url_list(path) is True
    assert is_url_list(tmp_path / "absent.txt") is False
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00\x01")
    assert is_url_list(tmp_path / "binary.txt") is False


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://courier.example/2024/05/ferry-strike.html", "ferry-strike"),
        ("https://courier.example/news/harbour-toll/", "harbour-toll"),
        ("https://courier.example/news/orchard-fair/index.html", "orchard-fair"),
        ("https://courier.example/", "courier.example"),
        ("https://courier.example/n/caf%C3%A9-opens", "café-opens"),
    ],
)
def test_url_id(url: str, expected: str) -> None:
    assert url_id(url) == expected
