"""What an attributed content states, read from the parse: a :class:`headwater.model.Proposition`.

A pure function of the parsed ``Doc`` and one content span, run by the extractor for every
attribution, so the claims stage matches statements on their roles instead of on shared words:

* the **main predicate**: the shallowest verb of the content (its clause head); a copula takes its
  complement ("is tired" -> ``be tired``), a phrasal verb its particle ("lay down");
* the **roles**: the agent (active subject, the ``by`` phrase of a passive) and the patient (the
  object, or a passive subject), as normalised keys (:func:`role_key`); an infinitive content
  ("urged them to lay down their arms") takes the object of the cue inside the span as agent;
* **polarity**: a negated predicate ("did not", "never") or a negative subject ("no one", "nobody");
* **modality**: a modal auxiliary, "going to", "have to"/"need to" (future, obligation, possibility);
* the **type** (``data/cues.toml`` [propositions]): a formula or greeting and a content with no
  finite clause are *fragments*; a refusal to comment is a *refusal*; a reported question is a
  *question*; then *demand* (an appeal cue with an infinitive, or "must"/"should"), *prediction*
  (future, or a promise cue with an infinitive), *estimate* (a counted figure), *opinion* (an
  opinion cue or an evaluative predicate), else a factual *assertion*.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from headwater.extract.doccache import doc_ents, doc_text
from headwater.lexicon import mapping, words
from headwater.model import Proposition
from headwater.nations import nation_side

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_OBJECTS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
_NEGATIVE_SUBJECTS = words("cues.toml", "proposition_roles.negative_subjects")
_PRONOUNS = words("cues.toml", "proposition_roles.pronouns")
_MEASURES = words("cues.toml", "proposition_roles.measures")
_NOT_FIGURE_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_QUESTION = re.compile(r"(?i)^\W*(?:(?:and|but|so|or)\s+)?(?:whether|if|unless)\b")
# A content that opens as the tail of someone else's sentence ("Is why I am proud ...", "Because they
# need one another", "Which states he could win") does not stand alone.
_TAIL = re.compile(
    r"(?i)^\W*(?:because|which|who|whom|whose|why|how|where|whereas|although|though|while|since|is|are|was|were|"
    r"has|have|had|does|do|did|say|says|said|and|but|or|so|for|of|to|than|as)\b"
)
_FIRST_SENTENCE = re.compile(r"^.*?(?:[.!?](?=\s|$)|$)", re.S)
_FREE_RELATIVE = words("cues.toml", "proposition_roles.free_relative")
_SEEM = words("cues.toml", "proposition_frames.seem")
_PERSONAL = words("cues.toml", "proposition_roles.personal")
_OPINION_FRAMES = words("cues.toml", "proposition_frames.opinion")


@dataclass(frozen=True, slots=True)
class PropositionLexicon:
    demand_cues: frozenset[str]
    prediction_cues: frozenset[str]
    opinion_cues: frozenset[str]
    future: frozenset[str]
    obligation: frozenset[str]
    possibility: frozenset[str]
    evaluative: frozenset[str]
    refusal: re.Pattern[str]
    formula: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> PropositionLexicon:
    d: dict[str, Any] = mapping("cues.toml", "propositions")
    sets = {k: frozenset(v) for k, v in d.items() if isinstance(v, list)}
    return PropositionLexicon(**sets, refusal=re.compile(d["refusal"]), formula=re.compile(d["formula"]))


def name_key(word: str) -> str:
    """A name's comparison key: accents dropped, lower case, letters only, ``y`` read as ``i`` and
    doubled letters single, so transliterations meet ("Zelenskyy", "Zelenskyi", "Zelensky" ->
    ``zelenski``; "Calderón" -> ``calderon``)."""
    w = unicodedata.normalize("NFKD", word)
    w = "".join(c for c in w if not unicodedata.combining(c)).lower()
    w = re.sub(r"['’]s$", "", w)
    w = re.sub(r"[^a-z]", "", w).replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", w)


_TITLES = words("cues.toml", "proposition_roles.titles")


def _named(tok: Token) -> Token | None:
    """The person a title stands for ("President of Varnia Dragan Velkov" -> Velkov)."""
    for ent in doc_ents(tok.doc):
        if (ent.label_ == "PERSON" and ent.root.head == tok) or (
            ent.start <= tok.i < ent.end and ent.label_ == "PERSON"
        ):
            return ent[-1]
    for t in tok.subtree:
        if t.ent_type_ == "PERSON" and t.dep_ in ("appos", "compound", "flat", "pobj", "npadvmod") and t.i > tok.i:
            ent = next((e for e in doc_ents(tok.doc) if e.start <= t.i < e.end), None)
            return ent[-1] if ent is not None else t
    return None


def role_key(tok: Token) -> str:
    """The key of a role filler: ``PRON`` for a pronoun, ``@XX`` for a nation, a name's key for a
    proper noun (a title with a name: the name), else the noun's lemma with the side of a nation word
    modifying it."""
    low = tok.lower_
    if low in _FREE_RELATIVE:
        return ""  # "what officials said appeared to be ...": the content is its own subject
    if low in _TITLES or tok.ent_type_ == "PERSON":
        person = _named(tok)
        if person is not None:
            return name_key(person.text)
    if tok.pos_ == "PRON" or low in _PRONOUNS:
        return "PRON"
    side = nation_side(tok.text)
    if side:
        return "@" + side
    if tok.pos_ == "PROPN":
        return name_key(tok.text)
    if tok.lemma_.lower() in _MEASURES:  # "43 percent of all contributions": the contributions
        of = next(
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        if of is not None:
            return role_key(of)
    mod = next(
        (
            nation_side(c.text)
            for c in tok.children
            if c.dep_ in ("amod", "compound", "nmod", "poss") and nation_side(c.text)
        ),
        None,
    )
    lemma = tok.lemma_.lower()
    compound = [c.lemma_.lower() for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    if compound:  # "the tax system" is not "the immigration system"
        lemma = " ".join([*compound, lemma])
    return f"{lemma}@{mod}" if mod else lemma


def _depth(tok: Token, inside: set[int]) -> int:
    d = 0
    while tok.head.i != tok.i and tok.head.i in inside:
        tok = tok.head
        d += 1
    return d


def main_predicate(span: Span) -> Token | None:
    """The content's clause head: the shallowest verb of the span (a finite one, then the first, on ties)."""
    inside = {t.i for t in span}
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return None
    return min(verbs, key=lambda t: (_depth(t, inside), not _finite(t), t.i))


_BELIEF = words("cues.toml", "proposition_frames.belief")
_EVIDENCE = words("cues.toml", "proposition_frames.evidence")


def embedded(main: Token, span: Span) -> Token:
    """The clause a content reports inside its own words: "We believe that [Putin is misinformed]",
    "We have information that [Putin felt misled]"."""
    inside = range(span.start, span.end)
    if main.lemma_.lower() in _BELIEF:
        clause = next((c for c in main.children if c.dep_ == "ccomp" and c.i in inside), None)
        if clause is not None:
            return clause
    if main.lemma_.lower() in ("have", "receive", "get", "see"):
        for obj in main.children:
            if obj.dep_ == "dobj" and obj.lemma_.lower() in _EVIDENCE:
                clause = next(
                    (
                        c
                        for c in obj.children
                        if c.dep_ in ("acl", "ccomp", "relcl") and c.i in inside and c.pos_ in ("VERB", "AUX")
                    ),
                    None,
                )
                if clause is not None:
                    return clause
    return main


def _lift(main: Token) -> tuple[Token, str]:
    """ "going to win" -> (win, future); "have to leave", "need to act" -> (leave, obligation)."""
    xcomp = next((c for c in main.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if xcomp is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
        if main.lemma_ == "go" and main.tag_ == "VBG":
            return xcomp, "future"
        if main.lemma_ in ("have", "need") and main.tag_ != "VBN":
            return xcomp, "obligation"
        if main.lemma_ in ("appear", "seem"):
            return xcomp, ""  # "appeared to be growing tension": what appears is the tension
    return main, ""


def _finite(main: Token) -> bool:
    if main.tag_ in _FINITE:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in main.children)


def _modality(main: Token, lifted: str) -> str:
    if lifted:
        return lifted
    lex = lexicon()
    for c in main.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            low = c.lower_
            if low in lex.future:
                return "future"
            if low in lex.obligation:
                return "obligation"
            if low in lex.possibility:
                return "possibility"
    return ""


def _negated(main: Token, subject: Token | None, patient: Token | None = None) -> bool:
    """A negated predicate, or a negative subject or object ("no one", "heard no opposition")."""
    if any(c.dep_ == "neg" for c in main.children):
        return True
    for role in (subject, patient):
        if role is None:
            continue
        if role.lower_ in _NEGATIVE_SUBJECTS:
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in role.children):
            return True
    return False


def _predicate(main: Token) -> str:
    lemma = main.lemma_.lower()
    if lemma == "be" or lemma in _SEEM:
        comp = next((c for c in main.children if c.dep_ in ("acomp", "attr", "oprd")), None)
        if comp is not None:
            return f"{lemma} {comp.lemma_.lower()}"
    prt = next((c for c in main.children if c.dep_ == "prt"), None)
    return f"{lemma} {prt.lower_}" if prt is not None else lemma


def _roles(span: Span, main: Token) -> tuple[Token | None, Token | None, Token | None]:
    """(subject token, agent token, patient token)."""
    subject = next((c for c in main.children if c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS), None)
    if subject is None and main.dep_ == "conj":  # "must stop resisting and lay down": the first verb's subject
        subject = next((c for c in main.head.children if c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS), None)
    passive = subject is not None and subject.dep_ in _PASSIVE_SUBJECTS
    by = next((g for c in main.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    obj = next((c for c in main.children if c.dep_ in _OBJECTS), None)
    if obj is None:
        obj = next((g for c in main.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None)
    if passive:
        return subject, by, subject
    if subject is not None and subject.dep_ == "expl":  # "there is no sign that ...": no agent
        return subject, None, obj
    if subject is None:  # an infinitive content: "them to lay down their arms"
        inside = {t.i for t in span}
        subject = next(
            (t for t in span if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN", "PRON") and t.i < main.i), None
        )
    return subject, subject, obj


_COUNT_LINKS = frozenset(
    {
        "nummod",
        "quantmod",
        "compound",
        "amod",
        "nmod",
        "conj",
        "cc",
        "advmod",
        "npadvmod",
        "prep",
        "pobj",
        "appos",
        "det",
    }
)


def _counts(figure: Token, roles: tuple[Token | None, ...]) -> bool:
    """A figure that counts a role of the clause ("9,400 soldiers were killed", "lost between 4,000 and
    6,500 soldiers", "43 percent of ... came from women"), not one inside a phrase hanging on it ("signed
    an order to call up 80,000 reservists", "ordered the call-up of 80,000 reservists" state an order)."""
    ids = {r.i for r in roles if r is not None}
    tok = figure
    for _ in range(5):
        if tok.i in ids:
            return True
        if tok.dep_ not in _COUNT_LINKS or tok.head.i == tok.i:
            return False
        if tok.dep_ == "pobj" and not (tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _MEASURES):
            return False  # "the call-up of 80,000": the figure counts the object of "of", not the role
        tok = tok.head
    return False


def _figure(tok: Token) -> bool:
    """A counted number: not a date, time, ordinal or year, and not "one" ("no one", "one of them")."""
    return tok.like_num and tok.lower_ != "one" and tok.ent_type_ not in _NOT_FIGURE_ENTS and not _YEAR.match(tok.text)


def _personal_frame(main: Token) -> bool:
    """The speaker's own view or wish ("I think ...", "I don't know if ...", "I wish ...", "I'd like to
    ..."): an opinion, however factual what follows sounds. "We believe" (an institution's assessment)
    is not."""
    return main.lemma_.lower() in _OPINION_FRAMES and any(
        c.dep_ == "nsubj" and c.lower_ in _PERSONAL for c in main.children
    )


def _has_subject(main: Token, span: Span) -> bool:
    """A subject of the clause head (or of the verb it is coordinated with) inside the content: "was part
    of an effort" without its subject does not stand alone. A free relative outside it stands for the
    content itself ("what officials said [appeared to be growing tension]")."""
    heads = [main, main.head] if main.dep_ == "conj" else [main]
    return any(
        c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS and (span.start <= c.i < span.end or c.lower_ in _FREE_RELATIVE)
        for h in heads
        for c in h.children
    )


def classify(
    text: str,
    cue_lemma: str,
    main: Token | None,
    finite: bool,
    modality: str,
    predicate: str,
    figure: bool,
    words: int,
    cue_text: str = "",
    standalone: bool = True,
    personal: bool = False,
    agent: bool = True,
) -> str:
    """The proposition's type (rules in the module docstring)."""
    lex = lexicon()
    first = _FIRST_SENTENCE.match(text)
    if lex.formula.match(text) and (words < 6 or (first is not None and len(first.group(0).split()) < 5)):
        return "fragment"
    if lex.refusal.search(f"{cue_text} {text}" if cue_text else text):
        return "refusal"
    if _TAIL.match(text) and not text.lstrip(" \"“'‘").lower().startswith(("to ", "so ")):
        return "fragment"
    if (
        text.rstrip(" \"”’'»").endswith("?")
        or _QUESTION.match(text)
        or (first is not None and first.group(0).rstrip(" \"”’'»").endswith("?"))
    ):
        return "question"
    imperative = (
        main is not None
        and main.tag_ == "VB"
        and main.dep_ == "ROOT"
        and not any(c.dep_ in _SUBJECTS for c in main.children)
    )
    infinitive = main is not None and not finite and main.tag_ == "VB"
    if finite and not standalone and not imperative:
        return "fragment"  # "will flip in November": whose flip the content does not say
    if infinitive and not agent and not imperative:
        return "fragment"  # "to raise the minimum wage": nobody in it does anything
    if modality == "obligation" or imperative or (cue_lemma in lex.demand_cues and infinitive):
        return "demand"
    if modality == "future" or (cue_lemma in lex.prediction_cues and infinitive):
        return "prediction"
    if main is None or not finite or words < 4 or not standalone:
        return "fragment"  # no clause of its own ("Advice to Mrs. Clinton during her two campaigns")
    if figure:
        return "estimate"
    head = predicate.rpartition(" ")[2]
    verb = predicate.split(" ")[0]
    if (
        cue_lemma in lex.opinion_cues
        or head in lex.evaluative
        or verb in lex.evaluative
        or personal
        or (verb in _SEEM and head != verb)
    ):
        return "opinion"
    if verb == "need" and main is not None and any(c.dep_ == "dobj" for c in main.children):
        return "demand"  # "we need a big change"
    return "assertion"


def _cue_phrase(cue: Token) -> str:
    """The cue with its auxiliaries, negation and particles ("did not immediately respond")."""
    parts = [c for c in cue.children if c.dep_ in ("aux", "neg", "advmod", "prt", "xcomp") and abs(c.i - cue.i) <= 4]
    return " ".join(t.text for t in sorted([cue, *parts], key=lambda t: t.i))


def proposition(doc: Doc, start: int, end: int, cue: Token | None = None) -> Proposition:
    """The proposition of the content at characters ``start:end`` of ``doc``, reported by ``cue``."""
    cue_lemma = cue.lemma_.lower() if cue is not None else ""
    cue_text = _cue_phrase(cue) if cue is not None else ""
    span = doc.char_span(start, end, alignment_mode="expand")
    text = doc_text(doc)[start:end].strip()
    if span is None or not len(span):
        return Proposition(type="fragment")
    words = sum(1 for t in span if not t.is_punct)
    figures = [t for t in span if _figure(t)]
    figure = bool(figures)
    main = main_predicate(span)
    if main is None:
        kind = classify(text, cue_lemma, None, False, "", "", figure, words, cue_text)
        return Proposition(type=kind)  # type: ignore[arg-type]
    # "I think ...", or a clause joined to the main one ("Having leaders take part is fine, but I think ...")
    personal = _personal_frame(main) or any(
        c.dep_ == "conj" and span.start <= c.i < span.end and _personal_frame(c) for c in main.children
    )
    main = embedded(main, span)
    head, lifted = _lift(main)
    subject, agent, patient = _roles(span, head)
    if head.i != main.i:  # "we need to reform X", "the system needs to be reformed": the subject of "need"
        outer = next((c for c in main.children if c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS), None)
        passive = any(c.dep_ == "auxpass" for c in head.children)
        if outer is not None and passive and patient is None:
            subject = patient = outer
        elif outer is not None and not passive and agent is None:
            subject = agent = outer
    modality = _modality(main if lifted else head, lifted)
    predicate = _predicate(head)
    finite = _finite(main) or bool(lifted and _finite(main))
    counted = any(_counts(t, (agent, patient, head)) for t in figures)
    standalone = _has_subject(head, span) or (head.i != main.i and _has_subject(main, span))
    kind = classify(
        text,
        cue_lemma,
        head,
        finite,
        modality,
        predicate,
        counted,
        words,
        cue_text,
        standalone,
        personal,
        agent is not None and span.start <= agent.i < span.end,
    )
    if kind == "assertion" and head.dep_ == "relcl" and head.head.i in range(span.start, span.end):
        kind = "fragment"  # "the mogul who actually used it": a noun phrase, not a statement
    return Proposition(
        type=kind,
        predicate=predicate,
        agent=role_key(agent) if agent is not None else "",  # type: ignore[arg-type]
        patient=role_key(patient) if patient is not None else "",
        negated=_negated(head, subject, patient) or (head is not main and _negated(main, subject)),
        modality=modality,
    )
