"""Files -> articles, the reader picked by the file's suffix: .txt .text .md -> text
(:mod:`.text`), .html .htm -> HTML (:mod:`.html`), .json .jsonl .ndjson -> records
(:mod:`.records`); a saved page named .txt is read as HTML, and a file with another
suffix as text if it is UTF-8."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, UnsupportedInput
from ..model import Article, Problem
from .common import decode_text, problem_from, read_input_bytes
from .html import read_html
from .records import read_records
from .text import read_text

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".json", ".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES

_HTML_STARTS = ("<!doctype html", "<html")


def _looks_like_html(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return any(head.startswith(start.encode()) for start in _HTML_STARTS)


def read_file(path: str | Path) -> tuple[list[Article], list[Problem]]:
    """The articles in one file and the problems met (fatal ones mean skipped).
    Never raises for a bad input: the error becomes a Problem."""
    source = str(path)
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix in RECORD_SUFFIXES:
            return read_records(path)
        if suffix in HTML_SUFFIXES:
            article, warnings = read_html(path)
            return [article], warnings
        if suffix not in TEXT_SUFFIXES:
            return _read_unknown(path, source)
        if _looks_like_html(read_input_bytes(path, source)):  # a saved page named .txt
            article, warnings = read_html(path)
        else:
            article, warnings = read_text(path)
        return [article], warnings
    except InputError as error:
        return [], [problem_from(error, source)]


def _read_unknown(path: Path, source: str) -> tuple[list[Article], list[Problem]]:
    """A file named explicitly with an unknown suffix: text if it is UTF-8."""
    data = read_input_bytes(path, source)
    if _looks_like_html(data):
        article, warnings = read_html(path)
        return [article], warnings
    try:
        decode_text(data, source, fallback=False)
    except InputError as error:
        raise UnsupportedInput(
            f"unknown file type {path.suffix or '(no suffix)'} and not UTF-8 text",
            hint="rashomon reads .txt, .md, .html, .json and .jsonl files",
            source=source,
        ) from error
    article, warnings = read_text(path, strict_utf8=True)
    return [article], warnings
