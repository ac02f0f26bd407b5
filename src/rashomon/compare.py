"""Compare the articles of one story: what all report, what one reports, what clashes.

Each article is cut into statements (sentences, or clauses of a sentence that carries
two facts; see :mod:`compare_units`). Statements of every pair of articles are matched
greedily, best first, by a weighted overlap of their features (names, numbers and dates
weigh more than plain words, and features common in the story weigh less); matched
statements are grouped transitively into facts. A fact carried by two or more articles
is shared, a statement matched to nothing and in no conflict is unique, and a matched
pair whose dates, numbers, names or polarity disagree is a conflict (see
:mod:`compare_conflicts`), as are two statements anywhere in the story that give the
same event a different date or count. Two statements that clash are never grouped into
one shared fact: the report would otherwise show as agreed what the outlets dispute.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .compare_clash import closeness, order
from .compare_conflicts import conflicts_of
from .compare_units import Statement, lower_case_words, mid_sentence_capitals, statements_of
from .compare_updates import merge_updates, split_updates, toll_updates
from .compare_values import When
from .disjoint import DisjointSets
from .model import ArticleAnalysis, Facts, FactSource, SharedFact, UniqueFact
from .resources.compare import (
    DATE_MISMATCH_THRESHOLD,
    DATE_WEIGHTS,
    EVENT_WEIGHT,
    MATCH_THRESHOLD,
    MIN_SHARED_CONTENT,
    MIN_SHARED_FEATURES,
    MIN_UNIQUE_WORDS,
    NAME_WEIGHT,
    NUMBER_WEIGHT,
    RARE_NAME,
    STRONG_MATCH,
    WORD_WEIGHT,
)
from .syndication import source_of

# ("w", stem) | ("n", name token) | ("#", value, unit) | ("e", event)
Feature = tuple
Weights = dict[Feature, float]


def compare_facts(
    analyses: Sequence[ArticleAnalysis], syndicated: Sequence[Sequence[str]] = ()
) -> Facts:
    """Shared facts, unique facts and conflicts over the articles of one story.

    ``syndicated`` groups articles that copy one another (:mod:`rashomon.syndication`):
    each group is one source, so a fact only a wire story and its copies carry is unique
    to that source (reported once, the copies in ``also_in``), not shared.
    """
    known = frozenset().union(*(mid_sentence_capitals(a.sentences) for a in analyses))
    lower = lower_case_words([a.article.text for a in analyses])
    statements = [
        s for index, analysis in enumerate(analyses)
        for s in statements_of(analysis, index, known, lower)
    ]
    source = source_of([a.article.id for a in analyses], syndicated)
    scores = _match(statements, _rarity(statements))
    edges = sorted(scores)
    conflicts, clashing = conflicts_of(statements, edges, source)

    # a conflict is a disagreement, not a fact both carry
    facts_of = _groups(statements, [pair for pair in edges if pair not in clashing], scores, clashing)
    # told elsewhere: in a fact two sources carry (a copy's sentence too, though only
    # its wire story's sentence was matched to the other source), or part of a conflict
    sources_of: dict[int, set[str]] = {}
    for i, root in enumerate(facts_of):
        sources_of.setdefault(root, set()).add(source[statements[i].article])
    told = {i for i, root in enumerate(facts_of) if len(sources_of[root]) > 1}
    told |= {i for a, b in edges for i in (a, b)
             if source[statements[a].article] != source[statements[b].article]}
    told |= {i for pair in clashing for i in pair}
    published = {a.article.id: a.article.published for a in analyses}
    conflicts, updates = split_updates(conflicts, published)
    conflicts, updates = merge_updates(conflicts, updates, toll_updates(statements, source, published))
    # a count an update follows is told by the update, not unique
    at = {(s.article, s.start): i for i, s in enumerate(statements)}
    told |= {at[(v.article, v.start)] for u in updates for v in u.versions if (v.article, v.start) in at}
    return Facts(
        shared=tuple(_shared(statements, facts_of, source)),
        unique=tuple(_unique(statements, told, facts_of, source)),
        conflicts=conflicts,
        updates=updates,
    )


def coverage_matrix(facts: Facts, article_ids: Iterable[str]) -> list[tuple[str, dict[str, bool]]]:
    """For each shared then unique fact, its text and which of ``article_ids`` carry it
    (a unique fact's copies in ``also_in`` carry it too)."""
    ids = list(article_ids)
    rows: list[tuple[str, dict[str, bool]]] = []
    for fact in facts.shared:
        carried = {source.article for source in fact.sources}
        rows.append((fact.text, {a: a in carried for a in ids}))
    for unique in facts.unique:
        carried = {unique.article, *unique.also_in}
        rows.append((unique.text, {a: a in carried for a in ids}))
    return rows


def left_out(facts: Facts, article_ids: Iterable[str]) -> dict[str, list[int]]:
    """For each article, the shared facts (indexes into ``facts.shared``) it does not
    carry although other outlets do: what that outlet left out."""
    ids = list(article_ids)
    out: dict[str, list[int]] = {a: [] for a in ids}
    for index, fact in enumerate(facts.shared):
        carried = {source.article for source in fact.sources}
        for article in ids:
            if article not in carried:
                out[article].append(index)
    return out


# --- matching ------------------------------------------------------------------------


def _features(statement: Statement) -> set[Feature]:
    out: set[Feature] = {("w", s) for s in statement.stems}
    out |= {("n", n) for n in statement.names}
    out |= {("#", n.value, n.unit) for n in statement.numbers}
    # the event a verb names, so "killed" meets "dead", and a shared event weighs more
    # than a shared plain word (EVENT_WEIGHT)
    out |= {("e", event) for event, _ in statement.events}
    return out


def _base_weight(feature: Feature) -> float:
    kind = feature[0]
    return {"n": NAME_WEIGHT, "#": NUMBER_WEIGHT, "e": EVENT_WEIGHT}.get(kind, WORD_WEIGHT)


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
    # an event feature only restates a word: it weighs, but does not count twice
    in_common = sum(1 for f in shared if f[0] != "e")
    content = sum(1 for f in shared if f[0] not in "ne")
    # a rare name in common (a school, an agency, a painting) says what the statements
    # are about as a content word does; the protagonist's name, everywhere, does not
    content += any(f[0] == "n" and rarity[f] >= RARE_NAME for f in shared)
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
    if dates_clash and (score < DATE_MISMATCH_THRESHOLD or closeness(a, b) < STRONG_MATCH):
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


def _groups(
    statements: list[Statement],
    edges: list[tuple[int, int]],
    scores: dict,
    apart: set[tuple[int, int]],
) -> list[int]:
    """Union-find over the edges, best first: the root of each statement's group. Two
    groups that already hold a statement of the same article are not joined: chains of
    matches would otherwise merge neighbouring facts into one. Nor are two groups that
    hold a pair in ``apart`` (statements that clash): one shared fact would then carry
    both sides of a conflict."""
    size = len(statements)
    sets = DisjointSets(size)
    articles = [{s.article} for s in statements]
    members = [[i] for i in range(size)]
    for i, j in sorted(edges, key=lambda pair: (-scores[pair], pair)):
        ri, rj = sets.find(i), sets.find(j)
        if ri == rj or articles[ri] & articles[rj]:
            continue
        if any((min(x, y), max(x, y)) in apart for x in members[ri] for y in members[rj]):
            continue
        root = sets.union(ri, rj)
        articles[root] = articles[ri] | articles[rj]
        members[root] = members[ri] + members[rj]
    return [sets.find(i) for i in range(size)]


def _shared(
    statements: list[Statement], roots: list[int], source: dict[str, str]
) -> list[SharedFact]:
    """Groups of matched statements from two sources or more (copies count once)."""
    members: dict[int, list[Statement]] = {}
    for i, root in enumerate(roots):
        members.setdefault(root, []).append(statements[i])
    facts = []
    for group in members.values():
        if len({source[s.article] for s in group}) < 2:
            continue
        group.sort(key=order)
        sources = tuple(FactSource(s.article, s.start, s.end) for s in group)
        facts.append((order(group[0]), SharedFact(text=group[0].text, sources=sources)))
    return [fact for _, fact in sorted(facts, key=lambda pair: pair[0])]


def _unique(
    statements: list[Statement], told: set[int], roots: list[int], source: dict[str, str]
) -> list[UniqueFact]:
    """Statements no other source matches or disputes (``told`` holds the rest), once
    per group of copies (the source's own article first, the copies in ``also_in``);
    short ones only when they deny something or give a number or a date."""
    copies: dict[int, list[Statement]] = {}
    for i, s in enumerate(statements):
        if i not in told:
            copies.setdefault(roots[i], []).append(s)
    out = []
    for group in copies.values():
        # the wire story's sentence speaks for its copies
        group.sort(key=lambda s: (source[s.article] != s.article, order(s)))
        first = group[0]
        if _worth_reporting(first):
            also = tuple(dict.fromkeys(s.article for s in group[1:] if s.article != first.article))
            out.append((order(first), UniqueFact(first.article, first.text, first.start, first.end, also)))
    return [fact for _, fact in sorted(out, key=lambda pair: pair[0])]


def _worth_reporting(statement: Statement) -> bool:
    """A denial, a figure or a date is news however short the statement ("Vale never
    signed it"); otherwise it needs a few content words ("Nobody commented" does not)."""
    if statement.negations or statement.numbers or statement.dates:
        return True
    return statement.content_count >= MIN_UNIQUE_WORDS
