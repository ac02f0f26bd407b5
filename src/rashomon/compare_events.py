"""Date and number conflicts found across every statement of a story, whatever the
matcher paired: the same event verb ("closed", "shut"; "sentenced") given different
dates or counts ("to 30 months" / "to 36 months") about the same thing; the same act
restated on another day; one thing counted twice on one day. A plan ("will hold a
separate vote") and a done act are two events; a date belongs to the event of its own
clause ("flooded the town on Monday after engineers opened the gates")."""

from __future__ import annotations

from itertools import combinations

from .compare_clash import (
    Clash,
    about_words,
    clause_stems,
    date_clash,
    dates_own_link,
    has_digit,
    unit_label,
    words_near,
)
from .compare_units import Statement
from .compare_values import NumberMention, When, stem
from .resources.compare import (
    ABOUT_WORDS,
    AGAIN,
    CLAUSE_LINKS,
    EVENT_OF,
    EVENT_REACH,
    MIN_EVENT_SHARED,
    MIN_RESTATED_WORDS,
    PLANNED,
    RESTATED_INDEX_SHARE,
    RESTATED_SHARE,
)


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
            out[event] = min(near, key=lambda n: (not has_digit(n[2].text), n[0], n[1]))[2]
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


def planned_events(statement: Statement) -> frozenset[str]:
    """The events the statement gives as a plan or as another occurrence ("will hold a
    separate vote"), not as what happened."""
    return frozenset(
        event for event, offset in statement.events
        if PLANNED.search(statement.text[: offset - statement.start])
    )


# units that count many different groups on one day (people in general, ages)
_MANY_THINGS = frozenset({"age", "peopl", "person", "other"})


def _reaches(statement: Statement, offset: int, start: int, end: int) -> bool:
    """Whether a date or number at start..end is near enough to the event verb at
    ``offset`` to be its date or count: within EVENT_REACH characters and in its clause."""
    if _distance(offset, start, end) > EVENT_REACH:
        return False
    if start > offset:  # the date after the verb: a link right before it may be its own
        between = statement.text[offset - statement.start : start - statement.start]
        return all(dates_own_link(link.group(), between[link.end():])
                   for link in CLAUSE_LINKS.finditer(between))
    between = statement.text[end - statement.start : offset - statement.start]
    return CLAUSE_LINKS.search(between) is None


def _distance(offset: int, start: int, end: int) -> int:
    return min(abs(offset - start), abs(offset - end))


def _topic(statement: Statement) -> set[str]:
    return set(statement.stems) | {stem(name) for name in statement.names}


def event_clashes(statements: list[Statement], edges: set[tuple[int, int]]) -> list[Clash]:
    """Statements of different articles giving the same event verb a different date
    or a different count of the same thing, about the same subject."""
    found = [(i, _event_dates(s), _event_numbers(s)) for i, s in enumerate(statements)]
    found = [f for f in found if f[1] or f[2]]
    planned_of = {i: planned_events(statements[i]) for i, *_ in found}
    # candidates: statements that date or count one event (not every pair of the story)
    by_event: dict[str, list[int]] = {}
    for x, (_, dates_i, numbers_i) in enumerate(found):
        for event in {*dates_i, *(e for e, _ in numbers_i)}:
            by_event.setdefault(event, []).append(x)
    pairs = sorted({(p, q) for members in by_event.values() for k, p in enumerate(members)
                    for q in members[k + 1:]})
    out: list[Clash] = []
    for p, q in pairs:
        (i, dates_i, numbers_i), (j, dates_j, numbers_j) = found[p], found[q]
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
            out.append(Clash("date", "date", f"date of {event}: {topic}", i, da.text, j, db.text))
        for (event, unit), na, nb in numbers:
            if _same_count_elsewhere(a, b, unit):
                continue
            about = f"{unit_label(na)} ({event}): {topic}"
            out.append(Clash("number", unit, about, i, na.text, j, nb.text))
    return out


def event_date_slot_clashes(
    statements: list[Statement], edges: set[tuple[int, int]], source: dict[str, str]
) -> list[Clash]:
    """An event each of two sources dates once (all its dates for the event agreeing,
    none a plan), the two dates disagreeing: the story's strike began on one day for
    one source and on another for the other ("walked out on May 19" / "industrial
    action halted cargo handling from May 21"), worded as differently as they like
    but for one word in common besides the event's."""
    dated: dict[tuple[str, str], list[tuple[int, When]]] = {}
    for i, s in enumerate(statements):
        planned = planned_events(s)
        for event, when in _event_dates(s).items():
            if event not in planned:
                dated.setdefault((event, source.get(s.article, s.article)), []).append((i, when))
    single = {key: found for key, found in dated.items()
              if all(x.compatible(y) for (_, x), (_, y) in combinations(found, 2))}
    out: list[Clash] = []
    keys = sorted(single)
    for k, (event, sx) in enumerate(keys):
        for other, sy in keys[k + 1:]:
            if other != event or sx == sy:
                continue
            (i, da), (j, db) = single[(event, sx)][0], single[(event, sy)][0]
            if (min(i, j), max(i, j)) in edges or da.compatible(db):
                continue
            if da.year is not None and db.year is not None and da.year != db.year:
                continue  # another year is another occurrence
            a, b = statements[i], statements[j]
            # one word in common besides the event's: "closed the marina" and "closed
            # its reading room" are two closures
            shared = _topic(a) & _topic(b)
            shared -= {s for s, word in a.surfaces + b.surfaces if word.lower() in EVENT_OF}
            if not shared - {s for s, _ in a.events + b.events}:
                continue
            out.append(Clash("date", "date", f"date of {event}: {about_words(a, b)}", i, da.text, j, db.text))
    return out


def restated_date_clashes(statements: list[Statement], edges: set[tuple[int, int]]) -> list[Clash]:
    """Two statements of different articles, one saying nearly all the other says and
    on another day (no date of one compatible with a date of the other, both to the
    day), with the same event verbs: the same act dated twice. A statement that says
    the act happened again ("a second weekend of protests") is no restatement.
    Candidates through an index of the statements' rarer words (in at most
    RESTATED_INDEX_SHARE of the dated statements), so a large story is not compared pair
    by pair."""
    # dates to the day, or to the month with the year written ("in April 2026")
    dated = [i for i, s in enumerate(statements)
             if s.dates and all(d.rank == 2 or (d.rank == 1 and d.year is not None) for d in s.dates)
             and len(s.stems) >= MIN_RESTATED_WORDS and not AGAIN.search(s.text)]
    holders: dict[str, list[int]] = {}
    for i in dated:
        for word in statements[i].stems:
            holders.setdefault(word, []).append(i)
    common = max(MIN_RESTATED_WORDS, len(dated) // RESTATED_INDEX_SHARE)
    planned = {i: planned_events(statements[i]) for i in dated}
    events = {i: {e for e, _ in statements[i].events} for i in dated}
    out: list[Clash] = []
    seen: set[tuple[int, int]] = set()
    for i in dated:
        a = statements[i]
        near = {j for word in a.stems if len(holders[word]) <= common for j in holders[word] if j > i}
        for j in sorted(near):
            b = statements[j]
            if a.article == b.article or (i, j) in edges or (i, j) in seen:
                continue
            seen.add((i, j))
            if events[i] != events[j] or planned[i] != planned[j]:
                continue
            date = date_clash(a.dates, b.dates)
            if date is None or not (has_digit(date[0].text) and has_digit(date[1].text)):
                continue  # weekdays alone are too often resolved against another week
            # the words of each date's own clause: "flooded the town on Monday after
            # engineers opened the gates" does not date the opening
            words_a, words_b = clause_stems(a, date[0]), clause_stems(b, date[1])
            shared = words_a & words_b
            shorter = min(len(words_a), len(words_b))
            if len(shared) >= MIN_RESTATED_WORDS and len(shared) >= RESTATED_SHARE * shorter:
                about = f"date: {about_words(a, b)}"
                out.append(Clash("date", "date", about, i, date[0].text, j, date[1].text))
    return out


def same_day_count_clashes(statements: list[Statement], edges: set[tuple[int, int]]) -> list[Clash]:
    """Two statements of different articles about one day (compatible dates to the day),
    each with one count of a unit, the counts disagreeing, and the same words next to
    both ("about 8 kilometres west of the town" / "3 kilometres from the edge of town"
    on Saturday afternoon): one thing counted twice. Counts of people in general are
    left out: "300 people gathered at the hospital" and "twelve people were taken to
    hospital" on one Saturday are two groups."""
    holders: dict[str, list[tuple[int, NumberMention, frozenset[str]]]] = {}
    for i, s in enumerate(statements):
        if not any(d.rank == 2 for d in s.dates):
            continue
        units = [n.unit for n in s.numbers if n.unit]
        for n in s.numbers:
            if n.unit and n.unit not in _MANY_THINGS and units.count(n.unit) == 1:
                holders.setdefault(n.unit, []).append((i, n, frozenset(words_near(s, n))))
    out: list[Clash] = []
    for unit, found in holders.items():
        for x, (i, na, near_a) in enumerate(found):
            for j, nb, near_b in found[x + 1:]:
                a, b = statements[i], statements[j]
                if a.article == b.article or (min(i, j), max(i, j)) in edges or na.agrees_with(nb):
                    continue
                same_day = any(d.rank == 2 and e.rank == 2 and d.compatible(e) for d in a.dates for e in b.dates)
                if same_day and near_a & near_b:
                    about = f"{unit_label(na)}: {about_words(a, b)}"
                    out.append(Clash("number", unit, about, i, na.text, j, nb.text))
    return out


def _same_count_elsewhere(a: Statement, b: Statement, unit: str) -> bool:
    """Both statements give a common value for the unit somewhere: a second figure
    near the verb ("18 months, after 3 months of study") is no disagreement."""
    xs = [n for n in a.numbers if n.unit == unit]
    ys = [n for n in b.numbers if n.unit == unit]
    return any(x.agrees_with(y) for x in xs for y in ys)


