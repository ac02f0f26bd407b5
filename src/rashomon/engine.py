"""Engines: where the per-input and per-story work of a corpus runs.

An ingest run reads its inputs and signs their articles (per input, independent), then
stores and groups them (one ordered pass on the caller's process, so that every engine
makes the same stories). Analysing stories is per story, independent. An engine does
the independent parts: :class:`LocalEngine` in this process, one after another;
:class:`rashomon.distributed.RayEngine` on a Ray cluster. Both return their results in
the order of their inputs, and both call the same functions (:func:`read_units`,
:func:`analyse_job`), so the stories and reports are the same whichever runs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from .corpus_index import Signed, sign
from .ingest.fetch import FetchOptions
from .model import Article, Problem
from .nlp import NLP


@dataclass(frozen=True)
class ReadUnit:
    """What a batch of one input gave: its articles, the problems met, the articles'
    signatures when the engine made them already (None: the caller signs the ones it
    keeps), and whether it is the input's last batch."""

    articles: list[Article]
    problems: list[Problem]
    signed: list[Signed] | None = None
    source_done: bool = True


@dataclass(frozen=True)
class StoryJob:
    """One story to analyse: its id and the articles that stand for it."""

    story: int
    articles: list[Article]


@dataclass(frozen=True)
class StoryAnalysis:
    """One story's report rendered in each format asked for (format -> text), and the
    problems its analysis met."""

    story: int
    rendered: dict[str, str]
    problems: list[Problem]


class Engine(Protocol):
    """Runs the independent work of a corpus; results come in the order of the inputs."""

    name: str

    def read(self, sources: Sequence[str], fetch: FetchOptions) -> Iterator[ReadUnit]:
        """Each source read (and possibly signed), a unit per batch of a source."""
        ...

    def analyse(
        self, jobs: Iterable[StoryJob], formats: Sequence[str], model: str | None,
    ) -> Iterator[StoryAnalysis]:
        """Each story analysed with the pipeline and rendered in each of ``formats``."""
        ...

    def model_name(self, model: str | None) -> str:
        """The name of the spaCy pipeline ``model`` resolves to (the cache key's)."""
        ...


def read_units(source: str, fetch: FetchOptions, *, signed: bool = False) -> Iterator[ReadUnit]:
    """The articles of one source (file, folder, URL, feed, crawl file) and the
    problems met, a batch at a time; signed as well when ``signed`` (an engine that
    reads elsewhere signs there too)."""
    from .ingest import iter_source

    pending: ReadUnit | None = None  # (one batch held back: the last one says so)
    for articles, problems in iter_source(source, fetch):
        if pending is not None:
            yield pending
        pending = ReadUnit(articles, problems,
                           sign([a.text for a in articles]) if signed else None, False)
    yield replace(pending, source_done=True) if pending is not None else ReadUnit([], [])


def analyse_job(job: StoryJob, formats: Sequence[str], nlp: NLP) -> StoryAnalysis:
    """One story analysed by every stage of :mod:`rashomon.pipeline`, as one story, and
    rendered in each format (one analysis, many renderings)."""
    from .pipeline import analyze_articles, one_story
    from .report import render

    report = analyze_articles(job.articles, nlp=nlp, group=one_story)
    return StoryAnalysis(job.story, {fmt: render(report, fmt) for fmt in formats},
                         list(report.problems))


class LocalEngine:
    """This process, one input or story after another."""

    name = "local"

    def __init__(self, nlp: NLP | None = None) -> None:
        self._nlp = nlp

    def _pipeline(self, model: str | None) -> NLP:
        if self._nlp is None or self._nlp.model != model:
            self._nlp = NLP(model)
        return self._nlp

    def read(self, sources: Sequence[str], fetch: FetchOptions) -> Iterator[ReadUnit]:
        for source in sources:
            yield from read_units(source, fetch)

    def analyse(
        self, jobs: Iterable[StoryJob], formats: Sequence[str], model: str | None,
    ) -> Iterator[StoryAnalysis]:
        nlp = self._pipeline(model)
        for job in jobs:
            yield analyse_job(job, formats, nlp)

    def model_name(self, model: str | None) -> str:
        return self._pipeline(model).name
