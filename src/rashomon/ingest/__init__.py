"""Readers: inputs -> cleaned :class:`~rashomon.model.Article` records.

:func:`read_inputs` takes files, folders (walked recursively, sorted; hidden entries
skipped), http(s) URLs, files that list URLs, RSS/Atom feeds and WARC crawl files
(:mod:`.sources` picks the reader). Files are read by suffix (:mod:`.readers`): .txt
.text .md -> text (:mod:`.text`), .html .htm -> HTML (:mod:`.html`), .json .jsonl
.ndjson -> records (:mod:`.records`), .warc .warc.gz -> crawl records (:mod:`.warc`),
.rss .atom .xml -> feeds (:mod:`.feeds`); a file named explicitly with another suffix
is read as text if it is UTF-8. Pages on the web are fetched by the guarded client of
:mod:`.fetch` (no private addresses unless allowed, caps on time, size and
redirects). An input that cannot be read becomes a
:class:`~rashomon.model.Problem` (from the typed errors in :mod:`rashomon.errors`) and
the other inputs are still read. Duplicate ids get ``-2``, ``-3``...
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from ..model import Article, Problem
from .common import article_from_text, parse_published
from .fetch import DEFAULT_OPTIONS, FetchOptions
from .html import html_article, read_html_article
from .readers import HTML_SUFFIXES, RECORD_SUFFIXES, TEXT_SUFFIXES, read_file
from .records import read_records
from .sources import iter_source
from .text import read_text_article, text_article

__all__ = [
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "RECORD_SUFFIXES",
    "FetchOptions",
    "article_from_text",
    "html_article",
    "iter_source",
    "parse_published",
    "read_file",
    "read_html_article",
    "read_inputs",
    "read_records",
    "read_text_article",
    "text_article",
    "unique_ids",
]


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
    paths: Sequence[str | Path], fetch: FetchOptions = DEFAULT_OPTIONS,
) -> tuple[tuple[Article, ...], tuple[Problem, ...]]:
    """Every article in ``paths`` (files, folders, URLs, feeds, crawl files; see
    :func:`.sources.iter_source`) and every problem met; repeated ids made unique."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for given in paths:
        for found, met in iter_source(given, fetch):
            articles.extend(found)
            problems.extend(met)
    return tuple(unique_ids(articles)), tuple(problems)
