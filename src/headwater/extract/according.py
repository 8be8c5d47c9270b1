"""Prepositional attributions: "according to X", "per a report from X", "in the eyes of X",
"by X's estimate", and "..., citing X" with no reporting verb of its own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.extract.context import Cand, Ctx, token_chars
from headwater.extract.doccache import tokens_with_dep, within
from headwater.extract.verbs import speaker_range
from headwater.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_CITING = re.compile(r"\b[Cc]iting\b")
_NOT_SOURCES = words("cues.toml", "according_not_sources.words")


def _token_at(ctx: Ctx, char: int, sent: Span) -> Token | None:
    for tok in sent:
        if tok.idx >= char and not tok.is_space:
            return tok
    return None


def _np_head(first: Token, sent: Span) -> Token:
    """The head of the noun phrase that starts at ``first``."""
    for tok in sent.doc[first.i : sent.end]:
        if tok.head.i < first.i or tok.head.i >= sent.end or tok.head is tok:
            return tok
    return first


def _content_around(ctx: Ctx, lo: int, a: int, b: int, stop: int) -> tuple[int, int]:
    """The sentence [lo, stop) without the phrase [a, b): the longer side, or the start side."""
    before = ctx.trim(lo, a)
    after = ctx.trim(b, stop)
    return after if after[1] - after[0] > before[1] - before[0] else before


def according_candidates(ctx: Ctx, taken: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    verb_sents = {ctx.sent_of(c.cue[0]).start for c in taken if c.cue is not None}
    for sent in ctx.sents:
        matches = list(ctx.cues.according.finditer(ctx.text, sent.start_char, sent.end_char))
        if sent.start not in verb_sents:
            matches += list(_CITING.finditer(ctx.text, sent.start_char, sent.end_char))[:1]
        if not matches:
            out.extend(_possessive(ctx, sent))
            if sent.start not in verb_sents:
                out.extend(_in_poll(ctx, sent))
            continue
        matches.sort(key=lambda m: m.start())
        lo = sent.start_char
        for k, m in enumerate(matches):
            stop = matches[k + 1].start() if k + 1 < len(matches) else sent.end_char
            cand = _from_match(ctx, sent, m.start(), m.end(), lo, stop)
            if cand is not None:
                out.append(cand)
                lo = max(lo, ctx.tok_span(*cand.speaker)[1])
    return out


def _from_match(ctx: Ctx, sent: Span, a: int, b: int, lo: int, stop: int) -> Cand | None:
    first = _token_at(ctx, b, sent)
    if first is None or first.i >= sent.end:
        return None
    head = _np_head(first, sent)
    partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    if (head.like_num and not partitive) or head.lower_ in _NOT_SOURCES:
        return None
    lo, stop = _parentheses(ctx, a, lo, stop)
    left, right = speaker_range(head)
    left = max(left, first.i)
    np_end = token_chars(ctx.doc[max(right - 1, min(head.right_edge.i, sent.end - 1))])[1]
    cue_tok = _token_at(ctx, a, sent)
    if cue_tok is not None and not ctx.text[lo:a].strip():
        # "According to a poll out Thursday, the senator leads": the phrase's own modifiers stay out
        edge = token_chars(cue_tok.right_edge)[1]
        if np_end < edge <= np_end + 40 and ctx.text[edge : edge + 1] == ",":
            np_end = edge
    content = _content_around(ctx, lo, a, np_end, stop)
    if content[1] - content[0] < 3:
        return None
    cue = (a, b)
    while cue[1] > cue[0] and ctx.text[cue[1] - 1].isspace():
        cue = (cue[0], cue[1] - 1)
    return Cand("according_to", content, cue, None, (left, right), head.i, salient=True)


def _parentheses(ctx: Ctx, a: int, lo: int, stop: int) -> tuple[int, int]:
    """Inside "( ... according to X )" the content stays inside the brackets."""
    t = ctx.text
    opening = t.rfind("(", lo, a)
    if opening >= 0 and t.find(")", opening, a) < 0:
        closing = t.find(")", a, stop)
        if closing >= 0:
            return opening + 1, closing
    return lo, stop


def _possessive(ctx: Ctx, sent: Span) -> list[Cand]:
    """ "By the Pentagon's estimate, ..." / "In Kyiv's assessment, ..."."""
    out = []
    for tok in within(tokens_with_dep(ctx.doc, "pobj"), sent):
        if tok.lower_ not in ctx.cues.possessive_nouns:
            continue
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ not in ("his", "her", "their", "its", "my")]
        if not poss or tok.head.lower_ not in ("by", "in", "under", "to", "from"):
            continue
        prep = tok.head
        left, right = speaker_range(poss[0])
        right = min(right, tok.i)
        a, b = prep.idx, token_chars(tok)[1]
        content = _content_around(ctx, sent.start_char, prep.left_edge.idx, b, sent.end_char)
        if content[1] - content[0] >= 3:
            out.append(Cand("according_to", content, (a, b), tok.i, (left, right), poss[0].i))
    return out


_POLLS = words("cues.toml", "according_polls.nouns")


def _in_poll(ctx: Ctx, sent: Span) -> list[Cand]:
    """ "Clinton held a 24-point lead among black voters in a CNN national poll": the poll is the source."""
    out = []
    for tok in within(tokens_with_dep(ctx.doc, "pobj"), sent):
        if tok.lemma_.lower() not in _POLLS or tok.head.lower_ != "in":
            continue
        prep = tok.head
        left, right = speaker_range(tok)
        b = token_chars(tok.doc[tok.right_edge.i])[1]
        content = _content_around(ctx, sent.start_char, prep.idx, b, sent.end_char)
        if content[1] - content[0] >= 3:
            out.append(Cand("according_to", content, token_chars(prep), None, (left, right), tok.i))
    return out
