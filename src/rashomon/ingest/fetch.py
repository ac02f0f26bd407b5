"""The safe HTTP client that reads articles from the web.

A URL list or a feed comes from someone else, so :func:`fetch` refuses what an article
reader has no business fetching: schemes other than http(s), addresses on the user's
own network (private, loopback, link-local...: a hostile list must not make rashomon
probe the local network or a cloud metadata endpoint), bodies over a size limit (read
streamed and stopped as soon as it is passed), slow servers, redirect chains and loops.

The address check sits in the connection itself (:class:`.addresses.GuardedBackend`,
the network backend of the client's connection pool), so it applies to the address
actually connected to, on every redirect hop. Redirects are followed here, not by
httpx, to count them and to refuse non-http(s) targets.

Every failure is a typed :class:`~rashomon.errors.FetchFailed` (R110-R119) whose
message names the URL and whose hint says what to do. :func:`fetch_many` fetches many
URLs on a small thread pool.
"""

from __future__ import annotations

import codecs
import re
import ssl
import time
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from .. import __version__
from ..errors import (
    FetchFailed,
    FetchTimedOut,
    HttpStatusError,
    InputError,
    ResponseTooLarge,
    TlsFailed,
    TooManyRedirects,
    UnexpectedContentType,
    UnsupportedUrl,
)
from ..model import Problem
from .addresses import GuardedTransport
from .common import decode_text

SCHEMES = ("http", "https")
ACCEPTED_CODINGS = ("gzip", "deflate")  # decoded here with a bound on the output
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
XML_TYPES = ("application/xml", "text/xml")  # a feed or an XHTML page: the body decides
PAGE_TYPES = HTML_TYPES + TEXT_TYPES
ACCEPTED_TYPES = PAGE_TYPES + FEED_TYPES + XML_TYPES
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
USER_AGENT = f"rashomon/{__version__} (news story comparison)"
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Labels that browsers read as Windows-1252 (WHATWG Encoding): pages labelled
# ISO-8859-1 nearly always hold cp1252 curly quotes, which latin-1 turns into controls.
READ_AS_CP1252 = frozenset({"iso8859-1", "ascii"})


@dataclass(frozen=True)
class FetchOptions:
    """How :func:`fetch` may fetch. ``read_timeout`` is both the longest wait for any
    read and the time the whole response may take after connecting: a server that
    trickles bytes is cut off after the next chunk past the deadline."""

    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = USER_AGENT
    concurrency: int = 8


DEFAULT_OPTIONS = FetchOptions()


@dataclass(frozen=True)
class Fetched:
    """A fetched response: ``url`` is the final URL, ``redirects`` every URL before it
    (the first is the one asked for; empty when there was no redirect).
    ``content_type`` is the media type, lower-cased ("" when the server sent none)."""

    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    redirects: tuple[str, ...] = ()


def make_client(options: FetchOptions) -> httpx.Client:
    """An httpx client for :func:`fetch` (share one across fetches to reuse
    connections). trust_env=False: no proxy from the environment (the proxy's address
    would be the one checked) and no .netrc credentials sent to arbitrary hosts."""
    return httpx.Client(
        transport=GuardedTransport(options.allow_private, options.concurrency,
                                   budget=options.read_timeout),
        timeout=httpx.Timeout(options.read_timeout, connect=options.connect_timeout),
        # only codings decoded here, within the size cap (a 2 KB brotli body can hold 1 GB)
        headers={"User-Agent": options.user_agent, "Accept": ", ".join(ACCEPTED_TYPES),
                 "Accept-Encoding": ", ".join(ACCEPTED_CODINGS)},
        follow_redirects=False,
        trust_env=False,
    )


def http_url(url: str, source: str) -> httpx.URL:
    """``url`` parsed; raises UnsupportedUrl unless it is an http(s) URL with a host."""
    try:
        parsed: httpx.URL | None = httpx.URL(url)
    except (httpx.InvalidURL, ValueError):
        parsed = None
    if parsed is None or parsed.scheme not in SCHEMES or not parsed.host:
        raise UnsupportedUrl(
            f"{url!r} is not an http(s) URL",
            hint="rashomon fetches only http:// and https:// pages", source=source,
        )
    return parsed


def content_type_of(header: str) -> tuple[str, str | None]:
    """The media type (lower-cased) and charset of a Content-Type header."""
    media, *params = header.split(";")
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media.strip().lower(), charset


def status_hint(status: int) -> str:
    """What to do about an HTTP error status."""
    if status in (401, 403):
        return "the site refuses automated readers or needs a login: save the page as a file"
    if status in (404, 410):
        return "check the URL: the page may have moved or been taken down"
    if status == 429 or status >= 500:
        return "the site is busy or failing: try again later"
    return "open the URL in a browser to see what the site answers"


def _is_tls_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _declared_charset(fetched: Fetched) -> str | None:
    """The charset the response names (header, else an HTML <meta>), as a codec name."""
    charset = fetched.charset
    if charset is None and fetched.content_type not in TEXT_TYPES:
        match = META_CHARSET.search(fetched.body[:4096])
        charset = match.group(1).decode("ascii") if match else None
    try:
        return codecs.lookup(charset).name if charset else None
    except LookupError:
        return None


def fetched_text(fetched: Fetched, source: str) -> tuple[str, list[Problem]]:
    """The response's text: a byte-order mark, else the declared charset, else what
    :func:`.common.decode_text` makes of it (UTF-8, Windows-1252 with a warning)."""
    data = fetched.body
    charset = _declared_charset(fetched)
    has_bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if charset and charset != "utf-8" and not has_bom:
        for codec in ("cp1252", charset) if charset in READ_AS_CP1252 else (charset,):
            try:
                data = fetched.body.decode(codec).encode("utf-8")  # decode_text cleans it
                break
            except (UnicodeDecodeError, LookupError):
                continue
    return decode_text(data, source)


def _at(hop: str, source: str) -> str:
    """Where a failure happened, when it is not the URL the problem line names already
    (a redirect's target)."""
    return "" if hop == source else f"at {hop}: "


@contextmanager
def _typed_failures(hop: str, source: str, options: FetchOptions) -> Iterator[None]:
    """Turns what httpx and the backend raise into typed errors naming ``hop``."""
    try:
        yield
    except FetchFailed as error:
        if error.source is not None:
            raise
        raise type(error)(f"{_at(hop, source)}{error.message}", hint=error.hint, source=source) from error
    except httpx.TimeoutException as exc:
        connecting = isinstance(exc, httpx.ConnectTimeout)
        raise FetchTimedOut(
            f"{_at(hop, source)}no connection within {options.connect_timeout:g} s" if connecting
            else f"{_at(hop, source)}the response took over {options.read_timeout:g} s",
            hint="the site is slow or unreachable: try again later", source=source,
        ) from exc
    except httpx.ConnectError as exc:
        if _is_tls_failure(exc):
            raise TlsFailed(
                f"{_at(hop, source)}the secure connection failed ({exc})",
                hint="the site's certificate is not trusted: check the address", source=source,
            ) from exc
        raise FetchFailed(
            f"{_at(hop, source)}cannot connect ({exc})",
            hint="check the URL and your network connection", source=source,
        ) from exc
    except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
        raise FetchFailed(
            f"{_at(hop, source)}{exc or type(exc).__name__}",
            hint="check the URL and your network connection", source=source,
        ) from exc


def _redirect_target(response: httpx.Response, source: str) -> httpx.URL | None:
    """Where a redirect response points (checked to be http(s)), or None."""
    location = response.headers.get("location")
    if response.status_code not in REDIRECT_STATUSES or not location:
        return None
    try:
        target = response.url.join(location)
    except (httpx.InvalidURL, ValueError) as exc:
        raise UnsupportedUrl(
            f"{response.url} redirects to {location!r}, not a valid URL",
            hint="open the URL in a browser to see where it leads", source=source,
        ) from exc
    if target.scheme not in SCHEMES:
        raise UnsupportedUrl(
            f"{response.url} redirects to {location!r}, not an http(s) URL",
            hint="rashomon follows redirects only to http:// and https:// pages",
            source=source,
        )
    return target


def _too_large(hop: str, options: FetchOptions, source: str) -> ResponseTooLarge:
    return ResponseTooLarge(
        f"{_at(hop, source)}the response is over the {options.max_bytes / 1024 / 1024:g} MB limit",
        hint="save the article from a browser and give the file", source=source,
    )


def _body(response: httpx.Response, options: FetchOptions, deadline: float, source: str) -> bytes:
    """The body, streamed: stops as soon as it passes max_bytes or the deadline."""
    hop = str(response.url)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise _too_large(hop, options, source)
    decoder = _decoder(response, source)
    chunks: list[bytes] = []
    size = 0
    for raw in response.iter_raw():  # (undecoded: decoding is bounded below)
        try:
            # at most one byte past the cap comes out, however much the input expands
            chunk = decoder.decompress(raw, options.max_bytes - size + 1) if decoder else raw
        except zlib.error as exc:
            raise FetchFailed(f"{_at(hop, source)}the compressed response is damaged ({exc})",
                              hint="try again later", source=source) from exc
        size += len(chunk)
        if size > options.max_bytes:
            raise _too_large(hop, options, source)
        if time.monotonic() > deadline:
            raise FetchTimedOut(
                f"{_at(hop, source)}the response took over {options.read_timeout:g} s",
                hint="the site is slow: try again later", source=source,
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _decoder(response: httpx.Response, source: str) -> Any:
    """A zlib decompressor for the response's content coding, None when it has none;
    a coding that was not asked for is refused."""
    coding = response.headers.get("content-encoding", "").strip().lower()
    if coding in ("", "identity"):
        return None
    if coding not in ACCEPTED_CODINGS + ("x-gzip",):
        raise UnexpectedContentType(
            f"{_at(str(response.url), source)}the response is sent with the {coding!r} "
            "content coding, which was not asked for", hint="save the page from a browser",
            source=source)
    return zlib.decompressobj(zlib.MAX_WBITS | 32)  # (gzip or zlib, told by the header)


def _fetched(response: httpx.Response, hops: list[str], options: FetchOptions,
             accept: tuple[str, ...], deadline: float, source: str) -> Fetched:
    hop = str(response.url)
    if not 200 <= response.status_code < 300:
        raise HttpStatusError(
            f"{hop} answered {response.status_code} {response.reason_phrase}".rstrip(),
            hint=status_hint(response.status_code), source=source,
        )
    media, charset = content_type_of(response.headers.get("content-type", ""))
    if media and media not in accept:
        raise UnexpectedContentType(
            f"{hop} is {media}, not an HTML page, plain text or a feed",
            hint="give the URL of the article page itself", source=source,
        )
    body = _body(response, options, deadline, source)
    return Fetched(hop, response.status_code, media, charset, body, tuple(hops))


def fetch(url: str, options: FetchOptions = DEFAULT_OPTIONS, client: httpx.Client | None = None,
          *, accept: tuple[str, ...] = ACCEPTED_TYPES) -> Fetched:
    """Fetch ``url`` (redirects followed, each hop checked); raises a typed FetchFailed
    (an InputError) on any failure. ``client``: one from :func:`make_client` to share
    connections (a client made otherwise skips the address check)."""
    if client is None:
        with make_client(options) as own:
            return fetch(url, options, own, accept=accept)
    target = http_url(url, url)
    hops: list[str] = []
    while True:
        hop = str(target)
        deadline = time.monotonic() + options.connect_timeout + options.read_timeout
        with _typed_failures(hop, url, options), client.stream("GET", target) as response:
            following = _redirect_target(response, url)
            if following is None:
                return _fetched(response, hops, options, accept, deadline, url)
        hops.append(hop)
        if str(following) in hops or len(hops) > options.max_redirects:
            loop = str(following) in hops
            raise TooManyRedirects(
                ("a redirect loop" if loop else
                              f"more than {options.max_redirects} redirects")
                + f" ({' -> '.join(hops + [str(following)])})",
                hint="open the URL in a browser and give the address it ends at", source=url,
            )
        target = following


def fetch_result(url: str, options: FetchOptions = DEFAULT_OPTIONS,
                 client: httpx.Client | None = None, *,
                 accept: tuple[str, ...] = ACCEPTED_TYPES) -> Fetched | InputError:
    """:func:`fetch`, but the typed error is returned, never raised. Anything else
    raised (a bug, in rashomon or below it) becomes a FetchFailed too: one URL out of
    thousands must not end the run."""
    try:
        return fetch(url, options, client, accept=accept)
    except InputError as error:
        return error
    except Exception as exc:  # noqa: BLE001 (see the docstring)
        return FetchFailed(
            f"unexpected failure ({type(exc).__name__}: {exc})",
            hint="try again; if it persists, report it as a rashomon bug", source=url,
        )


def fetch_many(urls: Iterable[str], options: FetchOptions = DEFAULT_OPTIONS, *,
               accept: tuple[str, ...] = ACCEPTED_TYPES
               ) -> Iterator[tuple[str, Fetched | InputError]]:
    """Each URL with its response or its typed error, in INPUT ORDER, fetched on
    ``options.concurrency`` threads sharing one client. At most 4 x concurrency URLs
    are in flight or waiting to be yielded, so a list of 10,000 neither goes one at a
    time nor holds every body in memory (a slow URL holds back the ones after it)."""
    workers = max(1, options.concurrency)
    with make_client(options) as client, ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque = deque()
        try:
            for url in urls:
                future = pool.submit(fetch_result, url, options, client, accept=accept)
                pending.append((url, future))
                while len(pending) >= 4 * workers:
                    done_url, done = pending.popleft()
                    yield done_url, done.result()
            while pending:
                done_url, done = pending.popleft()
                yield done_url, done.result()
        finally:  # the caller stopped early: drop what has not started
            for _, future in pending:
                future.cancel()
