"""Per-outlet summary of how a story's outlets render the quotes they share.

A relation (a, b) says how quote b differs from quote a. Seen from a's outlet the cut
kinds swap: when b is ``truncated`` against a, a is ``extended`` against b. So every
outlet's version gets the kinds *it* shows against another outlet's version, and each
kind is counted once per quote of the outlet (not once per pair: a quote compared with
three outlets is still one quote).

With only two outlets nobody can tell which of two differing versions is the faithful
one, so ``altered`` lands on both. With three or more, an outlet whose version departs
in one way from every other outlet's version while those others agree with one another
is singled out: it *alone* altered, cut, masked or re-attributed that quote.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .collate import mirror_kinds
from .model import QuoteGroup, QuoteRelation, RelationKind, Story

# Kinds that tell a change of the words or the speaker, in the order a reader needs them.
CHANGE_KINDS: tuple[RelationKind, ...] = (
    "misattributed",
    "altered",
    "censored",
    "truncated",
    "extended",
    "typographic",
)
# kinds that are one finding seen from either side: "the others agree" means neither
_FAMILY: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "truncated": frozenset({"truncated", "extended"}),
        "extended": frozenset({"truncated", "extended"}),
    }
)


@dataclass(frozen=True)
class KindTally:
    kind: RelationKind
    count: int


@dataclass(frozen=True)
class OutletQuoteChanges:
    """How one outlet's versions differ from other outlets' versions of the same quotes.

    ``kinds``: per kind, the outlet's quotes that show it against at least one other
    outlet's version (cut kinds from this outlet's side). ``alone``: per kind, the quotes
    where this outlet departs so from every other outlet, and those agree.
    """

    outlet: str
    articles: tuple[str, ...]
    grouped: int  # the outlet's quotes that another outlet also renders
    kinds: tuple[KindTally, ...]
    alone: tuple[KindTally, ...]

    def count(self, kind: str) -> int:
        return next((t.count for t in self.kinds if t.kind == kind), 0)

    def alone_count(self, kind: str) -> int:
        return next((t.count for t in self.alone if t.kind == kind), 0)


@dataclass(frozen=True)
class QuoteSummary:
    pairs: tuple[KindTally, ...]  # relations per kind, as the report lists them
    outlets: tuple[OutletQuoteChanges, ...]


def kinds_seen_from(relation: QuoteRelation, quote: str) -> frozenset[RelationKind]:
    """The kinds of a relation as quote ``quote`` (one of its two ends) shows them."""
    if quote == relation.b:
        return frozenset(relation.kinds)
    return mirror_kinds(relation.kinds)


def _alone_kinds(
    quote: str, group: QuoteGroup, outlet_of: Mapping[str, str]
) -> set[RelationKind]:
    """Kinds in which ``quote`` departs from every other outlet that agrees within itself."""
    mine = outlet_of[quote]
    own = [
        r
        for r in group.relations
        if quote in (r.a, r.b) and outlet_of[r.b if r.a == quote else r.a] != mine
    ]
    others = {outlet_of[r.b if r.a == quote else r.a] for r in own}
    if len(others) < 2:
        return set()
    among = [
        r
        for r in group.relations
        if quote not in (r.a, r.b) and outlet_of[r.a] != mine and outlet_of[r.b] != mine
    ]
    if not among:  # nothing says the other outlets agree with one another
        return set()
    found = set()
    for kind in CHANGE_KINDS:
        family = _FAMILY.get(kind, frozenset({kind}))
        if all(kind in kinds_seen_from(r, quote) for r in own) and not any(
            family & set(r.kinds) for r in among
        ):
            found.add(kind)
    return found


def _tallies(counter: Counter[RelationKind]) -> tuple[KindTally, ...]:
    return tuple(KindTally(k, counter[k]) for k in CHANGE_KINDS if counter[k])


def quote_summary(story: Story, outlets: Mapping[str, str] | None = None) -> QuoteSummary:
    """The story's quote variants counted per kind (pairs) and per outlet (quotes).

    ``outlets`` maps article ids to outlet names; an article with no name is its own
    outlet. Outlets come in the order of their first article in the story.
    """
    outlets = outlets or {}
    article_of = {q.id: q.article for q in story.quotes}
    outlet_of = {
        r: outlets.get(article_of.get(r, r), article_of.get(r, r))
        for g in story.quote_groups
        for r in g.quotes
    }
    kinds: dict[str, Counter[RelationKind]] = defaultdict(Counter)
    alone: dict[str, Counter[RelationKind]] = defaultdict(Counter)
    grouped: Counter[str] = Counter()
    for group in story.quote_groups:
        for quote in group.quotes:
            outlet = outlet_of[quote]
            grouped[outlet] += 1
            seen: set[RelationKind] = set()
            for r in group.relations:
                if quote in (r.a, r.b) and outlet_of[r.a] != outlet_of[r.b]:
                    seen |= kinds_seen_from(r, quote)
            kinds[outlet].update(seen)
            alone[outlet].update(_alone_kinds(quote, group, outlet_of))
    pairs = Counter(k for g in story.quote_groups for r in g.relations for k in r.kinds)
    order = list(dict.fromkeys(outlets.get(a, a) for a in story.articles))
    return QuoteSummary(
        pairs=tuple(
            KindTally(k, pairs[k]) for k in (*CHANGE_KINDS, "identical") if pairs[k]
        ),
        outlets=tuple(
            OutletQuoteChanges(
                outlet=name,
                articles=tuple(a for a in story.articles if outlets.get(a, a) == name),
                grouped=grouped[name],
                kinds=_tallies(kinds[name]),
                alone=_tallies(alone[name]),
            )
            for name in order
            if grouped[name]
        ),
    )
