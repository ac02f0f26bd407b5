"""Test helpers for web inputs, shared by the ingest tests: a local HTTP server on
127.0.0.1 serving hand-made routes (:func:`serve`), and WARC files written by hand
(not by fastwarc, so the reader is not tested against its own library's writer).

No internet here: everything is served or written locally; reaching the server needs
``allow_private=True``.
"""

from __future__ import annotations

import gzip
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

# --- a local web server ---------------------------------------------------------------

Route = Callable[[BaseHTTPRequestHandler], None]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes | str = b"",
         content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
    """One response: status, content type, length, ``headers`` ("_" in a name is "-")."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(data)))
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.end_headers()
    handler.wfile.write(data)


def html_page(title: str | None, paragraphs: tuple[str, ...] | list[str], *,
              outlet: str | None = None, published: str | None = None) -> str:
    """A small HTML article page: <title> and <h1>, site name and date only when given."""
    head = "<meta charset='utf-8'>"
    head += f"<title>{title}</title>" if title else ""
    head += f"<meta property='og:site_name' content='{outlet}'>" if outlet else ""
    if published:
        head += f"<meta property='article:published_time' content='{published}'>"
    heading = f"<h1>{title}</h1>" if title else ""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"<!doctype html><html><head>{head}</head><body><article>{heading}{body}" \
        "</article></body></html>"


class LocalWeb:
    """The running server: ``url(path)`` and the ``routes`` it serves (a test module
    may add its own to the dict)."""

    def __init__(self, server: ThreadingHTTPServer, routes: dict[str, Route]) -> None:
        self.server = server
        self.routes = routes
        self.port = server.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


def _handler(routes: dict[str, Route], prefixes: Mapping[str, Route]
             ) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            route = routes.get(path) or next(
                (r for prefix, r in prefixes.items() if path.startswith(prefix)), None)
            try:
                if route is None:
                    send(self, 404, "<p>no such route</p>")
                else:
                    route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading on purpose (size or time limit)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(routes: dict[str, Route], prefixes: Mapping[str, Route] | None = None
          ) -> Iterator[LocalWeb]:
    """A server on 127.0.0.1 (a free port) answering GET by path: ``routes`` exactly
    (the dict itself, so routes added later are served), else the first of
    ``prefixes`` the path starts with, else 404."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes, prefixes or {}))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalWeb(server, routes)
    finally:
        server.shutdown()
        server.server_close()


# --- hand-made WARC files -------------------------------------------------------------


def warc_record(kind: str, block: bytes = b"", *, uri: str | None = None,
                content_type: str | None = None) -> bytes:
    """One WARC/1.1 record: version line, headers, blank line, block, two CRLFs."""
    headers = [
        "WARC/1.1",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
        "WARC-Date: 2025-03-07T09:30:00Z",
    ]
    if uri:
        headers.append(f"WARC-Target-URI: {uri}")
    if content_type:
        headers.append(f"Content-Type: {content_type}")
    headers.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def response(uri: str, body: bytes, *, status: str = "200 OK",
             content_type: str = "text/html; charset=utf-8",
             headers: tuple[str, ...] = ()) -> bytes:
    """A response record holding an HTTP message."""
    head = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}", *headers]
    if not any(h.lower().startswith("transfer-encoding") for h in headers):
        head.append(f"Content-Length: {len(body)}")
    http = ("\r\n".join(head) + "\r\n\r\n").encode() + body
    return warc_record("response", http, uri=uri,
                       content_type="application/http; msgtype=response")


def request(uri: str) -> bytes:
    http = f"GET {uri} HTTP/1.1\r\nHost: example\r\n\r\n".encode()
    return warc_record("request", http, uri=uri, content_type="application/http; msgtype=request")


def warcinfo() -> bytes:
    return warc_record("warcinfo", b"software: hand-written test crawl\r\n",
                       content_type="application/warc-fields")


def write_warc(path: Path, records: list[bytes]) -> Path:
    """The records as a file: each gzipped on its own for .gz, as crawlers write them."""
    if path.name.endswith(".gz"):
        path.write_bytes(b"".join(gzip.compress(record) for record in records))
    else:
        path.write_bytes(b"".join(records))
    return path
