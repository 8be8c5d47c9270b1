"""Forget articles: remove them and every row derived from them.

Attributions, reuse edges, reprint-group rows, citations and quantities of the forgotten
articles go, and so do the claims that cite them as members, denials or origins, the estimate tables
with an entry from them and the speakers quoted in them. Reuse and
claims are cross-document: the next ``headwater run`` (or ``reuse`` / ``report``) recomputes
them over the articles that remain. The input-file records of the forgotten articles go
too, so ingesting the same file again reads it again.
"""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

from headwater.store import STRINGS, Store, strings

_BY_ARTICLE = ("attributions", "attribution_runs", "reuse_groups", "citations", "quantities", "quantity_runs")


def matching(store: Store, pattern: str) -> list[str]:
    """Ids of the articles whose path (as given at ingest, or absolute) or file name matches the glob."""
    rows = store.con.execute("SELECT id, path, doc FROM articles ORDER BY doc, id").fetchall()
    return [
        id_
        for id_, path, doc in rows
        if any(fnmatch.fnmatchcase(name, pattern) for name in (path, str(Path(path).resolve()), doc))
    ]


def forget(store: Store, ids: list[str]) -> list[str]:
    """Remove the articles ``ids`` and what derives from them, in one transaction; return their file names."""
    if not ids:
        return []
    param = [strings(ids)]
    rows = store.con.execute(f"SELECT doc, path FROM articles WHERE id IN (SELECT {STRINGS})", param).fetchall()
    with store.transaction():
        for table in _BY_ARTICLE:
            store.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT {STRINGS})", param)
        store.con.execute(
            f"DELETE FROM reuse_edges WHERE source_article IN (SELECT {STRINGS}) OR target_article IN (SELECT {STRINGS})",
            param * 2,
        )
        stale = _claims_citing(store, set(ids))
        if stale:
            store.con.execute(f"DELETE FROM claims WHERE id IN (SELECT {STRINGS})", [strings(stale)])
        _drop_views_citing(store, set(ids), {doc for doc, _ in rows})
        inputs = sorted({str(Path(path).resolve()) for _, path in rows} | {path for _, path in rows})
        store.con.execute(f"DELETE FROM inputs WHERE path IN (SELECT {STRINGS})", [strings(inputs)])
        store.con.execute(f"DELETE FROM articles WHERE id IN (SELECT {STRINGS})", param)
    return sorted(doc for doc, _ in rows)


def _drop_views_citing(store: Store, ids: set[str], docs: set[str]) -> None:
    """Drop the stored estimate tables with an entry from the articles ``ids`` and the speakers quoted in
    their files ``docs`` (the claims stage derives them anew from what remains)."""
    for table, cites in (
        ("estimate_tables", lambda v: any(e.get("article_id") in ids for e in v.get("entries", ()))),
        ("speakers", lambda v: bool(docs & set(v.get("articles", ())))),
    ):
        ranks = [
            rank
            for rank, view in store.con.execute(f"SELECT rank, view FROM {table}").fetchall()
            if cites(json.loads(view))
        ]
        if ranks:
            store.con.execute(f"DELETE FROM {table} WHERE list_contains(?, rank)", [ranks])


def _claims_citing(store: Store, ids: set[str]) -> list[str]:
    out = []
    for claim_id, members, denials, origins in store.con.execute(
        "SELECT id, members, denials, origins FROM claims"
    ).fetchall():
        cited = {a.get("article_id") for a in json.loads(members) + json.loads(denials)}
        cited.update(x for o in json.loads(origins) for x in o.get("articles", ()))
        if cited & ids:
            out.append(claim_id)
    return out
