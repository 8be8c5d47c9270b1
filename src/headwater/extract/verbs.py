"""Attributions around a reporting verb: "X said (that) ...", "..., X said.", "X told Y: “...”"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.extract.context import Cand, Ctx, token_chars

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJ = ("nsubj", "nsubjpass", "csubj")
CLIMB = ("conj", "advcl", "xcomp", "pcomp", "acl", "dep")
NOT_CUE_DEPS = ("amod", "compound", "auxpass", "aux")
_TAIL = re.compile(r",\s+(?:citing|according to|per)\s")
NESTED = False  # keep attributions reported inside a quote ("“We believe that ...”")


def cue_tokens(ctx: Ctx, tok: Token) -> tuple[bool, Token | None]:
    """Is ``tok`` a cue verb; and its particle ("called for", "pointed out") if any."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in NOT_CUE_DEPS:
        return False, None
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and (lemma, child.lower_) in ctx.cues.phrasal:
            return True, child
    return lemma in ctx.cues.verbs or lemma in ctx.cues.np_verbs, None


def subject(tok: Token, speech: bool) -> Token | None:
    """The grammatical subject of the cue, climbing through "..., adding" / "and said" chains."""
    seen = 0
    cur = tok
    while seen < 4:
        for child in cur.children:
            if child.dep_ in ("nsubj", "csubj") or (child.dep_ == "nsubjpass" and cur is not tok):
                return child
        if child_agent := _agent(cur):
            return child_agent
        if cur.dep_ not in CLIMB or cur.head is cur or not speech:
            return None
        if cur.dep_ in ("advcl", "acl", "pcomp", "dep") and cur.tag_ not in ("VBG", "VBN"):
            return None
        cur = cur.head
        seen += 1
    return None


def _agent(tok: Token) -> Token | None:
    if not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    for child in tok.children:
        if child.dep_ == "agent":
            for gc in child.children:
                if gc.dep_ == "pobj":
                    return gc
    return None


def _ccomp(tok: Token) -> Token | None:
    comps = [c for c in tok.children if c.dep_ in ("ccomp",) or (c.dep_ == "xcomp" and c.i > tok.i and _has_subj(c))]
    if not comps:
        return None
    after = [c for c in comps if c.i > tok.i]
    return after[0] if after else comps[-1]


def _has_subj(tok: Token) -> bool:
    return any(c.dep_ in SUBJ for c in tok.children)


def _np_content(ctx: Ctx, tok: Token, particle: Token | None) -> tuple[int, int] | None:
    lemma = tok.lemma_.lower()
    if particle is not None and particle.dep_ == "prep":
        objs = [c for c in particle.children if c.dep_ in ("pobj", "pcomp")]
        if objs:
            return _subtree_chars(objs[0])
    if lemma not in ctx.cues.np_verbs and particle is None:
        return None
    objs = [c for c in tok.children if c.dep_ in ("dobj",) and c.i > tok.i]
    if not objs:
        return None
    start = objs[0].left_edge.i
    end = max((c.right_edge.i for c in tok.children if c.i >= objs[0].i and c.dep_ in ("dobj", "oprd", "xcomp", "prep")
               and (c.dep_ != "prep" or lemma in ("call", "accuse", "blame", "describe"))), default=objs[0].right_edge.i)
    return tok.doc[start].idx, token_chars(tok.doc[end])[1]


def _subtree_chars(head: Token) -> tuple[int, int]:
    left, right = head.left_edge, head.right_edge
    return left.idx, right.idx + len(right.text)


def _sentence_final(ctx: Ctx, tok: Token, subj: Token | None) -> tuple[int, int] | None:
    """"..., another source said." / "“...,” said Peskov." -> the text before the comma."""
    sent = tok.sent
    first = min([tok.i] + ([subj.left_edge.i] if subj is not None else []))
    if first <= sent.start + 1:
        return None
    prev = tok.doc[first - 1]
    if prev.text not in (",", "”", '"', "’", "'", "—", "–", "-", ":") and not prev.is_quote:
        return None
    if tok.head.i > tok.i or any(c.dep_ in ("dobj", "ccomp") and c.i > tok.i for c in tok.children):
        return None
    tail = [t for t in tok.doc[tok.i + 1 : sent.end] if not (subj is not None and subj.left_edge.i <= t.i <= subj.right_edge.i)]
    if any(t.pos_ == "VERB" and t.dep_ in ("ccomp", "conj", "xcomp") for t in tail):
        return None
    body = tok.doc[sent.start : prev.i]
    if len(body) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in body):
        return None
    return sent.start_char, prev.idx + len(prev.text)


def _parenthetical(ctx: Ctx, tok: Token, subj: Token | None) -> tuple[int, int] | None:
    """"This, he said, was part of ..." -> the longer side of the sentence."""
    if tok.dep_ != "parataxis":
        return None
    sent = tok.sent
    left = min([tok.left_edge.i] + ([subj.left_edge.i] if subj is not None else []))
    right = tok.right_edge.i
    before = (sent.start_char, tok.doc[left].idx)
    after = (token_chars(tok.doc[right])[1], sent.end_char)
    return after if after[1] - after[0] >= before[1] - before[0] else before


def verb_candidates(ctx: Ctx) -> list[Cand]:
    out: list[Cand] = []
    for tok in ctx.doc:
        is_cue, particle = cue_tokens(ctx, tok)
        if not is_cue:
            continue
        cand = _candidate(ctx, tok, particle)
        if cand is not None:
            out.append(cand)
    return out


def _content(ctx: Ctx, tok: Token, particle: Token | None, subj: Token | None) -> tuple[int, int] | None:
    comp = _ccomp(tok)
    if comp is not None and comp.i > tok.i:
        first = tok.doc[max(comp.left_edge.i, tok.i + 1)]
        return first.idx, comp.right_edge.idx + len(comp.right_edge.text)
    final = _sentence_final(ctx, tok, subj)
    if final is not None:
        return final
    if comp is not None:
        return _subtree_chars(comp)
    paren = _parenthetical(ctx, tok, subj)
    if paren is not None:
        return paren
    return _np_content(ctx, tok, particle)


def _candidate(ctx: Ctx, tok: Token, particle: Token | None) -> Cand | None:
    lemma = tok.lemma_.lower()
    speech = lemma in ctx.cues.speech or lemma in ctx.cues.deny
    subj = subject(tok, speech)
    if subj is not None and subj.lower_ in ("it", "there", "which", "that", "what") and lemma not in ctx.cues.speech:
        return None
    content = _content(ctx, tok, particle, subj)
    if content is None:
        return None
    if not NESTED and ctx.quote_at(tok.idx) is not None:
        return None
    cut = _TAIL.search(ctx.text, content[0], content[1])
    s, e = ctx.trim(content[0], cut.start() if cut else content[1])
    if e - s < 2 or (subj is not None and s <= subj.idx < e):
        return None
    cue_end = token_chars(particle)[1] if particle is not None and particle.i == tok.i + 1 else token_chars(tok)[1]
    cue = (tok.idx, cue_end)
    if subj is None:
        if not _passive(tok):
            return None
        return Cand("unattributed", (s, e), cue, tok.i, None, None, salient=False)
    left, right = speaker_range(subj)
    salient = tok.dep_ in ("ROOT", "conj", "parataxis", "ccomp") or tok.tag_ in ("VBD", "VBZ", "VBP")
    return Cand("indirect", (s, e), cue, tok.i, (left, right), subj.i, salient=salient)


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def speaker_range(head: Token) -> tuple[int, int]:
    """Token range of the speaker noun phrase: the head with its modifiers, names in apposition, no clauses."""
    left = head.i
    right = head.i
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "preconj", "advmod", "neg"):
            left = min(left, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod", "prep", "case", "poss", "amod", "nmod") or (
            child.dep_ == "appos" and child.pos_ == "PROPN"
        ) or (child.dep_ in ("conj",) and child.pos_ in ("PROPN", "NOUN")):
            right = max(right, child.right_edge.i)
    doc = head.doc
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return left, right + 1
