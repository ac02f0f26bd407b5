"""Rule data for fact comparison across articles (compare stage)."""

from __future__ import annotations

import math
import re
from types import MappingProxyType

from . import dates as _dates
from . import quotes as _quotes

# --- tuning -----------------------------------------------------------------------------

# Feature weights before the rarity factor (compare.py).
WORD_WEIGHT = 1.0
NAME_WEIGHT = 2.5
NUMBER_WEIGHT = 2.5
# The event an event verb names ("killed" and "dead" both name a death; see EVENT_VERBS)
# weighs like a name or a number when shared: what happened is most of what a fact is,
# and two sentences that share only the people and a year are likelier two facts.
EVENT_WEIGHT = 2.5
# A date weighs by its precision: sharing "July 12" says more than sharing "2021".
DATE_WEIGHTS = (1.5, 3.0, 3.5)  # year, month, day
# Least score (weighted cosine of the two feature sets) for two statements to be taken
# as one fact, and least number of shared features (one common name is not enough).
MATCH_THRESHOLD = 0.26
MIN_SHARED_FEATURES = 3
# ... of which this many must be words, numbers or dates: names alone tie together any
# two sentences about the same people.
MIN_SHARED_CONTENT = 2
# ... counting, as one, a shared name as rare as this (1 + log N/df: in at most one
# statement in eight of the story's).
RARE_NAME = 1 + math.log(8)
# Two statements whose dates are all incompatible need more: different dates say
# different events unless the rest is near-identical (content closeness STRONG_MATCH).
DATE_MISMATCH_THRESHOLD = 0.5
# A unique statement shorter than this many content words is not worth reporting,
# unless it carries a negation, a number or a date ("Vale never signed it" is short and
# exactly what a reader checking the outlets wants to see).
MIN_UNIQUE_WORDS = 3

# Statement units (compare_units.py).
# A sentence whose characters are at least this share quotation is left to the quote
# stages: what it asserts is someone's words, not the outlet's account.
QUOTE_SHARE_SKIP = 0.5
# A clause must keep at least this many content words on each side of a split.
MIN_CLAUSE_WORDS = 3
# How many words after ", and" / ", but" may come before the subject of a new clause.
SUBJECT_REACH = 3
# How far (in tokens) a negation cue reaches back and forward over its neighbours.
NEGATION_REACH_BACK = 2
NEGATION_REACH_FORWARD = 3
# After a flat denial ("no formal heat warning"), how many more words of what it denies.
NEGATED_PHRASE_WORDS = 2

# Conflicts (compare_conflicts.py).
# A name or polarity clash needs a close match: the rest of the statements must agree
# (content-word closeness, names left out).
STRONG_MATCH = 0.45
# Two statements this close (content words and numbers) that each give one full name the
# other's source never writes name two people for one part, role word or not.
SWAPPED_NAME_MATCH = 0.7
# How many shared words describe what a conflict is about.
ABOUT_WORDS = 4
# How far (characters) an event verb reaches for its date.
EVENT_REACH = 50
# Words this many characters either side of a number tell what it counts ("offer").
NUMBER_CONTEXT = 25
# A date or count does not belong to an event verb across one of these words: "flooded
# the town on Monday after engineers opened the gates" dates the flood, not the opening.
CLAUSE_LINKS = re.compile(r"\b(?:after|before|because|until|following|but)\b", re.IGNORECASE)
# Of those, the ones that may belong to the date right after them ("reopen before March").
OWN_LINKS = frozenset({"before", "after"})
# Words just before an event verb that make it a plan, not a fact: "will hold a vote on
# October 6" and "voted on Monday" are two events, not one event on two dates.
PLANNED = re.compile(
    r"\b(?:will|shall|would|is to|are to|(?:is|are) due to|set to|scheduled to|plans? to|"
    r"planned|expected to|separate)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
# A statement that says nearly all another says ("Rescuers reached the miners on
# October 8" / "Rescue teams reached the men on October 9"), on another day, gives the
# same act another date: at least this many content words in common, and this share of
# the shorter statement's content words (names, numbers and dates left out).
MIN_RESTATED_WORDS = 2
RESTATED_SHARE = 0.6
# Candidate restatements share a word held by at most one dated statement in this many.
RESTATED_INDEX_SHARE = 4
# Words that say an act happened once more, so its other date is no contradiction.
AGAIN = re.compile(r"\b(?:again|second|another|third|renewed|fresh)\b", re.IGNORECASE)
# Words besides the event verb two statements must share for an event-date conflict.
MIN_EVENT_SHARED = 2

# --- vocabulary -------------------------------------------------------------------------

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
# How many content words after a denial verb say what it denies ("denied that any
# charity money went": charity, money), for telling whether another statement speaks
# of the same thing.
DENIED_WORDS = 2
# What a denial verb may deny before the act itself: "denied reports that it had hired
# agency staff" denies the hiring.
DENIED_REPORTS = frozenset(
    "report reports claim claims allegation allegations suggestion suggestions accusation "
    "accusations rumour rumours rumor rumors".split()
)
# Words that already say no: "the judge rejected the motion" does not contradict "the
# judge did not grant the motion".
NEGATIVE_WORDS = frozenset(
    """
    reject rejected rejects refuse refused refuses decline declined declines dismiss
    dismissed dismisses fail failed fails oppose opposed opposes block blocked blocks
    overturn overturned drop dropped drops withdraw withdrew withdrawn veto vetoed
    insufficient inadequate unable unlawful unsafe
    """.split()
)
# Contractions ending in n't (didn't, wasn't) are negations too.
NEGATION_SUFFIXES = ("n't", "n’t")

# Words that name a role when written before a person's name ("Judge Ana Ruiz"): the
# quote stage's titles, plus a few more. Lower-case, without a final period. They are
# content words, not name tokens.
TITLES = _quotes.TITLES | frozenset(
    "bishop chair col colonel doctor father sister".split()
)

# Month names and their abbreviations, from the dates stage's vocabulary.
MONTHS = MappingProxyType({**_dates.MONTHS, **_dates.MONTH_ABBREVIATIONS})
WEEKDAYS = frozenset(_dates.WEEKDAYS)

# Number words of the dates stage that do not count alone: the articles, and "couple"
# (which needs its "a ... of" to count); phrases are read word by word here.
_NOT_COUNTS = frozenset({"a", "an", "couple"})
NUMBER_WORDS = MappingProxyType(
    {w: n for w, n in _dates.NUMBER_WORDS.items() if " " not in w and w not in _NOT_COUNTS}
)

# Prepositions after which a bare "May" (more often the verb) is read as the month by
# the compare stage's own date rules.
MONTH_PREPOSITIONS = ("in", "In", "of", "since", "until", "by")

MULTIPLIERS = MappingProxyType({
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "bn": 1e9,
})
# Multiplier abbreviations that only count when written against the figure ("$2m").
ATTACHED_MULTIPLIERS = frozenset({"k", "m", "bn"})
# Letters written onto a figure that make it a rank or a decade ("3rd", "1990s").
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "s"})

CURRENCIES = MappingProxyType({"$": "dollars", "€": "euros", "£": "pounds"})
CURRENCY_WORDS = MappingProxyType({"dollars": "dollars", "dollar": "dollars", "euros": "euros",
                                   "euro": "euros", "pounds": "pounds"})

# Words between a number and the thing it counts that do not name the unit
# ("ten more months", "three full years").
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
# (or different counts: "sentenced to 30 months" / "to 36 months") for the same event
# verb on the same subject ("shut since May 7" / "closed on May 8") disagree on it,
# however differently the rest is worded; and two statements naming the same event in
# different words ("killed" / "dead") are likelier the same fact. Every form is listed;
# the first word of each group names the event.
EVENT_VERBS = (
    "close closed closes closing shut shuts shutting",
    "reopen reopened reopens reopening",
    "open opened opens",
    "arrest arrested arrests detain detained",
    "charge charged indict indicted",
    "convict convicted",
    "sentence sentenced sentencing",
    "dismiss dismissed dismisses",
    "plead pleaded pled",
    "approve approved approves",
    "vote voted",
    "resign resigned resigns quit",
    "die died dies killed dead death",
    "shoot shot shoots shooting",
    "elect elected",
    "file filed sue sued",
    "announce announced announces",
    "release released freed",
    "discover discovered spot spotted found locate located",
    "appoint appointed hire hired",
    "eliminate eliminates eliminated eliminating axed axing slashed slashing removes",
    "escape escaped escapes",  # ("escape" the noun: "the escape happened on Sunday")
    "issued imposed imposes",
    "sack sacked fired",  # not "fire": the noun is in every wildfire story
    "collapse collapsed",
    "marry married wed",
    "launch launched",
    "strike strikes striking walkout walkouts stoppage",
    "steal stole stolen",
)

# word -> the event it names (the first word of its EVENT_VERBS group)
EVENT_OF = MappingProxyType(
    {word: group.split()[0] for group in EVENT_VERBS for word in group.split()}
)

# Wire copy (rashomon.syndication): two articles are copies when SYNDICATION_CONTAINMENT
# of the word SYNDICATION_SHINGLE-grams of the shorter body are in the other, and the
# shorter has at least MIN_COPY_SHINGLES of them. Two outlets' own reports of one event
# share a few names and phrases (well under a tenth of their 5-grams); a republished wire
# story, trimmed or retitled, keeps most of them.
SYNDICATION_SHINGLE = 5
SYNDICATION_CONTAINMENT = 0.6
MIN_COPY_SHINGLES = 20
# ...and the shared 5-grams are at least this share of the longer body too (a copy cut
# by its last paragraph keeps most; a one-paragraph brief inside a long story does not)
MIN_COPY_SHARE_OF_LARGER = 0.4

# Words that outlets use for one thing (news English, not any one story): two statements
# that say "employees" and "workers", "blast" and "explosion", "detained" and "taken into
# custody" are compared as saying the same word. Every form is listed (the stemmer is
# crude); the first word of each group names it. Multiword forms are in SAME_PHRASES.
SAME_WORDS = (
    "worker workers employee employees staff staffer staffers",
    "night nights overnight",
    "blast blasts explosion explosions explode exploded",
    "blaze blazes",
    "injured injury injuries hurt wounded",
    "money cash funds fund",
    "arrest arrested arrests detained detain",
    "begin began begun start started starts",
    "resume resumed resumes restart restarted",
    "talk talks negotiation negotiations",
    "strike strikes walkout walkouts stoppage stoppages",
    "sound sounded sounds rang",
    "inspect inspected inspection inspections",
    "investigate investigated investigation inquiry probe",
    "evacuate evacuated evacuation evacuations",
    "rescue rescued rescuers rescuer saved",
    "thief thieves raider raiders burglar burglars robber robbers",
    "steal stole stolen",
    "painting paintings artwork artworks canvas canvases masterpiece masterpieces",
    "guard guards watchman",
    "prison jail",
    "child children kid kids",
    "resident residents locals",
    "company companies",
    "house home",
    "boss chief",
    "missing disappeared vanished",
    "helicopter chopper",
    "hospital infirmary",
    "build built construction",
    "elect elected election",
    "resign resigned resignation",
    "agree agreed agreement deal",
    "rise rises increase increases hike hikes",
    "job jobs position positions",
    "offer offered",
    "percent per-cent",
    "lawmaker lawmakers legislator legislators",
    "car cars vehicle vehicles",
    "doctor doctors physician physicians",
    "police officers",
    "fined penalty penalties",
    "ban banned",
    "close closed shut",
    "admit admitted admits confessed confession",
    "deny denied denies",
)
# Irregular verbs: the past forms the crude stemmer cannot undo ("shook" / "shaking",
# "fell" / "falling"), each entry the base form then its past forms. Past forms that are
# as often a noun or an adjective in news ("left", "ground", "bound", "bit", "saw") are
# left out.
IRREGULAR_VERBS = (
    "arise arose arisen", "awake awoke awoken", "bear bore borne", "beat beaten",
    "become became", "begin began begun", "bend bent", "bid bade",
    "bite bitten", "bleed bled", "blow blew blown", "break broke broken",
    "bring brought", "build built", "burn burnt", "buy bought", "catch caught",
    "choose chose chosen", "cling clung", "come came", "creep crept", "deal dealt",
    "dig dug", "do did done", "draw drew drawn", "drink drank drunk", "drive drove driven",
    "eat ate eaten", "fall fell fallen", "feed fed", "feel felt", "fight fought",
    "find found", "flee fled", "fly flew flown", "forbid forbade forbidden",
    "forget forgot forgotten", "forgive forgave forgiven", "freeze froze frozen",
    "get got gotten", "give gave given", "go went gone", "grow grew grown",
    "hang hung", "hear heard", "hide hid hidden", "hold held", "keep kept", "know knew known",
    "lay laid", "lead led", "lend lent", "lie lain", "lose lost", "make made",
    "mean meant", "meet met", "pay paid", "ride rode ridden", "ring rang rung",
    "rise rose risen", "run ran", "seek sought", "sell sold", "send sent", "shake shook shaken",
    "shine shone", "shoot shot", "show shown", "shrink shrank shrunk", "sing sang sung",
    "sink sank sunk", "sit sat", "slay slew slain", "sleep slept", "slide slid",
    "speak spoke spoken", "spend spent", "spin spun", "stand stood", "steal stole stolen",
    "stick stuck", "sting stung", "strive strove striven",
    "swear swore sworn", "sweep swept", "swim swam swum", "swing swung", "take took taken",
    "teach taught", "tear tore torn", "think thought", "throw threw thrown",
    "understand understood", "wake woke woken", "wear wore worn", "weep wept",
    "win won", "repay repaid", "withdraw withdrew withdrawn", "write wrote written",
)
# Multiword forms: a phrase (lower-case, words as written) and the word of SAME_WORDS or
# the event of EVENT_VERBS it stands for.
SAME_PHRASES = (
    ("taken into custody", "arrest"),
    ("went off", "sound"),
    ("go off", "sound"),
    ("gone off", "sound"),
    ("got under way", "begin"),
    ("get under way", "begin"),
    ("walked out", "strike"),
    ("downed tools", "strike"),
    ("industrial action", "strike"),
    ("walk out", "strike"),
    ("most recent", "last"),
    ("per cent", "percent"),
    ("set fire", "blaze"),
    ("broke out", "begin"),
    ("passed away", "die"),
    ("lost their lives", "die"),
    ("put out", "extinguish"),
    ("made off with", "steal"),
    ("talks broke down", "collapse"),
    ("signed off", "approve"),
    ("broke free", "escape"),
    ("paid back", "repay"),
    ("pay back", "repay"),
    ("paying back", "repay"),
    ("broken free", "escape"),
    ("sign off", "approve"),
    ("talks break down", "collapse"),
    ("make off with", "steal"),
)

# Story-wide slots (rashomon.compare_slots).
# An age belongs to the name that ends at most AGE_REACH characters before it.
AGE_REACH = 40
# A passive "by" names who did the event when it stands at most this many characters
# before the name ("spotted by volunteer Owen Trask").
AGENT_REACH = 50
# "by" and only lower-case words (a description) up to the name: "by a dog handler, ";
# a title may stand between ("by Sergeant Tom Cole" is read with the title in the name)
BY_AGENT = re.compile(r"\bby\s+(?:[a-z-]+(?:['’]s)?,?\s+){0,5}$")
# A role word and a comma just before a name: "the night guard, Dmitri Halloran"
APPOSITIVE_ROLE = re.compile(r"\b([a-z][a-z-]+),\s*$")
# A denial and an assertion of the same word clash when they share this many other
# content words (a verb's "not" two more, antonym pairs two more).
MIN_CLAIM_SHARED = 1
# Negation cues that deny a thing outright ("No alarm went off", "never made a sound"),
# unlike a verb's "not" ("has not been named", "cannot run").
FLAT_DENIALS = frozenset("no none never nobody nothing".split())
# "Neither side has returned" denies the returning, not the side: these cues deny no
# word that follows them (their negation has no scope).
QUANTIFIER_DENIALS = frozenset("neither nor".split())
# "no" in a name for a thing, not a denial: "a vote of no confidence".
NOT_DENIALS = re.compile(
    r"\bno[\s-](?:confidence|fly|go|show|man's)\b"
    r"|\bwithout\s+(?:warning|fail|exception|delay|doubt|question)\b",
    re.IGNORECASE,
)
# Two-word negation cues that deny the thing after them outright: "ruled out the line".
DENIAL_PHRASES = frozenset({("ruled", "out"), ("rules", "out"), ("rule", "out")})
# Where a name is who a statement is attributed to: "..., said Anna Berg", "according to
# Tom Hale", "Anna Berg said".
ATTRIBUTION_BEFORE = re.compile(
    r"\b(?:said|says|told|according\s+to|added|explained|confirmed)\s+(?:[a-z-]+\s+){0,3}$"
)
ATTRIBUTION_AFTER = re.compile(r"\s*,?\s*(?:said|says|told|added|explained)\b")
# Words before a name that describe rather than name a role: "local resident Anna Berg".
DESCRIBING_WORDS = frozenset("local young old former fellow retired elderly".split())
# Capitalised words that open a sentence before a name and are no first name of it
# ("Yesterday Anna Berg said", "Witness Tom Hale").
NO_FIRST_NAMES = frozenset(
    "yesterday today tonight tomorrow meanwhile however earlier later speaking witness "
    "witnesses nurse neighbour neighbor resident residents police spokesman spokeswoman "
    "spokesperson pensioner mother father grandmother grandfather student pupil".split()
)
# A negation after a modal is a promise or a rule ("will never ask", "would not do so",
# "must not open"), not an account of what happened: it denies nothing.
MODALS = frozenset("will would shall should must".split())
# The same, contracted with their "not": "won't ask".
MODAL_NEGATIONS = frozenset("won't won’t wouldn't wouldn’t shan't shan’t shouldn't shouldn’t mustn't mustn’t".split())
# Negation cues besides NEGATIONS: "without" denies the act after it ("left without
# shaking hands"), and a verb of refusal followed by "to" the act it refuses ("refused
# to concede"); alone ("refused bail") such a verb already says no (NEGATIVE_WORDS).
WITHOUT = "without"
REFUSAL_VERBS = frozenset(
    "refuse refused refuses refusing decline declined declines declining fail failed "
    "fails failing".split()
)
# Verbs that say the opposite of each other about the same thing (antonym pairs need two
# more content words in common than a flat denial).
ANTONYM_CLAIMS = (
    ("admitted", "denied"),
    ("confirmed", "denied"),
    ("accepted", "rejected"),
    ("guilty", "innocent"),
)
# Uses of a claim verb that claim nothing: "admitted to hospital", "accepted into".
OTHER_SENSES = MappingProxyType({
    "admitted": re.compile(r"\badmit(?:s|ted|ting)?\s+(?:to|into)\b", re.IGNORECASE),
    "accepted": re.compile(r"\baccept(?:s|ed|ing)?\s+into\b", re.IGNORECASE),
})
# Roles a story has one holder of: one source naming the judge as one person and
# another as another disagree. A role some source gives two people is left out.
SINGLE_ROLE_WORDS = (
    "judge justice guard watchman captain skipper pilot driver coach mayor manager director "
    "curator principal headteacher headmistress headmaster prosecutor governor sheriff owner "
    "founder chairman "
    "chairwoman treasurer conductor operator handler"
).split()

# A role written as a phrase around a full name ("engineer in charge Gareth Penhale",
# "Corinne Ashdale, the chief engineer in charge of the dam"): up to ROLE_PHRASE_WORDS
# lower-case words, over these joining words, stopping at anything else. Two people of
# two sources whose role phrases share MIN_ROLE_WORDS words (folded by ROLE_SAME, so
# "head" and "director" are "chief", itself one word with "boss" in SAME_WORDS) hold
# one role, when one of those words says it has one holder (ROLE_HEAD_WORDS or
# SINGLE_ROLE_WORDS: "council member" has many) and no source gives it two people.
ROLE_PHRASE_WORDS = 4
ROLE_HEAD_WORDS = frozenset("chief charge".split())
# What a role set off after a name is of: "the chief executive of Harbour Foods".
ROLE_OF = re.compile(r"\b(?:of|at)\s+((?:[A-Z][\w'’-]*\s*)+)")
# "Head teacher Helen Garside": the school's head, one role with "headmistress".
HEAD_TEACHER = re.compile(r"\bhead\s+teacher\s*$", re.IGNORECASE)
ROLE_JOINERS = frozenset("of in at for".split())
ROLE_ARTICLES = frozenset("the a an".split())
MIN_ROLE_WORDS = 2
ROLE_SAME = MappingProxyType({
    "head": "chief", "director": "chief", "boss": "chief", "leader": "chief",
    "headmistress": "headteacher", "headmaster": "headteacher",
})

# Counted things a story has one count of however many times it is told ("14
# turbines", "four batches"): units left out of that story-wide slot, as they count many
# different things in one story (time, money, shares, people in general).
MANY_COUNT_UNITS = (
    "years months weeks days hours minutes seconds times percent people person others more "
    "residents members votes points miles kilometres km metres m feet foot yards inches "
    "centimetres cm kg kilograms grams g tons tonnes litres pounds ounces acres hectares "
    "degrees"
).split()

# A word next to an amount or a share names it story-wide ("repair" bill, pay "rise")
# when it is in at most one statement in AMOUNT_WORD_SHARE of the story's.
AMOUNT_WORD_SHARE = 8

# Counts that grow as a story goes on (rashomon.compare_updates): a later article's larger
# figure for one of these is an update, not a conflict.
GROWING_COUNTS = (
    "dead deaths killed died victims injured injuries hurt wounded casualties "
    "arrests arrested detained charged evacuated evacuees displaced rescued volunteers "
    "searchers cases infections hospitalised hospitalized homes houses flooded "
    "ill sick sickened complaints signatures"
).split()
# A vote's tally: two figures joined by "to" or a dash ("voted 11 to 6", "by 11 votes
# to 6", "a 5-4 vote") with a vote word at most TALLY_REACH characters before or after.
TALLY_LINK = re.compile(r"\s+to\s+|\s*[-–]\s*")
VOTE_WORDS = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ballot|margin)\b", re.IGNORECASE)
TALLY_REACH = 25
# Two tallies of one vote add up to within this many votes of each other (abstentions).
TALLY_TOTAL_SLACK = 2
# Word endings of adjectives: "640 permanent staff" counts staff (compare_values).
ADJECTIVE_ENDINGS = ("ent", "ant", "al", "ive", "ous", "ic", "ary", "ful", "less", "able", "ible")

# Of the growing tolls, the ones that are things: they name a toll only as what a figure
# counts ("146 volunteers", "140 homes"), not as a word near it ("1,870 people left
# their homes"); the others (killed, injured, flooded...) name it from near the figure.
TOLL_THINGS = frozenset(
    "deaths victims injuries casualties arrests evacuees volunteers searchers cases "
    "infections homes houses complaints signatures".split()
)
# "The number of homes hit by floodwater rose to 212", "raising the death toll to
# three": a count written after the thing it counts, which names the toll (rashomon.
# compare_updates). The word after "death" names the dead.
TOLL_NOUN = re.compile(r"\b(?:number|toll|count|tally|total)\s+of\s+(?:\w+\s+){0,2}?(\w+)", re.IGNORECASE)
# Verbs after "the number of ..." that say it grew: "has climbed to 410".
GROWTH_VERBS = re.compile(
    r"\b(?:rose|risen|rises|climbed|climbs|increased|grown|grew|jumped|soared|reached|"
    r"passed|topped)\b", re.IGNORECASE
)
DEATH_TOLL = re.compile(r"\bdeath\s+toll\b", re.IGNORECASE)
# Counted words as good as none for telling two tolls apart ("23 people injured" and
# "the number injured rose to 31").
GENERIC_UNITS = frozenset("people persons person others more".split())

# Words before a number that hedge it (rashomon.compare_values.NumberMention): "about"
# counts agree within APPROXIMATE_SHARE of the larger; "over" is a lower bound, "under"
# an upper one. "Some 8,900" and "about 9,000" passengers are one count, not a conflict.
HEDGES = MappingProxyType({
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "nearly": "about", "almost": "about", "close to": "about",
    "an estimated": "about", "estimated": "about",
    "more than": "over", "over": "over", "at least": "over", "upwards of": "over",
    "in excess of": "over", "not more than": "under",
    "fewer than": "under", "less than": "under", "under": "under", "up to": "under",
    "at most": "under", "no more than": "under", "within": "under",
})
APPROXIMATE_SHARE = 0.1
HEDGE_REACH = 24  # characters before a number searched for a hedge
# Words after a negation that make it about the telling, not about what happened ("did
# not say whether ...", "has not been named", "has not said how many"): the negation
# denies nothing another outlet could state (it gets no scope).
UNREPORTED = frozenset(
    "say said says comment commented confirm confirmed disclose disclosed reveal revealed "
    "respond responded name named identify identified whether how if why many much".split()
)
# Characters either side of a figure searched for the toll it counts.
TOLL_REACH = 30
