"""Counts that grow between articles: updates, not contradictions.

A toll reported as 2 dead on Wednesday and 3 dead on Thursday is the story moving on.
A number conflict whose versions come from articles published on different days, whose
count only grows from the earlier to the later, and whose unit is a toll that grows
(the dead, the injured, arrests, volunteers: ``GROWING_COUNTS`` in resources), is
reported as an update instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .compare_values import TOKEN, number_value, stem
from .model import Conflict, ConflictVersion, PartialDate, Update
from .resources.compare import GROWING_COUNTS, MULTIPLIERS, TOLL_REACH

_GROWING = frozenset(stem(word) for word in GROWING_COUNTS)


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
