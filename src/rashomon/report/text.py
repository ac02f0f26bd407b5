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

from ..model import EventSource, QuoteRelation, Report, Story
from .view import (
    clip,
    conflict_rows,
    fact_columns,
    fact_matrix,
    group_quotes,
    left_out_lines,
    ordered_kinds,
    outlet_changes,
    outlet_names,
    published_note,
    quotes_by_speaker,
    relation_counts,
    source_note,
    story_analyses,
    syndication_lines,
    unique_outlets,
    update_lines,
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
        console.print(Text(problem.line(), style="yellow"))  # Text: never parsed as markup
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


def _plain(text: str) -> Text:
    """Article content for Rich: a Text is never parsed as console markup, so "[/x]"
    or "[bold]" in an article is shown as written instead of raising or styling."""
    return Text(text)


def _table(title: str, **options) -> Table:
    return Table(title=title, title_justify="left", **options)


def story_renderable(report: Report, story: Story, *, color: bool = True) -> Group:
    outlets = outlet_names(report)
    parts: list = [Rule(Text(story.title, style="bold"), style="cyan")]
    parts.append(_outlets_table(report, story))
    parts.append(_said_table(story, outlets))
    parts.extend(_versions_parts(report, story, outlets, color=color))
    parts.extend(_timeline_parts(story, outlets))
    parts.extend(_facts_parts(report, story, outlets))
    return Group(*parts)


def _outlets_table(report: Report, story: Story) -> Table:
    table = _table("Outlets", expand=False)
    for column in ("article", "outlet", "published", "basis", "quotes"):
        table.add_column(column)
    for analysis in story_analyses(report, story):
        a = analysis.article
        note = published_note(a)
        published = (a.published.iso() if a.published else "—") + (f" ({note})" if note else "")
        table.add_row(
            _plain(a.id), _plain(a.outlet or "—"), _plain(published),
            a.published_basis or "—", str(len(analysis.quotes)),
        )
    return table


def _said_table(story: Story, outlets: dict[str, str]) -> Table:
    table = _table("Who said what", expand=True)
    table.add_column("speaker", style="bold", ratio=1)
    table.add_column("outlet", ratio=1)
    table.add_column("quote", ratio=4)
    table.add_column("via", ratio=1)
    for speaker, quotes in quotes_by_speaker(story):
        for i, q in enumerate(quotes):
            mention = q.speaker_mention.text if q.speaker_mention else ""
            via = f"{mention} ({q.cue})" if mention and q.cue else (mention or q.cue or "")
            table.add_row(
                _plain(speaker if i == 0 else ""), _plain(outlets.get(q.article, q.article)),
                _plain(f"“{clip(q.text, 220)}”"), _plain(via),
            )
    return table


def _versions_parts(report: Report, story: Story, outlets: dict[str, str], *, color: bool) -> list:
    if not story.quote_groups:
        return []
    counts = ", ".join(f"{c.kind} {c.count}" for c in relation_counts(story))
    table = _table(f"Versions of the same quote ({counts})", show_lines=True, expand=True)
    table.add_column("group", ratio=1, min_width=12, overflow="fold")
    table.add_column("first version", ratio=4)
    table.add_column("second version", ratio=4)
    table.add_column("kinds", min_width=13, no_wrap=True)
    for group in story.quote_groups:
        index = {q.id: q for q in group_quotes(story, group)}
        for relation in group.relations:
            a, b = index.get(relation.a), index.get(relation.b)
            if not a or not b:
                continue
            left, right = diff_texts(relation, marks=not color)
            left = Text(f"{outlets.get(a.article, a.article)}: ", style="dim") + left
            right = Text(f"{outlets.get(b.article, b.article)}: ", style="dim") + right
            label = _plain(f"{group.id}\n{group.speaker or '?'}")
            table.add_row(label, left, right, "\n".join(ordered_kinds(relation)))
    return [table, *(_plain(f"  • {line}") for line in outlet_changes(report, story))]


def _timeline_parts(story: Story, outlets: dict[str, str]) -> list:
    table = _table("Timeline", expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column("event", ratio=4)
    table.add_column("sources", ratio=2)
    for event in story.timeline:
        sources = "; ".join(_source_text(s, outlets) for s in event.sources)
        row_event = _plain(clip(event.event, 200))
        if event.conflict:
            row_event.append(f"\n⚠ conflict: {event.conflict.note}", style="bold yellow")
        table.add_row(event.date.iso(), row_event, _plain(sources))
    parts: list = [table]
    if story.undated:
        undated = _table("Undated or planned", expand=True)
        undated.add_column("outlet")
        undated.add_column("sentence", ratio=4)
        for s in story.undated:
            undated.add_row(_plain(outlets.get(s.article, s.article)), _plain(clip(s.sentence, 200)))
        parts.append(undated)
    return parts


def _source_text(source: EventSource, outlets: dict[str, str]) -> str:
    """"Outlet “on May 5”", or for an undated source "Outlet (undated; same quote as ...)"."""
    note = source_note(source, outlets)
    label = f"({note})" if note else f"“{source.expression}”"
    return f"{outlets.get(source.article, source.article)} {label}"


def _facts_parts(report: Report, story: Story, outlets: dict[str, str]) -> list:
    facts = story.facts
    columns = fact_columns(report, story)
    agreed = _table("What the outlets carry (✓ carries the fact, · does not)", expand=True)
    agreed.add_column("fact", ratio=4)
    for _, name in columns:
        agreed.add_column(Text(name), ratio=1, justify="center")  # a name is no markup
    for text, marks in fact_matrix(report, story)[: len(facts.shared)]:
        agreed.add_row(_plain(clip(text, 200)), *("✓" if m else "·" for m in marks))
    unique = _table("Reported by one outlet only", expand=True)
    unique.add_column("outlet", ratio=1)
    unique.add_column("fact", ratio=4)
    for fact in facts.unique:
        unique.add_row(_plain(unique_outlets(report, fact)), _plain(clip(fact.text, 200)))
    copies = [Text(line, style="dim") for line in syndication_lines(report, story)]
    copies += [Text(line) for line in update_lines(report, story)]
    missing = [Text(line) for line in left_out_lines(report, story)]
    agreed_parts = [agreed, *missing]
    if not facts.conflicts:
        return [*copies, *agreed_parts, unique, Text("No conflicts found.", style="dim")]
    table = _table("Conflicts, outlet by outlet", expand=True)
    table.add_column("conflict", ratio=3)
    for _, name in columns:
        table.add_column(Text(name), ratio=1)
    for kind, about, values in conflict_rows(report, story):
        table.add_row(_plain(f"{kind}: {clip(about, 90)}"), *(_plain(v or "—") for v in values))
    lines = []
    for conflict in facts.conflicts:
        lines.append(Text(f"{conflict.kind}: {conflict.about}", style="bold"))
        for v in conflict.versions:
            lines.append(
                Text(f"  {outlets.get(v.article, v.article)}: ") + Text(v.value, style="bold yellow")
                + Text(f" — {clip(v.text, 150)}")
            )
    return [*copies, *agreed_parts, unique, table,
            Panel(Group(*lines), title="⚠ Conflicts", title_align="left", border_style="yellow")]
