"""Where the reported content of a cue verb lies: its clause (to the end of the sentence unless a new
clause or cue takes over), the text before a sentence-final cue, the quote the cue follows, the whole
sentence around a parenthetical cue, or the object, to-infinitive or prepositional object of the verb."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.extract.context import Ctx, token_chars
from headwater.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJ = ("nsubj", "nsubjpass", "csubj")
_QUESTION_VERBS = words("cues.toml", "questions.verbs")
_CONTRAST = words("cues.toml", "content.contrast")
Chars = tuple[int, int]


def has_subj(tok: Token) -> bool:
    return any(c.dep_ in SUBJ for c in tok.children)


def subtree_chars(head: Token) -> Chars:
    left, right = head.left_edge, head.right_edge
    return left.idx, right.idx + len(right.text)


def clause_comp(tok: Token) -> Token | None:
    """The clausal complement: a ccomp, or an xcomp with its own subject; the one after the verb first."""
    comps = [
        c
        for c in tok.children
        if (c.dep_ == "ccomp" and (c.tag_ != "VBG" or has_subj(c)))
        or (c.dep_ == "xcomp" and c.i > tok.i and has_subj(c))
        or _question(tok, c)
    ]
    if not comps:
        return None
    after = [c for c in comps if c.i > tok.i]
    return after[0] if after else comps[-1]


def _question(tok: Token, c: Token) -> bool:
    """ "asked the students if they were ...": an indirect question the parser hung as an adverbial clause."""
    return (
        c.dep_ == "advcl"
        and c.i > tok.i
        and tok.lemma_.lower() in _QUESTION_VERBS
        and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
    )


def marked(comp: Token) -> bool:
    """A complement clause opened by "that", "whether" or "if"."""
    return any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in comp.children)


def _is_cue(ctx: Ctx, tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in ctx.cues.verbs


def _new_clause(tok: Token) -> bool:
    """A clause with its own subject that is not a second complement ("..., and that ...")."""
    return has_subj(tok) and not any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in tok.children)


def _stops(ctx: Ctx, tok: Token, after: int) -> int | None:
    """Token index where the content of ``tok`` ends early: a coordinated clause with its own subject or
    cue ("..., but argues that"), ", adding ...", or a contrastive adverbial clause."""
    cut = None
    for child in tok.children:
        if child.i <= after:
            continue
        stop = False
        if child.dep_ in ("conj", "parataxis") and child.pos_ in ("VERB", "AUX"):
            stop = _new_clause(child) or _is_cue(ctx, child)
        elif child.dep_ == "advcl":
            mark = [m.lower_ for m in child.children if m.dep_ in ("mark", "advmod") and m.i < child.i]
            stop = (child.tag_ == "VBG" and _is_cue(ctx, child)) or (
                bool(set(mark) & set(_CONTRAST)) and has_subj(child)
            )
        elif child.dep_ == "cc" and child.lower_ == "but":
            stop = True
        if stop and _quoted(ctx, tok, child):
            stop = False
        if stop:
            first = child.left_edge.i
            while first > after + 1 and tok.doc[first - 1].dep_ in ("cc", "punct"):
                first -= 1
            cut = first if cut is None else min(cut, first)
    return cut


def _inner_stops(ctx: Ctx, tok: Token, comp: Token) -> int | None:
    """Inside the complement: a clause with its own subject joined after a comma or dash ("..., and he
    railed against ...", "... -- even some allies questioned ..."), or ", saying ..."."""
    doc = tok.doc
    for t in doc[comp.i + 1 : comp.right_edge.i + 1]:
        if t.pos_ not in ("VERB", "AUX") or _quoted(ctx, tok, t):
            continue
        joined = t.dep_ in ("conj", "parataxis") and _new_clause(t)
        saying = t.dep_ in ("advcl", "conj") and t.tag_ == "VBG" and _is_cue(ctx, t)
        again = t.dep_ == "conj" and not has_subj(t) and t.lemma_.lower() in ctx.cues.speech and t.tag_ == tok.tag_
        aside = _aside(t) and doc[t.left_edge.i - 1].text == ","
        if not (joined or saying or again or aside):
            continue
        first = t.left_edge.i
        while first > comp.i + 1 and doc[first - 1].dep_ in ("cc", "punct"):
            first -= 1
        if doc[first].is_punct or again:
            return first
    return None


_ASIDE_MARKS = words("cues.toml", "content.aside_marks")


def _aside(t: Token) -> bool:
    """A comma-joined clause that comments on the content rather than belonging to it: a non-restrictive
    relative clause (", which is conducting its own probe"), a concessive or circumstantial clause (", though
    voters ...", ", as he faces ..."), or an absolute "with" phrase (", with three in 10 saying ...")."""
    if t.dep_ == "relcl":
        return t.left_edge.lower_ in ("which", "who", "whose", "whom")
    if t.dep_ == "advcl":
        return any(m.dep_ in ("mark", "advmod") and m.lower_ in _ASIDE_MARKS and m.i < t.i for m in t.children)
    return t.dep_ in ("pcomp", "pobj", "acl") and t.tag_ == "VBG" and t.head.lower_ == "with"


def _quoted(ctx: Ctx, tok: Token, child: Token) -> bool:
    """The would-be cut lies inside a quotation opened after the cue: a quote is not split."""
    q = ctx.quote_at(child.left_edge.idx)
    return q is not None and q.start > tok.idx


def clause_after(ctx: Ctx, tok: Token, comp: Token) -> Chars:
    """ "X said (that) ...": from the complement to the end of the sentence, unless something takes over."""
    doc = tok.doc
    first = doc[_clause_start(tok, comp)]
    sent = tok.sent
    cuts = [c for c in (_stops(ctx, tok, comp.right_edge.i), _inner_stops(ctx, tok, comp)) if c is not None]
    cut = min(cuts) if cuts else None
    if cut is not None:
        return first.idx, token_chars(doc[max(cut - 1, first.i)])[1]
    last = doc[sent.end - 1]
    if _subordinate(tok):  # "While Comey has said that ..., Lewandowski said ...": the clause ends the content
        last = doc[max(tok.right_edge.i, comp.right_edge.i)]
    return first.idx, token_chars(last)[1]


def _subordinate(tok: Token) -> bool:
    """A cue in a dependent clause ("While Comey has said that ..., Lewandowski ...", "prompting officials to
    say that ..., but they cautioned ...", "the plan, which he said ..."): its content cannot run past the
    clause (PolNeAR train content F1 +0.003 over capping only adverbial clauses with a subordinator)."""
    return tok.dep_ in ("relcl", "advcl", "xcomp", "acl", "pcomp")


_SKIP = ("npadvmod", "advmod", "prep", "dobj", "dative", "iobj", "punct", "nsubj", "agent", "prt", "neg", "cc", "mark")


def _clause_start(tok: Token, comp: Token) -> int:
    """First token of the clause: after the verb's own modifiers ("said Friday in a statement that"), but
    taking back words the parser hung elsewhere ("said [the days] when ... are gone")."""
    start = max(comp.left_edge.i, tok.i + 1)
    owned = set()
    for child in tok.children:
        if child.i > tok.i and child is not comp and child.dep_ in _SKIP:
            owned.update(range(child.left_edge.i, child.right_edge.i + 1))
    i = tok.i + 1
    while i < start and i in owned:
        i += 1
    return i if i < start and not tok.doc[i].is_punct else start


def late_clause(tok: Token) -> Token | None:
    """ "said in a statement that ...", "said for the first time that ...": a "that" clause the parser hung
    on a noun of the verb's own modifiers; returns the clause's verb."""
    doc = tok.doc
    owned = set()
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("prep", "npadvmod", "advmod", "dative", "dobj", "punct"):
            owned.update(range(child.left_edge.i, child.right_edge.i + 1))
    i = tok.i + 1
    while i < tok.sent.end and i in owned:
        t = doc[i]
        if (
            t.lower_ == "that"
            and t.dep_ == "mark"
            and t.head.i > t.i
            and t.head.pos_ in ("VERB", "AUX")
            and t.head.dep_ != "relcl"
        ):
            return t.head
        i += 1
    return None


def rest(ctx: Ctx, tok: Token) -> Chars | None:
    """Last resort for a speech verb whose complement the parser lost: the rest of its sentence."""
    doc = tok.doc
    end = tok.sent.end - 1
    while end > tok.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    start = tok.i + 1
    while start <= end and (doc[start].is_punct or doc[start].dep_ in ("npadvmod", "advmod")):
        start += 1
    scene = all(
        t.dep_ in ("prep", "pobj", "det", "amod", "compound", "poss", "npadvmod", "advmod", "punct", "nummod")
        for t in doc[start : end + 1]
    )
    if scene:  # "Sam Lau said in a statement. “There are no paper ballots ...”": the quote that follows
        after = token_chars(doc[tok.sent.end - 1])[1]
        gap = ctx.text[after : after + 3]
        q = ctx.quote_at(after + len(gap) - len(gap.lstrip(" ")))
        if q is not None and q.start >= after and "\n" not in gap and not _has_own_cue(ctx, q.end):
            return q.inner_start, q.inner_end
    if end - start < 2:
        return None
    return doc[start].idx, token_chars(doc[end])[1]


def _has_own_cue(ctx: Ctx, char: int) -> bool:
    """A speech verb follows a quote in its sentence ("“...,” Irtenev stated"): the quote has its own cue."""
    sent = ctx.sent_of(max(char - 1, 0))
    return any(t.idx >= char and t.pos_ == "VERB" and t.lemma_.lower() in ctx.cues.speech for t in sent)


def phrase_left(head: Token) -> int:
    """First token of ``head``'s phrase, leaving out a quote the parser hung on it ("“...,” Sarandon told")."""
    left = head.left_edge.i
    for t in head.doc[left : head.i]:
        if t.is_quote and t.i > left and t.doc[t.i - 1].text in (",", ".", "?", "!"):
            left = t.i + 1
    return left


def quote_before(ctx: Ctx, tok: Token, subj: Token | None) -> Chars | None:
    """ "“...,” Spencer said, as ..." / "“...,” said Peskov": the quote that closes right before the cue."""
    first = min([tok.i] + ([phrase_left(subj)] if subj is not None else []))
    if first == 0:
        return None
    k = tok.doc[first - 1].idx + len(tok.doc[first - 1].text)
    t = ctx.text
    j = k
    while j > 0 and t[j - 1] in " ,\u00a0":
        j -= 1
    q = ctx.quote_at(j - 1) if j > 0 else None
    if q is None or q.end != j or not q.closed or q.start < tok.sent.start_char - 400:
        return None
    if (
        ctx.text[q.inner_start : q.inner_end].rstrip()[-1:] in (".", "?", "!")
        and any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") and c.i > tok.i for c in tok.children)
        and tok.lemma_.lower() not in _ADDRESSEE
    ):
        return None  # “... see.” He mentioned a long list ...: the quote ended the sentence before
    if "\n" in t[q.end : tok.idx]:
        return None
    return lead_in(ctx, q.start, tok), q.inner_end


def lead_in(ctx: Ctx, start: int, cue: Token | None = None) -> int:
    """Where the content of a quote that closes before its cue starts: at the quote, or at the start of its
    sentence when the quote completes words of the writer's ("Gore, he said, “made a strategic mistake,”
    Lichtman said": the whole sentence is what Lichtman said)."""
    sent = ctx.sent_of(start)
    q = ctx.quote_at(start)
    inner = q.inner_start if q is not None and q.start == start else start
    end = q.inner_end if q is not None and q.start == start else start
    before = ctx.text[sent.start_char : start]
    if len(before.split()) < 2 or "\n" in before or ctx.quotes_in(sent.start_char, start):
        return inner
    # The quote completes a clause begun before it: its verb has its subject there ("he “made a mistake,”"),
    # or it hangs on a word there ("Trump's misinformation may be “strategic,”").
    crossing = any(
        (t.idx < start and t.dep_ in ("nsubj", "nsubjpass") and inner <= t.head.idx < end)
        or (
            inner <= t.idx < end
            and sent.start_char <= t.head.idx < start
            and t.dep_ != "punct"
            and (cue is None or t.head.i != cue.i)
            and t.head.pos_ in ("VERB", "AUX", "ADP")
        )
        for t in sent
    )
    return sent.start_char if crossing else inner


_ADDRESSEE = words("cues.toml", "content.addressee")


def quote_after(ctx: Ctx, tok: Token, subj: Token | None) -> Chars | None:
    """ "Mr. Daley said: ''Of course. ...''" / "said, “...”": a quote opening right after the cue (and its
    subject, when inverted), past a colon or comma."""
    last = tok
    if subj is not None and subj.i > tok.i:
        last = tok.doc[subj.right_edge.i]
    k = token_chars(last)[1]
    t = ctx.text
    j = k
    while j < len(t) and t[j] in " ,:\u00a0":
        j += 1
    q = ctx.quote_at(j)
    if q is None or q.start != j or t[k:j].strip(" \u00a0") not in (",", ":"):
        return None
    return q.inner_start, q.inner_end


_FINAL_PREV = (",", "”", '"', "’", "'", "—", "–", "-", ":", "''")


def sentence_final(ctx: Ctx, tok: Token, subj: Token | None) -> Chars | None:
    """ "..., another source said." / "“...,” said Peskov." -> the text before the comma."""
    sent = tok.sent
    first = min([tok.i] + ([subj.left_edge.i] if subj is not None else []))
    if first <= sent.start + 1:
        return None
    prev = tok.doc[first - 1]
    if prev.text not in _FINAL_PREV and not prev.is_quote:
        return None
    if (
        tok.head.i > tok.i
        or tok.dep_ == "relcl"
        or any(c.dep_ in ("dobj", "ccomp") and c.i > tok.i for c in tok.children)
    ):
        return None  # (", who complained about ...": a relative clause reports nothing that comes before it)
    tail = [
        t
        for t in tok.doc[tok.i + 1 : sent.end]
        if not (subj is not None and subj.left_edge.i <= t.i <= subj.right_edge.i)
    ]
    if any(t.pos_ == "VERB" and t.dep_ in ("ccomp", "xcomp") for t in tail):
        return None
    body = tok.doc[sent.start : prev.i]
    lost = any(t.head.i == tok.i and t.dep_ in SUBJ for t in body)  # the parser made the body a second subject
    if len(body) < 3 or not (lost or any(t.pos_ in ("VERB", "AUX") for t in body)):
        return None
    return sent.start_char, prev.idx + len(prev.text)


def cue_phrase(tok: Token, subj: Token | None) -> tuple[int, int]:
    """First and last token of a parenthetical cue with its subject ("[he said]", "[Ms. Tanzer said]")."""
    return min([tok.left_edge.i] + ([subj.left_edge.i] if subj is not None else [])), tok.right_edge.i


def parenthetical(ctx: Ctx, tok: Token, subj: Token | None) -> Chars | None:
    """ "This, he said, was part of ..." -> the whole sentence (cue and speaker sit inside it)."""
    if tok.dep_ != "parataxis":
        return None
    sent = tok.sent
    left, right = cue_phrase(tok, subj)
    before = (sent.start_char, tok.doc[left].idx)
    after = (token_chars(tok.doc[right])[1], sent.end_char)
    if min(after[1] - after[0], before[1] - before[0]) > 12:
        return sent.start_char, sent.end_char
    return after if after[1] - after[0] >= before[1] - before[0] else before


def as_clause(ctx: Ctx, tok: Token) -> Chars | None:
    """ "As the Post reported, X ..." / "X ..., as critics note": the clause the "as" phrase hangs on."""
    if tok.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children):
        return None
    head = tok.head
    a, b = tok.left_edge.i, tok.right_edge.i
    left, right = head.left_edge.i, head.right_edge.i
    doc = tok.doc
    if a - left > right - b:
        return doc[left].idx, doc[a - 1].idx + len(doc[a - 1].text)
    return doc[b + 1].idx if b + 1 <= right else token_chars(doc[b])[1], token_chars(doc[right])[1]


_OBJ_PREPS = words("cues.toml", "content.object_preps")
_OBJ_PREP = words("cues.toml", "content.object_prep_verbs")


def object_content(ctx: Ctx, tok: Token) -> Chars | None:
    """ "denied the report", "called the plan a disaster", "accused X of lying": the object and its complements."""
    lemma = tok.lemma_.lower()
    objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i] or [
        c for c in tok.children if c.dep_ == "oprd" and c.i > tok.i and c.pos_ in ("NOUN", "PROPN", "PRON")
    ]
    if not objs:
        return None
    obj = objs[0]
    start = obj.left_edge.i
    end = max(
        (c.right_edge.i for c in tok.children if c.i > obj.i and _complement(c, obj, lemma)), default=_np_end(obj)
    )
    return tok.doc[start].idx, token_chars(tok.doc[max(end, _np_end(obj))])[1]


# Prepositions that set the scene ("thanked supporters at a rally") rather than complete the content.
_CIRCUMSTANCE = words("cues.toml", "content.circumstance_preps")


def _complement(c: Token, obj: Token, lemma: str) -> bool:
    """Does the verb's dependent ``c`` (after the object) complete what is reported: "called [the plan] a
    disaster", "accused [X] of lying", "showed [Sanders] within two points of Clinton", "criticized [him] for
    not doing more"; not a time ("on Monday"), nor anything after a comma or dash."""
    if c.dep_ in ("oprd", "xcomp", "ccomp"):
        return True
    if c.dep_ == "prep" and (lemma in _OBJ_PREP or c.lower_ in _OBJ_PREPS):
        return True
    if c.doc[c.left_edge.i - 1].text in (",", "—", "–", "--", ":", ";"):
        return False
    if c.dep_ == "prep":
        return c.lower_ not in _CIRCUMSTANCE and not any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree)
    if c.dep_ in ("advmod", "acomp"):
        return c.i == obj.right_edge.i + 1
    return c.dep_ == "advcl" and not has_subj(c)


def _np_end(head: Token, asides: tuple[str, ...] = ("relcl", "appos")) -> int:
    """Last token of ``head``'s phrase without a trailing aside after a comma (", who ..." relative clause,
    ", the ..." apposition, and whatever other ``asides`` dependencies are given)."""
    end = head.right_edge.i
    for c in head.children:
        if c.i > head.i and c.dep_ in asides and head.doc[c.left_edge.i - 1].text == "," and not _listed(c):
            end = min(end, c.left_edge.i - 2)
    return max(end, head.i)


def _listed(c: Token) -> bool:
    """ "thanked his parents, his siblings, his wife and his children": a list the parser took for an
    apposition (the would-be apposition has conjuncts of its own)."""
    return c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)


def to_content(ctx: Ctx, tok: Token) -> Chars | None:
    """ "vowed to repeal the law", "wants to win": the to-infinitive, "to" included; with the object it
    binds ("urged the party to drop the rule")."""
    for c in tok.children:
        if c.dep_ == "xcomp" and c.i > tok.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            obj = next((o for o in tok.children if o.dep_ == "dobj" and tok.i < o.i < c.i), None)
            s, e = subtree_chars(c)
            return (obj.left_edge.idx if obj is not None else s), e
    return None


def prep_content(ctx: Ctx, tok: Token, particle: Token | None) -> Chars | None:
    """ "called for a ban", "spoke about the economy": the object of the preposition."""
    if particle is not None and particle.dep_ == "mark":  # "called for Trump to drop out" (for: a clause mark)
        head = particle.head
        return token_chars(tok.doc[particle.i + 1])[0], token_chars(
            tok.doc[_np_end(head, ("relcl", "appos", "parataxis"))]
        )[1]
    if particle is None or particle.dep_ != "prep":
        return None
    objs = [c for c in particle.children if c.dep_ in ("pobj", "pcomp")]
    if not objs:
        return None
    obj = objs[0]
    lemma = tok.lemma_.lower()
    end = max(
        [obj.right_edge.i]
        + [
            c.right_edge.i
            for c in tok.children
            if c.i > particle.i
            and (
                c.dep_ in ("xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ == "as")
            )  # "pointed to X as the obstacle"
            and c.doc[c.left_edge.i - 1].text != ","
            and _complement(c, obj, lemma)
        ]
    )
    return obj.left_edge.idx, token_chars(tok.doc[end])[1]


_TAIL = re.compile(r",\s+(?:citing|according to|per)\s")


def cut_tail(ctx: Ctx, s: int, e: int) -> Chars:
    cut = _TAIL.search(ctx.text, s, e)
    return ctx.trim(s, cut.start() if cut else e)
