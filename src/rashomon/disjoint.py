"""Disjoint sets (union-find), shared by the stages that group things transitively:
stories, quote versions, facts, conflicts."""

from __future__ import annotations


class DisjointSets:
    """Union-find over 0..n-1 with path halving; the root of a set is its smallest
    member, so groupings come out in a deterministic order."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> int:
        """Join the sets of a and b; return the root of the joined set."""
        ra, rb = self.find(a), self.find(b)
        low, high = min(ra, rb), max(ra, rb)
        self._parent[high] = low
        return low

    def groups(self) -> list[list[int]]:
        """Every set as a sorted list, the lists ordered by their smallest member."""
        members: dict[int, list[int]] = {}
        for item in range(len(self._parent)):
            members.setdefault(self.find(item), []).append(item)
        return sorted(members.values(), key=lambda group: group[0])
