"""Chain shared n-grams into spans, extend and align the span edges (passim's local alignment, simplified).

Matches of one article pair, sorted by position in the first article, are cut into
chains wherever the next match is more than ``max_gap`` words away or leaves the
diagonal by more than ``max_shift`` words (a paragraph moved, an unrelated stretch).
Chains with a single seed are noise and dropped before chaining again. Each chain
becomes a span pair, which is extended word by word at both ends with an X-drop rule
(substitutions allowed) so edited words at the edges are not lost. Word spans are then
turned into character offsets of the cleaned texts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from headwater.reuse.tokens import Tokens

X_DROP = 3


@dataclass(frozen=True, slots=True)
class WordSpan:
    a_start: int
    a_end: int  # exclusive, in words
    b_start: int
    b_end: int

    @property
    def words(self) -> int:
        return min(self.a_end - self.a_start, self.b_end - self.b_start)


def _cuts(pos: np.ndarray, max_gap: int, max_shift: int) -> np.ndarray:
    """Indices where a new chain starts (pos sorted by first column)."""
    if len(pos) < 2:
        return np.zeros(1, dtype=np.int64)
    da = np.diff(pos[:, 0])
    db = np.diff(pos[:, 1])
    brk = (da > max_gap) | (db <= 0) | (np.abs(db - da) > max_shift)
    return np.concatenate(([0], np.flatnonzero(brk) + 1))


def chain(pos: np.ndarray, ngram: int, max_gap: int, max_shift: int) -> list[WordSpan]:
    """Chains of seeds as word spans (n-gram width included)."""
    pos = pos[np.lexsort((pos[:, 1], pos[:, 0]))]
    cuts = _cuts(pos, max_gap, max_shift)
    sizes = np.diff(np.append(cuts, len(pos)))
    keep = np.repeat(sizes >= 2, sizes)
    pos = pos[keep]
    if not len(pos):
        return []
    cuts = _cuts(pos, max_gap, max_shift)
    ends = np.append(cuts[1:], len(pos))
    spans = []
    for s, e in zip(cuts.tolist(), ends.tolist(), strict=True):
        seg = pos[s:e]
        spans.append(
            WordSpan(
                int(seg[:, 0].min()), int(seg[:, 0].max()) + ngram, int(seg[:, 1].min()), int(seg[:, 1].max()) + ngram
            )
        )
    return spans


def _extend(a: np.ndarray, b: np.ndarray, i: int, j: int, step: int) -> int:
    """How many words the span can grow from (i, j) in direction ``step`` (X-drop, substitutions only)."""
    score = best = grown = best_grown = 0
    while 0 <= i < len(a) and 0 <= j < len(b):
        score += 1 if a[i] == b[j] else -1
        grown += 1
        if score > best:
            best, best_grown = score, grown
        elif score < best - X_DROP:
            break
        i += step
        j += step
    return best_grown


def extend(span: WordSpan, a: np.ndarray, b: np.ndarray) -> WordSpan:
    left = _extend(a, b, span.a_start - 1, span.b_start - 1, -1)
    right = _extend(a, b, span.a_end, span.b_end, 1)
    return WordSpan(span.a_start - left, span.a_end + right, span.b_start - left, span.b_end + right)


def merge(spans: list[WordSpan]) -> list[WordSpan]:
    """Merge span pairs that overlap on both sides."""
    out: list[WordSpan] = []
    for s in sorted(spans, key=lambda s: (s.a_start, s.b_start)):
        last = out[-1] if out else None
        if last and s.a_start <= last.a_end and s.b_start <= last.b_end and s.b_end >= last.b_start:
            out[-1] = WordSpan(
                last.a_start, max(last.a_end, s.a_end), min(last.b_start, s.b_start), max(last.b_end, s.b_end)
            )
        else:
            out.append(s)
    return out


def align(pos: np.ndarray, a: Tokens, b: Tokens, ngram: int, max_gap: int, min_words: int) -> list[WordSpan]:
    """Aligned passages of at least ``min_words`` words between two tokenised texts."""
    spans = [extend(s, a.hashes, b.hashes) for s in chain(pos, ngram, max_gap, max(4, max_gap // 3))]
    return [s for s in merge(spans) if s.words >= min_words]


def char_span(text: str, tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    """Character offsets of words [start, end), widened over punctuation attached to them."""
    lo = int(tokens.starts[start])
    hi = int(tokens.ends[end - 1])
    while lo > 0 and not text[lo - 1].isspace() and not text[lo - 1].isalnum():
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and not text[hi].isalnum():
        hi += 1
    return lo, hi


def covered_words(spans: list[WordSpan], side: str) -> int:
    """Words covered by the spans on one side ('a' or 'b'), overlaps counted once."""
    intervals = sorted((s.a_start, s.a_end) if side == "a" else (s.b_start, s.b_end) for s in spans)
    total, cur_start, cur_end = 0, -1, -1
    for lo, hi in intervals:
        if lo > cur_end:
            total += cur_end - cur_start if cur_end > cur_start else 0
            cur_start, cur_end = lo, hi
        else:
            cur_end = max(cur_end, hi)
    total += cur_end - cur_start if cur_end > cur_start else 0
    return total
