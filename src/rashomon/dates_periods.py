"""Reporting periods: the quarter a business story speaks of, and the quarters and
halves it states ("the third quarter", "the first half of 1990").

Earnings news name a quarter once ("net income rose in the third quarter") and then
refer back to it: "the quarter", "the latest period", "the year-earlier quarter",
"$1.2 million a year ago". These resolvers read the quarter the text stated last
(``Context.quarter``), else the last quarter completed before publication.
"""

from __future__ import annotations

import re

from .dates_calendar import day_year_around
from .dates_rules import QUARTER_END
from .dates_values import (
    UNRESOLVED,
    Context,
    Resolved,
    group,
    has_precision,
    month_number,
    period_resolved,
)
from .resources import dates as R

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def quarter_parts(value: str | None) -> tuple[int, int] | None:
    """(year, quarter) of a quarter value ("1989-Q3" -> (1989, 3)), else None."""
    found = _QUARTER.match(value or "")
    return (int(found.group(1)), int(found.group(2))) if found else None


def last_completed_quarter(ctx: Context) -> tuple[int, int] | None:
    """The quarter that ended last before publication (published in November 1989:
    the third quarter of 1989)."""
    if not has_precision(ctx.published, "month") or ctx.published is None:
        return None
    current = (ctx.published.value.month - 1) // 3 + 1
    if current == 1:
        return ctx.published.year - 1, 4
    return ctx.published.year, current - 1


def reporting_quarter(ctx: Context) -> tuple[int, int] | None:
    """The quarter the text speaks of: the one it stated last, else the last completed."""
    return quarter_parts(ctx.quarter) or last_completed_quarter(ctx)


def resolve_period_anaphor(match: re.Match[str], ctx: Context) -> Resolved:
    """"the quarter", "the comparable quarter": the quarter stated last; "the latest
    quarter", "the most recent period": the last one completed (the text may have
    named the current one, not yet reported)."""
    ended = QUARTER_END.match(match.string, match.end())
    if ended is not None:  # "the quarter ended Sept. 30": the quarter holding that day
        return quarter_ended(ended, ctx)
    latest = re.search(r"latest|recent", match.group(), re.IGNORECASE)
    found = last_completed_quarter(ctx) if latest else reporting_quarter(ctx)
    return period_resolved(found[0], f"Q{found[1]}", "quarter") if found else UNRESOLVED


def resolve_year_ago_period(match: re.Match[str], ctx: Context) -> Resolved:
    """"year-earlier", "the year-ago quarter", "the quarter a year ago": the reporting
    quarter a year before; "the year-ago third quarter": that quarter a year before."""
    found = reporting_quarter(ctx)
    if found is None:
        return UNRESOLVED
    named = match.groupdict().get("q")
    number = R.ORDINAL_WORDS[named.lower()] if named else found[1]
    return period_resolved(found[0] - 1, f"Q{number}", "quarter")


def resolve_relative_year_quarter(match: re.Match[str], ctx: Context) -> Resolved:
    """"next year's first quarter": that quarter of the year after publication."""
    if ctx.published is None:
        return UNRESOLVED
    year = ctx.published.year + R.RELATIVE_WORDS[match.group("rel").lower()]
    return period_resolved(year, f"Q{R.ORDINAL_WORDS[match.group('q').lower()]}", "quarter")


def year_ago_quarter(ctx: Context) -> Resolved | None:
    """"a year ago", "a year earlier" in or just after a sentence that
    states a quarter: that quarter a year before ("rose in the third quarter from $2 a
    year earlier"); None when no quarter was stated near."""
    found = quarter_parts(ctx.quarter) if ctx.quarter_here else None
    return period_resolved(found[0] - 1, f"Q{found[1]}", "quarter") if found else None


def resolve_year_period(match: re.Match[str], ctx: Context) -> Resolved:
    """"the 1988 period", "the 1988 quarter": the reporting quarter of that year."""
    found = reporting_quarter(ctx)
    year = int(match.group("year"))
    return period_resolved(year, f"Q{found[1]}", "quarter") if found else UNRESOLVED


def quarter_ended(ended: re.Match[str], ctx: Context) -> Resolved:
    """The quarter holding the day ``ended`` names (its year written, else the latest
    such day not after publication)."""
    month, day = month_number(ended.group("month")), int(ended.group("day"))
    if ended.group("year"):
        year: int | None = int(ended.group("year"))
    elif ctx.published is not None:
        year = day_year_around(month, day, ctx.published, False)
    else:
        year = None
    return period_resolved(year, f"Q{(month - 1) // 3 + 1}", "quarter") if year else UNRESOLVED


def resolve_quarter(match: re.Match[str], ctx: Context) -> Resolved:
    quarter = match.group("q").lower()
    number = int(quarter[0]) if quarter[0].isdigit() else R.ORDINAL_WORDS[quarter]
    return Resolved(f"{match.group('year')}-Q{number}", "quarter")


def resolve_quarter_yearless(match: re.Match[str], ctx: Context) -> Resolved:
    """"the third quarter": the latest such quarter begun by publication."""
    if not has_precision(ctx.published, "month"):
        return UNRESOLVED
    quarter = match.group("q").lower()
    number = int(quarter[0]) if quarter[0].isdigit() else R.ORDINAL_WORDS[quarter]
    current = (ctx.published.value.month - 1) // 3 + 1
    year = ctx.published.year if number <= current or ctx.future else ctx.published.year - 1
    return period_resolved(year, f"Q{number}", "quarter")


def resolve_half_year(match: re.Match[str], ctx: Context) -> Resolved:
    """"the first half of 1990", "the last two quarters of 1989" -> 1990-H1, 1989-H2."""
    first = (group(match, "h") or group(match, "q") or "").lower() == "first"
    return period_resolved(int(match.group("year")), "H1" if first else "H2", "half")
