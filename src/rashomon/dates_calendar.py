"""Calendar arithmetic for date resolution: pure functions over ``datetime.date`` and
:class:`PartialDate`, no text. Each answers one question ("which year puts this month
last before the reference?") so that the resolvers read like the rules they implement.
"""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, date, timedelta

from .model import PartialDate

# How far a weekday-fixed year may stray from its reference: the calendar repeats a
# weekday for a given month/day every 5, 6 or 11 years, so 11 always finds one.
WEEKDAY_YEAR_SPAN = 11


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def in_calendar(year: int) -> bool:
    """True when ``year`` is one ``datetime.date`` can hold (1..9999)."""
    return MINYEAR <= year <= MAXYEAR


def days_after(day: date, days: int) -> date | None:
    """``day`` moved by ``days`` (back when negative), or None past the calendar's ends."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def shifted_months(day: date, months: int) -> date | None:
    """The first day of the month ``months`` after (or before) ``day``'s month, or None
    past the calendar's ends."""
    index = day.year * 12 + (day.month - 1) + months
    return safe_date(index // 12, index % 12 + 1, 1)


def month_year_around(month: int, reference: PartialDate, future: bool) -> int:
    """The year of the latest ``month`` not after the reference period (news speak of
    the past), or the earliest not before it when the clause speaks of the future."""
    if reference.granularity == "year":
        return reference.year
    ref_month = reference.value.month
    if future:
        return reference.year if month >= ref_month else reference.year + 1
    return reference.year if month <= ref_month else reference.year - 1


def day_year_around(month: int, day: int, reference: PartialDate, future: bool) -> int | None:
    """The year of the latest ``month``/``day`` not after the reference period, or the
    earliest not before it for a future clause. None for a day that never exists."""
    for year in _years_outward(reference.year, future):
        candidate = safe_date(year, month, day)
        if candidate is None:
            continue
        if future and candidate >= reference.value:
            return year
        if not future and candidate <= reference.last_day:
            return year
    return None


def _years_outward(start: int, forward: bool) -> range:
    # Feb 29 may need up to 8 years to recur; 9 steps always suffice.
    return range(start, start + 9) if forward else range(start, start - 9, -1)


def weekday_year_near(month: int, day: int, weekday: int, reference: date) -> int | None:
    """The year nearest to ``reference`` in which ``month``/``day`` falls on
    ``weekday`` (0 = Monday): "Thursday, March 6" written in April 2025 is 2025."""
    best: tuple[int, int] | None = None
    for year in range(reference.year - WEEKDAY_YEAR_SPAN, reference.year + WEEKDAY_YEAR_SPAN + 1):
        candidate = safe_date(year, month, day)
        if candidate is None or candidate.weekday() != weekday:
            continue
        distance = abs((candidate - reference).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def weekday_year_from(month: int, day: int, weekday: int, first_year: int) -> int | None:
    """The first year not before ``first_year`` in which ``month``/``day`` falls on
    ``weekday``: with no publication date, the story's latest explicit year bounds it."""
    for year in range(first_year, first_year + WEEKDAY_YEAR_SPAN + 1):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate.weekday() == weekday:
            return year
    return None


def weekday_relative(reference: date, weekday: int, direction: str) -> date | None:
    """The ``weekday`` relative to ``reference``: "before" (on or before: "on Tuesday"
    in past-tense news), "last" (strictly before), "after"/"next" (strictly after),
    "this" (in the same Monday-to-Sunday week). None past the calendar's ends."""
    if direction == "this":
        return days_after(reference, weekday - reference.weekday())
    if direction in ("after", "next"):
        return days_after(reference, (weekday - reference.weekday()) % 7 or 7)
    back = (reference.weekday() - weekday) % 7
    if direction == "last" and back == 0:
        back = 7
    return days_after(reference, -back)


def iso_week_value(day: date) -> str:
    """TIMEX3 week value of the ISO week holding ``day``: 2024-W50."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def season_year_around(season_start: int, reference: PartialDate, offset: int | None,
                       future: bool) -> int:
    """The year of a season relative to the reference: ``offset`` -1/0/+1 for
    last/this/next, None for a bare "in the summer" (the latest begun, or the next one
    for a future clause)."""
    ref_month = reference.value.month if reference.granularity != "year" else 12
    started = ref_month >= season_start
    if offset == 0:
        return reference.year
    if offset == -1 or (offset is None and not future):
        # the season that ended before the reference (or began by it, for a bare one)
        if offset is None:
            return reference.year if started else reference.year - 1
        ended = ref_month >= season_start + 3
        return reference.year if ended else reference.year - 1
    return reference.year if not started else reference.year + 1

