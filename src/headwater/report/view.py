"""The dossier's view data: plain dataclasses built from the store, written as dossier.json.

The HTML template (``report.html``) renders exactly this data, so the JSON twin carries the same
content as the page.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from headwater.claims.build import RANKING
from headwater.claims.estimates import EstimateTable, tables
from headwater.extract.quantities import describe
from headwater.lang import analysed, not_analysed
from headwater.model import Attribution, Claim, Document, Quantity, ReuseEdge, plain


@dataclass(slots=True)
class ArticleView:
    id: str
    doc: str
    title: str | None
    outlet: str | None
    credited_source: str | None
    published: str | None
    url: str | None
    reuse_group: str | None
    origin: str | None
    words: int
    text: str
    attributions: list[dict[str, Any]] = field(default_factory=list)
    language: str | None = None
    analysed: bool = True  # False: a language extraction does not read (``lang.analysed``)


@dataclass(slots=True)
class SpeakerView:
    speaker: str
    type: str
    side: str
    role: str | None
    statements: int
    denials: int
    articles: list[str]
    claims: list[str]
    examples: list[str]


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


def article_views(
    docs: Sequence[Document],
    attributions: Sequence[Attribution],
    groups: dict[str, str],
    origins: dict[str, str | None],
) -> list[ArticleView]:
    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for a in attributions:
        by_article[a.article_id].append(a)
    return [
        ArticleView(
            id=d.id,
            doc=d.doc,
            title=d.title,
            outlet=d.outlet,
            credited_source=d.credited_source,
            published=d.published,
            url=d.url,
            reuse_group=groups.get(d.id),
            origin=origins.get(d.id),
            words=len(d.text.split()),
            text=d.text,
            language=d.language,
            analysed=analysed(d.language, len(d.text.split())),
            attributions=[a.to_dict() for a in sorted(by_article.get(d.id, []), key=lambda a: a.content.start)],
        )
        for d in sorted(docs, key=lambda d: d.doc)
    ]


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
    members: dict[str, list[str]] = defaultdict(list)
    for article_id, group in groups.items():
        members[group].append(article_id)
    group_views = []
    for group, ids in members.items():
        if len(ids) < 2:
            continue
        origin = next((origins.get(i) for i in ids if origins.get(i)), None)
        ids.sort(key=lambda i: (i != origin, by_id[i].doc if i in by_id else i))
        group_views.append(
            {
                "id": group,
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


def _speaker_name(a: Attribution) -> str | None:
    if a.speaker is None or a.kind == "unattributed":
        return None
    return re.sub(r"\s+", " ", a.speaker.resolved or a.speaker.text).strip()


def speaker_views(attributions: Sequence[Attribution], claims: Sequence[Claim]) -> list[SpeakerView]:
    """One entry per speaker entity (``attributions`` as :func:`headwater.claims.build.prepare` gives
    them: "Putin" and "Vladimir Putin" are one name); speakers that are no source ("no one",
    "information", an unresolved "he") have no entry."""
    from headwater.claims.entities import no_source

    members: dict[str, list[tuple[int, str]]] = defaultdict(list)  # article -> (member start, claim id)
    for c in claims:
        for m in c.members:
            members[m.article_id].append((m.content.start, c.id))
    rows: dict[str, list[Attribution]] = defaultdict(list)
    for a in attributions:
        name = _speaker_name(a)
        if name and no_source(a) is None:
            rows[name.casefold()].append(a)
    out = []
    for items in rows.values():
        sp = [a.speaker for a in items if a.speaker]
        out.append(
            SpeakerView(
                speaker=Counter(_speaker_name(a) for a in items).most_common(1)[0][0] or "",
                type=Counter(s.type for s in sp).most_common(1)[0][0],
                side=next((s for s, _ in Counter(s.side for s in sp).most_common() if s != "unknown"), "unknown"),
                role=next((s.role for s in sp if s.role), None),
                statements=sum(1 for a in items if a.stance != "deny"),
                denials=sum(1 for a in items if a.stance == "deny"),
                articles=sorted({a.doc for a in items}),
                claims=sorted(
                    {
                        cid
                        for a in items
                        for start, cid in members[a.article_id]
                        if a.content.start <= start < a.content.end
                    }
                ),
                examples=[a.content.text for a in items[:3]],
            )
        )
    return sorted(out, key=lambda s: (s.side, s.type, -s.statements - s.denials, s.speaker.casefold()))


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
