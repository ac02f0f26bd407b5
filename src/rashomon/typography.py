"""Typography folded away, so that two outlets' renderings of the same words compare
equal whatever quote marks and dashes their house style uses."""

from __future__ import annotations

from .resources.typography import DASH_FOLD, QUOTE_FOLD


def plain_marks(text: str) -> str:
    """``text`` with curly quotes, apostrophes and dashes made plain (same length)."""
    return text.translate(QUOTE_FOLD).translate(DASH_FOLD)
