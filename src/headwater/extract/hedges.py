"""Unattributed hedges ("reportedly", "is said to", "it is understood that") and refusals to comment."""

from __future__ import annotations

from headwater.extract.context import Cand, Ctx
from headwater.extract.verbs import speaker_range, subject


def _inside(cands: list[Cand], a: int, b: int) -> bool:
    return any(c.speaker is not None and c.content[0] <= a and b <= c.content[1] for c in cands)


def hedge_candidates(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    for sent in ctx.sents:
        m = ctx.cues.hedges.search(ctx.text, sent.start_char, sent.end_char)
        if m is None or _inside(cands, m.start(), m.end()):
            continue
        if any(c.kind == "unattributed" and sent.start_char <= c.content[0] < sent.end_char for c in cands):
            continue
        if any(
            c.cue is not None
            and c.content[0] <= sent.end_char
            and sent.start_char <= c.content[1]
            and c.kind == "according_to"
            for c in cands
        ):
            continue
        content = ctx.trim(sent.start_char, sent.end_char)
        if content[1] - content[0] < 10:
            continue
        out.append(Cand("unattributed", content, (m.start(), m.end()), None, None, None, salient=False))
    return out


def _declined_topic(ctx: Ctx, end: int) -> tuple[int, int] | None:
    """ "declined to comment on the report that ...": what the refusal is about, when the text names it."""
    span = ctx.doc.char_span(end, min(len(ctx.text), end + 40), alignment_mode="expand")
    if span is None:
        return None
    for tok in span[:3]:
        if tok.lower_ in ("on", "about") and tok.dep_ == "prep":
            objs = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return ctx.trim(objs[0].left_edge.idx, objs[0].right_edge.idx + len(objs[0].right_edge.text))
            return None
        if not (tok.is_space or tok.dep_ in ("npadvmod", "advmod") or tok.ent_type_ in ("DATE", "TIME")):
            return None
    return None


def no_comment_candidates(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """ "The Kremlin declined to comment." -> stance no_comment, speaker the subject."""
    out: list[Cand] = []
    for sent in ctx.sents:
        m = ctx.cues.no_comment.search(ctx.text, sent.start_char, sent.end_char)
        if m is None:
            continue
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        verb = span[0] if span[0].pos_ in ("VERB", "AUX") else span.root
        subj = subject(verb)
        if subj is None:
            continue
        content = _declined_topic(ctx, m.end()) or (m.start(), m.end())
        cands[:] = [c for c in cands if not (c.cue and m.start() <= c.cue[0] < m.end())]
        out.append(
            Cand(
                "indirect",
                content,
                (span[0].idx, span[0].idx + len(span[0].text)),
                verb.i,
                speaker_range(subj),
                subj.i,
                stance="no_comment",
                salient=False,
            )
        )
    return out
