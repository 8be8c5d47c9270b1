"""Offsets and ids at model level: map offsets in cleaned text back to the raw text they came from; a text's id.

The map is a sorted tuple of runs ``(clean_start, raw_start, length)``: inside a run,
cleaned and raw characters correspond one to one. Characters the cleaner inserted
(paragraph separators) fall between runs and map to the end of the run before them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence


def runs_from_indices(indices: Sequence[int]) -> tuple[tuple[int, int, int], ...]:
    """Compress a per-character raw index list (-1 = inserted) into runs (one array pass: the cleaner
    calls this for every article, over every character)."""
    import numpy

    if not len(indices):
        return ()
    raw = numpy.asarray(indices, dtype=numpy.int64)
    kept = raw >= 0
    follows = kept[:-1] & kept[1:] & (raw[1:] == raw[:-1] + 1)  # character i + 1 continues i's run
    starts = numpy.flatnonzero(kept & numpy.concatenate(([True], ~follows)))
    ends = numpy.flatnonzero(kept & numpy.concatenate((~follows, [True]))) + 1
    return tuple(zip(starts.tolist(), raw[starts].tolist(), (ends - starts).tolist(), strict=True))


class OffsetMap:
    __slots__ = ("_starts", "runs")

    def __init__(self, runs: Sequence[Sequence[int]]) -> None:
        self.runs = tuple((int(a), int(b), int(c)) for a, b, c in runs)
        self._starts = [r[0] for r in self.runs]

    def to_raw(self, i: int) -> int:
        """Raw offset of cleaned character ``i`` (or of the position just after the run before it)."""
        if not self.runs:
            return i
        k = bisect_right(self._starts, i) - 1
        if k < 0:
            return self.runs[0][1]
        c0, r0, n = self.runs[k]
        if i < c0 + n:
            return r0 + (i - c0)
        return r0 + n

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` of cleaned ``[start, end)``."""
        if end <= start:
            r = self.to_raw(start)
            return r, r
        return self.to_raw(start), self.to_raw(end - 1) + 1


def text_id(text: str) -> str:
    """Stable id of a text (a cleaned article's, its ``text_hash``): a hash of it."""
    import hashlib

    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
