"""The grouping index of a corpus: near-duplicates and stories, found incrementally.

Each article gets two MinHash signatures (datasketch's permutations, a batch at a time
by :func:`rashomon.minhash.signatures`): one of its story words (content words and
names, :func:`rashomon.cluster.story_terms`) and one of the word 5-grams of its body.
Locality-sensitive hashing (:class:`rashomon.minhash.BandIndex`, with datasketch's
banding for each threshold) finds, for a new
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

import numpy as np

from .cluster import story_words
from .disjoint import DisjointSets
from .minhash import BandIndex, banding, jaccard, signatures
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
_SHINGLE_BASE = 1_000_003
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_UNDATED = np.iinfo(np.int64).min  # the day number of an undated article


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
) -> np.ndarray:
    """32-bit hashes of the word n-grams of a text (case-folded), each the polynomial
    combination of its words' hashes: no n-gram string is built (the strings of
    :func:`shingles` hash to other values, with the same sets equal). ``known`` keeps
    word hashes across the texts of a batch."""
    words = _WORD.findall(text.casefold())  # (folded at once, not word by word)
    if not words:
        return np.zeros(0, dtype=np.uint32)
    known = {} if known is None else known
    for word in set(words).difference(known):
        known[word] = hash_function(word.encode()) & 0xFFFFFFFF  # (64-bit: folded)
    hashed = np.fromiter(map(known.__getitem__, words), dtype=np.uint64, count=len(words))
    if len(hashed) < n:
        n = len(hashed)
    combined = np.zeros(len(hashed) - n + 1, dtype=np.uint64)
    for k in range(n):  # wraps modulo 2^64, then folded to 32 bits
        combined = combined * np.uint64(_SHINGLE_BASE) + hashed[k:len(hashed) - n + 1 + k]
    return np.unique((combined ^ (combined >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def sign(
    texts: Sequence[str],
    permutations: int = SIGNATURE_PERMUTATIONS,
    hash_function: HashFunction = crc32_hash,
) -> list[Signed]:
    """Signatures of a batch of texts (all of a batch's sets permuted together)."""
    known: dict[str, int] = {}  # word -> hash, for the batch
    words_of, word_hashes, shingles_of = [], [], []
    for text in texts:
        words = story_words(text)
        words_of.append(words)
        for word in words.difference(known):
            known[word] = hash_function(word.encode()) & 0xFFFFFFFF  # (64-bit: folded)
        word_hashes.append(np.fromiter(map(known.__getitem__, words), dtype=np.uint32, count=len(words)))
        shingles_of.append(shingle_hashes(text, hash_function, known=known))
    word_sigs = signatures(word_hashes, permutations)
    shingle_sigs = signatures(shingles_of, permutations)
    return [Signed(w, ws, ss) for w, ws, ss in zip(words_of, word_sigs, shingle_sigs)]


@dataclass
class CorpusIndex:
    """The LSH indexes and what grouping needs of every indexed article. Story
    candidates are indexed by publication week: an article is only compared with
    articles of its own and the neighbouring weeks (and undated ones). Each article's
    story words are kept as a sorted array of word ids, their weights as one array."""

    permutations: int = SIGNATURE_PERMUTATIONS
    copies: BandIndex = field(init=False)
    stories: BandIndex = field(init=False)  # partitioned by publication week
    # every article's sorted word ids end to end; row -> where its run starts, its length
    _words: np.ndarray = field(default_factory=lambda: np.zeros(1 << 16, dtype=np.int32))
    _used: int = 0
    _start: np.ndarray = field(default_factory=lambda: np.zeros(1024, dtype=np.int64))
    _count: np.ndarray = field(default_factory=lambda: np.zeros(1024, dtype=np.int64))
    articles: int = 0
    published: dict[int, date | None] = field(default_factory=dict)
    story_of: dict[int, int] = field(default_factory=dict)
    shingle_sigs: dict[int, np.ndarray] = field(default_factory=dict)
    vocabulary: dict[str, int] = field(default_factory=dict)
    _df: np.ndarray = field(default_factory=lambda: np.zeros(1024, dtype=np.int64))  # word id -> articles
    _days: np.ndarray = field(default_factory=lambda: np.full(1024, _UNDATED, dtype=np.int64))  # row -> day
    _weights2: np.ndarray = field(default_factory=lambda: np.zeros(0))  # squared IDF weights
    _scratch: np.ndarray = field(default_factory=lambda: np.zeros(0))  # word id -> weight, zeroed

    def __post_init__(self) -> None:
        # copy candidates well below the copy threshold, so that LSH misses few true
        # copies; the estimated Jaccard then decides
        self.copies = BandIndex(*banding(COPY_CANDIDATE_JACCARD, self.permutations))
        self.stories = BandIndex(*banding(STORY_CANDIDATE_JACCARD, self.permutations))

    def add(self, row: int, signed: Signed, published: date | None, story: int | None) -> None:
        """Index one article (already grouped when ``story`` is given)."""
        self.stories.insert(row, signed.word_signature, _week(published))
        self.copies.insert(row, signed.shingle_signature)
        self.shingle_sigs[row] = np.frombuffer(signed.shingle_signature, dtype=np.uint32)
        ids = self._ids(signed.words)
        if self._used + len(ids) > len(self._words):
            self._words = _grown(self._words, self._used + len(ids), 0)
        if row >= len(self._days):
            self._days = _grown(self._days, row, _UNDATED)
            self._start = _grown(self._start, row, 0)
            self._count = _grown(self._count, row, 0)
        self._words[self._used:self._used + len(ids)] = ids
        self._start[row], self._count[row] = self._used, len(ids)
        self._used += len(ids)
        self.articles += 1
        self.published[row] = published
        self._days[row] = _UNDATED if published is None else published.toordinal()
        if story is not None:
            self.story_of[row] = story

    @property
    def df(self) -> np.ndarray:
        """Word id -> the number of indexed articles holding it."""
        return self._df[: len(self.vocabulary)]

    def _ids(self, words: Iterable[str]) -> np.ndarray:
        """The ids of an article's words (new words get new ids), their counts raised."""
        vocabulary = self.vocabulary
        ids = list(map(vocabulary.get, words))
        if None in ids:
            for k, (word, found) in enumerate(zip(words, ids)):
                if found is None:
                    ids[k] = vocabulary[word] = len(vocabulary)
            if len(vocabulary) > len(self._df):
                self._df = _grown(self._df, len(vocabulary), 0)
        array = np.array(ids, dtype=np.int32)
        self._df[array] += 1  # (an article's words are distinct)
        array.sort()
        return array

    def refresh_weights(self) -> None:
        """The words' weights from the document frequencies as they now are (once a
        batch is indexed: weights move little from one batch to the next)."""
        n = max(self.articles, 1)
        self._weights2 = np.log((1 + n) / (1 + self.df.astype(np.float64)) + 1) ** 2

    def copy_of(self, signed: Signed) -> int | None:
        """The earliest stored article whose 5-grams the article mostly shares (the
        original of a wire story republished many times), or None."""
        mine = np.frombuffer(signed.shingle_signature, dtype=np.uint32)
        # at most COPIES_CHECKED candidates, the earliest first: a text that resembles
        # thousands of stored ones (a template, a boilerplate page) costs no more
        for row in heapq.nsmallest(COPIES_CHECKED, self.copies.query(signed.shingle_signature)):
            if jaccard(mine, self.shingle_sigs[row]) >= COPY_JACCARD:
                return row
        return None

    def story_neighbours(self, row: int, signed: Signed) -> list[int]:
        """Indexed articles that tell the same story as ``row``: LSH candidates of its
        weeks whose story words reach the cosine threshold, published within the window
        (for an undated article, the closest only; undated ones are no neighbours of a
        dated one)."""
        day = self.published.get(row)
        week = _week(day)
        # an undated article may belong to a story of any week (rare in a news crawl)
        weeks = list(self.stories.partitions) if week is None else (week - 1, week, week + 1, None)
        found = self.stories.query(signed.word_signature, weeks)
        found.discard(row)
        candidates = np.fromiter(found, dtype=np.int64, count=len(found))
        if day is not None:  # within the window, or undated (which may join any)
            days = self._days[candidates]
            candidates = candidates[(days == _UNDATED) | (np.abs(days - day.toordinal()) <= STORY_WINDOW_DAYS)]
        if not len(candidates):
            return []
        candidates.sort()
        scores = self.similarities(row, candidates.tolist())
        close = scores >= CORPUS_STORY_SIMILARITY
        if day is not None:
            # a dated article links to dated ones only: an undated article joins the
            # story closest to it (below), it is never the bridge between two
            return candidates[close & (self._days[candidates] != _UNDATED)].tolist()
        # an article without a date joins one story at most, its closest: with no week
        # to hold it, it would otherwise join stories of any month together (5% undated
        # articles once made 286 stories of 1,190)
        if not close.any():
            return []
        return [int(candidates[np.argmax(np.where(close, scores, -1.0))])]

    def similarities(self, row: int, others: Sequence[int]) -> np.ndarray:
        """:meth:`similarity` of ``row`` with each of ``others``, in one pass."""
        rows = np.asarray(others, dtype=np.int64)
        shared, norms = np.zeros(len(rows)), np.ones(len(rows))
        full = self._count[rows] > 0  # (an article with no story words shares none)
        if not full.any():
            return shared
        lengths = self._count[rows[full]]
        ends = np.cumsum(lengths)
        starts = ends - lengths
        # the others' word ids, gathered from their runs without a loop over them
        every = self._words[np.repeat(self._start[rows[full]] - starts, lengths) + np.arange(ends[-1])]
        # the row's words' weights laid out by word id (a gather, where a set test
        # would sort), then cleared for the next call
        mine = self.word_ids(row)
        if len(self._scratch) < len(self._weights2):
            self._scratch = np.zeros(len(self._weights2))
        self._scratch[mine] = self._weights2[mine]
        shared[full] = np.add.reduceat(self._scratch[every], starts)
        self._scratch[mine] = 0.0
        found = np.add.reduceat(self._weights2[every], starts)
        found[found == 0] = 1.0
        norms[full] = found
        return shared / np.sqrt(self._norm2(row) * norms)

    def similarity(self, row: int, other: int) -> float:
        """IDF-weighted cosine of two indexed articles' story words (weights as of the
        last :meth:`refresh_weights`)."""
        common = np.intersect1d(self.word_ids(row), self.word_ids(other), assume_unique=True)
        if not len(common):
            return 0.0
        shared = float(self._weights2[common].sum())
        return shared / math.sqrt(self._norm2(row) * self._norm2(other))

    def _norm2(self, row: int) -> float:
        return float(self._weights2[self.word_ids(row)].sum()) or 1.0

    def word_ids(self, row: int) -> np.ndarray:
        """An indexed article's story words, as sorted word ids."""
        return self._words[self._start[row]:self._start[row] + self._count[row]]


def _week(day: date | None) -> int | None:
    return None if day is None else day.toordinal() // STORY_WINDOW_DAYS


def _grown(array: np.ndarray, index: int, fill: int) -> np.ndarray:
    """``array`` doubled until ``index`` fits, the new cells ``fill``."""
    size = len(array)
    while size <= index:
        size *= 2
    out = np.full(size, fill, dtype=array.dtype)
    out[: len(array)] = array
    return out


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
