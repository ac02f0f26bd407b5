"""Conflicts found story-wide, whatever statements the matcher paired: a person's age,
the holder of a role there is one of, and a claim one source makes and another denies.

Outlets word the same fact so differently that sentence matching misses much of it;
some disagreements are still plain from small, reliable slots:

- age: "Elin Maddox, 34," in one source and "Elin Maddox, 43," in another;
- role: the judge, the guard, the captain (roles a story has one holder of, listed in
  resources) named as one person by one source and as another by another, where
  neither source ever names the other's person;
- claim: a statement that denies something ("No alarm went off") against one of
  another source that asserts it ("An alarm sounded at 2:40"), the denied word and one
  more content word in common; or "admitted" against "denied" about the same thing.

Copies of one wire story (:mod:`rashomon.syndication`) are one source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .compare_units import NameRun, Statement
from .compare_values import canonical, stem
from .resources.compare import (
    AGE_REACH,
    AGENT_REACH,
    ANTONYM_CLAIMS,
    APPOSITIVE_ROLE,
    BY_AGENT,
    FLAT_DENIALS,
    MIN_CLAIM_SHARED,
    OTHER_SENSES,
    SINGLE_ROLE_WORDS,
)
from .resources.compare import STOPWORDS as _STOPWORDS

SINGLE_ROLES = frozenset(stem(word) for word in SINGLE_ROLE_WORDS)


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


def _agents_of(statement: Statement) -> list[tuple[str, NameRun]]:
    """(event, name run) for a named person who did the statement's event, in the
    passive ("was spotted on Thursday by volunteer Owen Trask", "located by a dog
    handler, Nia Castell"): the slot "who found her"."""
    if not statement.events:
        return []
    out = []
    for run in statement.name_runs:
        if len(run.text.split()) < 2:
            continue
        before = statement.text[max(0, run.start - statement.start - AGENT_REACH) : run.start - statement.start]
        by = BY_AGENT.search(before)
        if by is None:
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
    out = _clash_list(ages, "number", "age of")
    out += _clash_list(roles, "name", "who:", frozen)
    out += _claim_clashes(statements, source)
    return out


def _content(statement: Statement) -> set[str]:
    """Content stems, names left out: the story's names are in every other sentence and
    say nothing about two statements being about one thing."""
    return {s for s in statement.stems if s not in _STOPWORDS}


def _claim_clashes(
    statements: Sequence[Statement], source: Mapping[str, str]
) -> list[tuple[str, str, str, int, str, int, str]]:
    """A denial against an assertion of the same thing by another source."""
    out = []
    antonyms = [(canonical(stem(a)), canonical(stem(b))) for a, b in ANTONYM_CLAIMS]
    antonyms += [(b, a) for a, b in antonyms]  # either side may say either word
    content = [_content(s) for s in statements]
    said = [_said_words(s) for s in statements]
    for i, j in _claim_candidates(statements, said, antonyms):
        x, y = statements[i], statements[j]
        if source.get(x.article, x.article) != source.get(y.article, y.article):
            shared = content[i] & content[j]
            clash = _denial_clash(x, y, shared) or _antonym_clash(
                x, y, said[i], said[j], shared, antonyms
            )
            if clash is not None:
                key, about, vx, vy = clash
                out.append(("claim", key, about, i, vx, j, vy))
    return out


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
        wanted = {n.scope for n in s.negations if n.scope}
        wanted |= {opposite for word, opposite in antonyms if word in said[i]}
        for word in wanted:
            pairs.update((min(i, j), max(i, j)) for j in holders.get(word, ()) if j != i)
    return sorted(pairs)


def _denial_clash(x: Statement, y: Statement, shared: set[str]) -> tuple[str, str, str, str] | None:
    """One side denies a word ("No alarm went off") the other asserts without any
    negation ("An alarm sounded"), with another content word in common; a verb's
    negation ("has not been named", "cannot be closed") says less about a thing being
    so or not, and needs two more words in common."""
    for neg, pos in ((x, y), (y, x)):
        if pos.negations:
            continue
        for n in neg.negations:
            scope = n.scope
            needed = MIN_CLAIM_SHARED + 2 * (n.cue.split()[0].lower() not in FLAT_DENIALS)
            if scope and scope in pos.stems and len(shared - {scope}) >= needed:
                asserted = pos.surface(scope)
                values = (n.cue, asserted) if neg is x else (asserted, n.cue)
                return "claim", f"claim: {asserted}", *values
    return None


def _antonym_clash(
    x: Statement, y: Statement, xs: set[str], ys: set[str], shared: set[str],
    antonyms: Sequence[tuple[str, str]],
) -> tuple[str, str, str, str] | None:
    """One side says a word ("admitted") whose opposite ("denied") the other says,
    about the same thing (three content words in common: "confirmed a strike" and
    "denied hiring agency staff" share the story, not the thing)."""
    for word, opposite in antonyms:
        if word in xs and opposite in ys and word not in ys and opposite not in xs:
            if len(shared - {word, opposite}) >= MIN_CLAIM_SHARED + 2:
                a, b = _said_as(x, word), _said_as(y, opposite)
                return "claim", f"claim: {a} or {b}", a, b
    return None


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
