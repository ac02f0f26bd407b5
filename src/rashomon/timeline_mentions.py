"""What a date mention means to the timeline: the calendar period it names, whether
two periods fit together, and whether the date is the speaker's (inside a quote).

Shared by the merging of dated events (``timeline``) and the sources joined to them
by a shared quote (``timeline_reports``), which both need to tell whether a mention
fits an event's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from .model import DateMention, PartialDate, Quote

_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_SEASON_OR_QUARTER = re.compile(r"\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])")  # and half-years


def nested(a: tuple[date, date], b: tuple[date, date]) -> bool:
    """True when one period lies inside the other (a day in its week, a week in its month)."""
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def days_apart(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two periods that do not overlap (0 when they do)."""
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)


def week_bounds(mention: DateMention) -> tuple[date, date] | None:
    """Monday and Sunday of a week-valued mention ("last week": 2025-W19), or its
    weekend; None for other values."""
    week = _WEEK.fullmatch(mention.value or "")
    if not week:
        return None
    year, number = int(week.group(1)), int(week.group(2))
    first = date.fromisocalendar(year, number, 6 if week.group(3) else 1)
    return first, date.fromisocalendar(year, number, 7)


def timeline_date(mention: DateMention) -> PartialDate | None:
    """The calendar period of a mention for the timeline: its date, or for a week,
    season, quarter or half-year the month or year that holds it."""
    if mention.date is not None:
        return mention.date
    value = mention.value or ""
    week = _WEEK.fullmatch(value)
    if week:
        thursday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        return PartialDate.of(thursday.year, thursday.month)
    if _SEASON_OR_QUARTER.fullmatch(value):
        return PartialDate.of(int(value[:4]))
    return None


def mention_period(mention: DateMention) -> tuple[date, date] | None:
    """First and last day a mention can mean (a week is narrower than its month);
    None when it names no calendar period."""
    when = timeline_date(mention)
    if when is None:
        return None
    return week_bounds(mention) or (when.value, when.last_day)


def in_direct_quote(mention: DateMention, quotes: Sequence[Quote]) -> bool:
    """A date inside a direct quote ("Today is not a happy day") is the speaker's day:
    not an event the article reports."""
    return any(q.kind == "direct" and q.start <= mention.start and mention.end <= q.end
               for q in quotes)
