"""The grouping index of a corpus: near-duplicates and stories, found incrementally.

Each article gets two MinHash signatures (datasketch): one of its story words (content
words and names, :func:`rashomon.cluster.story_terms`) and one of the word 5-grams of
its body. Locality-sensitive hashing (:class:`datasketch.MinHashLSH`) finds, for a new
article, the stored articles it may be a copy of (5-grams, COPY_JACCARD) and the ones it
may share a story with (story words, STORY_CANDIDATE_JACCARD), without comparing it with
every article. A candidate joins its story when their story words' IDF-weighted cosine
reaches STORY_SIMILARITY_THRESHOLD and they were published within STORY_WINDOW_DAYS of
each other; a new article that joins two stories merges them. Nothing already grouped
is regrouped.

The hash function and the number of permutations are passed in (``hash_function``,
``permutations``); signatures are stored as bytes, so a store's index can be rebuilt
from the store without reading its texts again.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .cluster import story_terms
from .disjoint import DisjointSets
from .resources.cluster import (
    COPY_JACCARD,
    SIGNATURE_PERMUTATIONS,
    STORY_CANDIDATE_JACCARD,
    STORY_SIMILARITY_THRESHOLD,
    STORY_WINDOW_DAYS,
)

HashFunction = Callable[[bytes], int]
# datasketch's 32-bit permutation scheme (4 bytes a permutation in the store)
_SCHEME = "affine32"
_SEED = 1
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def crc32_hash(data: bytes) -> int:
    """A fast, stable 32-bit hash (Python's own ``hash`` changes from run to run)."""
    return zlib.crc32(data)


@dataclass(frozen=True)
class Signed:
    """What the index keeps of an article: its story words and their signatures."""

    words: frozenset[str]
    word_signature: bytes
    shingle_signature: bytes


def shingles(text: str, n: int = 5) -> set[str]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return {" ".join(words[k:k + n]) for k in range(max(len(words) - n + 1, 1))} if words else set()


def sign(
    texts: Sequence[str],
    permutations: int = SIGNATURE_PERMUTATIONS,
    hash_function: HashFunction = crc32_hash,
) -> list[Signed]:
    """Signatures of a batch of texts."""
    out = []
    for text in texts:
        words = frozenset(story_terms(text))
        out.append(Signed(
            words,
            _signature([w.encode() for w in words], permutations, hash_function),
            _signature([s.encode() for s in shingles(text)], permutations, hash_function),
        ))
    return out


def _signature(items: list[bytes], permutations: int, hash_function: HashFunction) -> bytes:
    minhash = MinHash(num_perm=permutations, hashfunc=hash_function, scheme=_SCHEME)
    if items:
        minhash.update_batch(items)
    return np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes()


def _minhash(blob: bytes, permutations: int) -> LeanMinHash:
    values = np.frombuffer(blob, dtype=np.uint32)
    return LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME)


@dataclass
class CorpusIndex:
    """The LSH indexes and what grouping needs of every indexed article."""

    permutations: int = SIGNATURE_PERMUTATIONS
    copies: MinHashLSH = field(init=False)
    stories: MinHashLSH = field(init=False)
    words: dict[int, frozenset[str]] = field(default_factory=dict)
    published: dict[int, date | None] = field(default_factory=dict)
    story_of: dict[int, int] = field(default_factory=dict)
    shingle_sigs: dict[int, LeanMinHash] = field(default_factory=dict)
    df: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.copies = MinHashLSH(threshold=COPY_JACCARD, num_perm=self.permutations)
        self.stories = MinHashLSH(threshold=STORY_CANDIDATE_JACCARD, num_perm=self.permutations)

    def add(self, row: int, signed: Signed, published: date | None, story: int | None) -> None:
        """Index one article (already grouped when ``story`` is given)."""
        words_sig = _minhash(signed.word_signature, self.permutations)
        shingle_sig = _minhash(signed.shingle_signature, self.permutations)
        self.stories.insert(row, words_sig)
        self.copies.insert(row, shingle_sig)
        self.shingle_sigs[row] = shingle_sig
        self.words[row] = signed.words
        self.df.update(signed.words)
        self.published[row] = published
        if story is not None:
            self.story_of[row] = story

    def copy_candidates(self, signed: Signed) -> list[int]:
        """Stored articles whose 5-grams the article mostly shares, best first."""
        mine = _minhash(signed.shingle_signature, self.permutations)
        found = [(mine.jaccard(self.shingle_sigs[r]), r) for r in self.copies.query(mine)]
        return [r for score, r in sorted(found, reverse=True) if score >= COPY_JACCARD]

    def story_neighbours(self, row: int, signed: Signed) -> list[int]:
        """Indexed articles that tell the same story as ``row``: LSH candidates whose
        story words reach the cosine threshold, published within the window."""
        mine = _minhash(signed.word_signature, self.permutations)
        out = []
        for other in self.stories.query(mine):
            if other == row or not _within_window(self.published.get(row), self.published.get(other)):
                continue
            if self.cosine(signed.words, self.words[other]) >= STORY_SIMILARITY_THRESHOLD:
                out.append(other)
        return out

    def cosine(self, a: Iterable[str], b: Iterable[str]) -> float:
        """IDF-weighted cosine of two word sets, document frequencies from the index."""
        n = max(len(self.words), 1)
        weight = {w: math.log((1 + n) / (1 + self.df[w]) + 1) for w in set(a) | set(b)}
        a, b = set(a), set(b)
        shared = sum(weight[w] ** 2 for w in a & b)
        norm = math.sqrt(sum(weight[w] ** 2 for w in a) * sum(weight[w] ** 2 for w in b))
        return shared / norm if norm else 0.0


def _within_window(a: date | None, b: date | None) -> bool:
    """Published within the story window (an article with no date can join any)."""
    return a is None or b is None or abs((a - b).days) <= STORY_WINDOW_DAYS


@dataclass(frozen=True)
class Grouping:
    """What grouping a batch decided: copies (row -> the row it copies), the story of
    each new row, and the old stories merged into others (old id -> surviving id)."""

    copies: dict[int, int]
    story_of: dict[int, int]
    merged: dict[int, int]


def group_batch(
    index: CorpusIndex, rows: Sequence[int], signed: Sequence[Signed],
    published: Sequence[date | None], new_story: Callable[[], int],
) -> Grouping:
    """Index a batch of new articles and group each with the stories it belongs to.
    ``new_story`` gives the id of a fresh story."""
    copies: dict[int, int] = {}
    for row, s, day in zip(rows, signed, published):
        # (one by one: an article copies one stored before it, in this batch or not)
        found = index.copy_candidates(s)
        if found:
            copies[row] = found[0]
        index.add(row, s, day, None)
    links = DisjointSets(len(rows))
    position = {row: k for k, row in enumerate(rows)}
    joins: dict[int, set[int]] = {}  # batch root -> old stories it touches
    for row, s in zip(rows, signed):
        for other in index.story_neighbours(row, s):
            if other in position:
                links.union(position[row], position[other])
            elif other in index.story_of:
                joins.setdefault(row, set()).add(index.story_of[other])
    story_of: dict[int, int] = {}
    merged: dict[int, int] = {}

    def surviving(story: int) -> int:
        while story in merged:
            story = merged[story]
        return story

    for members in links.groups():
        group_rows = [rows[k] for k in members]
        old = sorted({surviving(story) for r in group_rows for story in joins.get(r, ())})
        # the oldest story survives a merge; a group touching none is a new story
        target = old[0] if old else new_story()
        for story in old[1:]:
            merged[story] = target
        for r in group_rows:
            story_of[r] = target
    story_of = {r: surviving(s) for r, s in story_of.items()}
    merged = {old: surviving(new) for old, new in merged.items()}
    if merged:
        for r, story in list(index.story_of.items()):
            index.story_of[r] = merged.get(story, story)
    index.story_of.update(story_of)
    return Grouping(copies, story_of, merged)
