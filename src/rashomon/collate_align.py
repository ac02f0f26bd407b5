"""Word alignment of two renderings of one quote (used by :mod:`rashomon.collate`).

A quote's text is cut into word tokens. Each token keeps its exact characters (with
the punctuation attached to it) and a *key*: the word case-folded, curly quotes and
apostrophes made straight, dashes folded, surrounding punctuation stripped. A censor
mask (``s---``, ``s—``, ``s**t``, ``f---ing``, ``bulls---``, ``[expletive]``,
``[expletive deleted]``, ``s-word``, ``[f-word]``) gets the key ``*``, so masks align with
each other (two masks whose kept letters cannot be one word are a changed word), and a
mask facing a full word can be recognised as censorship. A compound is cut at its hyphens
(``once-in-a-generation`` and ``once in a generation`` are the same words written
differently) and an ellipsis between words is a token of its own (an omission).

Two token sequences are aligned in three steps: the matching runs of keys are found
(:class:`difflib.SequenceMatcher`, which takes the longest run first and so anchors a
fragment where it really sits inside a longer quote); runs close to the longest one are
chained into the *shared stretch*; the gaps between runs, and the words both sides carry
beyond the stretch at an edge, are aligned word to word by a weighted edit distance in
which a near spelling or a mask pairs more cheaply than another word
(:func:`word_opcodes`; long stretches fall back to rapidfuzz's Levenshtein opcodes).
Words outside the stretch on one side only are a *cut*: the other rendering stops
earlier or starts later; at an edge, the words nearest the stretch pair up first and
what one side has left over beyond them is a cut too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise, takewhile

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .resources.collate import (
    BEFORE_ELLIPSIS,
    CHUNK,
    COMPOUND_HYPHEN,
    DASH_FOLD,
    EDGE_PUNCTUATION,
    ELLIPSIS,
    ELLIPSIS_KEY,
    INNER_DASH,
    LARGE_RUN,
    MASK_EDGE,
    MASK_PATTERNS,
    MAX_LARGE_GAP,
    MAX_SMALL_GAP,
    MAX_WEIGHTED_CELLS,
    MAY_SPLIT,
    NEAR_PAIR_COST,
    NOT_MASK_HEADS,
    QUOTE_FOLD,
    SIMILAR_MIN_LETTERS,
    SIMILAR_WORD,
)

MASK_KEY = "*"
_NOT_WORD = re.compile(r"[^\w'-]")
_MAY_MASK = re.compile(r"[-*\u2013\u2014\u2015\[(]|bleep", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Mask:
    """A censored word: the letters kept before and after the mask, and the mask as
    written (case-folded, edge punctuation off: "S---," and "s---" are one mask)."""

    head: str
    tail: str
    form: str = ""


@dataclass(frozen=True)
class Token:
    key: str  # normalised word ("" only for a text with no word at all)
    surface: str  # the token's characters, with the punctuation attached to it
    start: int  # offsets into the text the token came from
    end: int
    mask: Mask | None = None


@dataclass(frozen=True)
class Step:
    """One aligned stretch: tokens a[a_lo:a_hi] against b[b_lo:b_hi].

    ``op`` is ``equal`` (same key, one token each side; a mask facing the same mask),
    ``censor`` (a mask facing another mask or a word it can stand for), ``replace`` (a
    changed word, or two masks that cannot be one word), ``delete`` / ``insert``
    (a word only in a / only in b inside the shared stretch) or ``cut`` (words at an edge,
    one side only: the other rendering is cut there).
    """

    op: str
    a_lo: int  # an equal step may span a run of words; other steps one word or a gap
    a_hi: int
    b_lo: int
    b_hi: int


@dataclass(frozen=True)
class Alignment:
    a: tuple[Token, ...]
    b: tuple[Token, ...]
    steps: tuple[Step, ...]
    a_span: tuple[int, int]  # the shared stretch (cut words excluded)
    b_span: tuple[int, int]
    longest_run: int  # the longest run of equal keys
    # words aligned as the same word (equal keys, or a censored form of the word)
    matched: int = field(init=False, compare=False)

    def __post_init__(self) -> None:
        matched = sum(s.a_hi - s.a_lo for s in self.steps if s.op in ("equal", "censor"))
        object.__setattr__(self, "matched", matched)

    def mirrored(self) -> Alignment:
        swap = {"insert": "delete", "delete": "insert"}
        steps = tuple(
            Step(swap.get(s.op, s.op), s.b_lo, s.b_hi, s.a_lo, s.a_hi) for s in self.steps
        )
        return Alignment(self.b, self.a, steps, self.b_span, self.a_span, self.longest_run)


# --- tokens -------------------------------------------------------------------------


def mask_of(chunk: str) -> Mask | None:
    """The censor mask a whitespace-delimited chunk is, or None for an ordinary word."""
    if not _MAY_MASK.search(chunk):
        return None
    core = chunk.translate(QUOTE_FOLD).casefold().strip(MASK_EDGE)
    for pattern in MASK_PATTERNS:
        match = pattern.fullmatch(core)
        if not match:
            continue
        groups = match.groupdict()
        head, tail = groups.get("head") or "", groups.get("tail") or ""
        dashed = "-" in core or any(c in core for c in "\u2013\u2014\u2015")
        if dashed and "*" not in core and head in NOT_MASK_HEADS and not core.endswith("word"):
            return None  # "I—", "a—": the speaker broke off
        return Mask(head, tail, core)
    return None


def word_key(piece: str) -> str:
    """The comparison form of a word: folded, case-folded, edge punctuation stripped."""
    if piece.isalnum():
        return piece.casefold()
    folded = piece.translate(QUOTE_FOLD).translate(DASH_FOLD).casefold()
    key = _NOT_WORD.sub("", folded.strip(EDGE_PUNCTUATION))
    # the possessive of a word ending in s is spelt both ways (Jones's, Jones'): one word
    return key[:-2] if key.endswith("s's") else key


def _pieces(chunk: str) -> list[tuple[int, int]]:
    """Split a part of a chunk after dashes used as punctuation (the dash stays with the
    word before) and around an ellipsis."""
    if not MAY_SPLIT.search(chunk):
        return [(0, len(chunk))]
    cuts = {m.end() for m in INNER_DASH.finditer(chunk)}
    cuts.update(m.start() for m in BEFORE_ELLIPSIS.finditer(chunk))
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(chunk)), len(chunk)]
    return [(s, e) for s, e in pairwise(bounds) if e > s]


def _chunk_pieces(chunk: str) -> list[tuple[int, int, Mask | None]]:
    """(start, end, mask) of the pieces of a whitespace-delimited chunk: the chunk whole
    when it is a mask ("s-word"), else its compound parts ("s***-" and "show"), each a
    mask or cut further at dashes and ellipses."""
    mask = mask_of(chunk)
    if mask is not None:
        return [(0, len(chunk), mask)]
    if not MAY_SPLIT.search(chunk):
        return [(0, len(chunk), None)]
    cuts = [m.end() for m in COMPOUND_HYPHEN.finditer(chunk)]
    out: list[tuple[int, int, Mask | None]] = []
    for lo, hi in pairwise([0, *cuts, len(chunk)]):
        part = chunk[lo:hi]
        mask = mask_of(part[:-1] if cuts and part.endswith("-") else part)
        if mask is not None:
            out.append((lo, hi, mask))
        else:
            out += [(lo + s, lo + e, None) for s, e in _pieces(part)]
    return out


def tokenize(text: str) -> tuple[Token, ...]:
    """Word tokens of ``text``; punctuation-only pieces join the word before (or after).

    An ellipsis between words is a token of its own (it stands for omitted words, which
    the other rendering may carry); at either end of the text it is punctuation. Every
    censor mask has the key ``*``: masks align with each other, and whether two masks
    can be one word is decided by their letters (:func:`censor_compatible`).
    """
    spans: list[list] = []  # [start, end, key, mask]
    pending: int | None = None  # start of punctuation waiting for the next word
    for match in CHUNK.finditer(text):
        chunk, base = match.group(), match.start()
        for lo, hi, mask in _chunk_pieces(chunk):
            key = MASK_KEY if mask else word_key(chunk[lo:hi])
            start, end = base + lo, base + hi
            if not key and spans and ELLIPSIS.search(chunk, lo, hi):
                key = ELLIPSIS_KEY
            if not key:
                if spans:
                    spans[-1][1] = end
                elif pending is None:
                    pending = start
                continue
            spans.append([pending if pending is not None else start, end, key, mask])
            pending = None
    while len(spans) > 1 and spans[-1][2] == ELLIPSIS_KEY:  # trailing: punctuation
        end = spans.pop()[1]
        spans[-1][1] = end
    if not spans and pending is not None:
        stripped = text.strip()
        spans.append([pending, pending + len(stripped), "", None])
    return tuple(Token(key, text[s:e], s, e, mask) for s, e, key, mask in spans)


def censor_compatible(t: Token, u: Token) -> bool:
    """True when one token is a mask that the other (a mask or a word) can stand for."""
    if t.mask is None and u.mask is None:
        return False
    if t.mask is not None and u.mask is not None:
        h, k = t.mask.head, u.mask.head
        return not h or not k or h.startswith(k) or k.startswith(h)
    mask, word = (t.mask, u.key) if t.mask is not None else (u.mask, t.key)
    assert mask is not None
    return word.startswith(mask.head) and word.endswith(mask.tail) and len(word) > 1


# --- alignment ----------------------------------------------------------------------


def _chain(blocks: list) -> list:
    """The matching runs kept in the shared stretch: the longest, and neighbours near it."""
    anchor = max(range(len(blocks)), key=lambda i: (blocks[i].size, -i))

    def near(left, right, new) -> bool:
        """Whether ``new`` (left or right) joins the chain across the gap between them."""
        gap = max(right.a - (left.a + left.size), right.b - (left.b + left.size))
        # a run at least as long as the gap joins too: one outlet dropped a sentence
        reach = max(MAX_LARGE_GAP, new.size)
        return gap <= MAX_SMALL_GAP or (new.size >= LARGE_RUN and gap <= reach)

    lo = anchor
    while lo > 0 and near(blocks[lo - 1], blocks[lo], blocks[lo - 1]):
        lo -= 1
    hi = anchor
    while hi < len(blocks) - 1 and near(blocks[hi], blocks[hi + 1], blocks[hi + 1]):
        hi += 1
    return blocks[lo : hi + 1]


def _equal_steps(a, b, i: int, j: int, size: int) -> list[Step]:
    """A run of equal keys: equal steps, split where two masks differ (censorship)."""
    steps = []
    run = 0  # start (offset in the block) of the current equal run
    for k in range(size):
        t, u = a[i + k], b[j + k]
        if t.mask is not None and u.mask is not None and t.mask.form != u.mask.form:
            if k > run:
                steps.append(Step("equal", i + run, i + k, j + run, j + k))
            # two masks that cannot stand for one word ("s---" and "f---") differ
            op = "censor" if censor_compatible(t, u) else "replace"
            steps.append(Step(op, i + k, i + k + 1, j + k, j + k + 1))
            run = k + 1
    if size > run:
        steps.append(Step("equal", i + run, i + size, j + run, j + size))
    return steps


def similar_words(t: Token, u: Token) -> bool:
    """Two different words spelt nearly alike (Kessler / Kestler, vote / votes)."""
    short, long = sorted((len(t.key), len(u.key)))
    # the ratio is at most 2 * short / (short + long): skip the call when it cannot pass
    if short < SIMILAR_MIN_LETTERS or 200 * short < SIMILAR_WORD * (short + long):
        return False
    if _DIGIT.search(t.key) or _DIGIT.search(u.key):
        return False  # 2015 / 2016: another number, not a near spelling
    return fuzz.ratio(t.key, u.key) >= SIMILAR_WORD


def _pair_cost(t: Token, u: Token) -> float:
    if t.key == u.key:
        return 0.0
    if similar_words(t, u) or (t.mask or u.mask) and censor_compatible(t, u):
        return NEAR_PAIR_COST
    return 1.0


def word_opcodes(a: Sequence[Token], b: Sequence[Token]) -> list[tuple[str, int, int, int, int]]:
    """Edit operations turning the words of a into those of b: (tag, i1, i2, j1, j2) with
    tag ``equal``, ``replace`` (one word for one word), ``delete`` or ``insert``.

    A weighted edit distance: a word replaced by one spelt nearly alike (or by a mask it
    can stand for) costs less than a different word, so "the laws. But ... me." against
    "the law." pairs laws with law. Of equally cheap alignments, the one that pairs the
    first words and leaves the extra words at the end is taken (the caller reverses a
    leading edge, so that words next to the matched runs are paired first). Long gaps
    fall back to plain Levenshtein opcodes.
    """
    m, n = len(a), len(b)
    if m * n > MAX_WEIGHTED_CELLS:
        return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
                for op in Levenshtein.opcodes([t.key for t in a], [u.key for u in b])]
    cost = [[float(i + j) if not i or not j else 0.0 for j in range(n + 1)] for i in range(m + 1)]
    for i in range(1, m + 1):
        row, above = cost[i], cost[i - 1]
        for j in range(1, n + 1):
            row[j] = min(above[j - 1] + _pair_cost(a[i - 1], b[j - 1]), above[j] + 1, row[j - 1] + 1)
    ops: list[tuple[str, int, int]] = []  # per word, from the end: (tag, i, j) before the op
    i, j = m, n
    while i or j:
        if i and cost[i][j] == cost[i - 1][j] + 1:
            ops.append(("delete", i - 1, j))
            i -= 1
        elif j and cost[i][j] == cost[i][j - 1] + 1:
            ops.append(("insert", i, j - 1))
            j -= 1
        else:
            tag = "equal" if a[i - 1].key == b[j - 1].key else "replace"
            ops.append((tag, i - 1, j - 1))
            i, j = i - 1, j - 1
    merged: list[list] = []
    for tag, i, j in reversed(ops):
        a_step = 0 if tag == "insert" else 1
        b_step = 0 if tag == "delete" else 1
        if merged and merged[-1][0] == tag and tag != "replace":
            merged[-1][2] += a_step
            merged[-1][4] += b_step
        else:
            merged.append([tag, i, i + a_step, j, j + b_step])
    return [tuple(op) for op in merged]  # type: ignore[misc]


def _gap_steps(a, b, a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> list[Step]:
    """Word-to-word alignment of a gap between runs (:func:`word_opcodes`)."""
    if a_lo == a_hi and b_lo == b_hi:
        return []
    if a_lo == a_hi:
        return [Step("insert", a_lo, a_lo, b_lo, b_hi)]
    if b_lo == b_hi:
        return [Step("delete", a_lo, a_hi, b_lo, b_lo)]
    steps: list[Step] = []
    for tag, s1, s2, d1, d2 in word_opcodes(a[a_lo:a_hi], b[b_lo:b_hi]):
        i1, i2, j1, j2 = a_lo + s1, a_lo + s2, b_lo + d1, b_lo + d2
        if tag == "equal":
            steps += _equal_steps(a, b, i1, j1, i2 - i1)
        elif tag == "replace":  # one word for one word
            for k in range(i2 - i1):
                kind = "censor" if censor_compatible(a[i1 + k], b[j1 + k]) else "replace"
                steps.append(Step(kind, i1 + k, i1 + k + 1, j1 + k, j1 + k + 1))
        elif tag == "delete":
            steps.append(Step("delete", i1, i2, j1, j1))
        else:
            steps.append(Step("insert", i1, i1, j1, j2))
    return steps


def _reversed_gap_steps(a, b, a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> list[Step]:
    """Gap steps aligned from the end backwards (the words at the end pair up first)."""
    ra, rb = a[a_lo:a_hi][::-1], b[b_lo:b_hi][::-1]
    return [
        Step(s.op, a_hi - s.a_hi, a_hi - s.a_lo, b_hi - s.b_hi, b_hi - s.b_lo)
        for s in reversed(_gap_steps(ra, rb, 0, len(ra), 0, len(rb)))
    ]


def _edge_steps(
    a, b, a_lo: int, a_hi: int, b_lo: int, b_hi: int, leading: bool
) -> tuple[list[Step], int, int]:
    """Align the words both renderings carry beyond the shared stretch at one edge.

    The words next to the stretch are paired first (a changed word there is a
    replacement); words left over at the outer end on one side only are a cut, the
    other rendering stopping earlier or starting later. Returns the steps and where the
    stretch now begins (leading) or ends (trailing) on each side.
    """
    # the words that can pair up lie near the stretch: all of the shorter side's and a
    # few more of the longer side's; beyond them the longer side is a cut outright
    reach = min(a_hi - a_lo, b_hi - b_lo) + MAX_SMALL_GAP
    if leading:  # pair from the stretch outwards
        na, nb = max(a_lo, a_hi - reach), max(b_lo, b_hi - reach)
        steps = _gap_steps(a, b, a_lo, na, b_lo, nb) + _reversed_gap_steps(a, b, na, a_hi, nb, b_hi)
    else:
        na, nb = min(a_hi, a_lo + reach), min(b_hi, b_lo + reach)
        steps = _gap_steps(a, b, a_lo, na, b_lo, nb) + _gap_steps(a, b, na, a_hi, nb, b_hi)
    outer = range(len(steps)) if leading else range(len(steps) - 1, -1, -1)
    for k in takewhile(lambda k: steps[k].op in ("delete", "insert"), outer):
        s = steps[k]
        steps[k] = Step("cut", s.a_lo, s.a_hi, s.b_lo, s.b_hi)
    kept = [s for s in steps if s.op != "cut"]
    if not kept:
        return (steps, a_hi, b_hi) if leading else (steps, a_lo, b_lo)
    if leading:
        return steps, kept[0].a_lo, kept[0].b_lo
    return steps, kept[-1].a_hi, kept[-1].b_hi


def _align_tokens(a: tuple[Token, ...], b: tuple[Token, ...]) -> Alignment:
    matcher = SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks:
        steps = _gap_steps(a, b, 0, len(a), 0, len(b))
        return Alignment(a, b, tuple(steps), (0, len(a)), (0, len(b)), 0)
    chain = _chain(blocks)
    first, last = chain[0], chain[-1]
    a_lo, b_lo = first.a, first.b
    a_hi, b_hi = last.a + last.size, last.b + last.size
    steps: list[Step] = []
    # leading edge: words on one side only are a cut; words on both sides are aligned
    # from the stretch outwards, and what one side has beyond that is a cut again
    span_a_lo, span_b_lo = a_lo, b_lo
    if a_lo and b_lo:
        edge, span_a_lo, span_b_lo = _edge_steps(a, b, 0, a_lo, 0, b_lo, leading=True)
        steps += edge
    elif a_lo or b_lo:
        steps.append(Step("cut", 0, a_lo, 0, b_lo))
    for k, block in enumerate(chain):
        if k:
            prev = chain[k - 1]
            steps += _gap_steps(a, b, prev.a + prev.size, block.a, prev.b + prev.size, block.b)
        steps += _equal_steps(a, b, block.a, block.b, block.size)
    span_a_hi, span_b_hi = a_hi, b_hi
    if a_hi < len(a) and b_hi < len(b):
        edge, span_a_hi, span_b_hi = _edge_steps(a, b, a_hi, len(a), b_hi, len(b), leading=False)
        steps += edge
    elif a_hi < len(a) or b_hi < len(b):
        steps.append(Step("cut", a_hi, len(a), b_hi, len(b)))
    longest = max(m.size for m in blocks)
    return Alignment(a, b, tuple(steps), (span_a_lo, span_a_hi), (span_b_lo, span_b_hi), longest)


def align(a: tuple[Token, ...], b: tuple[Token, ...], a_text: str, b_text: str) -> Alignment:
    """Align two token sequences; aligning (b, a) gives exactly the mirror of (a, b).

    The matcher breaks ties by position, so the pair is always aligned in one canonical
    order (by text) and mirrored when asked the other way round.
    """
    if b_text < a_text:
        return _align_tokens(b, a).mirrored()
    return _align_tokens(a, b)
