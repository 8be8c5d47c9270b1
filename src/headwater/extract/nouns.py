"""Nominal cues: "Trump's opposition to the deal", "her claim that ...", "the campaign's decision to
...", "a statement from the Kremlin saying ...". The source is the possessor (or the "by"/"from"
object); the content is the noun's clause, to-infinitive or prepositional object."""

from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.extract.content import subtree_chars
from headwater.extract.context import Cand, Ctx, token_chars
from headwater.extract.verbs import speaker_range

if TYPE_CHECKING:
    from spacy.tokens import Token

_PREPS = ("of", "to", "for", "about", "on", "against", "with", "over", "toward", "towards", "at", "in")
_SOURCE_PREPS = ("by", "from")


def _source(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "poss" and c.i < tok.i:
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _SOURCE_PREPS and c.i > tok.i:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and objs[0].pos_ in ("PROPN", "PRON", "NOUN"):
                return objs[0]
    return None


def _content(tok: Token, source: Token | None) -> tuple[tuple[int, int], Token | None] | None:
    """(content chars, the preposition that introduces it, if any)."""
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX"):
            marks = [m for m in c.children if m.dep_ in ("aux", "mark") and m.i < c.i]
            if c.dep_ != "relcl" and marks and marks[0].lower_ in ("to", "that"):
                return subtree_chars(c), None
    for c in tok.children:
        if c.i > tok.i and c.dep_ == "prep" and c.lower_ in _PREPS and (source is None or source.head is not c):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return subtree_chars(objs[0]), c
    return None


def noun_candidates(ctx: Ctx, taken: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    nouns = ctx.cues.nouns
    busy = {c.cue_token for c in taken if c.cue_token is not None}
    for tok in ctx.doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns or tok.i in busy:
            continue
        source = _source(tok)
        found = _content(tok, source)
        if found is None or ctx.quote_at(tok.idx) is not None:
            continue
        (s, e), prep = found
        s, e = ctx.trim(s, e)
        if e - s < 3:
            continue
        cue_end = token_chars(prep)[1] if prep is not None and prep.i == tok.i + 1 else token_chars(tok)[1]
        cue = (tok.idx, cue_end)
        if source is None:
            if tok.lemma_.lower() in ctx.cues.sourceless_nouns:
                out.append(Cand("unattributed", (s, e), cue, tok.i, None, None, salient=False, extra={"rule": "noun"}))
            continue
        out.append(Cand("indirect", (s, e), cue, tok.i, speaker_range(source), source.i, salient=False,
                        extra={"rule": "noun"}))
    return out


def _adj_content(tok: Token) -> tuple[tuple[int, int], Token | None] | None:
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
            return subtree_chars(c), None
    for c in tok.children:
        if c.i > tok.i and c.dep_ == "prep" and c.lower_ in _ADJ_PREPS:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return subtree_chars(objs[0]), c
    return None


_ADJ_PREPS = ("of", "about", "with", "at", "in", "to", "on", "over", "toward", "towards")


def adjective_candidates(ctx: Ctx, taken: list[Cand]) -> list[Cand]:
    """"Her advisers were optimistic that ...", "voters are skeptical of the plan": the subject of the copula
    is the source; the adjective's clause or prepositional object is the content."""
    out: list[Cand] = []
    busy = {c.cue_token for c in taken if c.cue_token is not None}
    for tok in ctx.doc:
        if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.lemma_.lower() not in ctx.cues.adjectives:
            continue
        verb = tok.head
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        found = _adj_content(tok)
        if not subj or found is None or verb.i in busy or ctx.quote_at(tok.idx) is not None:
            continue
        if subj[0].lower_ in ("it", "there", "this", "that", "which", "what"):
            continue
        (s, e), prep = found
        s, e = ctx.trim(s, e)
        cue_end = token_chars(prep)[1] if prep is not None and prep.i == tok.i + 1 else token_chars(tok)[1]
        if e - s < 3:
            continue
        out.append(Cand("indirect", (s, e), (min(verb.idx, tok.idx), cue_end), tok.i, speaker_range(subj[0]),
                        subj[0].i, salient=False, extra={"rule": "adjective"}))
    return out
