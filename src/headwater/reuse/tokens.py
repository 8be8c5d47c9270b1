"""Words, word hashes and shingles of cleaned text, vectorised with numpy.

A word is a maximal run of ``\\w`` characters, compared case-insensitively. Each word
gets a deterministic 64-bit hash (a polynomial hash over its code points, finalised
with splitmix64), so signatures and n-gram indexes are the same in every process and
every run. Word start/end offsets are code-point offsets into the cleaned text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

_BASE = np.uint64(0x100000001B3)  # odd, so it has an inverse modulo 2**64
_BASE_INV = np.uint64(pow(0x100000001B3, -1, 2**64))
_MIX = np.uint64(0x9E3779B97F4A7C15)
_EMPTY_U64 = np.zeros(0, dtype=np.uint64)
_EMPTY_I32 = np.zeros(0, dtype=np.int32)


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of one text: hashes and [start, end) character offsets."""

    hashes: np.ndarray  # uint64, one per word
    starts: np.ndarray  # int32
    ends: np.ndarray  # int32

    def __len__(self) -> int:
        return len(self.hashes)


class _Powers:
    """Cached powers of the base and of its inverse (grown on demand)."""

    def __init__(self) -> None:
        self.fwd = _EMPTY_U64
        self.inv = _EMPTY_U64

    def get(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self.fwd) < n:
            size = max(n, 2 * len(self.fwd), 4096)
            self.fwd = _power_table(_BASE, size)
            self.inv = _power_table(_BASE_INV, size)
        return self.fwd[:n], self.inv[:n]


def _power_table(base: np.uint64, size: int) -> np.ndarray:
    table = np.empty(size, dtype=np.uint64)
    table[0] = 1
    with np.errstate(over="ignore"):
        np.cumprod(np.full(size - 1, base, dtype=np.uint64), out=table[1:])
    return table


_POWERS = _Powers()


def mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser over a uint64 array (wrapping arithmetic)."""
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint64(30))
        x = x * np.uint64(0xBF58476D1CE4E5B9)
        x = x ^ (x >> np.uint64(27))
        x = x * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@lru_cache(maxsize=1)
def _bmp_word_table() -> np.ndarray:
    """For every code point of the Basic Multilingual Plane: is it a word character?"""
    return np.array([c == 95 or chr(c).isalnum() for c in range(65536)], dtype=bool)


def _word_mask(codes: np.ndarray) -> np.ndarray:
    """True where the code point is a word character (letter, digit or underscore)."""
    table = _bmp_word_table()
    if codes.max(initial=0) < 65536:
        return table[codes]
    mask = table[np.minimum(codes, 65535)]
    astral = np.flatnonzero(codes >= 65536)
    mask[astral] = [chr(c).isalnum() for c in codes[astral].tolist()]
    return mask


def tokenize(text: str) -> Tokens:
    """Words of ``text`` with their hashes and offsets."""
    if not text:
        return Tokens(_EMPTY_U64, _EMPTY_I32, _EMPTY_I32)
    codes = np.frombuffer(_lower_same_length(text).encode("utf-32-le"), dtype=np.uint32)
    edges = np.diff(_word_mask(codes).view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    if not len(starts):
        return Tokens(_EMPTY_U64, _EMPTY_I32, _EMPTY_I32)
    fwd, inv = _POWERS.get(len(codes) + 1)
    with np.errstate(over="ignore"):
        prefix = np.zeros(len(codes) + 1, dtype=np.uint64)
        np.cumsum(codes.astype(np.uint64) * fwd[: len(codes)], out=prefix[1:])
        raw = (prefix[ends] - prefix[starts]) * inv[starts]
    return Tokens(mix64(raw), starts.astype(np.int32), ends.astype(np.int32))


def tokenize_many(texts: list[str]) -> list[Tokens]:
    """``tokenize`` over many texts at once (one numpy pass; much faster for short texts)."""
    if len(texts) <= 1:
        return [tokenize(t) for t in texts]
    joined = tokenize("\n".join(texts))
    bounds = np.cumsum([len(t) + 1 for t in texts])  # exclusive end of each text (+ separator)
    cuts = np.searchsorted(joined.starts, bounds)
    out: list[Tokens] = []
    first, base = 0, 0
    for i, cut in enumerate(cuts.tolist()):
        out.append(Tokens(joined.hashes[first:cut], joined.starts[first:cut] - base, joined.ends[first:cut] - base))
        first, base = cut, int(bounds[i])
    return out


def ngram_hashes(words: np.ndarray, n: int) -> np.ndarray:
    """Hash of every run of ``n`` consecutive word hashes (one per start position).

    A text shorter than ``n`` words gives one hash of all its words (none when empty).
    """
    count = len(words)
    if count == 0:
        return _EMPTY_U64
    if count < n:
        n = count
    width = count - n + 1
    with np.errstate(over="ignore"):
        acc = words[:width].copy()
        for j in range(1, n):
            acc = acc * _MIX + words[j : j + width]
    return mix64(acc)


@lru_cache(maxsize=1)
def _stopword_hashes() -> np.ndarray:
    from headwater.lexicon import lines

    words = " ".join(lines("stopwords.txt"))
    return np.unique(tokenize(words).hashes)


def seed_ngram_hashes(words: np.ndarray, n: int, min_content: int) -> np.ndarray:
    """``ngram_hashes``, with 0 for every n-gram holding fewer than ``min_content`` content words.

    Runs of function words ("and that it was not") recur in unrelated articles; they are no
    evidence of reuse and would only multiply candidate pairs.
    """
    hashes = ngram_hashes(words, n)
    if min_content <= 0 or len(words) < n:
        return hashes
    content = (~np.isin(words, _stopword_hashes())).astype(np.int32)
    window = np.convolve(content, np.ones(n, dtype=np.int32), mode="valid")
    return np.where(window >= min_content, hashes, np.uint64(0))


def text_key(tokens: Tokens) -> str:
    """Hash of the normalised text (its words, case-folded): equal for exact copies."""
    return hashlib.blake2b(tokens.hashes.tobytes(), digest_size=16).hexdigest()
