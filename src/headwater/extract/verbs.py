"""Attributions around a cue verb: "X said (that) ...", "..., X said.", "X told Y: “...”", and the acts and
intentions PolNeAR counts ("X denounced the plan", "X vowed to ...", "X pushed for ..."). Where the
content lies is decided in ``content``; the lexicons are in ``data/cues.toml``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.extract import content as C
from headwater.extract.context import Cand, Ctx, token_chars
from headwater.extract.doccache import tokens_with_pos
from headwater.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJ = ("nsubj", "nsubjpass", "csubj")
CLIMB = ("conj", "advcl", "xcomp", "pcomp", "acl", "dep", "prep")
NOT_CUE_DEPS = ("amod", "compound", "auxpass", "aux")
_NO_REST = words("cues.toml", "verb_content.no_rest")
NESTED = False  # keep attributions reported inside a quote ("“We believe that ...”")


def cue_tokens(ctx: Ctx, tok: Token) -> tuple[bool, Token | None]:
    """Is ``tok`` a cue verb; and its particle ("called for", "pointed out") if any."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in NOT_CUE_DEPS:
        return False, None
    lemma = tok.lemma_.lower()
    if lemma == "cite" and tok.tag_ == "VBG" and _cites_source(ctx, tok):
        return False, None  # "..., citing officials": the officials are the source (see according.py)
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and (lemma, child.lower_) in ctx.cues.phrasal:
            return True, child
        if child.dep_ == "advcl" and child.i > tok.i:  # "called for Trump to drop out": "for" parsed as a mark
            mark = next((m for m in child.children if m.dep_ == "mark" and m.i == tok.i + 1), None)
            if mark is not None and (lemma, mark.lower_) in ctx.cues.phrasal:
                return True, mark
    return lemma in ctx.cues.verbs or lemma in ctx.cues.np_verbs or lemma in ctx.cues.intent or _put_it(
        tok
    ) or _made_clear(tok) is not None, None


def _put_it(tok: Token) -> bool:
    """ "As one aide put it: “...”": the idiom is a speech verb."""
    return tok.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)


def _made_clear(tok: Token) -> Token | None:
    """ "She made (it) clear that ...": the that-clause, however the parser hung it."""
    if tok.lemma_.lower() != "make":
        return None
    adj = next((c for c in tok.children if c.lower_ in ("clear", "plain") and c.i > tok.i), None)
    if adj is None:
        return None
    return next(
        (c for c in (*tok.children, *adj.children) if c.i > adj.i and c.pos_ in ("VERB", "AUX") and C.marked(c)), None
    )


_EVIDENCE = words("cues.toml", "verb_content.cited_evidence")


def _cites_source(ctx: Ctx, tok: Token) -> bool:
    """ "citing officials / a report / data from the ministry": who or what the statement came from; not
    "citing low growth" or "citing his Iowa results", which is what the subject put forward."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    verb = tok.head
    if not objs or not (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")):
        return True  # "claims that the command ordered ..., citing ...": whose citing it is, is unclear
    head = objs[0]
    lemma = head.lemma_.lower()
    lex = ctx.lex
    named = ("PERSON", "ORG", "GPE", "NORP")
    return (
        head.ent_type_ in named
        or head.pos_ in ("PROPN", "PRON")
        or lemma in _EVIDENCE
        or any(c.dep_ in ("amod", "compound") and c.ent_type_ in named for c in head.children)
        or lemma in lex.organization
        or lemma in lex.media
        or lemma in lex.anonymous
        or lemma in lex.anonymous_plural
        or lemma in lex.group
        or lemma in lex.titles
    )


def subject(tok: Token) -> Token | None:
    """The grammatical subject of the cue, climbing through "..., adding" / "and said" / "by saying" chains;
    the noun a participle hangs on ("polls showing ...")."""
    seen = 0
    cur = tok
    while seen < 4:
        subjects = [
            c for c in cur.children if c.dep_ in ("nsubj", "csubj") or (c.dep_ == "nsubjpass" and cur is not tok)
        ]
        if subjects:  # two when the parser also hangs a quote's subject on the cue: the nearer is the speaker
            return min(subjects, key=lambda c: abs(c.i - cur.i))
        if child_agent := _agent(cur):
            return child_agent
        if cur.dep_ == "acl" and cur.tag_ in ("VBG", "VBD") and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur.head  # "polls showing ..."; "Beruff, a Scott ally, called ..." (a finite verb mis-hung)
        if cur.dep_ not in CLIMB or cur.head is cur:
            return None
        if cur is tok and tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl"):
            return None  # "Asked about the report, Tarnov ...": the main subject was asked; the asker is unnamed
        if cur.dep_ == "xcomp":  # "prompting intelligence officials to say ...": the object says it
            obj = next((c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i), None)
            if obj is not None:
                return obj
        if cur.dep_ in ("advcl", "acl", "pcomp", "dep") and cur.tag_ not in ("VBG", "VBN") and not _purpose(cur):
            return None
        cur = cur.head
        seen += 1
    return None


def _purpose(tok: Token) -> bool:
    """ "[He] went out of his way to criticize ...": a to-infinitive adverbial clause shares its head's subject."""
    return tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _agent(tok: Token) -> Token | None:
    if not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    for child in tok.children:
        if child.dep_ == "agent":
            for gc in child.children:
                if gc.dep_ == "pobj":
                    return gc
    return None


def verb_candidates(ctx: Ctx) -> list[Cand]:
    out: list[Cand] = []
    for tok in tokens_with_pos(ctx.doc, "VERB", "AUX"):  # cue_tokens: no other token is a cue
        is_cue, particle = cue_tokens(ctx, tok)
        if not is_cue:
            continue
        cand = _candidate(ctx, tok, particle)
        if cand is not None:
            out.append(cand)
    return out


def _clausal(ctx: Ctx, tok: Token, subj: Token | None) -> tuple[tuple[int, int] | None, str]:
    comp = C.clause_comp(tok)
    if comp is None or comp.i < tok.i:
        comp = C.late_clause(tok) or comp
    before = C.quote_before(ctx, tok, subj)
    # "“...,” Cruz said that ...": the clause; but "“We will win,” he said, “and ...”": the quote before (the
    # one after continues it), and "“...,” he said in May that ...": the quote
    if (
        comp is not None
        and comp.i > tok.i
        and not (
            before is not None
            and not C.marked(comp)
            and (_detached(tok, comp, subj) or ctx.quote_at(comp.left_edge.idx) is not None)
        )
    ):
        return C.clause_after(ctx, tok, comp), "clause"
    if before is not None:  # "“...,” Weiner said in May on the podcast “Here’s the Thing”": the quote
        return _fragment(ctx, tok, subj, before) or before, "quote"
    found = C.quote_after(ctx, tok, subj)
    if found is not None:
        return _fragment(ctx, tok, subj, found) or found, "quote"
    found = C.as_clause(ctx, tok)
    if found is not None:
        return found, "as"
    found = C.sentence_final(ctx, tok, subj)
    if found is not None:
        return found, "final"
    if comp is not None:
        return C.subtree_chars(comp), "clause-before"
    if tok.lemma_.lower() not in ctx.cues.speech:  # "..., I think, ...": a hedge of the writer's, not a report
        return None, ""
    return C.parenthetical(ctx, tok, subj), "paren"


def _fragment(ctx: Ctx, tok: Token, subj: Token | None, quote: tuple[int, int]) -> tuple[int, int] | None:
    """ "Its investment, Ms. Tanzer said, “is a perfect example of adapting” to the times": the cue interrupts
    a sentence that only quotes a fragment; the content is the sentence (the cue is left out when scored)."""
    if tok.dep_ != "parataxis":
        return None
    whole = C.parenthetical(ctx, tok, subj)
    if whole is None or not (whole[0] <= quote[0] and quote[1] <= whole[1]):
        return None
    left, right = C.cue_phrase(tok, subj)
    cue = (tok.doc[left].idx, token_chars(tok.doc[right])[1])
    rest = [i for i in range(*whole) if not (quote[0] <= i < quote[1] or cue[0] <= i < cue[1])]
    unquoted = sum(ctx.text[i].isalnum() and ctx.quote_at(i) is None for i in rest)
    return whole if unquoted > 12 else None


def _detached(tok: Token, comp: Token, subj: Token | None) -> bool:
    """Words other than the subject stand between the cue and its clause ("said in May on the podcast ...")."""
    skip = set(range(subj.left_edge.i, subj.right_edge.i + 1)) if subj is not None else set()
    return any(i not in skip and not tok.doc[i].is_punct for i in range(tok.i + 1, comp.left_edge.i))


def _content(ctx: Ctx, tok: Token, particle: Token | None, subj: Token | None) -> tuple[tuple[int, int] | None, str]:
    lemma = tok.lemma_.lower()
    cues = ctx.cues
    clear = _made_clear(tok)
    if clear is not None:  # from the clause's "that": "it clear" is part of the cue
        return (clear.left_edge.idx, C.clause_after(ctx, tok, clear)[1]), "clause"
    if lemma in cues.verbs or _put_it(tok):
        found, rule = _clausal(ctx, tok, subj)
        if found is not None:
            return found, rule
    if particle is not None and particle.dep_ in ("prep", "mark"):
        return C.prep_content(ctx, tok, particle), "prep"
    if lemma in cues.intent:
        found = C.to_content(ctx, tok)
        if found is not None:
            return found, "to"
    if lemma in cues.np_verbs or particle is not None:
        found = C.object_content(ctx, tok)
        if found is not None:
            return found, "object"
    if lemma in cues.speech and tok.dep_ == "ROOT" and lemma not in _NO_REST:
        return C.rest(ctx, tok), "rest"
    return None, ""


def _candidate(ctx: Ctx, tok: Token, particle: Token | None) -> Cand | None:
    lemma = tok.lemma_.lower()
    subj = subject(tok)
    content, rule = _content(ctx, tok, particle, subj)
    if content is None or (subj is not None and _bad_subject(ctx, subj, lemma, rule)):
        return None
    if not NESTED and ctx.quote_at(tok.idx) is not None:
        return None
    s, e = C.cut_tail(ctx, *content)
    if e - s < 2 or (subj is not None and s <= subj.idx < e and not (s <= tok.idx < e)):
        return None
    cue_end = token_chars(particle)[1] if particle is not None and particle.i == tok.i + 1 else token_chars(tok)[1]
    cue = (tok.idx, cue_end)
    if subj is None and tok.dep_ == "ROOT" and tok.tag_ in ("VBD", "VBZ", "VBP") and not _passive(tok):
        subj = _left_noun(tok)
        rule += "-left" if subj is not None else ""
    if subj is None:
        return None
    left, right = speaker_range(subj)
    salient = tok.dep_ in ("ROOT", "conj", "parataxis", "ccomp") or tok.tag_ in ("VBD", "VBZ", "VBP")
    return Cand("indirect", (s, e), cue, tok.i, (left, right), subj.i, salient=salient, extra={"rule": rule})


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def speaker_range(head: Token) -> tuple[int, int]:
    """Token range of the speaker noun phrase: the head with its modifiers, names in apposition, no clauses."""
    left = head.i
    right = head.i
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "preconj", "advmod", "neg"):
            left = min(left, child.left_edge.i)
    left = max(left, C.phrase_left(head))
    for child in head.rights:
        if (
            child.dep_ in ("compound", "flat", "nummod", "prep", "case", "poss", "amod", "nmod")
            or (child.dep_ == "appos" and child.pos_ == "PROPN")
            or (child.dep_ in ("conj",) and child.pos_ in ("PROPN", "NOUN"))
        ):
            right = max(right, child.right_edge.i)
    doc = head.doc
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if right + 1 < len(doc) and doc[right + 1].text == ")" and _open_bracket(doc[left : right + 1]):
        right += 1  # "Gov. John Kasich (R-OH)"
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return left, right + 1


def _open_bracket(span: Span) -> bool:
    return sum(t.text == "(" for t in span) > sum(t.text == ")" for t in span)


def _bad_subject(ctx: Ctx, subj: Token, lemma: str, rule: str) -> bool:
    """ "It", "there", "what" are no source of a non-speech cue; a relative "that"/"who" is when it heads a
    relative clause on a noun ("the polls that show ..."); ", which" often stands for a whole clause."""
    low = subj.lower_
    if low == "which" and (rule == "object" or (subj.i > 0 and subj.doc[subj.i - 1].text == ",")):
        return True
    if low in ("that", "who") and subj.head.dep_ == "relcl":
        return subj.head.head.pos_ not in ("NOUN", "PROPN", "PRON")
    return low in ("it", "there", "which", "that", "what") and lemma not in ctx.cues.speech


def _left_noun(tok: Token) -> Token | None:
    """A noun phrase right before the verb that the parser failed to make its subject ("Senator X, the
    minority leader, said ..."): the head of the phrase the preceding noun belongs to."""
    i = tok.i - 1
    doc = tok.doc
    while (
        i >= tok.sent.start
        and (doc[i].is_punct or doc[i].dep_ in ("advmod", "neg", "aux"))
        and doc[i].text not in ("”", '"')
    ):
        i -= 1
    if i < tok.sent.start or doc[i].pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or doc[i].lower_ in ("it", "there"):
        return None
    cur = doc[i]
    while (
        cur.head.i < tok.i
        and cur.head is not cur
        and cur.dep_ in ("appos", "compound", "flat", "npadvmod", "nmod")
        and cur.head.pos_ in ("NOUN", "PROPN")
    ):
        cur = cur.head
    return cur
