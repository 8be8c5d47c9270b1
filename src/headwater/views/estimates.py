"""The estimate tables as the dossier, the app and the API show them: one table per counted thing, its
entries side by side with who gave each figure, and the contradictions between them.

Built once by the claims stage (``headwater.exec.claims``) and stored; readers load them
(``headwater.store.claims.load_estimate_tables``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from headwater.claims.estimates import EstimateTable, tables
from headwater.extract.quantities import describe
from headwater.model import Quantity


def estimate_views(quantities: Sequence[Quantity], groups: dict[str, str]) -> list[dict[str, Any]]:
    return [_table_view(t) for t in tables(quantities, groups)]


def _table_view(t: EstimateTable) -> dict[str, Any]:
    entries = []
    for e in t.entries:
        q = e.quantity
        entries.append(
            {
                "value": q.value,
                "low": q.low,
                "high": q.high,
                "qualifier": q.qualifier,
                "speaker": q.speaker,
                "side": q.side,
                "doc": q.doc,
                "as_of": q.as_of,
                "article_id": q.article_id,
                "wording": describe(q) + _variant(q.quantity, t.quantity),
                "evidence": q.span.text,
                "start": q.span.start,
                "also_in": e.docs[1:],
            }
        )
    return {
        "quantity": t.quantity,
        "unit": t.unit,
        "entries": entries,
        "contradictions": [{"entries": [i, j], "note": note} for i, j, note in t.contradictions],
    }


def _variant(quantity: str, table: str) -> str:
    """ " (destroyed or abandoned)" for an entry whose quantity is a variant of its table's."""
    if quantity == table:
        return ""
    return " (" + " ".join(quantity.split()[len(table.split()) - 1 :]) + ")"
