"""Attributions with no source in the text (kind ``unattributed``): agentless passives of reporting and
judging verbs ("Clinton is expected to win", "Twitter is seen as a news site", "a group known to
oppose it") and appearance verbs ("the plan seems to work", "it appears that ..."). The content is the
subject with the complement; the cue (auxiliaries included) sits inside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.extract.context import Cand, Ctx, token_chars
from headwater.extract.doccache import tokens_with_pos
from headwater.extract.verbs import speaker_range
from headwater.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

_COMPLEMENT = ("xcomp", "ccomp", "prep", "oprd", "attr", "acomp", "dobj", "advcl")
_CONTENT_END = _COMPLEMENT
_EXPLETIVE = words("cues.toml", "sourceless_words.expletive")
_NAMING = words("cues.toml", "sourceless_words.naming")


def _subject(tok: Token, passive: bool) -> Token | None:
    deps = ("nsubjpass",) if passive else ("nsubj",)
    subj = [c for c in tok.children if c.dep_ in deps]
    return subj[0] if subj else None


def _cue(tok: Token) -> tuple[int, int]:
    """The verb with its auxiliaries, negation and adverbs before it ("is not widely expected")."""
    first = tok
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < first.i and tok.i - c.i <= 4:
            first = c
    return first.idx, token_chars(tok)[1]


def _end(tok: Token) -> int | None:
    """Last token of the verb's complements after it, or None when it has none."""
    comps = [c for c in tok.children if c.i > tok.i and c.dep_ in _COMPLEMENT]
    if not comps:
        return None
    return max(c.right_edge.i for c in comps)


def agent(tok: Token) -> Token | None:
    """The "by" object of a passive ("was first reported by MSNBC")."""
    for c in tok.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            return objs[0] if objs else None
    return None


def _passive(ctx: Ctx, tok: Token) -> tuple[int, int] | None:
    """Content chars of a passive, or of a passive participle on a noun ("a group known to ...")."""
    end = _end(tok)
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        head = tok.head
        if end is None or head.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() in _NAMING:
            return None  # (not "a firm called Cambridge Analytica": a name, not a judgement)
        return head.left_edge.idx, token_chars(tok.doc[end])[1]
    subj = _subject(tok, passive=True)
    if subj is None or subj.lower_ in _EXPLETIVE:
        return None
    if end is None:  # "The leak was first reported by the Velmar Times": the subject alone
        return (subj.left_edge.idx, token_chars(subj.right_edge)[1]) if agent(tok) is not None else None
    return subj.left_edge.idx, token_chars(tok.doc[end])[1]


def _raising(ctx: Ctx, tok: Token) -> tuple[int, int] | None:
    """ "X seems to ...", "X appeared unaware", "it appears that ..."."""
    subj = _subject(tok, passive=False)
    comps = [
        c
        for c in tok.children
        if c.i > tok.i
        and (c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("like", "as")))
    ]
    if not comps:
        return None
    end = _end(tok)
    if end is None:
        return None
    if subj is None or subj.lower_ in ("it", "there"):
        comp = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
        return (comp[0].left_edge.idx, token_chars(comp[0].right_edge)[1]) if comp else None
    if subj.lower_ in _EXPLETIVE:
        return None
    return subj.left_edge.idx, token_chars(tok.doc[end])[1]


def sourceless_candidates(ctx: Ctx, taken: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    busy = {c.cue_token for c in taken if c.cue_token is not None}
    for tok in tokens_with_pos(ctx.doc, "VERB", "AUX"):
        if tok.i in busy or ctx.quote_at(tok.idx) is not None:
            continue
        cand = _candidate(ctx, tok)
        if cand is not None:
            out.append(cand)
    return out


def _asked(tok: Token) -> tuple[int, int] | None:
    """ "Asked about the leak, ..." / "when asked whether ...": the question, with no asker in the text."""
    if any(c.dep_ in ("nsubj", "agent") for c in tok.children):
        return None
    after = [c for c in tok.children if c.i > tok.i]
    for c in after:  # the question itself first: "Asked on Monday whether ..."
        if c.dep_ == "ccomp" or (
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
        ):
            return c.left_edge.idx, token_chars(c.right_edge)[1]
    for c in after:
        if c.dep_ == "prep" and c.lower_ in ("about", "on", "for", "if"):
            target = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if target is not None and target.ent_type_ not in ("DATE", "TIME"):
                return target.left_edge.idx, token_chars(target.right_edge)[1]
    return None


def _candidate(ctx: Ctx, tok: Token) -> Cand | None:
    cues = ctx.cues
    lemma = tok.lemma_.lower()
    if lemma == "ask" and tok.tag_ == "VBN":
        found = _asked(tok)
        if found is None:
            return None
        return Cand(
            "unattributed", ctx.trim(*found), _cue(tok), tok.i, None, None, salient=False, extra={"rule": "asked"}
        )
    by = agent(tok) if tok.tag_ == "VBN" else None
    if lemma in cues.raising:
        content = _raising(ctx, tok)
    elif tok.tag_ == "VBN" and (
        lemma in cues.passive or (by is not None and (lemma in cues.verbs or lemma in cues.np_verbs))
    ):
        content = _passive(ctx, tok)
    else:
        return None
    if content is None or content[1] - content[0] < 8:
        return None
    s, e = ctx.trim(*content)
    rule = "raising" if lemma in cues.raising else "passive"
    if by is not None and rule == "passive":
        return Cand(
            "indirect", (s, e), _cue(tok), tok.i, speaker_range(by), by.i, salient=False, extra={"rule": "agent"}
        )
    return Cand("unattributed", (s, e), _cue(tok), tok.i, None, None, salient=False, extra={"rule": rule})
