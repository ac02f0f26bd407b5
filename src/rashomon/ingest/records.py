"""Article records in JSON (.json: one object, a list of objects, or an object with an
``articles`` list) and JSON Lines (.jsonl, .ndjson: one object a line).

Fields per record: ``text`` (required; also ``body`` or ``content``), ``title`` (or
``headline``), ``outlet`` (or ``publisher``, ``site``), ``published`` (or ``date``:
``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``December 18, 2024``...), ``url``, ``id``.
``text`` is the body: without a ``title`` the article has no headline.

A bad record (malformed JSON line, not an object, no text) is a Problem whose source
names the line (JSONL) or the item (JSON list); the other records are still read. Ids
default to the file stem, plus ``-<line>`` / ``-<item>`` when the file holds several.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import EmptyInput, InputError, MalformedInput
from ..model import Article, Problem
from .common import (
    article_from_text,
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


def _read_jsonl(raw: str, stem: str, source: str) -> tuple[list[Article], list[Problem]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
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
            article, warnings = record_article(record, default_id=f"{stem}-{number}", source=where)
        except InputError as error:
            if not error.message.startswith(f"line {number}"):
                error.message = f"line {number}: {error.message}"
            problems.append(problem_from(error, where))
            continue
        articles.append(article)
        problems.extend(warnings)
    if not articles and not problems:
        problems.append(
            problem_from(EmptyInput("no records", hint="add one JSON object a line"), source)
        )
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
    raw, warnings = decode_text(read_input_bytes(path, source), source)
    reader = _read_jsonl if path.suffix.lower() in JSONL_SUFFIXES else _read_json
    articles, problems = reader(raw, path.stem, source)
    return articles, warnings + problems
