"""Resolve pronouns, relative pronouns and descriptions ("the official", "the tabloid", "the Ukrainian
leader") to an earlier full mention in the same article: earlier speakers first, then named entities."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from headwater.extract.context import Ctx
from headwater.extract.doccache import doc_ents
from headwater.extract.speakers import Info, _title_context, describe, outlet_before, side_of
from headwater.extract.verbs import speaker_range
from headwater.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_DEFINITE = words("speakers.toml", "resolve.definite")


@dataclass(slots=True)
class Mention:
    pos: int
    info: Info
    salient: bool


def resolve(ctx: Ctx, span: Span, head: Token, history: list[Mention]) -> Info:
    low = head.lower_
    if low in ctx.lex.singular:
        return _pronoun(ctx, head, history, plural=False)
    if low in ctx.lex.plural:
        return _pronoun(ctx, head, history, plural=True)
    if low in ctx.lex.relative and head.head.dep_ == "relcl":
        noun = head.head.head
        left, right = speaker_range(noun)
        return resolve(ctx, ctx.doc[left:right], noun, history)
    info = describe(ctx, span, head)
    if span[0].lower_ in _DEFINITE and head.pos_ == "NOUN" and info.type in ("anonymous", "media", "unknown", "group"):
        found = _description(ctx, span, head, info, history)
        if found is not None:
            return found
    return info


def _pronoun(ctx: Ctx, head: Token, history: list[Mention], plural: bool) -> Info:
    if not plural:
        subject = _sentence_subject(head)
        if subject is not None:
            return describe(ctx, subject, subject.root)
    for m in reversed(history):
        if not m.salient or m.pos >= head.idx:
            continue
        if plural and (m.info.plural or m.info.type in ("organization", "group", "media")):
            return m.info
        if not plural and not m.info.plural and m.info.type in ("person", "anonymous"):
            return m.info
    if plural:
        return Info(None, "unknown", "unknown", None, True, head.lower_)
    ents = [e for e in doc_ents(ctx.doc) if e.label_ == "PERSON" and e.end_char <= head.idx]
    if ents:
        ent = ents[-1]
        return describe(ctx, ent, ent.root)
    return Info(None, "unknown", "unknown", None, False, head.lower_)


def _sentence_subject(head: Token) -> Span | None:
    """The person named as subject earlier in a possessive pronoun's own sentence ("Madeleine Albright,
    a Clinton supporter, fanned controversy over her remark": her = Albright, not the article's last
    speaker). Only possessives: a subject pronoun ("...," he said) is the speaker of a quote that may
    name other people as subjects, and an object pronoun ("the advisers had not misled him") rarely
    means its own clause's subject; both are left to the history. (On 300 PolNeAR articles, subjects
    and possessives together changed 99 speakers, mostly for the worse; possessives alone, 1, rightly.)"""
    if head.dep_ != "poss":
        return None
    sent = head.sent
    found = [
        e
        for e in doc_ents(head.doc)
        if e.label_ == "PERSON" and sent.start <= e.start and e.end <= head.i and e.root.dep_ in ("nsubj", "nsubjpass")
    ]
    return found[-1] if found else None


def _synonyms(ctx: Ctx, lemma: str) -> frozenset[str]:
    return ctx.lex.descriptions.get(lemma, frozenset({lemma}))


def _description(ctx: Ctx, span: Span, head: Token, info: Info, history: list[Mention]) -> Info | None:
    lemma = head.lemma_.lower()
    if info.type == "media":
        if any(m.info.type == "media" for m in history) and info.resolved == span.text.split(" ", 1)[-1]:
            return next(m.info for m in reversed(history) if m.info.type == "media")
        outlet = outlet_before(ctx, span.start_char)
        return replace(info, resolved=outlet, side=side_of(ctx, outlet or "")) if outlet else None
    words = _synonyms(ctx, lemma)
    own_side = info.side
    for m in reversed(history):
        if m.pos >= span.start_char or m.info.type not in ("person", "anonymous"):
            continue
        named = m.info.head in words or (m.info.role and any(w in m.info.role.lower() for w in words))
        if named and own_side in ("unknown", m.info.side):
            return m.info
    for ent in reversed([e for e in doc_ents(ctx.doc) if e.label_ == "PERSON" and e.end_char <= span.start_char]):
        title = " ".join(t.text.lower() for t in _title_context(ctx, ent))
        if any(w in title for w in words) and own_side in ("unknown", side_of(ctx, title + " " + ent.text)):
            return describe(ctx, ent, ent.root)
    if own_side != "unknown" and lemma in ctx.lex.descriptions:
        for ent in reversed([e for e in doc_ents(ctx.doc) if e.label_ == "PERSON" and e.end_char <= span.start_char]):
            if side_of(ctx, ent.text) == own_side:
                return describe(ctx, ent, ent.root)
    return None
