"""Typographic variants that outlets use for the same words: quote marks, apostrophes,
dashes. One table for every stage that compares text across outlets."""

from __future__ import annotations

from types import MappingProxyType

# Typographic variants of quote marks and apostrophes, folded before words are compared.
QUOTE_FOLD = MappingProxyType(
    str.maketrans(
        {
            "\u2018": "'",  # left single quotation mark
            "\u2019": "'",  # right single quotation mark / curly apostrophe
            "\u201a": "'",
            "\u201b": "'",
            "\u2032": "'",  # prime
            "\u00b4": "'",
            "`": "'",
            "\u201c": '"',
            "\u201d": '"',
            "\u201e": '"',
            "\u201f": '"',
            "\u00ab": '"',
            "\u00bb": '"',
            "\u00a0": " ",
        }
    )
)
# Dashes and hyphens, folded after censor masks (which keep their dashes) are read.
DASH_FOLD = MappingProxyType(
    str.maketrans(
        {
            "\u2010": "-",  # hyphen
            "\u2011": "-",  # non-breaking hyphen
            "\u2012": "-",  # figure dash
            "\u2013": "-",  # en dash
            "\u2014": "-",  # em dash
            "\u2015": "-",  # horizontal bar
            "\u2212": "-",  # minus sign
        }
    )
)
