"""Direct quotes: snap reported content to the quote it lies in, link quotes to a nearby cue,
let continuation quotes inherit their speaker, and read headline cues ("... 'unhappy' says X")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.extract.content import lead_in
from headwater.extract.context import Cand, Ctx, token_chars
from headwater.extract.quotes import Quote
from headwater.extract.verbs import cue_tokens, speaker_range, subject
from headwater.lexicon import phrases

if TYPE_CHECKING:
    from spacy.tokens import Token

_HEADLINE = re.compile(
    r"(?P<cue>\b(?:" + "|".join(phrases("cues.toml", "headline.verbs")) + r")\b)\s+"
    r"(?P<who>(?:[A-Z][\w'’.-]*\s?){1,4})\s*[.!]?\s*$"
)
_LABEL = re.compile(r"^[^:\n]{1,30}:\s+")


def snap(ctx: Ctx, cand: Cand) -> None:
    """Set ``kind`` (direct/mixed/indirect) from the quotes in the content; widen to a quote it lies in."""
    s, e = cand.content
    quotes = [q for q in ctx.quotes_in(s, e) if q.inner_end > q.inner_start]
    if not quotes:
        return
    inner = [q for q in quotes if q.inner_start <= s + 1 and e <= q.end + 1]
    if inner:
        q = inner[0]
        cand.content, cand.kind = (q.inner_start, q.inner_end), "direct"
        return
    covered = sum(min(e, q.inner_end) - max(s, q.inner_start) for q in quotes)
    big = max(quotes, key=lambda q: q.inner_end - q.inner_start)
    if covered >= 0.6 * (e - s) and big.inner_end - big.inner_start >= 0.6 * (e - s):
        cand.kind = "direct"
        if ctx.text[s : big.start].strip(" ,:") == "":
            cand.content = (big.inner_start, big.inner_end)
    elif cand.kind == "indirect":
        cand.kind = "mixed"


def _covered(q: Quote, cands: list[Cand]) -> bool:
    return any(c.content[0] < q.inner_end and q.inner_start < c.content[1] for c in cands)


def _cue_after(ctx: Ctx, q: Quote) -> Token | None:
    """A cue right after the closing mark: "“...,” Peskov stated." / "“...,” he said. “...”"."""
    para_end = ctx.text.find("\n", q.end)
    limit = min(q.end + 80, para_end if para_end >= 0 else len(ctx.text))
    nxt = next((o for o in ctx.quotes if o.start >= q.end), None)
    if nxt is not None:
        limit = min(limit, nxt.start)
    tok = _find_cue(ctx, q.end, limit, stop_at_period=True)
    return tok if tok is not None and _adjacent(ctx, q, tok) else None


def _adjacent(ctx: Ctx, q: Quote, tok: Token) -> bool:
    """Only the speaker, punctuation and adverbs stand between the closing mark and the cue."""
    subj = quote_speaker(tok)
    span = range(subj.left_edge.i, subj.right_edge.i + 1) if subj is not None else range(0)
    for t in _tokens_between(ctx, q.end, tok.idx):
        if t.i >= tok.i or t.idx < q.end:
            continue
        if not (t.is_punct or t.is_space or t.i in span or t.dep_ in ("advmod", "aux", "neg") or t.is_quote):
            return False
    return True


def _cue_before(ctx: Ctx, q: Quote) -> Token | None:
    """A cue right before the opening mark: "He added: “...”" / "Another source told Mr Neil: “...”"."""
    before = ctx.text[max(0, q.start - 3) : q.start].rstrip()
    if not before or before[-1] not in ":,—–":
        head = ctx.text[max(0, q.start - 6) : q.start].rstrip()
        if not head.endswith(":") or "\n" not in ctx.text[q.start - 6 : q.start]:
            return None  # not "He declared:\n\n“It is ...”" either
        colon = ctx.text.rfind(":", 0, q.start)
        sent = ctx.sent_of(colon)
        return _find_cue(ctx, sent.start_char, colon, stop_at_period=False, last=True)
    sent = ctx.sent_of(max(q.start - 1, 0))
    return _find_cue(ctx, sent.start_char, q.start, stop_at_period=False, last=True)


def _find_cue(ctx: Ctx, a: int, b: int, stop_at_period: bool, last: bool = False) -> Token | None:
    found = None
    for tok in _tokens_between(ctx, a, b):
        if stop_at_period and tok.text in (".", "!", "?") and tok.idx > a + 1:
            break
        ok, _ = cue_tokens(ctx, tok)
        if ok and tok.dep_ != "relcl" and quote_speaker(tok) is not None:  # not "an economist who advises ..."
            found = tok
            if not last:
                return tok
    return found


def _tokens_between(ctx: Ctx, a: int, b: int) -> list[Token]:
    doc = ctx.doc
    span = doc.char_span(a, b, alignment_mode="expand")
    return list(span) if span is not None else []


def quote_speaker(tok: Token) -> Token | None:
    """The cue's subject; or, where the parser lost it in an inverted cue ("“...,” said Edward Leamer, an
    economist, “...”"), the name right after the verb."""
    subj = subject(tok)
    if subj is not None or tok.tag_ not in ("VBD", "VBZ"):
        return subj
    i = tok.i + 1
    doc = tok.doc
    while (
        i < len(doc) and doc[i].dep_ in ("compound", "det", "amod", "flat", "nmod", "poss") and doc[i].i < doc[i].head.i
    ):
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("PROPN", "NOUN") or doc[i].is_quote:
        return None
    return doc[i]


def _make(ctx: Ctx, q: Quote, tok: Token) -> Cand:
    subj = quote_speaker(tok)
    assert subj is not None
    start = lead_in(ctx, q.start, tok) if tok.i > 0 and tok.idx > q.end else q.inner_start
    kind = "direct" if start == q.inner_start else "mixed"
    return Cand(kind, (start, q.inner_end), token_chars(tok), tok.i, speaker_range(subj), subj.i)


def quote_candidates(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """Cands for quotes no verb candidate covers: linked to a nearby cue, or continuing an earlier quote."""
    out: list[Cand] = []
    last_direct: Cand | None = None
    for q in ctx.quotes:
        owner = next(
            (
                c
                for c in cands + out
                if c.kind in ("direct", "mixed")
                and c.content[0] <= q.inner_start
                and q.inner_start < c.content[1]
                and q.inner_end - 2 <= c.content[1] <= q.end
            ),
            None,
        )
        if owner is not None:
            last_direct = owner
            continue
        if _covered(q, cands + out):
            continue
        tok = _cue_after(ctx, q) or _cue_before(ctx, q)
        if tok is not None and last_direct is not None and last_direct.cue_token == tok.i:
            tok = None  # “...,” said X, “...”: the second part continues the first
        if tok is not None and q.inner_end - q.inner_start > 1:
            cand = _make(ctx, q, tok)
        elif last_direct is not None and _continues(ctx, q, last_direct):
            cand = Cand(
                "direct", (q.inner_start, q.inner_end), last_direct.cue, last_direct.cue_token, parent=last_direct
            )
        else:
            continue
        out.append(cand)
        last_direct = cand
    return out


def _continues(ctx: Ctx, q: Quote, prev: Cand) -> bool:
    """A sentence-long quote right after the previous direct quote's paragraph, or in the same one."""
    if q.continues:
        return True
    gap = ctx.text[prev.content[1] : q.start]
    short = len(ctx.text[q.inner_start : q.inner_end].split()) < 4
    if short and not ("\n" not in gap and len(gap) < 60 and ctx.text[q.inner_end - 1 : q.inner_end] in ".?!"):
        return False
    if gap.count("\n") > 2:
        return False
    para_start = ctx.text.rfind("\n", 0, q.start) + 1
    return ctx.text[para_start : q.start].strip() == "" or q.start - prev.content[1] < 120 or "\n" not in gap


def _has_subject_before(ctx: Ctx, char: int) -> bool:
    span = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or span[0].i == 0:
        return False
    prev = ctx.doc[span[0].i - 1]
    return prev.dep_ in ("nsubj", "nsubjpass") and prev.head.i == span[0].i


def headline_candidates(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """ "Russian security services ‘unhappy’ says Soldatov": content before the cue, speaker after it."""
    out = []
    for sent in ctx.sents:
        text = ctx.text[sent.start_char : sent.end_char]
        m = _HEADLINE.search(text)
        if m is None or m.start() < 8:
            continue
        cue = (sent.start_char + m.start("cue"), sent.start_char + m.end("cue"))
        who = ctx.doc.char_span(
            sent.start_char + m.start("who"), sent.start_char + m.end("who"), alignment_mode="expand"
        )
        if who is None or not any(t.pos_ == "PROPN" for t in who) or any(t.ent_type_ in ("DATE", "TIME") for t in who):
            continue
        if who.root.dep_ in ("dobj", "dative", "npadvmod") or _has_subject_before(ctx, cue[0]):
            continue  # "..., Graham told CNN." / "..., Kowal said Friday.": an ordinary cue, not a headline
        label = _LABEL.match(text)
        s = sent.start_char + (label.end() if label and label.end() < m.start() else 0)
        content = ctx.trim(s, cue[0])
        cands[:] = [c for c in cands if c.cue is None or not (c.cue[0] <= cue[0] < c.cue[1])]
        head = who.root
        out.append(Cand("indirect", content, cue, None, speaker_range(head), head.i, salient=False))
    return out
