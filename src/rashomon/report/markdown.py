"""The report as Markdown: one section per story.

Article text is untrusted: every piece of it is escaped (Markdown punctuation and raw
HTML), so a quote holding ``<script>`` or ``**`` shows as written and cannot inject.
"""

from __future__ import annotations

import re

from ..model import DiffOp, EventSource, Report, Story
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

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md(text: str, limit: int | None = None) -> str:
    """Untrusted text for Markdown: one line, clipped, every special character escaped."""
    text = clip(text, limit) if limit else " ".join(text.split())
    return _SPECIAL.sub(r"\\\1", text)


def to_markdown(report: Report) -> str:
    lines = ["# rashomon report", ""]
    for problem in report.problems:
        lines.append(f"> {md(problem.line())}")
    if report.problems:
        lines.append("")
    for story in report.stories:
        lines.extend(story_markdown(report, story))
    return "\n".join(lines).rstrip() + "\n"


def diff_markdown(diff: tuple[DiffOp, ...]) -> tuple[str, str]:
    """Both sides of a word diff: removed words struck through, added words bold."""
    a_parts, b_parts = [], []
    for op in diff:
        if op.op == "equal":
            a_parts.append(md(op.a))
            b_parts.append(md(op.b))
            continue
        if op.a:
            a_parts.append(f"~~{md(op.a)}~~")
        if op.b:
            b_parts.append(f"**{md(op.b)}**")
    return " ".join(a_parts), " ".join(b_parts)


def story_markdown(report: Report, story: Story) -> list[str]:
    return [
        f"## {md(story.title)}",
        "",
        *_outlets(report, story),
        *_who_said_what(report, story),
        *_versions(report, story),
        *_timeline(report, story),
        *_facts(report, story),
    ]


def _outlets(report: Report, story: Story) -> list[str]:
    out = ["| article | outlet | published | basis |", "|---|---|---|---|"]
    for analysis in story_analyses(report, story):
        a = analysis.article
        published = a.published.iso() if a.published else "—"
        note = published_note(a)
        published += f" ({md(note)})" if note else ""
        out.append(f"| {md(a.id)} | {md(a.outlet or '—')} | {published} | {a.published_basis or '—'} |")
    return out + [""]


def _who_said_what(report: Report, story: Story) -> list[str]:
    outlets = outlet_names(report)
    out = ["### Who said what", ""]
    for speaker, quotes in quotes_by_speaker(story):
        out.append(f"- **{md(speaker)}** ({len(quotes)} quotes)")
        for q in quotes:
            via = f" — {md(q.speaker_mention.text)}" if q.speaker_mention else ""
            out.append(
                f"  - {md(outlets.get(q.article, q.article))}: “{md(q.text, 240)}” "
                f"({q.kind}, {md(q.cue or 'no cue')}{via}) `{q.article}:{q.start}-{q.end}`"
            )
    return out + [""]


def _versions(report: Report, story: Story) -> list[str]:
    if not story.quote_groups:
        return []
    outlets = outlet_names(report)
    counts = ", ".join(f"{c.kind}: {c.count}" for c in relation_counts(story))
    out = ["### Versions of the same quote", "", f"Pairs by kind: {counts}."]
    out += [f"- {md(line)}" for line in outlet_changes(report, story)]
    out.append("")
    for group in story.quote_groups:
        index = {q.id: q for q in group_quotes(story, group)}
        out += [f"**{group.id}** — {md(group.speaker or 'speaker unknown')}", ""]
        out += ["| first version | second version | kinds |", "|---|---|---|"]
        for relation in group.relations:
            a, b = index.get(relation.a), index.get(relation.b)
            if not a or not b:
                continue
            left, right = diff_markdown(relation.diff)
            out.append(
                f"| {md(outlets.get(a.article, a.article))}: {left} "
                f"| {md(outlets.get(b.article, b.article))}: {right} "
                f"| {', '.join(ordered_kinds(relation))} |"
            )
        out.append("")
    return out


def _timeline(report: Report, story: Story) -> list[str]:
    outlets = outlet_names(report)
    out = ["### Timeline", ""]
    for event in story.timeline:
        sources = ", ".join(_source_markdown(s, outlets) for s in event.sources)
        flag = f" **conflict:** {md(event.conflict.note)}" if event.conflict else ""
        out.append(f"- **{event.date.iso()}** {md(event.event, 200)} — {sources}{flag}")
    if story.undated:
        out += ["", "Undated or planned:", ""]
        out += [f"- {md(s.sentence, 200)} — {md(outlets.get(s.article, s.article))}" for s in story.undated]
    return out + [""]


def _source_markdown(source: EventSource, outlets: dict[str, str]) -> str:
    """"Outlet (“on May 5”)", or for an undated source "Outlet (undated; same quote as ...)"."""
    note = source_note(source, outlets)
    label = md(note) if note else f"“{md(source.expression)}”"
    return f"{md(outlets.get(source.article, source.article))} ({label})"


def _facts(report: Report, story: Story) -> list[str]:
    outlets = outlet_names(report)
    facts = story.facts
    out = ["### What the outlets agree on", ""]
    copies = syndication_lines(report, story) + update_lines(report, story)
    if copies:
        out += [*(f"_{md(line)}_" for line in copies), ""]
    columns = fact_columns(report, story)
    if facts.shared:
        out.append("| fact | " + " | ".join(md(name) for _, name in columns) + " |")
        out.append("|---|" + "---|" * len(columns))
        for text, marks in fact_matrix(report, story)[: len(facts.shared)]:
            cells = " | ".join("✓" if m else "·" for m in marks)
            out.append(f"| {md(text, 220)} | {cells} |")
        out.append("")
    out += [f"- {md(line)}" for line in left_out_lines(report, story)]
    out += ["", "### Reported by one outlet only", ""]
    out += [f"- {md(unique_outlets(report, f))}: {md(f.text, 220)}" for f in facts.unique]
    out += ["", "### Conflicts", ""]
    if not facts.conflicts:
        out.append("None found.")
    else:
        out.append("| conflict | " + " | ".join(md(name) for _, name in columns) + " |")
        out.append("|---|" + "---|" * len(columns))
        for kind, about, values in conflict_rows(report, story):
            out.append(f"| **{kind}**: {md(about, 90)} | " + " | ".join(md(v) or "—" for v in values) + " |")
        out.append("")
    for conflict in facts.conflicts:
        out.append(f"- **{conflict.kind}** — {md(conflict.about)}")
        for v in conflict.versions:
            out.append(f"  - {md(outlets.get(v.article, v.article))}: **{md(v.value)}** — “{md(v.text, 200)}”")
    return out + [""]
