"""Scoring shared facts, unique facts and conflicts against the facts gold
(``tests/gold/facts.json``, stories in ``tests/gold/facts/<story>/``; ``make bench-facts``).

The gold labels every body sentence of every article (headline and mostly-quoted
sentences aside) by the facts it states, each fact with one snippet per article that
carries it; conflicts and updates (a later, larger count) have a snippet and a value per
article. Snippets are located in the analysed article text, so all matching is on
character offsets. Syndicated copies (listed per story) count as one source: a fact
only a wire story and its copy carry is unique.

Matching rules (conflicts and updates one-to-one, greedy in report order; several
predicted shared or unique facts may count on one gold fact):

- conflict: a predicted conflict matches a gold conflict of the same kind when its
  versions overlap the gold snippets of at least two different articles. A predicted
  conflict whose versions meet an update's snippets in two articles is an update
  reported as a contradiction (counted apart, and as a false conflict).
- unique fact: a predicted unique fact is right when it overlaps the snippet of a gold
  unique fact in its article; wrong when it overlaps only snippets of shared facts,
  conflicts or updates; unjudged when it overlaps no labelled snippet (a headline, a
  quotation). Several predictions on one gold fact count once.
- shared fact: right when at least two of its sources, in different sources (articles,
  syndicated copies collapsed), overlap the snippets of one gold shared fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .model import Conflict, Report, SharedFact, UniqueFact, Update

Span = tuple[str, int, int]  # article id, start, end


@dataclass(frozen=True)
class GoldFact:
    id: str
    mentions: tuple[Span, ...]
    sources: int  # distinct sources carrying it (syndicated copies count once)

    @property
    def unique(self) -> bool:
        return self.sources == 1


@dataclass(frozen=True)
class GoldConflict:
    kind: str
    about: str
    versions: tuple[Span, ...]


@dataclass(frozen=True)
class StoryGold:
    facts: tuple[GoldFact, ...]
    conflicts: tuple[GoldConflict, ...]
    updates: tuple[GoldConflict, ...]  # kind "update"
    source_of: Mapping[str, str]  # article id -> its source (the first of a syndicated group)


class SnippetNotFound(ValueError):
    """A gold snippet is not in the analysed text of its article."""


def _locate(texts: Mapping[str, str], article: str, snippet: str) -> Span:
    start = texts[article].find(snippet) if article in texts else -1
    if start < 0:
        raise SnippetNotFound(f"{article}: {snippet!r}")
    return article, start, start + len(snippet)


def story_gold(gold: Mapping[str, Any], texts: Mapping[str, str]) -> StoryGold:
    """The gold of one story with every snippet turned into offsets into ``texts``
    (article id -> analysed text)."""
    source_of = {article: article for article in texts}
    for group in gold.get("syndicated", []):
        for article in group:
            source_of[article] = group[0]
    facts = []
    for fact in gold["facts"]:
        mentions = tuple(_locate(texts, a, s) for a, s in fact["mentions"].items())
        sources = len({source_of[a] for a, _, _ in mentions})
        facts.append(GoldFact(fact["id"], mentions, sources))

    def versions(entry: Mapping[str, Any]) -> tuple[Span, ...]:
        return tuple(_locate(texts, a, v["snippet"]) for a, v in entry["versions"].items())

    conflicts = tuple(GoldConflict(c["kind"], c["about"], versions(c)) for c in gold.get("conflicts", []))
    updates = tuple(GoldConflict("update", u["about"], versions(u)) for u in gold.get("updates", []))
    return StoryGold(tuple(facts), conflicts, updates, source_of)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and min(a[2], b[2]) > max(a[1], b[1])


def _articles_met(predicted: Iterable[Span], gold: Iterable[Span]) -> set[str]:
    """The articles whose gold span some predicted span overlaps."""
    predicted = list(predicted)
    return {g[0] for g in gold if any(_overlaps(p, g) for p in predicted)}


@dataclass
class Tally:
    """Counts for one measure, summed over stories."""

    right: int = 0  # predictions that match gold
    predicted: int = 0  # predictions judged (right or wrong)
    found: int = 0  # gold items a prediction matched
    gold: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        self.right += other.right
        self.predicted += other.predicted
        self.found += other.found
        self.gold += other.gold
        self.notes += other.notes


def _conflict_spans(conflict: Conflict) -> list[Span]:
    return [(v.article, v.start, v.end) for v in conflict.versions]


def score_conflicts(predicted: Sequence[Conflict], gold: StoryGold, story: str = "") -> tuple[Tally, int]:
    """(conflict tally, updates reported as conflicts)."""
    tally = Tally(predicted=len(predicted), gold=len(gold.conflicts))
    taken: set[int] = set()
    updates_as_conflicts = 0
    for conflict in predicted:
        spans = _conflict_spans(conflict)
        match = next(
            (
                k
                for k, g in enumerate(gold.conflicts)
                if k not in taken and g.kind == conflict.kind
                and len(_articles_met(spans, g.versions)) >= 2
            ),
            None,
        )
        if match is not None:
            taken.add(match)
            tally.right += 1
            continue
        if any(len(_articles_met(spans, u.versions)) >= 2 for u in gold.updates):
            updates_as_conflicts += 1
            tally.notes.append(f"{story}: update reported as a {conflict.kind} conflict: {conflict.about}")
            continue
        other_kind = next(
            (g for g in gold.conflicts if len(_articles_met(spans, g.versions)) >= 2), None
        )
        why = f"(gold says {other_kind.kind}: {other_kind.about})" if other_kind else "(no gold conflict)"
        tally.notes.append(f"{story}: false {conflict.kind} conflict about {conflict.about!r} {why}")
    tally.found = len(taken)
    for k, g in enumerate(gold.conflicts):
        if k not in taken:
            tally.notes.append(f"{story}: missed {g.kind} conflict: {g.about}")
    return tally, updates_as_conflicts


def score_updates(predicted: Sequence[Update], gold: StoryGold, story: str = "") -> Tally:
    """Updates reported as such: versions meeting a gold update's snippets in two articles."""
    tally = Tally(predicted=len(predicted), gold=len(gold.updates))
    found: set[int] = set()
    for update in predicted:
        spans = [(v.article, v.start, v.end) for v in update.versions]
        match = next((k for k, g in enumerate(gold.updates)
                      if k not in found and len(_articles_met(spans, g.versions)) >= 2), None)
        if match is None:
            tally.notes.append(f"{story}: update no gold update supports: {update.about}")
        else:
            found.add(match)
            tally.right += 1
    tally.found = len(found)
    return tally


def score_unique(predicted: Sequence[UniqueFact], gold: StoryGold, story: str = "") -> Tally:
    gold_unique = [f for f in gold.facts if f.unique]
    labelled: list[Span] = [m for f in gold.facts if not f.unique for m in f.mentions]
    labelled += [v for c in (*gold.conflicts, *gold.updates) for v in c.versions]
    tally = Tally(gold=len(gold_unique))
    found: set[str] = set()
    for fact in predicted:
        span = (fact.article, fact.start, fact.end)
        hits = [f for f in gold_unique if any(_overlaps(span, m) for m in f.mentions)]
        if hits:
            tally.predicted += 1
            tally.right += 1
            found.update(f.id for f in hits)
        elif any(_overlaps(span, m) for m in labelled):
            tally.predicted += 1
            tally.notes.append(f"{story}: reported unique but others carry it: {fact.text[:90]!r}")
    tally.found = len(found)
    for f in gold_unique:
        if f.id not in found:
            tally.notes.append(f"{story}: missed unique fact {f.id}")
    return tally


def score_shared(predicted: Sequence[SharedFact], gold: StoryGold, story: str = "") -> Tally:
    gold_shared = [f for f in gold.facts if not f.unique]
    tally = Tally(predicted=len(predicted), gold=len(gold_shared))
    found: set[str] = set()
    for fact in predicted:
        spans = [(s.article, s.start, s.end) for s in fact.sources]
        match = next(
            (
                f
                for f in gold_shared
                if len({gold.source_of[a] for a in _articles_met(spans, f.mentions)}) >= 2
            ),
            None,
        )
        if match is not None:
            tally.right += 1
            found.add(match.id)
        else:
            tally.notes.append(f"{story}: shared fact no gold fact supports: {fact.text[:90]!r}")
    tally.found = len(found)
    return tally


@dataclass
class FactScores:
    conflicts: Tally = field(default_factory=Tally)
    unique: Tally = field(default_factory=Tally)
    shared: Tally = field(default_factory=Tally)
    updates: Tally = field(default_factory=Tally)
    updates_as_conflicts: int = 0
    stories_found: dict[str, int] = field(default_factory=dict)  # gold story -> stories in report


def score_story(report: Report, gold: Mapping[str, Any], story: str = "") -> FactScores:
    """Scores of one gold story against the report of its articles (all the report's
    stories together: a story the grouping split still counts)."""
    texts = {a.article.id: a.article.text for a in report.articles}
    story_labels = story_gold(gold, texts)
    scores = FactScores(stories_found={story: len(report.stories)})
    conflicts = [c for s in report.stories for c in s.facts.conflicts]
    tally, updates = score_conflicts(conflicts, story_labels, story)
    scores.conflicts.add(tally)
    scores.updates_as_conflicts += updates
    scores.unique.add(score_unique([u for s in report.stories for u in s.facts.unique], story_labels, story))
    scores.shared.add(score_shared([f for s in report.stories for f in s.facts.shared], story_labels, story))
    scores.updates.add(score_updates([u for s in report.stories for u in s.facts.updates], story_labels, story))
    return scores


def add_scores(total: FactScores, part: FactScores) -> None:
    total.conflicts.add(part.conflicts)
    total.unique.add(part.unique)
    total.shared.add(part.shared)
    total.updates.add(part.updates)
    total.updates_as_conflicts += part.updates_as_conflicts
    total.stories_found.update(part.stories_found)
