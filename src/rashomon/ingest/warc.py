"""WARC archives (.warc, .warc.gz) as crawlers write them: the HTML pages they
captured become articles, read through the same path as saved .html files
(:func:`.html.html_document`: trafilatura, metadata, cleaning).

A crawl file can hold gigabytes, so :func:`read_warc` streams it record by record and
hands out the articles in batches with the problems met; one record at a time is in
memory. Only ``response`` records of an HTTP 200 with an HTML content type are pages;
requests, metadata, warcinfo, revisits, other types and other statuses are counted,
not reported, unless the file holds no page at all (then one warning says so).

fastwarc parses the records (several times faster than warcio), but like warcio it
stops without a word where a gzip member is cut short. The gzip layer is therefore
Python's, which raises there, and a guard turns that into the one problem that says
in which record the file breaks off; the articles read before the break are kept.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader, WarcReader
from fastwarc.warc import ArchiveIterator, WarcRecord

from ..errors import EmptyInput, InputError, InputNotFound, MalformedInput, UnsupportedInput
from ..model import Article, Problem
from .common import MAX_INPUT_BYTES, decode_text, problem_from
from .html import html_document

WARC_SUFFIXES = (".warc.gz", ".warc")  # longest first: the stem drops the whole suffix
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PAGE_STATUS = 200
GZIP_MAGIC = b"\x1f\x8b"
# Labels the web reads as Windows-1252 (WHATWG Encoding Standard): pages that say
# ISO-8859-1 use its curly quotes and dashes, which Latin-1 would make control codes.
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"})
_CONTENT_DECODERS: MappingProxyType[str, Callable[[io.BytesIO], WarcReader]] = MappingProxyType({
    "gzip": GzipReader,
    "x-gzip": GzipReader,
    "deflate": lambda stream: GzipReader(stream, zlib=True),
    "br": BrotliReader,
})
_NO_CODING = frozenset({"", "identity"})
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# What a failing gzip layer or disk raises (EOFError: a gzip member cut short).
_STREAM_ERRORS = (OSError, EOFError, zlib.error)
_MAX_ID = 80
_UNSAFE_ID = re.compile(r"[^a-z0-9]+")
_PAGE_SUFFIX = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.I)
_NOT_WARC = "bytes that are not a WARC record"


class _GuardedStream:
    """A binary stream whose read error ends the data and is kept in ``error``: raised
    through fastwarc, which reads ahead, it would lose the records read before the
    break. ``read1`` (one underlying read) keeps what was decompressed before it."""

    def __init__(self, inner: BinaryIO, file: BinaryIO) -> None:
        self.inner = inner
        self.file = file  # closed with it (a GzipFile leaves the file it reads open)
        self.error: Exception | None = None

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            return b""
        try:
            return self.inner.read1(size)  # type: ignore[attr-defined]
        except _STREAM_ERRORS as exc:
            self.error = exc
            return b""

    def tell(self) -> int:
        return self.inner.tell()

    def close(self) -> None:
        self.inner.close()
        self.file.close()


def warc_stem(path: Path) -> str:
    """The file name without .warc / .warc.gz ("crawl.warc.gz" -> "crawl")."""
    for suffix in WARC_SUFFIXES:
        if path.name.lower().endswith(suffix) and len(path.name) > len(suffix):
            return path.name[: -len(suffix)]
    return path.stem


def url_id(url: str | None, fallback: str) -> str:
    """A short id from a page's host and path ("https://www.x.example/news/a-b.html" ->
    "x-example-news-a-b"); ``fallback`` when the URL gives none. Too long an id keeps
    the host and the end of the path, where the article's slug sits."""
    try:
        parts = urlsplit(url or "")
    except ValueError:  # a malformed target URI
        return fallback
    host = _UNSAFE_ID.sub("-", (parts.hostname or "").removeprefix("www.")).strip("-")
    path = _UNSAFE_ID.sub("-", _PAGE_SUFFIX.sub("", parts.path.lower())).strip("-")
    if not host and not path:
        return fallback
    if not path or len(host) + 1 + len(path) <= _MAX_ID:
        return f"{host}-{path}".strip("-")[:_MAX_ID]
    return f"{host}-{path[-(_MAX_ID - len(host) - 1):].lstrip('-')}".strip("-")


def target_url(record: WarcRecord) -> str | None:
    """The record's WARC-Target-URI (some writers wrap it in <>)."""
    return (record.headers.get("WARC-Target-URI") or "").strip().strip("<>").strip() or None


def skip_reason(record: WarcRecord) -> str | None:
    """Why a record is no page to read ("request", "HTTP 404", "not HTML"...), or None
    for an HTTP 200 HTML response."""
    kind = (record.headers.get("WARC-Type") or "untyped").strip().lower()
    if kind != "response":
        return kind
    if not record.is_http or record.http_headers is None:
        return "non-HTTP response"
    if record.http_headers.status_code != PAGE_STATUS:
        return f"HTTP {record.http_headers.status_code}"
    if (record.http_content_type or "").strip().lower() not in HTML_CONTENT_TYPES:
        return "not HTML"
    return None


def cut_short(record: WarcRecord, payload_read: int) -> bool:
    """Whether the data ended inside the record: fastwarc hands such a record out as it
    is, shorter than its Content-Length or with that header cut off or emptied (its
    HTTP head cut short). Consumes the rest of the record."""
    declared = (record.headers.get("Content-Length") or "").strip()
    return not declared.isdigit() or payload_read + record.consume() < record.content_length


def _codings(value: str | None) -> list[str]:
    return [part.strip().lower() for part in (value or "").split(",") if part.strip()]


def http_body(payload: bytes, transfer_encoding: str | None, content_encoding: str | None,
              source: str) -> bytes:
    """The HTTP body with chunking and content codings undone. Some crawlers store the
    body decoded but keep the headers: markup that fails to decode is taken as decoded
    already. Raises MalformedInput or UnsupportedInput."""
    # the coding applied last comes off first
    codings = [c for c in reversed(_codings(content_encoding)) if c not in _NO_CODING]
    for coding in codings:
        if coding not in _CONTENT_DECODERS:
            raise UnsupportedInput(f"the page is sent with the {coding!r} content coding, "
                                   "which rashomon cannot undo", hint="save the page as .html")
    steps = [("chunked", ChunkedReader)] if "chunked" in _codings(transfer_encoding) else []
    steps += [(coding, _CONTENT_DECODERS[coding]) for coding in codings]
    body = payload
    for name, decoder in steps:
        try:
            body = _bounded_read(decoder(io.BytesIO(body)), source)
        except OSError as exc:
            if not body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
                raise MalformedInput(f"cannot undo the {name} encoding of the page: {exc}",
                                     hint="the record is damaged; save the page as .html",
                                     source=source) from exc
    return body


def _bounded_read(reader: Any, source: str) -> bytes:
    """All a decoding reader gives, refused past the input size limit (a small
    compressed record can expand to gigabytes)."""
    parts: list[bytes] = []
    size = 0
    while chunk := reader.read(1 << 20):
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise UnsupportedInput(
                f"the page decodes to over {MAX_INPUT_BYTES / 1024 / 1024:g} MB",
                hint="a page this large is no article; it is skipped", source=source)
        parts.append(chunk)
    return b"".join(parts)


def page_text(body: bytes, charset: str | None, source: str) -> tuple[str, list[Problem]]:
    """The page's text: in the charset of the HTTP header when it names one (a
    byte-order mark wins, as in browsers), else by :func:`decode_text`."""
    label = (charset or "").strip().strip("\"'").lower()
    if label and not body.startswith(_BOMS):
        try:
            text = body.decode("cp1252" if label in _WINDOWS_1252_LABELS else label)
            return text.replace("\r\n", "\n").replace("\r", "\n"), []
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: guess as for a saved page
    return decode_text(body, source)


def record_article(record: WarcRecord, payload: bytes | None, *, number: int, stem: str,
                   source: str) -> tuple[Article, list[Problem]]:
    """The article in one HTML response record (``payload``: its HTTP body as stored,
    None when over the size limit) and its warnings; raises an InputError."""
    if payload is None:
        raise UnsupportedInput(
            f"the page is {record.content_length / 1024 / 1024:.1f} MB, over the "
            f"{MAX_INPUT_BYTES / 1024 / 1024:g} MB limit", hint="no news page is that large")
    url = target_url(record)
    headers = record.http_headers
    body = http_body(payload, headers.get("Transfer-Encoding"), headers.get("Content-Encoding"),
                     source)
    html, warnings = page_text(body, record.http_charset, source)
    article, more = html_document(html, id=url_id(url, f"{stem}-{number}"), source=source,
                                  url=url)
    return article, warnings + more


def break_problem(number: int, why: str, articles: int, source: str) -> Problem:
    """The one fatal problem for a file that breaks off in record ``number``."""
    if number == 1 and why == _NOT_WARC:
        error: InputError = UnsupportedInput(
            "not a WARC file: it does not start with a WARC record",
            hint="give a .warc or .warc.gz file as a crawler writes it")
    else:
        error = MalformedInput(
            f"the file breaks off in record {number} ({why}); "
            f"{articles} article{'s' if articles != 1 else ''} read before it",
            hint="the file was cut short or damaged (an interrupted download or crawl); "
            "fetch or write it again to read the rest",
            source=f"{source}#{number}")
    return problem_from(error, source)


def stream_break(error: Exception | None) -> str:
    """What broke the stream, in a few words for the break problem."""
    if error is None:
        return "the record is cut short"
    if isinstance(error, EOFError):
        return "a gzip member is cut short"
    if isinstance(error, (gzip.BadGzipFile, zlib.error)):
        return "damaged gzip data"
    return f"read error: {error}"


def summary_warning(skipped: Counter[str], source: str) -> Problem:
    """The warning for a file with no HTML response among its records."""
    total = sum(skipped.values())
    kinds = ", ".join(f"{count} {reason}" for reason, count in skipped.most_common())
    warning = EmptyInput(
        f"no HTML responses among {total} record{'s' if total != 1 else ''} ({kinds})"
        if total else "the file holds no WARC records",
        hint="rashomon reads the HTTP 200 text/html responses of a crawl; "
        "check the crawl captured the article pages")
    return problem_from(warning, source, fatal=False)


def _record_outcomes(stream: _GuardedStream, stem: str,
                     source: str) -> Iterator[tuple[Article | None, list[Problem]]]:
    """Per page record its article (None when it gives none) and problems; then the
    break problem when the file breaks off, or the warning when it holds no page."""
    records = iter(ArchiveIterator(stream, parse_http=True, stream_detect=False))
    skipped: Counter[str] = Counter()
    number = pages = articles = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            if stream.error is not None:  # the data ended between two records
                yield None, [break_problem(number + 1, stream_break(stream.error), articles,
                                           source)]
            elif pages == 0:
                yield None, [summary_warning(skipped, source)]
            return
        except OSError:  # fastwarc: what follows is not a WARC header
            yield None, [break_problem(number + 1, _NOT_WARC, articles, source)]
            return
        number += 1
        reason = skip_reason(record)
        fits = record.content_length <= MAX_INPUT_BYTES
        payload = record.reader.read() if reason is None and fits else None
        if cut_short(record, len(payload or b"")):
            yield None, [break_problem(number, stream_break(stream.error), articles, source)]
            return
        if reason is not None:
            skipped[reason] += 1
            continue
        pages += 1
        where = f"{source}#{number}"
        try:
            article, warnings = record_article(record, payload, number=number, stem=stem,
                                               source=where)
        except InputError as error:
            url = target_url(record)
            error.message = f"{url}: {error.message}" if url else error.message
            yield None, [problem_from(error, where)]
            continue
        articles += 1
        yield article, warnings


def _open(path: Path, source: str) -> _GuardedStream | Problem:
    """The file's records as a stream (gzip, per record or whole-file, told by its
    magic bytes, not by the suffix), or why the file cannot be read."""
    if not path.exists():
        error: InputError = InputNotFound("no such file or directory", hint="check the path")
    elif not path.is_file():
        error = UnsupportedInput("not a regular file", hint="give a .warc or .warc.gz file")
    elif path.stat().st_size == 0:
        error = EmptyInput("the file is empty", hint="remove it or write the crawl again")
    else:
        try:
            with open(path, "rb") as head:
                compressed = head.read(2) == GZIP_MAGIC
            raw = open(path, "rb")
        except OSError as exc:
            error = UnsupportedInput(f"cannot read the file: {exc.strerror or exc}",
                                     hint="check its permissions")
        else:
            # Python's gzip raises where a member is cut short; fastwarc's stops silently
            return _GuardedStream(gzip.GzipFile(fileobj=raw) if compressed else raw, raw)
    return problem_from(error, source)


def read_warc(
    path: str | Path, *, batch: int = 200
) -> Iterator[tuple[list[Article], list[Problem]]]:
    """The articles of a .warc or .warc.gz file, ``batch`` at a time, each batch with
    the problems met since the one before. Never raises for a bad file: a missing,
    empty, truncated or damaged file is a Problem (articles read before a break are
    kept); a page with no article text is a fatal Problem for that record only."""
    if batch < 1:
        raise ValueError(f"batch must be at least 1, not {batch}")
    source = str(path)
    path = Path(path)
    stream = _open(path, source)
    if isinstance(stream, Problem):
        yield [], [stream]
        return
    articles: list[Article] = []
    problems: list[Problem] = []
    with closing(stream):
        for article, met in _record_outcomes(stream, warc_stem(path), source):
            problems.extend(met)
            if article is not None:
                articles.append(article)
            if len(articles) >= batch:
                yield articles, problems
                articles, problems = [], []
    if articles or problems:
        yield articles, problems
