"""Claim conflicts: one source says a thing happened, another that it did not.

- in two matched statements, one side denies a word the other asserts;
- story-wide, however the statements were paired: a denial ("No alarm went off",
  "refused to concede", "ruled out the line") against another source's assertion of
  the denied word ("An alarm sounded at 2:40") with another content word in common,
  each denial meeting only the closest assertion of each other source; or "admitted"
  against "denied" about the same thing.

Both sides saying no ("given insufficient weight" / "failed to give") is no clash.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .compare_units import Statement
from .compare_values import TOKEN, canonical, stem
from .resources.compare import (
    ANTONYM_CLAIMS,
    DENIAL_PHRASES,
    DENIAL_VERBS,
    DENIED_REPORTS,
    DENIED_WORDS,
    FLAT_DENIALS,
    MIN_CLAIM_SHARED,
    MONTHS,
    NEGATIVE_WORDS,
    OTHER_SENSES,
    REFUSAL_VERBS,
    WEEKDAYS,
    WITHOUT,
)
from .resources.compare import STOPWORDS as _STOPWORDS

_NEGATIVE_STEMS = frozenset(canonical(stem(word)) for word in NEGATIVE_WORDS)
# words after a denial verb that are not what it denies ("denied on Thursday reports")
_NOT_DENIED = _STOPWORDS | set(WEEKDAYS) | set(MONTHS) | DENIED_REPORTS
# cues that deny an act outright, like "never": "refused to concede", "without shaking",
# "ruled out the line"
_FLAT_CUES = FLAT_DENIALS | REFUSAL_VERBS | {WITHOUT} | {first for first, _ in DENIAL_PHRASES}


def pair_claim_clash(a: Statement, b: Statement) -> tuple[str, str] | None:
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


def _content(statement: Statement) -> set[str]:
    """Content stems (names are never among a statement's stems; the story's names are
    in every other sentence and say nothing about two statements being about one
    thing)."""
    return {s for s in statement.stems if s not in _STOPWORDS}


def claim_clashes(
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
