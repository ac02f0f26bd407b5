"""What the conflict checks share: a clash between two statements, the order of the
report, and how two statements' dates, numbers and words are compared and described."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .compare_units import Statement
from .compare_values import TOKEN, NumberMention, When, canonical, is_money, stem
from .resources.compare import (
    ABOUT_WORDS,
    CLAUSE_LINKS,
    NUMBER_CONTEXT,
    OWN_LINKS,
)


@dataclass(frozen=True)
class Clash:
    kind: str
    key: str  # what is compared (a unit, a role slot) so clashes merge across pairs
    about: str
    a: int  # statement indexes and the value each gives
    value_a: str
    b: int
    value_b: str


def order(statement: Statement) -> tuple[int, int]:
    """Article order, then offset: the order of everything in the report."""
    return statement.article_index, statement.start


def about_words(a: Statement, b: Statement) -> str:
    words = [a.surface(s) for s, _ in a.surfaces if s in b.stems]
    names = [n for n in _ordered_names(a) if n.lower() in b.names]
    picked = list(dict.fromkeys(names + words))[:ABOUT_WORDS]
    return " ".join(picked) if picked else "the same statement"


def _ordered_names(statement: Statement) -> list[str]:
    return [word for run in statement.name_runs for word in run.text.split()]


def unit_label(mention: NumberMention) -> str:
    """What a number counts, for the conflict's description: "age", "amount in
    dollars", "number of months" (the counted word as written)."""
    if mention.unit == "age":
        return "age"
    if is_money(mention.unit):
        return f"amount in {mention.unit}"
    counted = re.split(r"[\s-]", mention.text)[-1].lower()
    return f"number of {counted}"


def closeness(a: Statement, b: Statement) -> float:
    """Overlap of content words and numbers, names left out (they may be what differs)."""
    fa = set(a.stems) | {(n.value, n.unit) for n in a.numbers}
    fb = set(b.stems) | {(n.value, n.unit) for n in b.numbers}
    if not fa or not fb:
        return 0.0
    return len(fa & fb) / math.sqrt(len(fa) * len(fb))


def date_clash(xs: tuple[When, ...], ys: tuple[When, ...]) -> tuple[When, When] | None:
    """Two dates with no compatible counterpart on the other side; same precision first."""
    lone_x = [x for x in xs if not any(x.compatible(y) for y in ys)]
    lone_y = [y for y in ys if not any(y.compatible(x) for x in xs)]
    if not lone_x or not lone_y:
        return None
    pairs = [(abs(x.rank - y.rank), i, j) for i, x in enumerate(lone_x) for j, y in enumerate(lone_y)]
    _, i, j = min(pairs)
    return lone_x[i], lone_y[j]


def words_near(statement: Statement, number: NumberMention) -> set[str]:
    """Content stems within NUMBER_CONTEXT characters of a number, its own unit left out
    (two counts of passengers are not about one thing because both count passengers)."""
    lo = number.start - NUMBER_CONTEXT
    hi = number.end + NUMBER_CONTEXT
    words = {canonical(stem(m.group())) for m in TOKEN.finditer(statement.text)
             if lo <= statement.start + m.start() and statement.start + m.end() <= hi}
    return (words & set(statement.stems)) - {number.unit}


def has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def dates_own_link(link: str, up_to_date: str) -> bool:
    """Whether a link word is the date's own ("reopen before March 2026": nothing
    between it and the date), not the start of another clause; "closed until
    November 24" gives the end of the closure, not its date."""
    return link.lower() in OWN_LINKS and not up_to_date.strip()


def clause_stems(statement: Statement, date: When) -> set[str]:
    """The statement's content stems in the clause that holds ``date`` (clauses cut at
    CLAUSE_LINKS words)."""
    at = date.start - statement.start
    lo, hi = 0, len(statement.text)
    for link in CLAUSE_LINKS.finditer(statement.text):
        if link.end() <= at and not dates_own_link(link.group(), statement.text[link.end():at]):
            lo = link.end()
        elif link.start() >= at + len(date.text):
            hi = min(hi, link.start())
    words = {canonical(stem(m.group())) for m in TOKEN.finditer(statement.text, lo, hi)}
    return words & set(statement.stems)


