"""Conflicts between statements of different articles: dates, numbers, names, claims.

Matched statements (the same fact) are checked for a date with no compatible
counterpart, a number of the same unit with no common value, a different name in the
same role slot, and one side denying what the other asserts. Date and number
conflicts are also looked for beyond the matched pairs, across every statement of the
story: two statements that give the same event verb ("closed", "shut"; "sentenced")
different dates or counts ("to 30 months" / "to 36 months"), and share the thing it
happened to, disagree on it however differently the rest is worded, and whichever
statements the one-to-one matching happened to pair. Clashes of one kind about the same
thing merge into one conflict with a version per statement.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .compare_slots import slot_clashes
from .compare_units import Statement
from .compare_values import TOKEN, NumberMention, When, canonical, stem
from .disjoint import DisjointSets
from .model import Conflict, ConflictVersion
from .resources.compare import (
    ABOUT_WORDS,
    CLAUSE_LINKS,
    CURRENCIES,
    DENIAL_VERBS,
    EVENT_OF,
    EVENT_REACH,
    MIN_EVENT_SHARED,
    MIN_RESTATED_WORDS,
    NEGATIVE_WORDS,
    NUMBER_CONTEXT,
    PLANNED,
    RESTATED_SHARE,
    STRONG_MATCH,
    SWAPPED_NAME_MATCH,
)

_NEGATIVE_STEMS = frozenset(stem(word) for word in NEGATIVE_WORDS)
CURRENCY_UNITS = frozenset(CURRENCIES.values())


@dataclass(frozen=True)
class _Clash:
    kind: str
    key: str  # what is compared (a unit, a role slot) so clashes merge across pairs
    about: str
    a: int  # statement indexes and the value each gives
    value_a: str
    b: int
    value_b: str


def order(statement: Statement) -> tuple[int, int]:
    """Article order, then offset: the order of everything in the report."""
    return statement.article_index, statement.start


def conflicts_of(
    statements: list[Statement],
    edges: list[tuple[int, int]],
    source: dict[str, str] | None = None,
) -> tuple[list[Conflict], set[tuple[int, int]]]:
    """The conflicts over the matched pairs ``edges`` (plus event-date and
    event-number clashes between any statements), and every pair of statements that
    clashes, as (lower index, higher index)."""
    source = source or {}
    names_of: dict[str, set[str]] = {}  # every name token each source writes
    for s in statements:
        names_of.setdefault(source.get(s.article, s.article), set()).update(s.names)
    clashes: list[_Clash] = []
    for i, j in edges:
        a, b = statements[i], statements[j]
        clashes.extend(_pair_clashes(statements, i, j, (
            names_of[source.get(a.article, a.article)], names_of[source.get(b.article, b.article)]
        )))
    clashes.extend(_event_clashes(statements, set(edges)))
    clashes.extend(_restated_date_clashes(statements, set(edges)))
    clashes.extend(_same_day_count_clashes(statements, set(edges)))
    clashes.extend(_Clash(*clash) for clash in slot_clashes(statements, source))
    clashing = {(min(c.a, c.b), max(c.a, c.b)) for c in clashes}
    return _merged(statements, clashes), clashing


def _pair_clashes(
    statements: list[Statement], i: int, j: int, names: tuple[set[str], set[str]]
) -> list[_Clash]:
    """The clashes of a matched pair; ``names`` are the name tokens each side's source
    writes anywhere in the story."""
    a, b = statements[i], statements[j]
    about = _about(a, b)
    clashes: list[_Clash] = []
    date = _date_clash(a.dates, b.dates)
    if date is not None and _clause_stems(a, date[0]) & _clause_stems(b, date[1]):
        clashes.append(_Clash("date", "date", f"date: {about}", i, date[0].text, j, date[1].text))
    for unit, (x, y) in _number_clashes(a, b).items():
        clashes.append(_Clash("number", unit.unit, f"{_unit_label(unit)}: {about}", i, x, j, y))
    close = closeness(a, b)
    name = _name_clash(a, b) if close >= STRONG_MATCH else _strangers_in_role(a, b, *names)
    if name is not None:
        slot, x, y = name
        role = a.surface(slot.split(":", 1)[1]).lower()
        clashes.append(_Clash("name", slot, f"name ({role}): {about}", i, x, j, y))
    elif close >= SWAPPED_NAME_MATCH:
        swapped = _swapped_names(a, b, *names)
        if swapped is not None:
            clashes.append(_Clash("name", "person", f"name: {about}", i, swapped[0], j, swapped[1]))
    if close >= STRONG_MATCH:
        claim = _claim_clash(a, b)
        if claim is not None:
            clashes.append(_Clash("claim", "claim", f"claim: {about}", i, claim[0], j, claim[1]))
    return clashes


def _about(a: Statement, b: Statement) -> str:
    words = [a.surface(s) for s, _ in a.surfaces if s in b.stems]
    names = [n for n in _ordered_names(a) if n.lower() in b.names]
    picked = list(dict.fromkeys(names + words))[:ABOUT_WORDS]
    return " ".join(picked) if picked else "the same statement"


def _ordered_names(statement: Statement) -> list[str]:
    return [word for run in statement.name_runs for word in run.text.split()]


def _unit_label(mention: NumberMention) -> str:
    """What a number counts, for the conflict's description: "age", "amount in
    dollars", "number of months" (the counted word as written)."""
    if mention.unit == "age":
        return "age"
    if mention.unit in CURRENCY_UNITS:
        return f"amount in {mention.unit}"
    counted = re.split(r"[\s-]", mention.text)[-1].lower()
    return f"number of {counted}"


def closeness(a: Statement, b: Statement) -> float:
    """Overlap of content words and numbers, names left out (they may be what differs)."""
    fa = set(a.stems) | {(n.value, n.unit) for n in a.numbers}
    fb = set(b.stems) | {(n.value, n.unit) for n in b.numbers}
    if not fa or not fb:
        return 0.0
    return len(fa & fb) / math.sqrt(len(fa) * len(fb))


def _date_clash(xs: tuple[When, ...], ys: tuple[When, ...]) -> tuple[When, When] | None:
    """Two dates with no compatible counterpart on the other side; same precision first."""
    lone_x = [x for x in xs if not any(x.compatible(y) for y in ys)]
    lone_y = [y for y in ys if not any(y.compatible(x) for x in xs)]
    if not lone_x or not lone_y:
        return None
    pairs = [(abs(x.rank - y.rank), i, j) for i, x in enumerate(lone_x) for j, y in enumerate(lone_y)]
    _, i, j = min(pairs)
    return lone_x[i], lone_y[j]


def _number_clashes(a: Statement, b: Statement) -> dict[NumberMention, tuple[str, str]]:
    """Per unit counted on both sides with no count in common (hedges allowed: "about
    9,000" agrees with "some 8,900"): the first mention of each (keyed by the first
    side's mention, which names the unit). Where the sides agree on one count but each
    has another ("7% demanded, 3.5% offered" / "7% sought, 3.2% offered"), the two
    others clash when the words next to them match ("offer")."""
    out: dict[NumberMention, tuple[str, str]] = {}
    units = {n.unit for n in a.numbers if n.unit} & {n.unit for n in b.numbers if n.unit}
    for unit in sorted(units):
        xs = [n for n in a.numbers if n.unit == unit]
        ys = [n for n in b.numbers if n.unit == unit]
        if not any(x.agrees_with(y) for x in xs for y in ys):
            if len(xs) == 1 and len(ys) == 1:
                out[xs[0]] = (xs[0].text, ys[0].text)
                continue
            # several counts of the unit on a side ("9,412 votes to Kroll's 9,375"
            # against "by 73 votes"): only the ones the same words stand next to
            pair = next(((x, y) for x in xs for y in ys if _words_near(a, x) & _words_near(b, y)), None)
            if pair is not None:
                out[pair[0]] = (pair[0].text, pair[1].text)
            continue
        lone_x = [x for x in xs if not any(x.agrees_with(y) for y in ys)]
        lone_y = [y for y in ys if not any(y.agrees_with(x) for x in xs)]
        for x in lone_x:
            near_x = _words_near(a, x)
            match = next((y for y in lone_y if near_x & _words_near(b, y)), None)
            if match is not None:
                out[x] = (x.text, match.text)
                break
    return out


def _words_near(statement: Statement, number: NumberMention) -> set[str]:
    """Content stems within NUMBER_CONTEXT characters of a number, its own unit left out
    (two counts of passengers are not about one thing because both count passengers)."""
    lo = number.start - NUMBER_CONTEXT
    hi = number.end + NUMBER_CONTEXT
    words = {canonical(stem(m.group())) for m in TOKEN.finditer(statement.text)
             if lo <= statement.start + m.start() and statement.start + m.end() <= hi}
    return (words & set(statement.stems)) - {number.unit}


def _name_clash(a: Statement, b: Statement) -> tuple[str, str, str] | None:
    """A name in one that the other never mentions, in a role slot the other fills with
    a name of its own that the first never mentions."""
    for x in a.name_runs:
        if x.tokens & b.names:
            continue
        for y in b.name_runs:
            if y.tokens & a.names:
                continue
            slots = x.slots & y.slots
            if slots:
                # a title or role word names the slot better than the verb after it
                return sorted(slots, key=lambda s: (not s.startswith("role:"), s))[0], x.text, y.text
    return None


def _swapped_names(
    a: Statement, b: Statement, names_a: set[str], names_b: set[str]
) -> tuple[str, str] | None:
    """In two statements that say nearly the same words ("The agreement was brokered by
    Agnes Polder, a mediator" / "The deal was brokered by Ruth Calloway, a mediator"),
    the one full name each gives that the other's source never writes: the same part
    played by two people."""
    lone_a = [x for x in a.name_runs if len(x.tokens) > 1 and not x.tokens & names_b]
    lone_b = [y for y in b.name_runs if len(y.tokens) > 1 and not y.tokens & names_a]
    if len(lone_a) == 1 and len(lone_b) == 1:
        return lone_a[0].text, lone_b[0].text
    return None


def _strangers_in_role(
    a: Statement, b: Statement, names_a: set[str], names_b: set[str]
) -> tuple[str, str, str] | None:
    """In two statements matched less closely: full names in the same role ("council
    member Gideon Arkwright" / "Council member Marisol Tench"), where neither source
    names the other's person anywhere in the story. A role written before the name is
    needed: the word after a name ("said") is no role."""
    for x in a.name_runs:
        if len(x.tokens) < 2 or x.tokens & names_b:
            continue
        for y in b.name_runs:
            if len(y.tokens) < 2 or y.tokens & names_a:
                continue
            roles = sorted(slot for slot in x.slots & y.slots if slot.startswith("role:"))
            if roles:
                return roles[0], x.text, y.text
    return None


def _claim_clash(a: Statement, b: Statement) -> tuple[str, str] | None:
    """One side denies a word the other asserts without denial."""
    for neg, pos in ((a, b), (b, a)):
        if pos.stems & _NEGATIVE_STEMS or any(_is_denial(n.cue) for n in pos.negations):
            continue  # "rejected" against "did not accept": both say no
        for n in neg.negations:
            if n.scope and n.scope in pos.stems and n.scope not in pos.negated:
                asserted = pos.surface(n.scope)
                return (n.cue, asserted) if neg is a else (asserted, n.cue)
    return None


def _is_denial(cue: str) -> bool:
    return cue.split()[0].lower() in DENIAL_VERBS


def _event_dates(statement: Statement) -> dict[str, When]:
    """Each event verb of the statement and the date nearest to it (within reach, in
    its clause); only dates that name a month or a day."""
    out: dict[str, When] = {}
    for event, offset in statement.events:
        near = [
            (_distance(offset, d.start, d.end), d.start, d)
            for d in statement.dates if d.rank >= 1 and _reaches(statement, offset, d.start, d.end)
        ]
        if near and event not in out:
            # a written calendar date ("May 8") before a relative one ("two days later")
            out[event] = min(near, key=lambda n: (not _has_digit(n[2].text), n[0], n[1]))[2]
    return out


def _event_numbers(statement: Statement) -> dict[tuple[str, str], NumberMention]:
    """(event, unit) -> the number of that unit nearest the event verb, within reach:
    "sentenced on Monday to 30 months" gives ("sentence", "month") -> 30 months."""
    out: dict[tuple[str, str], NumberMention] = {}
    for event, offset in statement.events:
        near = sorted(
            (n for n in statement.numbers if n.unit),
            key=lambda n: (_distance(offset, n.start, n.end), n.start),
        )
        for number in near:
            if _reaches(statement, offset, number.start, number.end):
                out.setdefault((event, number.unit), number)
    return out


def _planned_events(statement: Statement) -> frozenset[str]:
    """The events the statement gives as a plan or as another occurrence ("will hold a
    separate vote"), not as what happened."""
    return frozenset(
        event for event, offset in statement.events
        if PLANNED.search(statement.text[: offset - statement.start])
    )


def _reaches(statement: Statement, offset: int, start: int, end: int) -> bool:
    """Whether a date or number at start..end is near enough to the event verb at
    ``offset`` to be its date or count: within EVENT_REACH characters and in its clause."""
    if _distance(offset, start, end) > EVENT_REACH:
        return False
    lo, hi = sorted((offset, start if start > offset else end))
    return CLAUSE_LINKS.search(statement.text[lo - statement.start : hi - statement.start]) is None


def _distance(offset: int, start: int, end: int) -> int:
    return min(abs(offset - start), abs(offset - end))


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _topic(statement: Statement) -> set[str]:
    return set(statement.stems) | {stem(name) for name in statement.names}


def _event_clashes(statements: list[Statement], edges: set[tuple[int, int]]) -> list[_Clash]:
    """Statements of different articles giving the same event verb a different date
    or a different count of the same thing, about the same subject."""
    found = [(i, _event_dates(s), _event_numbers(s)) for i, s in enumerate(statements)]
    found = [f for f in found if f[1] or f[2]]
    planned_of = {i: _planned_events(statements[i]) for i, *_ in found}
    out: list[_Clash] = []
    for x, (i, dates_i, numbers_i) in enumerate(found):
        for j, dates_j, numbers_j in found[x + 1:]:
            a, b = statements[i], statements[j]
            if a.article == b.article or (i, j) in edges:
                continue
            planned = planned_of[i] ^ planned_of[j]  # a plan against what happened
            dates = [
                (event, dates_i[event], dates_j[event])
                for event in sorted((dates_i.keys() & dates_j.keys()) - planned)
                if not dates_i[event].compatible(dates_j[event])
            ]
            numbers = [
                (key, numbers_i[key], numbers_j[key])
                for key in sorted(numbers_i.keys() & numbers_j.keys())
                if not numbers_i[key].agrees_with(numbers_j[key])
            ]
            if not dates and not numbers:
                continue
            # the topic: what the event happened to, event verbs and counted units left out
            shared = _topic(a) & _topic(b)
            shared -= {s for s, word in a.surfaces + b.surfaces if word.lower() in EVENT_OF}
            shared -= {s for s, _ in a.events + b.events}
            shared -= {n.unit for n in a.numbers + b.numbers}
            # the same event of the same named person or thing ("Vell was arrested")
            # needs no second word in common
            named = sorted(n for n in a.names & b.names if stem(n) in shared)
            if len(shared) < MIN_EVENT_SHARED:
                if not named:
                    continue
                # with only a name in common, a date clash must fall in one year: "was
                # arrested on May 3" and "was first arrested in January 2019" may be
                # two arrests of one man
                dates = [(e, x, y) for e, x, y in dates if x.year == y.year]
                if not dates and not numbers:
                    continue
            words = [n.title() for n in named]
            words += [w for s, w in b.surfaces + a.surfaces if s in shared]
            topic = " ".join(list(dict.fromkeys(words))[:ABOUT_WORDS])
            for event, da, db in dates:
                out.append(_Clash("date", "date", f"date of {event}: {topic}", i, da.text, j, db.text))
            for (event, unit), na, nb in numbers:
                if _same_count_elsewhere(a, b, unit):
                    continue
                about = f"{_unit_label(na)} ({event}): {topic}"
                out.append(_Clash("number", unit, about, i, na.text, j, nb.text))
    return out


def _restated_date_clashes(statements: list[Statement], edges: set[tuple[int, int]]) -> list[_Clash]:
    """Two statements of different articles, one saying nearly all the other says and
    on another day (no date of one compatible with a date of the other, both to the
    day), with the same event verbs: the same act dated twice. Candidates through an
    index of content words, so a large story is not compared pair by pair."""
    # dates to the day, or to the month with the year written ("in April 2026")
    dated = [i for i, s in enumerate(statements)
             if s.dates and all(d.rank == 2 or (d.rank == 1 and d.year is not None) for d in s.dates)
             and len(s.stems) >= MIN_RESTATED_WORDS]
    holders: dict[str, list[int]] = {}
    for i in dated:
        for word in statements[i].stems:
            holders.setdefault(word, []).append(i)
    out: list[_Clash] = []
    seen: set[tuple[int, int]] = set()
    for i in dated:
        a = statements[i]
        for j in {j for word in a.stems for j in holders[word] if j > i}:
            b = statements[j]
            if a.article == b.article or (i, j) in edges or (i, j) in seen:
                continue
            seen.add((i, j))
            if {e for e, _ in a.events} != {e for e, _ in b.events}:
                continue
            if _planned_events(a) != _planned_events(b):
                continue
            date = _date_clash(a.dates, b.dates)
            if date is None or not (_has_digit(date[0].text) and _has_digit(date[1].text)):
                continue  # weekdays alone are too often resolved against another week
            # the words of each date's own clause: "flooded the town on Monday after
            # engineers opened the gates" does not date the opening
            words_a, words_b = _clause_stems(a, date[0]), _clause_stems(b, date[1])
            shared = words_a & words_b
            shorter = min(len(words_a), len(words_b))
            if len(shared) >= MIN_RESTATED_WORDS and len(shared) >= RESTATED_SHARE * shorter:
                about = f"date: {_about(a, b)}"
                out.append(_Clash("date", "date", about, i, date[0].text, j, date[1].text))
    return out


def _same_day_count_clashes(statements: list[Statement], edges: set[tuple[int, int]]) -> list[_Clash]:
    """Two statements of different articles about one day (compatible dates to the day),
    each with one count of a unit, the counts disagreeing, and the same words next to
    both ("about 8 kilometres west of the town" / "3 kilometres from the edge of town"
    on Saturday afternoon): one thing counted twice."""
    holders: dict[str, list[tuple[int, NumberMention]]] = {}
    for i, s in enumerate(statements):
        if not any(d.rank == 2 for d in s.dates):
            continue
        units = [n.unit for n in s.numbers if n.unit]
        for n in s.numbers:
            if n.unit and n.unit != "age" and units.count(n.unit) == 1:
                holders.setdefault(n.unit, []).append((i, n))
    out: list[_Clash] = []
    for unit, found in holders.items():
        for x, (i, na) in enumerate(found):
            for j, nb in found[x + 1:]:
                a, b = statements[i], statements[j]
                if a.article == b.article or (min(i, j), max(i, j)) in edges or na.agrees_with(nb):
                    continue
                same_day = any(d.rank == 2 and e.rank == 2 and d.compatible(e) for d in a.dates for e in b.dates)
                if same_day and _words_near(a, na) & _words_near(b, nb):
                    about = f"{_unit_label(na)}: {_about(a, b)}"
                    out.append(_Clash("number", unit, about, i, na.text, j, nb.text))
    return out


def _clause_stems(statement: Statement, date: When) -> set[str]:
    """The statement's content stems in the clause that holds ``date`` (clauses cut at
    CLAUSE_LINKS words)."""
    at = date.start - statement.start
    lo, hi = 0, len(statement.text)
    for link in CLAUSE_LINKS.finditer(statement.text):
        if link.end() <= at:
            lo = link.end()
        elif link.start() >= at + len(date.text):
            hi = min(hi, link.start())
    words = {canonical(stem(m.group())) for m in TOKEN.finditer(statement.text, lo, hi)}
    return words & set(statement.stems)


def _same_count_elsewhere(a: Statement, b: Statement, unit: str) -> bool:
    """Both statements give a common value for the unit somewhere: a second figure
    near the verb ("18 months, after 3 months of study") is no disagreement."""
    xs = [n for n in a.numbers if n.unit == unit]
    ys = [n for n in b.numbers if n.unit == unit]
    return any(x.agrees_with(y) for x in xs for y in ys)


def _merged(statements: list[Statement], clashes: list[_Clash]) -> list[Conflict]:
    """Clashes of one kind about the same thing (unit, role slot) that share a
    statement become one conflict, with one version per statement."""
    sets = DisjointSets(len(clashes))
    holder: dict[tuple, int] = {}
    for k, clash in enumerate(clashes):
        for index in (clash.a, clash.b):
            sets.union(holder.setdefault((clash.kind, clash.key, index), k), k)
        # two checks that find one disagreement between the same two statements
        # (a role word, a role phrase) report it once
        pair = (clash.kind, min(clash.a, clash.b), max(clash.a, clash.b))
        sets.union(holder.setdefault(pair, k), k)
    out = []
    for member_ids in sets.groups():
        members = [clashes[k] for k in member_ids]
        values: dict[int, str] = {}
        for clash in members:
            values.setdefault(clash.a, clash.value_a)
            values.setdefault(clash.b, clash.value_b)
        ordered = sorted(values, key=lambda k: order(statements[k]))
        conflict = Conflict(
            kind=members[0].kind,  # type: ignore[arg-type]
            about=members[0].about,
            versions=tuple(
                ConflictVersion(
                    statements[k].article, values[k], statements[k].text,
                    statements[k].start, statements[k].end,
                )
                for k in ordered
            ),
        )
        out.append((order(statements[ordered[0]]), conflict.kind, conflict))
    return [c for *_, c in sorted(out, key=lambda t: (t[0], t[1]))]
