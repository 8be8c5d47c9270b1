"""Find quoted passages in every common style.

Double quotes: curly (“ ”), straight ("), German („ “ or „ ”), guillemets (« », » «), single-angle (‹ ›).
Single quotes (‘ ’ and ') are read where they open at a word start and close at a word end, so
apostrophes ("don't", "Putin’s") are not mistaken for them. British-style quotes that run over several
paragraphs (each paragraph opens with a quote mark, only the last one closes) are one passage per
paragraph, each after the first marked as continuing the one before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

OPEN_CLOSE = {"“": '”"', "„": "“”", "«": "»", "»": "«", "‹": "›", '"': '"', "‘": "’", "'": "'", "‚": "‘’"}
DOUBLE_OPEN = '“„«"'
SINGLE_OPEN = "‘'‚"
QUOTE_CHARS = set("“”„«»‹›\"‘’'‚`")
_PARA = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # of the opening mark
    end: int  # after the closing mark (or the paragraph end when unclosed)
    inner_start: int
    inner_end: int
    closed: bool
    double: bool
    continues: bool = False  # a continuation paragraph of the quote before it

    @property
    def words(self) -> int:
        return self.inner_end - self.inner_start


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _opens(text: str, i: int, ch: str) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in ("'", "‘", '"', "‚"):
        return not _is_word(prev) and not nxt.isspace()
    return not nxt.isspace() or ch in "“„«"


def _closes(text: str, i: int, ch: str) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in ("'", "’"):
        return not prev.isspace() and not _is_word(nxt)
    return not prev.isspace() or ch in "”»"


@lru_cache(maxsize=16)
def _next_mark(marks: str) -> re.Pattern[str]:
    """The next character that is one of ``marks`` or an apostrophe (which may start a doubled '')."""
    return re.compile("[" + re.escape("".join(sorted(set(marks + "'")))) + "]")


def _width(text: str, i: int) -> int:
    """2 at a doubled apostrophe (''), the straight double quote of some wires and archives; else 1."""
    return 2 if text.startswith("''", i) else 1


def _scan(text: str, start: int, end: int, marks: str) -> list[Quote]:
    """Quotes opened by one of ``marks`` inside text[start:end] (one paragraph)."""
    out: list[Quote] = []
    i = start
    double = marks == DOUBLE_OPEN
    skip = _next_mark(marks)
    while i < end:
        m = skip.search(text, i, end)  # characters that are no quote mark only move i on by one
        if m is None:
            break
        i = m.start()
        ch, w = text[i], _width(text, i)
        if w == 2:
            if not double or _is_word(text[i - 1] if i > 0 else " ") or text[i + 2 : i + 3] in ("", " ", "\n"):
                i += 2
                continue
            ch = '"'
        if ch in marks and _opens(text, i + w - 1, ch):
            found = _find_close(text, i + w, end, OPEN_CLOSE[ch], ch in '“"')
            if found is None:
                if ch in DOUBLE_OPEN:
                    out.append(Quote(i, end, i + w, end, False, True))
                    return out
                i += w
                continue
            close, cw = found
            out.append(Quote(i, close + cw, i + w, close, True, ch in DOUBLE_OPEN))
            i = close + cw
            continue
        i += w
    return out


def _find_close(text: str, i: int, end: int, closers: str, double: bool) -> tuple[int, int] | None:
    j = i
    skip = _next_mark(closers + '"”“')
    while j < end:
        m = skip.search(text, j, end)  # any other character only moves j on by one
        if m is None:
            break
        j = m.start()
        if _width(text, j) == 2:
            if double and not text[j - 1].isspace():
                return j, 2
            j += 2
            continue
        ch = text[j]
        if (ch in closers or (double and ch in '"”')) and _closes(text, j, ch):
            return j, 1
        if ch == "“" and double and _misturned(text, j):
            return j, 1
        j += 1
    return None


def _misturned(text: str, j: int) -> bool:
    """An opening “ typed where the closing one belongs: after the quote's last punctuation and before a
    space ("... here,“ said Clyburn")."""
    nxt = text[j + 1] if j + 1 < len(text) else " "
    return j > 0 and text[j - 1] in ",.!?" and nxt.isspace()


def _strip(text: str, q: Quote) -> Quote:
    a, b = q.inner_start, q.inner_end
    while b > a and text[b - 1].isspace():
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return Quote(q.start, q.end if q.closed else b, a, b, q.closed, q.double, q.continues)


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotes, in order: double quotes, and single quotes outside them."""
    quotes: list[Quote] = []
    prev_unclosed = False
    for para in _PARA.finditer(text):
        s, e = para.start(), para.end()
        found = [_strip(text, q) for q in _scan(text, s, e, DOUBLE_OPEN)]
        singles = [_strip(text, q) for q in _scan(text, s, e, SINGLE_OPEN)]
        found += [q for q in singles if not any(d.start <= q.start < d.end for d in found)]
        found.sort(key=lambda q: q.start)
        found = [q for q in found if q.inner_end > q.inner_start]
        if found and prev_unclosed and found[0].start == _first_char(text, s, e):
            first = found[0]
            found[0] = Quote(
                first.start, first.end, first.inner_start, first.inner_end, first.closed, first.double, True
            )
        prev_unclosed = bool(found) and not found[-1].closed and found[-1].double
        quotes.extend(found)
    return quotes


def _first_char(text: str, s: int, e: int) -> int:
    while s < e and text[s].isspace():
        s += 1
    return s
