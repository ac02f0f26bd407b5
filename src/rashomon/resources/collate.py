"""Rule data for collating one quote across outlets (``rashomon.collate``)."""

from __future__ import annotations

import re

from .typography import DASH_FOLD, QUOTE_FOLD  # noqa: F401 - re-exported for collate

# Dashes used as punctuation between words ("late—and", "late--and"), hyphens inside a
# compound ("once-in-a-generation" is written "once in a generation" by another outlet)
# and an ellipsis standing for omitted words ("pier…by"): a whitespace-delimited chunk is
# split after each of them unless the chunk is a censor mask.
INNER_DASH = re.compile(r"(?:[\u2013\u2014\u2015]|-{2,}|(?<=[^\W\d_])-(?=[^\W\d_])|\.{3}|\u2026)")
# ...and before an ellipsis that follows a word ("pier…" then "by").
BEFORE_ELLIPSIS = re.compile(r"(?<=\w)(?:\.{3}|\u2026)")
# An ellipsis on its own between words is a word of the quote (an omission): its key.
ELLIPSIS = re.compile(r"(?:\.{3}|\u2026)")
ELLIPSIS_KEY = "\u2026"

# A chunk of text is a run of non-space characters, or a bracketed censor mask that holds
# a space ("[expletive deleted]").
CHUNK = re.compile(
    r"[\[(](?:expletive|bleep|censored|redacted)s?\s+(?:deleted|removed)[\])]\S*|\S+",
    re.IGNORECASE,
)

# Censor masks, matched against a whole chunk (case-folded, curly quotes folded, dashes
# kept as written) with surrounding quote marks and sentence punctuation taken off.
# Group "head" is the letter(s) kept before the mask, when any.
MASK_PATTERNS = (
    # s---, s--, s—, f---ing, f—ing: one letter, a run of dashes, maybe a tail
    re.compile(r"(?P<head>[a-z])(?:-{2,}|[\u2013\u2014\u2015]+)(?P<tail>[a-z]*)"),
    # bulls---, mother---: a longer head only before three hyphens or more ("well--" and
    # "late—" are a speaker breaking off)
    re.compile(r"(?P<head>[a-z]{2,})-{3,}(?P<tail>[a-z]*)"),
    # s- : a single hyphen only with nothing after it (x-ray, e-mail are words)
    re.compile(r"(?P<head>[a-z])-"),
    # s***, s**t, sh*t, f**king, b****: asterisks never occur inside real words
    re.compile(r"(?P<head>[a-z]+)\*+(?P<tail>[a-z]*)"),
    re.compile(r"\*{2,}(?P<tail>[a-z]*)"),
    # s-word, f-word, f-bomb
    re.compile(r"(?P<head>[a-z])-(?:word|words|bomb|bombs)"),
    # [expletive], (bleep), [censored], [expletive deleted], [f-word]
    re.compile(
        r"[\[(](?:expletive|expletives|bleep|bleeped|censored|redacted)"
        r"(?:\s+(?:deleted|removed))?[\])]"
    ),
    re.compile(r"[\[(](?P<head>[a-z])-(?:word|words|bomb|bombs)[\])]"),
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

# Function words (keys: case-folded, straight apostrophes). Two different remarks of one
# story often share a run of these ("this is a", "we are going to"); what makes two
# renderings one utterance is that the other words, the content words, match too.
FUNCTION_WORDS = frozenset(
    """
    a about above after again against all also although am an and any are as at be
    because been before being below between both but by can could did do does doing down
    during each either else even ever few for from further had has have having he her
    here hers herself him himself his how however i if in into is it its itself just let
    may me might more most much must my myself no nor not now of off on once only or
    other our ours ourselves out over own perhaps quite rather really same shall she
    should so some such than that the their theirs them themselves then there these they
    this those though through thus to too under until up upon us very was we were what
    when where whether which while who whom whose why will with within without would yet
    you your yours yourself yourselves oh well yes yeah okay ok
    i'm i've i'll i'd you're you've you'll you'd he's he'll he'd she's she'll she'd it's
    it'll it'd we're we've we'll we'd they're they've they'll they'd that's there's
    here's what's who's let's isn't aren't wasn't weren't don't doesn't didn't haven't
    hasn't hadn't won't wouldn't can't couldn't shouldn't mustn't cannot gonna wanna
    """.split()
)
# Share of the content words in the shorter rendering's part of the shared stretch that
# may be missing from the other rendering (changed, dropped, not the same word): more
# than this and the two are different remarks sharing their function words.
MAX_CONTENT_MISS = 1 / 3
# A word spelt nearly alike on both sides (Kessler / Kestler, vote / votes; rapidfuzz
# ratio, 0-100) is the same word altered, not a different one.
SIMILAR_WORD = 75
# Two renderings that end (or open) with different words are one utterance altered when
# one word differs there ("this year" / "this winter"); with more they are two remarks
# that share an opening ("confidence in our engineers" / "in the regulator's process").
MAX_EDGE_DIVERGENCE = 1
# Word alignment inside a gap: a word replaced by one spelt nearly alike, or by a mask
# that can stand for it, costs this much (a different word 1, like a dropped word), so
# that such words pair up. Gaps of more than MAX_WEIGHTED_CELLS word pairs are aligned by
# plain Levenshtein instead (pure-Python weighted alignment is quadratic; the gaps between
# matched runs are at most MAX_LARGE_GAP words a side, so only long edges fall back).
NEAR_PAIR_COST = 0.5
MAX_WEIGHTED_CELLS = 100
# Words cut from one edge that come back at the other edge of the other rendering are
# moved, not cut: at least MIN_MOVED_WORDS of them, and MOVED_SHARE of the smaller side.
MIN_MOVED_WORDS = 2
MOVED_SHARE = 0.6
# A quotation inside a quote ("I heard ‘lock the gates’ all night"): an opening mark at
# the start of a word, the nearest closing mark at the end of one. Words matched only
# inside it are someone else's words that the speaker repeats, not the speaker's own.
INNER_QUOTE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013-]))[\u2018\u201c'\"](?=\w)"
    r".+?(?<=[\w.,!?\u2026])[\u2019\u201d'\"](?!\w)"
)
