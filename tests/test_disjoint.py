from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.disjoint import DisjointSets


def test_union_joins_transitively_and_roots_are_smallest() -> None:
    sets = DisjointSets(6)
    sets.union(4, 2)
    sets.union(2, 5)
    assert sets.find(5) == 2
    assert sets.groups() == [[0], [1], [2, 4, 5], [3]]


@given(st.integers(1, 30).flatmap(lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))))))
def test_groups_partition_and_respect_every_union(case) -> None:
    n, pairs = case
    sets = DisjointSets(n)
    for a, b in pairs:
        sets.union(a, b)
    groups = sets.groups()
    assert sorted(i for g in groups for i in g) == list(range(n))
    where = {i: k for k, g in enumerate(groups) for i in g}
    assert all(where[a] == where[b] for a, b in pairs)
