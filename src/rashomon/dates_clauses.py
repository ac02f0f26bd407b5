"""The clause a date expression governs, found by rules (no parser: cheap, and offsets
stay exact).

A sentence is cut at clause boundaries: semicolons and dashes, ", but"/", and",
subordinating conjunctions ("although", "after", "while"...), a leading quotation
before its attribution, a trailing non-restrictive relative clause. A fronted
subordinate clause ("Although the pier reopened in July, ...") ends at its comma. The
clause holding the expression is its clause; :func:`event_span` then trims what is
not the event (discourse markers, the date adverbial itself, a loose quote mark).

The tense of a date is read in a narrower clause: a report ("X said on Friday that")
is also cut from what it reports ("the team would move"), so each keeps its own tense.

All offsets here are article offsets; ``protected`` spans (the date expressions of
the sentence) are never cut ("Thursday, March 6" holds a comma).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Sentence
from .resources import dates as R

Span = tuple[int, int]

_SUBORDINATOR = "|".join(sorted(R.SUBORDINATORS, key=len, reverse=True))
# "as", "when", "once" also open phrases ("known as", "once more"): a clause only after a comma
_COMMA_ONLY = "|".join(sorted(R.COMMA_SUBORDINATORS, key=len, reverse=True))
_CUTS = (
    re.compile(r"\s*[;:]\s+"),
    re.compile(r"\s+(?:--|—|–)\s*|\s*—\s*"),
    re.compile(r",\s+(?:but|and|yet|so|or)\s+", re.IGNORECASE),
    re.compile(r"\s+but\s+", re.IGNORECASE),
    re.compile(rf"(?:,\s+|\s+)(?:{_SUBORDINATOR})\s+|,\s+(?:{_COMMA_ONLY})\s+(?!well\b|if\b|though\b)",
               re.IGNORECASE),
)
_FRONTED = re.compile(rf"[“\"]?(?:{_SUBORDINATOR}|{_COMMA_ONLY}|since|if)\s+", re.IGNORECASE)
_LEADING_QUOTE = re.compile(r"[“\"][^”\"]+([”\"])\s*,?\s*")
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose|where)\s+", re.IGNORECASE)
_LEADING_MARKER = re.compile(
    r"(?:" + "|".join(sorted(R.LEADING_MARKERS, key=len, reverse=True)) + r")\b,?\s+", re.IGNORECASE
)
_PREPOSITION = "|".join(sorted(R.DATE_PREPOSITIONS, key=len, reverse=True))
_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|its|their|our|this|that|last)\s+$", re.IGNORECASE)
_FUTURE = tuple(re.compile(cue, re.IGNORECASE) for cue in R.FUTURE_CUES)
_PAST = tuple(re.compile(cue, re.IGNORECASE) for cue in R.PAST_CUES)
_REPORTING = re.compile(r"\b(?:" + "|".join(R.REPORTING_VERBS) + r")\b", re.IGNORECASE)
# a finite past verb for sure: an irregular one or a reporting verb
_STRONG_PAST = (_PAST[0], _REPORTING)
# irregular past forms that report or help rather than tell an event
_NOT_EVENT_PAST = frozenset(R.REPORTING_VERBS) | R.NOT_EVENT_PAST_WORDS
# ("need", "indeed", "proceed": an -eed word is no regular past form)
_REGULAR_PAST = re.compile(r"(?:\b([A-Za-z]+)\s+)?\b(?!(?:" + "|".join(R.NOT_PAST_ED_WORDS)
                           + r")\b)([a-z]{2,}(?<!e)ed)\b")
_BEFORE_PARTICIPLE = R.BEFORE_PARTICIPLE
_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
_ING_START = re.compile(r"[A-Za-z]+ing\b")
_WORD = re.compile(r"[A-Za-z’'-]+")


def _inside(position: int, protected: list[Span]) -> bool:
    return any(start < position < end for start, end in protected)


def clause_cuts(sentence: Sentence, protected: list[Span], reported: bool = False) -> list[tuple[int, int, str]]:
    """The stretches that separate clauses, as (start, end, kind) in article offsets;
    with ``reported``, also the start of each reported clause."""
    text, base = sentence.text, sentence.start
    cuts: list[tuple[int, int, str]] = []
    if reported:
        cuts.extend(reported_cuts(sentence, protected))
    quote = _LEADING_QUOTE.match(text)
    if quote:  # a quotation before its attribution: the quote is a clause, so is the rest
        cuts.append((base + quote.start(1), base + quote.end(), "quote"))
    for pattern in _CUTS:
        for match in pattern.finditer(text):
            if pattern is _CUTS[-1] and any(base + match.end() == p_start for p_start, _ in protected):
                continue  # "until April 14", "after 2019": a preposition, not a clause
            kind = "sub" if pattern is _CUTS[-1] else "cut"
            cuts.append((base + match.start(), base + match.end(), kind))
    # a fronted subordinate clause, also at the start of a leading quotation
    fronted = _FRONTED.match(text, quote.end() if quote else 0) or _FRONTED.match(text)
    if fronted:  # "Although X, Y": the subordinate clause ends at its comma
        cuts.append((base + fronted.start(), base + fronted.end(), "sub"))
        comma = _next_comma(text, fronted.end(), base, protected)
        if comma is not None:
            cuts.append((base + comma, base + comma + 1, "cut"))
    for match in _RELATIVE.finditer(text):
        # a trailing relative clause is its own clause; one closed by a comma is a
        # parenthesis inside the clause and is kept
        if _next_comma(text, match.end(), base, protected) is None:
            cuts.append((base + match.start(), base + match.end(), "cut"))
    return sorted(c for c in cuts if not _inside(c[0], protected) and not _inside(c[1] - 1, protected))


def reported_cuts(sentence: Sentence, protected: list[Span]) -> list[tuple[int, int, str]]:
    """Where a reported clause starts: at the "that" after a reporting verb ("told
    reporters on Friday that"), or at the subject right after a verb that takes no
    object ("said on Friday the team would"). Article offsets."""
    text, base = sentence.text, sentence.start
    cuts = []
    for verb in _REPORTING.finditer(text):
        rest = text[verb.end():]
        that = _THAT.search(rest)
        boundary = _first_boundary(rest)
        if that and (boundary is None or that.start() < boundary) \
                and _word_count(rest[:that.start()]) <= R.REPORTING_MAX_GAP:
            cuts.append((base + verb.end() + that.start(), base + verb.end() + that.end(), "cut"))
        elif verb.group().lower() in R.ZERO_THAT_REPORTING_VERBS:
            subject = _reported_subject(text, base, verb.end(), protected)
            if subject is not None:
                cuts.append((base + subject, base + subject, "cut"))
    return cuts


def _first_boundary(text: str) -> int | None:
    """The first clause boundary in ``text`` (a "that" past it belongs to another clause)."""
    found = [m.start() for pattern in _CUTS[:3] for m in pattern.finditer(text)]
    return min(found) if found else None


def _reported_subject(text: str, base: int, position: int, protected: list[Span]) -> int | None:
    """The offset (in ``text``) of a subject opening a reported clause at ``position``,
    past a date adverbial that belongs to the report ("said on Friday the ...")."""
    lead = re.match(rf"\s+(?:(?:{_PREPOSITION})\s+)?", text[position:], re.IGNORECASE)
    after = position + (lead.end() if lead else 0)
    date = next((end for start, end in protected if start == base + after), None)
    if date is not None:
        position = date - base
    word = re.match(r",?\s+([A-Za-z]+)\b", text[position:])
    if word and word.group(1).lower() in R.REPORTED_SUBJECT_STARTS:
        return position + word.start(1)
    return None


def _next_comma(text: str, start: int, base: int, protected: list[Span]) -> int | None:
    for match in re.finditer(",", text[start:]):
        if not _inside(base + start + match.start(), protected):
            return start + match.start()
    return None


def clause_span(sentence: Sentence, start: int, end: int, protected: list[Span] = (),
                reported: bool = False) -> Span:
    """The clause holding the expression at ``start``..``end`` (with ``reported``, a
    report and what it reports are two clauses)."""
    protected = list(protected) + [(start, end)]
    lo, hi = sentence.start, sentence.end
    previous_kind, previous_cut_start = None, None
    for cut_start, cut_end, kind in clause_cuts(sentence, protected, reported):
        if cut_end <= start and cut_end >= lo:
            lo, previous_kind, previous_cut_start = cut_end, kind, cut_start
        elif cut_start >= end and cut_start < hi:
            hi = cut_start
            break
    parenthesis = _parenthesis_holding(sentence, start, protected)
    if parenthesis is not None:
        # "The mayor, who took office in 2020, resigned": the event is the head noun
        # and its relative clause, "The mayor, who took office in 2020"
        hi = min(hi, parenthesis[1])
    # "The coach waved while jogging past the stands on Monday": a non-finite subordinate
    # clause has no subject, so the event includes the clause it hangs on
    if previous_kind == "sub" and _ING_START.match(sentence.text, lo - sentence.start):
        lo = _clause_start_before(sentence, previous_cut_start, protected)
    return _stripped(sentence, lo, hi)


def _parenthesis_holding(sentence: Sentence, position: int, protected: list[Span]) -> Span | None:
    """The non-restrictive relative clause (", who ... ,") holding ``position``."""
    text, base = sentence.text, sentence.start
    for match in _RELATIVE.finditer(text):
        comma = _next_comma(text, match.end(), base, protected)
        if comma is not None and base + match.end() <= position < base + comma:
            return base + match.start() + 1, base + comma
    return None


def _clause_start_before(sentence: Sentence, position: int, protected: list[Span]) -> int:
    start = sentence.start
    for _, cut_end, _ in clause_cuts(sentence, protected):
        if cut_end <= position:
            start = cut_end
    return start


def _stripped(sentence: Sentence, lo: int, hi: int) -> Span:
    text, base = sentence.text, sentence.start
    while lo < hi and text[lo - base] in " \t,":
        lo += 1
    while hi > lo and text[hi - 1 - base] in " \t,.;:!?":
        hi -= 1
    return lo, hi


@dataclass(frozen=True)
class ClauseTense:
    """The tense cues of the clause that governs a date, read once per date.

    ``future``/``past``: the clause speaks of the future / has a past cue (see
    :func:`clause_tense_of`); ``event_past``: a past verb there tells an event ("sank"),
    not only a report or an auxiliary ("said", "was"), so the date cannot lie ahead of
    publication; ``only_would``: its only future cue is "would", the future seen from the
    past; ``past_nearer``: of its cues before the date, the nearest is past ("Albright
    said Monday before leaving": said; "was set to take place Friday": set to)."""

    future: bool
    past: bool
    event_past: bool = False
    only_would: bool = False
    past_nearer: bool = False


def clause_tense_of(sentence: Sentence, start: int, end: int,
                    protected: list[Span] = ()) -> ClauseTense:
    """The :class:`ClauseTense` of the clause governing ``start:end``. The clause is the
    date's own, a report cut from what it reports, so "said on Friday that the team
    would move" is past for "Friday". A finite past verb ahead of every future cue, the
    cues all after the date ("left on Friday and will return"), is past only."""
    lo, hi = clause_span(sentence, start, end, protected, reported=True)
    clause = sentence.text[lo - sentence.start:hi - sentence.start]
    date_at = start - lo
    future = [m for cue in _FUTURE for m in cue.finditer(clause)]
    past = [m for cue in _PAST for m in cue.finditer(clause)]
    first_future = min((m.start() for m in future), default=-1)
    # a finite past verb before every future cue, which all follow the date: "left on
    # Friday and will return", "In January it hired a chief, who will remain"
    strong = first_future > date_at and any(
        m.start() < first_future for cue in _STRONG_PAST for m in cue.finditer(clause))
    if strong:
        future = []  # "left on Friday and will return": past only
    last_future = max((m.end() for m in future if m.end() <= date_at), default=-1)
    last_past = max((m.end() for m in past if m.end() <= date_at), default=-1)
    return ClauseTense(
        future=bool(future),
        past=bool(past) or bool(strong),
        event_past=_tells_past_event(clause),
        only_would=bool(future) and all(m.group().lower() == "would" for m in future),
        past_nearer=last_past > last_future,
    )


def _tells_past_event(clause: str) -> bool:
    if any(m.group().lower() not in _NOT_EVENT_PAST for m in _PAST[0].finditer(clause)):
        return True
    # a regular past form used as a finite verb: not an adjective after a determiner
    # ("the delayed vote") nor a participle after a form of be ("was scheduled")
    return any(m.group(2).lower() not in _NOT_EVENT_PAST and
               (m.group(1) or "").lower() not in _BEFORE_PARTICIPLE
               for m in _REGULAR_PAST.finditer(clause))


def sentence_tense(sentence: Sentence) -> ClauseTense:
    """The tense cues of the whole sentence, for a date whose own clause has none
    ("blasts went off miles apart but minutes apart on Friday"); "would" alone beside
    a past cue is the future seen from the past."""
    text = sentence.text
    future = [m.group().lower() for cue in _FUTURE for m in cue.finditer(text)]
    past = any(cue.search(text) for cue in _PAST)
    return ClauseTense(bool(future) and not (past and all(f == "would" for f in future)), past,
                       event_past=past and _tells_past_event(text))


def clause_tense(sentence: Sentence, start: int, end: int,
                 protected: list[Span] = ()) -> tuple[bool, bool]:
    """(future, past) of :func:`clause_tense_of`."""
    tense = clause_tense_of(sentence, start, end, protected)
    return tense.future, tense.past


def is_future_clause(sentence: Sentence, start: int, end: int, protected: list[Span] = ()) -> bool:
    """True when the clause governing the expression speaks of the future ("will", "is
    set to"): a yearless date there is resolved forwards."""
    return clause_tense(sentence, start, end, protected)[0]


def is_past_clause(sentence: Sentence, start: int, end: int, protected: list[Span] = ()) -> bool:
    """True when the clause governing the expression has a past-tense cue."""
    return clause_tense(sentence, start, end, protected)[1]


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def event_span(sentence: Sentence, start: int, end: int, protected: list[Span] = ()) -> Span:
    """The event the date governs: its clause, or the noun phrase the date modifies
    ("the 2019 flood at the mill..."), without leading discourse markers and
    without the date adverbial itself ("In July, the bakery doubled its staff" ->
    "the bakery doubled its staff")."""
    lo, hi = clause_span(sentence, start, end, protected)
    text, base = sentence.text, sentence.start
    determiner = _DETERMINER.search(text[max(0, lo - base):start - base])
    if determiner and lo - base + determiner.start() > 0 and re.match(r"\s+[A-Za-z]", text[end - base:]):
        # a date modifying a noun mid-clause: the noun phrase is the event
        lo = max(lo, base + (lo - base) + determiner.start())
    lo, hi = _inside_loose_quote(sentence, lo, hi, start, end)
    lo = _after_markers(text, base, lo, hi)
    lo = _after_leading_date(text, base, lo, hi, start, end)
    hi = _before_trailing_date(text, base, lo, hi, start, end)
    lo, hi = _stripped(sentence, lo, hi)
    return _without_loose_quotes(sentence, lo, hi)


_OPENING_MARKS = {'"': '"', "“": "”", "‘": "’"}
_CLOSING_MARKS = {'"': '"', "”": "“", "’": "‘"}


def _closed_after(text: str, mark: str) -> bool:
    """True when the opening ``mark`` at text[0] is closed inside ``text``."""
    closing = _OPENING_MARKS[mark]
    for i in range(1, len(text)):
        if text[i] == closing and not (closing == "’" and i + 1 < len(text) and text[i + 1].isalpha()):
            return True  # a "’" between letters is an apostrophe ("children’s")
    return False


def _opened_before(text: str, mark: str) -> bool:
    """True when the closing ``mark`` at text[-1] closes a mark opened inside ``text``."""
    if mark == '"':
        return text.count('"') % 2 == 0
    return _CLOSING_MARKS[mark] in text[:-1]


def _inside_loose_quote(sentence: Sentence, lo: int, hi: int, start: int, end: int) -> Span:
    """A sentence that starts inside a quotation ("Then the crew called in 2019," said
    Ilse Brandt): a closing mark with no opening one in the clause ends the quoted
    part, so the clause is cut there, on the side of the date."""
    text, base = sentence.text, sentence.start
    opened = 0
    for position in range(lo, hi):
        char = text[position - base]
        straight_closing = char == '"' and opened % 2 == 1
        if char == "“" or (char == '"' and not straight_closing):
            opened += 1
        elif char == "”" or straight_closing:
            if opened:
                opened -= 1
            elif position >= end:
                return _stripped(sentence, lo, position)
            elif position < start:
                lo = position + 1
    return _stripped(sentence, lo, hi)


def _without_loose_quotes(sentence: Sentence, lo: int, hi: int) -> Span:
    """The span without a quote mark that opens or closes outside it: a clause cut out
    of a quotation ("Today is not a happy day) neither starts nor ends with one."""
    text, base = sentence.text, sentence.start
    while lo < hi:
        part = text[lo - base:hi - base]
        if part[0] in _OPENING_MARKS and not _closed_after(part, part[0]):
            lo += 1
        elif part[-1] in _CLOSING_MARKS and len(part) > 1 and not _opened_before(part, part[-1]):
            hi -= 1
        else:
            break
        lo, hi = _stripped(sentence, lo, hi)
    return lo, hi


def _after_markers(text: str, base: int, lo: int, hi: int) -> int:
    while True:
        marker = _LEADING_MARKER.match(text, lo - base)
        if not marker or _word_count(text[marker.end():hi - base]) < 3:
            return lo
        lo = base + marker.end()


def _after_leading_date(text: str, base: int, lo: int, hi: int, start: int, end: int) -> int:
    """Past "In July, " when the clause opens with the date adverbial."""
    lead = re.match(rf"(?:(?:{_PREPOSITION})\s+)?$", text[lo - base:start - base], re.IGNORECASE)
    tail = re.match(r",?\s+", text[end - base:hi - base])
    if lead and tail and _word_count(text[end - base + tail.end():hi - base]) >= 3:
        return end + tail.end()
    return lo


def _before_trailing_date(text: str, base: int, lo: int, hi: int, start: int, end: int) -> int:
    """Before " in May of that year" when the clause closes with the date."""
    if text[end - base:hi - base].strip(" .,;:!?"):
        return hi
    lead = re.search(rf"\s+(?:(?:{_PREPOSITION})\s+)?$", text[lo - base:start - base], re.IGNORECASE)
    if lead and _word_count(text[lo - base:lo - base + lead.start()]) >= 3:
        return lo + lead.start()
    return hi
