"""Rule data for fact comparison across articles (compare stage)."""

from __future__ import annotations

# Function words and reporting verbs: they say nothing about which fact a sentence
# carries, so they are left out of the content words. Lower-case.
STOPWORDS = frozenset(
    """
    a about above after again against all also although am an and any are aren't as at
    be because been before being below between both but by can could did do does doing
    down during each either else even ever few for from further had has have having he
    her here hers herself him himself his how however i if in into is it its itself
    just let like may me might more most much must my myself no nor not now of off on
    once one's only or other others our ours ourselves out over own per perhaps same
    shall she should since so some such than that the their theirs them themselves then
    there these they this those though through thus to too under until up upon us very
    was we were what when where whether which while who whom whose why will with within
    without would yet you your yours yourself yourselves
    said says say saying told tells tell added adding noted explained according
    reported reports reportedly stated wrote writes claimed claims
    mr mrs ms
    still already just really well get got go going gone went make made new
    s t ve ll re d m
    """.split()
)

# Words that deny what the rest of the statement says. Kept out of the content words so
# that "X signed" and "X never signed" still match; a mismatch in their presence on a
# matched pair is a claim conflict.
NEGATIONS = frozenset(
    """
    not never no cannot neither nor deny denies denied denying
    """.split()
)
# Negation cues that are verbs of denial: they deny an act, not a thing.
DENIAL_VERBS = frozenset("deny denies denied denying".split())
# Words that already say no: "the judge rejected the motion" does not contradict "the
# judge did not grant the motion".
NEGATIVE_WORDS = frozenset(
    """
    reject rejected rejects refuse refused refuses decline declined declines dismiss
    dismissed dismisses fail failed fails oppose opposed opposes block blocked blocks
    overturn overturned drop dropped drops withdraw withdrew withdrawn veto vetoed
    """.split()
)
# Contractions ending in n't (didn't, wasn't) are negations too.
NEGATION_SUFFIXES = ("n't", "n’t")

# Words that name a role when written before a person's name ("Judge Ana Ruiz"). Lower-
# case, without a final period. They are content words, not name tokens.
TITLES = frozenset(
    """
    judge justice dr doctor prof professor sen senator rep representative gov governor
    president vice mayor chief officer detective sheriff deputy sergeant sgt lt captain
    capt general gen colonel col minister secretary attorney prosecutor coach director
    chairman chairwoman chair ceo commissioner inspector rev reverend father sister
    king queen prince princess lord lady sir dame pope bishop mr mrs ms miss
    """.split()
)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}

WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

MULTIPLIERS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "bn": 1e9,
}

CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds"}
CURRENCY_WORDS = {"dollars": "dollars", "dollar": "dollars", "euros": "euros",
                  "euro": "euros", "pounds": "pounds"}

# Words between a number and the thing it counts that do not name the unit
# ("18 more months", "three full years").
UNIT_SKIP = frozenset(
    "more additional full long consecutive straight other further extra new old".split()
)

# Words that open a new clause after ", but" / ", and": a subject follows.
SUBJECT_STARTERS = frozenset(
    """
    i he she it we they you the a an his her their its our my this that these those
    there
    """.split()
)

# Event verbs, grouped by the event they name: two outlets that give different dates
# for the same event verb on the same subject ("shut since May 7" / "closed on May 8")
# disagree on when it happened, however differently the rest is worded. Every form is
# listed; the first word of each group names the event.
EVENT_VERBS = (
    "close closed closes closing shut shuts shutting",
    "reopen reopened reopens reopening",
    "open opened opens",
    "arrest arrested arrests detain detained",
    "charge charged indict indicted",
    "convict convicted",
    "sentence sentenced",
    "dismiss dismissed dismisses",
    "plead pleaded pled",
    "approve approved approves",
    "vote voted",
    "resign resigned resigns quit",
    "die died dies killed",
    "elect elected",
    "file filed sue sued",
    "announce announced announces",
    "release released freed",
    "discover discovered spot spotted found",
    "appoint appointed hire hired",
    "fire fired sacked",
    "collapse collapsed",
    "marry married wed",
    "launch launched",
)
