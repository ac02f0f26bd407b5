"""Counts that grow between articles: updates, not contradictions.

A toll reported as 2 dead on Wednesday and 3 dead on Thursday is the story moving on.
A number conflict whose versions come from articles published on different days, whose
count only grows from the earlier to the later, and whose unit is a toll that grows
(the dead, the injured, arrests, volunteers: ``GROWING_COUNTS`` in resources), is
reported as an update instead. Tolls are also followed across the whole story, however
the statements were paired: "killed two workers" on Wednesday and "raising the death
toll to three" on Thursday, "about 140 homes had been flooded" and "the number of homes
hit by floodwater rose to 212".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .compare_units import Statement
from .compare_values import TOKEN, NumberMention, canonical, is_money, number_value, stem
from .model import Conflict, ConflictVersion, PartialDate, Update
from .resources.compare import (
    DEATH_TOLL,
    EVENT_OF,
    GENERIC_UNITS,
    GROWING_COUNTS,
    GROWTH_VERBS,
    MULTIPLIERS,
    TOLL_NOUN,
    TOLL_REACH,
    TOLL_THINGS,
)
from .resources.compare import STOPWORDS as _STOPWORDS

_GROWING = frozenset(stem(word) for word in GROWING_COUNTS) | frozenset(
    canonical(stem(word)) for word in GROWING_COUNTS
)
_GENERIC = frozenset(stem(word) for word in GENERIC_UNITS)
_THINGS = frozenset(canonical(stem(word)) for word in TOLL_THINGS)
# toll words that name the toll from near a figure (killed, injured, flooded)
_NEAR = frozenset(stem(w) for w in GROWING_COUNTS if w not in TOLL_THINGS)
_ACROSS = re.compile(r"\b(?:and|but|while)\b|[;,]")


def version_count(value: str) -> float | None:
    """The count a version's value gives: "146 volunteers" -> 146, "Forty-six" -> 46,
    "1.2 million people" -> 1,200,000, "more than 90" -> 90."""
    words = [w.lower().strip(",.") for w in value.split()]
    while words and not number_value(words[0]):
        words = words[1:]  # a hedge ("more than", "about") before the figure
    if not words:
        return None
    parsed = number_value(words[0])
    if parsed is None:
        return None
    multiplier = MULTIPLIERS.get(words[1], 1) if len(words) > 1 else 1
    return parsed[0] * multiplier


def _counts_a_toll(version: ConflictVersion) -> bool:
    """Whether the words around the version's figure name a growing toll ("two workers
    were killed", "146 volunteers"): not the whole sentence ("who killed two cyclists
    was jailed for 5 years" counts years)."""
    at = version.text.find(version.value)
    if at < 0:
        return False
    window = version.text[max(0, at - TOLL_REACH) : at + len(version.value) + TOLL_REACH]
    return any(stem(m.group()) in _GROWING for m in TOKEN.finditer(window))


def is_update(conflict: Conflict, published: Mapping[str, PartialDate | None]) -> bool:
    """A number conflict whose count only grows from earlier to later articles (days
    known on both sides, or months that differ) over a toll that grows."""
    if conflict.kind != "number" or not all(_counts_a_toll(v) for v in conflict.versions):
        return False
    dated = []
    for version in conflict.versions:
        date, count = published.get(version.article), version_count(version.value)
        if date is None or count is None:
            return False
        dated.append((date, count))
    dated.sort(key=lambda pair: pair[0].iso())
    for (d1, earlier), (d2, later) in zip(dated, dated[1:]):
        if later < earlier:
            return False
        if later > earlier and not _later(d1, d2):
            return False
    return dated[-1][1] > dated[0][1]


def _later(a: PartialDate, b: PartialDate) -> bool:
    """b is known to be published after a: both days known and b's later, or b's month
    after a's (a month-only date is not after a day of its own month)."""
    if a.granularity == "day" and b.granularity == "day":
        return b.iso() > a.iso()
    return b.iso()[:7] > a.iso()[:7]


def split_updates(
    conflicts: Sequence[Conflict], published: Mapping[str, PartialDate | None]
) -> tuple[tuple[Conflict, ...], tuple[Update, ...]]:
    """(conflicts that remain, updates) with the updates' versions in date order."""
    kept, updates = [], []
    for conflict in conflicts:
        if is_update(conflict, published):
            ordered = sorted(conflict.versions, key=lambda v: published[v.article].iso())  # type: ignore[union-attr]
            updates.append(Update(conflict.about, tuple(ordered)))
        else:
            kept.append(conflict)
    return tuple(kept), tuple(updates)


# --- tolls followed across the story ---------------------------------------------------


@dataclass(frozen=True)
class TollMention:
    """A count of a growing toll in a statement: the toll word ("die", "injur"), the
    thing counted ("worker"; "" when unnamed) and the figure."""

    toll: str
    unit: str
    statement: int
    number: NumberMention
    written: str  # the toll word as written ("killed")


def toll_mentions(statements: Sequence[Statement]) -> list[TollMention]:
    """Every count of a growing toll: a figure with a toll word near it ("two workers
    were killed", "146 volunteers"), or written after what it counts ("the number of
    people hurt ... has risen to 31", "the death toll to three")."""
    out = []
    for index, statement in enumerate(statements):
        for number in statement.numbers:
            if number.unit in ("age", "percent") or is_money(number.unit):
                continue
            found = _toll_near(statement, number) or _toll_named_before(statement, number)
            if found is not None:
                toll, unit, written = found
                out.append(TollMention(toll, "" if unit == toll else unit, index, number, written))
    return out


def growth_mentions(statements: Sequence[Statement]) -> list[TollMention]:
    """Counts of anything a story says grows: "the number of damaged volumes ... has
    climbed to 410" makes a toll of volumes, and "140 volumes" elsewhere a count of it;
    "the number of people reporting sickness has risen to 57" makes one of the people
    said to report it ("23 people have reported stomach illness": the words next to a
    count of people must meet the words that describe them)."""
    grown: list[tuple[str, frozenset[str], int, NumberMention]] = []
    for index, statement in enumerate(statements):
        for number in statement.numbers:
            if number.unit:
                continue
            before = statement.text[: number.start - statement.start]
            named = list(TOLL_NOUN.finditer(before))
            if not named or not GROWTH_VERBS.search(before, named[-1].end()):
                continue
            words = [m.group() for m in TOKEN.finditer(before, named[-1].start(1))]
            # the thing counted: the first plural ("damaged volumes"), else the first
            # lower-case word ("people reporting sickness")
            plain = [w for w in words if w.islower() and w not in _STOPWORDS]
            noun = next((w for w in plain if w.endswith("s") and not w.endswith("ss")), plain[0] if plain else "")
            if not noun:
                continue
            # the words that say which of them ("people reporting sickness")
            said = frozenset(canonical(stem(w)) for w in words if w != noun and w.lower() not in _STOPWORDS)
            grown.append((canonical(stem(noun)), said, index, number))
    out = [TollMention(f"grow:{noun}", "", index, number, f"of {noun}") for noun, _, index, number in grown]
    if not grown:
        return out
    counted: dict[str, list[tuple[int, NumberMention]]] = {}  # unit -> its counts
    for index, statement in enumerate(statements):
        for number in statement.numbers:
            counted.setdefault(number.unit, []).append((index, number))
    for noun, said, _, _ in grown:
        for index, number in counted.get(noun, ()):
            if noun in _GENERIC and not said & _words_around(statements[index], number):
                continue
            out.append(TollMention(f"grow:{noun}", "", index, number, f"of {noun}"))
    return out


def _words_around(statement: Statement, number: NumberMention) -> set[str]:
    """Every word (stemmed) within TOLL_REACH of a figure, function words too: what a
    count of people is said to be ("23 people have reported"). Wider than the conflict
    checks' ``words_near``, which keeps only content words and leaves the unit out."""
    lo = number.start - statement.start - TOLL_REACH
    hi = number.end - statement.start + TOLL_REACH
    return {canonical(stem(m.group())) for m in TOKEN.finditer(statement.text) if lo <= m.start() < hi}


def _toll_near(statement: Statement, number: NumberMention) -> tuple[str, str, str] | None:
    """The toll a figure counts: its own unit when that is a toll ("146 volunteers"),
    else a toll word near it ("two workers were killed")."""
    if number.unit in _THINGS:
        return number.unit, "", number.text.split()[-1]
    lo = number.start - statement.start - TOLL_REACH
    hi = number.end - statement.start + TOLL_REACH
    # whole words that begin within reach ("treated in hospital" is not cut to "hosp"),
    # the nearest first ("14 people were arrested and nine stewards were injured")
    # by the gap between word and figure; a word across "and" or a comma tells of the
    # next figure, not this one
    start, end = number.start - statement.start, number.end - statement.start
    near = []
    for m in TOKEN.finditer(statement.text):
        if lo <= m.start() < hi and stem(m.group()) in _NEAR:
            gap = statement.text[m.end():start] if m.end() <= start else statement.text[end:m.start()]
            near.append((len(gap) + 1000 * bool(_ACROSS.search(gap)), m.group()))
    tolls = [word for _, word in sorted(near)]
    if not tolls:
        return None
    unit = "" if number.unit in _GENERIC else number.unit
    return _toll_key(tolls[0]), unit, tolls[0]


def _toll_key(word: str) -> str:
    """One key for a toll's words: "killed", "dead" and "died" are the dead."""
    lower = word.lower()
    return EVENT_OF.get(lower) or canonical(stem(lower))


def _toll_named_before(statement: Statement, number: NumberMention) -> tuple[str, str, str] | None:
    """"The number of homes hit by floodwater rose to 212": the thing after "number of"
    (or "death toll"), before the figure, when the figure counts nothing itself."""
    if number.unit:
        return None
    before = statement.text[: number.start - statement.start]
    if DEATH_TOLL.search(before):
        return "die", "", "dead"
    named = list(TOLL_NOUN.finditer(before))
    if not named:
        return None
    words = [m.group() for m in TOKEN.finditer(before, named[-1].start(1))]
    # the thing counted: the first lower-case word after "of" ("Ollerby homes" -> homes)
    noun = next((w for w in words if w.islower() and w not in _STOPWORDS), "")
    if canonical(stem(noun)) in _THINGS:
        return canonical(stem(noun)), "", noun
    tolls = [w for w in words if stem(w) in _NEAR]
    if not tolls:
        return None
    unit = canonical(stem(noun)) if noun else ""
    return _toll_key(tolls[0]), "" if unit in _GENERIC else unit, tolls[0]


def toll_updates(
    statements: Sequence[Statement],
    source: Mapping[str, str],
    published: Mapping[str, PartialDate | None],
) -> list[Update]:
    """Tolls whose count grows from earlier to later articles across the story: for each
    toll (and thing counted), the first count each source gives, in order of
    publication, never falling, same-day counts agreeing, and larger at the end than at
    the start. The statements must share a content word besides the toll's own words:
    two incidents' tolls in one story are not one toll."""
    by_toll: dict[str, list[TollMention]] = {}
    for mention in toll_mentions(statements) + growth_mentions(statements):
        by_toll.setdefault(mention.toll, []).append(mention)
    out: list[Update] = []
    taken: set[tuple[str, int]] = set()
    for toll, mentions in by_toll.items():
        for group in _unit_groups(mentions):
            update = _growing(toll, group, statements, source, published)
            # one count read both as a toll and as a thing said to grow is one update
            spans = {(v.article, v.start) for v in update.versions} if update else set()
            if update is not None and not spans & taken:
                out.append(update)
                taken |= spans
    return out


def _unit_groups(mentions: list[TollMention]) -> list[list[TollMention]]:
    """The toll's mentions per thing counted, unnamed counts joining each."""
    units = sorted({m.unit for m in mentions if m.unit})
    bare = [m for m in mentions if not m.unit]
    if not units:
        return [bare]
    return [[m for m in mentions if m.unit == unit] + bare for unit in units]


def _growing(
    toll: str,
    mentions: list[TollMention],
    statements: Sequence[Statement],
    source: Mapping[str, str],
    published: Mapping[str, PartialDate | None],
) -> Update | None:
    first: dict[str, TollMention] = {}  # source -> its first count
    # per source its first count, in the source's own article before its copies
    def reading_order(m: TollMention) -> tuple[bool, int, int]:
        s = statements[m.statement]
        return source.get(s.article, s.article) != s.article, s.article_index, s.start
    for mention in sorted(mentions, key=reading_order):
        article = statements[mention.statement].article
        if published.get(article) is None or published[article].granularity != "day":  # type: ignore[union-attr]
            continue
        first.setdefault(source.get(article, article), mention)
    if len(first) < 2:
        return None
    dated = sorted(first.values(), key=lambda m: published[statements[m.statement].article].iso())  # type: ignore[union-attr]
    for x, y in zip(dated, dated[1:]):
        same_day = _day(x, statements, published) == _day(y, statements, published)
        if same_day and not x.number.agrees_with(y.number):
            return None  # outlets disagree on one day: a conflict, not news moving on
        if not same_day and y.number.value < x.number.value and not x.number.agrees_with(y.number):
            return None
    if dated[-1].number.value <= dated[0].number.value or _day(dated[0], statements, published) == _day(dated[-1], statements, published):
        return None
    if not _one_topic([statements[m.statement] for m in dated], toll):
        return None
    versions = tuple(
        ConflictVersion(s.article, m.number.text, s.text, s.start, s.end)
        for m in dated for s in (statements[m.statement],)
    )
    counted = next((m.number.text.split()[-1] for m in dated if m.unit), "")
    label = f"number {dated[0].written.lower()}" + (f" ({counted})" if counted else "")
    return Update(label, versions)


def _day(mention: TollMention, statements: Sequence[Statement], published: Mapping[str, PartialDate | None]) -> str:
    return published[statements[mention.statement].article].iso()  # type: ignore[union-attr]


def _one_topic(group: list[Statement], toll: str) -> bool:
    """Each statement shares a content word or a name, besides the toll's own words,
    with another of the group."""
    def words(s: Statement) -> set[str]:
        return (set(s.stems) | set(s.names)) - _GROWING - {toll}
    return all(any(words(s) & words(t) for t in group if t is not s) for s in group)


def merge_updates(
    conflicts: Sequence[Conflict], updates: Sequence[Update], tolls: Sequence[Update]
) -> tuple[tuple[Conflict, ...], tuple[Update, ...]]:
    """Conflicts and updates once the story-wide toll updates are in: a toll an update
    found among the conflicts already reports is not reported twice, and a number
    conflict whose statements a toll update holds is that update."""
    def spans(versions: Sequence[ConflictVersion]) -> set[tuple[str, int]]:
        return {(v.article, v.start) for v in versions}
    known = [spans(u.versions) for u in updates]
    tolls = [t for t in tolls if not any(spans(t.versions) & s for s in known)]
    covered = [spans(t.versions) for t in tolls]
    # only a count can be the toll: a date or a name the same statements dispute stays
    kept = tuple(c for c in conflicts
                 if c.kind != "number" or not any(spans(c.versions) <= s for s in covered))
    return kept, tuple(updates) + tuple(tolls)
