"""Character-level edits that keep a per-character map back to the raw text."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

# Stray markup fragments: "< p>", "</ p>", "<br/>", and a bare "p>" / "/p>" at a line edge.
_MARKUP = re.compile(
    r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]{0,9}(\s+[^<>]{0,80})?\s*/?\s*>|(^|\s)/?p>(?=\s|$)|(^|\s)</?p(?=\s|$)"
)
# Runs of 2+ spaces, or any other horizontal space: a lone " " (the common case) is left alone.
_SPACE = re.compile(
    r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]"
)


# When a unicode fix changes the number of words on a line, lines up to this long are aligned with
# difflib, longer ones proportionally ([clean] max_align_chars).
MAX_ALIGN_CHARS = 500


@dataclass(slots=True)
class MappedText:
    """A string and, for each character, its offset in the raw text (-1 when inserted)."""

    text: str
    index: list[int]

    @classmethod
    def of(cls, text: str, start: int) -> MappedText:
        return cls(text, list(range(start, start + len(text))))

    def sub(self, pattern: re.Pattern[str], repl: str) -> MappedText:
        """Replace every match by ``repl``; replacement characters map to the match start."""
        out: list[str] = []
        idx: list[int] = []
        pos = 0
        for m in pattern.finditer(self.text):
            out.append(self.text[pos : m.start()])
            idx.extend(self.index[pos : m.start()])
            if repl:
                anchor = self.index[m.start()] if m.start() < len(self.index) else -1
                out.append(repl)
                idx.extend([anchor] * len(repl))
            pos = m.end()
        if pos == 0:
            return self
        out.append(self.text[pos:])
        idx.extend(self.index[pos:])
        return MappedText("".join(out), idx)

    def strip(self) -> MappedText:
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        if left == 0 and right == len(self.text):
            return self
        return MappedText(self.text[left:right], self.index[left:right])

    def replace_text(self, new: str, max_align_chars: int = MAX_ALIGN_CHARS) -> MappedText:
        """Swap in an edited version of the text (ftfy's), keeping each character's raw offset.

        Words are aligned with words (``_align_words``: linear, exact when the edit keeps the
        words, as width, ligature and mojibake fixes do); only when the edit changes the number
        of words is the line aligned character by character with difflib, and only up to
        ``max_align_chars``: difflib's cost grows faster than the square of the length when few
        characters are unchanged (20 KB of full-width letters took minutes). Longer lines are
        mapped proportionally.
        """
        if new == self.text:
            return self
        idx = _align_words(self.text, new, self.index)
        if idx is None:
            if max(len(self.text), len(new)) <= max_align_chars:
                idx = _align_chars(self.text, new, self.index)
            else:
                idx = _proportional(len(new), self.index)
        return MappedText(new, idx)


def _align_chars(old: str, new: str, index: list[int]) -> list[int]:
    idx: list[int] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            idx.extend(index[i1:i2])
        elif op in ("replace", "insert"):
            span = index[i1:i2] or [index[i1 - 1] if i1 else -1]
            for k in range(j2 - j1):
                idx.append(span[min(k, len(span) - 1)])
    return idx


_WORDS = re.compile(r"\S+|\s+")
_WORD_ALIGN_CHARS = 100  # a longer "word" (no spaces) is mapped proportionally


def _align_words(old: str, new: str, index: list[int]) -> list[int] | None:
    """Map ``new`` onto ``old`` piece by piece (words and the spaces between them); None when the
    two do not split into as many pieces."""
    old_parts = [m.span() for m in _WORDS.finditer(old)]
    new_parts = [m.span() for m in _WORDS.finditer(new)]
    if len(old_parts) != len(new_parts):
        return None
    idx: list[int] = []
    for (a1, a2), (b1, b2) in zip(old_parts, new_parts, strict=True):
        if a2 - a1 == b2 - b1:
            idx.extend(index[a1:a2])
        elif max(a2 - a1, b2 - b1) <= _WORD_ALIGN_CHARS:
            idx.extend(_align_chars(old[a1:a2], new[b1:b2], index[a1:a2]))
        else:
            idx.extend(_proportional(b2 - b1, index[a1:a2]))
    return idx


def _proportional(length: int, index: list[int]) -> list[int]:
    if not index:
        return [-1] * length
    scale = len(index) / max(length, 1)
    return [index[min(int(k * scale), len(index) - 1)] for k in range(length)]


@lru_cache(maxsize=1)
def _ftfy_config():  # type: ignore[no-untyped-def]
    import ftfy

    # Curly quotes mark where quotes open and close: keep them.
    return ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=True, fix_character_width=True)


# Typographic punctuation that ftfy leaves alone next to ASCII (its mojibake test, ``badness.is_bad``,
# needs an accented letter, a currency, box or "bad" character beside them; they are NFC-stable, and
# no ligature, width, line-break or control fix touches them): a line of printable ASCII and these,
# without "&" (an HTML entity ftfy would unescape), is what ftfy would return. Most news lines are such
# lines, and ftfy is most of the cleaning's cost. ``tests/test_clean_text.py`` checks the claim.
TYPOGRAPHIC = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"  # ‘ ’ “ ” – — …
_DROP_TYPOGRAPHIC = str.maketrans("", "", TYPOGRAPHIC)
_NOT_PLAIN = re.compile(r"[\x00-\x08\x0a-\x1f\x7f&]")


def ftfy_unchanged(text: str) -> bool:
    """True when ftfy would return ``text`` as it is, known without running it (see TYPOGRAPHIC)."""
    return text.translate(_DROP_TYPOGRAPHIC).isascii() and _NOT_PLAIN.search(text) is None


def fix_unicode(line: MappedText, max_align_chars: int = MAX_ALIGN_CHARS) -> MappedText:
    if line.text.isascii() or ftfy_unchanged(line.text):
        return line
    import ftfy

    return line.replace_text(ftfy.fix_text(line.text, _ftfy_config()), max_align_chars)


def strip_markup(line: MappedText) -> MappedText:
    if "<" not in line.text and ">" not in line.text:
        return line
    return line.sub(_MARKUP, " ")


def squeeze_spaces(line: MappedText) -> MappedText:
    return line.sub(_SPACE, " ").strip()


def norm_line_key(text: str) -> str:
    """The form of a line used to recognise it in other articles."""
    return re.sub(r"\W+", " ", text.casefold()).strip()
