"""A corpus in a store: ingest articles, group them into stories, analyse a story.

:func:`ingest` reads the inputs (files, folders, globs; the readers of
:mod:`rashomon.ingest`), stores each distinct text once (its content hash), keeps a
changed text of a URL already stored as a revision of it, and groups the new articles
with the stored ones (:mod:`rashomon.corpus_index`): near-duplicates, and stories that
new articles join or merge without anything already grouped being regrouped. Each batch
is one transaction. :func:`story_report` analyses a story's articles with the pipeline
of :mod:`rashomon.pipeline`, cached in the store until the story changes;
:func:`analyse_stories` does it for many stories at once. An engine
(:mod:`rashomon.engine`, :mod:`rashomon.distributed`) runs the reading and the analyses,
here or on a Ray cluster; storing and grouping always run here, in input order, so
every engine makes the same stories.
"""

from __future__ import annotations

import glob
import itertools
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from .corpus_index import CorpusIndex, Signed, group_batch, sign
from .engine import Engine, LocalEngine, StoryAnalysis, StoryJob
from .errors import StoryNotFound
from .ingest.feeds import is_http_url
from .ingest.fetch import DEFAULT_OPTIONS, FetchOptions
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
    touched: set[int] = field(default_factory=set)  # the stories made or grown


    def line(self) -> str:
        return (f"read {self.read} articles: {self.added} added ({self.revisions} revisions, "
                f"{self.copies} near-duplicates), {self.already_stored} already stored; "
                f"{self.stories_new} new stories, {self.stories_grown} grown, "
                f"{self.stories_merged} merged")


def expand_sources(sources: Sequence[str]) -> list[str]:
    """Files, folders, URLs and glob patterns ("crawl/**/*.html") as sources to read,
    in order; a pattern that matches nothing is kept, so that reading it says so."""
    out: list[str] = []
    for source in sources:
        # (a name that exists is itself, whatever its characters: "notes[draft].txt")
        if any(ch in source for ch in "*?[") and not is_http_url(source) and not os.path.exists(source):
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


def ingest(
    store: Store, sources: Sequence[str], progress: Progress | None = None,
    engine: Engine | None = None, fetch: FetchOptions = DEFAULT_OPTIONS,
) -> IngestSummary:
    """Read ``sources`` into ``store`` and group the new articles into stories. The
    engine reads (and may sign) the inputs, web pages with the ``fetch`` options;
    storing and grouping run here, in order."""
    summary = IngestSummary()
    paths = expand_sources(sources)
    engine = engine or LocalEngine()
    with store.writer():
        # one stream over every input: batches of BATCH articles whatever the files
        _IngestRun(store, summary).add(_read_all(engine, paths, fetch, summary, progress))
    return summary


def _read_all(
    engine: Engine, paths: Sequence[str], fetch: FetchOptions, summary: IngestSummary,
    progress: Progress | None,
) -> Iterator[tuple[Article, Signed | None]]:
    """The articles of every input in turn (with their signatures when the engine
    made them), the problems and counts kept as they come."""
    done = 0
    for unit in engine.read(paths, fetch):
        summary.problems.extend(unit.problems)
        summary.read += len(unit.articles)
        yield from zip(unit.articles, unit.signed or itertools.repeat(None))
        done += unit.source_done
        if progress is not None:
            progress("inputs", done, len(paths))


def ingest_articles(store: Store, articles: Iterable[Article]) -> IngestSummary:
    """Store and group articles already read (a library caller's own records), a batch
    at a time."""
    summary = IngestSummary()
    with store.writer():
        _IngestRun(store, summary).add(_counting(articles, summary))
    return summary


def _counting(articles: Iterable[Article], summary: IngestSummary) -> Iterator[tuple[Article, None]]:
    for article in articles:
        summary.read += 1
        yield article, None


class _IngestRun:
    """The state of one ingest run: the index, the next free ids, the hashes seen."""

    def __init__(self, store: Store, summary: IngestSummary) -> None:
        self.store, self.summary = store, summary
        self._index: CorpusIndex | None = None
        self.next_row, next_story = store.next_ids()
        self.story_ids = itertools.count(next_story)
        self.seen: set[str] = set()
        self.suffixes: dict[str, int] = {}  # key -> the last suffix given this run
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

    def add(self, articles: Iterable[tuple[Article, Signed | None]]) -> None:
        source = iter(articles)
        while batch := list(itertools.islice(source, BATCH)):
            self._add_batch(batch)

    def _add_batch(self, batch: list[tuple[Article, Signed | None]]) -> None:
        summary = self.summary
        new = _new_articles(self.store, batch, self.seen, self.next_row, summary, self.suffixes)
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
        summary.touched = self.created | self.grown


def _new_articles(
    store: Store, batch: Sequence[tuple[Article, Signed | None]], seen: set[str], next_row: int,
    summary: IngestSummary, suffixes: dict[str, int],
) -> list[NewArticle]:
    """The articles of a batch the store does not hold yet, with row ids from
    ``next_row``, keys made unique in the store, and revisions of stored URLs."""
    hashes = [content_hash(a.text) for a, _ in batch]
    stored = store.known_hashes(hashes)
    fresh: list[tuple[Article, str, Signed | None]] = []
    for (article, signed), digest in zip(batch, hashes):
        if digest in stored or digest in seen:
            summary.already_stored += 1
            continue
        seen.add(digest)
        fresh.append((article, digest, signed))
    if not fresh:
        return []
    previous = store.latest_by_url(a.url for a, _, _ in fresh if a.url)
    keys = _unique_keys(store, [a.id for a, _, _ in fresh], suffixes)
    # (signed here unless the engine signed them where it read them)
    unsigned = iter(sign([a.text for a, _, s in fresh if s is None]))
    signatures = [s if s is not None else next(unsigned) for _, _, s in fresh]
    out = []
    for k, ((article, digest, _), key, s) in enumerate(zip(fresh, keys, signatures)):
        revision_of = previous.get(article.url) if article.url else None
        if article.url:  # (a later version in this same batch revises this one)
            previous[article.url] = next_row + k
        summary.revisions += revision_of is not None
        out.append(NewArticle(next_row + k, replace(article, id=key), digest, s.words,
                              s.word_signature, s.shingle_signature, revision_of))
    return out


def _unique_keys(store: Store, keys: Sequence[str], suffixes: dict[str, int]) -> list[str]:
    """The keys, each made unique against the store and the others ("x", "x-2", ...).
    ``suffixes`` keeps the last suffix given to each key over a run, so that a thousand
    articles of one id are not each walked past all the others."""
    taken = store.taken_keys(keys)
    out: list[str] = []
    for key in keys:
        n = suffixes.get(key, 1)
        candidate = key if n == 1 else f"{key}-{n}"
        # (a suffixed key may be stored already: the third version of "x" is "x-3")
        while candidate in taken or (candidate != key and store.taken_keys([candidate])):
            n += 1
            candidate = f"{key}-{n}"
        suffixes[key] = n
        taken.add(candidate)
        out.append(candidate)
    return out


def story_report(store: Store, story: int, fmt: str, nlp: NLP | None = None) -> tuple[str, list[Problem]]:
    """One stored story's report rendered in ``fmt`` (every stage of
    :mod:`rashomon.pipeline` over its articles, as one story), from the store's cache
    when its articles have not changed; and the problems the analysis met."""
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
    analysis = next(LocalEngine(nlp).analyse([story_job(store, story)], [fmt], nlp.model))
    _keep(store, analysis, {fmt: key}, row.articles)
    return analysis.rendered[fmt], analysis.problems


def story_job(store: Store, story: int) -> StoryJob:
    """A stored story's articles to analyse: the latest version of each."""
    stored = store.articles_of_story(story)
    # a revised article stands for its earlier versions: a correction is not a second
    # outlet disagreeing
    superseded = {s.revision_of for s in stored if s.revision_of is not None}
    return StoryJob(story, [s.article for s in stored if s.row not in superseded])


def _keep(store: Store, analysis: StoryAnalysis, keys: dict[str, str], article_keys: Sequence[str]) -> bool:
    """Cache a story's renderings in the store (``keys``: format -> cache key) unless a
    stage failed on it; whether they were kept."""
    if analysis.problems:  # a report a stage failed on is not kept
        return False
    try:
        for fmt, key in keys.items():
            store.cache_report(analysis.story, key, article_keys, analysis.rendered[fmt])
    except sqlite3.Error:
        return False  # (the story changed meanwhile: the report is still right, just not kept)
    return True


@dataclass
class AnalysisSummary:
    """What an analysis run over stored stories did."""

    stories: int = 0
    analysed: int = 0
    articles: int = 0  # in the stories analysed
    cached: int = 0  # already in the cache
    problems: list[Problem] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.stories} stories: {self.analysed} analysed ({self.articles} articles), "
                f"{self.cached} already cached")


def analyse_stories(
    store: Store, stories: Iterable[int] | None = None, formats: Sequence[str] = ("json",), *,
    engine: Engine | None = None, model: str | None = None, progress: Progress | None = None,
) -> AnalysisSummary:
    """Analyse stored stories (all of them by default) and cache their reports in each
    of ``formats``, the stories the cache holds already skipped. The engine runs the
    analyses; the cache is written here as each comes back."""
    engine = engine or LocalEngine()
    name = engine.model_name(model)
    keys = {fmt: f"{fmt} {name}" for fmt in formats}
    wanted = [row.id for row in store.stories()] if stories is None else list(dict.fromkeys(stories))
    summary = AnalysisSummary(stories=len(wanted))
    todo: dict[int, tuple[str, ...]] = {}  # the stories to analyse, with their articles
    for story in wanted:
        row = store.story(story)
        if row is None:
            raise StoryNotFound(f"no story {story} in the store",
                                hint="list them with `rashomon stories`", source=str(store.path))
        if all(store.cached_report(story, k, row.articles) is not None for k in keys.values()):
            summary.cached += 1
        else:
            todo[story] = row.articles
    # (jobs are read from the store as the engine takes them: a corpus's texts are
    # never all in memory)
    jobs = (story_job(store, story) for story in todo)
    for done, analysis in enumerate(engine.analyse(jobs, formats, model), start=1):
        _keep(store, analysis, keys, todo[analysis.story])
        summary.analysed += 1
        summary.articles += len(todo[analysis.story])
        summary.problems.extend(analysis.problems)
        if progress is not None:
            progress("stories", done, len(todo))
    return summary


def stories_json(rows: Sequence[StoryRow]) -> dict:
    """The JSON of ``rashomon stories``."""
    return {"stories": [
        {"id": r.id, "title": r.title, "articles": list(r.articles),
         "first_published": r.first_published, "last_published": r.last_published}
        for r in rows
    ]}
