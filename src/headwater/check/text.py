"""Words, stems and sentences: the plain-text side of ``check`` (no parse needed)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|n't")
_SENT_END = re.compile(r"(?<=[.!?\u201d\"'])\s+(?=[\"'\u201c(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"\u201c])")


def words(text: str) -> list[str]:
    """Lower-cased words ("didn't" -> "didn't"; a bare "n't" after a split contraction is kept)."""
    return _WORD.findall(text.lower())


def stem(word: str) -> str:
    """A crude stem: the first six letters of a long word ("denied"/"denies" differ; "refuted"/"refutes" meet)."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split after . ! ? before a capital, and at line breaks."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if text[start : m.start()].strip():
            out.append(_trim(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append(_trim(text, start, len(text)))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
