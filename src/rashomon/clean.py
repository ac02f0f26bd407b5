"""Boilerplate out of scraped article text, one line at a time, each with its reason.

The cleaner works on lines because web scrapes put one paragraph per line: a line is
either article text (kept whole) or noise (dropped whole, recorded as a
:class:`RemovedLine`). The one exception is share-widget text glued onto the end of a
paragraph ("...the case.Share This Article"): the fragment is cut and recorded, the
paragraph kept.

Rules (data in :mod:`rashomon.resources.boilerplate`):

- context-free, per line: advertisement, navigation, share-widget, media-widget,
  newsletter, photo-credit, byline, dateline, social-embed, copyright, related-links
  (a "Related:" line or a "Read more" heading); each only on short lines, and pattern
  rules never on a line that reports speech ("said", "told"...);
- related-links lists: a bulleted line ("- ", "• "...) that reads like a headline
  (Title Case, no final period), and every headline-like line after a related heading;
- photo captions: one sentence, no quote marks, a capitalised subject followed by a
  present-tense caption verb ("hugs", "arrives", "celebrates"), and either a full date
  with its year ("on July 12, 2024") or a credit line right before or after it.
  A caption-like sentence inside a longer paragraph is kept: the paragraph has more
  than one sentence.

The output is the kept lines, stripped, inner runs of spaces collapsed, joined with
"\\n" (blank lines dropped: one paragraph per line), so later offsets index into it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import MappingProxyType

from .model import RemovedLine
from .resources import boilerplate as rules
from .resources.sentences import ABBREVIATIONS

# runs of two or more spaces, and any other space character: a single plain space is
# left alone (replacing every one of a long line's spaces by itself was most of the cost
# of reading an article)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_KEY_STRIP = " \t-–—•*·|:>»›▪■►()[]{}.!…"
_REPORTING = re.compile(r"\b(said|says|told|tells|according to|added|adds|wrote|asked)\b", re.I)
_WORD = re.compile(r"\S+")
_SENTENCE_GAP = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")
_TIME_END = re.compile(r"(\b[ap]\.m\.|\b[A-Z]\.)$")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")


# The rule data compiled once (module constants: compiled patterns are immutable).
_PATTERNS = MappingProxyType({
    reason: tuple(re.compile(p, re.I) for p in patterns)
    for reason, patterns in rules.LINE_PATTERNS.items()
})
_WIDGET = "|".join(re.escape(p) for p in sorted(rules.GLUED_WIDGETS, key=len, reverse=True))
_WIDGET_PHRASE = re.compile(_WIDGET, re.I)
# one or more widget phrases right after a sentence end, up to the end of the line
_GLUED = re.compile(
    r"(?<=[.!?…\"'”’)\]])\s*((?:" + _WIDGET + r")(?:\s*(?:" + _WIDGET + r"))*)[.!]?\s*$", re.I
)
_CAPTION_DATE = re.compile(rules.CAPTION_DATE, re.I)
_INLINE_CREDIT = re.compile(rules.INLINE_CREDIT, re.I)


def normalise_line(line: str) -> str:
    """The line stripped, runs of spaces and tabs collapsed to one space."""
    if "  " not in line and not _ODD_SPACE.search(line):
        return line.strip()  # (most lines: nothing to collapse, no substitution pass)
    return _SPACES.sub(" ", line).strip()


def line_key(line: str) -> str:
    """Lower-cased, outer punctuation stripped: the form phrase lists are matched in."""
    return normalise_line(line).strip(_KEY_STRIP).lower().replace("’", "'")


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


_MOST_WORDS = max(rules.MAX_WORDS.values())  # the longest line any reason takes

# Order matters: the first reason that fires is recorded.
_PHRASE_ORDER = ("advertisement", "share-widget", "navigation", "media-widget", "related-links")
_PATTERN_ORDER = (
    "social-embed",
    "photo-credit",
    "copyright",
    "newsletter",
    "byline",
    "dateline",
    "related-links",
)


def line_reason(line: str) -> str | None:
    """Why ``line`` is boilerplate by itself (no context), or None if it may be text."""
    line = normalise_line(line)
    if not line:
        return None
    words = word_count(line)  # (once: every reason has its own word limit)
    if words > _MOST_WORDS:
        return None  # longer than any boilerplate: no rule can fire (most article lines)
    key = line_key(line)
    for reason in _PHRASE_ORDER:
        if key in rules.LINE_PHRASES[reason] and words <= rules.MAX_WORDS[reason]:
            return reason
    if _REPORTING.search(line):
        return None  # a line that reports speech is article text
    for reason in _PATTERN_ORDER:
        if words > rules.MAX_WORDS[reason]:
            continue
        if reason in ("byline", "dateline") and _ends_like_prose(line):
            continue
        # credits may end with a period ("Jane Roe/Getty Images.")
        target = line.rstrip(".") if reason == "photo-credit" else line
        if any(p.search(target) for p in _PATTERNS[reason]):
            return reason
    return None


def _ends_like_prose(line: str) -> bool:
    """A final period that is not "a.m."/"p.m." or an initial: a sentence, not a label."""
    return bool(_ENDS_SENTENCE.search(line)) and not _TIME_END.search(line.rstrip("\"'”’)]"))


def bullet_body(line: str) -> str | None:
    """The text after a list bullet, or None when the line is not a list item."""
    for bullet in rules.BULLETS:
        if line.startswith(bullet):
            return line[len(bullet) :].strip()
    return None


def is_headline_like(text: str) -> bool:
    """Title Case, no final period, not too long: reads like a link to another story."""
    text = text.strip()
    if not text or word_count(text) > rules.MAX_WORDS["related-links"]:
        return False
    if re.search(r"\.[\"'”’)\]]*$", text) and not _TIME_END.search(text):
        return False
    words = [w.strip("\"'“”‘’()[],:;!?") for w in text.split()]
    words = [w for w in words if w and w[0].isalpha()]
    if len(words) < 2:
        return False
    content = [w for w in words if w.lower() not in rules.TITLE_SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


def sentence_count(text: str) -> int:
    """Sentences in one line, by punctuation, not counting abbreviations or initials."""
    count = 1
    for match in _SENTENCE_GAP.finditer(text):
        before = re.search(r"([A-Za-z.]+)[.!?…]*[\"'”’)\]]*$", text[: match.end()].rstrip())
        word = before.group(1).lower().strip(".") if before else ""
        if text[match.start()] == "." and (
            (len(word) == 1 and word.isalpha()) or word in ABBREVIATIONS
        ):
            continue
        if match.end() < len(text.rstrip()):
            count += 1
    return count


def caption_core(line: str) -> tuple[str, bool]:
    """The caption without an inline credit ("(Photo by .../Getty Images)"), and
    whether there was one."""
    # every credit pattern ends a line with a bracket or follows a "|": no regex scan
    # of a long line that has neither
    if "|" not in line and not line.rstrip().endswith((")", "]")):
        return line.strip(), False
    stripped = _INLINE_CREDIT.sub("", line).strip()
    return stripped, stripped != line.strip()


def has_caption_subject_and_verb(text: str, *, strict: bool = True) -> bool:
    """A subject then a present-tense caption verb: "Jane Roe waves". ``strict``: the
    subject is capitalised words (a name) and linking words, up to
    ``CAPTION_SUBJECT_MAX``; otherwise a shorter noun phrase after a capitalised first
    word ("Supporters of the plan cheer"), with no past-tense word in it."""
    words = text.split()
    if not words or not words[0][:1].isupper():
        return False
    limit = rules.CAPTION_SUBJECT_MAX if strict else rules.CAPTION_LOOSE_SUBJECT_MAX
    for index, raw in enumerate(words[: limit + 1]):
        word = raw.strip("(),;:")
        # the verb is in lower case: "Saturday, March 19" has no verb
        if index > 0 and word[:1].islower() and word in rules.CAPTION_VERBS:
            return True
        subject_word = raw.strip("(),;:'’")
        if not subject_word:
            continue
        if subject_word[0].isupper() or subject_word[0].isdigit():
            continue
        if subject_word.lower() in rules.CAPTION_SUBJECT_WORDS:
            continue
        if strict or subject_word.endswith("ed"):
            return False
    return False


def has_prose_verb(text: str) -> bool:
    """A finite verb (auxiliary, "said", a past-tense -ed word) before any relative
    clause: the line reads as an article sentence."""
    previous = ""
    for raw in text.split():
        word = raw.strip(",;:.()\"'“”‘’").lower()
        if word in rules.RELATIVE_WORDS or raw.startswith("("):
            return False
        if word in rules.PROSE_VERBS:
            return True
        if len(word) > 4 and word.endswith("ed") and previous not in rules.DETERMINERS:
            return True
        if raw.endswith(","):
            return False  # an appositive or clause follows: stop looking
        previous = word
    return False


def is_caption_before_credit(line: str) -> bool:
    """The line right above a credit line: a caption when it is one short sentence with
    no quote marks and no finite verb of prose ("Jane Roe outside the court.")."""
    if any(mark in line for mark in rules.QUOTE_MARKS) or _REPORTING.search(line):
        return False
    core, _ = caption_core(line)
    if not core or not core[0].isupper() or core.rstrip().endswith(("?", ":")):
        return False
    if word_count(core) > rules.CAPTION_BEFORE_CREDIT_MAX_WORDS or sentence_count(core) > 1:
        return False
    return has_caption_subject_and_verb(core, strict=False) or not has_prose_verb(core)


def is_caption(line: str, *, next_to_credit: bool) -> bool:
    """A photo caption: one sentence, no quote marks, subject + caption verb, and a full
    date with its year or a credit (inline or on the next/previous line)."""
    if any(mark in line for mark in rules.QUOTE_MARKS) or _REPORTING.search(line):
        return False
    if word_count(line) > rules.MAX_WORDS["photo-caption"]:
        return False
    core, inline_credit = caption_core(line)
    if not core or sentence_count(core) > 1:
        return False
    if next_to_credit or inline_credit:
        # the credit shows a photo is there: a looser subject will do
        return has_caption_subject_and_verb(core, strict=False)
    # no credit: a name, a caption verb and a full date with its year
    return has_caption_subject_and_verb(core) and bool(_CAPTION_DATE.search(core))


def _neighbour(lines: Sequence[str], index: int, step: int) -> int:
    """Index of the nearest non-blank line in direction ``step``, or -1."""
    index += step
    while 0 <= index < len(lines):
        if lines[index]:
            return index
        index += step
    return -1


def line_reasons(lines: Sequence[str]) -> list[str | None]:
    """The reason each (normalised) line is boilerplate, None for article text and
    blank lines. Context rules (link lists, captions) look at the neighbours."""
    reasons: list[str | None] = [line_reason(line) if line else None for line in lines]

    # related-link lists: bulleted headlines, and headline-like runs after a heading
    in_related = False
    for i, line in enumerate(lines):
        if not line:
            continue
        if reasons[i] == "related-links" and line_key(line) in rules.RELATED_HEADINGS:
            in_related = True
            continue
        if reasons[i] is not None:
            continue
        body = bullet_body(line)
        if body is not None and is_headline_like(body):
            reasons[i] = "related-links"
            continue
        if in_related and is_headline_like(body if body is not None else line):
            reasons[i] = "related-links"
            continue
        in_related = False

    # photo captions
    for i, line in enumerate(lines):
        if not line or reasons[i] is not None:
            continue
        before, after = _neighbour(lines, i, -1), _neighbour(lines, i, 1)
        credit_after = after >= 0 and reasons[after] == "photo-credit"
        credit_before = before >= 0 and reasons[before] == "photo-credit"
        if is_caption(line, next_to_credit=credit_before or credit_after):
            reasons[i] = "photo-caption"
        elif (
            credit_after
            and is_caption_before_credit(line)
            and not _credit_has_caption_below(lines, reasons, after)
        ):
            reasons[i] = "photo-caption"
    return reasons


def _credit_has_caption_below(
    lines: Sequence[str], reasons: Sequence[str | None], credit: int
) -> bool:
    """True when the line under a credit reads as its caption (credit-first layout):
    then the line above the credit is article text, not a second caption."""
    below = _neighbour(lines, credit, 1)
    return below >= 0 and (
        reasons[below] == "photo-caption" or is_caption(lines[below], next_to_credit=True)
    )


def strip_glued_widgets(line: str) -> tuple[str, list[str]]:
    """Cut share-widget text glued onto the end of a paragraph; return the paragraph
    and the fragments cut (in reading order)."""
    match = _GLUED.search(line)
    if not match or match.start() == 0:
        return line, []
    fragments = [m.group() for m in _WIDGET_PHRASE.finditer(match.group(1))]
    return line[: match.start()].rstrip(), fragments


def clean_text(raw: str) -> tuple[str, tuple[RemovedLine, ...]]:
    """Remove boilerplate lines (each recorded with its reason) and glued share-widget
    text; return the kept lines joined with "\\n" and what was removed."""
    lines = [normalise_line(line) for line in raw.splitlines()]
    reasons = line_reasons(lines)
    kept: list[str] = []
    removed: list[RemovedLine] = []
    for line, reason in zip(lines, reasons):
        if not line:
            continue
        if reason is not None:
            removed.append(RemovedLine(line, reason))
            continue
        body, fragments = strip_glued_widgets(line)
        if body:
            kept.append(body)
        removed.extend(RemovedLine(fragment, "share-widget") for fragment in fragments)
    return "\n".join(kept), tuple(removed)
