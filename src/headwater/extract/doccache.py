"""Whole-document views of a parsed ``Doc``, computed once per document.

spaCy builds ``Doc.text`` and ``Doc.ents`` afresh at every access (a walk over every token or entity of
the document); the extractors ask for them once per candidate, which made extraction quadratic in the
length of an article. These keep the first answer in ``doc.user_data``; a parsed document is not changed
after the pipeline has run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TEXT = "headwater.text"
_ENTS = "headwater.ents"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once."""
    got = doc.user_data.get(_TEXT)
    if got is None:
        got = doc.user_data[_TEXT] = doc.text
    return got  # type: ignore[no-any-return]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, computed once."""
    got = doc.user_data.get(_ENTS)
    if got is None:
        got = doc.user_data[_ENTS] = tuple(doc.ents)
    return got  # type: ignore[no-any-return]


def tokens_with_pos(doc: Doc, *pos: str) -> tuple[Token, ...]:
    """The tokens whose coarse part of speech is one of ``pos``, in document order, found once (one array
    read instead of a ``Token`` object and a string lookup for every token of the document)."""
    key = "headwater.pos." + ".".join(sorted(pos))
    got = doc.user_data.get(key)
    if got is None:
        import numpy
        from spacy.attrs import POS
        from spacy.parts_of_speech import IDS

        tags = doc.to_array([POS])
        hit = numpy.zeros(len(tags), dtype=bool)
        for p in pos:
            hit |= tags == IDS[p]
        found = numpy.flatnonzero(hit).tolist()
        got = doc.user_data[key] = tuple(doc[i] for i in found)
    return got  # type: ignore[no-any-return]


def tokens_with_dep(doc: Doc, dep: str) -> tuple[Token, ...]:
    """The tokens with dependency label ``dep``, in document order, found once (as ``tokens_with_pos``)."""
    key = "headwater.dep." + dep
    got = doc.user_data.get(key)
    if got is None:
        import numpy
        from spacy.attrs import DEP

        found = numpy.flatnonzero(doc.to_array([DEP]) == doc.vocab.strings.add(dep)).tolist()
        got = doc.user_data[key] = tuple(doc[i] for i in found)
    return got  # type: ignore[no-any-return]


def within(tokens: tuple[Token, ...], span: Span) -> tuple[Token, ...]:
    """Those of ``tokens`` (in document order) inside ``span``."""
    from bisect import bisect_left

    at = [t.i for t in tokens]
    return tokens[bisect_left(at, span.start) : bisect_left(at, span.end)]
