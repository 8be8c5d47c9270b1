"""The spaCy component ``headwater_paragraphs``: a sentence starts after every line break (added before
the parser by ``load_nlp``: headlines have no full stop)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("headwater_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if "\n" in tok.text or (tok.is_space and "\n" in tok.text_with_ws) or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc
