"""Batched MinHash signatures (equal to datasketch's) and the banded LSH index."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from rashomon.minhash import BandIndex, banding, jaccard, signatures


def _datasketch_signature(values: np.ndarray, count: int) -> bytes:
    minhash = MinHash(num_perm=count, seed=1, scheme="affine32", hashfunc=lambda v: v)
    if len(values):
        minhash.update_batch(values.tolist())
    return np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes()


@pytest.mark.parametrize("count", [16, 64, 128])
def test_signatures_equal_datasketch_for_every_set_of_a_batch(count: int) -> None:
    rng = np.random.default_rng(3)
    # empty, tiny and large sets; one past a chunk of permuted values on its own
    sets = [rng.integers(0, 2**32, size=n, dtype=np.uint64).astype(np.uint32)
            for n in (0, 1, 7, 300, 0, 70_000, 2)]
    ours = signatures(sets, count)
    assert len(ours) == len(sets)
    for values, signature in zip(sets, ours):
        assert signature == _datasketch_signature(values, count)
    assert ours[0] == b"\xff" * 4 * count  # (an empty set's)


def test_jaccard_estimates_the_overlap() -> None:
    rng = np.random.default_rng(5)
    shared = rng.integers(0, 2**32, size=600, dtype=np.uint64).astype(np.uint32)
    own_a = rng.integers(0, 2**32, size=200, dtype=np.uint64).astype(np.uint32)
    own_b = rng.integers(0, 2**32, size=200, dtype=np.uint64).astype(np.uint32)
    a, b = signatures([np.concatenate([shared, own_a]), np.concatenate([shared, own_b])], 128)
    assert jaccard(a, a) == 1.0
    assert abs(jaccard(a, b) - 0.6) < 0.12  # 600 of 1,000 shared


def test_banding_is_datasketchs() -> None:
    lsh = MinHashLSH(threshold=0.3, num_perm=64)
    assert banding(0.3, 64) == (lsh.b, lsh.r)


@pytest.mark.parametrize("rows", [1, 2, 3])
def test_band_index_finds_rows_sharing_a_band_within_the_partitions_asked(rows: int) -> None:
    index = BandIndex(bands=4, rows=rows)
    base = np.arange(4 * rows, dtype=np.uint32)
    near = base.copy()
    near[rows:] += 1000  # only the first band the same
    far = base + 5000
    index.insert(1, base.tobytes(), partition=7)
    index.insert(2, near.tobytes(), partition=7)
    index.insert(3, far.tobytes(), partition=7)
    index.insert(4, base.tobytes(), partition=9)
    assert index.query(base.tobytes(), [7]) == {1, 2}
    assert index.query(base.tobytes(), [7, 9]) == {1, 2, 4}
    assert index.query(base.tobytes(), [8, None]) == set()
    assert index.query(far.tobytes(), [7]) == {3}
    # a band's values moved to another band are another bucket
    shifted = np.concatenate([base[rows:], base[:rows]])
    assert index.query(shifted.tobytes(), [7]) == set()
    assert set(index.partitions) == {7, 9}
