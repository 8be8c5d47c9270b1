"""Nominal cues: "Trump's opposition to the deal", "her claim that ...", "the campaign's decision to
...", "a statement from the Kremlin saying ...", and the object of a light verb ("Trump made the case
that ...", "she took a swipe at ..."). The source is the possessor (or the "by"/"from" object, or the
light verb's subject); the content is the noun's clause, to-infinitive or prepositional object."""

from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.extract.content import subtree_chars
from headwater.extract.context import Cand, Ctx, token_chars
from headwater.extract.doccache import tokens_with_pos
from headwater.extract.verbs import speaker_range, subject
from headwater.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

_PREPS = words("cues.toml", "noun_cues.content_preps")
_SOURCE_PREPS = words("cues.toml", "noun_cues.source_preps")
_LIGHT_PREPS = tuple(p for p in _PREPS if p != "in")  # "gave a speech in Iowa": a place, not the content


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


def _light_verb(ctx: Ctx, tok: Token) -> Token | None:
    """The light verb ``tok`` is the object of ("made [the case]", "took [a swipe]"), if it is one."""
    verb = tok.head
    if tok.dep_ != "dobj" or (verb.lemma_.lower(), tok.lemma_.lower()) not in ctx.cues.light:
        return None
    return verb


def _content(
    tok: Token, source: Token | None, verb: Token | None = None
) -> tuple[tuple[int, int], Token | None] | None:
    """(content chars, the preposition that introduces it, if any); after a light verb the preposition may
    hang on the verb ("took [aim] at the plan"); a copula may carry the clause ("her argument was that ...")."""
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        for c in tok.head.children:
            if (
                c.i > tok.head.i
                and c.dep_ == "ccomp"
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ):
                return subtree_chars(c), None
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX"):
            marks = [m for m in c.children if m.dep_ in ("aux", "mark") and m.i < c.i]
            if c.dep_ != "relcl" and marks and marks[0].lower_ in ("to", "that"):
                return subtree_chars(c), None
    heads = (tok,) if verb is None else (tok, verb)
    for c in (c for h in heads for c in h.children):
        if (
            c.i > tok.i
            and c.dep_ == "prep"
            and c.lower_ in (_PREPS if verb is None else _LIGHT_PREPS)
            and (source is None or source.head is not c)
        ):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return subtree_chars(objs[0]), c
    return None


def noun_candidates(ctx: Ctx, taken: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    nouns = ctx.cues.nouns
    busy = {c.cue_token for c in taken if c.cue_token is not None}
    for tok in ctx.doc:
        if tok.pos_ != "NOUN" or tok.i in busy:
            continue
        verb = _light_verb(ctx, tok)
        if verb is not None and verb.i in busy:
            continue
        if verb is None and tok.lemma_.lower() not in nouns:
            continue
        source = _source(tok) if verb is None else subject(verb)
        found = _content(tok, source, verb)
        if found is None or ctx.quote_at(tok.idx) is not None:
            continue
        (s, e), prep = found
        s, e = ctx.trim(s, e)
        if e - s < 3:
            continue
        cue_end = token_chars(prep)[1] if prep is not None and prep.i == tok.i + 1 else token_chars(tok)[1]
        cue = (tok.idx if verb is None else verb.idx, cue_end)
        if source is None:
            if verb is None and tok.lemma_.lower() in ctx.cues.sourceless_nouns:
                out.append(Cand("unattributed", (s, e), cue, tok.i, None, None, salient=False, extra={"rule": "noun"}))
            continue
        out.append(
            Cand("indirect", (s, e), cue, tok.i, speaker_range(source), source.i, salient=False, extra={"rule": "noun"})
        )
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


_ADJ_PREPS = words("cues.toml", "noun_cues.adjective_preps")


def adjective_candidates(ctx: Ctx, taken: list[Cand]) -> list[Cand]:
    """ "Her advisers were optimistic that ...", "voters are skeptical of the plan": the subject of the copula
    is the source; the adjective's clause or prepositional object is the content."""
    out: list[Cand] = []
    busy = {c.cue_token for c in taken if c.cue_token is not None}
    for tok in tokens_with_pos(ctx.doc, "ADJ"):
        if tok.dep_ != "acomp" or tok.lemma_.lower() not in ctx.cues.adjectives:
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
        out.append(
            Cand(
                "indirect",
                (s, e),
                (min(verb.idx, tok.idx), cue_end),
                tok.i,
                speaker_range(subj[0]),
                subj[0].i,
                salient=False,
                extra={"rule": "adjective"},
            )
        )
    return out
