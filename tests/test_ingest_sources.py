"""One dispatch for every input kind (ingest/sources.py): which reader a source goes
to, folders (recursive, hidden entries skipped, .xml not read as a feed), the problems
of sources that are not there; its use by read_inputs, `rashomon analyze` and
`rashomon ingest` (URLs, URL lists, WARC crawls, a URL with "?" that is no glob).

Web pages come from a local server (helpers_web.serve), WARC files are written by hand
(helpers_web). Every outlet, person and sentence is made up.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from conftest import validate_report_json
from helpers_web import LocalWeb, html_page, response, send, serve, warcinfo, write_warc
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.corpus import expand_sources
from rashomon.ingest import read_inputs
from rashomon.ingest import sources as sources_module
from rashomon.ingest.fetch import FetchOptions
from rashomon.ingest.sources import FOLDER_FEED_SUFFIXES, folder_files, iter_source
from rashomon.model import Article, PartialDate, Problem
from rashomon.store import Store

LOCAL = FetchOptions(allow_private=True, connect_timeout=1.0, read_timeout=2.0)

# --- fictional articles ---------------------------------------------------------------

TRAM = (
    "The Wrenfield tram depot on Coldharbour Road will close at Easter, the Kestrel "
    "Line said on Wednesday, and its forty trams will move to the new yard at Ashby Cross.",
    "Depot manager Agathe Pellowmere said the old sheds could no longer take the longer "
    "trams the line ordered last year.",
    '"We have patched these roofs for a decade," Pellowmere said. "It is time."',
    "The company said none of the ninety depot staff would lose their jobs.",
)
BRIDGE = (
    "Repairs to the Ostwick cobble bridge will run three weeks past their deadline "
    "after divers found a cracked pier, the county roads office said on Friday.",
    "Engineer Rufus Hallingdale said the crack was old and the bridge had never been "
    "unsafe, but the pier had to be pinned before traffic could return.",
    "Buses will keep using the ford diversion through Millbeck until the end of May.",
)
ALLOTMENT = (
    "The waiting list for allotments in Brindle Vale has halved in a year after the "
    "parish opened thirty new plots on the old bowling green.",
    "Parish clerk Fennimore Quill said most people now waited about eight months for a "
    "plot, down from almost two years.",
    "A further twelve plots will open in the autumn once the water pipes are laid.",
)
LIGHTHOUSE = """Outlet: The Gannet Bay Herald
Published: 2025-04-02

Gannet Bay lighthouse to be repainted
The Gannet Bay lighthouse will be repainted in its old red and white bands this summer, the harbour trust said on Tuesday.
Trust secretary Ilse Marrowby said the paint had been matched to a photograph taken in 1931.
Scaffolding goes up in June and the lamp will stay lit throughout the work.
"""
# a URL inside a sentence, and one on a line of its own: still an article
TIMETABLE = """Outlet: The Gannet Bay Herald
Published: 2025-04-03

Summer ferry timetable published
The summer timetable for the Gannet Bay ferry is out, and readers can find it at https://herald.example/ferry/timetable before the first sailing on 1 May.
Harbour master Colm Errisdale said two extra evening crossings had been added on Fridays.
https://herald.example/ferry/fares
Fares stay at last year's prices.
"""
MARKET = html_page(
    "Night market returns to Saltgate Square",
    ("The Saltgate night market will return on the first Friday of June after a "
     "year away while the square was repaved, the town council said.",
     "Stallholder Perpetua Vance said forty traders had already booked pitches."),
    outlet="The Saltgate Echo", published="2025-05-02T18:00:00+01:00")
RECORDS = [
    {"id": "rec-bakery", "outlet": "Pellham Gazette", "published": "2025-03-04",
     "title": "Rye bakery wins county prize",
     "text": "The Millstone bakery in Pellham won the county rye bread prize on Saturday. "
             "Owner Hanna Voss said the starter came from her grandmother."},
    {"id": "rec-regatta", "outlet": "Pellham Gazette", "published": "2025-03-05",
     "title": "Regatta moves to September",
     "text": "The Pellham regatta will move from July to September this year, the rowing "
             "club said, to avoid the roadworks on the quay."},
]
WARC_PAGES = {
    "https://gazette.example/news/ferry-fares": html_page(
        "Ferry fares frozen for another year", (
            "The Kestrel ferry company froze its fares for a third year on Monday, "
            "saying passenger numbers had recovered faster than expected.",
            "Chief executive Dorrit Ambleside said fuel costs had also fallen since "
            "the winter."), outlet="The Kestrel Line Gazette",
        published="2025-03-10T09:00:00+00:00"),
    "https://gazette.example/news/school-roof": html_page(
        "School roof fixed before term", (
            "Builders finished the new roof of Ashby Cross primary school a week "
            "before the start of term, the county said on Thursday.",
            "Head teacher Lionel Fairweather said pupils would be back in their "
            "own classrooms after a winter in portable huts."),
        outlet="The Kestrel Line Gazette", published="2025-03-13T09:00:00+00:00"),
}
WARC_KEYS = {"https://gazette.example/news/ferry-fares": "gazette-example-news-ferry-fares",
             "https://gazette.example/news/school-roof": "gazette-example-news-school-roof"}

# --- the local web --------------------------------------------------------------------


def slow(h: BaseHTTPRequestHandler) -> None:
    time.sleep(1.5)
    send(h, 200, html_page("A page that comes too late", ALLOTMENT))


def rss(port: int, paths: Iterable[str]) -> str:
    items = "".join(f"<item><title>Entry {n}</title><link>http://127.0.0.1:{port}{path}</link>"
                    "<pubDate>Wed, 02 Apr 2025 08:00:00 GMT</pubDate></item>"
                    for n, path in enumerate(paths, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            "<title>Kestrel Line Gazette</title><link>http://127.0.0.1/</link>"
            f"<description>Local news</description>{items}</channel></rss>")


ROUTES = {
    "/news/tram-depot.html": lambda h: send(h, 200, html_page(
        "Tram depot to close at Easter", TRAM, outlet="The Kestrel Line Gazette",
        published="2025-04-02T07:00:00+00:00")),
    "/news/bridge-repairs.html": lambda h: send(h, 200, html_page(
        "Cobble bridge repairs run late", BRIDGE, outlet="The Ostwick Standard",
        published="2025-05-09T12:00:00+00:00")),
    # (the path only: "/search?id=7" is served here too)
    "/search": lambda h: send(h, 200, html_page(
        "Allotment waiting list halves", ALLOTMENT, outlet="Brindle Vale News",
        published="2025-06-01T10:00:00+00:00")),
    "/slow.html": slow,
}


@pytest.fixture(scope="module")
def site() -> Iterator[LocalWeb]:
    with serve(dict(ROUTES)) as web:
        yield web


def gather(pairs: Iterable[tuple[list[Article], list[Problem]]]
           ) -> tuple[list[Article], list[Problem]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    for found, met in pairs:
        articles.extend(found)
        problems.extend(met)
    return articles, problems


def write_crawl(path: Path) -> Path:
    return write_warc(path, [warcinfo()] + [
        response(url, body.encode("utf-8")) for url, body in WARC_PAGES.items()])


def write_records(path: Path) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


# --- which reader a source goes to ----------------------------------------------------

URL_LINES = "# to read\nhttps://gazette.example/news/a\n\nhttp://standard.example/b?id=4\n"


DISPATCH = [
    ("https://gazette.example/news/tram-depot", None, "url"),
    ("HTTP://standard.example/news/bridge", None, "url"),
    ("crawl.warc", b"", "warc"),
    ("crawl.warc.gz", b"", "warc"),  # Path.suffix is ".gz": the name's ending counts
    ("CRAWL.WARC.GZ", b"", "warc"),
    ("region.rss", b"", "feed"),
    ("region.atom", b"", "feed"),
    ("region.xml", b"", "feed"),  # named explicitly: a feed
    ("reading.txt", URL_LINES.encode(), "url list"),
    ("reading.urls", URL_LINES.encode(), "url list"),
    ("reading", URL_LINES.encode(), "url list"),  # no suffix
    ("links.md", URL_LINES.encode(), "file"),  # a Markdown file is never a list
    ("timetable.txt", TIMETABLE.encode(), "file"),
    ("lighthouse.txt", LIGHTHOUSE.encode(), "file"),
    ("market.html", MARKET.encode(), "file"),
    ("records.jsonl", b"{}", "jsonl"),
    ("records.ndjson", b"{}", "jsonl"),
    ("records.json", b"{}", "file"),
    ("crawl.gz", b"", "file"),  # gzip, but not named .warc.gz
]


@pytest.mark.parametrize(("name", "content", "reader"), DISPATCH,
                         ids=[name for name, _, _ in DISPATCH])
def test_dispatch_picks_the_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   name: str, content: bytes | None, reader: str) -> None:
    calls: list[tuple[str, str]] = []

    def one(kind: str):
        def read(source: object, *args: object) -> tuple[list, list]:
            calls.append((kind, str(source)))
            return [], []
        return read

    def many(kind: str):
        def read(source: object, *args: object) -> Iterator[tuple[list, list]]:
            calls.append((kind, str(source)))
            yield [], []
        return read

    monkeypatch.setattr(sources_module, "read_url", one("url"))
    monkeypatch.setattr(sources_module, "read_file", one("file"))
    monkeypatch.setattr(sources_module, "read_warc", many("warc"))
    monkeypatch.setattr(sources_module, "read_feed_file", many("feed"))
    monkeypatch.setattr(sources_module, "read_url_list", many("url list"))
    monkeypatch.setattr(sources_module, "iter_jsonl", many("jsonl"))
    if content is None:
        source = name
    else:
        (tmp_path / name).write_bytes(content)
        source = str(tmp_path / name)
    assert list(iter_source(source, LOCAL)) == [([], [])]
    assert calls == [(reader, source)]


def test_a_url_is_read_from_the_web(site: LocalWeb) -> None:
    url = site.url("/news/tram-depot.html")
    [(articles, problems)] = list(iter_source(url, LOCAL))
    assert problems == []
    [article] = articles
    assert (article.id, article.source, article.url) == ("tram-depot", url, url)
    assert article.title == "Tram depot to close at Easter"
    assert article.outlet == "The Kestrel Line Gazette"
    assert "Agathe Pellowmere" in article.text
    # the same URL without allow_private: refused, one problem
    [(articles, [problem])] = list(iter_source(url))
    assert articles == [] and problem.code == "R112" and problem.source == url


def test_a_warc_gz_file_gives_its_pages(tmp_path: Path) -> None:
    path = write_crawl(tmp_path / "april.warc.gz")
    assert path.suffix == ".gz"
    articles, problems = gather(iter_source(path))
    assert problems == []
    assert [a.url for a in articles] == list(WARC_PAGES)
    assert [a.id for a in articles] == list(WARC_KEYS.values())
    assert articles[0].published == PartialDate.of(2025, 3, 10)
    assert "Dorrit Ambleside" in articles[0].text


def test_a_gzip_not_named_warc_is_no_crawl(tmp_path: Path) -> None:
    path = write_crawl(tmp_path / "april.gz")
    [(articles, [problem])] = list(iter_source(path))
    assert articles == [] and problem.fatal and problem.code == "R102"


@pytest.mark.parametrize("name", ["region.rss", "region.atom", "region.xml"])
def test_a_feed_file_gives_the_pages_it_links_to(site: LocalWeb, tmp_path: Path,
                                                 name: str) -> None:
    path = tmp_path / name
    path.write_text(rss(site.port, ["/news/tram-depot.html", "/news/bridge-repairs.html"]),
                    encoding="utf-8")
    articles, problems = gather(iter_source(path, LOCAL))
    assert problems == []
    assert sorted(a.id for a in articles) == ["bridge-repairs", "tram-depot"]


def test_a_url_list_is_fetched_in_order(site: LocalWeb, tmp_path: Path) -> None:
    path = tmp_path / "reading.txt"
    path.write_text(f"# this week\n{site.url('/news/bridge-repairs.html')}\n\n"
                    f"   {site.url('/news/tram-depot.html')}  \n", encoding="utf-8")
    articles, problems = gather(iter_source(path, LOCAL))
    assert problems == []
    assert [a.id for a in articles] == ["bridge-repairs", "tram-depot"]
    assert articles[0].url == site.url("/news/bridge-repairs.html")


def test_a_text_article_with_urls_in_it_is_an_article(tmp_path: Path) -> None:
    path = tmp_path / "timetable.txt"
    path.write_text(TIMETABLE, encoding="utf-8")
    [(articles, problems)] = list(iter_source(path))
    assert problems == []
    [article] = articles
    assert article.id == "timetable" and article.url is None
    assert article.title == "Summer ferry timetable published"
    assert article.outlet == "The Gannet Bay Herald"
    assert "readers can find it at https://herald.example/ferry/timetable" in article.text


# --- folders --------------------------------------------------------------------------


def test_folder_reads_every_kind_it_holds(site: LocalWeb, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    (folder / "crawls").mkdir(parents=True)
    (folder / ".cache").mkdir()
    (folder / "lighthouse.txt").write_text(LIGHTHOUSE, encoding="utf-8")
    (folder / "market.html").write_text(MARKET, encoding="utf-8")
    write_records(folder / "records.jsonl")
    write_crawl(folder / "crawls" / "april.warc.gz")
    (folder / "region.rss").write_text(rss(site.port, ["/news/tram-depot.html"]),
                                       encoding="utf-8")
    # .xml is read as a feed only when named: in a folder it is skipped (it would
    # otherwise give the bridge story)
    (folder / "sitemap.xml").write_text(rss(site.port, ["/news/bridge-repairs.html"]),
                                        encoding="utf-8")
    assert ".xml" not in FOLDER_FEED_SUFFIXES
    (folder / ".draft.txt").write_text(TIMETABLE, encoding="utf-8")
    (folder / ".cache" / "old.txt").write_text(TIMETABLE, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 not an article")
    assert folder_files(folder) == [
        folder / "crawls" / "april.warc.gz",
        folder / "lighthouse.txt",
        folder / "market.html",
        folder / "records.jsonl",
        folder / "region.rss",
    ]
    articles, problems = gather(iter_source(folder, LOCAL))
    assert problems == []
    assert [a.id for a in articles] == [
        *WARC_KEYS.values(), "lighthouse", "market", "rec-bakery", "rec-regatta", "tram-depot",
    ]
    by_id = {a.id: a for a in articles}
    assert by_id["market"].outlet == "The Saltgate Echo"
    assert by_id["tram-depot"].url == site.url("/news/tram-depot.html")
    assert not any("Hallingdale" in a.text or "Errisdale" in a.text for a in articles)


def test_a_hidden_folder_named_explicitly_is_read(tmp_path: Path) -> None:
    folder = tmp_path / ".drafts"
    folder.mkdir()
    (folder / "lighthouse.txt").write_text(LIGHTHOUSE, encoding="utf-8")
    articles, problems = gather(iter_source(folder))
    assert problems == [] and [a.id for a in articles] == ["lighthouse"]


@pytest.mark.parametrize("contents", [{}, {".hidden.txt": LIGHTHOUSE, "scan.pdf": "%PDF"}])
def test_a_folder_with_nothing_to_read_is_one_problem(tmp_path: Path,
                                                      contents: dict[str, str]) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    for name, text in contents.items():
        (folder / name).write_text(text, encoding="utf-8")
    [(articles, [problem])] = list(iter_source(folder))
    assert articles == [] and problem.fatal
    assert problem.code == "R104" and problem.source == str(folder)


# --- sources that are not there -------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "hint"),
    [("missing/lighthouse.txt", "check the path"),
     ("www.example.org/x", "a URL needs its scheme, http:// or https://")],
)
def test_a_missing_path_is_one_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       given: str, hint: str) -> None:
    monkeypatch.chdir(tmp_path)
    [(articles, [problem])] = list(iter_source(given))
    assert articles == [] and problem.fatal
    assert (problem.code, problem.source, problem.hint) == ("R101", given, hint)


# --- read_inputs ----------------------------------------------------------------------


def test_read_inputs_over_mixed_sources(site: LocalWeb, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "lighthouse.txt").write_text(LIGHTHOUSE, encoding="utf-8")
    # a local note with the id a web page will have too
    (folder / "tram-depot.txt").write_text(
        "Tram depot notes\nThe Wrenfield depot closes at Easter, the notes say.\n",
        encoding="utf-8")
    crawl = write_crawl(tmp_path / "april.warc.gz")
    page = site.url("/news/tram-depot.html")
    gone = site.url("/news/gone.html")
    missing = str(tmp_path / "nowhere.txt")
    articles, problems = read_inputs([folder, str(crawl), missing, page, gone], LOCAL)
    assert [a.id for a in articles] == [
        "lighthouse", "tram-depot", *WARC_KEYS.values(), "tram-depot-2"]
    assert articles[-1].url == page and articles[1].source == str(folder / "tram-depot.txt")
    assert [(p.code, p.source) for p in problems] == [("R101", missing), ("R117", gone)]
    assert all(p.fatal for p in problems)


# --- rashomon analyze -----------------------------------------------------------------


def test_analyze_refuses_a_local_url_without_allow_private(site: LocalWeb) -> None:
    url = site.url("/news/tram-depot.html")
    result = CliRunner().invoke(app, ["analyze", url, "-q"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    [line] = [line for line in result.stderr.splitlines() if "R112" in line]
    assert line.startswith(url) and "--allow-private" in line
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_analyze_a_local_url_with_allow_private(site: LocalWeb) -> None:
    url = site.url("/news/tram-depot.html")
    result = CliRunner().invoke(app, ["analyze", url, "--allow-private", "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    data = json.loads(result.stdout)
    validate_report_json(data)
    [article] = data["articles"]
    assert article["title"] == "Tram depot to close at Easter"
    assert (article["source"], article["outlet"]) == (url, "The Kestrel Line Gazette")


@pytest.mark.slow
def test_analyze_a_slow_url_times_out_the_rest_is_analysed(site: LocalWeb,
                                                           tmp_path: Path) -> None:
    slow_url = site.url("/slow.html")
    local = tmp_path / "lighthouse.txt"
    local.write_text(LIGHTHOUSE, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", slow_url, str(local), "--allow-private",
                                      "--timeout", "0.5", "-f", "json", "-q"])
    assert result.exit_code == 1, result.output
    [line] = [line for line in result.stderr.splitlines() if "R115" in line]
    assert line.startswith(slow_url)
    assert [a["title"] for a in json.loads(result.stdout)["articles"]] == [
        "Gannet Bay lighthouse to be repainted"]


# --- rashomon ingest ------------------------------------------------------------------


def stored_keys(db: Path) -> set[str]:
    result = CliRunner().invoke(app, ["stories", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return {key for story in json.loads(result.stdout)["stories"] for key in story["articles"]}


def decoy(url: str) -> Path:
    """A local file the URL, read as a glob pattern from the current folder, would
    match ("http:/host/search-id=7" for "http://host/search?id=7")."""
    path = Path(url.replace("://", ":/").replace("?", "-").replace("*", "x"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Decoy\nA local file that only a glob would find.\n", encoding="utf-8")
    return path


def test_expand_sources_leaves_urls_alone(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("b.txt", "a.txt", "c.html"):
        (tmp_path / name).write_text(LIGHTHOUSE, encoding="utf-8")
    query = "http://127.0.0.1:8000/search?id=7"
    starred = "https://gazette.example/tag/*"
    for url in (query, starred):
        decoy(url)
    assert expand_sources([query, str(tmp_path / "*.txt"), starred,
                           str(tmp_path / "none-?.txt"), str(tmp_path / "c.html")]) == [
        query, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), starred,
        str(tmp_path / "none-?.txt"), str(tmp_path / "c.html")]


def test_ingest_a_url_list_and_a_url_with_a_query(site: LocalWeb, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "corpus.db"
    listing = tmp_path / "reading.txt"
    listing.write_text(f"# this week\n{site.url('/news/tram-depot.html')}\n"
                       f"{site.url('/news/bridge-repairs.html')}\n", encoding="utf-8")
    query = site.url("/search?id=7")
    decoy(query)  # read as a glob, the URL would be this file
    result = CliRunner().invoke(app, ["ingest", str(listing), query, "--db", str(db),
                                      "--allow-private", "-q"])
    assert result.exit_code == 0, result.output
    assert "read 3 articles: 3 added" in result.stderr
    assert stored_keys(db) == {"tram-depot", "bridge-repairs", "search-id-7"}
    with Store(db, create=False) as store:
        stored = store.article("search-id-7")
        assert stored is not None and stored.article.url == query
        assert stored.article.title == "Allotment waiting list halves"


def test_ingest_a_url_list_without_allow_private_stores_nothing(site: LocalWeb,
                                                               tmp_path: Path) -> None:
    listing = tmp_path / "reading.txt"
    listing.write_text(site.url("/news/tram-depot.html") + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(listing), "--db", str(tmp_path / "c.db"),
                                      "-q"])
    assert result.exit_code == 2, result.output
    assert "R112" in result.stderr and "read 0 articles" in result.stderr


def test_ingest_a_warc_gz_then_again(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    crawl = str(write_crawl(tmp_path / "april.warc.gz"))
    first = CliRunner().invoke(app, ["ingest", crawl, "--db", str(db), "-q"])
    assert first.exit_code == 0, first.output
    assert "read 2 articles: 2 added" in first.stderr
    assert stored_keys(db) == set(WARC_KEYS.values())
    with Store(db, create=False) as store:
        for url, key in WARC_KEYS.items():
            stored = store.article(key)
            assert stored is not None and stored.article.url == url
        stories = [(s.id, s.articles) for s in store.stories()]
    again = CliRunner().invoke(app, ["ingest", crawl, "--db", str(db), "-q"])
    assert again.exit_code == 0, again.output
    assert "read 2 articles: 0 added" in again.stderr
    assert "2 already stored" in again.stderr
    with Store(db, create=False) as store:
        assert store.article_count() == 2
        assert [(s.id, s.articles) for s in store.stories()] == stories
