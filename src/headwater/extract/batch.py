"""The extract stage's pure step: parse a batch of documents and extract their attributions.

No store here: the executor (``headwater.exec.extract``) reads the documents and writes what this returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.model import Attribution, Document

if TYPE_CHECKING:
    from spacy.language import Language


def extract_batch(nlp: Language, docs: list[Document], batch_size: int, unattributed: bool) -> list[list[Attribution]]:
    """The attributions of every document of ``docs``, in order (one ``nlp.pipe`` over their texts)."""
    from headwater.extract.core import extract_attributions

    parsed = nlp.pipe((d.text for d in docs), batch_size=max(1, batch_size))
    return [
        extract_attributions(doc, document, unattributed=unattributed)
        for document, doc in zip(docs, parsed, strict=True)
    ]
