"""Speaker typing, side and role, and resolution of pronouns and descriptions to an earlier full mention."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from headwater.extract.context import Ctx
from headwater.extract.doccache import doc_ents
from headwater.gazetteer import lookup_outlet, outlet_pattern
from headwater.lexicon import alternation, words
from headwater.nations import nation_side, side_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_HONORIFIC = alternation("speakers.toml", "honorifics.words", before="^", after=r"\.?\s+")
_QUANTIFIERS = words("speakers.toml", "speaker_words.quantifiers")
_ISSUED = words("speakers.toml", "speaker_words.issued")
_POSS = re.compile(r"[’']s?$")


_NOUNS: set[str] = set()
_NAME_TYPES = ("", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT")


@dataclass(slots=True)
class Info:
    resolved: str | None
    type: str
    side: str
    role: str | None
    plural: bool = False
    head: str = ""  # head lemma, for matching later descriptions


_CAPITALISED = re.compile(r"\b[A-Z][\w.’']*")


def side_of(ctx: Ctx, text: str) -> str:
    """The side named first in ``text``: by the sides gazetteer (offices, agencies, "Kremlin spokesman") or by
    a nation word (the nations of ``data/quantities.toml``, as the claims stage reads them), so that "the
    Aldera State Department" is Aldera's, not the US's."""
    best: tuple[int, int, str] | None = None
    for pattern, side in ctx.lex.sides:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), side)
    if best is None:
        return side_in(text) or "unknown"
    of = re.match(r"\s+of\s+(?:the\s+)?", text[best[1] :])  # "the State Department of Aldera"
    after = _CAPITALISED.match(text, best[1] + of.end()) if of else None
    return side_in(text[: best[0]]) or (after and nation_side(after.group(0))) or best[2]


def _persons(span: Span) -> list[Span]:
    """The PERSON entities overlapping ``span``; the document's list is built once (``doc.ents``
    makes new spans on every read: read per attribution, it made long articles quadratic)."""
    doc = span.doc
    people = doc.user_data.get("headwater_persons")
    if people is None:
        people = doc.user_data["headwater_persons"] = [e for e in doc.ents if e.label_ == "PERSON"]
    return [e for e in people if e.start < span.end and e.end > span.start]


def _name(span: Span, head: Token) -> Span | None:
    """The PERSON name the speaker phrase is about (not a possessor: "Putin's spokesman")."""
    for ent in _persons(span):
        if ent.start <= head.i < ent.end or (ent.root.dep_ == "appos" and ent.root.head == head):
            return ent
    if head.pos_ != "PROPN" or not head.is_title or head.dep_ == "poss" or head.lemma_.lower() in _NOUNS:
        return None
    if head.ent_type_ in _NAME_TYPES or any(
        e.label_ == "PERSON" and e[-1].text == head.text for e in doc_ents(head.doc)
    ):
        start = head.i
        while (
            start > span.start
            and span.doc[start - 1].pos_ == "PROPN"
            and span.doc[start - 1].dep_ == "compound"
            and span.doc[start - 1].lemma_.lower() not in _NOUNS
        ):
            start -= 1
        return span.doc[start : head.i + 1]
    return None


def _clean_name(text: str) -> str:
    return _POSS.sub("", _HONORIFIC.sub("", text.strip(" ―—–-\"“”'‘’\n"))).strip()


def full_name(ctx: Ctx, name: str, before: int) -> str:
    """The longest earlier (or first) PERSON mention ending with the same surname."""
    last = name.split()[-1] if name.split() else name
    best = name
    for start, cand, surname in _people(ctx.doc):
        if start < before + 200 and surname == last and len(cand) > len(best):
            best = cand
    return best


def _people(doc: Doc) -> tuple[tuple[int, str, str | None], ...]:
    """The document's PERSON mentions as (start character, cleaned name, its last word), found once."""
    got = doc.user_data.get("headwater.people")
    if got is None:
        people = []
        for ent in doc_ents(doc):
            if ent.label_ == "PERSON":
                cand = _clean_name(ent.text)
                people.append((ent.start_char, cand, cand.split()[-1] if cand.split() else None))
        got = doc.user_data["headwater.people"] = tuple(people)
    return got  # type: ignore[no-any-return]


@lru_cache(maxsize=4)
def _titles_pattern(titles: frozenset[str]) -> re.Pattern[str]:
    """Any of ``titles`` as a whole word (one pattern rather than one search per title)."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in sorted(titles)) + r")(?![\w-])")


def role_of(ctx: Ctx, tokens: list[Token]) -> str | None:
    words = [
        t
        for t in tokens
        if t.dep_ not in ("det", "poss", "case", "punct") and not t.is_space and not _HONORIFIC.match(t.text + " ")
    ]
    while words and words[0].dep_ in ("poss",):
        words = words[1:]
    text = " ".join(t.text for t in words).strip(" ,")
    lowered = text.lower()
    if _titles_pattern(ctx.lex.titles).search(lowered):
        return text or None
    return None


def _title_context(ctx: Ctx, ent: Span) -> list[Token]:
    """Tokens describing a name: the words before it in its phrase, or the noun it is in apposition to."""
    doc = ctx.doc
    out = []
    i = ent.start - 1
    while (
        i >= 0
        and doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case", "det", "punct", "prep", "pobj")
        and doc[i].text not in (",", ".", ";", "\n")
        and not doc[i].is_space
        and ent.start - i <= 7
    ):
        out.insert(0, doc[i])
        i -= 1
    while out and out[0].dep_ == "prep":  # "agreed [with] Defence Minister Lena Sarvik": the verb's preposition
        out.pop(0)
    if ent.root.dep_ == "appos" and ent.root.head.i < ent.start:
        head = ent.root.head
        out = [t for t in doc[head.left_edge.i : head.i + 1]]
    return out


def type_of(ctx: Ctx, span: Span, head: Token, name: Span | None) -> tuple[str, bool]:
    """(type, plural)."""
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS") or lemma in ctx.lex.plural
    text = re.sub(r"^(?i:the)\s+", "", span.text)
    if lookup_outlet(text) or lookup_outlet(head.text) or (lemma in ctx.lex.media and head.pos_ == "NOUN"):
        return "media", False
    if name is not None:
        return "person", False
    if head.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or lemma in ctx.lex.organization:
        return "organization", plural
    if plural and lemma in ctx.lex.anonymous_plural:
        return "anonymous", True
    if plural and (lemma in ctx.lex.group or head.pos_ == "NOUN"):
        return "group", True
    if lemma in _QUANTIFIERS:
        return "group", True
    if lemma in ctx.lex.anonymous:
        return "anonymous", False
    return "unknown", plural


def outlet_before(ctx: Ctx, before: int) -> str | None:
    found = None
    for m in outlet_pattern().finditer(ctx.text, 0, before):
        found = m.group(1)
    if found is None:
        return None
    outlet = lookup_outlet(found)
    return outlet.name if outlet else found


def _nouns(ctx: Ctx) -> set[str]:
    if not _NOUNS:
        lex = ctx.lex
        _NOUNS.update(lex.organization | lex.media | lex.anonymous | lex.group | lex.titles)
    return _NOUNS


def _issuer(span: Span, head: Token) -> Token | None:
    """ "A statement from the Kremlin" -> Kremlin."""
    if head.lemma_.lower() not in _ISSUED:
        return None
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of", "for"):
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def describe(ctx: Ctx, span: Span, head: Token) -> Info:
    """Type, side, role and canonical name of a speaker phrase taken on its own (no pronouns)."""
    _nouns(ctx)
    issuer = _issuer(span, head)
    if issuer is not None and issuer.pos_ == "PROPN":
        from headwater.extract.verbs import speaker_range

        info = describe(ctx, span.doc[slice(*speaker_range(issuer))], issuer)
        return info
    name = _name(span, head)
    ctx_tokens = [
        t
        for t in span
        if (t.i < name.start if name is not None else t.i <= head.i) and not _HONORIFIC.match(t.text + " ")
    ]
    if name is not None:
        resolved = full_name(ctx, _clean_name(name.text), span.start_char)
        first = _first_mention(ctx, resolved)
        if not ctx_tokens and first is not None:
            ctx_tokens = _title_context(ctx, first)
        elif name.root.dep_ == "appos" and name.root.head.i < name.start:
            ctx_tokens = list(span.doc[name.root.head.left_edge.i : name.root.head.i + 1])
    else:
        resolved = re.sub(r"^(?i:the|this|that)\s+", "", span.text).strip()
    kind, plural = type_of(ctx, span, head, name)
    parts = (span.text, " ".join(t.text for t in ctx_tokens), resolved or "")  # the phrase as written first
    side = next((found for found in (side_of(ctx, p) for p in parts) if found != "unknown"), "unknown")
    if kind == "media":
        outlet = lookup_outlet(re.sub(r"^(?i:the)\s+", "", span.text)) or lookup_outlet(head.text)
        resolved = outlet.name if outlet else resolved
        if outlet and outlet.country and side == "unknown":
            side = outlet.country
    role = role_of(ctx, ctx_tokens) if ctx_tokens else None
    return Info(resolved, kind, side, role, plural, head.lemma_.lower())


def _first_mention(ctx: Ctx, full: str) -> Span | None:
    for ent in doc_ents(ctx.doc):
        if ent.label_ == "PERSON" and _clean_name(ent.text) == full:
            return ent
    return None
