"""Conflicts found story-wide, whatever statements the matcher paired: a person's age,
the holder of a role there is one of, and a claim one source makes and another denies.

Outlets word the same fact so differently that sentence matching misses much of it;
some disagreements are still plain from small, reliable slots:

- age: "Elin Maddox, 34," in one source and "Elin Maddox, 43," in another;
- role: the judge, the guard, the captain (roles a story has one holder of, listed in
  resources), or a role written in two words or more ("the chief engineer in charge
  of the dam" / "engineer in charge"), named as one person by one source and as
  another by another, where neither source ever names the other's person;
- count: the one count a story has of a thing ("14 turbines", "four batches") given
  as one figure by one source and as another by another, each source consistent;
- claim: a statement that denies something ("No alarm went off") against one of
  another source that asserts it ("An alarm sounded at 2:40"), the denied word and one
  more content word in common; or "admitted" against "denied" about the same thing.

Copies of one wire story (:mod:`rashomon.syndication`) are one source.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence, Set

from .compare_claims import claim_clashes
from .compare_clash import words_near
from .compare_units import NameRun, Statement
from .compare_values import TOKEN, NumberMention, canonical, is_vote_tally, stem
from .resources.compare import (
    AGE_REACH,
    AGENT_REACH,
    AMOUNT_WORD_SHARE,
    APPOSITIVE_ROLE,
    BY_AGENT,
    CURRENCIES,
    GROWING_COUNTS,
    HEAD_TEACHER,
    HEDGES,
    MANY_COUNT_UNITS,
    MIN_ROLE_WORDS,
    ROLE_ARTICLES,
    ROLE_HEAD_WORDS,
    ROLE_JOINERS,
    ROLE_PHRASE_WORDS,
    ROLE_SAME,
    SINGLE_ROLE_WORDS,
)
from .resources.compare import STOPWORDS as _STOPWORDS

SINGLE_ROLES = frozenset(stem(word) for word in SINGLE_ROLE_WORDS)
# one role written as other words ("headmistress", "head teacher")
_ROLE_FOLD = {stem(word): stem(same) for word, same in ROLE_SAME.items() if same in SINGLE_ROLE_WORDS}
_HEAD_TEACHER = stem("headteacher")
# units with no one count in a story: many kinds of thing, and tolls that grow
_NOT_ONE_COUNT = MANY_COUNT_UNITS | {canonical(stem(w)) for w in GROWING_COUNTS} | {"age"}
CURRENCY_UNITS = frozenset(CURRENCIES.values())
# role words that make a role phrase one person's ("engineer in charge", "safety chief")
_HEDGE_WORDS = frozenset(stem(word) for hedge in HEDGES for word in hedge.split())
_ONE_HOLDER = SINGLE_ROLES | {canonical(stem(word)) for word in ROLE_HEAD_WORDS}


def _person(run: NameRun) -> str:
    return run.text.split()[-1].lower()


def _age_of(statement: Statement) -> list[tuple[str, str, str]]:
    """(person, age, age as written) for each age the statement gives right after a
    full name ("Elin Maddox, 34," -> ("elin maddox", "34", "34")). An age with no name
    just before it ("the 34-year-old") is nobody's here: the nearest name elsewhere in
    the sentence is as likely the rescuer as the rescued."""
    out = []
    for number in statement.numbers:
        if number.unit != "age":
            continue
        before = [r for r in statement.name_runs if r.end <= number.start
                  and number.start - r.end <= AGE_REACH and len(r.text.split()) >= 2]
        if before:
            person = " ".join(before[-1].text.lower().split()[-2:])  # first name + surname
            out.append((person, f"{number.value:g}", number.text))
    return out


def _roles_of(statement: Statement) -> list[tuple[str, NameRun]]:
    """(role, name run) for each name the statement gives a role there is one of:
    "Judge Ana Ruiz", "the night guard, Tom Vale"."""
    out = []
    for run in statement.name_runs:
        if len(run.text.split()) < 2:
            continue
        roles = {slot.split(":", 1)[1] for slot in run.slots if slot.startswith("role:")}
        before = statement.text[: run.start - statement.start]
        appositive = APPOSITIVE_ROLE.search(before)
        if appositive:
            roles.add(stem(appositive.group(1)))
        if HEAD_TEACHER.search(before):
            roles.add(_HEAD_TEACHER)  # "Head teacher Helen Garside"
        roles = {_ROLE_FOLD.get(role, role) for role in roles}
        for role in roles & SINGLE_ROLES:
            out.append((role, run))
    return out


def _role_phrases(statement: Statement) -> list[tuple[frozenset[str], NameRun]]:
    """(role words, name run) for each full name written with a role phrase of two
    words or more: before it ("engineer in charge Gareth Penhale"), or set off by
    commas before or after it ("the chief engineer, Corinne Ashdale", "Corinne Ashdale,
    the chief engineer in charge of Brisk Dam,")."""
    out = []
    text, offset = statement.text, statement.start
    for run in statement.name_runs:
        if len(run.text.split()) < 2:
            continue
        start, end = run.start - offset, run.end - offset
        before = _words(text[:start])
        if before and before[-1].lower() in ROLE_JOINERS:
            continue  # "in charge of Brisk Dam": the name is what the role is of
        # the statement's first word may be a capitalised role word ("Safety director")
        first = {before[0]} if before and before[0].lower() not in statement.names else set()
        words = _role_words(reversed(before), first)
        if not words and text[:start].rstrip().endswith(","):
            before = _words(text[:start].rstrip()[:-1])
            words = _role_words(reversed(before), first)
        if not words and text[end:].lstrip().startswith(","):
            words = _role_words(_words(text[end:].lstrip()[1:].split(",")[0]))
        # "Ruth Callander, head of safety at operator Harrowdale Mining": one phrase,
        # read both as her role and as the company's; it is hers
        if len(words) >= MIN_ROLE_WORDS and all(words != w for w, _ in out):
            out.append((words, run))
    return out


def _words(text: str) -> list[str]:
    return [m.group() for m in TOKEN.finditer(text)]


def _role_words(words: Iterable[str], capitalised: Set[str] = frozenset()) -> frozenset[str]:
    """The role words at the head of ``words`` (read away from the name): lower-case
    words (and the ``capitalised`` ones) over joining words, up to the first other
    word or ROLE_PHRASE_WORDS role words; an article ("the") may open the phrase."""
    found: list[str] = []
    for k, word in enumerate(words):
        lower = word.lower()
        if lower in ROLE_ARTICLES and k == 0:
            continue
        if lower in ROLE_JOINERS:
            continue
        if word.islower() is False and word not in capitalised:
            break
        if lower in _STOPWORDS or lower.endswith(("ed", "ing")) or not lower.isalpha():
            break
        found.append(canonical(stem(ROLE_SAME.get(lower, lower))))
        if len(found) == ROLE_PHRASE_WORDS:
            break
    return frozenset(found)


def _agents_of(statement: Statement) -> list[tuple[str, NameRun]]:
    """(event, name run) for a named person who did the statement's event, in the
    passive ("was spotted on Thursday by volunteer Owen Trask", "located by a dog
    handler, Nia Castell") or as the subject right before it ("Hendrik Sollis
    announced"): the slot "who found her", "who announced it"."""
    if not statement.events:
        return []
    out = []
    for run in statement.name_runs:
        if len(run.text.split()) < 2:
            continue
        before = statement.text[max(0, run.start - statement.start - AGENT_REACH) : run.start - statement.start]
        by = BY_AGENT.search(before)
        if by is None:
            # the active voice: "Chief executive Hendrik Sollis announced the decision"
            acts = [event for event, offset in statement.events
                    if 0 < offset - run.end <= 1 and statement.text[run.end - statement.start:offset - statement.start].strip() == ""]
            out.extend((event, run) for event in acts[:1])
            continue
        by_at = run.start - len(before) + by.start()
        # the act is the event verb just before "by" ("was spotted ... by"), not an
        # earlier one ("arrested in 2019 and later released by")
        acts = [(offset, event) for event, offset in statement.events
                if offset < by_at and by_at - offset <= AGENT_REACH]
        if acts:
            out.append((max(acts)[1], run))
    return out


def _clash_list(
    found: Mapping[str, dict[str, list[tuple[int, str, str]]]], kind: str, label: str,
    names_of: Mapping[str, frozenset[str]] | None = None,
) -> list[tuple[str, str, str, int, str, int, str]]:
    """From slot -> source -> [(statement, value, value as written)]: a clash for each
    pair of sources that give the slot different values and no value in common (for
    roles, also neither naming the other's person anywhere)."""
    out = []
    for slot, by_source in found.items():
        values = {src: {v for _, v, _ in items} for src, items in by_source.items()}
        if kind == "name" and any(len(v) > 1 for v in values.values()):
            continue  # a role this story has several holders of: no slot
        sources = sorted(by_source)
        for x, sx in enumerate(sources):
            for sy in sources[x + 1 :]:
                if values[sx] & values[sy]:
                    continue
                if names_of is not None and (
                    values[sx] & names_of[sy] or values[sy] & names_of[sx]
                ):
                    continue
                (i, _, vi), (j, _, vj) = by_source[sx][0], by_source[sy][0]
                # keys as the matched-pair checks use them, so that one disagreement
                # both find is one conflict: "age" for ages, the role slot for names
                key = "age" if kind == "number" else f"role:{slot}"
                out.append((kind, key, f"{label} {slot}", i, vi, j, vj))
    return out


def slot_clashes(
    statements: Sequence[Statement], source: Mapping[str, str]
) -> list[tuple[str, str, str, int, str, int, str]]:
    """(kind, key, about, statement a, value a, statement b, value b) of every age,
    role and claim clash between two sources of the story."""
    ages: dict[str, dict[str, list[tuple[int, str, str]]]] = {}
    roles: dict[str, dict[str, list[tuple[int, str, str]]]] = {}
    names_of: dict[str, set[str]] = {}
    for i, s in enumerate(statements):
        src = source.get(s.article, s.article)
        names_of.setdefault(src, set()).update(s.names)
        for person, value, age in _age_of(s):
            ages.setdefault(person, {}).setdefault(src, []).append((i, value, age))
        for role, run in _roles_of(s):
            roles.setdefault(role, {}).setdefault(src, []).append((i, _person(run), run.text))
        for event, run in _agents_of(s):
            roles.setdefault(f"{event} by", {}).setdefault(src, []).append(
                (i, _person(run), run.text)
            )
    frozen = {k: frozenset(v) for k, v in names_of.items()}
    out = _count_clashes(statements, source)
    out += _tally_clashes(statements, source)
    out += _amount_clashes(statements, source)
    out += _clash_list(ages, "number", "age of")
    out += _clash_list(roles, "name", "who:", frozen)
    out += _role_phrase_clashes(statements, source, frozen)
    out += claim_clashes(statements, source)
    return out


def _count_clashes(
    statements: Sequence[Statement], source: Mapping[str, str]
) -> list[tuple[str, str, str, int, str, int, str]]:
    """Two sources each giving one count of a thing (all their figures for the unit
    agreeing) that disagree, their statements sharing a word or name besides the unit.
    Units that count many things in one story (MANY_COUNT_UNITS, money, ages, growing
    tolls) are left to the statement-pair checks."""
    counts: dict[str, dict[str, list[tuple[int, NumberMention]]]] = {}
    for i, s in enumerate(statements):
        for n in s.numbers:
            # (a unit of two letters is a measure or a clock: "400g", "11 p.m."; a count
            # with words between figure and thing is of a kind of it: "two smaller
            # community hospitals", "five grey wolves")
            bare = len(re.split(r"[\s-]+", n.text)) == 2
            if (bare and len(n.unit) > 2 and n.unit not in _NOT_ONE_COUNT
                    and n.unit not in CURRENCY_UNITS):
                counts.setdefault(n.unit, {}).setdefault(source.get(s.article, s.article), []).append((i, n))
    out = []
    for unit, by_source in counts.items():
        single = {src: found for src, found in by_source.items()
                  if all(x.agrees_with(y) for (_, x), (_, y) in zip(found, found[1:]))}
        sources = sorted(single)
        for k, sx in enumerate(sources):
            for sy in sources[k + 1:]:
                if any(x.agrees_with(y) for _, x in single[sx] for _, y in single[sy]):
                    continue
                pair = next(((i, x, j, y) for i, x in single[sx] for j, y in single[sy]
                             if _topic(statements[i]) & _topic(statements[j]) - {unit}), None)
                if pair is not None:
                    i, x, j, y = pair
                    out.append(("number", unit, f"number of {x.text.split()[-1]}", i, x.text, j, y.text))
    return out


def _amount_clashes(
    statements: Sequence[Statement], source: Mapping[str, str]
) -> list[tuple[str, str, str, int, str, int, str]]:
    """An amount or a share named by a rare word next to it ("put the cost of repairs
    at £3.8 million" / "estimates the repair bill at £6 million"; "a pay rise of 7.5%"
    / "a 6.5% increase"), each of two sources giving one figure for it, the figures
    disagreeing. Only words in few statements of the story name an amount: "the
    museum" is next to every figure of a museum story."""
    df: dict[str, int] = {}
    for s in statements:
        for word in s.stems:
            df[word] = df.get(word, 0) + 1
    rare = max(2, len(statements) // AMOUNT_WORD_SHARE)
    found: dict[tuple[str, str, str], list[tuple[int, NumberMention]]] = {}
    for i, s in enumerate(statements):
        if any(d.rank == 0 for d in s.dates):
            continue  # "last received a rise of 2.1 percent, in 2024": background
        for n in s.numbers:
            if n.unit in CURRENCY_UNITS or n.unit == "percent":
                for word in words_near(s, n) - _HEDGE_WORDS:
                    if df.get(word, 0) <= rare:
                        found.setdefault((n.unit, word, source.get(s.article, s.article)), []).append((i, n))
    single = {key: items for key, items in found.items()
              if all(x.agrees_with(y) for (_, x), (_, y) in zip(items, items[1:]))}
    out, seen = [], set()
    keys = sorted(single)
    for k, (unit, word, sx) in enumerate(keys):
        for other_unit, other_word, sy in keys[k + 1:]:
            if (other_unit, other_word) != (unit, word) or sx == sy:
                continue
            (i, x), (j, y) = single[(unit, word, sx)][0], single[(unit, word, sy)][0]
            if x.agrees_with(y) or (i, j) in seen:
                continue
            seen.add((i, j))
            out.append(("number", unit, f"amount ({word})", i, x.text, j, y.text))
    return out


def _tally_clashes(
    statements: Sequence[Statement], source: Mapping[str, str]
) -> list[tuple[str, str, str, int, str, int, str]]:
    """A vote's tally ("voted 11 to 6") given otherwise by another source ("12 to
    five"), each source giving one tally: a story's vote has one result."""
    tallies: dict[str, list[tuple[int, tuple[float, float], str]]] = {}
    for i, s in enumerate(statements):
        for x, y in zip(s.numbers, s.numbers[1:]):
            if x.unit == y.unit == "vot" and is_vote_tally(s.text, _shifted(x, s), _shifted(y, s)):
                written = s.text[x.start - s.start:y.end - s.start]
                tallies.setdefault(source.get(s.article, s.article), []).append(
                    (i, (max(x.value, y.value), min(x.value, y.value)), written))
    single = {src: found for src, found in tallies.items() if len({t for _, t, _ in found}) == 1}
    out = []
    sources = sorted(single)
    for k, sx in enumerate(sources):
        for sy in sources[k + 1:]:
            (i, tx, vx), (j, ty, vy) = single[sx][0], single[sy][0]
            if tx != ty:
                out.append(("number", "tally", "vote tally", i, vx, j, vy))
    return out


def _shifted(number: NumberMention, statement: Statement) -> NumberMention:
    """The mention with offsets into the statement's text."""
    return dataclasses.replace(number, start=number.start - statement.start, end=number.end - statement.start)


def _topic(statement: Statement) -> set[str]:
    return set(statement.stems) | set(statement.names)


def _role_phrase_clashes(
    statements: Sequence[Statement], source: Mapping[str, str], names_of: Mapping[str, frozenset[str]]
) -> list[tuple[str, str, str, int, str, int, str]]:
    """Two sources giving one role phrase (MIN_ROLE_WORDS role words in common) two
    people, neither source naming the other's person anywhere, and no source giving
    the role two people."""
    held: dict[str, list[tuple[frozenset[str], str, int, str]]] = {}  # source -> roles
    for i, s in enumerate(statements):
        for words, run in _role_phrases(s):
            held.setdefault(source.get(s.article, s.article), []).append((words, _person(run), i, run.text))
    out = []
    sources = sorted(held)
    for x, sx in enumerate(sources):
        for sy in sources[x + 1:]:
            for wx, px, i, vx in held[sx]:
                for wy, py, j, vy in held[sy]:
                    common = wx & wy
                    if px == py or len(common) < MIN_ROLE_WORDS or not common & _ONE_HOLDER:
                        continue
                    if px in names_of[sy] or py in names_of[sx]:
                        continue
                    if any(common <= w and p != person for src, person in ((sx, px), (sy, py))
                           for w, p, *_ in held[src]):
                        continue  # a role some source gives two people
                    role = " ".join(sorted(common))
                    out.append(("name", f"role:{role}", f"who: {role}", i, vx, j, vy))
    return out


