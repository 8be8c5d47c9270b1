"""Attribution extraction: pure functions over a parsed spaCy ``Doc`` (see ``core``).

``extract_attributions(doc, document)`` returns ``model.Attribution`` records; the spaCy
component ``headwater_attributions`` (in ``component``) sets ``doc._.attributions``.
"""

from __future__ import annotations

from headwater.extract.core import extract_attributions

__all__ = ["extract_attributions"]
