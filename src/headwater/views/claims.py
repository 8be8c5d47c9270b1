"""Claims as every reader shows them: ``claim_view`` (dossier.json, the app's claim page, the ``claims``
export), ``ClaimRow`` (one line of the claims index), and the ``claims`` and ``estimates`` exports."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from headwater.export import SPAN, Schema, exporter
from headwater.model import Attribution, Claim, Grade, plain
from headwater.nations import speaker_side
from headwater.store import Store
from headwater.store.claims import load_claims, load_quantities


def claim_view(c: Claim) -> dict[str, Any]:
    """A claim as exported, in dossier.json and on the app's claim page."""
    g = c.grade or Grade("F", "6", ("not graded",))
    return {
        "id": c.id,
        "text": c.text,
        "type": c.type,
        "graded": bool(g.reliability),
        "contradicts": list(c.contradicts),
        "unattributed": c.unattributed,
        "members": [{"article_id": a.article_id, "doc": a.doc, "attribution": a.to_dict()} for a in c.members],
        "origins": [plain(o) for o in c.origins],
        "independent_origins": c.independent_origins,
        "denials": [
            {
                "speaker": (d.speaker.resolved or d.speaker.text) if d.speaker else None,
                "side": speaker_side(d),
                "text": d.content.text,
                "doc": d.doc,
                "article_id": d.article_id,
                "start": d.content.start,
                "denies_claim_of": _denied_parties(c, d),
            }
            for d in c.denials
        ],
        "grade": {
            "reliability": g.reliability,
            "credibility": g.credibility,
            "reasons": list(g.reasons),
            "likelihood": g.likelihood,
        },
    }


def _denied_parties(c: Claim, d: Attribution) -> list[str]:
    """Whose statements of the claim a denial denies: the claim's original speakers other than the denier."""
    denier = (d.speaker.resolved or d.speaker.text) if d.speaker else None
    return list(dict.fromkeys(n for o in c.origins for n in o.speaker.split(" / ") if n and n != denier))


CLAIMS_SCHEMA: Schema = (
    ("id", "VARCHAR"),
    ("rank", "INTEGER"),
    ("text", "VARCHAR"),
    ("type", "VARCHAR"),
    ("graded", "BOOLEAN"),
    ("contradicts", "VARCHAR[]"),
    ("unattributed", "BOOLEAN"),
    ("independent_origins", "INTEGER"),
    (
        "grade",
        (("reliability", "VARCHAR"), ("credibility", "VARCHAR"), ("reasons", "VARCHAR[]"), ("likelihood", "VARCHAR")),
    ),
    ("members", "JSON"),
    ("origins", "JSON"),
    ("denials", "JSON"),
)
ESTIMATES_SCHEMA: Schema = (
    *((c, "VARCHAR") for c in ("article_id", "doc", "quantity", "unit")),
    *((c, "DOUBLE") for c in ("value", "low", "high")),
    ("qualifier", "VARCHAR"),
    ("span", SPAN),
    *((c, "VARCHAR") for c in ("speaker", "side", "as_of")),
)


@exporter("claims", CLAIMS_SCHEMA)
def export_claims(store: Store) -> Iterator[dict[str, Any]]:
    """Claims in the dossier's order; ``rank`` 1 is the first (most independent origins)."""
    for rank, c in enumerate(load_claims(store), 1):
        yield {"rank": rank, **claim_view(c)}


@exporter("estimates", ESTIMATES_SCHEMA)
def export_estimates(store: Store) -> Iterator[dict[str, Any]]:
    for q in load_quantities(store):
        yield plain(q)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One line of the claims index (the dossier's table and the app's claim list)."""

    id: str
    text: str
    type: str
    reliability: str
    credibility: str
    origins: int
    articles: int
    statements: int
    denied: bool
    sides: tuple[str, ...]
    unattributed: bool


def claim_row(c: dict[str, Any]) -> ClaimRow:
    """The index line of a claim as in dossier.json."""
    sides = sorted({o["side"] for o in c["origins"] if o.get("side") and o["side"] != "unknown"})
    return ClaimRow(
        id=c["id"],
        text=c["text"],
        type=c.get("type") or "",
        reliability=c["grade"]["reliability"],
        credibility=c["grade"]["credibility"],
        origins=c["independent_origins"],
        articles=len({m["article_id"] for m in c["members"]}),
        statements=len(c["members"]),
        denied=bool(c["denials"]),
        sides=tuple(sides),
        unattributed=bool(c.get("unattributed")),
    )
