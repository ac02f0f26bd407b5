"""Finding temporal expressions: the rule patterns, their context checks, and the
choice of non-overlapping matches. Resolution (what a match means) is in
``dates_resolve``; the word lists are in ``resources/dates.py``.

Each rule is a named regex. When a rule needs context that is not part of the
expression ("in the summer" -> "the summer"), the expression is the group ``x``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .resources import dates as R


def _alternation(words) -> str:
    """A regex alternation of ``words``, longest first, spaces as any white space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


MONTH_FULL = rf"(?:{_alternation(R.MONTHS)})(?![a-z])"
MONTH_ANY = rf"(?:(?:{_alternation(R.MONTHS)})|(?:{_alternation(R.MONTH_ABBREVIATIONS)})\.?)(?![a-z])"
WEEKDAY_FULL = rf"(?:{_alternation(R.WEEKDAYS)})"
WEEKDAY_ANY = rf"(?:(?:{_alternation(R.WEEKDAYS)})|(?:{_alternation(R.WEEKDAY_ABBREVIATIONS)})\.?)(?![a-z])"
WEEKDAY_LEAD = rf"(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"  # not a clock time (10:30)
YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
# holiday names with either apostrophe ("New Year’s Day")
HOLIDAY = _alternation(R.HOLIDAYS).replace("'", "['’]")
SEASON = rf"(?P<season>{_alternation(R.SEASONS)})"
NUMBER = rf"(?:\d+(?:\.\d+)?|{_alternation(set(R.NUMBER_WORDS) | R.VAGUE_QUANTITIES)})"
# a number that is not the article "a"/"an": "a year" alone is not a duration
COUNT = rf"(?:\d+(?:\.\d+)?|{_alternation((set(R.NUMBER_WORDS) - {'a', 'an'}) | R.VAGUE_QUANTITIES)})"
UNIT = rf"(?P<unit>{_alternation(R.UNITS)}|centuries)(?:s)?"
UNIT_PLURAL = r"(?P<unit>seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries)"
MOD = r"(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?"
PRESENT = _alternation(R.PRESENT_REF_WORDS)
DAY_WORD = _alternation(R.DAY_WORDS)
SET_WORD = _alternation(R.SET_WORDS)

# broadcast transcripts spell years out: "nineteen ninety-six", "the year two thousand"
SPELLED_YEAR = (
    r"(?:(?P<c>nineteen|eighteen)[\s-]+(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety)(?:[\s-]+(?P<unit>one|two|three|four|five|six|seven|eight|nine))?|(?P<teen>ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b|"
    r"the\s+year\s+(?P<millennium>two\s+thousand)\b)"
)

# (rule name, pattern). Order does not matter: the longest match wins, then the
# earliest; rules of equal span are tried in this order.
RULES: tuple[tuple[str, str], ...] = (
    ("iso", rf"\b{YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("slash", r"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"),
    ("mdy", rf"\b{WEEKDAY_LEAD}(?P<month>{MONTH_ANY})\s+{DAY},?\s+{YEAR}"),
    ("dmy", rf"\b{WEEKDAY_LEAD}(?:the\s+)?{DAY}\s+(?:of\s+)?(?P<month>{MONTH_ANY}),?\s+{YEAR}"),
    ("month_year", rf"\b{MOD}(?P<month>{MONTH_ANY})(?:\s+of)?,?\s+{YEAR}"),
    ("md", rf"\b{WEEKDAY_LEAD}(?P<month>{MONTH_ANY})\s+{DAY}\b"),
    ("week_of", rf"\b(?:the\s+)?week\s+of\s+(?P<month>{MONTH_ANY})\s+{DAY}(?:,?\s+{YEAR})?"),
    # "April 24 and 25": the second day takes the month of the first
    ("md_second", rf"\b(?P<month>{MONTH_ANY})\s+[0-3]?\d(?:st|nd|rd|th)?\s+(?:and|or|to|through)\s+"
                  r"(?P<x>(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)\b(?![.:]\d)"),
    ("dm", rf"\b{WEEKDAY_LEAD}(?:the\s+)?{DAY}\s+(?:of\s+)?(?P<month>{MONTH_FULL})"),
    ("month_anaphor", rf"\b(?P<month>{MONTH_FULL})\s+(?:of\s+)?(?P<ana>the\s+same\s+year|that\s+year|"
                      r"the\s+following\s+year|the\s+next\s+year|the\s+previous\s+year|"
                      r"the\s+preceding\s+year|the\s+year\s+before|the\s+year\s+after)\b"),
    ("month_relative", rf"\b(?P<rel>last|this|next|past|coming)\s+(?P<month>{MONTH_FULL})"),
    ("month_of_relative_year", rf"\b(?P<month>{MONTH_FULL})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"),
    ("month_mod", rf"\b(?P<mod>early|mid|late)[\s-]+(?P<month>{MONTH_FULL})"),
    ("month", rf"\b(?P<month>{MONTH_FULL})"),
    ("year", rf"(?<![\$£€#\d.,])\b{MOD}{YEAR}\b(?![.,]\d|\s*%)"),
    # a year before 1900 only after a preposition of time ("in 1898", "the War of 1812"):
    # alone, such a number is as often an amount
    ("year_early", r"\b(?:in|since|of|until|before|after)\s+(?P<x>(?P<year>1[0-8]\d\d))\b"
                   r"(?![.,]\d|\s*%)"),
    ("decade", r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<decade>(?:19|20)\d0)[’']?s\b"),
    ("decade_short", r"(?:\bthe\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?[’'](?P<d2>\d)0s\b"),
    ("decade_word", r"\bthe\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dw>twenties|thirties|forties|"
                    r"fifties|sixties|seventies|eighties|nineties)\b"),
    ("season_year", rf"\b(?:(?:the|early|late)\s+)?{SEASON}(?:\s+of)?,?\s+{YEAR}"),
    ("year_season", rf"\b{YEAR}\s+{SEASON}\b"),
    ("season_relative", rf"\b(?P<rel>last|this|next|past|coming)\s+{SEASON}\b"),
    ("season", rf"\b(?:in|into|of|during|over|by|until|since|through|throughout)\s+(?P<x>the\s+"
               rf"(?:(?:early|late|mid)[\s-]+)?{SEASON})\b(?!\s+of\b)"),
    ("century", rf"\b(?:the\s+)?(?P<c>[12]?\d(?:st|nd|rd|th)|{_alternation(R.CENTURY_ORDINALS)})"
                r"[\s-]+century\b"),
    ("quarter", rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?,?\s+{YEAR}"),
    ("quarter_yearless", r"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b"),
    ("quarter_code", rf"\bQ(?P<q>[1-4])\s+{YEAR}"),
    ("holiday", rf"\b(?P<holiday>{HOLIDAY})\b(?:,?\s+{YEAR})?"),
    ("spelled_year", rf"\b{SPELLED_YEAR}"),
    # "January nineteen ninety-seven", "the winter of nineteen ninety-four"
    ("spelled_month_year", rf"\b(?P<month>{MONTH_FULL})\s+(?:of\s+)?{SPELLED_YEAR}"),
    ("spelled_season_year", rf"\b(?:the\s+)?{SEASON}\s+of\s+{SPELLED_YEAR}"),
    ("the_weekend", r"\b(?:the|this\s+past)\s+weekend\b"),
    ("year_end", r"\b(?:the\s+end\s+of\s+the\s+year|year[-\s]end|year[’']s\s+end)\b"),
    ("the_year", r"\b(?:for|in|(?:months|weeks|half|quarters?|rest|remainder|part)\s+of|during|"
                 r"over|through|throughout)\s+(?P<x>the\s+(?:(?:full|fiscal|"
                 r"current|whole|entire)\s+)?year)\b(?![\s-]+(?:before|after|earlier|later|ago|"
                 r"that|when|in|of|to|which|he|she|they|it|we)\b|\s+(?:19|20)\d\d\b)(?!-)"),
    ("year_quarter", rf"\b(?:the\s+)?{YEAR}\s+(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
                     r"[\s-]+quarter\b"),
    ("half_year", rf"\b(?:the\s+)?(?:(?P<h>first|second|last|latter)\s+half|(?P<q>first|last)\s+"
                  rf"(?:two|2)\s+quarters)\s+of\s+(?:fiscal\s+)?{YEAR}"),
    ("year_period", rf"\bthe\s+{YEAR}\s+(?:period|quarter)\b"),
    ("period_anaphor", r"\bthe\s+(?:(?:latest|recent|most\s+recent|same|comparable|fiscal)\s+)?"
                       r"quarter\b|\bthe\s+(?:latest|most\s+recent|comparable|same)\s+period\b"),
    ("year_ago_period", r"\b(?:the\s+)?(?:comparable\s+)?year-(?:earlier|ago)(?:\s+(?:(?P<q>first|second|"
                        r"third|fourth)\s+)?(?:quarter|period))?\b|\bthe\s+(?:quarter|period)\s+a\s+"
                        r"year\s+(?:ago|earlier)\b"),
    # "the corresponding period last year", "last year's quarter": the reported quarter,
    # a year back
    ("last_year_period", r"\bthe\s+(?:corresponding|comparable|same)\s+(?:period|quarter)\s+"
                         r"(?:of\s+)?last\s+year\b|\blast\s+year[’']s\s+(?:quarter|period)\b"),
    ("relative_year_quarter", r"\b(?P<rel>last|this|next)\s+year[’']s\s+(?P<q>first|second|third|"
                              r"fourth)\s+quarter\b"),
    ("weekday", rf"\b(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<wd>{WEEKDAY_FULL})\b"
                rf"(?:\s+(?P<pod>{_alternation(R.PARTS_OF_DAY)})\b)?"),
    # "9 a.m. EST Tuesday": a clock time on a weekday (TimeML values it with the hour)
    ("weekday_anaphor", rf"\bthe\s+(?P<ana>previous|preceding|following|next)\s+"
                        rf"(?P<wd>{WEEKDAY_FULL})\b"),
    ("clock_weekday", r"\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*"
                      rf"(?P<half>[ap])\.?m\.?(?:\s+[A-Z]{{3}})?\s+(?:on\s+)?(?P<wd>{WEEKDAY_FULL})\b"),
    ("weekday_set", rf"\b(?P<x>(?P<wd>{WEEKDAY_FULL})s)\b"),
    ("weekday_every", rf"\b(?:every|each)\s+(?P<wd>{WEEKDAY_FULL})\b"),
    # "today is the eighth day of the strike": the day of writing, counted in an event
    ("nth_day_today", rf"\b(?:today\s+is|it\s+is|it[’']s|this\s+is)\s+(?P<x>(?:the\s+)?"
                      rf"(?:{_alternation(R.CENTURY_ORDINALS)}|\d+(?:st|nd|rd|th))\s+day)\b"),
    ("day_word", rf"\b(?P<dw>{DAY_WORD})\b"),
    ("relative_unit", r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>last|this|next|past|previous|"
                      r"coming|current)\s+(?:fiscal\s+)?"
                      r"(?P<unit>week|weekend|month|quarter|year|decade|century)\b"),
    ("past_unit", r"\bthe\s+(?:last|past)\s+(?P<unit>day|week|month|quarter|year|decade|century)\b"),
    ("ago", rf"\b(?P<n>{NUMBER})\s+{UNIT}\s+ago\b"),
    ("vague_ago", r"\b(?P<unit>years|months|weeks|days|decades)\s+ago\b"),
    ("shift", rf"\b(?P<n>{NUMBER})\s+{UNIT}\s+(?P<ana>earlier|later|afterwards?)\b"),
    ("shift_end", rf"\b(?P<n>{NUMBER})\s+{UNIT}\s+(?P<ana>before|after|prior)(?=\s*(?:[,.;:!?)]|$))"),
    ("anaphor_same", r"\b(?:(?P<mod>later|earlier)\s+)?(?P<ana>that|the\s+same)\s+(?P<unit>day|week|month|year)\b"),
    ("anaphor_next", r"\bthe\s+(?P<ana>following|next|previous|preceding)\s+"
                     r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b"),
    ("anaphor_before", r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<ana>before|after)(?=\s*(?:[,.;:!?)]|$))"),
    # "will one day be": some day ahead, no duration
    ("one_day_ahead", r"\b(?:will|may|might|could|would|can|shall)\s+(?P<x>one\s+day)\b"),
    ("future_span", rf"\bthe\s+(?:next|coming)\s+(?:(?P<n>{NUMBER})\s+)?{UNIT_PLURAL}\b"),
    ("duration", rf"\b(?:(?:(?:these|those|the)\s+)?(?:last|past|previous|first)\s+)?(?P<n>{COUNT})[\s-]+{UNIT}\b(?!-)"),
    ("duration_half", rf"\b(?P<n>{NUMBER})\s+(?:(?P<unit>year|month|day|week|hour)s?\s+and\s+a\s+half|"
                      r"and\s+a\s+half\s+(?P<unit2>year|month|day|week|hour)s)\b"),
    ("age", rf"\b(?P<n>{COUNT})-(?P<unit>year|month|week|day)s?-old\b"),
    ("duration_a", rf"\b(?:for|over|nearly|almost|about|than|within|lasting)\s+(?P<x>(?P<n>an?)\s+(?P<unit>{_alternation(R.UNITS)}))\b"),
    ("duration_vague", rf"\bfor\s+(?P<x>{UNIT_PLURAL})\b"),
    ("present", rf"\b(?P<ref>{PRESENT})\b"),
    ("past_ref", r"\b(?P<ref>recently|lately|formerly)\b"),
    # ("of the past" is as often "the music of the past": only "in the past" places a time)
    ("past_ref_in", r"\b(?:in\s+|(?:of|over|during)\s+(?=recent))"
                    r"(?P<x>(?:the\s+past|recent\s+(?:years|months|weeks|days)))\b"),
    ("future_ref", r"\b(?P<x>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|"
                   r"the\s+(?:near|short)\s+term(?!-)|(?:coming|future)\s+(?:weeks|months|quarters|"
                   r"years|decades))\b"),
    ("set_every", rf"\b(?:every|each)\s+(?:(?P<n>other|{COUNT})\s+)?{UNIT}\b"),
    ("set_times", r"\b(?P<n>once|twice|(?:three|four|five|\d+)\s+times)\s+(?:a|an|per|every|each)\s+"
                  rf"(?P<unit>{_alternation(R.UNITS)})\b"),
    ("set_word", rf"\b(?P<setw>{SET_WORD})\b"),
)

COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in RULES
)
RULE_ORDER: Mapping[str, int] = MappingProxyType({name: i for i, (name, _) in enumerate(RULES)})

# Rules whose expression carries its own year: their years bound weekday resolution.
EXPLICIT_YEAR_RULES = frozenset(
    {"iso", "slash", "mdy", "dmy", "month_year", "year", "year_early", "season_year",
     "year_season",
     "quarter", "quarter_code", "year_quarter", "year_period", "half_year"}
)

# Rules that state a quarter: the quarter later anaphora ("the quarter") refer to.
QUARTER_RULES = frozenset(
    {"quarter", "quarter_yearless", "quarter_code", "year_quarter", "period_anaphor",
     "relative_year_quarter"}
)
# "the quarter ended Sept. 30": the day after a period word that names its quarter
QUARTER_END = re.compile(
    rf"\s+(?:ended|ending)\s+(?P<month>{MONTH_ANY})\s+{DAY}(?:,?\s+{YEAR})?", re.IGNORECASE
)

_TEMPORAL_LEAD = re.compile(
    r"\b(?:in|since|until|till|by|during|from|through|throughout|before|after|between|"
    r"around|early|late|mid|last|this|next|that|of|on|for)[\s-]+$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
_WORD_BEFORE = re.compile(r"([A-Za-z#.]+)\s*$")


@dataclass(frozen=True)
class Candidate:
    """A rule's match: the expression span and the match for the resolver."""

    start: int
    end: int
    rule: str
    match: re.Match[str]


def expression_span(match: re.Match[str]) -> tuple[int, int]:
    """The expression inside the match: group ``x`` when the rule has one."""
    if "x" in match.re.groupindex and match.group("x") is not None:
        return match.start("x"), match.end("x")
    return match.start(), match.end()


def _is_capitalised(text: str, position: int) -> bool:
    return text[position].isupper()


def _has_temporal_lead(text: str, start: int) -> bool:
    """True when a preposition or modifier stands before ``start`` ("in May")."""
    return bool(_TEMPORAL_LEAD.search(text[max(0, start - 20):start]))


def _next_word(text: str, end: int) -> str:
    match = _WORD_AFTER.match(text, end)
    return match.group(1) if match else ""


def _previous_word(text: str, start: int) -> str:
    match = _WORD_BEFORE.search(text[max(0, start - 20):start])
    return match.group(1).lower() if match else ""


def accepts_bare_month(text: str, match: re.Match[str]) -> bool:
    """A month name alone is a month when capitalised and, if it is also a common word
    or precedes a capitalised word (a first name: "June Carter"), after a preposition
    or as a determiner's modifier of a common noun ("the March accession")."""
    start, end = match.span()
    if not _is_capitalised(text, start):
        return False
    ambiguous = match.group("month").lower() in R.AMBIGUOUS_MONTHS
    before_name = _next_word(text, end)[:1].isupper()
    if not ambiguous and not before_name:
        return True
    return _has_temporal_lead(text, start) or _modifies_noun(text, start, end)


def _modifies_noun(text: str, start: int, end: int) -> bool:
    """"a June agreement", "the May vote": a determiner, then a lower-case noun (not a
    function word: "the March of Dimes" is a name)."""
    following = _next_word(text, end)
    return (_previous_word(text, start) in R.DETERMINERS and following[:1].islower()
            and following not in R.STOPWORDS)


def accepts_year(text: str, match: re.Match[str]) -> bool:
    """A 4-digit number is a year unless it counts something ("2021 votes") or labels
    something ("No. 2021")."""
    if _next_word(text, match.end()).lower() in R.COUNT_NOUNS:
        return False
    return _previous_word(text, match.start()) not in R.LABEL_WORDS


def accepts_weekday(text: str, match: re.Match[str]) -> bool:
    """Weekday names are proper nouns: lower-case ones are other words."""
    return _is_capitalised(text, match.start("wd"))


def accepts_month_with_day(text: str, match: re.Match[str]) -> bool:
    """"may 5" is a verb and a number; "May 5" a date."""
    return _is_capitalised(text, match.start("month"))


def accepts_present(text: str, match: re.Match[str]) -> bool:
    """"now" in "now-defunct" or "from now on" is not a time reference worth a value."""
    return not text.startswith("-", match.end())


_TWO_WORDS_AFTER = re.compile(r"['’]s\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?")


def accepts_day_word(text: str, match: re.Match[str]) -> bool:
    """"today's vote" is a day; "today's youth", "today's personal computers" speak of
    the era (an era noun right after, or after one modifier)."""
    if match.group("dw").lower() != "today":
        return True
    after = _TWO_WORDS_AFTER.match(text, match.end())
    return after is None or not {w.lower() for w in after.groups() if w} & R.ERA_NOUNS


def accepts_relative_unit(text: str, match: re.Match[str]) -> bool:
    """"this week" in prose; "This Week" with the unit capitalised is a title (a
    broadcast, a column), not a time."""
    return not _is_capitalised(text, match.start("unit"))


def accepts_holiday(text: str, match: re.Match[str]) -> bool:
    """"Christmas" written as a name, not "labor day" in running prose."""
    return _is_capitalised(text, match.start("holiday"))


ACCEPTS: Mapping[str, Callable[[str, re.Match[str]], bool]] = MappingProxyType({
    "holiday": accepts_holiday,
    "month": accepts_bare_month,
    "year": accepts_year,
    "year_early": accepts_year,
    "weekday": accepts_weekday,
    "weekday_set": accepts_weekday,
    "weekday_anaphor": accepts_weekday,
    "md": accepts_month_with_day,
    "md_second": accepts_month_with_day,
    "week_of": accepts_month_with_day,
    "month_of_relative_year": accepts_month_with_day,
    "dm": accepts_month_with_day,
    "mdy": accepts_month_with_day,
    "dmy": accepts_month_with_day,
    "month_year": accepts_month_with_day,
    "month_relative": accepts_month_with_day,
    "spelled_month_year": accepts_month_with_day,
    "present": accepts_present,
    "relative_unit": accepts_relative_unit,
    "day_word": accepts_day_word,
})


def all_candidates(text: str) -> list[Candidate]:
    """Every rule match in ``text`` that passes its rule's context check."""
    found = []
    for name, pattern in COMPILED:
        check = ACCEPTS.get(name)
        for match in pattern.finditer(text):
            if check is not None and not check(text, match):
                continue
            start, end = expression_span(match)
            if end > start:
                found.append(Candidate(start, end, name, match))
    return found


def chosen_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first (ties: earliest, then rule order),
    returned in text order: "July 12, 2024" beats "July 12" and "2024"."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), c.start, RULE_ORDER[c.rule]))
    # taken spans never overlap, so sorted by start they are sorted by end too: one
    # bisect finds the only two neighbours a new span could collide with
    starts: list[int] = []
    taken: list[Candidate] = []
    for candidate in ranked:
        at = bisect.bisect_left(starts, candidate.start)
        if at > 0 and taken[at - 1].end > candidate.start:
            continue
        if at < len(taken) and taken[at].start < candidate.end:
            continue
        starts.insert(at, candidate.start)
        taken.insert(at, candidate)
    return taken


def find_candidates(text: str) -> list[Candidate]:
    """The temporal expressions of ``text``, in order, not yet resolved."""
    return chosen_candidates(all_candidates(text))
