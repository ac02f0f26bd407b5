"""Outlets that report a dated event without dating it, joined to it by a shared quote.

One outlet writes “We will rebuild the pier,” Ode said at the town hall on Monday, May 5;
another “We will rebuild the pier,” she told the town hall, with no date. Merging dated
events (``timeline``) cannot see the second sentence: it has no date. A fresh quote (as
long as ``dates.MIN_QUOTE_WORDS``, matched as fuzzily as ``dates.shared_quote_count``)
travels with the occasion it was said at, so the undated sentence that carries the
quote of the event's dated sentence reports the same event. It becomes a source with
``basis="quote"`` and ``dated_by`` the article that gives the date.

Precision comes first: sharing topic words is never enough (only the quote joins); the
undated sentence must not date anything the event's date does not hold; the two
quotes must not be given to different speakers; events with a date conflict and
events known only to the year are left alone. One such source per article per event.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from . import dates
from .dates_clauses import Span as Offsets
from .dates_clauses import clause_span
from .model import ArticleAnalysis, EventSource, Sentence, Span, TimelineEvent
from .resources import dates as R
from .sentences import sentence_at, split_sentences
from .timeline_mentions import in_direct_quote, mention_period, nested

_OPENING_MARKS = "“\"‘'"
# Mentions that say nothing of when a thing was said: "now", "in the past", a plan.
_TIMELESS_VALUES = R.NOT_EVENT_VALUES | {"FUTURE_REF"}


@dataclass(frozen=True)
class SentenceQuote:
    """A fresh quote of a sentence: normalised text, speaker and speaker mention (when
    the quote stage gave them)."""

    text: str
    speaker: str | None = None
    mention: Span | None = None


@dataclass(frozen=True)
class CarriedQuote:
    """A fresh quote of an event's dated sentence, and the article that dates it."""

    text: str
    article: str
    speaker: str | None = None


SentenceKey = tuple[str, int]  # (article id, sentence start)
QuotingSentence = tuple[Sentence, list[SentenceQuote]]  # a sentence and its fresh quotes


def sentence_quotes(analysis: ArticleAnalysis, sentence: Sentence) -> list[SentenceQuote]:
    """The fresh quotes that start in the sentence: the quote stage's records (a
    headline is no report of an occasion); with no records at all, the text between
    quote marks."""
    if not analysis.quotes:
        quoted = dates.QUOTED_TEXT.findall(sentence.text)
        return [SentenceQuote(dates.normalised_quote(t)) for t in quoted if dates.is_fresh_quote(t)]
    return [
        SentenceQuote(dates.normalised_quote(q.text), q.speaker, q.speaker_mention)
        for q in analysis.quotes
        if q.kind != "headline" and sentence.start <= q.start < sentence.end
        and dates.is_fresh_quote(q.text)
    ]


def opening_quotes(analysis: ArticleAnalysis, sentence: Sentence) -> list[SentenceQuote]:
    """The fresh quote the sentence opens with, if it opens with one."""
    lead = len(sentence.text) - len(sentence.text.lstrip())
    if not sentence.text[lead:lead + 1] or sentence.text[lead] not in _OPENING_MARKS:
        return []
    opening = sentence.start + lead + 1  # just inside the mark
    if not analysis.quotes:
        quoted = dates.QUOTED_TEXT.match(sentence.text, lead)
        fresh = quoted is not None and dates.is_fresh_quote(quoted.group(1))
        return [SentenceQuote(dates.normalised_quote(quoted.group(1)))] if fresh else []
    return [
        SentenceQuote(dates.normalised_quote(q.text), q.speaker, q.speaker_mention)
        for q in analysis.quotes
        if q.kind != "headline" and q.start == opening and dates.is_fresh_quote(q.text)
    ]


def following_sentence(sentences: Sequence[Sentence], sentence: Sentence) -> Sentence | None:
    """The next sentence of the same paragraph, if any."""
    after = next((s for s in sentences if s.start >= sentence.end), None)
    return after if after is not None and after.paragraph == sentence.paragraph else None


def event_sentence_quotes(analysis: ArticleAnalysis, sentences: Sequence[Sentence],
                          sentence: Sentence) -> list[SentenceQuote]:
    """The quotes said on the occasion a dated sentence reports: its own, and when it
    opens with a quote interrupted by the attribution (“First part,” she said on
    Monday. “Second part.”), the second part that opens the next sentence."""
    own = sentence_quotes(analysis, sentence)
    after = following_sentence(sentences, sentence)
    if after is None or not opening_quotes(analysis, sentence):
        return own
    return own + opening_quotes(analysis, after)


def carried_quotes(event: TimelineEvent, analyses: dict[str, ArticleAnalysis],
                   sentences: dict[str, tuple[Sentence, ...]]) -> list[CarriedQuote]:
    """The fresh quotes of the event's dated sentences, each with its article."""
    carried = []
    for source in event.sources:
        analysis = analyses.get(source.article)
        own = sentences.get(source.article, ())
        sentence = sentence_at(own, source.start)
        if source.basis != "date" or analysis is None or sentence is None:
            continue
        carried += [CarriedQuote(q.text, source.article, q.speaker)
                    for q in event_sentence_quotes(analysis, own, sentence)]
    return carried


def speakers_differ(a: str | None, b: str | None) -> bool:
    """Both outlets name a speaker and not the same one: another person's words."""
    return a is not None and b is not None and a != b


def dating_article(quotes: Iterable[SentenceQuote], carried: Sequence[CarriedQuote]
                   ) -> tuple[str, SentenceQuote] | None:
    """The dated article whose quote one of ``quotes`` repeats, with that quote."""
    for quote in quotes:
        for other in carried:
            if speakers_differ(quote.speaker, other.speaker):
                continue
            if dates.shared_quote_count([quote.text], [other.text]):
                return other.article, quote
    return None


def dates_otherwise(analysis: ArticleAnalysis, sentence: Sentence,
                    period: tuple[date, date]) -> bool:
    """True when the sentence has a date of its own that the event's period does not
    hold, or one the dates stage could not place (unknown is no agreement). Durations,
    "now", unplaced plans and dates inside quotes (the speaker's, not the occasion's)
    say nothing of when the words were said."""
    for mention in analysis.dates:
        if not sentence.start <= mention.start < sentence.end:
            continue
        if mention.kind != "date" or mention.value in _TIMELESS_VALUES:
            continue
        if in_direct_quote(mention, analysis.quotes):
            continue
        own = mention_period(mention)
        if own is None or not nested(own, period):
            return True
    return False


def report_clause(analysis: ArticleAnalysis, sentence: Sentence, quote: SentenceQuote) -> Offsets:
    """The clause of the sentence that reports the words ("she told the town hall"):
    the clause of the speaker mention when it is in the sentence, else the sentence."""
    mention = quote.mention
    if mention is not None and sentence.start <= mention.start and mention.end <= sentence.end:
        spans = [(m.start, m.end) for m in analysis.dates]
        return clause_span(sentence, mention.start, mention.end, spans)
    text = sentence.text
    return sentence.start + len(text) - len(text.lstrip()), sentence.start + len(text.rstrip())


def quote_source(analysis: ArticleAnalysis, sentence: Sentence, quote: SentenceQuote,
                 dated_by: str) -> EventSource:
    """An undated sentence as an event source: no date expression of its own, so
    ``expression`` is "" at the start of its clause (``text[start:end] == expression``
    still holds)."""
    start, end = report_clause(analysis, sentence, quote)
    return EventSource(
        article=analysis.article.id,
        expression="",
        start=start,
        end=start,
        sentence=sentence.text,
        event_start=start,
        event_end=end,
        basis="quote",
        dated_by=dated_by,
    )


def in_headline(analysis: ArticleAnalysis, sentence: Sentence) -> bool:
    """True for the headline line's sentence (``Article.title_span``)."""
    span = analysis.article.title_span
    return span is not None and sentence.start < span[1] and span[0] < sentence.end


def article_quote_source(analysis: ArticleAnalysis, quoting: Sequence[QuotingSentence],
                         event: TimelineEvent, carried: Sequence[CarriedQuote],
                         taken: set[SentenceKey]) -> EventSource | None:
    """The article's first sentence that repeats one of the event's quotes and dates
    nothing else, as a source of the event; None when it has none."""
    period = (event.date.value, event.date.last_day)
    for sentence, quotes in quoting:
        if (analysis.article.id, sentence.start) in taken:
            continue
        found = dating_article(quotes, carried)
        if found is not None and not dates_otherwise(analysis, sentence, period):
            return quote_source(analysis, sentence, found[1], found[0])
    return None


def event_quote_sources(event: TimelineEvent, analyses: Sequence[ArticleAnalysis],
                        sentences: dict[str, tuple[Sentence, ...]],
                        quoting: dict[str, list[QuotingSentence]],
                        taken: set[SentenceKey]) -> tuple[EventSource, ...]:
    """Sources joined to one event by its quotes, one per article not yet among its
    sources. Events known only to the year, or with outlets disagreeing on the date,
    are left alone: the quote cannot say which date the undated outlet means."""
    if event.date.granularity == "year" or event.conflict is not None:
        return ()
    carried = carried_quotes(event, {a.article.id: a for a in analyses}, sentences)
    if not carried:
        return ()
    present = {s.article for s in event.sources}
    found = (article_quote_source(a, quoting[a.article.id], event, carried, taken)
             for a in analyses if a.article.id not in present)
    return tuple(s for s in found if s is not None)


def story_sentences(analyses: Sequence[ArticleAnalysis]) -> dict[str, tuple[Sentence, ...]]:
    """Each article's sentences (split here when a hand-built analysis has none)."""
    return {a.article.id: a.sentences or split_sentences(a.article.text) for a in analyses}


def quoting_sentences(analysis: ArticleAnalysis, sentences: Sequence[Sentence]
                      ) -> list[QuotingSentence]:
    """The article's sentences that carry fresh quotes, with them, in reading order
    (read once per story: most sentences carry none). The headline is left out: it
    announces the story, it reports no occasion."""
    found = ((s, sentence_quotes(analysis, s)) for s in sentences if not in_headline(analysis, s))
    return [(sentence, quotes) for sentence, quotes in found if quotes]


def source_sentence(source: EventSource,
                    sentences: dict[str, tuple[Sentence, ...]]) -> SentenceKey | None:
    """The (article, sentence start) of the sentence a source stands for."""
    sentence = sentence_at(sentences.get(source.article, ()), source.start)
    return None if sentence is None else (source.article, sentence.start)


def with_quote_sources(
    events: Sequence[TimelineEvent],
    undated: Sequence[EventSource],
    analyses: Sequence[ArticleAnalysis],
) -> tuple[tuple[TimelineEvent, ...], tuple[EventSource, ...]]:
    """The events with the undated sentences that repeat their quotes as sources, and
    the undated items without those sentences (they are dated now). A sentence that
    already dates an event is not taken again."""
    sentences = story_sentences(analyses)
    quoting = {a.article.id: quoting_sentences(a, sentences[a.article.id]) for a in analyses}
    taken = {key for e in events for s in e.sources if (key := source_sentence(s, sentences))}
    joined: set[SentenceKey] = set()
    out = []
    for event in events:
        added = event_quote_sources(event, analyses, sentences, quoting, taken)
        keys = {key for s in added if (key := source_sentence(s, sentences))}
        taken |= keys
        joined |= keys
        out.append(dataclasses.replace(event, sources=event.sources + added) if added else event)
    left = tuple(u for u in undated if source_sentence(u, sentences) not in joined)
    return tuple(out), left
