"""Queries for what the claims stage (``headwater.exec.claims``) stores: claims, speakers, estimate tables
(each article's quantities: ``headwater.store.quantities``). Their exports are views: ``headwater.views.claims``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from headwater.model import Attribution, Claim, Grade, Origin, Proposition, Span, Speaker, plain
from headwater.store import STRINGS, Store, bulk, strings
from headwater.store.quantities import load_quantities

__all__ = ["load_claims", "load_estimate_tables", "load_quantities", "load_speakers", "save"]


def save(
    store: Store,
    claims: Sequence[Claim],
    speakers: Sequence[dict[str, Any]] = (),
    estimate_tables: Sequence[dict[str, Any]] = (),
) -> None:
    """Replace every claim, speaker and estimate table (the stage recomputes them all from what is stored:
    running it twice changes nothing). Speakers and estimate tables are views as the dossier shows them."""
    with store.transaction():
        for table in ("claims", "speakers", "estimate_tables"):
            store.con.execute(f"DELETE FROM {table}")
        bulk.insert(store, "claims", [_claim_row(i, c) for i, c in enumerate(claims)])
        bulk.insert(store, "speakers", [[i, v] for i, v in enumerate(speakers)], ["rank", "view"])
        bulk.insert(store, "estimate_tables", [[i, v] for i, v in enumerate(estimate_tables)], ["rank", "view"])


def load_speakers(store: Store) -> list[dict[str, Any]]:
    """The speakers as the claims stage stored them, in the dossier's order."""
    return _json_column(store.con.execute("SELECT view FROM speakers ORDER BY rank").fetchall(), 0)


def load_estimate_tables(store: Store) -> list[dict[str, Any]]:
    """The estimate tables as the claims stage stored them, in the dossier's order."""
    return _json_column(store.con.execute("SELECT view FROM estimate_tables ORDER BY rank").fetchall(), 0)


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
        [a.to_dict() for a in c.members],
        [plain(o) for o in c.origins],
        [a.to_dict() for a in c.denials],
        c.type,
        list(c.contradicts),
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


def load_claims(store: Store, ids: Sequence[str] | None = None) -> list[Claim]:
    """Every stored claim (or those with the given ids), in rank order."""
    where, params = ("", []) if ids is None else (f"WHERE id IN (SELECT {STRINGS}) ", [strings(ids)])
    rows = store.con.execute(
        "SELECT id, text, unattributed, reliability, credibility, likelihood, reasons, members, origins, denials, "
        f"type, coalesce(contradicts, '[]') FROM claims {where}ORDER BY rank",
        params,
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
