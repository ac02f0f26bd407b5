"""The report as one self-contained HTML page (no external assets; everything escaped)."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Report
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


def template_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("rashomon.report", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["clip"] = clip
    return env


def to_html(report: Report) -> str:
    template = template_environment().get_template("report.html")
    return template.render(
        report=report,
        outlets=outlet_names(report),
        story_analyses=story_analyses,
        quotes_by_speaker=quotes_by_speaker,
        group_quotes=group_quotes,
        ordered_kinds=ordered_kinds,
        relation_counts=relation_counts,
        outlet_changes=outlet_changes,
    )
