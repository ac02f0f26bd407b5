"""Compare the articles of one story: what all report, what one reports, what clashes.

Each article is cut into statements (sentences, or clauses of a sentence that carries
two facts; see :mod:`compare_units`). Statements of every pair of articles are matched
greedily, best first, by a weighted overlap of their features (names, numbers and dates
weigh more than plain words, and features common in the story weigh less); matched
statements are grouped transitively into facts. A fact carried by two or more articles
is shared, a statement matched to nothing is unique, and a matched pair whose dates,
numbers, names or polarity disagree is a conflict.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from .compare_units import Statement, mid_sentence_capitals, statements_of
from .compare_values import NumberMention, When, stem
from .model import (
    ArticleAnalysis,
    Conflict,
    ConflictVersion,
    Facts,
    FactSource,
    SharedFact,
    UniqueFact,
)
from .resources.compare import CURRENCIES, DENIAL_VERBS, NEGATIVE_WORDS

# Feature weights before the rarity factor.
WORD_WEIGHT = 1.0
NAME_WEIGHT = 2.5
NUMBER_WEIGHT = 2.5
# A date weighs by its precision: sharing "July 12" says more than sharing "2021".
DATE_WEIGHTS = (1.5, 3.0, 3.5)  # year, month, day
# Least score (weighted cosine of the two feature sets) for two statements to be taken
# as one fact, and least number of shared features (one common name is not enough).
MATCH_THRESHOLD = 0.38
MIN_SHARED_FEATURES = 3
# ... of which this many must be words, numbers or dates: names alone tie together any
# two sentences about the same people.
MIN_SHARED_CONTENT = 2
# A name or polarity clash needs more: the rest of the statements must agree closely
# (content-word closeness, names left out). So do two statements whose dates are all
# incompatible: different dates say different events unless the rest is near-identical.
STRONG_MATCH = 0.45
DATE_MISMATCH_THRESHOLD = 0.5
# A unique statement shorter than this many content words is not worth reporting.
MIN_UNIQUE_WORDS = 5
# How many shared words describe what a conflict is about.
ABOUT_WORDS = 4

_NEGATIVE_STEMS = frozenset(stem(word) for word in NEGATIVE_WORDS)
CURRENCY_UNITS = frozenset(CURRENCIES.values())

# ("w", stem) | ("n", name token) | ("#", value, unit)
Feature = tuple
Weights = dict[Feature, float]


def compare_facts(analyses: Sequence[ArticleAnalysis]) -> Facts:
    """Shared facts, unique facts and conflicts over the articles of one story."""
    known = frozenset().union(*(mid_sentence_capitals(a.sentences) for a in analyses))
    statements = [
        s for index, analysis in enumerate(analyses) for s in statements_of(analysis, index, known)
    ]
    scores = _match(statements, _rarity(statements))
    edges = sorted(scores)
    conflicts = {pair: _conflicts(statements[pair[0]], statements[pair[1]]) for pair in edges}

    # a claim conflict is a disagreement, not a fact both carry
    agreeing = [pair for pair in edges if not any(c.kind == "claim" for c in conflicts[pair])]
    facts_of = _groups(statements, agreeing, scores)
    matches_of = _groups(statements, edges, scores)

    return Facts(
        shared=tuple(_shared(statements, facts_of)),
        unique=tuple(_unique(statements, {i for pair in edges for i in pair})),
        conflicts=tuple(_merged_conflicts(statements, conflicts, matches_of)),
    )


def coverage_matrix(facts: Facts, article_ids: Iterable[str]) -> list[tuple[str, dict[str, bool]]]:
    """For each shared then unique fact, its text and which of ``article_ids`` carry it."""
    ids = list(article_ids)
    rows: list[tuple[str, dict[str, bool]]] = []
    for fact in facts.shared:
        carried = {source.article for source in fact.sources}
        rows.append((fact.text, {a: a in carried for a in ids}))
    for unique in facts.unique:
        rows.append((unique.text, {a: a == unique.article for a in ids}))
    return rows


# --- matching ------------------------------------------------------------------------


def _features(statement: Statement) -> set[Feature]:
    out: set[Feature] = {("w", s) for s in statement.stems}
    out |= {("n", n) for n in statement.names}
    out |= {("#", n.value, n.unit) for n in statement.numbers}
    return out


def _base_weight(feature: Feature) -> float:
    kind = feature[0]
    return NAME_WEIGHT if kind == "n" else NUMBER_WEIGHT if kind == "#" else WORD_WEIGHT


def _rarity(statements: list[Statement]) -> Weights:
    """Rarity of each feature in the story (1 + log N/df): the protagonist's name, in
    every sentence, ties two statements together less than a rare word does."""
    df: Counter[Feature] = Counter()
    for statement in statements:
        df.update(_features(statement))
    n = max(len(statements), 1)
    return {f: 1.0 + math.log(n / count) for f, count in df.items()}


@dataclass(frozen=True)
class _Profile:
    """A statement's features and their weight if none were shared (dates included)."""

    features: frozenset[Feature]
    unshared_total: float


def _profile(statement: Statement, rarity: Weights) -> _Profile:
    features = frozenset(_features(statement))
    # a name or number the other side lacks counts against the match as a plain word
    # would: only when shared does it weigh more (an extra detail is no contradiction)
    total = sum(rarity[f] * WORD_WEIGHT for f in features) + _date_weight(statement.dates)
    return _Profile(features, total)


def _date_weight(dates: tuple[When, ...]) -> float:
    return DATE_WEIGHTS[max(d.rank for d in dates)] if dates else 0.0


def _score(a: Statement, b: Statement, pa: _Profile, pb: _Profile, rarity: Weights) -> float:
    """Weighted cosine of the two feature sets; 0 when the pair fails a requirement."""
    shared = pa.features & pb.features
    if len(shared) + 1 < MIN_SHARED_FEATURES:
        return 0.0  # cheap exit: even a date in common would not be enough
    common = sum(rarity[f] * _base_weight(f) for f in shared)
    bonus = common - sum(rarity[f] * WORD_WEIGHT for f in shared)
    total_a, total_b = pa.unshared_total + bonus, pb.unshared_total + bonus
    in_common = len(shared)
    content = sum(1 for f in shared if f[0] != "n")
    dates_clash = False
    if a.dates and b.dates:
        ranks = [min(x.rank, y.rank) for x in a.dates for y in b.dates if x.compatible(y)]
        if ranks:
            common += DATE_WEIGHTS[max(ranks)]
            in_common += 1
            content += 1
        else:
            dates_clash = True
    if in_common < MIN_SHARED_FEATURES or content < MIN_SHARED_CONTENT:
        return 0.0
    score = common / math.sqrt(total_a * total_b)
    if dates_clash and (score < DATE_MISMATCH_THRESHOLD or _closeness(a, b) < STRONG_MATCH):
        return 0.0
    return score


def _match(statements: list[Statement], rarity: Weights) -> dict[tuple[int, int], float]:
    """Greedy one-to-one matching, best score first, for each pair of articles: the
    matched pairs of statement indexes and their scores."""
    profiles = [_profile(s, rarity) for s in statements]
    by_article: dict[int, list[int]] = {}
    for i, s in enumerate(statements):
        by_article.setdefault(s.article_index, []).append(i)
    articles = sorted(by_article)
    edges: dict[tuple[int, int], float] = {}
    for x, ax in enumerate(articles):
        for ay in articles[x + 1:]:
            if statements[by_article[ax][0]].article == statements[by_article[ay][0]].article:
                continue  # the same article given twice carries nothing new
            candidates = []
            for i in by_article[ax]:
                for j in by_article[ay]:
                    score = _score(statements[i], statements[j], profiles[i], profiles[j], rarity)
                    if score >= MATCH_THRESHOLD:
                        candidates.append((-score, i, j))
            used: set[int] = set()
            for score, i, j in sorted(candidates):
                if i not in used and j not in used:
                    used.update((i, j))
                    edges[(i, j)] = -score
    return edges


def _groups(statements: list[Statement], edges: list[tuple[int, int]], scores: dict) -> list[int]:
    """Union-find over the edges, best first: the root of each statement's group. Two
    groups that already hold a statement of the same article are not joined: chains of
    matches would otherwise merge neighbouring facts into one."""
    size = len(statements)
    parent = list(range(size))
    articles = [{s.article} for s in statements]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(edges, key=lambda pair: (-scores[pair], pair)):
        ri, rj = find(i), find(j)
        if ri == rj or articles[ri] & articles[rj]:
            continue
        low, high = min(ri, rj), max(ri, rj)
        parent[high] = low
        articles[low] |= articles[high]
    return [find(i) for i in range(size)]


def _order(statement: Statement) -> tuple[int, int]:
    return statement.article_index, statement.start


def _shared(statements: list[Statement], roots: list[int]) -> list[SharedFact]:
    members: dict[int, list[Statement]] = {}
    for i, root in enumerate(roots):
        members.setdefault(root, []).append(statements[i])
    facts = []
    for group in members.values():
        if len({s.article for s in group}) < 2:
            continue
        group.sort(key=_order)
        sources = tuple(FactSource(s.article, s.start, s.end) for s in group)
        facts.append((_order(group[0]), SharedFact(text=group[0].text, sources=sources)))
    return [fact for _, fact in sorted(facts, key=lambda pair: pair[0])]


def _unique(statements: list[Statement], matched: set[int]) -> list[UniqueFact]:
    out = [
        s for i, s in enumerate(statements)
        if i not in matched and s.content_count >= MIN_UNIQUE_WORDS
    ]
    out.sort(key=_order)
    return [UniqueFact(s.article, s.text, s.start, s.end) for s in out]


# --- conflicts -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Clash:
    kind: str
    key: str  # what is compared (a unit, a role slot) so clashes merge across pairs
    about: str
    value_a: str
    value_b: str


def _conflicts(a: Statement, b: Statement) -> list[_Clash]:
    about = _about(a, b)
    clashes: list[_Clash] = []
    date = _date_clash(a.dates, b.dates)
    if date is not None:
        clashes.append(_Clash("date", "date", f"date: {about}", date[0].text, date[1].text))
    for unit, (x, y) in _number_clashes(a, b).items():
        clashes.append(_Clash("number", unit.unit, f"{_unit_label(unit)}: {about}", x, y))
    strong = _closeness(a, b) >= STRONG_MATCH
    if strong:
        name = _name_clash(a, b)
        if name is not None:
            slot, x, y = name
            role = a.surface(slot.split(":", 1)[1]).lower()
            clashes.append(_Clash("name", slot, f"name ({role}): {about}", x, y))
        claim = _claim_clash(a, b)
        if claim is not None:
            clashes.append(_Clash("claim", "claim", f"claim: {about}", claim[0], claim[1]))
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


def _closeness(a: Statement, b: Statement) -> float:
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
    """Per unit counted on both sides with no value in common: the first mention of each
    (keyed by the first side's mention, which names the unit)."""
    out: dict[NumberMention, tuple[str, str]] = {}
    units = {n.unit for n in a.numbers if n.unit} & {n.unit for n in b.numbers if n.unit}
    for unit in sorted(units):
        xs = [n for n in a.numbers if n.unit == unit]
        ys = [n for n in b.numbers if n.unit == unit]
        if {n.value for n in xs}.isdisjoint({n.value for n in ys}):
            out[xs[0]] = (xs[0].text, ys[0].text)
    return out


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


def _merged_conflicts(
    statements: list[Statement],
    clashes: dict[tuple[int, int], list[_Clash]],
    roots: list[int],
) -> list[Conflict]:
    """One conflict per matched group and kind and unit/slot, versions from every pair."""
    merged: dict[tuple[int, str, str], tuple[str, dict[int, str]]] = {}
    for (i, j), found in sorted(clashes.items()):
        for clash in found:
            key = (roots[i], clash.kind, clash.key)
            about, versions = merged.setdefault(key, (clash.about, {}))
            versions.setdefault(i, clash.value_a)
            versions.setdefault(j, clash.value_b)
    out = []
    for (_, kind, _), (about, versions) in merged.items():
        ordered = sorted(versions, key=lambda k: _order(statements[k]))
        conflict = Conflict(
            kind=kind,  # type: ignore[arg-type]
            about=about,
            versions=tuple(
                ConflictVersion(
                    statements[k].article, versions[k], statements[k].text,
                    statements[k].start, statements[k].end,
                )
                for k in ordered
            ),
        )
        out.append((_order(statements[ordered[0]]), kind, conflict))
    return [c for *_, c in sorted(out, key=lambda t: (t[0], t[1]))]
