"""A corpus in a store: ingest articles, group them into stories, analyse a story.

:func:`ingest` reads the inputs (files, folders, globs; the readers of
:mod:`rashomon.ingest`), stores each distinct text once (its content hash), keeps a
changed text of a URL already stored as a revision of it, and groups the new articles
with the stored ones (:mod:`rashomon.corpus_index`): near-duplicates, and stories that
new articles join or merge without anything already grouped being regrouped. Each batch
is one transaction. :func:`story_report` analyses a story's articles with the pipeline
of :mod:`rashomon.pipeline`, cached in the store until the story changes.
"""

from __future__ import annotations

import glob
import itertools
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from .corpus_index import CorpusIndex, Signed, group_batch, sign
from .errors import StoryNotFound
from .ingest import read_inputs
from .model import Article, PartialDate, Problem
from .nlp import NLP
from .store import NewArticle, Store, StoryRow, content_hash

# progress(stage, done, total): the CLI draws a bar from it
Progress = Callable[[str, int, int], None]
BATCH = 500  # articles a transaction


@dataclass
class IngestSummary:
    """What an ingest run did."""

    read: int = 0
    added: int = 0
    already_stored: int = 0  # the same text ingested before (or twice in this run)
    revisions: int = 0  # a changed text of a URL already stored
    copies: int = 0  # near-duplicates of a stored article
    stories_new: int = 0
    stories_grown: int = 0
    stories_merged: int = 0
    problems: list[Problem] = field(default_factory=list)

    def line(self) -> str:
        return (f"read {self.read} articles: {self.added} added ({self.revisions} revisions, "
                f"{self.copies} near-duplicates), {self.already_stored} already stored; "
                f"{self.stories_new} new stories, {self.stories_grown} grown, "
                f"{self.stories_merged} merged")


def expand_sources(sources: Sequence[str]) -> list[str]:
    """Files, folders and glob patterns ("crawl/**/*.html") as paths to read, in order;
    a pattern that matches nothing is kept, so that reading it says so."""
    out: list[str] = []
    for source in sources:
        if any(ch in source for ch in "*?["):
            matches = sorted(glob.glob(source, recursive=True))
            out.extend(matches or [source])
        else:
            out.append(source)
    return out


def load_index(store: Store) -> CorpusIndex:
    """The grouping index of every article in the store."""
    index = CorpusIndex()
    for row, words, word_sig, shingle_sig, published, story in store.signatures():
        # the day a run groups by: a month-only date is its first day, as in the run
        day = PartialDate.parse(published).value if published else None
        index.add(row, Signed(frozenset(words.split()), word_sig, shingle_sig), day, story)
    index.refresh_weights()
    return index


def ingest(store: Store, sources: Sequence[str], progress: Progress | None = None) -> IngestSummary:
    """Read ``sources`` into ``store`` and group the new articles into stories."""
    summary = IngestSummary()
    paths = expand_sources(sources)
    with store.writer():
        # one stream over every input: batches of BATCH articles whatever the files
        _IngestRun(store, summary).add(_read_all(paths, summary, progress))
    return summary


def _read_all(paths: Sequence[str], summary: IngestSummary, progress: Progress | None) -> Iterator[Article]:
    """The articles of every input in turn, the problems and counts kept as they come."""
    for done, (articles, problems) in enumerate(_read_each(paths), start=1):
        summary.problems.extend(problems)
        summary.read += len(articles)
        yield from articles
        if progress is not None:
            progress("inputs", done, len(paths))


def ingest_articles(store: Store, articles: Iterable[Article]) -> IngestSummary:
    """Store and group articles already read (a library caller's own records), a batch
    at a time."""
    summary = IngestSummary()
    with store.writer():
        _IngestRun(store, summary).add(_counting(articles, summary))
    return summary


def _counting(articles: Iterable[Article], summary: IngestSummary) -> Iterator[Article]:
    for article in articles:
        summary.read += 1
        yield article


class _IngestRun:
    """The state of one ingest run: the index, the next free ids, the hashes seen."""

    def __init__(self, store: Store, summary: IngestSummary) -> None:
        self.store, self.summary = store, summary
        self._index: CorpusIndex | None = None
        self.next_row, next_story = store.next_ids()
        self.story_ids = itertools.count(next_story)
        self.seen: set[str] = set()
        self.stories_before: set[int] = set()
        # over the whole run: stories made, stored stories grown, stories merged away
        self.created: set[int] = set()
        self.grown: set[int] = set()
        self.merged: set[int] = set()

    @property
    def index(self) -> CorpusIndex:
        """The store's index, loaded when the first new article comes (a run that only
        meets articles stored already never reads the index)."""
        if self._index is None:
            self._index = load_index(self.store)
            self.stories_before = set(self._index.story_of.values())
        return self._index

    def add(self, articles: Iterable[Article]) -> None:
        source = iter(articles)
        while batch := list(itertools.islice(source, BATCH)):
            self._add_batch(batch)

    def _add_batch(self, batch: list[Article]) -> None:
        summary = self.summary
        new = _new_articles(self.store, batch, self.seen, self.next_row, summary)
        if not new:
            return
        self.next_row = new[-1].row + 1
        grouping = group_batch(
            self.index, [n.row for n in new],
            [Signed(n.words, n.word_signature, n.shingle_signature) for n in new],
            [n.article.published.value if n.article.published else None for n in new],
            lambda: next(self.story_ids),
        )
        self.store.commit_batch(new, grouping.copies, grouping.story_of, grouping.merged)
        summary.added += len(new)
        summary.copies += sum(1 for n in new if n.row in grouping.copies and n.revision_of is None)
        touched = set(grouping.story_of.values())
        self.created |= touched - self.stories_before - self.created
        self.grown |= touched & self.stories_before
        self.merged |= set(grouping.merged)
        self.created -= self.merged
        self.grown -= self.merged
        summary.stories_new, summary.stories_grown = len(self.created), len(self.grown)
        summary.stories_merged = len(self.merged)


def _read_each(paths: Sequence[str]) -> Iterator[tuple[list[Article], list[Problem]]]:
    for path in paths:
        yield read_inputs([path])


def _new_articles(
    store: Store, batch: Sequence[Article], seen: set[str], next_row: int, summary: IngestSummary,
) -> list[NewArticle]:
    """The articles of a batch the store does not hold yet, with row ids from
    ``next_row``, keys made unique in the store, and revisions of stored URLs."""
    hashes = [content_hash(a.text) for a in batch]
    stored = store.known_hashes(hashes)
    fresh: list[tuple[Article, str]] = []
    for article, digest in zip(batch, hashes):
        if digest in stored or digest in seen:
            summary.already_stored += 1
            continue
        seen.add(digest)
        fresh.append((article, digest))
    if not fresh:
        return []
    previous = store.latest_by_url(a.url for a, _ in fresh if a.url)
    keys = _unique_keys(store, [a.id for a, _ in fresh])
    signed = sign([a.text for a, _ in fresh])
    out = []
    for k, ((article, digest), key, s) in enumerate(zip(fresh, keys, signed)):
        revision_of = previous.get(article.url) if article.url else None
        summary.revisions += revision_of is not None
        out.append(NewArticle(next_row + k, replace(article, id=key), digest, s.words,
                              s.word_signature, s.shingle_signature, revision_of))
    return out


def _unique_keys(store: Store, keys: Sequence[str]) -> list[str]:
    """The keys, each made unique against the store and the others ("x", "x-2", ...)."""
    taken = store.taken_keys(keys)
    out: list[str] = []
    for key in keys:
        candidate, n = key, 1
        # (a suffixed key may be stored already: the third version of "x" is "x-3")
        while candidate in taken or (candidate != key and store.taken_keys([candidate])):
            n += 1
            candidate = f"{key}-{n}"
        taken.add(candidate)
        out.append(candidate)
    return out


def story_report(store: Store, story: int, fmt: str, nlp: NLP | None = None) -> tuple[str, list[Problem]]:
    """One stored story's report rendered in ``fmt`` (every stage of
    :mod:`rashomon.pipeline` over its articles, as one story), from the store's cache
    when its articles have not changed; and the problems the analysis met."""
    from .pipeline import analyze_articles, one_story
    from .report import render

    row = store.story(story)
    if row is None:
        raise StoryNotFound(f"no story {story} in the store", hint="list them with `rashomon stories`",
                            source=str(store.path))
    nlp = nlp or NLP()
    # the cache is per format and per model (another model makes another report)
    key = f"{fmt} {nlp.name}"
    cached = store.cached_report(story, key, row.articles)
    if cached is not None:
        return cached, []
    stored = store.articles_of_story(story)
    # a revised article stands for its earlier versions: a correction is not a second
    # outlet disagreeing
    superseded = {s.revision_of for s in stored if s.revision_of is not None}
    articles = [s.article for s in stored if s.row not in superseded]
    report = analyze_articles(articles, nlp=nlp, group=one_story)
    rendered = render(report, fmt)
    if not report.problems:  # a report a stage failed on is not kept
        try:
            store.cache_report(story, key, row.articles, rendered)
        except sqlite3.Error:
            pass  # (the story changed meanwhile: the report is still right, just not kept)
    return rendered, list(report.problems)


def stories_json(rows: Sequence[StoryRow]) -> dict:
    """The JSON of ``rashomon stories``."""
    return {"stories": [
        {"id": r.id, "title": r.title, "articles": list(r.articles),
         "first_published": r.first_published, "last_published": r.last_published}
        for r in rows
    ]}
