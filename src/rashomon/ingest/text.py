"""Plain-text articles (.txt, .text, .md).

Format: optional header lines at the very top, one ``Key: value`` each (keys
case-insensitive)::

    Outlet: The Example Ledger
    Published: 2024-12-18        (or 2024-12, 2024, December 18, 2024)
    URL: https://example.org/story
    Title: Headline here         (optional)
    Author: Jane Roe             (ignored)

then an optional blank line and the article. With no ``Title:`` header the first
non-blank line that is not boilerplate is the headline (a Markdown ``# `` is dropped);
with one, the body starts right after the headers (a first body line repeating the
title is dropped). The id is the file stem; the source the path as given.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

from ..model import Article, Problem
from .common import article_from_text, decode_text, published_or_warning, read_input_bytes

_HEADER = re.compile(
    r"^(?P<key>outlet|publisher|published|date|url|link|title|headline|author|authors|byline)"
    r"[ \t]*:[ \t]*(?P<value>.*?)\s*$",
    re.I,
)
_KEYS = MappingProxyType({
    "outlet": "outlet",
    "publisher": "outlet",
    "published": "published",
    "date": "published",
    "url": "url",
    "link": "url",
    "title": "title",
    "headline": "title",
})


def split_headers(raw: str) -> tuple[dict[str, str], str]:
    """The header fields at the top of ``raw`` (outlet, published, url, title) and the
    text after them. Header lines stop at the first line that is not one."""
    lines = raw.split("\n")
    headers: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index].strip() and not headers:
        index += 1  # blank lines before the headers
    while index < len(lines):
        match = _HEADER.match(lines[index].strip())
        if not match:
            break
        key = _KEYS.get(match.group("key").lower())
        if key and match.group("value") and key not in headers:
            headers[key] = match.group("value")
        index += 1
    return headers, "\n".join(lines[index:])


def text_article(raw: str, *, id: str, source: str) -> tuple[Article, list[Problem]]:
    """An article from decoded text in the header format above, and any warnings."""
    headers, body = split_headers(raw)
    published, warnings = published_or_warning(headers.get("published"), source, "Published:")
    article = article_from_text(
        body,
        id=id,
        source=source,
        outlet=headers.get("outlet"),
        title=headers.get("title"),
        published=published,
        url=headers.get("url"),
        published_basis="given",
    )
    return article, warnings


def read_text(path: str | Path, *, strict_utf8: bool = False) -> tuple[Article, list[Problem]]:
    """Read one text article; warnings (encoding, unreadable date) come alongside.
    ``strict_utf8``: no Windows-1252 fallback (for files of unknown kind)."""
    source = str(path)
    path = Path(path)
    raw, warnings = decode_text(read_input_bytes(path, source), source, fallback=not strict_utf8)
    article, more = text_article(raw, id=path.stem, source=source)
    return article, warnings + more


def read_text_article(path: str | Path) -> Article:
    """Read one text article (raises a typed InputError when it cannot)."""
    return read_text(path)[0]
