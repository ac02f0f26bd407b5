"""Articles from the web: one URL, a file listing URLs, an RSS or Atom feed.

:func:`read_url` fetches a URL through the safe client of :mod:`.fetch` and reads the
response by what it is: a feed (its content type says RSS or Atom, or the body starts
like a feed and parses with entries) gives every entry's page; plain text goes through
the text reader (:func:`.text.text_article`); anything else is read as an HTML page
(:func:`.html.html_document`). The source of an article is the URL given, its ``url``
the final URL after redirects.

A feed's entry pages are fetched together (:func:`.fetch.fetch_many`). A page with no
publication date of its own takes the entry's date (basis "metadata", the day as the
feed wrote it, not shifted to UTC); a page with no headline takes the entry's title.

Nothing raises out of the ``read_*`` functions: a URL, a list line or an entry that
fails is one :class:`~rashomon.model.Problem` (naming it) and the others are still read.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from ..errors import EmptyInput, InputError, MalformedInput, UnsupportedUrl
from ..model import Article, PartialDate, Problem
from .common import (
    PublishedOutOfRange,
    decode_text,
    out_of_range_warning,
    parse_published,
    problem_from,
    published_or_warning,
    read_input_bytes,
)
from .fetch import (
    DEFAULT_OPTIONS,
    FEED_TYPES,
    PAGE_TYPES,
    SCHEMES,
    TEXT_TYPES,
    Fetched,
    FetchOptions,
    fetch_many,
    fetch_result,
    fetched_text,
)
from .html import html_document
from .text import text_article

FEED_SUFFIXES = (".rss", ".atom", ".xml")
# How much of a file is_url_list reads: enough for a header comment and a few URLs.
URL_LIST_PROBE_BYTES = 4096
# How a feed starts (after an XML declaration or a comment): RSS 2.0, Atom, RSS 1.0.
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_HTML_STARTS = (b"<!doctype html", b"<html")
# Last path segments that say nothing about the article: the segment before names it.
_GENERIC_PAGE_NAMES = frozenset({"index", "default", "article", "story", "amp", "print"})


def is_http_url(text: str) -> bool:
    """True for an absolute http(s) URL with a host and no white space."""
    if not text or any(ch.isspace() for ch in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:  # "http://[oops": not a URL at all
        return False
    return parts.scheme.lower() in SCHEMES and bool(parts.netloc)


def url_id(url: str) -> str:
    """An article id from its URL: the last path segment without its suffix
    (".../2024/05/ferry-strike.html" -> "ferry-strike"; "article.php?id=12" ->
    "article-id-12"), else the host."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "page"
    segments = [unquote(s) for s in parts.path.split("/") if s]
    while len(segments) > 1 and segments[-1].rsplit(".", 1)[0].lower() in _GENERIC_PAGE_NAMES:
        segments.pop()
    stem = segments[-1].rsplit(".", 1)[0] if segments else ""
    if parts.query and "-" not in stem:  # "article.php?id=123": the query names the page
        stem = f"{stem}-{parts.query}"
    slug = re.sub(r"[^\w-]+", "-", stem).strip("-")
    return slug or parts.hostname or "page"


def _url_lines(text: str) -> Iterator[tuple[int, str]]:
    """The numbered lines that are neither blank nor ``#`` comments."""
    for number, line in enumerate(text.split("\n"), 1):
        entry = line.strip()
        if entry and not entry.startswith("#"):
            yield number, entry


def is_url_list(path: str | Path) -> bool:
    """True when the non-blank, non-comment lines in the file's first few KB are single
    words (no prose), at least half of them meant as URLs ("://", "www.") and one an
    http(s) URL: a .txt of URLs, not an article (its lines that are no http(s) URL are
    then one problem each). Never raises."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(URL_LIST_PROBE_BYTES + 1)
    except OSError:
        return False
    if len(head) > URL_LIST_PROBE_BYTES:  # the last line may be cut: leave it out
        head = head[:URL_LIST_PROBE_BYTES].rsplit(b"\n", 1)[0]
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    lines = [entry for _, entry in _url_lines(text.replace("\r", "\n"))]
    if not lines or any(len(entry.split()) > 1 for entry in lines):
        return False
    # (a line meant as a URL, even a broken one, counts: it becomes a problem line)
    meant = sum("://" in entry or entry.lower().startswith("www.") for entry in lines)
    return any(is_http_url(entry) for entry in lines) and 2 * meant >= len(lines)


def _looks_like(data: bytes, starts: tuple[bytes, ...], within: int = 1024) -> bool:
    head = data[:within].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return any(head.startswith(start) for start in starts) or (
        head.startswith(b"<?xml") and any(start in head for start in starts)
    )


def page_article(fetched: Fetched, source: str) -> tuple[Article, list[Problem]]:
    """The article on a fetched page and its warnings; raises a typed InputError."""
    text, warnings = fetched_text(fetched, source)
    article_id = url_id(fetched.url)
    if fetched.content_type in TEXT_TYPES and not _looks_like(fetched.body, _HTML_STARTS):
        article, more = text_article(text, id=article_id, source=source)
        article = article if article.url else replace(article, url=fetched.url)
    else:
        article, more = html_document(text, id=article_id, source=source, url=fetched.url)
    return article, warnings + more


def parsed_feed(data: bytes, source: str, base: str | None = None) -> Any:
    """feedparser's reading of a feed with at least one entry. Raises MalformedInput
    for what is no feed, EmptyInput for a feed without entries. ``base`` resolves
    relative links."""
    import feedparser  # imported here: only feeds need it

    # A stream, never bytes or str: feedparser opens a str that looks like a path or URL.
    headers = {"content-location": base} if base else None
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as exc:  # noqa: BLE001 (a hostile feed must cost only itself)
        raise MalformedInput(
            f"the feed could not be parsed ({type(exc).__name__}: {exc})",
            hint="check that the URL or file is a feed: open it in a browser", source=source,
        ) from exc
    if parsed.entries:
        return parsed
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        raise MalformedInput(
            "not a readable RSS or Atom feed" + (f" ({reason})" if reason else ""),
            hint="check that the URL or file is a feed: open it in a browser", source=source,
        )
    raise EmptyInput(
        "the feed has no entries",
        hint="the feed may be empty for now: try again later, or list article URLs",
        source=source,
    )


def entry_published(entry: Any, source: str) -> tuple[PartialDate | None, list[Problem]]:
    """An entry's publication (else update) date as the feed wrote it, else as
    feedparser read it (in UTC); None when it has none. An implausible year warns."""
    for key in ("published", "updated"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parse_published(str(raw)), []
        except PublishedOutOfRange as exc:
            return None, [out_of_range_warning(str(raw), exc.year, source, "feed entry")]
        except ValueError:
            parsed = entry.get(f"{key}_parsed")
            if parsed:
                return published_or_warning(time.strftime("%Y-%m-%d", parsed), source, "feed entry")
    return None, []


def _headline_key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


def with_headline(article: Article, title: str) -> Article:
    """The article with ``title`` as its headline line (for a page without one)."""
    headline = " ".join(title.split())
    first = article.text.partition("\n")[0]
    if _headline_key(first) == _headline_key(headline):  # the body starts with it already
        return replace(article, title=first, title_span=(0, len(first)))
    return replace(
        article, text=f"{headline}\n{article.text}", title=headline,
        title_span=(0, len(headline)),
    )


def entry_article(fetched: Fetched, link: str, entry: Any) -> tuple[Article, list[Problem]]:
    """The article on an entry's page, with the entry's date and title standing in
    for what the page lacks; raises a typed InputError."""
    article, warnings = page_article(fetched, link)
    if article.published is None:
        published, more = entry_published(entry, link)
        warnings += more
        if published is not None:
            article = replace(article, published=published, published_basis="metadata")
    title = entry.get("title")
    if article.title is None and title and title.strip():
        article = with_headline(article, title)
    return article, warnings


def _article_or_problem(source: str, read: Callable[..., tuple[Article, list[Problem]]],
                        *args: Any) -> tuple[list[Article], list[Problem]]:
    """``read(*args)``'s article and warnings, or the problem met. Pages come from
    anywhere: an extractor crash on one must cost that page only, so any exception
    becomes a problem (a typed InputError keeps its own code)."""
    try:
        article, warnings = read(*args)
    except InputError as error:
        return [], [problem_from(error, source)]
    except Exception as exc:  # noqa: BLE001 (see the docstring)
        error = MalformedInput(
            f"the page could not be read ({type(exc).__name__}: {exc})",
            hint="save the article text from a browser as .txt and give the file",
            source=source,
        )
        return [], [problem_from(error, source)]
    return [article], warnings


def _entry_links(parsed: Any, source: str, base: str | None
                 ) -> tuple[dict[str, Any], list[Problem]]:
    """Each entry's page URL (relative ones resolved, repeats dropped) with its entry,
    and a problem for each entry without an http(s) link."""
    links: dict[str, Any] = {}
    problems: list[Problem] = []
    for number, entry in enumerate(parsed.entries, 1):
        link = (entry.get("link") or "").strip()
        try:
            link = urljoin(base, link) if base and link else link
        except ValueError:
            pass  # (a malformed link: the test below turns it into a problem)
        if is_http_url(link):
            links.setdefault(link, entry)
            continue
        title = entry.get("title") or "untitled"
        error = UnsupportedUrl(
            f"feed entry {number} ({title[:60]!r}) has no http(s) link"
            + (f": {link[:80]!r}" if link else ""),
            hint="rashomon reads the page an entry links to; list the article URLs instead",
        )
        problems.append(problem_from(error, f"{source}#{number}"))
    return links, problems


def _read_entries(parsed: Any, source: str, base: str | None, options: FetchOptions
                  ) -> Iterator[tuple[list[Article], list[Problem]]]:
    links, problems = _entry_links(parsed, source, base)
    for problem in problems:
        yield [], [problem]
    for link, result in fetch_many(links, options, accept=PAGE_TYPES):
        if isinstance(result, InputError):
            yield [], [problem_from(result, link)]
            continue
        yield _article_or_problem(link, entry_article, result, link, links[link])


def read_feed(source: str, data: bytes, options: FetchOptions = DEFAULT_OPTIONS, *,
              base: str | None = None) -> Iterator[tuple[list[Article], list[Problem]]]:
    """The article of each entry of a feed and the problems met, one pair per entry
    (a feed that does not parse or has no entries: one problem). ``base`` (default:
    ``source`` when it is a URL) resolves relative entry links."""
    base = base or (source if is_http_url(source) else None)
    try:
        parsed = parsed_feed(data, source, base)
    except InputError as error:
        yield [], [problem_from(error, source)]
        return
    yield from _read_entries(parsed, source, base, options)


def read_feed_file(path: str | Path, options: FetchOptions = DEFAULT_OPTIONS
                   ) -> Iterator[tuple[list[Article], list[Problem]]]:
    """The articles an .rss, .atom or .xml feed file links to (see :func:`read_feed`)."""
    source = str(path)
    try:
        data = read_input_bytes(Path(path), source)
    except InputError as error:
        yield [], [problem_from(error, source)]
        return
    yield from read_feed(source, data, options)


def _read_fetched(fetched: Fetched, source: str, options: FetchOptions
                  ) -> tuple[list[Article], list[Problem]]:
    """The articles in a fetched response: a feed's entries, or the page's article.
    A feed content type must hold a feed; a body that only starts like one (served as
    HTML, XML or text) is read as a page unless it parses with entries."""
    declared = fetched.content_type in FEED_TYPES
    if declared or _looks_like(fetched.body, _FEED_ROOTS):
        try:
            parsed = parsed_feed(fetched.body, source, fetched.url)
        except InputError as error:
            parsed = None
            if declared:
                return [], [problem_from(error, source)]
        if parsed is not None:
            articles: list[Article] = []
            problems: list[Problem] = []
            for found, met in _read_entries(parsed, source, fetched.url, options):
                articles.extend(found)
                problems.extend(met)
            return articles, problems
    return _article_or_problem(source, page_article, fetched, source)


def read_url(url: str, options: FetchOptions = DEFAULT_OPTIONS
             ) -> tuple[list[Article], list[Problem]]:
    """The article at ``url`` (or every entry's, for a feed) and the problems met."""
    fetched = fetch_result(url, options)
    if isinstance(fetched, InputError):
        return [], [problem_from(fetched, url)]
    return _read_fetched(fetched, url, options)


def read_url_list(path: str | Path, options: FetchOptions = DEFAULT_OPTIONS
                  ) -> Iterator[tuple[list[Article], list[Problem]]]:
    """The articles at the URLs a file lists (one a line; blank lines and ``#``
    comments skipped), one pair per line: a line that is no http(s) URL is a problem
    naming ``file:line``, yielded first; then each URL's result in the file's order."""
    source = str(path)
    try:
        text, _ = decode_text(read_input_bytes(Path(path), source), source)
    except InputError as error:
        yield [], [problem_from(error, source)]
        return
    urls = []
    for number, entry in _url_lines(text):
        if is_http_url(entry):
            urls.append(entry)
            continue
        error = UnsupportedUrl(
            f"line {number} is not an http(s) URL: {entry[:80]!r}",
            hint="give one http:// or https:// URL a line; start comments with #",
        )
        yield [], [problem_from(error, f"{source}:{number}")]
    for url, result in fetch_many(urls, options):
        if isinstance(result, InputError):
            yield [], [problem_from(result, url)]
        else:
            yield _read_fetched(result, url, options)
