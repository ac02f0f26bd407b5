"""Readers: text with headers, HTML, JSON/JSONL records, encodings, problems, ids."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from rashomon import ingest
from rashomon.errors import EmptyInput, InputNotFound, MalformedInput, UndecodableInput
from rashomon.errors import UnsupportedInput
from rashomon.ingest import common
from rashomon.model import Article, PartialDate, RemovedLine

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

BODY = (
    "The Wrenport library will open on Sundays from next month, the town board said.\n"
    "Librarian Ines Calloway said volunteers had offered to staff the extra hours.\n"
)


def _check(article: Article) -> None:
    """Invariants every article keeps."""
    assert article.text and "\r" not in article.text and "\n\n" not in article.text
    if article.title is None:
        assert article.title_span is None
    else:
        start, end = article.title_span
        assert article.text[start:end] == article.title
        assert article.text.startswith(article.title + "\n")


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- text ---------------------------------------------------------------------------


def test_text_fixture_with_headers() -> None:
    path = FIXTURES / "harbor_vote.txt"
    article = ingest.read_text_article(path)
    _check(article)
    assert article.id == "harbor_vote"
    assert article.source == str(path)
    assert article.outlet == "The Alder Gazette"
    assert article.url == "https://gazette.example/harbor-vote"
    assert article.published == PartialDate.of(2025, 3, 14)
    assert article.published_basis == "given"
    assert article.title == "Port Alder Council Approves Harbor Dredging Plan After Long Debate"
    assert [r.reason for r in article.removed] == [
        "photo-caption",
        "newsletter",
        "related-links",
        "related-links",
        "share-widget",
    ]
    lines = article.text.split("\n")
    assert len(lines) == 6  # headline + five paragraphs
    assert lines[-1].endswith("before the spring fishing season.")
    assert "Author" not in article.text and "Staff Reporter" not in article.text


def test_text_without_headers(tmp_path: Path) -> None:
    path = _write(tmp_path, "library.txt", "\n\nLibrary Adds Sunday Hours\n\n" + BODY)
    article = ingest.read_text_article(path)
    _check(article)
    assert article.title == "Library Adds Sunday Hours"
    assert article.outlet is None and article.published is None and article.url is None
    assert article.text == "Library Adds Sunday Hours\n" + BODY.strip()


def test_title_header(tmp_path: Path) -> None:
    # with a Title header the body starts right after the headers ...
    path = _write(tmp_path, "a.txt", "Title: Library Adds Sunday Hours\n\n" + BODY)
    article = ingest.read_text_article(path)
    _check(article)
    assert article.text == "Library Adds Sunday Hours\n" + BODY.strip()
    # ... and a first body line repeating the title is not kept twice
    repeated = "Title: Library Adds Sunday Hours\n\nLibrary adds Sunday hours\n"
    path = _write(tmp_path, "b.txt", repeated + BODY)
    article = ingest.read_text_article(path)
    assert article.text == "Library Adds Sunday Hours\n" + BODY.strip()
    assert article.removed == ()


def test_noise_before_headline_is_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.md", "Skip to content\n# Library Adds Sunday Hours\n" + BODY)
    article = ingest.read_text_article(path)
    _check(article)
    assert article.title == "Library Adds Sunday Hours"
    assert article.removed == (RemovedLine("Skip to content", "navigation"),)


PUBLISHED = [
    ("2024-12-18", PartialDate.of(2024, 12, 18)),
    ("2024-12", PartialDate.of(2024, 12)),
    ("2024", PartialDate.of(2024)),
    ("2024-12-18T09:30:00Z", PartialDate.of(2024, 12, 18)),
    ("December 18, 2024", PartialDate.of(2024, 12, 18)),
    ("Dec. 18, 2024", PartialDate.of(2024, 12, 18)),
    ("Wednesday, December 18, 2024", PartialDate.of(2024, 12, 18)),
    ("18 December 2024", PartialDate.of(2024, 12, 18)),
    ("Sept 3 2024", PartialDate.of(2024, 9, 3)),
    ("December 2024", PartialDate.of(2024, 12)),
]


@pytest.mark.parametrize(("value", "expected"), PUBLISHED)
def test_published_header_formats(tmp_path: Path, value: str, expected: PartialDate) -> None:
    path = _write(tmp_path, "a.txt", f"Published: {value}\nHeadline Here\n{BODY}")
    article = ingest.read_text_article(path)
    assert article.published == expected
    assert article.published_basis == "given"


def test_unreadable_published_is_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", f"Published: last Tuesday\nHeadline Here\n{BODY}")
    articles, problems = ingest.read_inputs([path])
    assert len(articles) == 1 and articles[0].published is None
    assert articles[0].published_basis is None
    assert [(p.code, p.fatal) for p in problems] == [(MalformedInput.code, False)]


@pytest.mark.parametrize("value", ["2024-13-01", "2024-02-30", "Smarch 3, 2024", ""])
def test_parse_published_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        common.parse_published(value)


OUT_OF_RANGE_PUBLISHED = [
    # (value, year): well-formed, but no news article was published then
    ("0001-01-01", 1),
    ("0000-06-01", 0),
    ("1799-12-31", 1799),
    ("2201", 2201),
    ("9999-12-31T23:59:59Z", 9999),
    ("March 3, 1066", 1066),
    ("4 July 3024", 3024),
    ("December 2999", 2999),
]


@pytest.mark.parametrize(("value", "year"), OUT_OF_RANGE_PUBLISHED)
def test_parse_published_rejects_implausible_years(value: str, year: int) -> None:
    with pytest.raises(common.PublishedOutOfRange) as caught:
        common.parse_published(value)
    assert caught.value.year == year
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(("value", "expected"), [
    ("1800-01-01", PartialDate.of(1800, 1, 1)),
    ("2200-12", PartialDate.of(2200, 12)),
])
def test_parse_published_keeps_the_edges_of_the_range(value: str, expected: PartialDate) -> None:
    assert common.parse_published(value) == expected


@pytest.mark.parametrize(("value", "year"), OUT_OF_RANGE_PUBLISHED)
def test_implausible_published_header_is_a_warning(tmp_path: Path, value: str, year: int) -> None:
    path = _write(tmp_path, "a.txt", f"Published: {value}\nHeadline Here\n{BODY}")
    articles, problems = ingest.read_inputs([path])
    assert len(articles) == 1 and articles[0].published is None
    assert articles[0].published_basis is None
    assert [(p.code, p.fatal) for p in problems] == [(MalformedInput.code, False)]
    assert value in problems[0].message and str(year) in problems[0].message
    assert "1800" in problems[0].message and problems[0].hint


@pytest.mark.parametrize("value", ["0999-05-02", "2500-01-01"])
def test_implausible_published_field_in_a_record_is_a_warning(tmp_path: Path, value: str) -> None:
    record = {"id": "r1", "title": "Library Adds Sunday Hours", "text": BODY, "published": value}
    articles, problems = ingest.read_inputs([_write(tmp_path, "a.json", json.dumps(record))])
    assert len(articles) == 1 and articles[0].published is None
    assert [(p.code, p.fatal) for p in problems] == [("R105", False)]
    assert value in problems[0].message


def test_implausible_published_string_given_directly_is_refused() -> None:
    with pytest.raises(MalformedInput, match="0001"):
        ingest.article_from_text(BODY, id="x", source="m", published="0001-01-01")


METADATA_DATES = [
    # (trafilatura's date string, published, warns)
    ("2025-02-07", PartialDate.of(2025, 2, 7), False),
    ("2025-02-07T08:30:00+00:00", PartialDate.of(2025, 2, 7), False),
    ("2025-02", PartialDate.of(2025, 2), False),
    (None, None, False),
    ("", None, False),
    ("not a date", None, False),  # unreadable metadata is silently unknown
    ("0001-01-01", None, True),
    ("1700-03-09", None, True),
    ("9999-12-31", None, True),
]


@pytest.mark.parametrize(("value", "expected", "warns"), METADATA_DATES)
def test_html_metadata_date(value: str | None, expected: PartialDate | None, warns: bool) -> None:
    from rashomon.ingest import html

    published, problems = html.metadata_published(value, "page.html")
    assert published == expected
    if warns:
        assert [(p.code, p.fatal, p.source) for p in problems] == [("R105", False, "page.html")]
        assert value in problems[0].message and problems[0].hint
    else:
        assert problems == []


def test_html_date_parameters_are_read_only() -> None:
    from rashomon.ingest import html

    with pytest.raises(TypeError):
        html._DATE_PARAMS["extensive_search"] = True  # type: ignore[index]
    # the fixture still reads (each call gets its own copy of the parameters)
    for _ in range(2):
        assert ingest.read_html_article(FIXTURES / "ferry_page.html").published == PartialDate.of(2025, 2, 7)


def test_article_from_text_direct() -> None:
    article = ingest.article_from_text(
        "Library Adds Sunday Hours\nAdvertisement\n" + BODY,
        id="lib",
        source="memory",
        outlet="  The Wrenport   Post ",
        published="2025-01",
    )
    _check(article)
    assert article.outlet == "The Wrenport Post"
    assert article.published == PartialDate.of(2025, 1)
    assert article.published_basis == "given"
    assert article.removed == (RemovedLine("Advertisement", "advertisement"),)
    no_headline = ingest.article_from_text(BODY, id="x", source="m", find_headline=False)
    _check(no_headline)
    assert no_headline.title is None and no_headline.text == BODY.strip()
    with pytest.raises(MalformedInput):
        ingest.article_from_text(BODY, id="x", source="m", published="soon")


def test_headline_only_is_no_article(tmp_path: Path) -> None:
    raw = "Outlet: Wrenport Post\nLibrary Adds Sunday Hours\nShare This Article\n"
    path = _write(tmp_path, "a.txt", raw)
    with pytest.raises(EmptyInput):
        ingest.read_text_article(path)


def test_saved_page_named_txt_goes_to_html_reader(tmp_path: Path) -> None:
    html = (FIXTURES / "ferry_page.html").read_text(encoding="utf-8")
    article = ingest.read_inputs([_write(tmp_path, "page.txt", html)])[0][0]
    assert article.title == "Ferry Service to Gull Island Resumes After Storm Repairs"


# --- HTML ---------------------------------------------------------------------------


def test_html_fixture() -> None:
    article = ingest.read_html_article(FIXTURES / "ferry_page.html")
    _check(article)
    assert article.id == "ferry_page"
    assert article.title == "Ferry Service to Gull Island Resumes After Storm Repairs"
    assert article.outlet == "The Coastline Courier"
    assert article.published == PartialDate.of(2025, 2, 7)
    assert article.published_basis == "metadata"
    assert article.url == "https://courier.example/news/ferry-resumes"
    lines = article.text.split("\n")
    assert lines[1].startswith("The ferry between Wrenport and Gull Island")
    assert lines[-1].startswith("Farrant said the ferry would return")
    assert len(lines) == 6  # headline (once) + five paragraphs
    noise_words = ("Home", "Privacy Policy", "Related Stories", "Storm Leaves", "Copyright")
    for noise in (*noise_words, "Sign up"):
        assert noise not in article.text
    # trafilatura dropped the navigation, related list and footer; the cleaner the rest
    assert [r.reason for r in article.removed] == ["newsletter"]


def test_html_without_text(tmp_path: Path) -> None:
    html = "<html><head><title>Nothing</title></head><body></body></html>"
    path = _write(tmp_path, "blank.html", html)
    articles, problems = ingest.read_inputs([path])
    assert articles == ()
    assert [(p.code, p.fatal) for p in problems] == [(EmptyInput.code, True)]


# --- records ------------------------------------------------------------------------


def test_jsonl_fixture_with_bad_line() -> None:
    path = FIXTURES / "wire.jsonl"
    articles, problems = ingest.read_records(path)
    assert [a.id for a in articles] == ["wire-orchard", "wire-2"]
    for article in articles:
        _check(article)
    first, second = articles
    assert first.outlet == "Valley Wire" and first.url == "https://valleywire.example/orchard"
    assert first.published == PartialDate.of(2024, 10, 2) and first.published_basis == "given"
    assert second.published == PartialDate.of(2024, 10)
    assert second.source == f"{path}:2"
    assert len(problems) == 1
    problem = problems[0]
    assert problem.code == MalformedInput.code and problem.fatal
    assert problem.source == f"{path}:3" and "line 3" in problem.message


def test_json_list_and_object(tmp_path: Path) -> None:
    records = [
        {"title": "Library Adds Sunday Hours", "text": BODY, "outlet": "Wrenport Post"},
        {"text": BODY, "id": 7},
        {"title": "No body here"},
        "not an object",
    ]
    articles, problems = ingest.read_records(_write(tmp_path, "batch.json", json.dumps(records)))
    assert [a.id for a in articles] == ["batch-1", "7"]
    assert articles[1].title is None and articles[1].title_span is None  # text is the body
    for article in articles:
        _check(article)
    assert [(p.source.rsplit("#", 1)[1], p.code) for p in problems] == [
        ("3", MalformedInput.code),
        ("4", MalformedInput.code),
    ]
    record = {"headline": "Library Adds Sunday Hours", "body": BODY}
    single = _write(tmp_path, "one.json", json.dumps(record))
    articles, problems = ingest.read_records(single)
    assert [a.id for a in articles] == ["one"] and problems == []
    assert articles[0].title == "Library Adds Sunday Hours"


def test_malformed_json_file(tmp_path: Path) -> None:
    articles, problems = ingest.read_inputs([_write(tmp_path, "bad.json", '{"text": "cut')])
    assert articles == ()
    assert [(p.code, p.fatal) for p in problems] == [(MalformedInput.code, True)]


# --- inputs, problems, ids ----------------------------------------------------------


def test_read_inputs_on_fixture_directory() -> None:
    articles, problems = ingest.read_inputs([FIXTURES])
    assert [a.id for a in articles] == ["ferry_page", "harbor_vote", "wire-orchard", "wire-2"]
    for article in articles:
        _check(article)
    by_source = {Path(p.source.split(":")[0]).name: p for p in problems}
    assert set(by_source) == {"binary.txt", "empty.txt", "wire.jsonl"}
    assert by_source["binary.txt"].code == UndecodableInput.code
    assert by_source["empty.txt"].code == EmptyInput.code
    assert by_source["wire.jsonl"].code == MalformedInput.code
    assert all(p.fatal for p in problems)


def test_directory_walk_recursive_sorted_skipping_unknown(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", "Second Story Here\n" + BODY)
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "a.md", "Nested Story Here\n" + BODY)
    _write(tmp_path, "notes.csv", "a,b\n1,2\n")  # unknown suffix inside a directory: skipped
    _write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".hidden").mkdir()
    _write(tmp_path / ".hidden", "c.txt", "Hidden Story\n" + BODY)
    articles, problems = ingest.read_inputs([str(tmp_path)])
    assert [a.id for a in articles] == ["b", "a"]  # sorted by path: b.txt < sub/a.md
    assert problems == ()
    assert articles[1].source == str(tmp_path / "sub" / "a.md")


def test_explicit_unknown_suffix(tmp_path: Path) -> None:
    good = _write(tmp_path, "story.article", "Library Adds Sunday Hours\n" + BODY)
    bad = _write(tmp_path, "story.dat", "Caf\xe9 Reopens\n".encode("cp1252") + BODY.encode())
    articles, problems = ingest.read_inputs([good, bad])
    assert [a.id for a in articles] == ["story"]
    assert [(p.source, p.code) for p in problems] == [(str(bad), UnsupportedInput.code)]


def test_missing_path_and_others_still_read(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", "Library Adds Sunday Hours\n" + BODY)
    missing = tmp_path / "missing.txt"
    articles, problems = ingest.read_inputs([missing, good])
    assert [a.id for a in articles] == ["good"]
    assert [(p.source, p.code, p.fatal) for p in problems] == [
        (str(missing), InputNotFound.code, True)
    ]
    assert problems[0].hint
    with pytest.raises(InputNotFound):
        ingest.read_text_article(missing)


def test_empty_directory_is_a_problem(tmp_path: Path) -> None:
    articles, problems = ingest.read_inputs([tmp_path])
    assert articles == () and [p.code for p in problems] == [EmptyInput.code]


def test_duplicate_ids_get_suffixes(tmp_path: Path) -> None:
    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        _write(tmp_path / folder, "story.txt", f"Story From {folder.upper()}\n" + BODY)
    articles, _ = ingest.read_inputs([tmp_path])
    assert [a.id for a in articles] == ["story", "story-2", "story-3"]
    assert [a.title for a in articles] == ["Story From X", "Story From Y", "Story From Z"]


# --- encodings and size -------------------------------------------------------------

TEXT = "Caf\u00e9 Owner Wins \u201cBest Pie\u201d Prize\n" + BODY


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "crlf"],
)
def test_encodings(tmp_path: Path, data: bytes) -> None:
    articles, problems = ingest.read_inputs([_write(tmp_path, "cafe.txt", data)])
    assert problems == ()
    assert articles[0].title == "Caf\u00e9 Owner Wins \u201cBest Pie\u201d Prize"
    assert articles[0].text == TEXT.strip()


def test_cp1252_fallback_warns(tmp_path: Path) -> None:
    articles, problems = ingest.read_inputs([_write(tmp_path, "cafe.txt", TEXT.encode("cp1252"))])
    assert articles[0].title == "Caf\u00e9 Owner Wins \u201cBest Pie\u201d Prize"
    assert [(p.code, p.fatal) for p in problems] == [(UndecodableInput.code, False)]


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02binary", bytes(range(1, 32)) * 20, b"\x81\x8d\x8f\x90\x9d" * 10],
    ids=["nul", "controls", "undecodable"],
)
def test_binary_or_undecodable(tmp_path: Path, data: bytes) -> None:
    articles, problems = ingest.read_inputs([_write(tmp_path, "blob.txt", data)])
    assert articles == ()
    assert [(p.code, p.fatal) for p in problems] == [(UndecodableInput.code, True)]


def test_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "MAX_INPUT_BYTES", 100)
    articles, problems = ingest.read_inputs([_write(tmp_path, "big.txt", "Big Story\n" + BODY * 3)])
    assert articles == ()
    assert [p.code for p in problems] == [UnsupportedInput.code]
    assert "limit" in problems[0].message


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    _, problems = ingest.read_inputs([_write(tmp_path, "blank.txt", "  \n\n\t\n")])
    assert [p.code for p in problems] == [EmptyInput.code]


def test_jsonl_is_streamed_in_batches_past_the_file_size_limit(tmp_path: Path, monkeypatch) -> None:
    from rashomon.ingest import common, records

    path = tmp_path / "dump.jsonl"
    lines = [json.dumps({"id": f"r{k}", "text": f"Ferry number {k} sailed from Quayhaven late."})
             for k in range(7)]
    lines.insert(3, "{broken")
    lines.append(json.dumps({"id": "big", "text": "x" * 400}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # a limit below the file's size (and above a line's, but for the last record)
    monkeypatch.setattr(records, "MAX_INPUT_BYTES", 300)
    assert path.stat().st_size > 300 and common.MAX_INPUT_BYTES > 300
    batches = list(records.iter_jsonl(path, batch=3))
    assert [[a.id for a in found] for found, _ in batches] == [["r0", "r1", "r2"], ["r3", "r4", "r5"], ["r6"]]
    problems = [p for _, met in batches for p in met]
    assert [(p.source.rsplit(":", 1)[1], p.code) for p in problems] == [("4", "R105"), ("9", "R102")]
    assert "over the" in problems[1].message and problems[1].fatal
