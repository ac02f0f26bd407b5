"""Counts that grow between articles: updates, not contradictions.

A toll reported as 2 dead on Wednesday and 3 dead on Thursday is the story moving on.
A number conflict whose versions come from articles published on different days, whose
count only grows from the earlier to the later, and whose unit is a toll that grows
(the dead, the injured, arrests, volunteers: ``GROWING_COUNTS`` in resources), is
reported as an update instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .compare_values import _number_value, stem
from .model import Conflict, PartialDate, Update
from .resources.compare import GROWING_COUNTS

_GROWING = frozenset(stem(word) for word in GROWING_COUNTS)


def version_count(value: str) -> float | None:
    """The count a version's value gives ("146 volunteers" -> 146, "Forty-six" -> 46)."""
    first = value.split()[0] if value.split() else ""
    parsed = _number_value(first.lower().strip(",."))
    return parsed[0] if parsed else None


def is_update(conflict: Conflict, published: Mapping[str, PartialDate | None]) -> bool:
    if conflict.kind != "number":
        return False
    # what is counted, or the event it counts ("number of workers: ... killed")
    if not any(stem(word.strip("():,")) in _GROWING for word in conflict.about.split()):
        return False
    dated = []
    for version in conflict.versions:
        date, count = published.get(version.article), version_count(version.value)
        if date is None or count is None:
            return False
        dated.append((date.iso(), count))
    if len({d for d, _ in dated}) < 2:
        return False
    dated.sort()
    counts = [c for _, c in dated]
    days = [d for d, _ in dated]
    # the count never falls, and every rise comes with a later day
    return all(
        later >= earlier and (later == earlier or d2 > d1)
        for (d1, earlier), (d2, later) in zip(zip(days, counts), zip(days[1:], counts[1:]))
    ) and counts[-1] > counts[0]


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
