"""Passim-style seeds: rare word n-grams shared between articles.

Every article's word n-grams are hashed; an n-gram hashed to 0 (too few content words),
one that occurs in more than ``max_df`` articles (boilerplate, set phrases) or in only one is dropped, and so is an n-gram that
repeats inside one article. The rest are joined on their hash to give *matches*:
(article a, article b, word position in a, word position in b), with a < b.

The join runs over ``partitions`` slices of the hash space, re-reading the articles for
each slice, so peak memory is about 16 bytes x n-grams in the corpus / partitions plus
the matches found (which grow with the amount of reuse, not with the corpus squared).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

NgramStream = Callable[[], Iterator[tuple[int, np.ndarray]]]  # yields (article index, n-gram hashes)
_EMPTY = np.zeros((0, 4), dtype=np.int64)


def _collect(stream: NgramStream, part: int, parts: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    hs: list[np.ndarray] = []
    ds: list[np.ndarray] = []
    ps: list[np.ndarray] = []
    for doc, hashes in stream():
        pos = np.arange(len(hashes), dtype=np.int32)
        keep = hashes != np.uint64(0)
        if parts > 1:
            keep &= (hashes % np.uint64(parts)) == np.uint64(part)
        hashes, pos = hashes[keep], pos[keep]
        hs.append(hashes)
        ds.append(np.full(len(hashes), doc, dtype=np.int32))
        ps.append(pos)
    if not hs:
        return np.zeros(0, np.uint64), np.zeros(0, np.int32), np.zeros(0, np.int32)
    return np.concatenate(hs), np.concatenate(ds), np.concatenate(ps)


def _rare(h: np.ndarray, d: np.ndarray, p: np.ndarray, max_df: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows whose n-gram occurs once in its article and in 2..max_df articles, sorted by hash."""
    order = np.lexsort((p, d, h))
    h, d, p = h[order], d[order], p[order]
    same_doc = np.zeros(len(h), dtype=bool)
    if len(h) > 1:
        dup = (h[1:] == h[:-1]) & (d[1:] == d[:-1])
        same_doc[1:] |= dup
        same_doc[:-1] |= dup
    h, d, p = h[~same_doc], d[~same_doc], p[~same_doc]
    if not len(h):
        return h, d, p
    starts = np.flatnonzero(np.concatenate(([True], h[1:] != h[:-1])))
    sizes = np.diff(np.append(starts, len(h)))
    df = np.repeat(sizes, sizes)
    keep = (df >= 2) & (df <= max_df)
    return h[keep], d[keep], p[keep]


def _pairs(h: np.ndarray, d: np.ndarray, p: np.ndarray, max_df: int) -> np.ndarray:
    """All (a, b, pa, pb) for rows sharing an n-gram hash (rows sorted by hash, then article)."""
    out: list[np.ndarray] = []
    for k in range(1, max_df):
        if k >= len(h):
            break
        hit = np.flatnonzero(h[:-k] == h[k:])
        if not len(hit):
            break
        out.append(np.stack([d[hit], d[hit + k], p[hit], p[hit + k]], axis=1).astype(np.int64))
    return np.concatenate(out) if out else _EMPTY


def shared_ngrams(stream: NgramStream, max_df: int, partitions: int = 1) -> np.ndarray:
    """Matches (m, 4) int64: a, b, position in a, position in b; a < b; sorted by (a, b, pa)."""
    found: list[np.ndarray] = []
    for part in range(partitions):
        h, d, p = _collect(stream, part, partitions)
        h, d, p = _rare(h, d, p, max_df)
        found.append(_pairs(h, d, p, max_df))
    matches = np.concatenate(found) if found else _EMPTY
    if not len(matches):
        return _EMPTY
    order = np.lexsort((matches[:, 3], matches[:, 2], matches[:, 1], matches[:, 0]))
    return matches[order]


def split_by_pair(matches: np.ndarray, min_matches: int) -> Iterator[tuple[int, int, np.ndarray]]:
    """(a, b, [[pa, pb], ...]) for each article pair with at least ``min_matches`` matches."""
    if not len(matches):
        return
    key = matches[:, 0] * (int(matches[:, 1].max()) + 1) + matches[:, 1]
    starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    ends = np.append(starts[1:], len(key))
    for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
        if e - s >= min_matches:
            yield int(matches[s, 0]), int(matches[s, 1]), matches[s:e, 2:4]
