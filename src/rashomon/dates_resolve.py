"""Resolving a matched temporal expression to a TIMEX3-style value.

A resolver per rule of ``dates_rules`` (the ``RESOLVERS`` table; reporting periods in
``dates_periods``, holidays in ``dates_holidays``). A resolver gets the match and a
:class:`~rashomon.dates_values.Context` (publication date, the date and the quarter the
text established last, the latest explicit year, the clause's tense) and returns a
:class:`~rashomon.dates_values.Resolved`. Relative expressions that lack their
reference get value None rather than a guess, and so do expressions that would leave
the calendar (years 1..9999: "3000 years ago", "next year" in 9999): resolving never
raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType

from .dates_calendar import (
    day_year_around,
    days_after,
    month_year_around,
    safe_date,
    season_year_around,
    shifted_months,
    weekday_relative,
    weekday_year_from,
    weekday_year_near,
)
from .dates_holidays import resolve_holiday
from .dates_periods import (
    resolve_half_year,
    resolve_period_anaphor,
    resolve_quarter,
    resolve_quarter_yearless,
    resolve_relative_year_quarter,
    resolve_year_ago_period,
    resolve_year_period,
    year_ago_quarter,
)
from .dates_rules import Candidate
from .dates_values import (
    UNRESOLVED,
    Context,
    Resolved,
    day_resolved,
    duration_value,
    group,
    has_precision,
    month_number,
    month_resolved,
    number_of,
    period_resolved,
    soon_not_long_ago,
    span_resolved,
    unit_of,
    week_resolved,
    weekday_number,
    words_of,
    year_resolved,
)
from .model import PartialDate
from .resources import dates as R

__all__ = ["Context", "Resolved", "resolved"]


# -- absolute dates ----------------------------------------------------------------

def resolve_day(match: re.Match[str], ctx: Context) -> Resolved:
    year = int(match.group("year"))
    if group(match, "a") is not None:  # 3/4/2025: month first (US), unless it cannot be
        a, b = int(match.group("a")), int(match.group("b"))
        month, day = (a, b) if a <= 12 else (b, a)
    else:
        month = int(match.group("month")) if match.group("month").isdigit() else month_number(match.group("month"))
        day = int(match.group("day"))
    return day_resolved(safe_date(year, month, day))


def resolve_month_year(match: re.Match[str], ctx: Context) -> Resolved:
    return month_resolved(int(match.group("year")), month_number(match.group("month")))


def resolve_year(match: re.Match[str], ctx: Context) -> Resolved:
    return year_resolved(int(match.group("year")))


def resolve_decade(match: re.Match[str], ctx: Context) -> Resolved:
    if group(match, "decade"):
        return Resolved(match.group("decade")[:3], "decade")
    if group(match, "d2"):
        digit = int(match.group("d2"))
        return Resolved(f"{'19' if digit >= 3 else '20'}{digit}", "decade")
    return Resolved(f"19{R.DECADE_WORDS[match.group('dw').lower()]}", "decade")


def resolve_season_year(match: re.Match[str], ctx: Context) -> Resolved:
    return Resolved(f"{match.group('year')}-{R.SEASONS[match.group('season').lower()]}", "season")


# -- dates without a year ----------------------------------------------------------

def resolve_month_day(match: re.Match[str], ctx: Context) -> Resolved:
    """"March 6": the latest such day not after publication; with a weekday, the
    year in which the weekday fits (nearest publication, else the story's latest year)."""
    month, day = month_number(match.group("month")), int(match.group("day"))
    if group(match, "wd"):
        weekday = weekday_number(match.group("wd"))
        if ctx.published is not None:
            year = weekday_year_near(month, day, weekday, ctx.published.value)
        elif ctx.latest_year is not None:
            year = weekday_year_from(month, day, weekday, ctx.latest_year)
        else:
            year = None
        return day_resolved(safe_date(year, month, day)) if year else UNRESOLVED
    if ctx.published is None:
        return UNRESOLVED
    if _tenseless(ctx):
        return day_resolved(_nearest([
            safe_date(y, month, day) for y in (day_year_around(month, day, ctx.published, f) for f in (False, True)) if y
        ], ctx.published.value))
    year = day_year_around(month, day, ctx.published, ctx.future)
    if year and not ctx.future and not ctx.event_past:
        ahead = day_year_around(month, day, ctx.published, True)
        if ahead and soon_not_long_ago(safe_date(year, month, day), safe_date(ahead, month, day),
                                        ctx.published.value):
            year = ahead
    return day_resolved(safe_date(year, month, day)) if year else UNRESOLVED


def resolve_week_of(match: re.Match[str], ctx: Context) -> Resolved:
    """"the week of March 6": the week holding that day (its year written, else as
    :func:`resolve_month_day` finds it)."""
    day = resolve_day(match, ctx) if group(match, "year") else resolve_month_day(match, ctx)
    if day.date is None:
        return UNRESOLVED
    return week_resolved(day.date.value)


def _tenseless(ctx: Context) -> bool:
    """A clause with no tense cue, dated against a known publication day: "the
    dividend is payable Dec. 15" may lie on either side of publication."""
    return not ctx.future and not ctx.past and has_precision(ctx.published, "day")


def _nearest(days: list[date | None], reference: date) -> date | None:
    """The day nearest ``reference`` (the earlier one on a tie: news look back)."""
    known = [d for d in days if d is not None]
    return min(known, key=lambda d: (abs((d - reference).days), d > reference)) if known else None


def resolve_month(match: re.Match[str], ctx: Context) -> Resolved:
    """"in July": the latest July not after publication (the next one when the clause
    speaks of the future)."""
    if ctx.published is None:
        return UNRESOLVED
    month = month_number(match.group("month"))
    if _tenseless(ctx):
        starts = [safe_date(month_year_around(month, ctx.published, f), month, 1) for f in (False, True)]
        month_start = date(ctx.published.value.year, ctx.published.value.month, 1)
        nearest = _nearest(starts, month_start)
        return month_resolved(nearest.year, month) if nearest else UNRESOLVED
    year = month_year_around(month, ctx.published, ctx.future)
    if not ctx.future and not ctx.event_past:
        ahead = month_year_around(month, ctx.published, True)
        if soon_not_long_ago(safe_date(year, month, 1), safe_date(ahead, month, 1),
                              date(ctx.published.year, ctx.published.value.month, 1)):
            year = ahead
    return month_resolved(year, month)


def resolve_month_of_relative_year(match: re.Match[str], ctx: Context) -> Resolved:
    """"June last year", "March of next year": that month of the year before or after
    publication."""
    if ctx.published is None:
        return UNRESOLVED
    offset = R.RELATIVE_WORDS[match.group("rel").lower()]
    return month_resolved(ctx.published.year + offset, month_number(match.group("month")))


def resolve_month_relative(match: re.Match[str], ctx: Context) -> Resolved:
    """"last July" / "this July" / "next July" against the publication month."""
    month, offset = month_number(match.group("month")), R.RELATIVE_WORDS[match.group("rel").lower()]
    published = ctx.published
    if offset == 0 and published is not None:
        return month_resolved(published.year, month)
    if not has_precision(published, "month"):
        return UNRESOLVED
    if offset < 0:
        year = published.year if month < published.value.month else published.year - 1
    else:
        year = published.year if month > published.value.month else published.year + 1
    return month_resolved(year, month)


def resolve_month_anaphor(match: re.Match[str], ctx: Context) -> Resolved:
    """"September of the same year": the year the text established last."""
    if ctx.anchor is None:
        return UNRESOLVED
    words = words_of(match.group("ana")).split()
    offset = next((R.ANAPHORIC_WORDS[w] for w in words if w in R.ANAPHORIC_WORDS), 0)
    return month_resolved(ctx.anchor.year + offset, month_number(match.group("month")))


def resolve_season(match: re.Match[str], ctx: Context) -> Resolved:
    if ctx.published is None:
        return UNRESOLVED
    code = R.SEASONS[match.group("season").lower()]
    rel = group(match, "rel")
    offset = R.RELATIVE_WORDS[rel.lower()] if rel else None
    year = season_year_around(R.SEASON_START_MONTH[code], ctx.published, offset, ctx.future)
    return period_resolved(year, code, "season")


# -- dates relative to publication -------------------------------------------------

def resolve_weekday(match: re.Match[str], ctx: Context) -> Resolved:
    """"on Tuesday": the nearest Tuesday on or before publication in past-tense news,
    after it in a future clause; "last"/"next"/"this" say which way."""
    if not has_precision(ctx.published, "day"):
        return UNRESOLVED
    rel = (group(match, "rel") or "").lower()
    # no tense cue ("shuttles begin Monday"): a schedule, so the next such day
    direction = R.WEEKDAY_DIRECTIONS.get(rel, "before" if ctx.past and not ctx.future else "after")
    # "Friday night" keeps its part of day in the expression; the value is the day, as
    # TimeML values a DATE (a clock time would make it a TIME)
    weekday = weekday_number(match.group("wd"))
    return day_resolved(weekday_relative(ctx.published.value, weekday, direction))


def resolve_weekday_anaphor(match: re.Match[str], ctx: Context) -> Resolved:
    """"the previous Friday", "the following Monday": that weekday strictly before or
    after the day the text established last (else publication)."""
    reference = ctx.anchor if has_precision(ctx.anchor, "day") else ctx.published
    if not has_precision(reference, "day") or reference is None:
        return UNRESOLVED
    forward = R.ANAPHORIC_WORDS[match.group("ana").lower()] > 0
    weekday = weekday_number(match.group("wd"))
    return day_resolved(weekday_relative(reference.value, weekday, "next" if forward else "last"))


def resolve_clock_weekday(match: re.Match[str], ctx: Context) -> Resolved:
    """"9 a.m. Tuesday": that weekday (as :func:`resolve_weekday`) at that hour."""
    day = resolve_weekday(match, ctx)
    if day.value is None:
        return day
    hour = int(match.group("hour")) % 12 + (12 if match.group("half").lower() == "p" else 0)
    return Resolved(f"{day.value}T{hour:02d}:{match.group('minute') or '00'}", "day", date=day.date)


def resolve_century(match: re.Match[str], ctx: Context) -> Resolved:
    """"the 20th century", "the nineteenth century" -> "19" (its first two digits)."""
    ordinal = match.group("c").lower()
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else R.CENTURY_ORDINALS[ordinal]
    return span_resolved((number - 1) * 100, 100, "century") if number else UNRESOLVED


def resolve_spelled_year(match: re.Match[str], ctx: Context) -> Resolved:
    """"nineteen ninety-six" -> 1996; "the year two thousand" -> 2000."""
    if group(match, "millennium"):
        return year_resolved(2000)
    century = R.NUMBER_WORDS[match.group("c").lower()] * 100
    if group(match, "teen"):
        return year_resolved(century + R.NUMBER_WORDS[match.group("teen").lower()])
    unit = R.NUMBER_WORDS[match.group("unit").lower()] if group(match, "unit") else 0
    return year_resolved(century + R.NUMBER_WORDS[match.group("tens").lower()] + unit)


def resolve_spelled_period(match: re.Match[str], ctx: Context) -> Resolved:
    """"January nineteen ninety-seven" -> 1997-01; "the winter of nineteen ninety-four"
    -> 1994-WI."""
    year = resolve_spelled_year(match, ctx)
    if year.date is None:
        return year
    if group(match, "season"):
        return Resolved(f"{year.value}-{R.SEASONS[match.group('season').lower()]}", "season")
    return month_resolved(year.date.year, month_number(match.group("month")))


def resolve_the_weekend(match: re.Match[str], ctx: Context) -> Resolved:
    """"the weekend": the last one in past-tense news, the coming one in a future
    clause, the current one when publication falls on it."""
    if not has_precision(ctx.published, "day") or ctx.published is None:
        return UNRESOLVED
    direction = "after" if ctx.future and not ctx.past else "before"
    saturday = weekday_relative(ctx.published.value, 5, direction)
    if ctx.published.value.weekday() == 6:  # a Sunday: this very weekend
        saturday = days_after(ctx.published.value, -1)
    return week_resolved(saturday, weekend=True)


def resolve_the_year(match: re.Match[str], ctx: Context) -> Resolved:
    """"for the year", "in the full year", "the first nine months of the year", "by
    year-end": the publication year (business news)."""
    return year_resolved(ctx.published.year) if ctx.published is not None else UNRESOLVED


def resolve_day_word(match: re.Match[str], ctx: Context) -> Resolved:
    if not has_precision(ctx.published, "day"):
        return UNRESOLVED
    return day_resolved(days_after(ctx.published.value, R.DAY_WORDS[words_of(match.group("dw"))]))


def resolve_nth_day_today(match: re.Match[str], ctx: Context) -> Resolved:
    """"today is the eighth day of the strike", "it's the second day of": the
    publication day."""
    if not has_precision(ctx.published, "day") or ctx.published is None:
        return UNRESOLVED
    return day_resolved(ctx.published.value)


def shifted(reference: PartialDate, unit: str, count: int) -> Resolved:
    """``reference`` moved by ``count`` units, at the unit's precision; unresolved when
    the reference is coarser than the unit ("two days later" after "in July")."""
    if unit == "year":
        return year_resolved(reference.year + count)
    if unit == "decade":
        return span_resolved(reference.year + 10 * count, 10, "decade")
    if unit == "century":
        return span_resolved(reference.year + 100 * count, 100, "century")
    if unit in ("month", "quarter") and has_precision(reference, "month"):
        moved = shifted_months(reference.value, count * (3 if unit == "quarter" else 1))
        if moved is None:
            return UNRESOLVED
        if unit == "quarter":
            return period_resolved(moved.year, f"Q{(moved.month - 1) // 3 + 1}", "quarter")
        return month_resolved(moved.year, moved.month)
    if unit in ("week", "weekend", "fortnight") and has_precision(reference, "day"):
        days = 7 * count * (2 if unit == "fortnight" else 1)
        return week_resolved(days_after(reference.value, days), weekend=unit == "weekend")
    if unit in ("day", "night") and has_precision(reference, "day"):
        return day_resolved(days_after(reference.value, count))
    return UNRESOLVED


def resolve_relative_unit(match: re.Match[str], ctx: Context) -> Resolved:
    """"last week", "this month", "next year", "earlier this year"."""
    if ctx.published is None:
        return UNRESOLVED
    unit, shift = unit_of(match.group("unit")), R.RELATIVE_WORDS[match.group("rel").lower()]
    return shifted(ctx.published, unit, shift)


def resolve_ago(match: re.Match[str], ctx: Context) -> Resolved:
    """"three years ago": publication minus the span, at the unit's precision."""
    count = number_of(match.group("n"))
    unit = unit_of(match.group("unit"))
    if count == 1 and unit == "year" and (quarter := year_ago_quarter(ctx)) is not None:
        return quarter
    if count is None or count != int(count):
        return Resolved("PAST_REF", None)
    if ctx.published is None:
        return UNRESOLVED
    if R.UNITS[unit][2]:  # hours/minutes ago: the publication day itself
        return day_resolved(ctx.published.value) if has_precision(ctx.published, "day") else UNRESOLVED
    return shifted(ctx.published, unit, -int(count))


def resolve_shift(match: re.Match[str], ctx: Context) -> Resolved:
    """"two days earlier", "three years later": from the date the text established."""
    count = number_of(match.group("n"))
    reference = ctx.anchor or ctx.published  # "a year earlier" with nothing before it
    if reference is None or count is None or count != int(count):
        return UNRESOLVED
    sign = R.ANAPHORIC_WORDS[match.group("ana").lower()]
    unit = unit_of(match.group("unit"))
    if count == 1 and sign < 0 and unit == "year" and (quarter := year_ago_quarter(ctx)):
        return quarter
    return shifted(reference, unit, sign * int(count))


def resolve_anaphor(match: re.Match[str], ctx: Context) -> Resolved:
    """"that year", "the same month", "the following month", "the day before"."""
    if ctx.anchor is None:
        return UNRESOLVED
    last_word = words_of(match.group("ana")).split()[-1]
    unit = unit_of(match.group("unit"))
    if unit in R.PARTS_OF_DAY:  # "the next morning": the next day (a DATE's value is the day)
        unit = "day"
    return shifted(ctx.anchor, unit, R.ANAPHORIC_WORDS[last_word])


# -- durations, sets, references ---------------------------------------------------

# "the past few months": a stretch of no stated length up to now
_VAGUE_LOOK_BACK = re.compile(r"(?:(?:these|those|the)\s+)?(?:last|past)\s", re.IGNORECASE)


def resolve_duration(match: re.Match[str], ctx: Context) -> Resolved:
    """"three years" -> P3Y; "the last few months", "the past several quarters": an
    unplaced stretch of the past (PAST_REF), as "recently"."""
    count = number_of(group(match, "n")) if group(match, "n") else None
    if count is None and _VAGUE_LOOK_BACK.match(match.group()):
        return Resolved("PAST_REF", None)
    return Resolved(duration_value(count, unit_of(match.group("unit"))), None, "duration")


def resolve_half(match: re.Match[str], ctx: Context) -> Resolved:
    """"a year and a half" -> P18M; "two and a half years" -> P30M: the next smaller
    unit keeps the count whole."""
    count = number_of(match.group("n"))
    unit = (match.group("unit") or match.group("unit2")).lower()
    if count is None:
        return Resolved(duration_value(None, unit), None, "duration")
    smaller, per_unit = R.HALF_UNITS[unit]
    return Resolved(duration_value((count + 0.5) * per_unit, smaller), None, "duration")


def resolve_past_unit(match: re.Match[str], ctx: Context) -> Resolved:
    """"the past year": a span of one year up to now."""
    return Resolved(duration_value(1, unit_of(match.group("unit"))), None, "duration")


def resolve_set(match: re.Match[str], ctx: Context) -> Resolved:
    if group(match, "setw"):
        return Resolved(R.SET_WORDS[match.group("setw").lower()], None, "set")
    if group(match, "wd"):
        return Resolved(f"XXXX-WXX-{weekday_number(match.group('wd')) + 1}", None, "set")
    return Resolved(duration_value(set_period(match), unit_of(match.group("unit"))), None, "set")


def set_period(match: re.Match[str]) -> float | None:
    """How many units between repetitions: "every other week" 2, "every three years" 3;
    "twice a week" repeats each week (the frequency is not part of the value)."""
    n_text = words_of(group(match, "n") or "")
    if not n_text or n_text in ("once", "twice") or n_text.endswith("times"):
        return 1
    return 2 if n_text == "other" else number_of(n_text)


def reference_resolver(value: str) -> Callable[[re.Match[str], Context], Resolved]:
    def resolve(match: re.Match[str], ctx: Context) -> Resolved:
        return Resolved(value, None)

    return resolve


RESOLVERS: Mapping[str, Callable[[re.Match[str], Context], Resolved]] = MappingProxyType({
    "iso": resolve_day, "slash": resolve_day, "mdy": resolve_day, "dmy": resolve_day,
    "month_year": resolve_month_year, "md": resolve_month_day, "dm": resolve_month_day,
    "md_second": resolve_month_day, "week_of": resolve_week_of,
    "weekday_anaphor": resolve_weekday_anaphor,
    "month_anaphor": resolve_month_anaphor, "month_relative": resolve_month_relative,
    "month_mod": resolve_month, "month": resolve_month, "year": resolve_year,
    "year_early": resolve_year,
    "decade": resolve_decade, "decade_short": resolve_decade, "decade_word": resolve_decade,
    "season_year": resolve_season_year, "year_season": resolve_season_year,
    "season_relative": resolve_season, "season": resolve_season,
    "quarter": resolve_quarter, "quarter_code": resolve_quarter, "year_quarter": resolve_quarter,
    "year_period": resolve_year_period, "holiday": resolve_holiday,
    "the_weekend": resolve_the_weekend, "the_year": resolve_the_year,
    "year_end": resolve_the_year,
    "relative_year_quarter": resolve_relative_year_quarter,
    "spelled_year": resolve_spelled_year, "spelled_month_year": resolve_spelled_period,
    "spelled_season_year": resolve_spelled_period,
    "quarter_yearless": resolve_quarter_yearless,
    "month_of_relative_year": resolve_month_of_relative_year,
    "period_anaphor": resolve_period_anaphor, "year_ago_period": resolve_year_ago_period,
    "last_year_period": resolve_year_ago_period,
    "century": resolve_century, "clock_weekday": resolve_clock_weekday,
    "half_year": resolve_half_year,
    "weekday": resolve_weekday, "weekday_set": resolve_set, "weekday_every": resolve_set,
    "day_word": resolve_day_word, "nth_day_today": resolve_nth_day_today,
    "relative_unit": resolve_relative_unit,
    "past_unit": resolve_past_unit, "ago": resolve_ago,
    "vague_ago": reference_resolver("PAST_REF"), "shift": resolve_shift,
    "shift_end": resolve_shift, "anaphor_same": resolve_anaphor,
    "anaphor_next": resolve_anaphor, "anaphor_before": resolve_anaphor,
    "future_span": reference_resolver("FUTURE_REF"),
    "one_day_ahead": reference_resolver("FUTURE_REF"), "duration_half": resolve_half,
    "age": resolve_duration, "duration": resolve_duration,
    "duration_a": resolve_duration, "duration_vague": resolve_duration,
    "present": reference_resolver("PRESENT_REF"), "past_ref": reference_resolver("PAST_REF"),
    "past_ref_in": reference_resolver("PAST_REF"), "future_ref": reference_resolver("FUTURE_REF"),
    "set_every": resolve_set, "set_times": resolve_set, "set_word": resolve_set,
})


def resolved(candidate: Candidate, ctx: Context) -> Resolved:
    """What ``candidate`` means in ``ctx``; unresolved (never an exception) when the
    arithmetic leaves the calendar."""
    try:
        result = RESOLVERS[candidate.rule](candidate.match, ctx)
    except (ValueError, OverflowError):
        # the resolvers check the calendar's ends themselves; this is the backstop
        # for an expression none of them foresaw ("April of the year after" in 9999)
        return UNRESOLVED
    return result
