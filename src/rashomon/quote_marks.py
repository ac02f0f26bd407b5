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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from types import MappingProxyType

from .resources.quotes import (
    CLOSE_CONTEXT,
    DOUBLE_CLOSE,
    DOUBLE_EITHER,
    DOUBLE_MARKS,
    DOUBLE_OPEN,
    ELISION,
    LOOK_AROUND,
    NAME,
    OPEN_CONTEXT,
    SINGLE_CLOSE,
    SINGLE_EITHER,
    SINGLE_MARKS,
    SINGLE_OPEN,
    SPEECH_CUES,
    THIRD_PERSON_SUBJECTS,
)


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
        doubles = _matched(text, p_start, p_end, index, single=False, runs_on=runs_on, skip=())
        singles = _matched(text, p_start, p_end, index, single=True, runs_on=runs_on,
                           skip=doubles)
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
            return "none"  # there’s, Baldwin’s, rock’n’roll
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
    skip: list[QuotedSpan] | tuple[()],
) -> list[QuotedSpan]:
    marks = SINGLE_MARKS if single else DOUBLE_MARKS
    out: list[QuotedSpan] = []
    opened: int | None = None
    skipped = 0  # a cursor into ``skip`` (in text order): the next stretch to jump over
    i = p_start
    while i < p_end:
        while skipped < len(skip) and skip[skipped].outer_end <= i:
            skipped += 1
        if skipped < len(skip) and skip[skipped].open <= i:
            i = skip[skipped].outer_end
            continue
        if text[i] in marks:
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

_TEXT_WORD = re.compile(r"[\w’'-]+")


def last_words(text: str, start: int, end: int, n: int = 1) -> list[str]:
    """The last ``n`` words of ``text[start:end]`` (fewer when it has fewer), reading a
    window that widens only until it holds them: the cost does not grow with the
    paragraph."""
    reach = LOOK_AROUND
    while start < end:
        low = max(start, end - reach)
        words = _TEXT_WORD.findall(text, low, end)
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
