"""The report as one self-contained HTML page (no external assets; everything escaped)."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Report
from . import view


def template_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("rashomon.report", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["clip"] = view.clip
    return env


def to_html(report: Report) -> str:
    template = template_environment().get_template("report.html")
    # the template calls the shared view helpers (view.quotes_by_speaker, ...)
    return template.render(report=report, outlets=view.outlet_names(report), view=view)
