"""Article records in JSON (.json: one object, a list of objects, or an object with an
``articles`` list) and JSON Lines (.jsonl, .ndjson: one object a line).

Fields per record: ``text`` (required; also ``body`` or ``content``), ``title`` (or
``headline``), ``outlet`` (or ``publisher``, ``site``), ``published`` (or ``date``:
``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``December 18, 2024``...), ``url``, ``id``.
``text`` is the body: without a ``title`` the article has no headline.

A bad record (malformed JSON line, not an object, no text) is a Problem whose source
names the line (JSONL) or the item (JSON list); the other records are still read. Ids
default to the file stem, plus ``-<line>`` / ``-<item>`` when the file holds several.
JSON Lines are streamed (:func:`iter_jsonl`): a corpus dump of any size is read a batch
at a time, only a line over the input size limit is refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO

from ..errors import EmptyInput, InputError, MalformedInput, UnsupportedInput
from ..model import Article, Problem
from .common import (
    MAX_INPUT_BYTES,
    article_from_text,
    check_input_file,
    decode_text,
    problem_from,
    published_or_warning,
    read_input_bytes,
)

JSONL_SUFFIXES = (".jsonl", ".ndjson")
_ALIASES = MappingProxyType({
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "publisher", "site"),
    "published": ("published", "date", "published_at"),
    "url": ("url", "link"),
})


def _field(record: dict[str, Any], name: str) -> str | None:
    for key in _ALIASES[name]:
        value = record.get(key)
        if value is not None and not isinstance(value, (dict, list)) and str(value).strip():
            return str(value)
    return None


def record_article(
    record: Any, *, default_id: str, source: str
) -> tuple[Article, list[Problem]]:
    """An article from one decoded record; raises MalformedInput or EmptyInput."""
    if not isinstance(record, dict):
        raise MalformedInput(
            f"a record must be a JSON object, not {type(record).__name__}",
            hint='write {"text": "...", "title": "...", ...}',
            source=source,
        )
    text = _field(record, "text")
    if text is None:
        raise MalformedInput(
            "record has no 'text'",
            hint="each record needs the article body in a 'text' field",
            source=source,
        )
    published, warnings = published_or_warning(_field(record, "published"), source, "'published'")
    record_id = record.get("id")
    # only a string or a whole number names a record; anything else is ignored
    usable_id = isinstance(record_id, (str, int)) and not isinstance(record_id, bool) and str(record_id).strip()
    article = article_from_text(
        text,
        id=str(record_id).strip() if usable_id else default_id,
        source=source,
        outlet=_field(record, "outlet"),
        title=_field(record, "title"),
        published=published,
        url=_field(record, "url"),
        published_basis="given",
        find_headline=False,
    )
    return article, warnings


def _jsonl_record(line: str, number: int, stem: str, source: str) -> tuple[Article | None, list[Problem]]:
    """One JSONL line's article (None for a bad line) and the problems met."""
    where = f"{source}:{number}"
    try:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedInput(
                f"line {number}, column {exc.colno}: malformed JSON: {exc.msg}",
                hint="fix or remove the line; each line must be one JSON object",
                source=where,
            ) from exc
        except (ValueError, RecursionError) as exc:  # a 5,000-digit number, [[[[...
            raise MalformedInput(
                f"line {number}: JSON the parser refuses ({type(exc).__name__})",
                hint="fix or remove the line; each line must be one JSON object",
                source=where,
            ) from exc
        return record_article(record, default_id=f"{stem}-{number}", source=where)
    except InputError as error:
        if not error.message.startswith(f"line {number}"):
            error.message = f"line {number}: {error.message}"
        return None, [problem_from(error, where)]


def _jsonl_line_text(data: bytes, number: int, source: str, warned: bool) -> tuple[str, list[Problem]]:
    """A JSONL line's text: UTF-8 (as JSON is), else the fallback decoding with its one
    warning for the file."""
    if number == 1:
        data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        # (an undecodable line raises UndecodableInput: a problem for that line only)
        text, warnings = decode_text(data, f"{source}:{number}")
        return text, [] if warned else warnings


def iter_jsonl(path: str | Path, *, batch: int = 500) -> Iterator[tuple[list[Article], list[Problem]]]:
    """The articles of a JSON Lines file, ``batch`` at a time with the problems met,
    read a line at a time (a line over the size limit is skipped unread). Raises a typed
    InputError when the file cannot be opened."""
    source = str(path)
    path = Path(path)
    check_input_file(path, source)
    try:
        handle = path.open("rb")
        head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
    except OSError as exc:
        raise UnsupportedInput(f"cannot read the file: {exc.strerror or exc}",
                               hint="check its permissions", source=source) from exc
    with handle:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (PowerShell writes it)
            yield _utf16_jsonl(path, source)
            return
        yield from _jsonl_batches(handle, path.stem, source, batch)


def _numbered_lines(handle: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) of a binary file, a line over the size limit as None (its bytes
    skipped in chunks, never held)."""
    number = 0
    while True:
        data = handle.readline(MAX_INPUT_BYTES + 1)
        if not data:
            return
        number += 1
        if len(data) > MAX_INPUT_BYTES and not data.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, data


def _jsonl_batches(handle: BinaryIO, stem: str, source: str, batch: int
                   ) -> Iterator[tuple[list[Article], list[Problem]]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    seen = warned = False
    for number, data in _numbered_lines(handle):
        if data is None:
            seen = True
            problems.append(problem_from(UnsupportedInput(
                f"line {number} is over the {MAX_INPUT_BYTES / 1024 / 1024:g} MB limit of a record",
                hint="split the record's text"), f"{source}:{number}"))
            continue
        if not data.strip():
            continue
        seen = True
        try:
            line, warnings = _jsonl_line_text(data, number, source, warned)
        except InputError as error:
            problems.append(problem_from(error, f"{source}:{number}"))
            continue
        warned = warned or bool(warnings)
        article, met = _jsonl_record(line, number, stem, source)
        problems.extend(warnings + met)
        if article is not None:
            articles.append(article)
        if len(articles) >= batch:
            yield articles, problems
            articles, problems = [], []
    if not seen:
        problems.append(
            problem_from(EmptyInput("no records", hint="add one JSON object a line"), source)
        )
    if articles or problems:
        yield articles, problems


def _utf16_jsonl(path: Path, source: str) -> tuple[list[Article], list[Problem]]:
    """A UTF-16 JSON Lines file, decoded whole (within the file size limit)."""
    raw, problems = decode_text(read_input_bytes(path, source), source)
    articles: list[Article] = []
    for number, line in enumerate(raw.split("\n"), start=1):
        if line.strip():
            article, met = _jsonl_record(line, number, path.stem, source)
            problems.extend(met)
            if article is not None:
                articles.append(article)
    return articles, problems


def _read_json(raw: str, stem: str, source: str) -> tuple[list[Article], list[Problem]]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise MalformedInput(
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            hint="fix the file; for one record a line use the .jsonl suffix",
            source=source,
        ) from exc
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if not isinstance(data, list):
        article, warnings = record_article(data, default_id=stem, source=source)
        return [article], warnings
    articles: list[Article] = []
    problems: list[Problem] = []
    for number, record in enumerate(data, start=1):
        where = f"{source}#{number}"
        try:
            article, warnings = record_article(record, default_id=f"{stem}-{number}", source=where)
        except InputError as error:
            error.message = f"record {number}: {error.message}"
            problems.append(problem_from(error, where))
            continue
        articles.append(article)
        problems.extend(warnings)
    if not data:
        raise EmptyInput(
            "the JSON list holds no records", hint="add article records", source=source
        )
    return articles, problems


def read_records(path: str | Path) -> tuple[list[Article], list[Problem]]:
    """All articles in a JSON or JSONL file, and a Problem for each bad record.
    Raises a typed InputError when the file as a whole cannot be read."""
    source = str(path)
    path = Path(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        articles: list[Article] = []
        problems: list[Problem] = []
        for found, met in iter_jsonl(path):
            articles.extend(found)
            problems.extend(met)
        return articles, problems
    raw, warnings = decode_text(read_input_bytes(path, source), source)
    articles, problems = _read_json(raw, path.stem, source)
    return articles, warnings + problems
