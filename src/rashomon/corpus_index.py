"""The grouping index of a corpus: near-duplicates and stories, found incrementally.

Each article gets two MinHash signatures (datasketch): one of its story words (content
words and names, :func:`rashomon.cluster.story_terms`) and one of the word 5-grams of
its body. Locality-sensitive hashing (:class:`datasketch.MinHashLSH`) finds, for a new
article, the stored articles it may be a copy of (5-grams, COPY_JACCARD) and the ones it
may share a story with (story words, STORY_CANDIDATE_JACCARD), without comparing it with
every article. A candidate joins its story when their story words' IDF-weighted cosine
reaches CORPUS_STORY_SIMILARITY and they were published within STORY_WINDOW_DAYS of
each other; a new article that joins two stories merges them. Nothing already grouped
is regrouped.

The hash function and the number of permutations are passed in (``hash_function``,
``permutations``); signatures are stored as bytes, so a store's index can be rebuilt
from the store without reading its texts again.
"""

from __future__ import annotations

import heapq
import math
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .cluster import story_words
from .disjoint import DisjointSets
from .resources.cluster import (
    COPIES_CHECKED,
    COPY_CANDIDATE_JACCARD,
    COPY_JACCARD,
    CORPUS_STORY_SIMILARITY,
    SIGNATURE_PERMUTATIONS,
    STORY_CANDIDATE_JACCARD,
    STORY_WINDOW_DAYS,
)

HashFunction = Callable[[bytes], int]
# datasketch's 32-bit permutation scheme (4 bytes a permutation in the store)
_SCHEME = "affine32"
_SEED = 1
_SHINGLE_BASE = 1_000_003
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
    """The word n-grams of a text, case-folded."""
    words = [w.casefold() for w in _WORD.findall(text)]
    return {" ".join(words[k:k + n]) for k in range(max(len(words) - n + 1, 1))} if words else set()


def shingle_hashes(
    text: str, hash_function: HashFunction, n: int = 5, known: dict[str, int] | None = None
) -> list[int]:
    """32-bit hashes of the word n-grams of a text (case-folded), each the polynomial
    combination of its words' hashes: no n-gram string is built (the strings of
    :func:`shingles` hash to other values, with the same sets equal). ``known`` keeps
    word hashes across the texts of a batch."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return []
    known = {} if known is None else known
    hashed = np.array([known[w] if w in known else known.setdefault(w, hash_function(w.encode()))
                       for w in words], dtype=np.uint64)
    if len(hashed) < n:
        n = len(hashed)
    combined = np.zeros(len(hashed) - n + 1, dtype=np.uint64)
    for k in range(n):  # wraps modulo 2^64, then folded to 32 bits
        combined = combined * np.uint64(_SHINGLE_BASE) + hashed[k:len(hashed) - n + 1 + k]
    return np.unique((combined ^ (combined >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).tolist()


def sign(
    texts: Sequence[str],
    permutations: int = SIGNATURE_PERMUTATIONS,
    hash_function: HashFunction = crc32_hash,
) -> list[Signed]:
    """Signatures of a batch of texts."""
    template = _template(permutations)
    known: dict[str, int] = {}  # word -> hash, for the batch
    out = []
    for text in texts:
        words = story_words(text)
        out.append(Signed(
            words,
            _signature([known[w] if w in known else known.setdefault(w, hash_function(w.encode()))
                        for w in words], template),
            _signature(shingle_hashes(text, hash_function, known=known), template),
        ))
    return out


@lru_cache(maxsize=4)
def _template(permutations: int) -> MinHash:
    """A MinHash whose permutations every signature shares (made once: drawing them is
    most of the cost of a new MinHash)."""
    return MinHash(num_perm=permutations, seed=_SEED, scheme=_SCHEME)


def _signature(hashes: list[int], template: MinHash) -> bytes:
    """The MinHash signature of already hashed items."""
    minhash = MinHash(num_perm=len(template.permutations[0]), seed=_SEED, hashfunc=_as_is,
                      permutations=template.permutations, scheme=_SCHEME)
    if hashes:
        minhash.update_batch(hashes)
    return np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes()


def _as_is(value: int) -> int:
    return value


def _minhash(blob: bytes, permutations: int) -> LeanMinHash:
    values = np.frombuffer(blob, dtype=np.uint32)
    return LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME)


@dataclass
class CorpusIndex:
    """The LSH indexes and what grouping needs of every indexed article. Story
    candidates are indexed by publication week: an article is only compared with
    articles of its own and the neighbouring weeks (and undated ones). Each article's
    story words are kept as a sorted array of word ids, their weights as one array."""

    permutations: int = SIGNATURE_PERMUTATIONS
    copies: MinHashLSH = field(init=False)
    stories: dict[int | None, MinHashLSH] = field(default_factory=dict)  # week -> LSH
    word_ids: dict[int, np.ndarray] = field(default_factory=dict)  # row -> sorted word ids
    published: dict[int, date | None] = field(default_factory=dict)
    story_of: dict[int, int] = field(default_factory=dict)
    shingle_sigs: dict[int, LeanMinHash] = field(default_factory=dict)
    vocabulary: dict[str, int] = field(default_factory=dict)
    df: list[int] = field(default_factory=list)  # word id -> articles holding it
    _weights2: np.ndarray = field(default_factory=lambda: np.zeros(0))  # squared IDF weights
    _norms: dict[int, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # candidates well below the copy threshold, so that LSH misses few true copies;
        # the estimated Jaccard then decides
        self.copies = MinHashLSH(threshold=COPY_CANDIDATE_JACCARD, num_perm=self.permutations)
        bands = MinHashLSH(threshold=STORY_CANDIDATE_JACCARD, num_perm=self.permutations)
        self._story_bands = (bands.b, bands.r)

    def add(self, row: int, signed: Signed, published: date | None, story: int | None) -> None:
        """Index one article (already grouped when ``story`` is given)."""
        words_sig = _minhash(signed.word_signature, self.permutations)
        shingle_sig = _minhash(signed.shingle_signature, self.permutations)
        week = _week(published)
        if week not in self.stories:
            # the banding of the first week's index for every week (choosing it is an
            # integration, too slow to redo for each week of a long corpus)
            self.stories[week] = MinHashLSH(num_perm=self.permutations, params=self._story_bands)
        self.stories[week].insert(row, words_sig)
        self.copies.insert(row, shingle_sig)
        self.shingle_sigs[row] = shingle_sig
        self.word_ids[row] = self._ids(signed.words)
        self.published[row] = published
        if story is not None:
            self.story_of[row] = story

    def _ids(self, words: Iterable[str]) -> np.ndarray:
        ids = []
        for word in words:
            found = self.vocabulary.get(word)
            if found is None:
                found = self.vocabulary[word] = len(self.df)
                self.df.append(0)
            self.df[found] += 1
            ids.append(found)
        return np.array(sorted(ids), dtype=np.int32)

    def refresh_weights(self) -> None:
        """The words' weights from the document frequencies as they now are (once a
        batch is indexed: weights move little from one batch to the next)."""
        n = max(len(self.word_ids), 1)
        df = np.asarray(self.df, dtype=np.float64)
        self._weights2 = np.log((1 + n) / (1 + df) + 1) ** 2
        self._norms.clear()

    def copy_of(self, signed: Signed) -> int | None:
        """The earliest stored article whose 5-grams the article mostly shares (the
        original of a wire story republished many times), or None."""
        mine = _minhash(signed.shingle_signature, self.permutations)
        # at most COPIES_CHECKED candidates, the earliest first: a text that resembles
        # thousands of stored ones (a template, a boilerplate page) costs no more
        for row in heapq.nsmallest(COPIES_CHECKED, self.copies.query(mine)):
            if mine.jaccard(self.shingle_sigs[row]) >= COPY_JACCARD:
                return row
        return None

    def story_neighbours(self, row: int, signed: Signed) -> list[int]:
        """Indexed articles that tell the same story as ``row``: LSH candidates of its
        weeks whose story words reach the cosine threshold, published within the window."""
        mine = _minhash(signed.word_signature, self.permutations)
        day = self.published.get(row)
        week = _week(day)
        # an undated article may belong to a story of any week (rare in a news crawl)
        weeks = list(self.stories) if week is None else [week - 1, week, week + 1, None]
        indexes = [self.stories[w] for w in weeks if w in self.stories]
        candidates = [other for lsh in indexes for other in lsh.query(mine)
                      if other != row and _within_window(day, self.published.get(other))]
        if not candidates:
            return []
        scores = self.similarities(row, candidates)
        return [other for other, score in zip(candidates, scores) if score >= CORPUS_STORY_SIMILARITY]

    def similarities(self, row: int, others: Sequence[int]) -> np.ndarray:
        """:meth:`similarity` of ``row`` with each of ``others``, in one pass."""
        arrays = [self.word_ids[o] for o in others]
        lengths = np.fromiter((len(a) for a in arrays), dtype=np.int64, count=len(arrays))
        every = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int32)
        held = np.isin(every, self.word_ids[row], assume_unique=False)
        weights = np.where(held, self._weights2[every], 0.0)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        shared = np.add.reduceat(weights, starts) if len(every) else np.zeros(len(others))
        shared[lengths == 0] = 0.0  # (reduceat gives an empty segment its next value)
        norms = np.fromiter((self._norm2(o) for o in others), dtype=np.float64, count=len(others))
        return shared / np.sqrt(self._norm2(row) * norms)

    def similarity(self, row: int, other: int) -> float:
        """IDF-weighted cosine of two indexed articles' story words (weights as of the
        last :meth:`refresh_weights`, norms kept until the next)."""
        common = np.intersect1d(self.word_ids[row], self.word_ids[other], assume_unique=True)
        if not len(common):
            return 0.0
        shared = float(self._weights2[common].sum())
        return shared / math.sqrt(self._norm2(row) * self._norm2(other))

    def _norm2(self, row: int) -> float:
        found = self._norms.get(row)
        if found is None:
            found = self._norms[row] = float(self._weights2[self.word_ids[row]].sum()) or 1.0
        return found


def _week(day: date | None) -> int | None:
    return None if day is None else day.toordinal() // STORY_WINDOW_DAYS


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
        original = index.copy_of(s)
        if original is not None:
            copies[row] = original
        index.add(row, s, day, None)
    index.refresh_weights()
    links = DisjointSets(len(rows))
    position = {row: k for k, row in enumerate(rows)}
    joins: dict[int, set[int]] = {}  # batch root -> old stories it touches
    for row, s in zip(rows, signed):
        original = copies.get(row)
        if original is not None:  # a copy tells its original's story; no search needed
            neighbours = [original]
        else:
            neighbours = index.story_neighbours(row, s)
        for other in neighbours:
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
