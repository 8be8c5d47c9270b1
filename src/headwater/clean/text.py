"""Character-level edits that keep a per-character map back to the raw text."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

# Stray markup fragments: "< p>", "</ p>", "<br/>", and a bare "p>" / "/p>" at a line edge.
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]{0,9}(\s+[^<>]{0,80})?\s*/?\s*>|(^|\s)/?p>(?=\s|$)|(^|\s)</?p(?=\s|$)")
# Runs of 2+ spaces, or any other horizontal space: a lone " " (the common case) is left alone.
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")


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

    def replace_text(self, new: str) -> MappedText:
        """Swap in an edited version of the text (ftfy's), aligning characters with difflib."""
        if new == self.text:
            return self
        idx: list[int] = []
        matcher = difflib.SequenceMatcher(None, self.text, new, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                idx.extend(self.index[i1:i2])
            elif op in ("replace", "insert"):
                span = self.index[i1:i2] or [self.index[i1 - 1] if i1 else -1]
                for k in range(j2 - j1):
                    idx.append(span[min(k, len(span) - 1)])
        return MappedText(new, idx)


@lru_cache(maxsize=1)
def _ftfy_config():  # type: ignore[no-untyped-def]
    import ftfy

    # Curly quotes mark where quotes open and close: keep them.
    return ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=True, fix_character_width=True)


def fix_unicode(line: MappedText) -> MappedText:
    if line.text.isascii():
        return line
    import ftfy

    return line.replace_text(ftfy.fix_text(line.text, _ftfy_config()))


def strip_markup(line: MappedText) -> MappedText:
    if "<" not in line.text and ">" not in line.text:
        return line
    return line.sub(_MARKUP, " ")


def squeeze_spaces(line: MappedText) -> MappedText:
    return line.sub(_SPACE, " ").strip()


def norm_line_key(text: str) -> str:
    """The form of a line used to recognise it in other articles."""
    return re.sub(r"\W+", " ", text.casefold()).strip()
