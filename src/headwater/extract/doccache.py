"""Whole-document views of a parsed ``Doc``, computed once per document.

spaCy builds ``Doc.text`` and ``Doc.ents`` afresh at every access (a walk over every token or entity of
the document); the extractors ask for them once per candidate, which made extraction quadratic in the
length of an article. These keep the first answer in ``doc.user_data``; a parsed document is not changed
after the pipeline has run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

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
