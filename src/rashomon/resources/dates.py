"""Rule data for temporal expressions (dates.py) and the timeline (timeline.py).

Word lists are lower-cased. Regex fragments are plain strings so that the rule module
can compose them; every rule pattern is compiled case-insensitively, and the rule
module checks capitalisation where it matters (a bare "may" is a modal verb).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

MONTHS: Mapping[str, int] = MappingProxyType({
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
})
MONTH_ABBREVIATIONS: Mapping[str, int] = MappingProxyType({
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
})
# Full month names that are also common words or first names: alone, they need a
# date context (a preposition or a modifier) to count as a month.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "april", "june", "august"})

WEEKDAYS: Mapping[str, int] = MappingProxyType({
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
})
WEEKDAY_ABBREVIATIONS: Mapping[str, int] = MappingProxyType({
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
})

# TIMEX3 season codes, and the month each season starts in (to order and resolve).
SEASONS: Mapping[str, str] = MappingProxyType({
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
})
SEASON_START_MONTH: Mapping[str, int] = MappingProxyType({"SP": 3, "SU": 6, "FA": 9, "WI": 12})

NUMBER_WORDS: Mapping[str, int] = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "couple": 2,
    "a dozen": 12, "dozen": 12,
})
# Quantities with no number: TIMEX3 writes them X ("PXY" for "a few years").
VAGUE_QUANTITIES = frozenset({"a few", "few", "several", "many"})

ORDINAL_WORDS: Mapping[str, int] = MappingProxyType({
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
})

# Spelled ordinals of centuries ("the nineteenth century"); digits ("19th") are read as numbers.
CENTURY_ORDINALS: Mapping[str, int] = MappingProxyType({
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
})

# unit word -> (TIMEX3 duration letter, multiplier, time unit?)
UNITS: Mapping[str, tuple[str, int, bool]] = MappingProxyType({
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False),
    "fortnight": ("W", 2, False), "month": ("M", 1, False), "quarter": ("Q", 1, False),
    "year": ("Y", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
})

# Day words relative to the publication date: word -> offset in days.
DAY_WORDS: Mapping[str, int] = MappingProxyType({
    "the day before yesterday": -2, "the day after tomorrow": 2,
    "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "last night": -1,
})

# Nouns that make a possessive "today's" mean "of our era", not the publication day
# ("today's youth", "in today's world", "today's personal computers").
ERA_NOUNS = frozenset(
    """
    world youth society generation generations children kids youngsters students families
    culture economy technology technologies computers standards politics
    """.split()
)

# Modifiers of a relative unit: word -> offset in units from the publication date.
RELATIVE_WORDS: Mapping[str, int] = MappingProxyType({
    "last": -1, "past": -1, "previous": -1, "this": 0, "current": 0,
    "next": 1, "coming": 1,
})
# Which way a modified weekday lies from publication ("last Tuesday", "next Friday");
# a weekday without one of these words goes by the tense of its clause.
WEEKDAY_DIRECTIONS: Mapping[str, str] = MappingProxyType({
    "last": "last", "past": "last", "next": "next", "coming": "next", "this": "this",
})
# What follows a possessive expression ("Friday's ruling").
POSSESSIVE_ENDINGS = frozenset({"'s", "’s"})
# Decade words: the decade's digit in the 20th century ("the nineties" -> 199).
DECADE_WORDS: Mapping[str, int] = MappingProxyType({
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
})
# "a year and a half": the next smaller unit and how many of it make one unit, so
# that the count stays whole (P18M).
HALF_UNITS: Mapping[str, tuple[str, int]] = MappingProxyType({
    "year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
    "hour": ("minute", 60),
})
# Expressions that only make sense close to publication ("on Friday", "this week"):
# a text holding one was written within days of its latest dated event. Lower-case
# regex fragments; the weekday and day words above complete them.
DAY_ANCHOR_MODIFIERS = ("last", "this", "next", "past", "coming")
DAY_ANCHOR_WEEKS = r"(?:(?:earlier|later)\s+)?(?:this|last|next)\s+week"

# Anaphoric modifiers: offset in units from the date the text last established.
ANAPHORIC_WORDS: Mapping[str, int] = MappingProxyType({
    "following": 1, "next": 1, "after": 1, "later": 1, "afterwards": 1, "afterward": 1,
    "previous": -1, "preceding": -1, "before": -1, "earlier": -1, "prior": -1,
    "same": 0, "that": 0,
})

PRESENT_REF_WORDS = (
    "right now", "just now", "now", "currently", "nowadays", "at present",
    "at the moment", "presently", "these days",
)
PAST_REF_WORDS = ("recently", "lately", "the past", "recent years", "recent months",
                  "recent weeks", "recent days")
FUTURE_REF_WORDS = ("the near future", "the distant future", "the future")

# Adverbs of frequency: word -> TIMEX3 set value.
SET_WORDS: Mapping[str, str] = MappingProxyType({
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "quarterly": "P1Q", "yearly": "P1Y", "annually": "P1Y",
})

# Words after a 4-digit number that make it a count, not a year ("2021 votes").
COUNT_NOUNS = frozenset(
    """
    people persons votes voters dollars euros pounds yen points miles kilometres kilometers
    km meters metres feet acres tons tonnes pages words copies units cases deaths troops
    employees workers jobs students members residents homes houses cars shares barrels
    calories hours minutes seconds days weeks months years times percent
    """.split()
)
# Words before a 4-digit number that make it a label or an amount ("No. 2021").
LABEL_WORDS = frozenset(
    "no no. number # room flight route page pages model item items code bill".split()
)

# A yearless date in a past clause ("Dec. 15", "in May") is the coming one when that is
# at most this many days ahead of publication and the past one at least this many back.
YEARLESS_AHEAD_DAYS = 92
YEARLESS_BEHIND_DAYS = 183
# "a year ago" this many sentences after a stated quarter (or fewer) compares quarters:
# "revenue rose in the third quarter. ... up from $2 a year ago" -> that quarter, a year back.
QUARTER_REACH_SENTENCES = 3
# Words before a date that make it a deadline or an end ("by Jan. 14", "until May",
# "extended to Nov. 20"): it may lie ahead even in a past clause.
DEADLINE_WORDS = ("by", "until", "till", "through", "to", "before", "effective")
# Determiners: after "to" they make it a preposition, not an infinitive marker ("moved to
# a new site in May" states no purpose).
DETERMINERS = ("a", "an", "the", "this", "that", "these", "those", "its", "his", "her",
               "their", "our", "my", "your")
# Nouns after a date that make it a deadline ("the Jan. 14 deadline").
DEADLINE_NOUNS = ("deadline", "return date", "target date")
# Words before a date that put it behind publication whatever the clause's tense
# ("on patrol since March and scheduled to return"; "the year ended March 31").
BEHIND_WORDS = ("since", "ended")
# Words before a date that put it ahead of publication: the earliest time of something
# still to happen ("could arrive as early as Tuesday", "squared positions ahead of the
# weekend").
AHEAD_WORDS = ("as early as", "as soon as", "ahead of")

# Irregular past forms that report or help rather than tell an event (with the
# reporting verbs): a date beside only these may still lie ahead.
NOT_EVENT_PAST_WORDS = frozenset({"was", "were", "had", "did", "ago"})
# Words before an -ed form that make it an adjective or a participle, not a finite past
# verb: "the delayed vote", "was scheduled".
BEFORE_PARTICIPLE = frozenset(
    "the a an this that its their his her our is are was were be been being has have had "
    "get got gets".split()
)
# Words before "plans"/"aims" that make it a noun ("announced plans to appeal").
PLAN_NOUN_LEADS = (
    "announced", "unveiled", "outlined", "revealed", "its", "the", "his", "her", "their",
    "our", "no", "new", "has", "had", "with", "of", "any",
)
# Cues that the clause holding a date speaks of the future (resolve forwards).
FUTURE_CUES = (
    r"\bwill\b", r"\bwould\b", r"\bwon[’']t\b", r"[’']ll\b", r"\bshall\b", r"\bupcoming\b",
    r"\b(?:is|are|was|were)\s+(?:set|scheduled|expected|due|slated|poised)\s+to\b",
    r"\b(?:is|are|am)\s+going\s+to\b", r"\b(?:scheduled|slated|planned)\b", r"\bplanning\s+to\b",
    # business schedules: "plans to redeem on Nov. 16", "payable Dec. 7 to holders of
    # record Nov. 22", "to be completed around Nov. 1", "set to expire Nov. 6"
    # ("plans" as a verb: not "announced plans to appeal", "its plans to")
    r"\b" + "".join(rf"(?<!{w}\s)" for w in PLAN_NOUN_LEADS) + r"(?:plans?|intends?|aims?)\s+to\b",
    r"\bpayable\b", r"\bof\s+record\b",
    r"\bto\s+be\s+[a-z]+ed\b", r"\bset\s+to\b",
)
# Words ending in "-ed" that are no past verb ("a hundred", "will succeed", "need"), as
# regex fragments: "preferred" is an adjective before the stock it qualifies.
NOT_PAST_ED_WORDS = (
    "hundred", "kindred", "need", "indeed", "succeed", "proceed", "exceed", "speed", "feed",
    "seed", "breed", "bleed", "heed", "greed", "sacred", "naked", "wicked", "limited",
    "united", r"preferred(?=\s+(?:stock|shares?|dividends?))",
)
# Cues that the clause speaks of the past. A clause with neither kind of cue (a bare
# "payable Dec. 15") takes the nearest such date on either side of publication. The
# first (irregular verbs) is a finite verb for sure; a bare "-ed" may be an adjective
# ("the delayed vote").
PAST_CUES = (
    # (after "be" a past form is a participle: "would be held", "to be sold")
    r"(?<!\bbe\s)(?<!\bbeing\s)"
    r"\b(?:was|were|had|did|said|told|came|went|made|took|gave|began|became|rose|fell|won|"
    r"lost|left|met|held|sold|paid|ran|saw|got|found|brought|bought|spoke|wrote|ago|sank|"
    r"struck|fled|shot|quit|led|fought|broke|spent|built|drove|flew|grew|knew|threw|chose|"
    r"stole|sent|kept|felt|heard|meant|stood|taught|caught|thought|sought|fell|froze|hid|"
    r"swore|tore|woke|wore|won|beat|bit|blew|dug|drew|ate|forgave|rang|rode|sang|sat|slid|"
    r"spun|stuck|stung|swam|swung|wept|withdrew|overturned|upheld)\b",
    # lower case: a capitalised "-ed" word mid-text is a name ("United", "Mohammed")
    r"(?<!\bbe\s)(?<!\bbeing\s)\b(?!(?:" + "|".join(NOT_PAST_ED_WORDS) + r")\b)"
    r"(?-i:[a-z]{2,}ed)\b",
    # the perfect looks back ("may have been responsible on Wednesday")
    r"\b(?:has|have|'ve)\s+been\b",
)
# Reporting verbs: "X said on Friday that the team would move" holds two clauses, the
# report (past) and what was reported (here future); a date takes the tense of its own.
REPORTING_VERBS = (
    "said", "says", "told", "tells", "announced", "stated", "explained", "added", "wrote",
    "warned", "noted", "confirmed", "reported", "insisted", "argued", "acknowledged",
    "claimed", "testified", "predicted", "promised", "agreed", "denied", "admitted",
    "disclosed", "revealed", "estimated", "indicated", "signalled", "signaled",
)
# Reporting verbs that take no noun object, so a subject right after them opens the
# reported clause without "that" ("said on Friday the team would move").
ZERO_THAT_REPORTING_VERBS = frozenset({"said", "says", "added", "insisted", "argued", "claimed", "predicted"})
# Words that open a reported clause with no "that": a subject pronoun or determiner.
REPORTED_SUBJECT_STARTS = frozenset(
    "he she they it we i you the a an his her its their our this these those there".split()
    # a counted subject: "said two flights would leave"
    + "two three four five six seven eight nine ten several some many most all no".split()
)
# At most this many words between a reporting verb and its "that" ("told reporters
# in a statement on Friday that").
REPORTING_MAX_GAP = 8
# Parts of the day: TIMEX3 suffix codes ("Monday night" -> 2024-12-16TNI).
PARTS_OF_DAY: Mapping[str, str] = MappingProxyType(
    {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
)

# Discourse markers that open a clause but are not part of the event.
LEADING_MARKERS = (
    "however", "meanwhile", "still", "also", "then", "later", "earlier", "previously",
    "instead", "nevertheless", "moreover", "additionally", "in addition", "subsequently",
    "eventually", "finally", "afterwards", "afterward", "since then", "by then", "and", "but",
    "so", "yet", "now",
)
# Conjunctions that open a subordinate or coordinate clause: a clause boundary.
SUBORDINATORS = (
    "although", "though", "because", "while", "whereas", "after", "before", "until",
    "unless", "even though", "even as",
)
# Conjunctions that also open phrases ("known as", "once more"): a boundary after a comma.
COMMA_SUBORDINATORS = ("as", "when", "once")
# Prepositions that may stand before a date expression (trimmed from events).
DATE_PREPOSITIONS = (
    "in", "on", "at", "by", "during", "since", "until", "till", "from", "through",
    "throughout", "as of", "as early as", "as late as", "around", "circa", "about",
    "before", "after", "between", "of",
)

# Words in a sentence that is only a publication dateline ("Published Dec. 18, 2024").
META_WORDS = frozenset(
    """
    published updated posted modified last first on at by am pm a.m p.m est edt et gmt utc
    pst pdt cst cdt bst cet
    """.split()
)

# Function words left out when comparing two events' content words.
STOPWORDS = frozenset(
    """
    a an the and or but nor so yet of in on at by for with from to into onto over under
    about after before during since until as than then that this these those there here
    which who whom whose what when where why how is are was were be been being am has
    have had do does did done will would shall should can could may might must not no
    it its it's he him his she her hers they them their theirs we us our you your i me my
    mine also just still even only very more most much many some any all both each other
    such own same said says say told tell added noted according while although though
    because if whether against up down out off again further once now later earlier
    year years month months week weeks day days
    """.split()
)

# -- timeline tuning ----------------------------------------------------------------

# Order of date precision, finest first: a cluster takes its finest source's date.
GRANULARITY_RANK: Mapping[str, int] = MappingProxyType({"day": 0, "month": 1, "year": 2})
# Shared content words needed to call two dated clauses one event: one when the dates
# are the same day, two when one date only contains the other ("in July"/"July 12")...
SAME_DAY_OVERLAP = 1
CONTAINED_OVERLAP = 2
# ...or this share of the shorter event's words.
COVERED_SHARE = 0.5
# Incompatible dates across outlets are a conflict only for clearly the same event.
CONFLICT_OVERLAP = 3
CONFLICT_SHARE = 0.5
# Words for one event verb ("the bridge was shut" / "closed the bridge" / "the closure"),
# lower-case word -> the shared form. Kept small: a synonym merges events.
EVENT_SYNONYMS: Mapping[str, str] = MappingProxyType({
    **dict.fromkeys(("close", "closes", "closed", "closing", "closure", "closures", "shut", "shuts",
                     "shutting", "shutdown", "shutdowns"), "close"),
    **dict.fromkeys(("reopen", "reopens", "reopened", "reopening", "reopenings"), "reopen"),
    **dict.fromkeys(("arrest", "arrests", "arrested", "detained", "detain", "detains"), "arrest"),
    **dict.fromkeys(("convict", "convicts", "convicted", "conviction"), "convict"),
    **dict.fromkeys(("sentence", "sentences", "sentenced", "sentencing"), "sentence"),
})
# Incompatible dates of one event verb with a shared content word are a conflict only
# when the dates are this close (a misreported day, not a second closure months later).
CONFLICT_VERB_MAX_DAYS = 14
# A word in at least this share of the story's dated clauses (and in TOPIC_MIN_CLAUSES
# of them) is the story's topic ("bridge", "city"): sharing only such words does not
# make two clauses one event.
TOPIC_SHARE = 0.25
TOPIC_MIN_CLAUSES = 4
# Reference values that are not events (the present, an unplaced past).
NOT_EVENT_VALUES = frozenset({"PRESENT_REF", "PAST_REF"})
# Endings a crude stem drops (opened/opening, repairs/repaired), tried in order.
STEM_SUFFIXES = ("ings", "ing", "edly", "ed", "es", "al", "s", "e")

# -- plausible years ----------------------------------------------------------------

# A publication date outside these years is a typo or a placeholder ("0001-01-01"):
# it is left unknown rather than trusted.
EARLIEST_PUBLICATION_YEAR = 1800
LATEST_PUBLICATION_YEAR = 2200

# Holidays news date events by ("Thanksgiving Day", "Election Day"), as rule data:
# ("fixed", month, day); ("nth", month, weekday 0=Monday, n: 1..4, or -1 for the last);
# ("easter", days after Easter Sunday); ("election", ...): the Tuesday after the first
# Monday of November. Names in lower case, apostrophes straight.
HOLIDAYS: Mapping[str, tuple[object, ...]] = MappingProxyType({
    "new year's day": ("fixed", 1, 1), "new year's eve": ("fixed", 12, 31),
    "valentine's day": ("fixed", 2, 14), "st. patrick's day": ("fixed", 3, 17),
    "independence day": ("fixed", 7, 4), "fourth of july": ("fixed", 7, 4),
    "bastille day": ("fixed", 7, 14), "halloween": ("fixed", 10, 31),
    "veterans day": ("fixed", 11, 11), "armistice day": ("fixed", 11, 11),
    "christmas eve": ("fixed", 12, 24), "christmas day": ("fixed", 12, 25),
    "christmas": ("fixed", 12, 25), "boxing day": ("fixed", 12, 26),
    "martin luther king day": ("nth", 1, 0, 3), "presidents day": ("nth", 2, 0, 3),
    "presidents' day": ("nth", 2, 0, 3), "mother's day": ("nth", 5, 6, 2),
    "memorial day": ("nth", 5, 0, -1), "father's day": ("nth", 6, 6, 3),
    "labor day": ("nth", 9, 0, 1), "columbus day": ("nth", 10, 0, 2),
    "thanksgiving day": ("nth", 11, 3, 4), "thanksgiving": ("nth", 11, 3, 4),
    "election day": ("election",),
    "easter": ("easter", 0), "easter sunday": ("easter", 0), "good friday": ("easter", -2),
    "easter monday": ("easter", 1),
})
