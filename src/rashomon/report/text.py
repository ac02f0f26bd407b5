"""The report for a terminal (Rich): tables, changed words highlighted.

Colour is never the only signal: removed words are also struck through and inserted
words bold, so the report reads the same in a pipe or on a monochrome terminal.
"""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..model import QuoteRelation, Report, Story
from .view import (
    clip,
    group_quotes,
    ordered_kinds,
    outlet_changes,
    outlet_names,
    quotes_by_speaker,
    relation_counts,
    story_analyses,
)


def to_text(report: Report, *, width: int | None = None, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width or 110, force_terminal=color, no_color=not color, highlight=False
    )
    print_report(console, report, color=color)
    return buffer.getvalue()


def print_report(console: Console, report: Report, *, color: bool = True) -> None:
    for problem in report.problems:
        console.print(Text(problem.line(), style="yellow"))
    for story in report.stories:
        console.print(story_renderable(report, story, color=color))


def diff_texts(relation: QuoteRelation, *, marks: bool = False) -> tuple[Text, Text]:
    """Both versions, changed words styled; with ``marks`` (no colour) they are also
    bracketed wdiff-style, [-removed-] and {+added+}, so a pipe still shows them."""
    left, right = Text(), Text()
    for op in relation.diff:
        for side, words, style, (open_, close) in (
            (left, op.a, "bold red strike", ("[-", "-]")),
            (right, op.b, "bold green", ("{+", "+}")),
        ):
            if not words:
                continue
            if len(side):
                side.append(" ")
            if op.op == "equal":
                side.append(words)
            else:
                side.append(f"{open_}{words}{close}" if marks else words, style=style)
    return left, right


def story_renderable(report: Report, story: Story, *, color: bool = True) -> Group:
    outlets = outlet_names(report)
    parts: list = [Rule(Text(story.title, style="bold"), style="cyan")]

    articles = Table(title="Outlets", title_justify="left", expand=False)
    for column in ("article", "outlet", "published", "basis", "quotes"):
        articles.add_column(column)
    for analysis in story_analyses(report, story):
        a = analysis.article
        articles.add_row(
            a.id, a.outlet or "—", a.published.iso() if a.published else "—", a.published_basis or "—",
            str(len(analysis.quotes)),
        )
    parts.append(articles)

    said = Table(title="Who said what", title_justify="left", show_lines=False, expand=True)
    said.add_column("speaker", style="bold", ratio=1)
    said.add_column("outlet", ratio=1)
    said.add_column("quote", ratio=4)
    said.add_column("via", ratio=1)
    for speaker, quotes in quotes_by_speaker(story):
        for i, q in enumerate(quotes):
            via = f"{q.speaker_mention.text} ({q.cue})" if q.speaker_mention else (q.cue or "")
            said.add_row(speaker if i == 0 else "", outlets.get(q.article, q.article), f"“{clip(q.text, 220)}”", via)
    parts.append(said)

    if story.quote_groups:
        counts = ", ".join(f"{c.kind} {c.pairs}" for c in relation_counts(story))
        versions = Table(
            title=f"Versions of the same quote ({counts})", title_justify="left", show_lines=True, expand=True
        )
        versions.add_column("group", ratio=1, min_width=12, overflow="fold")
        versions.add_column("first version", ratio=4)
        versions.add_column("second version", ratio=4)
        versions.add_column("kinds", min_width=13, no_wrap=True)
        for group in story.quote_groups:
            index = {q.id: q for q in group_quotes(story, group)}
            for relation in group.relations:
                a, b = index.get(relation.a), index.get(relation.b)
                if not a or not b:
                    continue
                left, right = diff_texts(relation, marks=not color)
                left = Text(f"{outlets.get(a.article, a.article)}: ", style="dim") + left
                right = Text(f"{outlets.get(b.article, b.article)}: ", style="dim") + right
                versions.add_row(f"{group.id}\n{group.speaker or '?'}", left, right, "\n".join(ordered_kinds(relation)))
        parts.append(versions)
        for line in outlet_changes(report, story):
            parts.append(Text(f"  • {line}"))

    timeline = Table(title="Timeline", title_justify="left", expand=True)
    timeline.add_column("date", no_wrap=True)
    timeline.add_column("event", ratio=4)
    timeline.add_column("sources", ratio=2)
    for event in story.timeline:
        sources = "; ".join(f"{outlets.get(s.article, s.article)} “{s.expression}”" for s in event.sources)
        row_event = Text(clip(event.event, 200))
        if event.conflict:
            row_event.append(f"\n⚠ conflict: {event.conflict.note}", style="bold yellow")
        timeline.add_row(event.date.iso(), row_event, sources)
    parts.append(timeline)
    if story.undated:
        undated = Table(title="Undated or planned", title_justify="left", expand=True)
        undated.add_column("outlet")
        undated.add_column("sentence", ratio=4)
        for s in story.undated:
            undated.add_row(outlets.get(s.article, s.article), clip(s.sentence, 200))
        parts.append(undated)

    facts = story.facts
    agreed = Table(title="What the outlets agree on", title_justify="left", expand=True)
    agreed.add_column("fact", ratio=4)
    agreed.add_column("outlets", ratio=1)
    for fact in facts.shared:
        agreed.add_row(clip(fact.text, 200), ", ".join(sorted({outlets.get(s.article, s.article) for s in fact.sources})))
    parts.append(agreed)
    unique = Table(title="Reported by one outlet only", title_justify="left", expand=True)
    unique.add_column("outlet", ratio=1)
    unique.add_column("fact", ratio=4)
    for fact in facts.unique:
        unique.add_row(outlets.get(fact.article, fact.article), clip(fact.text, 200))
    parts.append(unique)
    if facts.conflicts:
        lines = []
        for conflict in facts.conflicts:
            lines.append(Text(f"{conflict.kind}: {conflict.about}", style="bold"))
            for v in conflict.versions:
                lines.append(Text(f"  {outlets.get(v.article, v.article)}: ") + Text(v.value, style="bold yellow") + Text(f" — {clip(v.text, 150)}"))
        parts.append(Panel(Group(*lines), title="⚠ Conflicts", title_align="left", border_style="yellow"))
    else:
        parts.append(Text("No conflicts found.", style="dim"))
    return Group(*parts)
