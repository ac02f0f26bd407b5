"""Sentence splitting by rules: fast (no parser), offsets exact.

A paragraph is a run of non-blank lines; each line break inside the cleaned text is a
paragraph break (news text puts one paragraph per line). Inside a paragraph a sentence
ends at . ! ? or … (plus any closing quote marks or brackets) followed by white space and
an upper-case letter, a digit or an opening quote mark, unless the word before the
period is a known abbreviation or a single initial.
"""

from __future__ import annotations

import re

from .model import Sentence
from .resources.sentences import ABBREVIATIONS, OPENERS, SENTENCE_END, TRAILING_CLOSERS

_BOUNDARY = re.compile(
    "[" + re.escape(SENTENCE_END) + "]+[" + re.escape(TRAILING_CLOSERS) + "]*"
    r"(?=\s+[" + re.escape(OPENERS) + r"]*[A-Z0-9])"
)
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_DOUBLE_MARK = re.compile('[“”"]')


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding white space."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        end = match.end() - (len(line) - len(line.rstrip()))
        spans.append((start, end))
    return spans


def _is_abbreviation(paragraph: str, dot: int) -> bool:
    if paragraph[dot] != ".":
        return False
    # a bounded window: slicing up to ``dot`` would make a long line quadratic
    match = _WORD_BEFORE.search(paragraph[max(0, dot - 40) : dot])
    if not match:
        return False
    word = match.group(1).lower().strip(".")
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return True
    return word in ABBREVIATIONS


def _quotation_ends(paragraph: str) -> list[tuple[int, int]]:
    """(open, close) of each balanced double quotation in the paragraph: a sentence
    does not end inside one (“First. Second,” she said. is one sentence). An opening
    mark that never closes opens nothing, so one stray mark cannot merge a paragraph."""
    spans, opened = [], None
    for match in _DOUBLE_MARK.finditer(paragraph):
        mark = match.group()
        if mark == "“" or (mark == '"' and opened is None):
            if opened is None or mark == "“":
                opened = match.start()
            continue
        if opened is not None:  # ” or a second "
            spans.append((opened, match.end()))
            opened = None
    return spans


def _inside_quotation(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start < offset < end for start, end in spans)


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences; ``text[s.start:s.end] == s.text`` for each."""
    sentences: list[Sentence] = []
    for paragraph_index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        paragraph = text[p_start:p_end]
        cursor = 0
        open_until = _quotation_ends(paragraph)
        for match in _BOUNDARY.finditer(paragraph):
            if _is_abbreviation(paragraph, match.start()) or _inside_quotation(open_until, match.end()):
                continue
            end = match.end()
            _append(sentences, text, p_start + cursor, p_start + end, paragraph_index)
            cursor = end
            while cursor < len(paragraph) and paragraph[cursor].isspace():
                cursor += 1
        _append(sentences, text, p_start + cursor, p_end, paragraph_index)
    return tuple(sentences)


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end], paragraph))


def sentence_at(sentences: tuple[Sentence, ...], offset: int) -> Sentence | None:
    """The sentence that holds character ``offset`` (binary search)."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return s
    return None
