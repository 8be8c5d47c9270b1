"""MinHash signatures (rensa) and LSH banding with bands/rows derived from a Jaccard threshold.

Stage shape as in datatrove's MinHash dedup: signatures -> band buckets -> candidate
pairs; candidates are verified exactly elsewhere (``verify``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

SEED = 1729
MAX_BUCKET = 64  # a bucket with more members is linked as a star plus a chain, not all pairs


@dataclass(frozen=True, slots=True)
class LshParams:
    bands: int
    rows: int

    def probability(self, jaccard: float) -> float:
        """Chance that two texts with this Jaccard similarity share at least one bucket."""
        return 1.0 - (1.0 - jaccard**self.rows) ** self.bands


def _trapezoid(ys: np.ndarray, xs: np.ndarray) -> np.ndarray:
    """The trapezoid rule along the last axis of ``ys``."""
    return ((ys[..., 1:] + ys[..., :-1]) * np.diff(xs)).sum(axis=-1) / 2.0


@lru_cache(maxsize=64)
def lsh_params(threshold: float, num_perm: int, fp_weight: float = 0.3, fn_weight: float = 0.7) -> LshParams:
    """Bands and rows minimising weighted false positives and negatives around ``threshold``.

    The same optimisation as datasketch's ``MinHashLSH`` (each error integrated by the trapezoid rule on
    51 points), every (bands, rows) pair at once; false negatives weigh more because every candidate is
    verified exactly afterwards.
    """
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
    pairs = np.array([(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)], dtype=np.float64)
    bands, rows = pairs[:, :1], pairs[:, 1:]
    below, above = np.linspace(0.0, threshold, 51), np.linspace(threshold, 1.0, 51)
    fp = _trapezoid(1.0 - (1.0 - below**rows) ** bands, below)
    fn = _trapezoid((1.0 - above**rows) ** bands, above)
    best = int(np.argmin(fp_weight * fp + fn_weight * fn))  # the first of equal errors, as a loop would keep
    return LshParams(int(pairs[best, 0]), int(pairs[best, 1]))


def signatures(shingle_sets: list[np.ndarray], num_perm: int) -> np.ndarray:
    """(n, num_perm) uint32 MinHash signatures of uint64 shingle-hash arrays (rensa)."""
    import rensa

    if not shingle_sets:
        return np.zeros((0, num_perm), dtype=np.uint32)
    lengths = np.fromiter((len(s) for s in shingle_sets), dtype=np.uint64, count=len(shingle_sets))
    offsets = np.zeros(len(shingle_sets) + 1, dtype=np.uint64)
    np.cumsum(lengths, out=offsets[1:])
    flat = np.concatenate(shingle_sets) if int(offsets[-1]) else np.zeros(0, dtype=np.uint64)
    matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, num_perm, SEED)
    return np.array(matrix.to_rows(), dtype=np.uint32).reshape(len(shingle_sets), num_perm)


def band_keys(sigs: np.ndarray, params: LshParams) -> np.ndarray:
    """(n, bands) uint64 bucket keys: one hash of each band's rows, salted by band number."""
    n = sigs.shape[0]
    keys = np.empty((n, params.bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for b in range(params.bands):
            acc = np.full(n, np.uint64(b + 1) * np.uint64(0x9E3779B97F4A7C15), dtype=np.uint64)
            for r in range(params.rows):
                acc = (acc ^ sigs[:, b * params.rows + r].astype(np.uint64)) * np.uint64(0x100000001B3)
            keys[:, b] = acc
    return keys


def bucket_pairs(keys: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Candidate pairs (k, 2) int64 of ``ids`` sharing a bucket in any band; each pair once, low id first."""
    n, bands = keys.shape
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    flat_keys = keys.T.reshape(-1)  # band-major, so equal keys in different bands never meet...
    band_of = np.repeat(np.arange(bands, dtype=np.uint64), n)
    salted = flat_keys ^ (band_of * np.uint64(0xD6E8FEB86659FD93))  # ...and salting keeps it so after sorting
    members = np.tile(ids.astype(np.int64), bands)
    order = np.lexsort((members, salted))
    salted, members = salted[order], members[order]
    starts = np.flatnonzero(np.concatenate(([True], salted[1:] != salted[:-1])))
    sizes = np.diff(np.append(starts, len(salted)))
    pairs = [_pairs_of(members[s : s + z]) for s, z in zip(starts.tolist(), sizes.tolist(), strict=True) if z > 1]
    if not pairs:
        return np.zeros((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(pairs), axis=0)


def _pairs_of(group: np.ndarray) -> np.ndarray:
    group = np.unique(group)
    if len(group) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    if len(group) > MAX_BUCKET:  # star from the first member plus a chain: linear, still connects all
        star = np.stack([np.full(len(group) - 1, group[0]), group[1:]], axis=1)
        chain = np.stack([group[1:-1], group[2:]], axis=1)
        return np.concatenate([star, chain])
    i, j = np.triu_indices(len(group), k=1)
    return np.stack([group[i], group[j]], axis=1)
