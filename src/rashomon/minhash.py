"""MinHash signatures of many sets at once, and a banded LSH index over them.

:func:`signatures` computes the signatures datasketch's ``MinHash(scheme="affine32")``
computes (its permutations, its pre-mix; a test holds them equal), for a whole batch of
sets in a few numpy operations instead of one MinHash object per set: signing was half
of the cost of ingesting an article.

:class:`BandIndex` is locality-sensitive hashing over such signatures with the banding
datasketch chooses for a threshold (``MinHashLSH(threshold=...).b, .r``): a row is filed
under each band of its signature, optionally within a partition (a publication week),
and the rows sharing a band with a query are its candidates. Its buckets are one plain
dict a partition keyed by integers, a row number or a list of them as the value: about
a tenth of the cost of a MinHashLSH query, whose bands are byte-swapped and hashed one
by one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

SEED = 1
SCHEME = "affine32"  # datasketch's 32-bit permutations: 4 bytes a value in the store
_EMPTY = np.uint32(0xFFFFFFFF)  # the signature value of an empty set
# the MurmurHash3 32-bit finalizer, datasketch's pre-mix of each input hash
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
# hashed values permuted at a time (a chunk's matrix is this many x permutations)
_CHUNK_VALUES = 65_536


@lru_cache(maxsize=4)
def permutations(count: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's permutations (a, b) for ``count`` permutations (drawn once: drawing
    them is most of the cost of a new MinHash)."""
    a, b = MinHash(num_perm=count, seed=SEED, scheme=SCHEME).permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


@lru_cache(maxsize=8)
def banding(threshold: float, count: int) -> tuple[int, int]:
    """datasketch's (bands, rows a band) for an LSH threshold and permutation count."""
    lsh = MinHashLSH(threshold=threshold, num_perm=count)
    return lsh.b, lsh.r


def _premixed(values: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    values = values ^ (values >> s1)
    values = values * m1
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s3)


def signatures(hashed: Sequence[np.ndarray], count: int) -> list[bytes]:
    """The MinHash signature (``count`` uint32 values, as bytes) of each set of 32-bit
    hashes; an empty set's is all 0xFFFFFFFF, as datasketch's."""
    a, b = permutations(count)
    out: list[bytes] = []
    start = 0
    while start < len(hashed):
        # as many sets as fit a chunk (at least one)
        end, size = start, 0
        while end < len(hashed) and (end == start or size + len(hashed[end]) <= _CHUNK_VALUES):
            size += len(hashed[end])
            end += 1
        out.extend(_chunk_signatures(hashed[start:end], a, b))
        start = end
    return out


def _chunk_signatures(hashed: Sequence[np.ndarray], a: np.ndarray, b: np.ndarray) -> list[bytes]:
    lengths = np.fromiter((len(h) for h in hashed), dtype=np.int64, count=len(hashed))
    filled = lengths > 0
    result = np.full((len(hashed), len(a)), _EMPTY, dtype=np.uint32)
    if filled.any():
        values = _premixed(np.concatenate([h for h in hashed if len(h)]).astype(np.uint32))
        # uint32 arithmetic wraps: a * h + b modulo 2^32, as datasketch's affine32
        permuted = values[:, None] * a[None, :] + b[None, :]
        starts = np.concatenate(([0], np.cumsum(lengths[filled])[:-1]))
        result[filled] = np.minimum.reduceat(permuted, starts, axis=0)
    return [row.tobytes() for row in result]


def jaccard(a: bytes | np.ndarray, b: bytes | np.ndarray) -> float:
    """The Jaccard similarity two signatures estimate."""
    left = np.frombuffer(a, dtype=np.uint32) if isinstance(a, bytes) else a
    right = np.frombuffer(b, dtype=np.uint32) if isinstance(b, bytes) else b
    return float(np.count_nonzero(left == right)) / len(left)


class BandIndex:
    """Rows filed under the bands of their signatures, within partitions.

    A band's key is a 64-bit integer: the band's values themselves when it holds one
    or two, a mix of them when more (two different bands may then share a key, once in
    2^64: a spare candidate, which the caller's own test rejects); each band's keys are
    salted apart. Keys are made for all bands at once with numpy."""

    def __init__(self, bands: int, rows: int) -> None:
        self.bands, self.rows = bands, rows
        self.partitions: dict[int | None, dict[int, int | list[int]]] = {}
        # (a fixed salt per band: the same key in two bands is two buckets)
        self._salts = np.random.default_rng(SEED).integers(0, 2**63, size=bands, dtype=np.uint64)

    def keys(self, signature: bytes) -> list[int]:
        """The bucket key of each band of a signature."""
        values = np.frombuffer(signature, dtype=np.uint32)[: self.bands * self.rows]
        values = values.astype(np.uint64).reshape(self.bands, self.rows)
        if self.rows == 1:
            combined = values[:, 0]
        elif self.rows == 2:
            combined = (values[:, 0] << np.uint64(32)) | values[:, 1]
        else:
            combined = np.zeros(self.bands, dtype=np.uint64)
            for column in range(self.rows):  # wraps modulo 2^64
                combined = combined * np.uint64(0x9E3779B97F4A7C15) + values[:, column]
        return (combined ^ self._salts).tolist()

    def insert(self, row: int, signature: bytes, partition: int | None = None) -> None:
        buckets = self.partitions.setdefault(partition, {})
        for key in self.keys(signature):
            held = buckets.get(key)
            if held is None:
                buckets[key] = row  # (most buckets hold one row: no list for them)
            elif isinstance(held, int):
                buckets[key] = [held, row]
            else:
                held.append(row)

    def query(self, signature: bytes, partitions: Iterable[int | None] = (None,)) -> set[int]:
        """The rows sharing a band with ``signature`` in any of ``partitions``."""
        found: set[int] = set()
        keys = None
        for partition in partitions:
            buckets = self.partitions.get(partition)
            if buckets is None:
                continue
            keys = keys or self.keys(signature)
            for held in map(buckets.get, keys):
                if held is None:
                    continue
                if isinstance(held, int):
                    found.add(held)
                else:
                    found.update(held)
        return found
