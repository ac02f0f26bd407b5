"""Quote marks -> quoted spans, one paragraph at a time.

Marks are matched inside each paragraph, so an unmatched mark costs at most its own
quote. Double marks are matched first; single marks quote only outside double-quoted
stretches (inside them they nest and stay part of the outer quote). A mark's role
(open, close, either, apostrophe) comes from its glyph and the characters around it:
straight marks are read by context, and curly closing marks between letters
(there’s, Okafor’s) or before a two-digit year (’90s) are apostrophes.

A quote left open at a paragraph's end continues when the next paragraph opens with a
quote mark (the multi-paragraph convention): its text runs to the paragraph's end and
the piece is flagged ``continues``.

Which quoted stretches are speech is decided here too: titles of works, nicknames and
scare quotes are dropped (:func:`title_kind`, :func:`is_scare_quote`). Every test reads
a bounded neighbourhood of its span (:func:`last_words`, :class:`SpanSet`), so a long
paragraph with many quotes costs linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, islice
from types import MappingProxyType

from .model import Article, Sentence
from .resources.quotes import (
    CLOSE_CONTEXT,
    CUE_WORDS,
    DOUBLE_CLOSE,
    DOUBLE_EITHER,
    DOUBLE_MARKS,
    DOUBLE_OPEN,
    ELISION,
    HEADLINE_ECHO_MIN_WORDS,
    LOOK_AROUND,
    MARKUP_TAG,
    NAME,
    NAMING_CUES,
    NICKNAME_ARTICLES,
    OPEN_CONTEXT,
    SCARE_QUOTE_MAX_WORDS,
    SINGLE_CLOSE,
    SINGLE_EITHER,
    SINGLE_MARKS,
    SINGLE_OPEN,
    SPEECH_CUES,
    THIRD_PERSON_SUBJECTS,
    THOUGHT_CUES,
    TITLE_INDICATORS,
    TITLE_SMALL_WORDS,
)
from .sentences import sentence_at

_WORD = re.compile(r"[\w’'-]+")
_DOUBLE_MARK = re.compile(f"[{re.escape(DOUBLE_MARKS)}]")
_SINGLE_MARK = re.compile(f"[{re.escape(SINGLE_MARKS)}]")
_SENTENCE_PUNCT = re.compile(r"[.!?;:,]")
_CUES = "|".join(sorted(CUE_WORDS, key=len, reverse=True))
_CUE_BEFORE = re.compile(rf"\b(?i:{_CUES})(?:\s+[\w’'.-]+){{0,3}}\s*[,:]?\s*$")
_CUE_AFTER = re.compile(rf",?\s*(?:[\w’'.-]+\s+){{0,3}}(?i:{_CUES})\b")
# The longest run of quoted words the title filter looks up directly (longer: a scan).
_MAX_NGRAM = 8


@dataclass(frozen=True)
class QuotedSpan:
    """A quoted stretch: ``open``/``close`` are the marks' offsets (``close`` is None
    when the quote runs on into the next paragraph); ``start``/``end`` its text."""

    open: int
    close: int | None
    start: int
    end: int
    paragraph: int
    single: bool = False  # delimited by single marks

    @property
    def continues(self) -> bool:
        return self.close is None

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark; when the quote runs on (no closing mark),
        the end of its text, which is its paragraph's end less trailing white space."""
        return self.end if self.close is None else self.close + 1


def quoted_spans(text: str, paragraphs: list[tuple[int, int]]) -> tuple[QuotedSpan, ...]:
    """Every quoted stretch of ``text``, in text order."""
    out: list[QuotedSpan] = []
    starts_with_open = [_opens_paragraph(text, p) for p in paragraphs]
    for index, (p_start, p_end) in enumerate(paragraphs):
        runs_on = index + 1 < len(paragraphs) and starts_with_open[index + 1]
        tags = [(m.start(), m.end()) for m in MARKUP_TAG.finditer(text, p_start, p_end)]
        doubles = _matched(text, p_start, p_end, index, single=False, runs_on=runs_on,
                           skip=tags)
        singles = _matched(text, p_start, p_end, index, single=True, runs_on=runs_on,
                           skip=sorted(tags + [(d.open, d.outer_end) for d in doubles]))
        # British style: a double quote nested inside a single quote belongs to it.
        opens = [q.open for q in singles]
        doubles = [d for d in doubles if not _nested(d, singles, opens)]
        out.extend(sorted(doubles + singles, key=lambda q: q.open))
    return tuple(q for q in out if q.end > q.start)


def _nested(span: QuotedSpan, outer: list[QuotedSpan], opens: list[int]) -> bool:
    """``span`` lies inside one of ``outer`` (sorted, not overlapping one another, with
    their ``opens``): only the last of them opening before ``span`` can hold it."""
    i = bisect_left(opens, span.open) - 1
    return i >= 0 and span.end <= outer[i].end


def _opens_paragraph(text: str, paragraph: tuple[int, int]) -> bool:
    start, end = paragraph
    if start >= end or text[start] not in DOUBLE_OPEN + DOUBLE_EITHER + SINGLE_OPEN + SINGLE_EITHER:
        return False
    return _role(text, start, single=text[start] in SINGLE_MARKS) in ("open", "either")


def _role(text: str, i: int, *, single: bool) -> str:
    """'open', 'close', 'either' or 'none' (an apostrophe or a stray mark)."""
    mark = text[i]
    left = text[i - 1] if i > 0 else " "
    right = text[i + 1] if i + 1 < len(text) else " "
    open_ctx = left in OPEN_CONTEXT
    close_ctx = right in CLOSE_CONTEXT
    if single:
        if left.isalnum() and right.isalnum():
            return "none"  # there’s, Okafor’s, rock’n’roll
        if mark in SINGLE_CLOSE + SINGLE_EITHER and not open_ctx and close_ctx:
            return "close"
        if mark in SINGLE_OPEN + SINGLE_EITHER + SINGLE_CLOSE and open_ctx and right.isalnum():
            if ELISION.match(text, i + 1):
                return "none"  # '90s, ’em
            return "open"
        return "none"
    if mark in DOUBLE_OPEN:
        return "open" if open_ctx or not close_ctx else "either"
    if mark in DOUBLE_CLOSE:
        return "close" if close_ctx or not open_ctx else "either"
    # straight double mark: read it by its neighbours
    if open_ctx and not close_ctx:
        return "open"
    if close_ctx and not open_ctx:
        return "close"
    return "either"


def _matched(
    text: str,
    p_start: int,
    p_end: int,
    paragraph: int,
    *,
    single: bool,
    runs_on: bool,
    skip: list[tuple[int, int]],
) -> list[QuotedSpan]:
    """The quoted stretches of one paragraph made of ``single`` or double marks; the
    ``skip`` stretches (sorted, not overlapping: markup tags, double-quoted stretches)
    are jumped over, their marks never read."""
    marks = _SINGLE_MARK if single else _DOUBLE_MARK
    out: list[QuotedSpan] = []
    opened: int | None = None
    skipped = 0  # a cursor into ``skip`` (in text order): the next stretch to jump over
    i = p_start
    while (mark := marks.search(text, i, p_end)) is not None:  # from mark to mark
        i = mark.start()
        while skipped < len(skip) and skip[skipped][1] <= i:
            skipped += 1
        if skipped < len(skip) and skip[skipped][0] <= i:
            i = skip[skipped][1]
            continue
        role = _role(text, i, single=single)
        if opened is None:
            if role in ("open", "either"):
                opened = i
        elif role in ("close", "either"):
            if not single or _plausible_single(text, opened, i):
                out.append(_span(text, opened, i, i, paragraph, single))
                opened = None
        elif role == "open":
            opened = i  # the earlier mark was never closed: it alone is lost
        i += 1
    lost_close = opened is not None and _ATTRIBUTED.search(text, opened, p_end) is not None
    if opened is not None and runs_on and not single and not lost_close:
        out.append(_span(text, opened, None, p_end, paragraph, single))
    return out


# Inside a stretch left open, ', Smith said' shows the closing mark was lost: the
# stretch is not the first part of a multi-paragraph quote.
_ATTRIBUTED = re.compile(
    rf"[,?!]\s+(?:{'|'.join(THIRD_PERSON_SUBJECTS)}|(?:the\s+)?{NAME})\s+(?:"
    + "|".join(sorted(SPEECH_CUES, key=len, reverse=True))
    + r")\b"
)


def _plausible_single(text: str, open_: int, close: int) -> bool:
    """Single marks pair up over a short stretch only: a plural possessive (the
    Smiths' car) must not close a quote opened far away."""
    return 0 < close - open_ - 1 < 400


def _span(text: str, open_: int, close: int | None, end: int, paragraph: int,
          single: bool) -> QuotedSpan:
    start = open_ + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(open_, close, start, end, paragraph, single)


# --- which quoted stretches are speech (titles, nicknames, scare quotes) ------------------

@dataclass(frozen=True)
class TitleContext:
    """What the title filter needs beyond the span: where the headline is, and the
    words of the article's longer quotes (a short span inside one is a quote too)."""

    title_span: tuple[int, int] | None
    quote_words: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, article: Article, marked: tuple[QuotedSpan, ...],
           kinds: list[str | None]) -> TitleContext:
        """The body's quoted stretches that are speech by the plain title test
        (``kinds``: :func:`title_kind` of each)."""
        text = article.text
        body = tuple(quote_words(text[s.start : s.end]) for s, kind in zip(marked, kinds)
                     if kind is None and not _in_span(s.open, article.title_span))
        return cls(article.title_span, body)

    @cached_property
    def longest_holding(self) -> Mapping[tuple[str, ...], int]:
        """For each run of up to ``_MAX_NGRAM`` quoted words, the length of the longest
        quote holding it: one look-up instead of a scan of every quote."""
        out: dict[tuple[str, ...], int] = {}
        for words in self.quote_words:
            for n in range(1, min(_MAX_NGRAM, len(words)) + 1):
                for i in range(len(words) - n + 1):
                    run = words[i : i + n]
                    if out.get(run, 0) < len(words):
                        out[run] = len(words)
        return out


class CueWords:
    """The cue words of each sentence, found once per sentence (the scare-quote test
    asks about every short span of a sentence)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[int, tuple[tuple[int, int], ...]] = {}

    def of(self, sentence: Sentence) -> tuple[tuple[int, int], ...]:
        if sentence.index not in self._found:
            self._found[sentence.index] = tuple(
                m.span() for m in _WORD.finditer(self.text, sentence.start, sentence.end)
                if m.group().lower() in CUE_WORDS
            )
        return self._found[sentence.index]


def not_speech(text: str, span: QuotedSpan, kind: str | None, sentences: tuple[Sentence, ...],
               context: TitleContext, cue_words: CueWords) -> bool:
    """A title, a nickname or a scare quote (``kind``: the span's :func:`title_kind`).
    A headline span of two words or more that a longer body quote holds is speech
    whatever its form ('Nobody Sails' when the body quotes 'Nobody sails until ...'),
    and so is one of ``HEADLINE_ECHO_MIN_WORDS`` or more that a body quote repeats."""
    n_words = len(_WORD.findall(text[span.start : span.end]))
    # one word ('13th', 'Fact-Checking') is more often a term or title the body quotes too
    if n_words > 1 and _in_span(span.open, context.title_span) and _quoted_elsewhere(
        text, span, context, or_as_long=n_words >= HEADLINE_ECHO_MIN_WORDS
    ):
        return False
    return _still_title(text, span, kind, context) or is_scare_quote(
        text, span, sentences, cue_words)


def is_title(text: str, span: QuotedSpan, paragraphs: list[tuple[int, int]],
             context: TitleContext | None = None) -> bool:
    """A work's title or a nickname (see :func:`title_kind`). A short Title-Case span
    whose words a longer quote of the article holds is speech ('The Hard One' when the
    body quotes '... is the hard one.'), and so is one closing a headline clause with a
    speech cue ('Mayor Says Repair Is ‘The Hard One’')."""
    return _still_title(text, span, title_kind(text, span, paragraphs), context)


def _still_title(text: str, span: QuotedSpan, kind: str | None,
                 context: TitleContext | None) -> bool:
    """A title by the plain test that the article's other quotes do not make speech."""
    if kind != "title-case" or context is None:
        return kind is not None
    return not (_quoted_elsewhere(text, span, context)
                or _ends_headline_speech(text, span, context.title_span))


def title_kind(text: str, span: QuotedSpan, paragraphs: list[tuple[int, int]]) -> str | None:
    """Why a quoted span is a title, or None when it is not: 'indicator' (followed or
    preceded by podcast, film, song...), 'nickname' ('the'/'a' and one to four
    Title-Case words with no speech cue: “the Old Growler”) or 'title-case' (a short
    Title-Case span with no sentence punctuation and no cue next to it). Only the
    words next to the span are read, so a long paragraph costs linear time."""
    inner = text[span.start : span.end]
    p_start, p_end = paragraphs[span.paragraph]
    after = [w.group() for w in islice(_WORD.finditer(text, span.outer_end, p_end), 2)]
    before = last_words(text, p_start, span.open)
    if last_char(text, p_start, span.open, " \t") in (".", ",", ":", ";", "!", "?"):
        before = []  # an indicator word must stand right before the mark
    nxt = after[0].lower() if after else ""
    if nxt in ("’s", "'s", "s") and len(after) > 1:
        nxt = after[1].lower()
    words = _WORD.findall(inner)
    head_end = last_char(text, p_start, span.open)
    if head_end and head_end not in ".!?" and inner[-1:] in ".,":
        inner = inner[:-1]  # American style: “Fox and Friends.” ends the author's sentence
    if not words or _SENTENCE_PUNCT.search(inner):
        return None
    if not words[0][:1].isupper():
        return "nickname" if _is_nickname(text, span, words, p_start, p_end) else None
    if nxt in TITLE_INDICATORS or (before and before[-1].lower() in TITLE_INDICATORS):
        # the “Second Wind” podcast, the film 'Riverbend'
        return "indicator" if len(words) <= 8 else None
    if len(words) > 4 or not _title_case(words):
        return None
    return None if _cue_near(text, span, p_start, p_end) else "title-case"


def _title_case(words: list[str]) -> bool:
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS
               for w in words)


def _is_nickname(text: str, span: QuotedSpan, words: list[str], p_start: int,
                 p_end: int) -> bool:
    """“the Old Growler”, ‘a Sure Thing’: an article and one to four Title-Case words,
    no speech cue attached (a naming verb - 'call it' - is not one)."""
    rest = words[1:]
    if words[0].lower() not in NICKNAME_ARTICLES or not 1 <= len(rest) <= 4:
        return False
    if not rest[0][:1].isupper() or not _title_case(rest):
        return False
    return not _cue_near(text, span, p_start, p_end)


def _quoted_elsewhere(text: str, span: QuotedSpan, context: TitleContext, *,
                      or_as_long: bool = False) -> bool:
    """The span's words run inside a longer quote of the article's body (``or_as_long``:
    or one of the same length)."""
    words = quote_words(text[span.start : span.end])
    if not words:
        return False
    least = len(words) if or_as_long else len(words) + 1
    if len(words) <= _MAX_NGRAM:
        return context.longest_holding.get(words, 0) >= least
    return any(len(q) >= least and words_inside(words, q) for q in context.quote_words)


def _ends_headline_speech(text: str, span: QuotedSpan,
                          title_span: tuple[int, int] | None) -> bool:
    """A headline quote that closes its clause after a speech cue of that clause:
    'Mayor Says Fixing It Is ‘The Hard One’' (not 'Says ‘Riverbend’ Flood Hit Hard')."""
    if title_span is None or not title_span[0] <= span.open < title_span[1]:
        return False
    clause_start = max(title_span[0], *(text.rfind(c, title_span[0], span.open) + 1
                                        for c in ":!?|"))
    rest = text[span.outer_end : title_span[1]]
    clause_end = min([rest.find(c) for c in ":!?|" if c in rest] + [len(rest)])
    if _WORD.search(rest[:clause_end]):
        return False
    cues = [w.lower() for w in _WORD.findall(text[clause_start : span.open])]
    return any(w in CUE_WORDS and w not in THOUGHT_CUES and w not in NAMING_CUES for w in cues)


def _cue_near(text: str, span: QuotedSpan, p_start: int, p_end: int) -> bool:
    """A speech cue at most three words before the opening mark (only a comma or colon
    between), a colon right before it, or a cue right after the closing mark: optional
    comma, at most three words (a name), the cue. Naming verbs ('call it') do not
    count: what they quote is a name. Only ``LOOK_AROUND`` characters before the mark
    are read."""
    if last_char(text, p_start, span.open) == ":":
        return True
    before = _CUE_BEFORE.search(text, max(p_start, span.open - LOOK_AROUND), span.open)
    if before and not _naming(before.group(), last=True):
        return True
    after = _CUE_AFTER.match(text, span.outer_end, p_end)
    return bool(after) and not _naming(after.group(), last=False)


def _naming(cue_text: str, *, last: bool) -> bool:
    """The cue word nearest the quote mark in a cue match is a naming verb."""
    cues = [w.lower() for w in _WORD.findall(cue_text) if w.lower() in CUE_WORDS]
    return bool(cues) and cues[-1 if last else 0] in NAMING_CUES


def is_scare_quote(text: str, span: QuotedSpan, sentences: tuple[Sentence, ...],
                   cue_words: CueWords | None = None) -> bool:
    """One or two words inside the author's sentence (no sentence punctuation of their
    own) with no cue word anywhere in that sentence."""
    inner = text[span.start : span.end]
    words = _WORD.findall(inner)
    if len(words) > SCARE_QUOTE_MAX_WORDS or _SENTENCE_PUNCT.search(inner[-1:]):
        return False
    sentence = sentence_at(sentences, span.open) or sentence_at(sentences, span.start)
    if sentence is None:
        return True
    return not _cue_outside(text, span, sentence, cue_words or CueWords(text))


def _cue_outside(text: str, span: QuotedSpan, sentence: Sentence, cue_words: CueWords) -> bool:
    """A cue word in ``sentence`` before or after ``span``: a whole word outside it, or
    the part outside it of a word the span's edge cuts."""
    cues = cue_words.of(sentence)
    if cues and (cues[0][1] <= span.open or cues[-1][0] >= span.outer_end):
        return True
    cut = last_words(text, sentence.start, span.open) + [
        w.group() for w in islice(_WORD.finditer(text, span.outer_end, sentence.end), 1)
    ]
    return any(w.lower() in CUE_WORDS for w in cut)


def _in_span(offset: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= offset < span[1]


# --- comparing quoted words -----------------------------------------------------------

_QUOTE_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = MappingProxyType(str.maketrans({"’": "'", "‘": "'", "`": "'"}))


def quote_words(text: str) -> tuple[str, ...]:
    """The words of a quote, lower-cased, with quote marks, apostrophes, dashes and
    censoring (s—, s---) normalised away: 'I Spent It On S—' -> ('i', 'spent', 'it',
    'on', 's')."""
    return tuple(_QUOTE_WORD.findall(text.translate(_APOSTROPHES).lower()))


def words_inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` occurs as a run of consecutive words of ``long``."""
    n = len(short)
    return 0 < n <= len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


# --- offsets inside spans --------------------------------------------------------------

@dataclass(frozen=True)
class SpanSet:
    """(start, end) stretches sorted once, so that "is this offset inside one?" is a
    binary search rather than a scan of every stretch. Stretches may overlap."""

    starts: tuple[int, ...]
    reach: tuple[int, ...]  # the furthest end among the stretches up to each start

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> SpanSet:
        ordered = sorted(spans)
        return cls(tuple(a for a, _b in ordered), tuple(accumulate((b for _a, b in ordered), max)))

    def holds(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


# --- looking back from a span, only as far as needed -------------------------------------

def last_words(text: str, start: int, end: int, n: int = 1) -> list[str]:
    """The last ``n`` words of ``text[start:end]`` (fewer when it has fewer), reading a
    window that widens only until it holds them: the cost does not grow with the
    paragraph."""
    reach = LOOK_AROUND
    while start < end:
        low = max(start, end - reach)
        words = _WORD.findall(text, low, end)
        if low == start or len(words) > n:  # past the window's first word (maybe cut)
            return words[-n:]
        reach *= 4
    return []


def last_char(text: str, start: int, end: int, space: str | None = None) -> str:
    """The last character of ``text[start:end]`` that is not ``space`` (white space
    when None; '' when none is left): ``text[start:end].rstrip(space)[-1:]`` without
    copying the stretch."""
    i = end - 1
    while i >= start and (text[i].isspace() if space is None else text[i] in space):
        i -= 1
    return text[i] if i >= start else ""
