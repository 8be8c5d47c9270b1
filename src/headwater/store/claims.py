"""Queries for claims and numeric estimates (written by ``headwater.exec.claims``)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from headwater.export import SPAN, Schema, exporter
from headwater.model import Attribution, Claim, Grade, Origin, Proposition, Quantity, Span, Speaker, plain
from headwater.nations import speaker_side
from headwater.store import Store, bulk


def save(store: Store, claims: Sequence[Claim], quantities: Sequence[Quantity]) -> None:
    """Replace every claim and estimate (the stage recomputes them all: running it twice changes nothing)."""
    with store.transaction():
        store.con.execute("DELETE FROM claims")
        store.con.execute("DELETE FROM quantities")
        bulk.insert(store, "claims", [_claim_row(i, c) for i, c in enumerate(claims)])
        bulk.insert(store, "quantities", [_quantity_row(q) for q in quantities])


def _flat(obj: Any) -> dict[str, Any] | None:
    """A slotted record (Span, Speaker) as a dict, like ``asdict`` but without its deep copies."""
    return None if obj is None else {k: getattr(obj, k) for k in type(obj).__slots__}


def attribution_dict(a: Attribution) -> dict[str, Any]:
    """``a.to_dict()``, faster: the claims stage writes thousands of members."""
    return {
        "article_id": a.article_id,
        "doc": a.doc,
        "kind": a.kind,
        "stance": a.stance,
        "content": _flat(a.content),
        "cue": _flat(a.cue),
        "speaker": _flat(a.speaker),
        "via": a.via,
        "proposition": _flat(a.proposition),
    }


def _claim_row(rank: int, c: Claim) -> list[Any]:
    g = c.grade or Grade("F", "6", ("not graded",))
    return [
        c.id,
        rank,
        c.text,
        c.unattributed,
        c.independent_origins,
        g.reliability,
        g.credibility,
        g.likelihood,
        list(g.reasons),
        [attribution_dict(a) for a in c.members],
        [plain(o) for o in c.origins],
        [attribution_dict(a) for a in c.denials],
        c.type,
        list(c.contradicts),
    ]


def _quantity_row(q: Quantity) -> list[Any]:
    return [
        q.article_id,
        q.doc,
        q.quantity,
        q.unit,
        q.value,
        q.low,
        q.high,
        q.qualifier,
        plain(q.span),
        q.speaker,
        q.side,
        q.as_of,
    ]


def attribution_from_dict(d: dict[str, Any]) -> Attribution:
    return Attribution(
        article_id=d["article_id"],
        doc=d["doc"],
        kind=d["kind"],
        stance=d["stance"],
        content=Span(**d["content"]),
        cue=Span(**d["cue"]) if d.get("cue") else None,
        speaker=Speaker(**d["speaker"]) if d.get("speaker") else None,
        via=d.get("via"),
        proposition=Proposition(**d["proposition"]) if d.get("proposition") else None,
    )


def _origin(d: dict[str, Any]) -> Origin:
    return Origin(
        d["speaker"],
        d["type"],
        d["side"],
        d.get("first_outlet"),
        tuple(d.get("relayed_by", ())),
        tuple(d.get("articles", ())),
        bool(d.get("named", False)),
        tuple(d.get("on_record", ())),
        d.get("order", "known"),
    )


def load_claims(store: Store) -> list[Claim]:
    rows = store.con.execute(
        "SELECT id, text, unattributed, reliability, credibility, likelihood, reasons, members, origins, denials, "
        "type, coalesce(contradicts, '[]') FROM claims ORDER BY rank"
    ).fetchall()
    reasons, members, origins, denials, contradicts = (_json_column(rows, i) for i in (6, 7, 8, 9, 11))
    return [
        Claim(
            id=r[0],
            text=r[1],
            unattributed=bool(r[2]),
            grade=Grade(r[3], r[4], tuple(reasons[k]), r[5]),
            members=tuple(attribution_from_dict(m) for m in members[k]),
            origins=tuple(_origin(o) for o in origins[k]),
            denials=tuple(attribution_from_dict(m) for m in denials[k]),
            type=r[10] or "assertion",
            contradicts=tuple(contradicts[k]),
        )
        for k, r in enumerate(rows)
    ]


def _json_column(rows: list[tuple[Any, ...]], i: int) -> list[Any]:
    """Column ``i`` (JSON text) of every row, parsed in one ``json.loads`` call."""
    return json.loads("[" + ",".join(r[i] for r in rows) + "]")  # type: ignore[no-any-return]


def load_quantities(store: Store) -> list[Quantity]:
    rows = store.con.execute(
        "SELECT article_id, doc, quantity, unit, value, low, high, qualifier, span, speaker, side, as_of "
        "FROM quantities ORDER BY quantity, doc, json_extract(span, '$.start')::INTEGER"
    ).fetchall()
    return [
        Quantity(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], Span(**json.loads(r[8])), r[9], r[10], r[11])
        for r in rows
    ]


def claim_dict(c: Claim) -> dict[str, Any]:
    """A claim as exported and in dossier.json."""
    g = c.grade or Grade("F", "6", ("not graded",))
    return {
        "id": c.id,
        "text": c.text,
        "type": c.type,
        "graded": bool(g.reliability),
        "contradicts": list(c.contradicts),
        "unattributed": c.unattributed,
        "members": [{"article_id": a.article_id, "doc": a.doc, "attribution": attribution_dict(a)} for a in c.members],
        "origins": [
            {
                "speaker": o.speaker,
                "type": o.type,
                "side": o.side,
                "first_outlet": o.first_outlet,
                "relayed_by": list(o.relayed_by),
                "articles": list(o.articles),
                "named": o.named,
                "on_record": list(o.on_record),
                "order": o.order,
            }
            for o in c.origins
        ],
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
        yield {"rank": rank, **claim_dict(c)}


@exporter("estimates", ESTIMATES_SCHEMA)
def export_estimates(store: Store) -> Iterator[dict[str, Any]]:
    for q in load_quantities(store):
        yield plain(q)
