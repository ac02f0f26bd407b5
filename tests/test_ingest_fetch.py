"""The safe HTTP client: address checks (also on redirect hops and through a host name),
redirects, size, time and content-type limits, typed errors, fetch_many.

No internet here: a local ThreadingHTTPServer on 127.0.0.1 (helpers_web.serve) serves
hand-made routes (the fixture ``web``, reused by test_ingest_feeds). Reaching it needs
``allow_private=True``; that it is refused without is itself tested. Timeouts are
short so that the file runs in a few seconds.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

import pytest
from helpers_web import LocalWeb, Route, html_page, send, serve

from rashomon.errors import (
    AddressNotAllowed,
    FetchFailed,
    FetchTimedOut,
    HostNotFound,
    HttpStatusError,
    InputError,
    ResponseTooLarge,
    TlsFailed,
    TooManyRedirects,
    UnexpectedContentType,
    UnsupportedUrl,
)
from rashomon.ingest import addresses
from rashomon.ingest import fetch as fetch_module
from rashomon.ingest.addresses import GuardedBackend, blocked_kind, is_public_address
from rashomon.ingest.fetch import FetchOptions, content_type_of, fetch, fetch_many, fetch_result

LOCAL = FetchOptions(allow_private=True, connect_timeout=1.0, read_timeout=2.0)

PARAGRAPHS = (
    "Ferry crews on the Marrow Valley crossing stopped work at dawn on Sunday in a "
    "dispute over new rosters, leaving about four hundred commuters on the quay.",
    "Odile Brannock, who speaks for the deckhands' branch, said the rosters would cut "
    "rest time between shifts to nine hours.",
    '"Nobody signed up to sail tired," Brannock said outside the ticket office.',
    "Teodor Vask, a spokesman for the operator, Tidemark Ferries, said talks would "
    "resume on Monday and that a reduced timetable would run in the meantime.",
)


def page(
    *, title: str | None = "Ferry crews walk out over rosters", outlet: str | None =
    "The Marrow Valley Courier", published: str | None = "2024-05-12T07:30:00+00:00",
    paragraphs: tuple[str, ...] = PARAGRAPHS,
) -> str:
    """The ferry story as a small HTML page (helpers_web.html_page)."""
    return html_page(title, paragraphs, outlet=outlet, published=published)


def redirect(location: str) -> Route:
    return lambda h: send(h, 302, b"", Location=location)


def chain(h: BaseHTTPRequestHandler) -> None:
    """/chain/N redirects N times before reaching the article."""
    left = int(h.path.rsplit("/", 1)[1])
    send(h, 302, b"", Location=f"/chain/{left - 1}" if left > 1 else "/article.html")


def goto(h: BaseHTTPRequestHandler) -> None:
    """/goto?to=URL redirects to any URL (file:, ftp:, another address)."""
    send(h, 302, b"", Location=parse_qs(urlsplit(h.path).query)["to"][0])


def endless(h: BaseHTTPRequestHandler) -> None:
    """No Content-Length, and bytes until the client hangs up (or 10 s pass)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    stop = time.monotonic() + 10
    while time.monotonic() < stop:
        h.wfile.write(b"<p>" + b"filler " * 2000 + b"</p>")


def declared_huge(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(50 * 1024 * 1024))
    h.end_headers()
    h.wfile.write(b"<html>")


def slow(h: BaseHTTPRequestHandler) -> None:
    time.sleep(1.5)
    send(h, 200, page())


def drip(h: BaseHTTPRequestHandler) -> None:
    """Headers at once, then a byte every 50 ms: no single read ever waits long."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(100):
        h.wfile.write(b"x")
        h.wfile.flush()
        time.sleep(0.05)


ROUTES: dict[str, Route] = {
    "/article.html": lambda h: send(h, 200, page()),
    "/plain.txt": lambda h: send(h, 200, "Outlet: The Marrow Valley Courier\n\n"
                                 + "\n".join(PARAGRAPHS), "text/plain; charset=utf-8"),
    "/image.png": lambda h: send(h, 200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png"),
    "/missing": lambda h: send(h, 404, "<p>not here</p>"),
    "/loop": redirect("/loop"),
    "/goto": goto,
    "/endless": endless,
    "/declared-huge": declared_huge,
    "/slow": slow,
    "/drip": drip,
}


@pytest.fixture(scope="module")
def web() -> Iterator[LocalWeb]:
    with serve(dict(ROUTES), prefixes={"/chain/": chain}) as server:
        yield server


# --- addresses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("10.0.0.1", "private"),
        ("10.255.3.4", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.254", "private"),
        ("192.168.1.20", "private"),
        ("169.254.169.254", "link-local"),  # the cloud metadata endpoint
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.251", "multicast"),
        ("240.1.2.3", "reserved"),
        ("100.64.1.1", "shared (carrier NAT)"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("fd12:3456::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6
        ("::ffff:10.0.0.5", "private"),
        ("2002:c0a8:0101::1", "private"),  # 6to4 around 192.168.1.1
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 around 169.254.169.254
        ("not-an-address", "unparseable"),
        ("93.184.216.34", None),
        ("172.32.0.1", None),  # just past 172.16.0.0/12
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", None),
        ("::ffff:93.184.216.34", None),
    ],
)
def test_blocked_kind(address: str, kind: str | None) -> None:
    assert blocked_kind(address) == kind
    assert is_public_address(address) is (kind is None)


def test_backend_refuses_a_name_that_resolves_to_loopback(web: LocalWeb) -> None:
    with pytest.raises(AddressNotAllowed) as caught:
        GuardedBackend().connect_tcp("localhost", web.port, timeout=1.0)
    assert "localhost resolves to" in caught.value.message
    assert "loopback" in caught.value.message
    stream = GuardedBackend(allow_private=True).connect_tcp("localhost", web.port, timeout=1.0)
    assert stream.get_extra_info("server_addr")[0] in ("127.0.0.1", "::1")
    stream.close()


def test_loopback_refused_by_default_with_hint(web: LocalWeb) -> None:
    url = web.url("/article.html")
    with pytest.raises(AddressNotAllowed) as caught:
        fetch(url, FetchOptions())
    error = caught.value
    assert error.code == "R112" and isinstance(error, InputError)
    assert error.source == url and "127.0.0.1" in error.message
    assert "loopback" in error.message
    assert "--allow-private" in error.hint
    assert error.source == url


@pytest.mark.parametrize(
    ("host", "words"),
    [
        ("[::1]", "::1 is a loopback address"),
        ("0.0.0.0", "0.0.0.0 is an unspecified address"),  # reaches this machine on Linux
        ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1 is a loopback address"),
        ("2130706433", "resolves to 127.0.0.1"),  # 127.0.0.1 as one number
        ("127.1", "resolves to 127.0.0.1"),
        ("169.254.169.254", "169.254.169.254 is a link-local address"),
    ],
)
def test_local_addresses_in_any_spelling_refused(host: str, words: str) -> None:
    url = f"http://{host}:9/latest/"
    with pytest.raises(AddressNotAllowed) as caught:
        fetch(url, FetchOptions(connect_timeout=0.5))
    assert words in caught.value.message and caught.value.source == url


def test_loopback_refused_through_a_host_name(web: LocalWeb) -> None:
    with pytest.raises(AddressNotAllowed, match="localhost resolves to"):
        fetch(web.url("/article.html", host="localhost"), FetchOptions())


def test_loopback_allowed_with_allow_private(web: LocalWeb) -> None:
    fetched = fetch(web.url("/article.html"), LOCAL)
    assert fetched.status == 200
    assert fetched.url == web.url("/article.html")
    assert fetched.content_type == "text/html" and fetched.charset == "utf-8"
    assert b"Tidemark Ferries" in fetched.body
    assert fetched.redirects == ()


def test_every_redirect_hop_is_checked(web: LocalWeb, monkeypatch: pytest.MonkeyPatch) -> None:
    # 127.0.0.1 passes as public here; the hop to 127.0.0.2 must still be refused.
    monkeypatch.setattr(addresses, "is_public_address", lambda address: address == "127.0.0.1")
    assert fetch(web.url("/article.html"), FetchOptions()).status == 200
    hop = f"http://127.0.0.2:{web.port}/article.html"
    with pytest.raises(AddressNotAllowed) as caught:
        fetch(web.url(f"/goto?to={hop}"), FetchOptions())
    assert hop in caught.value.message and "loopback" in caught.value.message


# --- redirects ------------------------------------------------------------------------


def test_redirects_followed_and_recorded(web: LocalWeb) -> None:
    fetched = fetch(web.url("/chain/3"), LOCAL)
    assert fetched.url == web.url("/article.html")
    assert fetched.redirects == (web.url("/chain/3"), web.url("/chain/2"), web.url("/chain/1"))


def test_redirect_cap(web: LocalWeb) -> None:
    options = FetchOptions(allow_private=True, max_redirects=2)
    with pytest.raises(TooManyRedirects) as caught:
        fetch(web.url("/chain/3"), options)
    assert caught.value.code == "R116" and "more than 2 redirects" in caught.value.message
    assert fetch(web.url("/chain/2"), options).status == 200


def test_redirect_loop(web: LocalWeb) -> None:
    with pytest.raises(TooManyRedirects, match="redirect loop"):
        fetch(web.url("/loop"), LOCAL)


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://files.example/report.txt"])
def test_redirect_to_another_scheme_refused(web: LocalWeb, target: str) -> None:
    with pytest.raises(UnsupportedUrl) as caught:
        fetch(web.url(f"/goto?to={target}"), LOCAL)
    assert caught.value.code == "R111" and target in caught.value.message


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://files.example/a", "gopher://x.example/", "not a url",
            "http://"],
)
def test_only_http_urls(url: str) -> None:
    with pytest.raises(UnsupportedUrl):
        fetch(url, LOCAL)


# --- limits and failures --------------------------------------------------------------


def test_declared_size_over_the_cap(web: LocalWeb) -> None:
    with pytest.raises(ResponseTooLarge) as caught:
        fetch(web.url("/declared-huge"), LOCAL)
    assert caught.value.code == "R119" and caught.value.source == web.url("/declared-huge")


def test_streamed_body_stops_at_the_cap(web: LocalWeb) -> None:
    # The server never stops sending: only stopping at the cap ends this fetch (within
    # the read timeout, else it would be a timeout error instead).
    options = FetchOptions(allow_private=True, max_bytes=64 * 1024, read_timeout=5.0)
    with pytest.raises(ResponseTooLarge, match="0.0625 MB limit"):
        fetch(web.url("/endless"), options)


def test_slow_response_times_out(web: LocalWeb) -> None:
    options = FetchOptions(allow_private=True, connect_timeout=0.5, read_timeout=0.3)
    with pytest.raises(FetchTimedOut) as caught:
        fetch(web.url("/slow"), options)
    assert caught.value.code == "R115" and caught.value.source == web.url("/slow")


def test_trickling_response_cut_at_the_deadline(web: LocalWeb) -> None:
    # each read waits 50 ms, far under the read timeout; the whole-response deadline
    # (connect + read timeout) is what stops it
    options = FetchOptions(allow_private=True, connect_timeout=0.2, read_timeout=0.5)
    with pytest.raises(FetchTimedOut, match="took over"):
        fetch(web.url("/drip"), options)


def test_wrong_content_type(web: LocalWeb) -> None:
    with pytest.raises(UnexpectedContentType) as caught:
        fetch(web.url("/image.png"), LOCAL)
    assert caught.value.code == "R118" and "image/png" in caught.value.message


def test_error_status(web: LocalWeb) -> None:
    with pytest.raises(HttpStatusError) as caught:
        fetch(web.url("/missing"), LOCAL)
    assert caught.value.code == "R117"
    assert "404" in caught.value.message and caught.value.source == web.url("/missing")
    assert "check the URL" in caught.value.hint


def test_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(addresses.socket, "getaddrinfo", no_such_host)
    with pytest.raises(HostNotFound) as caught:
        fetch("http://gazette.invalid/story", LOCAL)
    assert caught.value.code == "R113" and "gazette.invalid" in caught.value.message


def test_connection_refused() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchFailed) as caught:
        fetch(f"http://127.0.0.1:{port}/", LOCAL)
    assert caught.value.code == "R110" and "cannot connect" in caught.value.message


def test_tls_failure(web: LocalWeb) -> None:
    # https to a plain-HTTP server: the handshake fails
    with pytest.raises(TlsFailed) as caught:
        fetch(f"https://127.0.0.1:{web.port}/article.html", LOCAL)
    assert caught.value.code == "R114"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html; charset=UTF-8", ("text/html", "utf-8")),
        ('Text/HTML;Charset="iso-8859-1"', ("text/html", "iso-8859-1")),
        ("application/rss+xml", ("application/rss+xml", None)),
        ("", ("", None)),
    ],
)
def test_content_type_of(header: str, expected: tuple[str, str | None]) -> None:
    assert content_type_of(header) == expected


def test_fetch_many_keeps_input_order_and_reports_each_failure(web: LocalWeb) -> None:
    urls = [web.url("/missing") if n % 5 == 0 else web.url(f"/chain/{n % 3 + 1}")
            for n in range(30)]
    results = list(fetch_many(urls, FetchOptions(allow_private=True, concurrency=4)))
    assert [url for url, _ in results] == urls
    for url, result in results:
        if url.endswith("/missing"):
            assert isinstance(result, HttpStatusError)
        else:
            assert not isinstance(result, InputError) and result.status == 200


def test_fetch_result_returns_errors_even_unexpected_ones(
    web: LocalWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert isinstance(fetch_result(web.url("/missing"), LOCAL), HttpStatusError)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug below rashomon")

    monkeypatch.setattr(fetch_module, "content_type_of", broken)
    result = fetch_result(web.url("/article.html"), LOCAL)
    assert isinstance(result, FetchFailed) and "RuntimeError" in result.message


def test_fetch_many_refuses_loopback_by_default(web: LocalWeb) -> None:
    [(_, result)] = list(fetch_many([web.url("/article.html")], FetchOptions()))
    assert isinstance(result, AddressNotAllowed)
