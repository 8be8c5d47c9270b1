"""Speaker labels: interview and transcript turns ("TAPPER: ...", "Sanders: ‘We will win.’") and
signed quotes ("“...” ― Maria Ortiz", or a line "- Bernie Sanders" after the quote)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.extract.context import Cand, Ctx
from headwater.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Span

_LABEL = re.compile(r"(?m)^[ \t]*(?P<who>[^\n:]{2,40}?)(?P<colon>:)[ \t]+(?=\S)")
_SIGN = re.compile(r"[”\"’'](?P<gap>\s*)(?P<dash>[―—–-])\s*(?P<who>[A-Z][^\n\d]{1,48}?)\s*\.?[ \t]*$", re.M)
_NOT_SPEAKERS = words("speakers.toml", "turns.not_speakers")


def _label_ok(span: Span, ctx: Ctx, quoted: bool = False) -> bool:
    """A name, an outlet or an all-capitals transcript name: no verb, no digits, not a section label
    (a capitalised word the tagger took for a noun passes when a quotation follows: "Kowal: ‘...’")."""
    if span.text.strip().lower() in _NOT_SPEAKERS or any(t.like_num or t.pos_ in ("VERB", "AUX") for t in span):
        return False
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > (8 if quoted else 5):
        return False
    named = any(t.pos_ == "PROPN" or t.text.isupper() for t in words) or (
        len(words) <= 3 and span.start == span.sent.start
    )
    if quoted and span.root.pos_ == "PROPN":  # "Republican pollster Daron Shaw: “...”": a described name
        return True
    return all(t.pos_ == "PROPN" or t.text.isupper() or t.lower_ in ctx.lex.media or t.is_title for t in words) and (
        quoted or named
    )


def _turns(ctx: Ctx) -> list[Cand]:
    out = []
    text = ctx.text
    for m in _LABEL.finditer(text):
        span = ctx.doc.char_span(m.start("who"), m.end("who"), alignment_mode="expand")
        if span is None or not _label_ok(span, ctx, text[m.end() : m.end() + 1] in "“‘\"'«"):
            continue
        end = text.find("\n", m.end())
        s, e = ctx.trim(m.end(), len(text) if end < 0 else end)
        if e - s < 8:
            continue
        out.append(
            Cand(
                "direct",
                (s, e),
                (m.start("colon"), m.end("colon")),
                None,
                (span.start, span.end),
                span.root.i,
                extra={"rule": "turn"},
            )
        )
    return out


def _signed(ctx: Ctx) -> list[Cand]:
    out = []
    for m in _SIGN.finditer(ctx.text):
        if "\n\n" in m.group("gap") and m.group("gap").count("\n") > 2:
            continue
        q = ctx.quote_at(m.start())
        if q is None or q.end != m.start() + 1:
            continue
        span = ctx.doc.char_span(m.start("who"), m.end("who"), alignment_mode="expand")
        if span is None or not _label_ok(span, ctx):
            continue
        out.append(
            Cand(
                "direct",
                (q.inner_start, q.inner_end),
                (m.start("dash"), m.end("dash")),
                None,
                (span.start, span.end),
                span.root.i,
                extra={"rule": "signed"},
            )
        )
    return out


def turn_candidates(ctx: Ctx, taken: list[Cand]) -> list[Cand]:
    """Labelled turns and signed quotes whose content no other candidate already holds."""
    out = []
    for cand in _turns(ctx) + _signed(ctx):
        if any(c.content[0] <= cand.content[0] < c.content[1] and c.speaker is not None for c in taken):
            continue
        out.append(cand)
    return out
