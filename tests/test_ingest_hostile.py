"""Inputs built to hurt: compression bombs over the web and in crawl files, malformed
URLs, JSON Lines that break the parser or the decoder, a thousand articles of one id.
Each costs itself only, with one problem line; nothing crashes or fills the memory."""

from __future__ import annotations

import gzip
import json
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers_web import LocalWeb, html_page, response, send, serve, write_warc

from rashomon.errors import FetchTimedOut, ResponseTooLarge, UnexpectedContentType
from rashomon.ingest import read_inputs
from rashomon.ingest.feeds import is_http_url, url_id
from rashomon.ingest.fetch import FetchOptions, fetch
from rashomon.ingest.records import iter_jsonl

LOCAL = FetchOptions(allow_private=True, connect_timeout=1.0, read_timeout=3.0, max_bytes=100_000)
PAGE = html_page("Quayhaven ferry strike ends", [
    "Ferry crews in Quayhaven returned to work on Monday after a four-day strike over rotas, "
    "the harbour board said. Union organiser Petra Lindqvist called the deal fair."])
# 20 MB of one repeated byte: some 20 KB once gzipped
BOMB = gzip.compress(b"\0" * 20_000_000)


def _trickle(handler) -> None:
    """Header lines a third of a second apart for four seconds: each read is quick."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
    for _ in range(12):
        handler.wfile.write(b"X-Harbour: slow\r\n")
        handler.wfile.flush()
        time.sleep(0.33)
    handler.wfile.write(b"Content-Length: 0\r\n\r\n")


@pytest.fixture(scope="module")
def site() -> Iterator[LocalWeb]:
    routes = {
        "/bomb": lambda h: send(h, 200, BOMB, Content_Encoding="gzip"),
        "/brotli": lambda h: send(h, 200, b"\x1b\x00", Content_Encoding="br"),
        "/page": lambda h: send(h, 200, gzip.compress(PAGE.encode()), Content_Encoding="gzip"),
        "/trickle": _trickle,
    }
    with serve(routes) as server:
        yield server


def test_a_gzip_bomb_stops_at_the_size_cap(site: LocalWeb) -> None:
    assert len(BOMB) < LOCAL.max_bytes  # (the compressed body is under the cap)
    with pytest.raises(ResponseTooLarge):
        fetch(site.url("/bomb"), LOCAL)


def test_a_server_trickling_its_headers_is_cut_off_at_the_time_limit(site: LocalWeb) -> None:
    options = FetchOptions(allow_private=True, connect_timeout=1.0, read_timeout=1.0)
    started = time.monotonic()
    with pytest.raises(FetchTimedOut):
        fetch(site.url("/trickle"), options)
    assert time.monotonic() - started < 3.0  # (the server goes on for four)


def test_a_coding_not_asked_for_is_refused_and_gzip_is_read(site: LocalWeb) -> None:
    with pytest.raises(UnexpectedContentType) as caught:
        fetch(site.url("/brotli"), LOCAL)
    assert "'br'" in caught.value.message
    assert fetch(site.url("/page"), LOCAL).body.decode() == PAGE


def test_a_compressed_crawl_record_past_the_limit_is_one_problem(tmp_path: Path, monkeypatch) -> None:
    from rashomon.ingest import warc

    monkeypatch.setattr(warc, "MAX_INPUT_BYTES", 1_000_000)
    path = write_warc(tmp_path / "crawl.warc", [
        response("https://harbour.example/bomb.html", BOMB, headers=("Content-Encoding: gzip",)),
        response("https://harbour.example/ferry.html", PAGE.encode()),
    ])
    batches = list(warc.read_warc(path))
    articles = [a for found, _ in batches for a in found]
    problems = [p for _, met in batches for p in met]
    assert [a.url for a in articles] == ["https://harbour.example/ferry.html"]
    assert len(problems) == 1 and "decodes to over" in problems[0].message


def test_malformed_urls_are_problems_not_crashes(tmp_path: Path) -> None:
    assert not is_http_url("http://[oops") and url_id("http://[oops/x") == "page"
    listing = tmp_path / "list.txt"
    listing.write_text("http://[oops\nhttps://[::1/x\nhttp://harbour.example/a\n", encoding="utf-8")
    article = tmp_path / "ferry.txt"
    article.write_text("Ferry strike ends\nCrews returned to work on Monday.", encoding="utf-8")
    articles, problems = read_inputs([str(listing), "http://[oops", str(article)],
                                     FetchOptions(connect_timeout=0.5, read_timeout=0.5))
    assert [a.id for a in articles] == ["ferry"]
    assert any(p.source.endswith("list.txt:1") and p.code == "R111" for p in problems)


def test_url_ids_keep_the_query_that_names_the_page() -> None:
    assert url_id("https://x.example/article.php?id=123") == "article-id-123"
    assert url_id("https://x.example/2024/ferry-strike.html?utm=1") == "ferry-strike"


def test_json_lines_that_break_the_parser_or_decoder_cost_their_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    good = [json.dumps({"id": f"r{k}", "text": f"Harbour report {k}: the ferries ran late."}).encode()
            for k in range(4)]
    lines = [good[0], b"[" * 100_000, good[1], b'{"text": "caf\xe9 \x01 broken"}', good[2],
             b'{"text": "x", "n": ' + b"9" * 5_000 + b"}", good[3]]
    path.write_bytes(b"\n".join(lines) + b"\n")
    batches = list(iter_jsonl(path))
    assert [a.id for found, _ in batches for a in found] == ["r0", "r1", "r2", "r3"]
    lines_with_problems = sorted(int(p.source.rsplit(":", 1)[1]) for _, met in batches for p in met
                                 if p.fatal)
    assert lines_with_problems == [2, 4, 6]


def test_utf16_json_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    rows = [{"id": "a", "text": "Harbour board meets on Friday."},
            {"id": "b", "text": "Ferry timetable changes in May."}]
    path.write_bytes("\n".join(json.dumps(r) for r in rows).encode("utf-16"))
    batches = list(iter_jsonl(path))
    assert [a.id for found, _ in batches for a in found] == ["a", "b"]


def test_a_thousand_articles_of_one_id_get_keys_in_a_run(tmp_path: Path) -> None:
    from rashomon.corpus import ingest
    from rashomon.store import Store

    path = tmp_path / "same.jsonl"
    path.write_text("\n".join(json.dumps({"id": "view", "text": f"Harbour notice number {k} posted."})
                              for k in range(1_200)), encoding="utf-8")
    with Store(tmp_path / "r.db") as store:
        summary = ingest(store, [str(path)])
        assert summary.added == 1_200
        assert store.article("view") is not None and store.article("view-1200") is not None
        assert store.article("view-1201") is None


def test_deflate_bodies_with_a_zlib_header_are_read() -> None:
    # (the decoder used for web responses reads both gzip and zlib-wrapped deflate)
    decoder = zlib.decompressobj(zlib.MAX_WBITS | 32)
    assert decoder.decompress(zlib.compress(b"ferry")) == b"ferry"
