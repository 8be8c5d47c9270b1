"""Shared state for one parsed document, and the candidate record the extractors produce."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from headwater.extract.doccache import doc_text
from headwater.extract.lexicon import Cues, Speakers, cues, speakers
from headwater.extract.quotes import QUOTE_CHARS, Quote, find_quotes
from headwater.lexicon import phrases

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

EDGE = set(" \t\r\n,.;:—–-")
_ABBREV = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:" + "|".join(phrases("cues.toml", "abbreviations.words")) + r")\.)$"
)


@dataclass(slots=True)
class Cand:
    """A candidate attribution, in character offsets of the parsed text (token indices for the speaker)."""

    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    speaker: tuple[int, int] | None = None  # token range [start, end)
    speaker_head: int | None = None
    parent: Cand | None = None  # the quote this one continues: inherits its speaker
    stance: str = "assert"
    via: str | None = None
    salient: bool = True  # may serve as the antecedent of a later pronoun
    extra: dict[str, str] = field(default_factory=dict)


class Ctx:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.cues: Cues = cues()
        self.lex: Speakers = speakers()
        self.quotes: list[Quote] = find_quotes(self.text)
        self._qstarts = [q.start for q in self.quotes]
        self.sents: list[Span] = list(doc.sents)
        self._sstarts = [s.start_char for s in self.sents]

    def quote_at(self, i: int) -> Quote | None:
        k = bisect_right(self._qstarts, i) - 1
        if k >= 0 and self.quotes[k].start <= i < self.quotes[k].end:
            return self.quotes[k]
        return None

    def quotes_in(self, s: int, e: int) -> list[Quote]:
        k = max(bisect_right(self._qstarts, s) - 1, 0)
        out = []
        for q in self.quotes[k:]:
            if q.start >= e:
                break
            if q.end > s and q.start < e:
                out.append(q)
        return out

    def sent_of(self, char: int) -> Span:
        k = max(bisect_right(self._sstarts, char) - 1, 0)
        return self.sents[k]

    def trim(self, s: int, e: int) -> tuple[int, int]:
        """Strip spaces and edge punctuation; drop a quote mark whose partner lies outside."""
        t = self.text
        for _ in range(3):
            while s < e and t[s] in EDGE:
                s += 1
            while e > s and t[e - 1] in EDGE and not _ABBREV.search(t, max(s, e - 8), e):
                e -= 1
            if e > s and t[e - 1] in QUOTE_CHARS and not self._partner_inside(s, e - 1):
                e -= 1
                continue
            if e > s and t[s] in QUOTE_CHARS and not self._partner_inside(s, e, opening=s):
                s += 1
                continue
            break
        return s, e

    def close_quote(self, s: int, e: int) -> int:
        """Extend ``e`` to the closing mark of a quote opened inside [s, e) when only punctuation is left
        ("called it a “complete fabrication.”": the full stop belongs to the quotation)."""
        q = self.quote_at(e - 1) if e > 0 else None
        if q is None or q.start < s or q.end <= e or not q.closed:
            return e
        gap = self.text[e : q.inner_end]
        if all(ch in ".,!?;:…" or ch.isspace() for ch in gap):
            return q.end
        # A quotation opened inside the content runs on past the sentence ("said that “ethanol people” “do a
        # fantastic job. And it’s so important.”"): the quote is not cut, so the content runs to its end.
        return q.end if q.start > s and "\n" not in gap else e

    def _partner_inside(self, s: int, e: int, opening: int | None = None) -> bool:
        if opening is not None:
            q = self.quote_at(opening)
            return q is not None and q.start == opening and q.end <= e
        q = self.quote_at(e)
        return q is not None and q.start >= s

    def tok_span(self, a: int, b: int) -> tuple[int, int]:
        """Characters of tokens [a, b)."""
        doc = self.doc
        return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def token_chars(tok: Token) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok.text)
