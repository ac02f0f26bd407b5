"""Readers: input files -> cleaned :class:`~rashomon.model.Article` records.

:func:`read_inputs` takes files and directories (walked recursively, sorted; hidden
entries skipped) and picks a reader by suffix: .txt .text .md -> text
(:mod:`.text`), .html .htm -> HTML (:mod:`.html`), .json .jsonl .ndjson -> records
(:mod:`.records`). Inside a directory other suffixes are skipped; a file named
explicitly with another suffix is read as text if it is UTF-8. An input that cannot be
read becomes a :class:`~rashomon.model.Problem` (from the typed errors in
:mod:`rashomon.errors`) and the other inputs are still read. Duplicate ids get ``-2``,
``-3``...
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import EmptyInput, InputError, InputNotFound, UnsupportedInput
from ..model import Article, Problem
from .common import article_from_text, decode_text, parse_published, problem_from
from .common import read_input_bytes
from .html import html_article, read_html, read_html_article
from .records import read_records
from .text import read_text, read_text_article, text_article

__all__ = [
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "RECORD_SUFFIXES",
    "article_from_text",
    "html_article",
    "parse_published",
    "read_file",
    "read_html_article",
    "read_inputs",
    "read_records",
    "read_text_article",
    "text_article",
    "unique_ids",
]

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


def _directory_files(directory: Path) -> list[Path]:
    """Supported files under ``directory``, recursively, sorted; hidden ones skipped."""
    files = []
    for path in directory.rglob("*"):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            files.append(path)
    return sorted(files)


def unique_ids(articles: Iterable[Article]) -> list[Article]:
    """The articles with repeated ids made unique: the second ``x`` becomes ``x-2``."""
    seen: set[str] = set()
    result = []
    for article in articles:
        new_id = article.id
        number = 1
        while new_id in seen:
            number += 1
            new_id = f"{article.id}-{number}"
        seen.add(new_id)
        result.append(article if new_id == article.id else replace(article, id=new_id))
    return result


def read_inputs(
    paths: Sequence[str | Path],
) -> tuple[tuple[Article, ...], tuple[Problem, ...]]:
    """Every article in ``paths`` (files or directories) and every problem met."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for given in paths:
        source = str(given)
        path = Path(given)
        if path.is_dir():
            files = _directory_files(path)
            if not files:
                problems.append(
                    problem_from(
                        EmptyInput(
                            "directory holds no .txt, .md, .html, .json or .jsonl files",
                            hint="check the path",
                        ),
                        source,
                    )
                )
            for file in files:
                found, met = read_file(file)
                articles.extend(found)
                problems.extend(met)
        elif not path.exists():
            problems.append(
                problem_from(
                    InputNotFound("no such file or directory", hint="check the path"), source
                )
            )
        else:
            found, met = read_file(path)
            articles.extend(found)
            problems.extend(met)
    return tuple(unique_ids(articles)), tuple(problems)
