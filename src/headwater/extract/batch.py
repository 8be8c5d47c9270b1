"""The extract stage's pure step: parse a batch of documents and extract their attributions.

No store here: the executor (``headwater.exec.extract``) reads the documents and writes what this returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.model import Attribution, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def extract_batch(nlp: Language, docs: list[Document], batch_size: int, unattributed: bool) -> list[list[Attribution]]:
    """The attributions of every document of ``docs``, in order (one ``nlp.pipe`` over their texts).

    A text over spaCy's limit (stored before ingest refused them) gets none instead of failing every
    later run with E088: its article is then marked done."""
    fits = [len(d.text) <= nlp.max_length for d in docs]
    parsed = nlp.pipe((d.text for d, ok in zip(docs, fits, strict=True) if ok), batch_size=max(1, batch_size))
    return [
        _extract(next(parsed), document, unattributed) if ok else [] for document, ok in zip(docs, fits, strict=True)
    ]


def _extract(doc: Doc, document: Document, unattributed: bool) -> list[Attribution]:
    from headwater.extract.core import extract_attributions
    from headwater.extract.doccache import release

    try:
        return extract_attributions(doc, document, unattributed=unattributed)
    finally:
        release(doc)
