"""Exact verification of one candidate pair: Jaccard, containment, aligned passages and the edge kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from headwater.config import ReuseConfig
from headwater.reuse.align import WordSpan, align, char_span, covered_words
from headwater.reuse.tokens import Tokens, ngram_hashes


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str | None  # near_duplicate | partial | None (not related by text)
    similarity: float  # exact Jaccard of word shingles
    containment: float  # share of the shorter article found in the longer one
    spans: tuple[WordSpan, ...]
    label: str  # a reader's name for it: trimmed reprint, edited copy, shared passages, ...


def jaccard_containment(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Exact Jaccard and containment (|A∩B| / min(|A|, |B|)) of two shingle-hash sets."""
    a, b = np.unique(a), np.unique(b)
    if not len(a) or not len(b):
        return 0.0, 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter), inter / min(len(a), len(b))


def _label(kind: str | None, sim: float, containment: float, ratio: float) -> str:
    if kind == "partial":
        return "shared passages"
    if kind is None:
        return "unrelated"
    if sim >= 0.9:
        return "near-verbatim copy"
    if ratio < 0.85 and containment >= 0.8:
        return "trimmed reprint"
    if sim < 0.6:
        return "edited copy"
    return "near-duplicate"


def verify(a: Tokens, b: Tokens, seeds: np.ndarray | None, cfg: ReuseConfig) -> Verdict:
    """Compare two tokenised articles; ``seeds`` are their shared rare n-grams as [[pos_a, pos_b], ...]."""
    sim, cont = jaccard_containment(ngram_hashes(a.hashes, cfg.shingle_size), ngram_hashes(b.hashes, cfg.shingle_size))
    spans: list[WordSpan] = []
    if seeds is not None and len(seeds):
        spans = align(seeds, a, b, cfg.ngram, cfg.max_gap, cfg.min_passage_words)
    shorter = min(len(a), len(b))
    ratio = shorter / max(len(a), len(b), 1)
    if spans and shorter:
        side = "a" if len(a) <= len(b) else "b"
        cont = max(cont, min(1.0, covered_words(spans, side) / shorter))
    if sim >= cfg.threshold or (cont >= cfg.containment and ratio >= cfg.min_length_ratio):
        kind: str | None = "near_duplicate"
    elif spans:
        kind = "partial"
    else:
        kind = None
    return Verdict(kind, round(sim, 4), round(cont, 4), tuple(spans), _label(kind, sim, cont, ratio))


_SENTENCE_END = re.compile(r"[.!?\"”’»)]\s*$")


@lru_cache(maxsize=1)
def _banner() -> re.Pattern[str]:
    """Banner vocabulary (``data/boilerplate.toml`` [banner])."""
    from headwater.lexicon import alternation

    return alternation("boilerplate.toml", "banner.words", before=r"(?i)\b", after=r"\b")


def _chrome_chars(text: str, lo: int, hi: int, max_words: int) -> int:
    """Characters of [lo, hi) in short lines that are not sentences (sign-up banners, menus, credits)."""
    total = 0
    for m in re.finditer(r"[^\n]+", text[lo:hi]):
        line_lo, line_hi = lo + m.start(), lo + m.end()
        full_lo = text.rfind("\n", 0, line_lo) + 1
        full_hi = text.find("\n", line_hi)
        line = text[full_lo : full_hi if full_hi >= 0 else len(text)]
        words = len(line.split())
        if (words < max_words and not _SENTENCE_END.search(line)) or (words < 2 * max_words and _banner().search(line)):
            total += line_hi - line_lo  # a menu, a credit, or a banner that reads as a sentence
    return total


def is_chrome(text_a: str, text_b: str, passage: tuple[int, ...], max_words: int = 30) -> bool:
    """A passage that is mostly site chrome on both sides relates nothing, even if the cleaner missed it."""
    a_lo, a_hi, b_lo, b_hi = passage
    return (
        _chrome_chars(text_a, a_lo, a_hi, max_words) * 2 > a_hi - a_lo
        and _chrome_chars(text_b, b_lo, b_hi, max_words) * 2 > b_hi - b_lo
    )


def char_passages(text_a: str, a: Tokens, text_b: str, b: Tokens, spans: tuple[WordSpan, ...]) -> list[tuple[int, ...]]:
    """(a_start, a_end, b_start, b_end) character offsets of aligned word spans."""
    out = []
    for s in spans:
        out.append((*char_span(text_a, a, s.a_start, s.a_end), *char_span(text_b, b, s.b_start, s.b_end)))
    return out
