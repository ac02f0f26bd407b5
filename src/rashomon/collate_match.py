"""Whether two quotes render one utterance (used by :mod:`rashomon.collate`).

Two aligned quotes (:mod:`rashomon.collate_align`) are one utterance, however cut,
censored or altered, when (thresholds in :mod:`rashomon.resources.collate`):

- they share a run of at least 3 words (2-word quotes: the whole quote, and one resolved
  speaker on both sides);
- most of the shared stretch is matched, and most of the quote it contains (or, for two
  quotes that each run on past the other, at least 8 words);
- the content words match, not only the function words: on each side, at most a third
  of the content words in the stretch may be missing from the other side ("This is a
  disgusting day" and "This is a different time" share only "this is a");
- they do not go different ways at an edge by more than one word ("full confidence in
  our engineers" against "full confidence in the regulator's process");
- one is not matched only inside a quotation that the other's speaker repeats ("I heard
  ‘lock the gates’ all night" against the crowd's "Lock the gates!");
- the matched words do not end a question on one side and a statement on the other;
- with two different speakers, nearly all the words of the longer quote match (a speaker
  may echo a few words of another).
"""

from __future__ import annotations

from collections import Counter

from .collate_align import Alignment, Step, similar_words
from .model import Quote
from .quote_names import strip_titles
from .resources.collate import (
    CLAUSE_END,
    ELLIPSIS_KEY,
    FUNCTION_WORDS,
    INNER_QUOTE,
    MAX_CONTENT_MISS,
    MAX_EDGE_DIVERGENCE,
    MAY_HOLD_INNER_QUOTE,
    MIN_COVERAGE,
    MIN_OVERLAP,
    MIN_RUN,
    MIN_SHORT_QUOTE,
    MIN_STRETCH_SIMILARITY,
    MISATTRIBUTED_COVERAGE,
    MISATTRIBUTED_MIN_WORDS,
)


def speaker_key(speaker: str | None) -> str | None:
    return " ".join(speaker.split()).casefold() if speaker and speaker.strip() else None


def _name_words(speaker: str) -> frozenset[str]:
    words = [w.strip(".,").casefold() for w in speaker.split()]
    return frozenset(w for w in strip_titles(words) if w)


def misattributed(a_speaker: str | None, b_speaker: str | None) -> bool:
    """True when both quotes name a speaker and the names cannot be one person.

    A name that is part of the other ("Quint" and "Mara Quint", "Dr. Quint" and "Mara
    Quint") is the same person named more or less fully, not another speaker.
    """
    a, b = speaker_key(a_speaker), speaker_key(b_speaker)
    if a is None or b is None or a == b:
        return False
    a_words, b_words = _name_words(a), _name_words(b)
    return not (a_words and b_words and (a_words <= b_words or b_words <= a_words))


def content_miss_share(alignment: Alignment) -> float:
    """Share of the content words (not function words) in one side's part of the shared
    stretch that the other side does not carry, the larger of the two sides: 0 when every
    one is matched (equal, censored, or replaced by a word spelt nearly alike), 1 when
    none is. A word one side adds counts against that side ("he wants to keep this
    movement going" adds two of its five content words to "he wants to keep going")."""
    return max(_content_miss_share(alignment, side) for side in (0, 1))


def is_content(key: str) -> bool:
    """A content word: not a function word, not an ellipsis standing for a cut."""
    return key not in FUNCTION_WORDS and key != ELLIPSIS_KEY


def _near_pair(alignment: Alignment, step: Step) -> bool:
    """A replaced word that is the same word spelt nearly alike (Kessler / Kestler)."""
    return step.op == "replace" and similar_words(alignment.a[step.a_lo], alignment.b[step.b_lo])


def _content_miss_share(alignment: Alignment, side: int) -> float:
    tokens = alignment.b if side else alignment.a
    span = alignment.b_span if side else alignment.a_span
    matched: set[int] = set()
    for step in alignment.steps:
        lo, hi = (step.b_lo, step.b_hi) if side else (step.a_lo, step.a_hi)
        if step.op in ("equal", "censor"):
            matched.update(range(lo, hi))
        elif _near_pair(alignment, step):
            matched.add(lo)
    content = [i for i in range(*span) if is_content(tokens[i].key)]
    if not content:
        return 0.0
    return sum(i not in matched for i in content) / len(content)


def edge_divergence(alignment: Alignment) -> int:
    """How many words two renderings say differently beyond their matched runs at one
    edge (the larger of the two edges): at each edge, the words of the side that has
    fewer there that are not the other side's words (a cut is not counted: one side
    simply stops). "...confidence in our engineers" against "...confidence in the
    regulator's process" diverges by 2: two remarks that open alike."""
    matched = [k for k, s in enumerate(alignment.steps) if s.op in ("equal", "censor")]
    if not matched:
        return 0
    worst = 0
    for edge in (alignment.steps[: matched[0]], alignment.steps[matched[-1] + 1 :]):
        a_words = b_words = 0
        for step in edge:
            if step.op == "cut" or _near_pair(alignment, step):
                continue
            a_words += step.a_hi - step.a_lo
            b_words += step.b_hi - step.b_lo
        worst = max(worst, min(a_words, b_words))
    return worst


def within_inner_quote(alignment: Alignment, a_text: str, b_text: str) -> bool:
    """True when one rendering is matched whole, and only inside a quotation that the
    other rendering's speaker quotes ("I heard ‘lock the gates’ all night" against the
    crowd's "Lock the gates!"): the words are repeated, not the same remark."""
    for whole, tokens, span, text in (
        (alignment.a_span == (0, len(alignment.a)), alignment.b, alignment.b_span, b_text),
        (alignment.b_span == (0, len(alignment.b)), alignment.a, alignment.a_span, a_text),
    ):
        if not whole or span[1] <= span[0] or not MAY_HOLD_INNER_QUOTE.search(text):
            continue
        start, end = tokens[span[0]].start, tokens[span[1] - 1].end
        lead = len(text) - len(text.lstrip())
        whole_text = (lead, lead + len(text.strip()))
        for inner in INNER_QUOTE.finditer(text):
            # the matched words sit between the inner marks (their marks may be attached),
            # and the marks are not simply around the whole text
            if inner.start() <= start and end <= inner.end() and inner.span() != whole_text:
                return True
    return False


def _sentence_end_after(text: str, offset: int) -> str | None:
    match = CLAUSE_END.search(text, offset)
    return match.group() if match else None


def question_against_statement(alignment: Alignment, a_text: str, b_text: str) -> bool:
    """True when the sentence holding the last matched words is a question on one side
    and a statement on the other ("Who is going to pay for it?" against "They are going
    to pay for the wall."): an outlet does not turn a remark into a question."""
    last = next((s for s in reversed(alignment.steps) if s.op in ("equal", "censor")), None)
    if last is None:
        return False
    ends = (
        _sentence_end_after(a_text, alignment.a[last.a_hi - 1].end - 1),
        _sentence_end_after(b_text, alignment.b[last.b_hi - 1].end - 1),
    )
    return "?" in ends and any(e in (".", "!") for e in ends)


def renders_same(alignment: Alignment, a: Quote, b: Quote) -> bool:
    """True when two aligned quotes render one utterance (thresholds in resources)."""
    la, lb = len(alignment.a), len(alignment.b)
    shorter = min(la, lb)
    matched = alignment.matched
    if shorter < MIN_SHORT_QUOTE:
        return False
    if shorter < MIN_RUN:  # a 2-word quote: an exact run, one resolved speaker
        named = speaker_key(a.speaker) and speaker_key(b.speaker)
        if not named or misattributed(a.speaker, b.speaker) or alignment.longest_run < shorter:
            return False
    elif alignment.longest_run < MIN_RUN:
        return False
    stretch = max(
        alignment.a_span[1] - alignment.a_span[0], alignment.b_span[1] - alignment.b_span[0]
    )
    if not stretch or matched / stretch < MIN_STRETCH_SIMILARITY:
        return False
    if content_miss_share(alignment) > MAX_CONTENT_MISS:
        return False
    if edge_divergence(alignment) > MAX_EDGE_DIVERGENCE:
        return False
    if within_inner_quote(alignment, a.text, b.text):
        return False
    if question_against_statement(alignment, a.text, b.text):
        return False
    a_whole = alignment.a_span == (0, la)
    b_whole = alignment.b_span == (0, lb)
    if a_whole or b_whole:
        contained = min(la if a_whole else lb, lb if b_whole else la)
        if matched / contained < MIN_COVERAGE:
            return False
    elif matched < MIN_OVERLAP:
        return False
    if misattributed(a.speaker, b.speaker):
        # different speakers: only nearly the same words, counted against the longer
        # quote, make it one quote (a speaker may echo a few words of another)
        return (
            matched / max(la, lb) >= MISATTRIBUTED_COVERAGE and matched >= MISATTRIBUTED_MIN_WORDS
        )
    return True


def enough_shared_words(
    a: Counter[str], b: Counter[str], la: int, lb: int, masks: int = 0
) -> bool:
    """A cheap necessary condition for :func:`renders_same`, checked before aligning.

    The aligned words can be no more than the words the two quotes share counted as
    bags (plus ``masks``, censored words that may stand for any word), and a kept pair
    needs MIN_OVERLAP of them, or MIN_COVERAGE of the quote it contains (which is at
    least as long as the shorter quote).
    """
    shorter = min(la, lb)
    needed = shorter if shorter < MIN_RUN else min(MIN_OVERLAP, MIN_COVERAGE * shorter)
    if len(a) > len(b):
        a, b = b, a
    shared = sum(min(n, b[key]) for key, n in a.items() if key in b)
    return shared + masks >= needed
