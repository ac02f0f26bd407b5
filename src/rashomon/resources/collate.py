"""Rule data for collating one quote across outlets (``rashomon.collate``)."""

from __future__ import annotations

import re

from .typography import DASH_FOLD, QUOTE_FOLD  # noqa: F401 - re-exported for collate

# A hyphen inside a compound ("once-in-a-generation" is written "once in a generation"
# by another outlet; "s***-show" holds a mask): a single hyphen after a letter or an
# asterisk and before a letter. A chunk that is not a censor mask as a whole is split
# after each; each part may then be a mask of its own.
COMPOUND_HYPHEN = re.compile(r"(?:(?<=[^\W\d_])|(?<=\*))(?<!-)-(?!-)(?=[^\W\d_])")
# Dashes used as punctuation between words ("late—and", "late--and") and an ellipsis
# standing for omitted words ("pier…by"): a part is split after each of them.
INNER_DASH = re.compile(r"(?:[\u2013\u2014\u2015]|-{2,}|\.{3}|\u2026)")
# Characters without which a chunk needs no split at all (a fast first test).
MAY_SPLIT = re.compile(r"[-\u2013\u2014\u2015\u2026]|\.\.\.")
# ...and before an ellipsis that follows a word ("pier…" then "by").
BEFORE_ELLIPSIS = re.compile(r"(?<=\w)(?:\.{3}|\u2026)")
# An ellipsis on its own between words is a word of the quote (an omission): its key.
ELLIPSIS = re.compile(r"(?:\.{3}|\u2026)")
ELLIPSIS_KEY = "\u2026"

# Words an editor puts in brackets for a word taken out: "[expletive]", "(bleep)",
# "[expletive deleted]".
_BRACKET_MASK = r"(?:expletive|expletives|bleep|bleeps|bleeped|censored|redacted)"
_BRACKET_MASK_AFTER = r"(?:deleted|removed)"
# A chunk of text is a run of non-space characters, or a bracketed censor mask that holds
# a space ("[expletive deleted]").
CHUNK = re.compile(
    rf"[\[(]{_BRACKET_MASK}\s+{_BRACKET_MASK_AFTER}[\])]\S*|\S+", re.IGNORECASE
)
# Heads longer than one letter that a run of three hyphens or more masks ("bulls---",
# "mother---"); any other word before "---" is a speaker breaking off ("late---very").
LONG_MASK_HEADS = "bull|bulls|bullsh|horse|horses|horsesh|mother|motherf|jack|dumb|dip|smart"

# Censor masks, matched against a whole chunk (case-folded, curly quotes folded, dashes
# kept as written) with surrounding quote marks and sentence punctuation taken off.
# Group "head" is the letter(s) kept before the mask, when any.
MASK_PATTERNS = (
    # s---, s--, s—, f---ing, f—ing: one letter, a run of dashes, maybe a tail
    re.compile(r"(?P<head>[a-z])(?:-{2,}|[\u2013\u2014\u2015]+)(?P<tail>[a-z]*)"),
    # bulls---, mother---: a known longer head before three hyphens or more
    re.compile(rf"(?P<head>{LONG_MASK_HEADS})-{{3,}}(?P<tail>[a-z]*)"),
    # s- : a single hyphen only with nothing after it (x-ray, e-mail are words)
    re.compile(r"(?P<head>[a-z])-"),
    # s***, s**t, sh*t, f**king, b****: asterisks never occur inside real words
    re.compile(r"(?P<head>[a-z]+)\*+(?P<tail>[a-z]*)"),
    re.compile(r"\*{2,}(?P<tail>[a-z]*)"),
    # s-word, f-word, f-bomb
    re.compile(r"(?P<head>[a-z])-(?:word|words|bomb|bombs)"),
    # [expletive], (bleep), [censored], [expletive deleted], [f-word]
    re.compile(rf"[\[(]{_BRACKET_MASK}(?:\s+{_BRACKET_MASK_AFTER})?[\])]"),
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
# (an inserted, dropped or changed word), or when the next run is itself substantial
# (LARGE_RUN words or more) and the gap is at most MAX_LARGE_GAP words or no longer than
# the run (a sentence one outlet dropped between two long shared runs).
MAX_SMALL_GAP = 3
MAX_LARGE_GAP = 8
LARGE_RUN = 3

# Function words (keys: case-folded, straight apostrophes). Two different remarks of one
# story often share a run of these ("this is a", "we are going to"); what makes two
# renderings one utterance is that the other words, the content words, match too.
FUNCTION_WORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "also", "although", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "else", "even", "ever", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "perhaps", "quite", "rather", "really", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves", "oh", "well", "yes", "yeah", "okay", "ok", "i'm", "i've", "i'll", "i'd", "you're", "you've", "you'll", "you'd", "he's", "he'll", "he'd", "she's", "she'll", "she'd", "it's", "it'll", "it'd", "we're", "we've", "we'll", "we'd", "they're", "they've", "they'll", "they'd", "that's", "there's", "here's", "what's", "who's", "let's", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "haven't", "hasn't", "hadn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "mustn't", "cannot", "gonna", "wanna"]
)
# Share of the content words in either rendering's part of the shared stretch that may
# be missing from the other rendering (changed, dropped, added): more than this and the
# two are different remarks sharing their function words.
MAX_CONTENT_MISS = 1 / 3
# A word spelt nearly alike on both sides (Kessler / Kestler, vote / votes, law / laws;
# rapidfuzz ratio, 0-100) is the same word altered, not a different one. Only words of
# SIMILAR_MIN_LETTERS or more without digits: he / she, no / not, 2015 / 2016 and
# can / can't (ratio 75) are different words.
SIMILAR_WORD = 80
SIMILAR_MIN_LETTERS = 3
# Two renderings that end (or open) with different words are one utterance altered when
# one word differs there ("this year" / "this winter"); with more they are two remarks
# that share an opening ("confidence in our engineers" / "in the regulator's process").
MAX_EDGE_DIVERGENCE = 1
# Word alignment inside a gap: a word replaced by one spelt nearly alike, or by a mask
# that can stand for it, costs this much (a different word 1, like a dropped word), so
# that such words pair up. Gaps of more than MAX_WEIGHTED_CELLS word pairs are aligned by
# plain Levenshtein instead (pure-Python weighted alignment is quadratic; most gaps
# between matched runs are at most MAX_LARGE_GAP words a side).
NEAR_PAIR_COST = 0.5
MAX_WEIGHTED_CELLS = 100
# Words cut from one edge that come back at the other edge of the other rendering are
# moved, not cut: at least MIN_MOVED_WORDS of them, and MOVED_SHARE of the smaller side.
MIN_MOVED_WORDS = 2
MOVED_SHARE = 0.6
# A quotation inside a quote ("I heard ‘lock the gates’ all night"): an opening mark at
# the start of a word, the nearest closing mark at the end of one. Words matched only
# inside it are someone else's words that the speaker repeats, not the speaker's own.
MAY_HOLD_INNER_QUOTE = re.compile("[\u2018\u201c\"']")
INNER_QUOTE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013-]))[\u2018\u201c'\"](?=\w)"
    r".+?(?<=[\w.,!?\u2026])[\u2019\u201d'\"](?!\w)"
)
# Where the clause holding a quote's last matched words ends; "?" there makes it a
# question.
CLAUSE_END = re.compile(r"[.?!:;]")
