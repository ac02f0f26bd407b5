"""The report as Markdown: one section per story, outlets as table columns."""

from __future__ import annotations

from ..model import Report, Story
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


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def to_markdown(report: Report) -> str:
    lines = ["# rashomon report", ""]
    for problem in report.problems:
        lines.append(f"> {problem.line()}")
    if report.problems:
        lines.append("")
    for story in report.stories:
        lines.extend(story_markdown(report, story))
    return "\n".join(lines).rstrip() + "\n"


def diff_markdown(diff) -> tuple[str, str]:
    """Both sides of a word diff, changed words in bold (deleted side struck through)."""
    a_parts, b_parts = [], []
    for op in diff:
        if op.op == "equal":
            a_parts.append(op.a)
            b_parts.append(op.b)
            continue
        if op.a:
            a_parts.append(f"~~{op.a}~~")
        if op.b:
            b_parts.append(f"**{op.b}**")
    return " ".join(a_parts), " ".join(b_parts)


def story_markdown(report: Report, story: Story) -> list[str]:
    outlets = outlet_names(report)
    out = [f"## {story.title}", ""]
    out.append("| article | outlet | published | basis |")
    out.append("|---|---|---|---|")
    for analysis in story_analyses(report, story):
        a = analysis.article
        out.append(
            f"| {a.id} | {_cell(a.outlet or '—')} | {a.published.iso() if a.published else '—'} | {a.published_basis or '—'} |"
        )
    out += ["", "### Who said what", ""]
    for speaker, quotes in quotes_by_speaker(story):
        out.append(f"- **{speaker}** ({len(quotes)} quotes)")
        for q in quotes:
            via = f" — {q.speaker_mention.text}" if q.speaker_mention else ""
            out.append(f"  - {outlets.get(q.article, q.article)}: “{_cell(clip(q.text, 240))}” ({q.kind}, {q.cue or 'no cue'}{via}) `{q.article}:{q.start}-{q.end}`")
    out.append("")
    if story.quote_groups:
        out += ["### Versions of the same quote", ""]
        counts = ", ".join(f"{c.kind}: {c.pairs}" for c in relation_counts(story))
        out.append(f"Pairs by kind: {counts}.")
        for line in outlet_changes(report, story):
            out.append(f"- {line}")
        out.append("")
        for group in story.quote_groups:
            index = {q.id: q for q in group_quotes(story, group)}
            out.append(f"**{group.id}** — {group.speaker or 'speaker unknown'}")
            out.append("")
            out.append("| first version | second version | kinds |")
            out.append("|---|---|---|")
            for relation in group.relations:
                a, b = index.get(relation.a), index.get(relation.b)
                if not a or not b:
                    continue
                left, right = diff_markdown(relation.diff)
                out.append(
                    f"| {_cell(outlets.get(a.article, a.article))}: {_cell(left)} "
                    f"| {_cell(outlets.get(b.article, b.article))}: {_cell(right)} "
                    f"| {', '.join(ordered_kinds(relation))} |"
                )
            out.append("")
    out += ["### Timeline", ""]
    for event in story.timeline:
        sources = ", ".join(f"{outlets.get(s.article, s.article)} (“{_cell(s.expression)}”)" for s in event.sources)
        flag = f" **conflict:** {event.conflict.note}" if event.conflict else ""
        out.append(f"- **{event.date.iso()}** {_cell(clip(event.event, 200))} — {sources}{flag}")
    if story.undated:
        out += ["", "Undated or planned:", ""]
        for s in story.undated:
            out.append(f"- {_cell(clip(s.sentence, 200))} — {outlets.get(s.article, s.article)}")
    facts = story.facts
    out += ["", "### What the outlets agree on", ""]
    for fact in facts.shared:
        names = ", ".join(sorted({outlets.get(s.article, s.article) for s in fact.sources}))
        out.append(f"- {_cell(clip(fact.text, 220))} — {names}")
    out += ["", "### Reported by one outlet only", ""]
    for fact in facts.unique:
        out.append(f"- {outlets.get(fact.article, fact.article)}: {_cell(clip(fact.text, 220))}")
    out += ["", "### Conflicts", ""]
    if not facts.conflicts:
        out.append("None found.")
    for conflict in facts.conflicts:
        out.append(f"- **{conflict.kind}** — {_cell(conflict.about)}")
        for v in conflict.versions:
            out.append(f"  - {outlets.get(v.article, v.article)}: **{_cell(v.value)}** — “{_cell(clip(v.text, 200))}”")
    out.append("")
    return out
