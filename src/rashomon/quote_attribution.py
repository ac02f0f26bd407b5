"""Which attribution each quote takes: its own cue (after it, before it, in its
sentence) or one inherited from its neighbours.

:func:`attributions_of` gives one :class:`Found` per quoted span, from the attributions
of the sentences around it (rule-based, or parsed where the rules found no speaker):

1. the cue right after the quote (``“...,” she said``), else the cue before it in its
   sentence (``he said: “...”``, ``said the press “...”``), else any cue of its
   sentence(s);
2. else it inherits from its neighbours (the rest of an interrupted quote, a
   multi-paragraph quote, the sentence before, a paragraph ending in ``:``):
   ``_INHERITANCE_RULES``, tried in order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import islice

from .model import Sentence
from .quote_marks import QuotedSpan, SpanSet, last_char, last_words
from .quote_rules import Attribution, mention_before
from .resources.quotes import (
    CUE_WORDS,
    NAME,
    NOT_SPEAKER_LABELS,
    SPEAKER_LABEL,
    SUBORDINATORS,
)
from .sentences import sentence_at

_WORD = re.compile(r"[\w’'-]+")
# “...” ― Jo Reed (testimonial style): a dash and a name closing the paragraph or clause
# (a no-break space may stand after the dash: [^\S\n])
_DASH_NAME = re.compile(rf"[^\S\n]*([―—–]|--?)[^\S\n]*({NAME})[^\S\n]*(?=[,.;(]|[^\S\n]*$)",
                        re.M)


@dataclass(frozen=True)
class Found:
    """How a quote got its attribution: the attribution and a confidence basis."""

    attribution: Attribution | None
    basis: float
    inherited: bool = False


_NOTHING = Found(None, 0.0)
# '“First,” she said, ' before a span: an attribution interrupting a direct quote
_CONTINUED = re.compile(r"[,?!—–-][”\"’'»][ \t]*(?:[\w’'.-]+[ \t]+){1,5}[\w’'.-]+,[ \t]*$")
# what may stand between a cue and the quote it introduces: 'Reed said, “...'
_INTRODUCES = re.compile(r"[ \t\w’'.-]{0,40}[,:][ \t]*$")
_SPEAKER_LABEL = re.compile(SPEAKER_LABEL)
# the label as :func:`without_speaker_label` left it between the mark and the span
_LABEL_BEFORE = re.compile(rf"{SPEAKER_LABEL}$")
# A cue after a quote behind one of these words reports something else: 'Reed was
# “right” when he said ...' (the quote is not what he said then).
_SUBORDINATE = re.compile(rf"\b(?:{'|'.join(SUBORDINATORS)})\b", re.I)


# --- attribution ------------------------------------------------------------------------

@dataclass(frozen=True)
class Layout:
    """The article as attribution reads it: the kept spans in text order, the sentences
    and paragraphs, each sentence's attributions, and sorted offsets for binary search
    (so that each span costs about the same however long the article)."""

    text: str
    spans: tuple[QuotedSpan, ...]
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[tuple[int, int], ...]
    by_sentence: Mapping[int, tuple[Attribution, ...]]
    cue_starts: Mapping[int, tuple[int, ...]] = field(init=False)

    def __post_init__(self) -> None:
        starts = {i: tuple(a.cue_start for a in found) for i, found in self.by_sentence.items()}
        object.__setattr__(self, "cue_starts", starts)

    @cached_property
    def kept(self) -> SpanSet:
        return SpanSet.of((s.open, s.outer_end) for s in self.spans)

    @cached_property
    def sentence_starts(self) -> tuple[int, ...]:
        return tuple(s.start for s in self.sentences)

    @cached_property
    def sentence_ends(self) -> tuple[int, ...]:
        return tuple(s.end for s in self.sentences)

    def between(self, start: int, end: int) -> range:
        """Indices of the sentences overlapping ``start:end``."""
        return range(bisect_right(self.sentence_ends, start),
                     bisect_left(self.sentence_starts, end))

    def cues(self, sentence: int, start: int = 0, end: int | None = None
             ) -> tuple[Attribution, ...]:
        """The attributions of ``sentence`` whose cue starts in ``start:end``."""
        found = self.by_sentence.get(sentence, ())
        if not found:
            return ()
        starts = self.cue_starts[sentence]
        hi = len(starts) if end is None else bisect_left(starts, end)
        return found[bisect_left(starts, start) : hi]

    def first_sentence(self, span: QuotedSpan) -> Sentence | None:
        return sentence_at(self.sentences, span.open) or sentence_at(self.sentences, span.start)


def attributions_of(
    text: str,
    spans: list[QuotedSpan],
    sentences: tuple[Sentence, ...],
    paragraphs: list[tuple[int, int]],
    by_sentence: dict[int, tuple[Attribution, ...]],
) -> list[Found]:
    """One :class:`Found` per span: its own attribution, else one inherited."""
    layout = Layout(text, tuple(spans), sentences, tuple(paragraphs), by_sentence)
    own = [own_attribution(layout, i) for i in range(len(spans))]
    state = Inheriting(layout, own, [], _next_along_quote(layout, own),
                       _next_in_paragraph(layout, own))
    for i in range(len(spans)):
        state.final.append(own[i] if own[i].attribution is not None else _inherited(state, i))
    return state.final


def own_attribution(layout: Layout, i: int) -> Found:
    text, spans, sentences = layout.text, layout.spans, layout.sentences
    span = spans[i]
    p_start, p_end = layout.paragraphs[span.paragraph]
    same_next = i + 1 < len(spans) and spans[i + 1].paragraph == span.paragraph
    nxt = spans[i + 1].open if same_next else p_end
    prv = spans[i - 1].outer_end if i > 0 and spans[i - 1].paragraph == span.paragraph else p_start
    first = layout.first_sentence(span)
    last = sentence_at(sentences, max(span.outer_end - 1, span.start))
    if first is None or last is None:
        return _NOTHING
    # 0. a transcript's speaker label inside the opening mark: "WALLACE: ... (the span
    # starts after it: :func:`without_speaker_label`)
    label = _LABEL_BEFORE.search(text, span.open, span.start)
    if label is not None:
        mention = (label.start(1), label.end(1))
        return Found(Attribution(mention[0], mention[0], mention), 0.95)
    # 1. right after the closing mark: “...,” she said / said Smith
    if span.close is not None:
        after_sentence = sentence_at(sentences, _next_non_space(text, span.outer_end, p_end))
        window_end = min(nxt, after_sentence.end if after_sentence else p_end)
        limit = _word_limit(text, span.outer_end, window_end, 5)
        # '“Two are missing.” Reed said, “I was lucky.”': a cue that introduces the next
        # quote is not this full sentence's
        ends_sentence = last_char(text, span.start, span.end) in ".…"
        # not a cue reported by one before the quote: 'Reed said Jo was “right” when she
        # said ...' (the quote is Reed's)
        cues = [a for s in layout.between(span.outer_end, window_end)
                for a in layout.cues(s, span.outer_end, limit)
                if not a.thought and not (a.reported_in is not None
                                          and a.reported_in < span.open)
                and not _SUBORDINATE.search(text, span.outer_end, a.cue_start)
                and not (ends_sentence and same_next
                         and _INTRODUCES.fullmatch(text, a.cue_end, nxt))]
        if cues:
            return Found(min(cues, key=lambda a: a.cue_start), 0.9)
    # 1b. a dash and a name after the closing mark: “...” ― Jo Reed
    dash = _DASH_NAME.match(text, span.outer_end, p_end) if span.close is not None else None
    if dash:
        end = dash.start(2) + len(dash.group(2).rstrip())
        return Found(Attribution(dash.start(1), dash.start(1), (dash.start(2), end)), 0.85)
    # 2. before the opening mark, in its sentence: he said: “...” / said the press “...”
    window_start = max(prv, first.start)
    cues = list(layout.cues(first.index, window_start, span.open))
    speech = [a for a in cues if not a.thought]
    if speech or (cues and _is_partial_position(text, span, first)):
        return Found(max(speech or cues, key=lambda a: a.cue_start), 0.85)
    # 2b. a name and a colon: 'surprises pollster Jo Reed: “...”' (no cue word)
    head = text[window_start : span.open].rstrip()
    if head.endswith(":") and prv <= first.start:  # the first quote of its sentence
        mention = mention_before(text, window_start + len(head) - 1, window_start)
        if mention is not None:
            colon = window_start + len(head) - 1
            return Found(Attribution(colon, colon, mention), 0.6)
    # 3. any cue in the quote's sentences, outside quotes (partial quotes)
    cues = [a for s in range(first.index, last.index + 1) for a in _nearest_cues(layout, s, span)]
    if cues:
        return Found(min(cues, key=lambda a: abs(a.cue_start - span.open)), 0.7)
    return _NOTHING


def without_speaker_label(text: str, span: QuotedSpan) -> QuotedSpan:
    """The span past a transcript's speaker label that opens it ('"PENCE: Well, ...' ->
    'Well, ...'): the label is who speaks, not what is said."""
    label = _SPEAKER_LABEL.match(text, span.start, span.end)
    if label is None or label.end() >= span.end or any(
            w.rstrip(".") in NOT_SPEAKER_LABELS for w in label.group(1).split()):
        return span  # 'EDITOR’S NOTE:', 'UPDATE:' name no speaker
    return replace(span, start=label.end())


def _nearest_cues(layout: Layout, sentence: int, span: QuotedSpan) -> list[Attribution]:
    """The cues of ``sentence`` with a mention nearest before and after ``span`` (the
    only ones that can be nearest the span), in text order."""
    before = next((a for a in reversed(layout.cues(sentence, 0, span.open))
                   if a.mention is not None), None)
    after = next((a for a in layout.cues(sentence, span.outer_end)
                  if a.mention is not None), None)
    return [a for a in (before, after) if a is not None]


# --- inheriting from the neighbours ---------------------------------------------------

@dataclass(frozen=True)
class Inheriting:
    """What the inheritance rules read: the layout, each span's own finding, the final
    findings settled so far (``final`` grows in text order), and, per span, the next own
    finding along its multi-paragraph quote and in its paragraph."""

    layout: Layout
    own: list[Found]
    final: list[Found]
    along_quote: list[Found | None]
    in_paragraph: list[Found | None]


def _next_along_quote(layout: Layout, own: list[Found]) -> list[Found | None]:
    """For each span, the first own finding of the later pieces of its multi-paragraph
    quote (one pass from the end)."""
    spans = layout.spans
    out: list[Found | None] = [None] * len(spans)
    for j in range(len(spans) - 2, -1, -1):
        if spans[j].continues and spans[j + 1].paragraph == spans[j].paragraph + 1:
            out[j] = own[j + 1] if own[j + 1].attribution is not None else out[j + 1]
    return out


def _next_in_paragraph(layout: Layout, own: list[Found]) -> list[Found | None]:
    """For each span, the first own finding of a later span of its paragraph."""
    spans = layout.spans
    out: list[Found | None] = [None] * len(spans)
    for j in range(len(spans) - 2, -1, -1):
        if spans[j + 1].paragraph == spans[j].paragraph:
            out[j] = own[j + 1] if own[j + 1].attribution is not None else out[j + 1]
    return out


def _inherited(state: Inheriting, i: int) -> Found:
    """The first inheritance rule that gives an attribution, else nothing."""
    for rule in _INHERITANCE_RULES:
        found = rule(state, i)
        if found is not None:
            return found
    return _NOTHING


def _earlier_piece(state: Inheriting, i: int) -> Found | None:
    """A later piece of a multi-paragraph quote shares the earlier piece's attribution."""
    spans, span = state.layout.spans, state.layout.spans[i]
    prev = spans[i - 1] if i > 0 else None
    if (prev is not None and prev.continues and prev.paragraph == span.paragraph - 1
            and span.open == state.layout.paragraphs[span.paragraph][0]
            and state.final[i - 1].attribution is not None):
        return Found(state.final[i - 1].attribution, state.final[i - 1].basis, True)
    return None


def _later_piece(state: Inheriting, i: int) -> Found | None:
    """An earlier piece takes the attribution of a later piece of the same quote."""
    found = state.along_quote[i]
    return Found(found.attribution, found.basis, True) if found is not None else None


def _interrupted_before(state: Inheriting, i: int) -> Found | None:
    """The rest of an interrupted quote: “First,” she said. “Second.”"""
    spans = state.layout.spans
    if i > 0 and spans[i - 1].paragraph == spans[i].paragraph and state.final[i - 1].attribution:
        return Found(state.final[i - 1].attribution, min(state.final[i - 1].basis, 0.8), True)
    return None


def _interrupted_after(state: Inheriting, i: int) -> Found | None:
    """A quote before a later quote of its paragraph that has its own cue."""
    found = state.in_paragraph[i]
    return Found(found.attribution, 0.7, True) if found is not None else None


def _sentence_before(state: Inheriting, i: int) -> Found | None:
    """The cue of the sentence before, in the same paragraph: 'Smith thanked them.
    “...”'."""
    layout = state.layout
    first = layout.first_sentence(layout.spans[i])
    if first is None or first.index == 0:
        return None
    if layout.sentences[first.index - 1].paragraph != first.paragraph:
        return None
    found = (a for a in reversed(layout.cues(first.index - 1))
             if a.mention and not a.thought and not layout.kept.holds(a.cue_start))
    cue = next(found, None)
    return Found(cue, 0.55, True) if cue is not None else None


def _paragraph_before(state: Inheriting, i: int) -> Found | None:
    """A paragraph that opens with the quote, after one ending in a colon (its cue) or
    holding a quote (that quote's attribution)."""
    layout = state.layout
    span = layout.spans[i]
    first = layout.first_sentence(span)
    if first is None or span.open != layout.paragraphs[span.paragraph][0] or span.paragraph == 0:
        return None
    if first.index == 0 or layout.sentences[first.index - 1].paragraph != span.paragraph - 1:
        return None  # the paragraph before has no sentence
    last = layout.sentences[first.index - 1]
    cue = next((a for a in reversed(layout.cues(last.index)) if a.mention and not a.thought),
               None)
    if last.text.rstrip().endswith(":") and cue is not None:
        return Found(cue, 0.7, True)
    # the span opens its paragraph, so the span before it is the last one of an
    # earlier paragraph
    if i > 0 and layout.spans[i - 1].paragraph == span.paragraph - 1 \
            and state.final[i - 1].attribution is not None:
        return Found(state.final[i - 1].attribution, 0.45, True)
    return None


# Tried in order: the first that finds something wins.
_INHERITANCE_RULES: tuple[Callable[[Inheriting, int], Found | None], ...] = (
    _earlier_piece,
    _later_piece,
    _interrupted_before,
    _interrupted_after,
    _sentence_before,
    _paragraph_before,
)


def _next_non_space(text: str, i: int, end: int) -> int:
    while i < end and text[i] in " \t,":
        i += 1
    return min(i, max(end - 1, 0))


def _word_limit(text: str, start: int, end: int, n: int) -> int:
    """The offset just after the ``n``-th word from ``start`` (or ``end``)."""
    words = list(islice(_WORD.finditer(text, start, end), n))
    return words[n - 1].end() if len(words) >= n else end


def _is_partial_position(text: str, span: QuotedSpan, sentence: Sentence) -> bool:
    return kind_at(text, span, sentence) == "partial"


# --- kind, speaker, record ----------------------------------------------------------------

def kind_at(text: str, span: QuotedSpan, sentence: Sentence | None) -> str:
    """'direct' when the quote opens its sentence or follows a colon/comma/dash (or a cue)
    and starts upper-case; 'partial' when it sits inside the author's sentence."""
    if sentence is None or span.open <= sentence.start:
        return "direct"
    end = last_char(text, sentence.start, span.open)
    if not end or end in "“\"‘(":
        return "direct"
    first = text[span.start : span.start + 1]
    last_word = (last_words(text, sentence.start, span.open) or [""])[-1]
    lead = end in ":,—–-" or last_word.lower() in CUE_WORDS
    if lead and _CONTINUED.search(text, sentence.start, span.open):
        return "direct"  # “First,” she said, “we check.”: the rest of a direct quote
    return "direct" if lead and (first.isupper() or first.isdigit()) else "partial"
