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

from .compare_units import NameRun, Statement
from .compare_values import TOKEN, NumberMention, canonical, is_vote_tally, stem
from .resources.compare import (
    AGE_REACH,
    AGENT_REACH,
    ANTONYM_CLAIMS,
    APPOSITIVE_ROLE,
    BY_AGENT,
    CURRENCIES,
    DENIAL_PHRASES,
    DENIAL_VERBS,
    DENIED_REPORTS,
    DENIED_WORDS,
    FLAT_DENIALS,
    GROWING_COUNTS,
    MANY_COUNT_UNITS,
    MIN_CLAIM_SHARED,
    MIN_ROLE_WORDS,
    MONTHS,
    NEGATIVE_WORDS,
    OTHER_SENSES,
    REFUSAL_VERBS,
    ROLE_ARTICLES,
    ROLE_HEAD_WORDS,
    ROLE_JOINERS,
    ROLE_PHRASE_WORDS,
    ROLE_SAME,
    SINGLE_ROLE_WORDS,
    WEEKDAYS,
    WITHOUT,
)
from .resources.compare import STOPWORDS as _STOPWORDS

SINGLE_ROLES = frozenset(stem(word) for word in SINGLE_ROLE_WORDS)
# units with no one count in a story: many kinds of thing, and tolls that grow
_NOT_ONE_COUNT = MANY_COUNT_UNITS | {canonical(stem(w)) for w in GROWING_COUNTS} | {"age"}
CURRENCY_UNITS = frozenset(CURRENCIES.values())
_NEGATIVE_STEMS = frozenset(canonical(stem(word)) for word in NEGATIVE_WORDS)
# role words that make a role phrase one person's ("engineer in charge", "safety chief")
_ONE_HOLDER = SINGLE_ROLES | {canonical(stem(word)) for word in ROLE_HEAD_WORDS}
# words after a denial verb that are not what it denies ("denied on Thursday reports")
_NOT_DENIED = _STOPWORDS | set(WEEKDAYS) | set(MONTHS) | DENIED_REPORTS
# cues that deny an act outright, like "never": "refused to concede", "without shaking",
# "ruled out the line"
_FLAT_CUES = FLAT_DENIALS | REFUSAL_VERBS | {WITHOUT} | {first for first, _ in DENIAL_PHRASES}


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
    out += _clash_list(ages, "number", "age of")
    out += _clash_list(roles, "name", "who:", frozen)
    out += _role_phrase_clashes(statements, source, frozen)
    out += _claim_clashes(statements, source)
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


def _content(statement: Statement) -> set[str]:
    """Content stems, names left out: the story's names are in every other sentence and
    say nothing about two statements being about one thing."""
    return {s for s in statement.stems if s not in _STOPWORDS}


def _claim_clashes(
    statements: Sequence[Statement], source: Mapping[str, str]
) -> list[tuple[str, str, str, int, str, int, str]]:
    """A denial against an assertion of the same thing by another source: for each
    statement and each other source, the statement of that source it clashes with
    that has the most content words in common with it ("ruled out the line" meets
    "a power line sparked the fire", not every mention of fire lines)."""
    antonyms = [(canonical(stem(a)), canonical(stem(b))) for a, b in ANTONYM_CLAIMS]
    antonyms += [(b, a) for a, b in antonyms]  # either side may say either word
    content = [_content(s) for s in statements]
    said = [_said_words(s) for s in statements]
    best: dict[tuple[int, str], tuple[int, tuple]] = {}
    for i, j in _claim_candidates(statements, said, antonyms):
        x, y = statements[i], statements[j]
        sx, sy = source.get(x.article, x.article), source.get(y.article, y.article)
        if sx != sy:
            shared = content[i] & content[j]
            clash = _denial_clash(x, y, shared) or _antonym_clash(
                x, y, said[i], said[j], shared, antonyms
            )
            if clash is not None:
                key, about, vx, vy = clash
                found = ("claim", key, about, i, vx, j, vy)
                # the denying side picks its partner; an antonym pair, either side
                deniers = [k for k, v, s in ((i, vx, x), (j, vy, y))
                           if any(v == n.cue for n in s.negations)] or [i, j]
                for mine in deniers:
                    theirs = sy if mine == i else sx
                    if (mine, theirs) not in best or best[(mine, theirs)][0] < len(shared):
                        best[(mine, theirs)] = (len(shared), found)
    return sorted({found for _, found in best.values()}, key=lambda c: (c[3], c[5]))


def _claim_candidates(
    statements: Sequence[Statement], said: Sequence[set[str]], antonyms: Sequence[tuple[str, str]]
) -> list[tuple[int, int]]:
    """Pairs (i < j) that can clash: one denies a word the other says, or one says a
    word whose opposite the other says. Found through an index of the words, so a
    large story is not compared pair by pair."""
    holders: dict[str, list[int]] = {}
    for i, words in enumerate(said):
        for word in words:
            holders.setdefault(word, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for i, s in enumerate(statements):
        wanted = {word for n in s.negations for word in n.denies}
        wanted |= {opposite for word, opposite in antonyms if word in said[i]}
        for word in wanted:
            pairs.update((min(i, j), max(i, j)) for j in holders.get(word, ()) if j != i)
    return sorted(pairs)


def _denial_clash(x: Statement, y: Statement, shared: set[str]) -> tuple[str, str, str, str] | None:
    """One side denies a word ("No alarm went off") the other asserts without any
    negation ("An alarm sounded"), with another content word in common; a verb's
    negation ("has not been named", "cannot be closed") says less about a thing being
    so or not, and needs two more words in common."""
    # a full name both write ("Westerly Isles Ferries") is one more thing in common
    named = any(len(a.tokens) > 1 and a.tokens == b.tokens for a in x.name_runs for b in y.name_runs)
    for neg, pos in ((x, y), (y, x)):
        for n in neg.negations:
            # the denied word the other side says, or two of the phrase it opens ("no
            # formal heat warning" meets "an official heat warning"; "no back pay" does
            # not meet "a pay deal")
            said = sorted(n.denies & pos.stems)
            if n.scope not in said and len(said) < 2:
                continue
            scope = n.scope if n.scope in said else said[0]
            if scope in pos.negated or _said_no_to(pos, scope):
                continue  # both sides say no to it ("not resumed" / "without resuming")
            needed = MIN_CLAIM_SHARED + 2 * (n.cue.split()[0].lower() not in _FLAT_CUES)
            if len(shared - n.denies) + named >= needed:
                asserted = pos.surface(scope)
                values = (n.cue, asserted) if neg is x else (asserted, n.cue)
                return "claim", f"claim: {asserted}", *values
    return None


def _said_no_to(statement: Statement, word: str) -> bool:
    """Whether a word that says no stands right next to ``word`` (the content word
    before or after it): "given insufficient weight" says no to giving, as "failed to
    give" does; "warning that the radar had failed" still warns."""
    stems = [s for s, _ in statement.surfaces]
    for k, s in enumerate(stems):
        if s == word and any(near in _NEGATIVE_STEMS and near != word
                             for near in stems[max(0, k - 1):k + 2]):
            return True
    return False


def _antonym_clash(
    x: Statement, y: Statement, xs: set[str], ys: set[str], shared: set[str],
    antonyms: Sequence[tuple[str, str]],
) -> tuple[str, str, str, str] | None:
    """One side says a word ("admitted") whose opposite ("denied") the other says,
    about the same thing (three content words in common: "confirmed a strike" and
    "denied hiring agency staff" share the story, not the thing)."""
    for word, opposite in antonyms:
        if word in xs and opposite in ys and word not in ys and opposite not in xs:
            # "denied hiring agency staff" against "confirmed a strike": what is denied
            # must be what the other side says
            if _denies_other(x, y) or _denies_other(y, x):
                continue
            if len(shared - {word, opposite}) >= MIN_CLAIM_SHARED + 2:
                a, b = _said_as(x, word), _said_as(y, opposite)
                return "claim", f"claim: {a} or {b}", a, b
    return None


def _denies_other(denier: Statement, other: Statement) -> bool:
    """Whether ``denier`` denies an act ("denied hiring agency staff") that ``other``
    does not speak of: none of the first DENIED_WORDS content words after the denial
    verb ("denied that any charity money went") is in ``other``."""
    for n in denier.negations:
        if not n.scope or n.cue.split()[0].lower() not in DENIAL_VERBS:
            continue
        after = denier.text[n.start - denier.start + len(n.cue.split()[0]):]
        words = [canonical(stem(m.group())) for m in TOKEN.finditer(after)
                 if m.group().lower() not in _NOT_DENIED][:DENIED_WORDS]
        if not set(words) & other.stems:
            return True
    return False


def _said_words(statement: Statement) -> set[str]:
    """The statement's content stems and the stems of its denial verbs ("denied" is a
    negation cue, not a content word)."""
    cues = {canonical(stem(n.cue.split()[0])) for n in statement.negations}
    other = {canonical(stem(w)) for w, use in OTHER_SENSES.items() if use.search(statement.text)}
    return (set(statement.stems) | cues) - other


def _said_as(statement: Statement, key: str) -> str:
    """A stem as the statement writes it, denial cues included."""
    for n in statement.negations:
        if canonical(stem(n.cue.split()[0])) == key:
            return n.cue.split()[0]
    return statement.surface(key)
