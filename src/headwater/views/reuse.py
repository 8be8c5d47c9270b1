"""Reprint groups as every reader sees them, and the view data for ``headwater reuse``.

``reprint_groups(groups, origins)`` is the one place that turns the stored group of each article into
groups of two or more articles with their origin; the dossier (``report.view.reuse_views``), the web
app, the Python API and the ``groups`` export order and name its members as each shows them.
``build_view`` adds copies, shared passages and citations (plain dataclasses, also written as JSON);
the CLI renders them as a Rich tree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from headwater.store import Store
from headwater.store import reuse as db


@dataclass(frozen=True, slots=True)
class Reprints:
    """One reprint group: its id, its origin (an article id; None: undetermined) and its members' ids."""

    id: str
    origin: str | None
    members: tuple[str, ...]  # in article id order


def members_by_group(groups: Mapping[str, str]) -> dict[str, list[str]]:
    """group id -> its articles' ids (in article id order), from article id -> group id."""
    members: dict[str, list[str]] = defaultdict(list)
    for article, group in sorted(groups.items()):
        members[group].append(article)
    return members


def reprint_groups(groups: Mapping[str, str], origins: Mapping[str, str | None]) -> list[Reprints]:
    """The groups of two or more articles (copies and derivatives of one story), in group id order, from the
    stored group (``store.reuse.load_groups``) and group origin (``load_origins``) of each article."""
    return [
        Reprints(group, next((o for o in map(origins.get, ids) if o), None), tuple(ids))
        for group, ids in sorted(members_by_group(groups).items())
        if len(ids) > 1
    ]


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: str
    doc: str
    title: str | None
    outlet: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class EdgeView:
    source: ArticleView
    target: ArticleView
    kind: str
    label: str
    similarity: float
    containment: float
    direction: str
    passages: int


@dataclass(slots=True)
class GroupView:
    id: str
    origin: ArticleView | None  # None: undetermined
    members: list[ArticleView]
    copies: list[EdgeView] = field(default_factory=list)  # exact / near-duplicate edges inside the group
    links: list[EdgeView] = field(default_factory=list)  # partial reuse and citation edges to other articles
    citations: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def build_view(store: Store, include_singletons: bool = False) -> list[GroupView]:
    """Groups with more than one article, or with links or citations (all groups when asked)."""
    docs = db.docs_by_id(store)
    arts = {i: ArticleView(i, d[0], d[1], d[2], d[3]) for i, d in docs.items()}
    groups, origins, labels = db.load_groups(store), db.load_origins(store), db.load_edge_labels(store)
    views = {
        g: GroupView(g, arts.get(origins[ids[0]] or ""), sorted((arts[i] for i in ids), key=_order))
        for g, ids in members_by_group(groups).items()
    }
    for e in db.load_edges(store):
        ev = EdgeView(
            arts[e.source_article],
            arts[e.target_article],
            e.kind,
            labels.get((e.source_article, e.target_article), ""),
            e.similarity,
            e.containment,
            e.direction,
            len(e.passages),
        )
        gs, gt = groups[e.source_article], groups[e.target_article]
        if gs == gt and e.kind in ("exact", "near_duplicate"):
            views[gs].copies.append(ev)
        else:
            views[gs].links.append(ev)
            if gt != gs:
                views[gt].links.append(ev)
    for c in db.load_citations(store):
        views[groups[c.article_id]].citations.append(
            {"doc": docs[c.article_id][0], "outlet": c.outlet, "kind": c.kind, "surface": c.surface}
        )
    for v in views.values():
        v.copies = _one_per_member(v)
    keep = [v for v in views.values() if include_singletons or len(v.members) > 1 or v.links or v.citations]
    return sorted(keep, key=lambda v: (-len(v.members), -len(v.links), v.members[0].doc))


def _one_per_member(g: GroupView) -> list[EdgeView]:
    """For each member but the origin, its edge to the origin, else its strongest edge inside the group."""
    origin = g.origin.id if g.origin else None
    best: dict[str, EdgeView] = {}
    for e in sorted(g.copies, key=lambda e: (origin in (e.source.id, e.target.id), e.similarity), reverse=True):
        for member in (e.target, e.source):
            if member.id != origin and member.id not in best:
                best[member.id] = e
    return [best[m.id] for m in g.members if m.id in best]


def _order(a: ArticleView) -> tuple[bool, str, str]:
    return (a.published is None, a.published or "", a.doc)


def stored_summary(store: Store) -> dict[str, int]:
    """The counts of ``ReuseSummary`` as stored by the last reuse run (``headwater reuse --stored``)."""
    kinds = dict(store.con.execute("SELECT kind, count(*) FROM reuse_edges GROUP BY kind").fetchall())
    (articles,) = store.con.execute("SELECT count(*) FROM articles").fetchone() or (0,)
    (groups,) = store.con.execute(
        "SELECT count(*) FROM (SELECT group_id FROM reuse_groups GROUP BY group_id HAVING count(*) > 1)"
    ).fetchone() or (0,)
    (citations,) = store.con.execute("SELECT count(*) FROM citations").fetchone() or (0,)
    return {
        "articles": articles,
        "exact": kinds.get("exact", 0),
        "near_duplicate": kinds.get("near_duplicate", 0),
        "partial": kinds.get("partial", 0),
        "cites": kinds.get("cites", 0),
        "groups": groups,
        "citations": citations,
    }
