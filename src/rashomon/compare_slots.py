"""Conflicts found story-wide, whatever statements the matcher paired: a person's age,
the holder of a role there is one of, the doer of an act, the one count of a thing, a
vote's tally, an amount named by rare words, and (through :mod:`compare_claims`) a
claim one source makes and another denies.

Outlets word the same fact so differently that sentence matching misses much of it;
some disagreements are still plain from small, reliable slots:

- age: "Elin Maddox, 34," in one source and "Elin Maddox, 43," in another;
- role: the judge, the guard, the captain (roles a story has one holder of, listed in
  resources), or a role written in two words or more ("the chief engineer in charge
  of the dam" / "engineer in charge"), named as one person by one source and as
  another by another, where neither source ever names the other's person;
- count: the one count a story has of a thing ("14 turbines", "four batches") given
  as one figure by one source and as another by another, each source consistent;
- tally: a vote's result ("11 to 6" / "12 to five"); amount: a sum or a share named by
  two rare words next to it ("the cost of repairs");
- claim: a statement that denies something ("No alarm went off") against one of
  another source that asserts it ("An alarm sounded at 2:40"), the denied word and one
  more content word in common; or "admitted" against "denied" about the same thing.

Copies of one wire story (:mod:`rashomon.syndication`) are one source.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from itertools import combinations
from types import MappingProxyType

from .compare_claims import claim_clashes
from .compare_clash import words_near
from .compare_units import NameRun, Statement
from .compare_values import TOKEN, NumberMention, canonical, is_money, is_vote_tally, stem
from .resources.compare import (
    AGE_REACH,
    AGENT_REACH,
    AMOUNT_WORD_SHARE,
    APPOSITIVE_ROLE,
    BY_AGENT,
    EVENT_OF,
    GROWING_COUNTS,
    HEAD_TEACHER,
    HEDGES,
    MANY_COUNT_UNITS,
    MIN_ROLE_WORDS,
    ROLE_ARTICLES,
    ROLE_HEAD_WORDS,
    ROLE_JOINERS,
    ROLE_OF,
    ROLE_PHRASE_WORDS,
    ROLE_SAME,
    SINGLE_ROLE_WORDS,
    TALLY_TOTAL_SLACK,
    TITLES,
)
from .resources.compare import STOPWORDS as _STOPWORDS

SINGLE_ROLES = frozenset(stem(word) for word in SINGLE_ROLE_WORDS)
# one role written as other words ("headmistress", "head teacher")
_ROLE_FOLD = MappingProxyType(
    {stem(word): stem(same) for word, same in ROLE_SAME.items() if same in SINGLE_ROLE_WORDS}
)
_HEAD_TEACHER = stem("headteacher")
# units with no one count in a story: many kinds of thing, and tolls that grow
_NOT_ONE_COUNT = frozenset(canonical(stem(w)) for w in (*MANY_COUNT_UNITS, *GROWING_COUNTS)) | {"age"}
# role words that make a role phrase one person's ("engineer in charge", "safety chief")
_EVENT_STEMS = frozenset(canonical(stem(word)) for word in EVENT_OF)
_TITLE_STEMS = frozenset(canonical(stem(word)) for word in (*TITLES, *SINGLE_ROLE_WORDS))
_VOTE_STEMS = frozenset({"vot", "ballot"})
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


@dataclass(frozen=True)
class _RolePhrase:
    words: frozenset[str]  # folded role stems ("boss", "engineer", "charg")
    run: NameRun
    written: str  # the role as the text gives it ("chief engineer in charge")
    of: frozenset[str]  # name tokens of what the role is of ("Harbour Foods"), if said


def _role_phrases(statement: Statement) -> list[_RolePhrase]:
    """Each full name written with a role phrase of two words or more: before it
    ("engineer in charge Gareth Penhale"), or set off by commas before or after it ("the
    chief engineer, Corinne Ashdale", "Corinne Ashdale, the chief engineer in charge of
    Brisk Dam,"), with the name the role is "of" or "at" when the phrase gives one."""
    out: list[_RolePhrase] = []
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
        phrase = list(reversed(_role_run(reversed(before), first)))
        if not phrase and text[:start].rstrip().endswith(","):
            before = _words(text[:start].rstrip()[:-1])
            phrase = list(reversed(_role_run(reversed(before), first)))
        after = ""
        if not phrase and text[end:].lstrip().startswith(","):
            after = text[end:].lstrip()[1:].split(",")[0]
            phrase = _role_run(_words(after))
        words = frozenset(canonical(stem(ROLE_SAME.get(w.lower(), w.lower()))) for w in phrase
                          if w.lower() not in ROLE_JOINERS)
        # "Ruth Callander, head of safety at operator Harrowdale Mining": one phrase,
        # read both as her role and as the company's; it is hers
        if len(words) >= MIN_ROLE_WORDS and all(words != p.words for p in out):
            of = ROLE_OF.search(after)
            of_tokens = frozenset(of.group(1).lower().split()) if of else frozenset()
            out.append(_RolePhrase(words, run, " ".join(phrase), of_tokens))
    return out


def _words(text: str) -> list[str]:
    return [m.group() for m in TOKEN.finditer(text)]


def _role_run(words: Iterable[str], capitalised: Set[str] = frozenset()) -> list[str]:
    """The role words at the head of ``words`` (read away from the name), as written:
    lower-case words (and the ``capitalised`` ones) over joining words, up to the first
    other word or ROLE_PHRASE_WORDS role words; an article ("the") may open the phrase."""
    found: list[str] = []
    content = 0
    for k, word in enumerate(words):
        lower = word.lower()
        if lower in ROLE_ARTICLES and k == 0:
            continue
        if lower in ROLE_JOINERS:
            if found:
                found.append(word)
            continue
        if not (word.islower() or word in capitalised):
            break
        if lower in _STOPWORDS or lower.endswith(("ed", "ing")) or not lower.isalpha():
            break
        found.append(word)
        content += 1
        if content == ROLE_PHRASE_WORDS:
            break
    while found and found[-1].lower() in ROLE_JOINERS:
        found.pop()  # a joining word at the phrase's end belongs to what follows
    return found


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
    # the doer of one act: two announcements by two people are two acts unless the
    # statements share a word besides the act ("announced her resignation" /
    # "announced an inquiry")
    out += [c for c in _clash_list(roles, "name", "who:", frozen)
            if not c[1].endswith(" by") or _same_act(statements[c[3]], statements[c[5]])]
    out += _role_phrase_clashes(statements, source, frozen)
    out += claim_clashes(statements, source)
    return out


def _same_act(a: Statement, b: Statement) -> bool:
    """Two statements of one act share a content word besides the act's own verbs and
    the people's titles ("chief")."""
    return bool((a.stems & b.stems) - _EVENT_STEMS - _TITLE_STEMS)


def _consistent(figures: Sequence[NumberMention]) -> bool:
    """Every two of a source's figures for one thing agree (hedges are no chain: "about
    9,000" agreeing with 8,600 and with 9,400 does not make those agree)."""
    return all(x.agrees_with(y) for x, y in combinations(figures, 2))


def _count_clashes(
    statements: Sequence[Statement], source: Mapping[str, str]
) -> list[tuple[str, str, str, int, str, int, str]]:
    """Two sources each giving one count of a thing (all their figures for the unit
    agreeing) that disagree, their statements sharing a content word besides the unit
    (a name is not enough: "two vehicles collided on the A38" / "40 vehicles were stuck
    on the A38"). Units that count many things in one story (MANY_COUNT_UNITS, money,
    ages, growing tolls) are left to the statement-pair checks."""
    counts: dict[str, dict[str, list[tuple[int, NumberMention]]]] = {}
    for i, s in enumerate(statements):
        for n in s.numbers:
            # a count with words between figure and thing is of a kind of it ("two
            # smaller community hospitals", "five grey wolves", "a four-storey block");
            # a unit of two letters is a measure or a clock ("400g", "11 p.m.")
            bare = len(n.text.split()) == 2 and "-" not in n.text
            if (bare and len(n.unit) > 2 and n.unit not in _NOT_ONE_COUNT
                    and not is_money(n.unit)):
                counts.setdefault(n.unit, {}).setdefault(source.get(s.article, s.article), []).append((i, n))
    out = []
    for unit, by_source in counts.items():
        single = {src: found for src, found in by_source.items() if _consistent([n for _, n in found])}
        sources = sorted(single)
        for k, sx in enumerate(sources):
            for sy in sources[k + 1:]:
                if any(x.agrees_with(y) for _, x in single[sx] for _, y in single[sy]):
                    continue
                pair = next(((i, x, j, y) for i, x in single[sx] for j, y in single[sy]
                             if (statements[i].stems & statements[j].stems) - {unit}), None)
                if pair is not None:
                    i, x, j, y = pair
                    out.append(("number", unit, f"number of {x.text.split()[-1]}", i, x.text, j, y.text))
    return out


def _amount_clashes(
    statements: Sequence[Statement], source: Mapping[str, str]
) -> list[tuple[str, str, str, int, str, int, str]]:
    """An amount or a share named by rare words next to it ("put the cost of repairs
    at £3.8 million" / "estimates the repairs cost at £6 million"; "a pay rise of 7.5%"
    / "a 6.5% pay increase"), each of two sources giving one figure for it, the figures
    disagreeing. Two rare words in common are needed ("repairs to the bridge will cost
    £2 million" and "repairs to the school roof £300,000" share one), and only words in
    few statements of the story count ("the museum" is next to every figure of a
    museum story)."""
    df: dict[str, int] = {}
    for s in statements:
        for word in s.stems:
            df[word] = df.get(word, 0) + 1
    rare = max(2, len(statements) // AMOUNT_WORD_SHARE)
    found: dict[tuple[str, frozenset[str], str], list[tuple[int, NumberMention]]] = {}
    for i, s in enumerate(statements):
        if any(d.rank == 0 for d in s.dates):
            continue  # "last received a rise of 2.1 percent, in 2024": background
        for n in s.numbers:
            if is_money(n.unit) or n.unit == "percent":
                near = frozenset(w for w in words_near(s, n) - _HEDGE_WORDS if df.get(w, 0) <= rare)
                for pair in combinations(sorted(near), 2):
                    found.setdefault((n.unit, frozenset(pair), source.get(s.article, s.article)), []).append((i, n))
    by_thing: dict[tuple[str, frozenset[str]], list[str]] = {}
    for unit, words, src in found:
        if _consistent([n for _, n in found[(unit, words, src)]]):
            by_thing.setdefault((unit, words), []).append(src)
    out, seen = [], set()
    for (unit, words), sources in sorted(by_thing.items(), key=lambda item: (item[0][0], sorted(item[0][1]))):
        for k, sx in enumerate(sorted(sources)):
            for sy in sorted(sources)[k + 1:]:
                (i, x), (j, y) = found[(unit, words, sx)][0], found[(unit, words, sy)][0]
                if x.agrees_with(y) or (i, j) in seen:
                    continue
                seen.add((i, j))
                label = " ".join(statements[i].surface(w) for w in sorted(words))
                out.append(("number", unit, f"amount ({label})", i, x.text, j, y.text))
    return out


def _tally_clashes(
    statements: Sequence[Statement], source: Mapping[str, str]
) -> list[tuple[str, str, str, int, str, int, str]]:
    """A vote's tally ("voted 11 to 6") given otherwise by another source ("12 to
    five"), each source giving one tally, the two statements sharing a content word
    besides the vote or the tallies adding up to about as many votes ("councillors
    voted 11 to 6 to approve the library budget" and "the committee voted 5-2 to reject
    the harbour scheme" are two votes)."""
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
            # one vote: a content word in common, or as many votes cast (give or take
            # an abstention or two: "11 to 6" / "12 to five" in one chamber of 17)
            same_body = abs(sum(tx) - sum(ty)) <= TALLY_TOTAL_SLACK
            if tx != ty and (same_body or (statements[i].stems & statements[j].stems) - _VOTE_STEMS):
                out.append(("number", "tally", "vote tally", i, vx, j, vy))
    return out


def _shifted(number: NumberMention, statement: Statement) -> NumberMention:
    """The mention with offsets into the statement's text."""
    return dataclasses.replace(number, start=number.start - statement.start, end=number.end - statement.start)


def _role_phrase_clashes(
    statements: Sequence[Statement], source: Mapping[str, str], names_of: Mapping[str, frozenset[str]]
) -> list[tuple[str, str, str, int, str, int, str]]:
    """Two sources giving one role phrase (MIN_ROLE_WORDS role words in common) two
    people, neither source naming the other's person anywhere, no source giving the
    role two people, and the role not said to be of two different things ("chief
    executive of Harbour Foods" / "chief executive of Dock Farms")."""
    held: dict[str, list[tuple[_RolePhrase, int]]] = {}  # source -> role phrases
    for i, s in enumerate(statements):
        for phrase in _role_phrases(s):
            held.setdefault(source.get(s.article, s.article), []).append((phrase, i))
    out = []
    sources = sorted(held)
    for x, sx in enumerate(sources):
        for sy in sources[x + 1:]:
            for rx, i in held[sx]:
                for ry, j in held[sy]:
                    px, py = _person(rx.run), _person(ry.run)
                    common = rx.words & ry.words
                    if px == py or len(common) < MIN_ROLE_WORDS or not common & _ONE_HOLDER:
                        continue
                    if px in names_of[sy] or py in names_of[sx]:
                        continue
                    if rx.of and ry.of and not rx.of & ry.of:
                        continue
                    if any(common <= r.words and _person(r.run) != person
                           for src, person in ((sx, px), (sy, py)) for r, _ in held[src]):
                        continue  # a role some source gives two people
                    key = " ".join(sorted(common))
                    out.append(("name", f"role:{key}", f"who: {rx.written}", i, rx.run.text, j, ry.run.text))
    return out
