"""What every renderer needs to show a story: outlet names, quote lookups, summary
counts. Pure functions over the Report, so the renderers stay thin and agree."""

from __future__ import annotations

from types import MappingProxyType

from ..collate_summary import CHANGE_KINDS, KindTally, quote_summary
from ..compare import coverage_matrix, left_out
from ..model import (
    Article,
    ArticleAnalysis,
    EventSource,
    Quote,
    QuoteGroup,
    QuoteRelation,
    Report,
    Story,
    UniqueFact,
)

# Kinds a reader must not miss come first when several apply to one pair.
KIND_ORDER = (*CHANGE_KINDS, "identical")


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


def relation_counts(story: Story) -> tuple[KindTally, ...]:
    """Relations (pairs of versions) per kind, most important kind first."""
    return quote_summary(story).pairs


_ALONE_VERB = MappingProxyType(
    {
        "misattributed": "gave {n} to another speaker",
        "altered": "altered {n}",
        "censored": "masked {n} differently",
        "truncated": "cut {n} shorter",
        "extended": "ran {n} longer",
    }
)


def _quotes(n: int) -> str:
    return f"{n} quote{'s' if n != 1 else ''}"


def outlet_changes(report: Report, story: Story) -> list[str]:
    """One line per outlet: how its versions of shared quotes differ from other outlets'
    ("Night Desk: 3 shared quotes; against another outlet's version 1 altered, 2
    truncated"), then a line per finding where it alone departs and the others agree
    ("Night Desk alone altered 1 quote; the other outlets agree")."""
    summary = quote_summary(story, outlet_names(report))
    lines = []
    for outlet in summary.outlets:
        changes = [t for t in outlet.kinds if t.kind != "typographic"]
        head = f"{outlet.outlet}: {_quotes(outlet.grouped)} shared with other outlets"
        if changes:
            listed = ", ".join(f"{t.count} {t.kind}" for t in changes)
            lines.append(f"{head}; against another outlet's version {listed}")
        else:
            lines.append(f"{head}; no change beyond typography")
        for t in outlet.alone:
            if t.kind in _ALONE_VERB:
                verb = _ALONE_VERB[t.kind].format(n=_quotes(t.count))
                lines.append(f"{outlet.outlet} alone {verb}; the other outlets agree")
    return lines


def syndication_lines(report: Report, story: Story) -> list[str]:
    """One line per group of copies: who republished whose story, counted as one source
    ("Ashford Courier carries Northgate Press's story (wire copy): one source")."""
    outlets = outlet_names(report)
    published = {a.article.id: a.article.published for a in report.articles}
    lines = []
    for group in story.syndicated:
        names = [outlets.get(a, a) for a in group]
        dates = {published.get(a) and published[a].iso() for a in group}  # type: ignore[union-attr]
        if len(dates) == 1:  # published together: who copied whom is not known
            lines.append(f"{', '.join(names[:-1])} and {names[-1]} carry one story word "
                         "for word (wire copy): counted as one source")
            continue
        copies = ", ".join(names[1:])
        lines.append(f"{copies} carr{'y' if len(group) > 2 else 'ies'} {names[0]}'s story "
                     "word for word (wire copy): counted as one source")
    return lines


def fact_columns(report: Report, story: Story) -> list[tuple[str, str]]:
    """(article id, outlet name) of the story's articles: the columns of the coverage
    matrix."""
    outlets = outlet_names(report)
    return [(a, outlets.get(a, a)) for a in story.articles]


def fact_matrix(report: Report, story: Story) -> list[tuple[str, list[bool]]]:
    """Each shared fact, then each unique one, with a mark per column of
    :func:`fact_columns`: which outlets carry it."""
    ids = [a for a, _ in fact_columns(report, story)]
    return [(text, [carried[a] for a in ids]) for text, carried in coverage_matrix(story.facts, ids)]


def conflict_rows(report: Report, story: Story) -> list[tuple[str, str, list[str]]]:
    """(kind, about, the value each column of :func:`fact_columns` gives; "" for an
    outlet that gives none) of each conflict: the conflicts with outlets as columns."""
    ids = [a for a, _ in fact_columns(report, story)]
    rows = []
    for conflict in story.facts.conflicts:
        values: dict[str, list[str]] = {}
        for v in conflict.versions:
            values.setdefault(v.article, []).append(v.value)
        rows.append((conflict.kind, conflict.about,
                     ["; ".join(dict.fromkeys(values.get(a, []))) for a in ids]))
    return rows


def left_out_lines(report: Report, story: Story) -> list[str]:
    """Per outlet, how many facts other outlets agree on it does not carry ("Pier Post
    leaves out 3 of the 8 facts other outlets agree on")."""
    total = len(story.facts.shared)
    columns = fact_columns(report, story)
    missing_of = left_out(story.facts, [article for article, _ in columns])
    lines = []
    for article, name in columns:
        missing = len(missing_of[article])
        if missing:
            lines.append(f"{name} leaves out {missing} of the {total} facts other outlets agree on")
    return lines


def update_lines(report: Report, story: Story) -> list[str]:
    """One line per growing count, earliest first ("Updated since (...): number of dead:
    2 (Northgate Press, 2025-06-11) → 3 (Lanton Valley Gazette, 2025-06-12)")."""
    outlets = outlet_names(report)
    published = {a.article.id: a.article.published for a in report.articles}
    lines = []
    for update in story.facts.updates:
        steps = []
        for v in update.versions:
            date = published.get(v.article)
            when = f", {date.iso()}" if date else ""
            steps.append(f"{v.value} ({outlets.get(v.article, v.article)}{when})")
        lines.append(f"Updated since (a later, larger count, not a conflict): {update.about}: "
                     + " → ".join(steps))
    return lines


def unique_outlets(report: Report, fact: UniqueFact) -> str:
    """The outlet of a unique fact, with the copies that carry it too."""
    outlets = outlet_names(report)
    name = outlets.get(fact.article, fact.article)
    if not fact.also_in:
        return name
    return f"{name} (and its copy in {', '.join(outlets.get(a, a) for a in fact.also_in)})"


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
