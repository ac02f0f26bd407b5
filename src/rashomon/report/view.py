"""What every renderer needs to show a story: outlet names, quote lookups, summary
counts. Pure functions over the Report, so the renderers stay thin and agree."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import (
    Article,
    ArticleAnalysis,
    EventSource,
    Quote,
    QuoteGroup,
    QuoteRelation,
    Report,
    Story,
)

# Kinds a reader must not miss come first when several apply to one pair.
KIND_ORDER = ("misattributed", "altered", "censored", "truncated", "extended", "typographic", "identical")


def outlet_names(report: Report) -> dict[str, str]:
    """Article id -> the outlet's name (the article id when the outlet is unknown)."""
    return {a.article.id: a.article.outlet or a.article.id for a in report.articles}


def published_note(article: Article) -> str | None:
    """Where a borrowed publication date came from ("inferred from a2"); None when
    the article's own text or metadata gave it."""
    return f"inferred from {article.published_from}" if article.published_from else None


def source_note(source: EventSource, outlets: dict[str, str]) -> str | None:
    """Why an undated source is on a dated event ("undated; same quote as Outlet A");
    None for a source dated by its own expression."""
    if source.basis != "quote":
        return None
    lender = source.dated_by or ""
    return f"undated; same quote as {outlets.get(lender, lender)}"


def story_analyses(report: Report, story: Story) -> list[ArticleAnalysis]:
    by_id = {a.article.id: a for a in report.articles}
    return [by_id[i] for i in story.articles if i in by_id]


def quotes_by_id(story: Story) -> dict[str, Quote]:
    return {q.id: q for q in story.quotes}


def ordered_kinds(relation: QuoteRelation) -> list[str]:
    return sorted(relation.kinds, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 99)


@dataclass(frozen=True)
class KindCount:
    kind: str
    pairs: int


def relation_counts(story: Story) -> list[KindCount]:
    counts = Counter(k for g in story.quote_groups for r in g.relations for k in r.kinds)
    return [KindCount(k, counts[k]) for k in KIND_ORDER if counts[k]]


def outlet_changes(report: Report, story: Story) -> list[str]:
    """Sentences like "Outlet B altered 2 quotes" (the b side of each pair, which is the
    later article: the one whose version departs from the earlier rendering)."""
    outlets = outlet_names(report)
    per: Counter[tuple[str, str]] = Counter()
    for group in story.quote_groups:
        for relation in group.relations:
            article = relation.b.split(":q")[0]
            for kind in relation.kinds:
                if kind not in ("identical", "typographic"):
                    per[(outlets.get(article, article), kind)] += 1
    return [
        f"{outlet} {kind} {n} quote{'s' if n != 1 else ''} (vs another outlet)"
        for (outlet, kind), n in sorted(per.items())
    ]


def group_quotes(story: Story, group: QuoteGroup) -> list[Quote]:
    index = quotes_by_id(story)
    return [index[q] for q in group.quotes if q in index]


def ungrouped_quotes(story: Story) -> list[Quote]:
    grouped = {q for g in story.quote_groups for q in g.quotes}
    return [q for q in story.quotes if q.id not in grouped]


def quotes_by_speaker(story: Story) -> list[tuple[str, list[Quote]]]:
    groups: dict[str, list[Quote]] = {}
    for q in story.quotes:
        groups.setdefault(q.speaker or "(speaker unknown)", []).append(q)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
