"""Which sentences the quote stage reads, and which of them it parses.

The rules read every sentence a quote may take its cue from
(:func:`sentences_to_parse`); spaCy parses only those around a quote the rules leave
without a speaker mention (:func:`sentences_needing_parse`).
"""

from __future__ import annotations

from .model import Sentence
from .quote_cues import has_cue_word
from .quote_marks import QuotedSpan
from .quote_rules import Attribution
from .resources.quotes import MAX_PARSE_CHARS
from .sentences import sentence_at


def sentences_to_parse(
    text: str, sentences: tuple[Sentence, ...], spans: list[QuotedSpan],
    paragraphs: list[tuple[int, int]],
) -> tuple[list[Sentence], list[Sentence]]:
    """(may be parsed, too long to parse): the sentences whose cues a quote may take:
    those holding a quote mark, the sentence before each quote, and the one after it
    when it holds a cue word. A sentence longer than ``MAX_PARSE_CHARS`` (spaCy refuses
    a text past a million characters, and is slow long before) goes to the second list,
    read by the rules only."""
    wanted: set[int] = set()
    maybe: set[int] = set()
    for span in spans:
        first, last = _sentences_holding(sentences, span)
        if first is None or last is None:
            continue
        wanted.update((first.index, last.index))
        if first.index > 0:
            wanted.add(first.index - 1)  # who the quote's context is about (pronouns)
        maybe.add(last.index + 1)
    chosen = [s for s in sentences if s.index in wanted
              or (s.index in maybe and has_cue_word(s.text))]
    return ([s for s in chosen if len(s.text) <= MAX_PARSE_CHARS],
            [s for s in chosen if len(s.text) > MAX_PARSE_CHARS])


def sentences_needing_parse(
    sentences: tuple[Sentence, ...], spans: list[QuotedSpan],
    attributions: list[Attribution | None], candidates: list[Sentence],
) -> list[Sentence]:
    """The ``candidates`` around each quote whose rule-based attribution has no speaker
    mention: its sentences and the one after (where an interrupted or inverted
    attribution may stand). The sentence before is left to the rule-based subjects:
    parsing it too cost a quarter of the speed for 0.001 speaker accuracy on PolNeAR
    train."""
    wanted: set[int] = set()
    for span, attribution in zip(spans, attributions):
        if attribution is not None and attribution.mention is not None:
            continue
        first, last = _sentences_holding(sentences, span)
        if first is not None and last is not None:
            wanted.update(range(first.index, last.index + 2))
    return [s for s in candidates if s.index in wanted]


def _sentences_holding(sentences: tuple[Sentence, ...], span: QuotedSpan
                       ) -> tuple[Sentence | None, Sentence | None]:
    """The sentences holding the quote's opening mark and its last character."""
    first = sentence_at(sentences, span.open) or sentence_at(sentences, span.start)
    return first, sentence_at(sentences, max(span.outer_end - 1, span.start))
