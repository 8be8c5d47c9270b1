"""When two statements can be one proposition: types, polarity, modality, predicate and roles.

Word overlap (:mod:`headwater.claims.match`) says how alike two statements read; these rules say
whether they can state the same thing at all. Precision comes first: when unsure, statements are
kept apart. Two statements (each with the :class:`headwater.model.Proposition` the extractor read
from the parse) can be one claim only when

1. they are of one **type** (a demand is not a prediction, an estimate not an opinion; an estimate
   and an assertion may meet when they give the same figure);
2. they have one **polarity** ("has expressed opposition" / "had heard no opposition" never merge:
   they become a contradiction link between two claims) and one **modality** ("will", "must", "may");
3. they share a **predicate**: the main verb's lemma, or a concept of ``data/claims.toml`` standing
   for it ("is being misinformed" / "is not being informed" / "felt misled" are one concept, and a
   negation inside a concept phrase belongs to the concept, not to the polarity);
4. their **roles** agree: where both name an agent (or a patient), it is the same ("Ukrainian
   militants must lay down their arms" / "[Russian troops] to lay down their arms"); a pronoun
   agrees only with the same pronoun by the same speaker ("he is leaning toward Trump" said by two
   people is two propositions; a near-identical quotation of ten words or more is one statement
   whoever the pronoun resolution gave it to), and a role one side leaves out needs a close wording. The same predicate concept said of the same named person (a shared named frame,
   ``^misinform=putin``) stands for agreeing roles, but only where the concept's phrase holds each
   statement's main predicate: a concept named in passing ("opposed to Trump" in "he was
   supporting Cruz") matches nothing.

Statements whose wordings are near-identical (copies, reprints) need only 1 and 2. Records made
without a parse (no proposition: hand-built, or from a store extracted before propositions) are
checked on polarity alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from headwater.claims.lexicon import claims_lexicon
from headwater.claims.match import figures_of
from headwater.lexicon import words
from headwater.model import Proposition

if TYPE_CHECKING:
    from headwater.claims.cluster import Statement

_EMPTY = Proposition()
NEAR_IDENTICAL = 0.8  # token Jaccard of two wordings
LOOSE_ROLE = 0.6  # lexical score a pair needs when one of them leaves a role out
QUOTE_WORDS = 10  # a near-identical wording this long is one quotation, whoever the speaker resolved to


def prop(s: Statement) -> Proposition:
    return s.attribution.proposition or _EMPTY


def _concepts(terms: frozenset[str]) -> frozenset[str]:
    arguments = claims_lexicon().arguments
    return frozenset(t for t in terms if t[0] == "~" and t[1:] not in arguments)


def negated(s: Statement) -> bool:
    """The statement's polarity: from the parse, unless a concept phrase holds the negation ("is
    not being informed" is the concept ``misinform``); then from the rest of its words (and from
    its words alone for a record made without a parse)."""
    if _concepts(s.terms) or s.attribution.proposition is None:
        return "!neg" in s.terms
    return prop(s).negated


_EXISTENCE = words("claims.toml", "proposition_words.existence")


@lru_cache(maxsize=1 << 16)
def predicate_concepts(text: str, predicate: str, patient: str = "") -> frozenset[str]:
    """The concepts whose phrase holds the statement's main predicate ("is being misinformed" for
    ``misinform``; "not being informed" for ``inform``), not concepts named elsewhere in it ("opposed
    to Trump" in a statement whose predicate is "support")."""
    if not predicate:
        return frozenset()
    stem = predicate.split()[-1][:5]
    if predicate.split()[0] in _EXISTENCE and patient:  # "growing tension": what grows is the predicate
        stem = patient.split()[-1].partition("@")[0][:5]
    lex = claims_lexicon()
    if not lex.any_concept.found(text):
        return frozenset()
    light = predicate.split()[0] in lex.light
    out = set()
    for name, pattern in lex.concepts:
        if name not in lex.arguments and any(light or stem in m.group(0).lower() for m in pattern.finditer(text)):
            out.add("~" + name)
    return frozenset(out)


def predicates(s: Statement) -> frozenset[str]:
    """The main predicate's lemma and the concepts standing for it."""
    p = prop(s)
    return predicate_concepts(s.attribution.content.text, p.predicate, p.patient) | (
        {p.predicate} if p.predicate else frozenset()
    )


def named_frames(s: Statement) -> frozenset[str]:
    """Frames said of a named person whose concept is the statement's main predicate."""
    p = prop(s)
    held = {c[1:] for c in predicate_concepts(s.attribution.content.text, p.predicate, p.patient)}
    return frozenset(
        t for t in s.terms if t[0] == "^" and not t.partition("=")[2].isupper() and t[1:].partition("=")[0] in held
    )


def _finding(s: Statement) -> str | None:
    """The speaker, when it is a poll's finding (a share of the people asked: "About 4 in 10")."""
    sp = s.attribution.speaker
    return None if sp is None else _finding_of(sp.text)


@lru_cache(maxsize=1 << 16)
def _finding_of(speaker: str) -> str | None:
    """A speaker's text as a poll finding, or None (asked for each of the many pairs a speaker is in)."""
    if not claims_lexicon().poll_finding.search(speaker):
        return None
    return " ".join(speaker.casefold().split())


def _findings_differ(a: Statement, b: Statement) -> bool:
    """Two statements of which one is a poll's finding and the other is not the same finding: two
    results (of one poll or two), not one claim stated twice."""
    fa, fb = _finding(a), _finding(b)
    return (fa is not None or fb is not None) and fa != fb


def voice(s: Statement) -> str:
    """Who says it, as origins tell speakers apart: a named speaker by name, the unnamed officials and
    institutions of one side as that side ("Moscow", "the Russian Ministry of Defense": one voice)."""
    from headwater.claims.origins import speaker_key

    if s.attribution.speaker is None:
        return ""
    kind, key = speaker_key(s.attribution)
    return f"{kind}:{key}".casefold()


@lru_cache(maxsize=1 << 16)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def wording_overlap(a: Statement, b: Statement) -> float:
    ta, tb = _tokens(a.attribution.content.text), _tokens(b.attribution.content.text)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def _roles_agree(x: str, y: str, near: bool, loose: bool) -> bool:
    """Equal keys agree (a pronoun only when one speaker says both: :func:`compatible` checks that)."""
    if x == y:
        return True
    if not x or not y:
        return "PRON" not in (x, y) and (near or loose)
    return False


def _types_agree(ta: str, tb: str, a: Statement, b: Statement) -> bool:
    """One type; or an estimate and an assertion giving the same figure (whether the figure counts the
    clause's subject is a matter of the parse: "lost between 4,000 and 6,500 soldiers killed")."""
    if ta == tb:
        return True
    return {ta, tb} == {"estimate", "assertion"} and bool(figures_of(a.terms) & figures_of(b.terms))


def compatible(a: Statement, b: Statement, score: float = 1.0, polarity: bool = True, speakers: bool = True) -> bool:
    """Whether ``a`` and ``b`` can state one proposition (rules in the module docstring); ``score``
    is their lexical similarity; ``polarity=False`` checks all but rule 2's polarity;
    ``speakers=False`` lets a pronoun agree across speakers (a denial restating "he was working on a
    book" speaks of the same "he")."""
    if a.attribution.proposition is None or b.attribution.proposition is None:
        return not polarity or ("!neg" in a.terms) == ("!neg" in b.terms)  # records made without a parse
    pa, pb = prop(a), prop(b)
    if pa.modality != pb.modality or not _types_agree(pa.type, pb.type, a, b):
        return False
    if polarity and negated(a) != negated(b):
        return False
    near = wording_overlap(a, b) >= NEAR_IDENTICAL
    quoted = near and len(_tokens(a.attribution.content.text)) >= QUOTE_WORDS  # one long quote, copied
    if speakers and not quoted and "PRON" in (pa.agent, pa.patient, pb.agent, pb.patient) and voice(a) != voice(b):
        return False  # "he is leaning toward Trump" said by two people is two propositions
    if _findings_differ(a, b):
        return False  # "about 4 in 10 say they want ..." and "half of voters said they want ...": two findings
    if near:
        return True
    if named_frames(a) & named_frames(b):
        return True
    if not predicates(a) & predicates(b):
        return False
    if "estimate" in (pa.type, pb.type) and not (figures_of(a.terms) & figures_of(b.terms)):
        return False  # estimates are one claim only when they give the same figure
    loose = score >= LOOSE_ROLE
    light = {pa.predicate.split(" ")[0], pb.predicate.split(" ")[0]} <= claims_lexicon().light
    return _roles_agree(pa.agent, pb.agent, near, loose) and (
        light or _roles_agree(pa.patient, pb.patient, near, loose)
    )  # a light verb's object is its predicate


def conflict(a: Statement, b: Statement) -> bool:
    """Whether ``a`` and ``b`` contradict each other's shape: another type, modality or polarity, or
    both name an agent (a patient) and they differ. Statements merged into one claim through others
    must not conflict; unlike :func:`compatible`, a predicate not shared is no conflict (a reworded
    "ordered the call-up" and a translated "signed the order about the call" may both match "signed
    an order to call up")."""
    if a.attribution.proposition is None or b.attribution.proposition is None:
        return ("!neg" in a.terms) != ("!neg" in b.terms)
    pa, pb = prop(a), prop(b)
    if pa.modality != pb.modality or not _types_agree(pa.type, pb.type, a, b) or negated(a) != negated(b):
        return True
    if _findings_differ(a, b):
        return True
    near = wording_overlap(a, b) >= NEAR_IDENTICAL
    if near and len(_tokens(a.attribution.content.text)) >= QUOTE_WORDS:
        return False
    if "PRON" in (pa.agent, pa.patient, pb.agent, pb.patient) and voice(a) != voice(b):
        return True
    if near or named_frames(a) & named_frames(b):
        return False
    light = {pa.predicate.split(" ")[0], pb.predicate.split(" ")[0]} <= claims_lexicon().light
    return bool(pa.agent and pb.agent and pa.agent != pb.agent) or (
        not light and bool(pa.patient and pb.patient and pa.patient != pb.patient)
    )


def unit_key(s: Statement) -> tuple[object, ...]:
    """What copies of one statement share besides their signature: type, polarity, modality, roles."""
    p = prop(s)
    pron = "PRON" in (p.agent, p.patient)
    return (p.type, negated(s), p.modality, p.predicate, p.agent, p.patient, voice(s) if pron else "")
