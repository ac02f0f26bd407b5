"""The values a resolver returns and the small readers it uses: :class:`Context`
(what a resolver knows of the text), :class:`Resolved` (a TIMEX3-style value, its
granularity, its kind, its calendar period), readers of match groups, and the
constructors that keep every value inside the calendar (years 1..9999).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates_calendar import in_calendar, iso_week_value
from .model import PartialDate
from .resources import dates as R


@dataclass(frozen=True)
class Context:
    published: PartialDate | None
    anchor: PartialDate | None  # the date the text established last (for "that year")
    latest_year: int | None  # the latest explicit year in the text
    future: bool  # the clause holding the expression speaks of the future
    past: bool = True  # the clause speaks of the past (else: nearest date either side)
    event_past: bool = False  # a past verb telling an event ("sank"), not a report ("said")
    # the quarter the text stated last ("1989-Q3"), and whether it was stated at most
    # QUARTER_REACH_SENTENCES before: "a year ago" near it speaks of quarters
    quarter: str | None = None
    quarter_here: bool = False


@dataclass(frozen=True)
class Resolved:
    value: str | None
    granularity: str | None
    kind: str = "date"
    date: PartialDate | None = None


UNRESOLVED = Resolved(None, None)


# -- small readers of match groups -------------------------------------------------

def group(match: re.Match[str], name: str) -> str | None:
    """The group's text, or None when the rule has no such group or it did not match."""
    return match.group(name) if name in match.re.groupindex else None


def words_of(text: str) -> str:
    return " ".join(text.lower().split())


def month_number(text: str) -> int:
    word = words_of(text).rstrip(".")
    return R.MONTHS.get(word) or R.MONTH_ABBREVIATIONS[word]


def weekday_number(text: str) -> int:
    word = words_of(text).rstrip(".")
    return R.WEEKDAYS[word] if word in R.WEEKDAYS else R.WEEKDAY_ABBREVIATIONS[word]


def number_of(text: str | None) -> float | None:
    """A count from digits or words; None for a vague quantity ("several")."""
    if text is None:
        return None
    word = words_of(text)
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    return R.NUMBER_WORDS.get(word)


def unit_of(text: str) -> str:
    word = words_of(text)
    if word == "centuries":
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in R.UNITS else word


def count_text(count: float) -> str:
    return str(int(count)) if count == int(count) else str(count)


def duration_value(count: float | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, P18M, PT2H, PXY for a vague count."""
    letter, multiplier, is_time = R.UNITS[unit]
    amount = "X" if count is None else count_text(count * multiplier)
    return f"P{'T' if is_time else ''}{amount}{letter}"


def day_resolved(day: date | None) -> Resolved:
    if day is None:
        return UNRESOLVED
    return Resolved(day.isoformat(), "day", date=PartialDate.of(day.year, day.month, day.day))


def month_resolved(year: int, month: int) -> Resolved:
    if not in_calendar(year):
        return UNRESOLVED
    return Resolved(f"{year:04d}-{month:02d}", "month", date=PartialDate.of(year, month))


def year_resolved(year: int) -> Resolved:
    if not in_calendar(year):
        return UNRESOLVED
    return Resolved(f"{year:04d}", "year", date=PartialDate.of(year))


def period_resolved(year: int, suffix: str, granularity: str) -> Resolved:
    """A season or quarter of ``year`` ("2024-SU", "2024-Q3"), when the year exists."""
    return Resolved(f"{year:04d}-{suffix}", granularity) if in_calendar(year) else UNRESOLVED


def span_resolved(year: int, size: int, granularity: str) -> Resolved:
    """The decade or century (``size`` 10 or 100 years) holding ``year``: "202", "20"."""
    return Resolved(str(year // size), granularity) if in_calendar(year) else UNRESOLVED


def week_resolved(day: date | None, weekend: bool = False) -> Resolved:
    if day is None:
        return UNRESOLVED
    return Resolved(iso_week_value(day) + ("-WE" if weekend else ""), "week")


def has_precision(reference: PartialDate | None, granularity: str) -> bool:
    """True when ``reference`` is at least as precise as ``granularity``."""
    rank = R.GRANULARITY_RANK  # finest first
    return reference is not None and rank[reference.granularity] <= rank[granularity]


def soon_not_long_ago(behind: date | None, ahead: date | None, published: date) -> bool:
    """A yearless date (or holiday) in a past clause is still the coming one when that
    is weeks away and the past one most of a year back: news date last year's events
    with their year ("the Dec. 15 deadline", written in November, is this December)."""
    if behind is None or ahead is None:
        return False
    return ((ahead - published).days <= R.YEARLESS_AHEAD_DAYS
            and (published - behind).days >= R.YEARLESS_BEHIND_DAYS)
