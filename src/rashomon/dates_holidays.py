"""Holidays: "Thanksgiving Day", "Christmas", "Election Day" as calendar days.

The rule data (which holiday falls when) is ``resources.dates.HOLIDAYS``; this module
computes a holiday's day in a given year and picks the year the way yearless dates are
picked: the coming one in a future clause, the last one in a past clause (the coming
one when it is weeks away and the last one most of a year back), else the nearest.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .dates_calendar import in_calendar
from .dates_values import (
    UNRESOLVED,
    Context,
    Resolved,
    day_resolved,
    has_precision,
    soon_not_long_ago,
)
from .resources import dates as R


def holiday_key(name: str) -> str:
    """The HOLIDAYS key of a matched name: lower case, one space, straight apostrophes."""
    return re.sub(r"\s+", " ", name.lower().replace("’", "'")).strip()


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` (Gregorian computus, the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    day = (h + m - 7 * n + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 = Monday) of the month; ``n`` = -1: the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday_in(key: str, year: int) -> date | None:
    """The day of holiday ``key`` in ``year``, or None (unknown, or off the calendar)."""
    rule = R.HOLIDAYS.get(key)
    if rule is None or not in_calendar(year) or not in_calendar(year + 1):
        return None
    kind = rule[0]
    if kind == "fixed":
        return date(year, int(rule[1]), int(rule[2]))  # type: ignore[call-overload]
    if kind == "nth":
        return nth_weekday(year, int(rule[1]), int(rule[2]), int(rule[3]))  # type: ignore[call-overload]
    if kind == "easter":
        return easter_sunday(year) + timedelta(days=int(rule[1]))  # type: ignore[call-overload]
    if kind == "election":
        first_monday = nth_weekday(year, 11, 0, 1)
        return first_monday + timedelta(days=1)
    return None


def resolve_holiday(match: re.Match[str], ctx: Context) -> Resolved:
    """"Thanksgiving Day", "Christmas 2031": that day in the year written, else the
    year the clause's tense and the publication date give."""
    key = holiday_key(match.group("holiday"))
    if match.group("year"):
        found = holiday_in(key, int(match.group("year")))
        return day_resolved(found) if found else UNRESOLVED
    if not has_precision(ctx.published, "day") or ctx.published is None:
        return UNRESOLVED
    published = ctx.published.value
    days = [d for y in (published.year - 1, published.year, published.year + 1)
            if (d := holiday_in(key, y)) is not None]
    behind = max((d for d in days if d <= published), default=None)
    ahead = min((d for d in days if d >= published), default=None)
    if ctx.future and ahead:
        return day_resolved(ahead)
    if ctx.past and behind:
        soon = not ctx.event_past and soon_not_long_ago(behind, ahead, published)
        return day_resolved(ahead if soon else behind)
    known = [d for d in (behind, ahead) if d is not None]
    return day_resolved(min(known, key=lambda d: abs((d - published).days))) if known \
        else UNRESOLVED
