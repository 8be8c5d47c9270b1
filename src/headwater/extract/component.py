"""spaCy components: ``headwater_attributions`` sets ``doc._.attributions`` and puts each attribution's
cue, speaker and content into ``doc.spans["headwater"]`` (labels ``CUE``, ``SPEAKER``, ``CONTENT``:
``displacy.render(doc, style="span", options={"spans_key": "headwater"})`` shows them);
``headwater_paragraphs`` (``headwater.parse.paragraphs``, registered here too) starts a sentence after every
line break (add it before the parser: headlines have no full stop)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from headwater.extract.core import extract_attributions
from headwater.model import Attribution
from headwater.parse.paragraphs import paragraphs  # noqa: F401  (registers headwater_paragraphs)

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)


class AttributionComponent:
    def __init__(self, unattributed: bool = True) -> None:
        self.unattributed = unattributed

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = extract_attributions(doc, unattributed=self.unattributed)
        doc.spans[SPANS_KEY] = attribution_spans(doc, doc._.attributions)
        return doc


SPANS_KEY = "headwater"


def attribution_spans(doc: Doc, attributions: list[Attribution]) -> list[Span]:
    """Token spans for each attribution's cue, speaker and content, in order (labels CUE, SPEAKER, CONTENT)."""
    out: list[Span] = []
    for att in attributions:
        for label, part in (("SPEAKER", att.speaker), ("CUE", att.cue), ("CONTENT", att.content)):
            if part is None or part.end <= part.start:
                continue
            span = doc.char_span(part.start, part.end, label=label, alignment_mode="expand")
            if span is not None:
                out.append(span)
    return out


@Language.factory("headwater_attributions", default_config={"unattributed": True})
def make_component(nlp: Language, name: str, unattributed: bool) -> AttributionComponent:
    return AttributionComponent(unattributed)
