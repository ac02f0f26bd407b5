"""The pipeline: inputs -> articles -> per-article analysis -> stories -> Report.

Article stages (sentences, quotes, dates) run once per article; story stages (speaker
resolution across outlets, publication dates borrowed from peers, timeline, quote
versions, facts) run once per story. Every stage is a plain function over the model.

A stage that raises on one article costs that article, never the run: the failure
becomes a :class:`~rashomon.model.Problem` (code R400) and the other articles are
analysed. A story stage that raises leaves that part of the story empty, with a
problem saying so.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from . import cluster, collate, compare, dates, quotes, speakers, syndication, timeline
from .errors import ModelNotAvailable, NothingToAnalyse, StageFailed
from .ingest import read_inputs, unique_ids
from .ingest.fetch import DEFAULT_OPTIONS, FetchOptions
from .model import Article, ArticleAnalysis, Facts, Problem, Quote, Report, Sentence, Story
from .nlp import NLP
from .sentences import split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

# progress(stage, done, total): called as work advances (the CLI draws a bar from it)
Progress = Callable[[str, int, int], None]
# Articles' texts -> the indexes of each story's articles (a story-grouping strategy).
Grouping = Callable[[Sequence[str]], list[list[int]]]
T = TypeVar("T")
# Articles analysed together: the sentences their quotes need parsed go to spaCy as one
# stream (per-call overhead dominates when each article has a handful).
ARTICLE_BATCH = 32


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def analyze(
    paths: Iterable[str | Path],
    *,
    model: str | None = None,
    nlp: NLP | None = None,
    progress: Progress | None = None,
    fetch: FetchOptions = DEFAULT_OPTIONS,
) -> Report:
    """Read the inputs (files, folders, URLs, feeds, crawl files; web pages with the
    ``fetch`` options), group them into stories and analyse each story.

    Inputs that cannot be read, and articles a stage failed on, are reported in
    ``Report.problems``; the rest are analysed. Raises :class:`NothingToAnalyse` (with
    the per-input problems attached) when no input gives an article.
    """
    articles, problems = read_inputs(list(paths), fetch)
    if not articles:
        raise NothingToAnalyse(
            "no input gave an article to analyse",
            hint="pass text, HTML, JSON/JSONL or WARC files, folders holding them, URLs or feeds",
            problems=tuple(problems),
        )
    return analyze_articles(articles, nlp=nlp or NLP(model), problems=problems, progress=progress)


def analyze_articles(
    articles: Sequence[Article],
    *,
    nlp: NLP | None = None,
    problems: Sequence[Problem] = (),
    progress: Progress | None = None,
    group: Grouping | None = None,
) -> Report:
    """Analyse already-built articles (the library entry point for callers that build
    their own :class:`Article` records). Repeated ids are made unique (``x-2``).

    ``group`` puts the analysed articles into stories: given their texts, the indexes of
    each story's articles (by default :func:`rashomon.cluster.group_stories`; pass
    :func:`one_story` for articles known to tell one story)."""
    group = group or cluster.group_stories
    nlp = nlp or NLP()
    report_progress = progress or _no_progress
    found_problems = list(problems)
    articles = unique_ids(articles)
    if articles:
        # Load now: a missing model is a set-up error, said before any work, even when
        # no article turns out to need a parse.
        nlp.language  # noqa: B018 - the property loads the pipeline
    analyses: list[ArticleAnalysis] = []
    for first in range(0, len(articles), ARTICLE_BATCH):
        batch = articles[first : first + ARTICLE_BATCH]
        for article, outcome in zip(batch, analyze_batch(batch, nlp)):
            if isinstance(outcome, Exception):
                found_problems.append(_failure(article.source, "article analysis", outcome,
                                               fatal=True))
            else:
                analyses.append(outcome)
        report_progress("articles", first + len(batch), len(articles))
    groups = group([a.article.text for a in analyses])
    stories: list[Story] = []
    final: dict[str, ArticleAnalysis] = {}
    for number, members in enumerate(groups, start=1):
        story, story_analyses = build_story(f"s{number}", [analyses[i] for i in members], found_problems)
        stories.append(story)
        final.update((a.article.id, a) for a in story_analyses)
        report_progress("stories", number, len(groups))
    ordered = tuple(final[a.article.id] for a in analyses)
    return Report(articles=ordered, stories=tuple(stories), problems=tuple(found_problems))


def one_story(texts: Sequence[str]) -> list[list[int]]:
    """A grouping that puts all articles in one story (none when there are none)."""
    return [list(range(len(texts)))] if texts else []


def analyze_article(article: Article, nlp: NLP) -> ArticleAnalysis:
    """Sentences, quotes and dates of one article (publication date inferred if missing)."""
    outcome = analyze_batch([article], nlp)[0]
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def analyze_batch(articles: Sequence[Article], nlp: NLP) -> list[ArticleAnalysis | Exception]:
    """:func:`analyze_article` for each article, with the sentences the quote stage
    parses sent to spaCy as one stream for the whole batch (a third faster than one
    stream per article). An article a stage fails on gives its exception in its place;
    the others are unaffected."""
    started = [_attempt(_start_article, article) for article in articles]
    drafts = [s.draft if isinstance(s, _Started) else None for s in started]
    parses = quotes.parse_drafts(drafts, nlp)
    return [s if isinstance(s, Exception) else _attempt(_finish_article, s, docs)
            for s, docs in zip(started, parses)]


@dataclasses.dataclass(frozen=True)
class _Started:
    """An article up to the parse: its sentences (publication date inferred if missing)
    and its quotes as the rules alone attribute them."""

    article: Article
    sentences: tuple[Sentence, ...]
    draft: quotes.QuoteDraft | None


def _start_article(article: Article) -> _Started:
    sentences = split_sentences(article.text)
    if article.published is None:
        inferred = dates.infer_published(article, sentences)
        if inferred is not None:
            article = dataclasses.replace(article, published=inferred, published_basis="inferred")
    return _Started(article, sentences, quotes.draft_quotes(article, sentences))


def _finish_article(started: _Started, docs: list[Doc] | Exception) -> ArticleAnalysis:
    """The article's quotes given the parses of its draft (or the exception the parse
    raised for it), and its dates."""
    article, sentences = started.article, started.sentences
    found_quotes: tuple[Quote, ...] = ()
    if isinstance(docs, Exception):
        raise docs
    if started.draft is not None:
        found_quotes = quotes.finish_quotes(started.draft, docs)
    found_dates = dates.find_dates(article, sentences, article.published)
    return ArticleAnalysis(article, sentences, found_dates, found_quotes)


def _attempt(run: Callable[..., T], *args: object) -> T | Exception:
    """``run(*args)``, or the exception it raised: one article's failure must not end
    the run. A missing model is a set-up error every article would hit alike: raised."""
    try:
        return run(*args)
    except ModelNotAvailable:
        raise
    except Exception as exc:  # noqa: BLE001 - reported as a problem by the caller
        return exc


def build_story(
    story_id: str, analyses: Sequence[ArticleAnalysis], problems: list[Problem] | None = None
) -> tuple[Story, tuple[ArticleAnalysis, ...]]:
    """Run the story stages over the articles of one story. A stage that fails leaves
    its part of the story empty and adds a problem to ``problems``."""
    problems = problems if problems is not None else []
    source = f"story {story_id} ({', '.join(a.article.id for a in analyses)})"

    def guarded(stage: str, run: Callable[[], T], fallback: T) -> T:
        try:
            return run()
        except Exception as exc:  # noqa: BLE001 - keep the rest of the story
            problems.append(_failure(source, stage, exc, fatal=False))
            return fallback

    resolved = guarded("speakers", lambda: tuple(speakers.resolve_story_speakers(analyses)), tuple(analyses))
    resolved = guarded(
        "publication dates", lambda: tuple(_date_from_peers(a, resolved) for a in resolved), resolved
    )
    story_quotes = tuple(q for a in resolved for q in a.quotes)
    events, undated = guarded("timeline", lambda: timeline.build_timeline(resolved), ((), ()))
    copies = guarded(
        "wire copy", lambda: syndication.syndicated_groups([a.article for a in resolved]), ()
    )
    story = Story(
        id=story_id,
        title=story_title(resolved),
        articles=tuple(a.article.id for a in resolved),
        speakers=guarded("speakers", lambda: speakers.speaker_table(story_quotes), ()),
        quotes=story_quotes,
        quote_groups=guarded("quote versions", lambda: collate.group_quotes(story_quotes), ()),
        timeline=tuple(events),
        undated=tuple(undated),
        facts=guarded("facts", lambda: compare.compare_facts(resolved, copies), Facts()),
        syndicated=copies,
    )
    return story, resolved


def _failure(source: str, stage: str, exc: Exception, *, fatal: bool) -> Problem:
    error = StageFailed(
        f"{stage} failed: {type(exc).__name__}: {exc}",
        hint="a bug in rashomon, not in the input: please report it with this input"
        + ("; the article was left out" if fatal else "; that part of the story is empty"),
    )
    return Problem(source, error.code, error.message, error.hint, fatal=fatal)


def _date_from_peers(analysis: ArticleAnalysis, peers: Sequence[ArticleAnalysis]) -> ArticleAnalysis:
    """An article with no publication date of its own borrows its period from peers
    that carry the same fresh quotes, and its dates are normalised again against it."""
    if analysis.article.published is not None:
        return analysis
    others = [p for p in peers if p.article.id != analysis.article.id]
    lent = dates.lending_peer(analysis, others)
    if lent is None:
        return analysis
    borrowed, lender = lent
    article = dataclasses.replace(analysis.article, published=borrowed, published_basis="inferred",
                                  published_from=lender)
    found_dates = dates.find_dates(article, analysis.sentences, borrowed)
    return dataclasses.replace(analysis, article=article, dates=found_dates)


_TITLE_WORD = re.compile(r"[^\W\d_]{3,}")


def story_title(analyses: Sequence[ArticleAnalysis]) -> str:
    """The headline that shares most words with the story's other headlines."""
    titles = [a.article.title for a in analyses if a.article.title]
    if not titles:
        first = analyses[0].article.text.strip().splitlines()
        return first[0][:120] if first else analyses[0].article.id
    vocab = Counter(w.lower() for t in titles for w in set(_TITLE_WORD.findall(t)))

    def score(title: str) -> tuple[float, int]:
        words = {w.lower() for w in _TITLE_WORD.findall(title)}
        return (sum(vocab[w] - 1 for w in words) / (len(words) or 1), -len(title))

    return max(titles, key=score)
