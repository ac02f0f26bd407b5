"""Renderers of one Report: JSON (the public contract), Markdown, HTML, terminal text."""

from __future__ import annotations

from .json import report_to_dict, to_json

FORMATS = ("text", "json", "markdown", "html")

__all__ = ["FORMATS", "render", "report_to_dict", "to_json"]


def render(report, fmt: str, *, width: int | None = None, color: bool = False) -> str:
    """The report as a string in ``fmt`` (one of FORMATS)."""
    if fmt == "json":
        return to_json(report)
    if fmt == "markdown":
        from .markdown import to_markdown

        return to_markdown(report)
    if fmt == "html":
        from .html import to_html

        return to_html(report)
    if fmt == "text":
        from .text import to_text

        return to_text(report, width=width, color=color)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
