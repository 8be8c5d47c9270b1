"""The dossier's view data: plain dataclasses built from the store, written as dossier.json.

The HTML template (``report.html``) renders exactly this data, so the JSON twin carries the same
content as the page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from headwater.claims.build import RANKING
from headwater.lang import not_analysed
from headwater.model import Attribution, Claim, Document, ReuseEdge, plain
from headwater.views.articles import ArticleView, article_views
from headwater.views.reuse import reprint_groups
from headwater.views.speakers import SpeakerView

__all__ = ["ArticleView", "Dossier", "SpeakerView", "article_views", "doc_label", "overview", "reuse_views", "shallow"]


SCHEMA_VERSION = 1  # of dossier.json (report/dossier.schema.json); raise it when a field changes meaning


@dataclass(slots=True)
class Dossier:
    overview: dict[str, Any]
    articles: list[ArticleView]
    claims: list[dict[str, Any]]
    estimates: list[dict[str, Any]]
    speakers: list[SpeakerView]
    reuse_edges: list[dict[str, Any]] = field(default_factory=list)
    reprint_groups: list[dict[str, Any]] = field(default_factory=list)
    generated_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The view data as JSON-able dicts. The article and speaker views hold only scalars, lists
        of strings and (``attributions``) dicts already plain: ``plain`` one level deep, which
        gives what ``plain`` gives without copying every attribution again."""
        return {
            "schema_version": SCHEMA_VERSION,
            "generated_at": self.generated_at,
            "overview": self.overview,
            "articles": [shallow(a) for a in self.articles],
            "claims": self.claims,
            "estimates": self.estimates,
            "speakers": [shallow(s) for s in self.speakers],
            "reuse_edges": self.reuse_edges,
            "reprint_groups": self.reprint_groups,
        }


def shallow(view: ArticleView | SpeakerView) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in type(view).__slots__:
        value = getattr(view, name)
        out[name] = list(value) if isinstance(value, list) else plain(value)
    return out


def doc_label(doc: Document | None, fallback: str) -> str:
    """How an article is named to a reader: its title, else its file name."""
    if doc is None:
        return fallback
    return doc.title or doc.doc


def reuse_views(
    docs: Sequence[Document], edges: Sequence[ReuseEdge], groups: dict[str, str], origins: dict[str, str | None]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(reuse edges, reprint groups of two or more articles), articles named by file and title."""
    by_id = {d.id: d for d in docs}
    edge_views = [
        {
            "source": x.source_article,
            "target": x.target_article,
            "source_doc": by_id[x.source_article].doc if x.source_article in by_id else None,
            "target_doc": by_id[x.target_article].doc if x.target_article in by_id else None,
            "kind": x.kind,
            "similarity": round(x.similarity, 4),
            "containment": round(x.containment, 4),
            "direction": x.direction,
            "passages": len(x.passages),
        }
        for x in edges
    ]
    group_views = []
    for g in reprint_groups(groups, origins):
        origin = g.origin
        ids = sorted(g.members, key=lambda i: (i != origin, by_id[i].doc if i in by_id else i))
        group_views.append(
            {
                "id": g.id,
                "name": doc_label(by_id.get(origin or ids[0]), origin or ids[0]),
                "origin": origin,
                "articles": [
                    {
                        "id": i,
                        "doc": by_id[i].doc if i in by_id else i,
                        "title": by_id[i].title if i in by_id else None,
                        "outlet": by_id[i].outlet if i in by_id else None,
                    }
                    for i in ids
                ],
            }
        )
    group_views.sort(key=lambda g: (-len(g["articles"]), g["name"].casefold(), g["id"]))
    return edge_views, group_views


def overview(
    docs: Sequence[Document],
    groups: dict[str, str],
    claims: Sequence[Claim],
    estimates: Sequence[dict[str, Any]],
    attributions: Sequence[Attribution],
) -> dict[str, Any]:
    sizes = Counter(groups.get(d.id, d.id) for d in docs)
    dates = sorted(d.published[:10] for d in docs if d.published)
    outlets = sorted({d.outlet or d.credited_source for d in docs if d.outlet or d.credited_source})
    return {
        "ranking": RANKING,
        "articles": len(docs),
        "not_analysed": not_analysed([(d.language, len(d.text.split())) for d in docs]),
        "outlets": outlets,
        "reprint_groups": sum(1 for n in sizes.values() if n > 1),
        "articles_in_reprint_groups": sum(n for n in sizes.values() if n > 1),
        "date_span": [dates[0], dates[-1]] if dates else None,
        "attributions": len(attributions),
        "claims": len(claims),
        "claims_in_several_articles": sum(1 for c in claims if len({m.article_id for m in c.members}) > 1),
        "claims_with_several_origins": sum(1 for c in claims if c.independent_origins > 1),
        "denied_claims": sum(1 for c in claims if c.denials),
        "estimate_tables": len(estimates),
        "numeric_contradictions": sum(len(e["contradictions"]) for e in estimates),
    }
