"""Rule data for collating one quote across outlets (``rashomon.collate``)."""

from __future__ import annotations

import re

from .typography import DASH_FOLD, QUOTE_FOLD  # noqa: F401 - re-exported for collate

# Dashes used as punctuation between words ("late—and", "late--and"): a
# whitespace-delimited chunk is split there unless the chunk is a censor mask.
INNER_DASH = re.compile(r"(?:[\u2013\u2014\u2015]|-{2,})")

# Censor masks, matched against a whole chunk (case-folded, curly quotes folded, dashes
# kept as written) with surrounding quote marks and sentence punctuation taken off.
# Group "head" is the letter(s) kept before the mask, when any.
MASK_PATTERNS = (
    # s---, s--, s—, f---ing, f—ing: one letter, a run of dashes, maybe a tail
    re.compile(r"(?P<head>[a-z])(?:-{2,}|[\u2013\u2014\u2015]+)(?P<tail>[a-z]*)"),
    # s- : a single hyphen only with nothing after it (x-ray, e-mail are words)
    re.compile(r"(?P<head>[a-z])-"),
    # s***, s**t, sh*t, f**king, b****: asterisks never occur inside real words
    re.compile(r"(?P<head>[a-z]+)\*+(?P<tail>[a-z]*)"),
    re.compile(r"\*{2,}(?P<tail>[a-z]*)"),
    # s-word, f-word, f-bomb
    re.compile(r"(?P<head>[a-z])-(?:word|words|bomb|bombs)"),
    # [expletive], (bleep), [censored]
    re.compile(r"[\[(](?:expletive|expletives|bleep|bleeped|censored|redacted)[\])]"),
    re.compile(r"(?:bleep|bleeping|bleeped)"),
)
# "I—I" and "a—" are a speaker breaking off, not a masked word: a dash mask never
# starts with one of these letters.
NOT_MASK_HEADS = frozenset("ai")
# Taken off a chunk's ends before it is tested against MASK_PATTERNS.
MASK_EDGE = "\"'.,;:!?\u2026"

# Characters a cut explains away next to it: an outlet quoting from mid-sentence drops
# or adds the punctuation, quote marks and spaces at the edge it cut.
CUT_EDGE = " \t\n\"'.,;:!?\u2026-\u2013\u2014()[]\u2018\u2019\u201c\u201d"

# Characters stripped from both ends of a chunk before its word is read.
EDGE_PUNCTUATION = "\"'()[]{}<>.,;:!?\u2026-*/\\|_~"

# Grouping thresholds (tokens are normalised words).
MIN_RUN = 3  # a shared run of at least this many words makes two quotes candidates
SHINGLE = 3  # words per shingle in the candidate index
MIN_SHORT_QUOTE = 2  # a 2-word quote is grouped only by an exact run and one speaker
MIN_OVERLAP = 8  # words two quotes must share when each runs on past the other
MIN_COVERAGE = 0.6  # share of the contained quote's words found in the other
MIN_STRETCH_SIMILARITY = 0.6  # matched words / longer side of the shared stretch
MISATTRIBUTED_COVERAGE = 0.8  # speakers differ: matched words / the longer quote's words
MISATTRIBUTED_MIN_WORDS = 4
# A shingle held by more quotes than POSTING_PER_ARTICLE per article of the story (at
# least MIN_POSTING_CAP, at most MAX_POSTING) is a stock phrase: each quote holding it is
# then aligned with only STOCK_PHRASE_PARTNERS others (of other articles) through it.
POSTING_PER_ARTICLE = 3
MIN_POSTING_CAP = 12
MAX_POSTING = 200
STOCK_PHRASE_PARTNERS = 8
REGION_CONFLICT = 0.5  # overlap share at which two partners compete for one region

# Two matched runs are kept in one shared stretch when the words between them are few
# (an inserted, dropped or changed word), or when the next run is itself substantial.
MAX_SMALL_GAP = 3
MAX_LARGE_GAP = 8
LARGE_RUN = 3
