"""spaCy components: ``headwater_attributions`` sets ``doc._.attributions``; ``headwater_paragraphs``
starts a sentence after every line break (add it before the parser: headlines have no full stop)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from headwater.extract.core import extract_attributions

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)


class AttributionComponent:
    def __init__(self, unattributed: bool = True) -> None:
        self.unattributed = unattributed

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = extract_attributions(doc, unattributed=self.unattributed)
        return doc


@Language.factory("headwater_attributions", default_config={"unattributed": True})
def make_component(nlp: Language, name: str, unattributed: bool) -> AttributionComponent:
    return AttributionComponent(unattributed)


@Language.component("headwater_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if "\n" in tok.text or (tok.is_space and "\n" in tok.text_with_ws) or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc
