"""What the app's pages read from a snapshot, as the typed views of ``headwater.views`` and ``headwater.report.view``.

The claim list and search run on ``web_claims`` (built by ``web.snapshot.prepare``); a claim, an
article, the speakers, reprint groups and estimates are read with the store's own loaders and
turned into the same view data the dossier renders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from headwater.model import Claim
from headwater.store import Store
from headwater.views.claims import ClaimRow

PER_PAGE = 50
SORTS = {
    "rank": "rank",
    "origins": "origins DESC, rank",
    "articles": "articles DESC, rank",
    "grade": "reliability, credibility, rank",
    "denied": "denied DESC, rank",
}


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """The claim list's query string, checked: unknown values are dropped, not passed to SQL."""

    q: str = ""
    reliability: str = ""
    credibility: str = ""
    type: str = ""
    side: str = ""
    denied: str = ""  # "", "1" or "0"
    outlet: str = ""
    date_from: str = ""
    date_to: str = ""
    sort: str = "rank"
    page: int = 1

    @classmethod
    def from_params(cls, params: Any) -> ClaimQuery:
        def get(name: str, limit: int = 200) -> str:
            return str(params.get(name, "") or "").strip()[:limit]

        try:
            page = max(1, min(int(get("page", 9) or 1), 1_000_000))
        except ValueError:
            page = 1
        grade = get("grade", 2).upper()
        return cls(
            q=get("q", 500),
            reliability=next((g for g in (get("reliability", 1).upper(), grade[:1]) if g in "ABCDEF" and g), ""),
            credibility=next((g for g in (get("credibility", 1), grade[1:2]) if g in "123456" and g), ""),
            type=get("type"),
            side=get("side"),
            denied=get("denied", 1) if get("denied", 1) in ("0", "1") else "",
            outlet=get("outlet"),
            date_from=get("from", 10),
            date_to=get("to", 10),
            sort=get("sort", 20) if get("sort", 20) in SORTS else "rank",
            page=page,
        )

    def params(self, **change: Any) -> dict[str, str]:
        """The query as URL parameters (only those set), with ``change`` applied."""
        values = {
            "q": self.q,
            "reliability": self.reliability,
            "credibility": self.credibility,
            "type": self.type,
            "side": self.side,
            "denied": self.denied,
            "outlet": self.outlet,
            "from": self.date_from,
            "to": self.date_to,
            "sort": "" if self.sort == "rank" else self.sort,
            "page": str(self.page),
        }
        values.update({k: str(v) for k, v in change.items()})
        if values["page"] == "1":
            values["page"] = ""
        return {k: v for k, v in values.items() if v}


@dataclass(slots=True)
class ClaimPage:
    rows: list[ClaimRow]
    total: int
    query: ClaimQuery
    search: str  # "fts", "substring" or "" (no text query)
    facets: dict[str, list[str]] = field(default_factory=dict)


_ROW = "id, text, type, reliability, credibility, origins, articles, statements, denied, sides, unattributed"


def _filters(q: ClaimQuery) -> tuple[list[str], list[Any]]:
    where, params = [], []
    for column, value in (("reliability", q.reliability), ("credibility", q.credibility), ("type", q.type)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if q.side:
        where.append("list_contains(sides, ?)")
        params.append(q.side)
    if q.denied:
        where.append("denied = ?")
        params.append(q.denied == "1")
    if q.outlet:
        where.append("list_contains(outlets, ?)")
        params.append(q.outlet)
    if q.date_from:
        where.append("last_date >= ?")
        params.append(q.date_from)
    if q.date_to:
        where.append("first_date <= ?")
        params.append(q.date_to)
    return where, params


def _run(
    store: Store, source: str, where: list[str], params: list[Any], q: ClaimQuery, order: str, window: bool = False
) -> tuple[list[ClaimRow], int]:
    """A page of claims and their total: counted apart (cheap for a plain list, whose page is a
    top-N), or with ``window`` in the same scan (for a substring search, which reads every claim)."""
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    limit = f"LIMIT {PER_PAGE} OFFSET {(q.page - 1) * PER_PAGE}"
    if window:
        rows = store.con.execute(
            f"SELECT {_ROW}, count(*) OVER () FROM {source}{cond} ORDER BY {order} {limit}", params
        ).fetchall()
        if rows or q.page == 1:
            return [ClaimRow(*r[:9], tuple(r[9] or ()), bool(r[10])) for r in rows], int(rows[0][-1]) if rows else 0
    found = store.con.execute(f"SELECT count(*) FROM {source}{cond}", params).fetchone()
    rows = store.con.execute(f"SELECT {_ROW} FROM {source}{cond} ORDER BY {order} {limit}", params).fetchall()
    return [ClaimRow(*r[:9], tuple(r[9] or ()), bool(r[10])) for r in rows], int(found[0]) if found else 0


def _search(store: Store, where: list[str], params: list[Any], q: ClaimQuery, order: str) -> tuple[list[ClaimRow], int]:
    """Full-text hits: the page's document ids and the total from narrow rows (score and the sort
    and filter columns), then the page's claims by id."""
    cond = (" AND " + " AND ".join(where)) if where else ""
    found = store.con.execute(
        f"{_HITS} SELECT w.docid, count(*) OVER () FROM scored JOIN web_claims w ON w.docid = scored.docid "
        f"WHERE true{cond} ORDER BY {order} LIMIT {PER_PAGE} OFFSET {(q.page - 1) * PER_PAGE}",
        [q.q, *params],
    ).fetchall()
    if not found:
        total = store.con.execute(
            f"{_HITS} SELECT count(*) FROM scored JOIN web_claims w ON w.docid = scored.docid WHERE true{cond}",
            [q.q, *params],
        ).fetchone()
        return [], int(total[0]) if total else 0
    ids = [r[0] for r in found]
    rows = store.con.execute(
        f"SELECT docid, {_ROW} FROM web_claims WHERE docid IN (SELECT unnest(?::BIGINT[]))", [ids]
    ).fetchall()
    by_doc = {r[0]: r[1:] for r in rows}
    page = [by_doc[i] for i in ids if i in by_doc]
    return [ClaimRow(*r[:9], tuple(r[9] or ()), bool(r[10])) for r in page], int(found[0][1])


# BM25 (k1 = 1.2, b = 0.75, as the extension's match_bm25) over web_postings, for the query's terms
# only: match_bm25 is a per-row macro that rescores every claim for each row (0.5 s at 100,000
# claims). A claim must hold every query term the index knows (stop words are not indexed).
_HITS = """
    WITH tokens AS (SELECT DISTINCT stem(unnest(fts_main_web_claims.tokenize(?)), 'porter') AS t),
    qt AS (SELECT d.termid, log((st.num_docs - d.df + 0.5) / (d.df + 0.5) + 1) AS idf, st.avgdl
           FROM fts_main_web_claims.dict d JOIN tokens ON d.term = tokens.t, fts_main_web_claims.stats st),
    scored AS (
        SELECT p.docid, sum(qt.idf * p.tf * 2.2 / (p.tf + 1.2 * (0.25 + 0.75 * p.len / qt.avgdl))) AS score
        FROM web_postings p JOIN qt ON qt.termid = p.termid
        GROUP BY p.docid HAVING count(*) = (SELECT count(*) FROM qt))"""


def claims(store: Store, q: ClaimQuery, fts: bool) -> ClaimPage:
    """One page of the claim list: filtered, searched (full-text, else substring), sorted."""
    where, params = _filters(q)
    order = SORTS[q.sort]
    if not q.q:
        rows, total = _run(store, "web_claims", where, params, q, order)
        return ClaimPage(rows, total, q, "")
    if fts:
        rows, total = _search(store, where, params, q, order if q.sort != "rank" else "score DESC, rank")
        if total:
            return ClaimPage(rows, total, q, "fts")
    words = [w.lower() for w in q.q.split() if w][:10]
    rows, total = _run(
        store,
        "web_claims",
        [*(["contains(haystack, ?)"] * len(words)), *where],
        [*words, *params],
        q,
        order,
        window=True,
    )
    return ClaimPage(rows, total, q, "substring")


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def facets(store: Store) -> dict[str, list[str]]:
    """The values the claim filters offer: types, sides and outlets present in the store."""
    con = store.con
    return {
        "type": [
            r[0] for r in con.execute("SELECT DISTINCT type FROM web_claims WHERE type <> '' ORDER BY 1").fetchall()
        ],
        "side": [r[0] for r in con.execute("SELECT DISTINCT unnest(sides) FROM web_claims ORDER BY 1").fetchall()],
        "outlet": [
            r[0]
            for r in con.execute(
                "SELECT DISTINCT o FROM (SELECT unnest(outlets) AS o FROM web_claims) WHERE o IS NOT NULL ORDER BY 1"
            ).fetchall()
        ],
    }


def claim(store: Store, claim_id: str) -> Claim | None:
    """One stored claim as a record (``store.claims.load_claims``, as the dossier reads it)."""
    from headwater.store.claims import load_claims

    found = load_claims(store, [claim_id])
    return found[0] if found else None


def claims_of_article(store: Store, article_id: str) -> list[ClaimRow]:
    rows = store.con.execute(
        f"SELECT {_ROW} FROM web_claims WHERE id IN (SELECT claim_id FROM web_claim_articles WHERE article_id = ?) "
        "ORDER BY rank LIMIT 500",
        [article_id],
    ).fetchall()
    return [ClaimRow(*r[:9], tuple(r[9] or ()), bool(r[10])) for r in rows]


def claim_rows(store: Store, ids: list[str]) -> list[ClaimRow]:
    from headwater.store import STRINGS, strings

    rows = store.con.execute(
        f"SELECT {_ROW} FROM web_claims WHERE id IN (SELECT {STRINGS}) ORDER BY rank", [strings(ids)]
    ).fetchall()
    return [ClaimRow(*r[:9], tuple(r[9] or ()), bool(r[10])) for r in rows]


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: str
    doc: str
    title: str | None
    outlet: str | None
    published: str | None
    words: int
    group: str | None


def articles(store: Store, q: str, page: int) -> tuple[list[ArticleRow], int]:
    where, params = "", []
    if q:
        where = " WHERE a.title ILIKE ? ESCAPE '\\' OR a.doc ILIKE ? ESCAPE '\\' OR a.outlet ILIKE ? ESCAPE '\\'"
        params = [f"%{_escape_like(q)}%"] * 3
    total = store.con.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()
    rows = store.con.execute(
        f"SELECT a.id, a.doc, a.title, a.outlet, a.published, a.words, g.group_id FROM articles a "
        f"LEFT JOIN reuse_groups g ON g.article_id = a.id{where} ORDER BY a.doc "
        f"LIMIT {PER_PAGE} OFFSET {(page - 1) * PER_PAGE}",
        params,
    ).fetchall()
    return [ArticleRow(*r) for r in rows], int(total[0]) if total else 0


def overview(store: Store, estimates: list[dict[str, Any]]) -> dict[str, Any]:
    """The dossier's overview figures, counted in SQL (same keys as ``report.view.overview``)."""
    one = lambda sql: store.con.execute(sql).fetchone()[0]  # noqa: E731
    dates = store.con.execute(
        "SELECT min(left(published, 10)), max(left(published, 10)) FROM articles WHERE published IS NOT NULL"
    ).fetchone()
    sizes = "SELECT group_id, count(*) AS n FROM reuse_groups GROUP BY group_id HAVING count(*) > 1"
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "outlets": [
            r[0]
            for r in store.con.execute(
                "SELECT DISTINCT coalesce(outlet, credited_source) o FROM articles WHERE o IS NOT NULL ORDER BY 1"
            ).fetchall()
        ],
        "reprint_groups": one(f"SELECT count(*) FROM ({sizes})"),
        "articles_in_reprint_groups": one(f"SELECT coalesce(sum(n), 0) FROM ({sizes})"),
        "date_span": [dates[0], dates[1]] if dates and dates[0] else None,
        "attributions": one("SELECT count(*) FROM attributions"),
        "claims": one("SELECT count(*) FROM web_claims"),
        "claims_in_several_articles": one("SELECT count(*) FROM web_claims WHERE articles > 1"),
        "claims_with_several_origins": one("SELECT count(*) FROM web_claims WHERE origins > 1"),
        "denied_claims": one("SELECT count(*) FROM web_claims WHERE denied"),
        "estimate_tables": len(estimates),
        "numeric_contradictions": sum(len(e["contradictions"]) for e in estimates),
    }
