"""Propagation: which side of each edge came first, reprint groups and each article's origin.

Direction of an edge, in order of evidence:
1. ``published``: the earlier publication date (when both are known and differ);
2. ``source_line`` / ``citation``: one article credits an outlet (a "Source:" or
   "Based on materials:" line, or a citation in the text) that published the other;
3. otherwise ``undetermined`` (the pair is stored in a fixed order).

Groups are the connected components of derivation edges: exact copies, near-duplicates,
and partial reuse that takes a large share of the shorter article (containment at least
``group_containment``: a rewrite or a machine translation of a report) or that comes with
a "Source:"/"Based on materials:" credit to the other article's outlet. Smaller partial
reuse and bare citations link groups without merging them. A group's origin
is its earliest dated member that no determined edge points to; without dates, the one
member nothing points to; otherwise None (undetermined).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from headwater.model import Citation, ReuseEdge
from headwater.reuse.citations import CREDIT_KINDS

GROUP_KINDS = frozenset({"exact", "near_duplicate"})


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    id: str
    published: str | None
    outlet: str | None  # who published this copy, when known and not merely credited
    credits: frozenset[str]  # outlets it names as its source (any citation kind)
    line_credits: frozenset[str]  # outlets named in its "Source:"/"Based on" lines


def article_info(id_: str, published: str | None, outlet: str | None, cites: Iterable[Citation]) -> ArticleInfo:
    cites = list(cites)
    lines = frozenset(c.outlet for c in cites if c.kind in CREDIT_KINDS or c.kind == "credited")
    own = outlet if outlet and outlet not in lines else None
    credits = frozenset(c.outlet for c in cites if c.outlet != own or c.kind == "dateline")
    return ArticleInfo(id_, published, own, credits, lines)


def _when(value: str | None) -> datetime | date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


def _earlier(a: str | None, b: str | None) -> int:
    """-1 when a is earlier, 1 when b is, 0 when unknown or the same."""
    wa, wb = _when(a), _when(b)
    if wa is None or wb is None:
        return 0
    if isinstance(wa, datetime) and isinstance(wb, datetime) and (wa.tzinfo is None) == (wb.tzinfo is None):
        return -1 if wa < wb else (1 if wb < wa else 0)
    da = wa.date() if isinstance(wa, datetime) else wa
    db = wb.date() if isinstance(wb, datetime) else wb
    return -1 if da < db else (1 if db < da else 0)


def _credits(source: ArticleInfo, target: ArticleInfo) -> str | None:
    """How ``target`` credits ``source``'s outlet ("source_line" or "citation"), if it does."""
    if not source.outlet or source.outlet == target.outlet or source.outlet not in target.credits:
        return None
    return "source_line" if source.outlet in target.line_credits else "citation"


def direction(a: ArticleInfo, b: ArticleInfo) -> tuple[ArticleInfo, ArticleInfo, str]:
    """(source, target, how) for a related pair."""
    order = _earlier(a.published, b.published)
    if order:
        return (a, b, "published") if order < 0 else (b, a, "published")
    ab, ba = _credits(a, b), _credits(b, a)
    if ab and not ba:
        return a, b, ab
    if ba and not ab:
        return b, a, ba
    return (a, b, "undetermined") if a.id <= b.id else (b, a, "undetermined")


def group_id(members: Iterable[str]) -> str:
    return "g" + hashlib.blake2b("\n".join(sorted(members)).encode(), digest_size=6).hexdigest()


def derived(edge: ReuseEdge, group_containment: float) -> bool:
    """Is ``edge.target`` a copy or a derivative of ``edge.source`` (so both are one origin)?"""
    if edge.kind in GROUP_KINDS:
        return True
    return edge.kind == "partial" and (edge.containment >= group_containment or edge.direction == "source_line")


def _components(ids: list[str], edges: list[ReuseEdge], group_containment: float) -> list[list[str]]:
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for e in edges:
        if derived(e, group_containment):
            ra, rb = find(e.source_article), find(e.target_article)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    comps: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        comps[find(i)].append(i)
    return list(comps.values())


def _origin(members: list[str], edges: list[ReuseEdge], info: dict[str, ArticleInfo]) -> str | None:
    if len(members) == 1:
        return members[0]
    inside = set(members)
    pointed = {
        e.target_article
        for e in edges
        if e.direction != "undetermined" and e.source_article in inside and e.target_article in inside
    }
    candidates = [m for m in members if m not in pointed]
    dated = [m for m in candidates if _when(info[m].published) is not None]
    if dated:
        first = [m for m in dated if all(_earlier(info[m].published, info[o].published) <= 0 for o in dated)]
        return first[0] if len(first) == 1 else None
    return candidates[0] if len(candidates) == 1 else None


def groups_and_origins(
    ids: list[str], edges: list[ReuseEdge], info: dict[str, ArticleInfo], group_containment: float = 0.35
) -> tuple[dict[str, str], dict[str, str | None]]:
    """article id -> group id, and article id -> origin article id (None: undetermined)."""
    groups: dict[str, str] = {}
    origins: dict[str, str | None] = {}
    for members in _components(ids, edges, group_containment):
        gid = group_id(members)
        origin = _origin(members, edges, info)
        for m in members:
            groups[m] = gid
            origins[m] = origin
    return groups, origins
