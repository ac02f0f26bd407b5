"""Speakers across a story: names completed from the other articles, and the table of
who is quoted how often under which mentions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .model import ArticleAnalysis, Quote, Speaker
from .quote_names import People, find_people, resolve_name
from .resources.quotes import AGE_DESCRIPTION, DETERMINERS, PROTAGONIST_ROLES


def resolve_story_speakers(analyses: Sequence[ArticleAnalysis]) -> tuple[ArticleAnalysis, ...]:
    """Each quote's speaker completed with the story's other articles: a surname or
    first name alone -> the full name some article gives; a protagonist description
    left unresolved ('the star') -> the story's most mentioned person."""
    peoples = [story_people(a) for a in analyses]
    names = story_names(peoples)
    counts = Counter(m.name for p in peoples for m in p.mentions)
    protagonist = max(counts, key=lambda n: counts[n]) if counts else None
    out = []
    for analysis in analyses:
        quotes = tuple(story_quote(q, names, counts, protagonist) for q in analysis.quotes)
        out.append(analysis if quotes == analysis.quotes else replace(analysis, quotes=quotes))
    return tuple(out)


def story_people(analysis: ArticleAnalysis) -> People:
    """The people of one article; full-name speakers count as known persons."""
    known = frozenset(q.speaker for q in analysis.quotes if q.speaker and " " in q.speaker)
    quoted = tuple((q.start, q.end) for q in analysis.quotes)
    return find_people(analysis.article.text, known, exclude=quoted)


def story_names(peoples: Sequence[People]) -> tuple[str, ...]:
    """Full names over the story, the most mentioned first."""
    counts = Counter(m.name for p in peoples for m in p.mentions)
    names = dict.fromkeys(n for p in peoples for n in p.names)
    return tuple(sorted(names, key=lambda n: -counts[n]))


def story_quote(quote: Quote, names: tuple[str, ...], counts: Counter[str],
                protagonist: str | None) -> Quote:
    speaker = quote.speaker
    if speaker is not None and speaker not in names:
        fuller = resolve_name(speaker, names)
        if fuller is not None and fuller != speaker:
            return replace(quote, speaker=fuller)
        return quote
    if speaker is None and quote.speaker_mention is not None and protagonist is not None:
        words = quote.speaker_mention.text.lower().split()
        if len(words) > 1 and words[0] in DETERMINERS and (
            words[-1] in PROTAGONIST_ROLES or AGE_DESCRIPTION.match(words[-1])
        ):
            return replace(quote, speaker=protagonist, confidence=round(quote.confidence * 0.8, 2))
    return quote


def speaker_table(quotes: Sequence[Quote]) -> tuple[Speaker, ...]:
    """One row per resolved speaker: distinct mention texts, number of quotes; the most
    quoted first, then by name."""
    aliases: dict[str, dict[str, None]] = {}
    count: Counter[str] = Counter()
    for quote in quotes:
        if not quote.speaker:
            continue
        count[quote.speaker] += 1
        seen = aliases.setdefault(quote.speaker, {})
        if quote.speaker_mention is not None:
            seen.setdefault(quote.speaker_mention.text, None)
    return tuple(
        Speaker(name, tuple(aliases[name]), count[name])
        for name in sorted(count, key=lambda n: (-count[n], n))
    )
