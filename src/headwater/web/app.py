"""The ASGI app of ``headwater serve``: every page, its JSON twin (path + ``.json``), and the guard
that keeps it read-only (GET and HEAD only) and sends the security headers."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from headwater.report import claim_view
from headwater.report.cards import Context, Links, anchor, article_text, claim_card, speaker_key
from headwater.report.html import LEGEND, article_meta, estimates_section, groups_section, speakers_section
from headwater.report.templates import csp, render_template
from headwater.report.view import shallow
from headwater.store import Store
from headwater.views.articles import article_views
from headwater.web import queries
from headwater.web.snapshot import Snapshot, Snapshots

CSP = csp(scripts=False, forms=True)
HEADERS = {
    "Content-Security-Policy": CSP + "; frame-ancestors 'none'",  # not allowed in the page's <meta>
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def claim_href(claim_id: str) -> str:
    return "/claims/" + quote(claim_id, safe="")


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def speaker_href(name: str) -> str:
    return "/speakers/" + speaker_key(name)


class NotFound(Exception):
    pass


class Page:
    """What a handler returns: a template with its values, and the JSON twin's data."""

    def __init__(self, template: str, data: Any, **values: Any) -> None:
        self.template, self.data, self.values = template, data, values


class Site:
    """The pages over the current snapshot. Heavier views (speakers, groups, estimates) are built
    once per snapshot and kept with it."""

    def __init__(self, snapshots: Snapshots) -> None:
        self.snapshots = snapshots
        self._lock = threading.Lock()

    def cached(self, snap: Snapshot, name: str, build: Callable[[Store], Any]) -> Any:
        with self._lock:
            if name not in snap.cache:
                store = snap.cursor()
                try:
                    snap.cache[name] = build(store)
                finally:
                    store.con.close()
            return snap.cache[name]

    def estimates(self, snap: Snapshot) -> list[dict[str, Any]]:
        from headwater.store.claims import load_estimate_tables

        return self.cached(snap, "estimates", load_estimate_tables)  # type: ignore[no-any-return]

    def speakers(self, snap: Snapshot) -> list[dict[str, Any]]:
        from headwater.store.claims import load_speakers

        return self.cached(snap, "speakers", load_speakers)  # type: ignore[no-any-return]

    def groups(self, snap: Snapshot) -> list[dict[str, Any]]:
        def build(store: Store) -> list[dict[str, Any]]:
            from headwater.report.view import reuse_views
            from headwater.store.reuse import load_groups, load_origins

            groups, origins = load_groups(store), load_origins(store)
            rows = store.con.execute("SELECT id, doc, title, outlet FROM articles").fetchall()
            docs = [_Doc(*r) for r in rows]
            return reuse_views(docs, [], groups, origins)[1]  # type: ignore[arg-type]

        return self.cached(snap, "groups", build)  # type: ignore[no-any-return]


class _Doc:
    """The fields of a Document that ``reuse_views`` names articles by."""

    def __init__(self, id: str, doc: str, title: str | None, outlet: str | None) -> None:
        self.id, self.doc, self.title, self.outlet = id, doc, title, outlet


def _pager(base: str, params: dict[str, str], page: int, total: int) -> tuple[str, str]:
    def href(n: int) -> str:
        p = {**params, "page": str(n)} if n > 1 else {k: v for k, v in params.items() if k != "page"}
        return base + ("?" + urlencode(p) if p else "")

    prev = href(page - 1) if page > 1 else ""
    nxt = href(page + 1) if page * queries.PER_PAGE < total else ""
    return prev, nxt


def overview_page(site: Site, snap: Snapshot, store: Store, params: Any) -> Page:
    data = queries.overview(store, site.estimates(snap))
    top = queries.claims(store, queries.ClaimQuery(), snap.fts).rows[:10]
    return Page(
        "overview.html",
        {"overview": data, "top_claims": [asdict(r) for r in top]},
        overview=data,
        rows=top,
        title="headwater: overview",
    )


def claims_page(site: Site, snap: Snapshot, store: Store, params: Any) -> Page:
    q = queries.ClaimQuery.from_params(params)
    page = queries.claims(store, q, snap.fts)
    prev, nxt = _pager("/claims", q.params(), q.page, page.total)
    data = {
        "total": page.total,
        "page": q.page,
        "per_page": queries.PER_PAGE,
        "search": page.search,
        "query": q.params(page=q.page),
        "claims": [asdict(r) for r in page.rows],
        "next": (nxt.replace("/claims?", "/claims.json?", 1) if nxt else None),
    }
    first = (q.page - 1) * queries.PER_PAGE + 1
    return Page(
        "claims.html",
        data,
        rows=page.rows,
        total=page.total,
        query=q,
        search=page.search,
        facets=site.cached(snap, "facets", queries.facets),
        sorts=list(queries.SORTS),
        first=first,
        last=first + len(page.rows) - 1,
        prev_href=prev,
        next_href=nxt,
        title=f"headwater: claims{' matching ' + q.q if q.q else ''}",
    )


def _articles_for(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    from headwater.store.articles import iter_documents
    from headwater.store.attributions import load_attributions
    from headwater.store.reuse import load_groups, load_origins

    docs = list(iter_documents(store, ids))
    atts = [a for d in docs for a in load_attributions(store, d.id)]
    return [shallow(v) for v in article_views(docs, atts, load_groups(store), load_origins(store))]


def claim_page(site: Site, snap: Snapshot, store: Store, claim_id: str) -> Page:
    record = queries.claim(store, claim_id)
    if record is None:
        raise NotFound(claim_id)
    view = claim_view(record)  # type: ignore[arg-type]
    ids = list(dict.fromkeys([m["article_id"] for m in view["members"]] + [d["article_id"] for d in view["denials"]]))
    arts = _articles_for(store, ids[:100])
    speakers = {speaker_key(s["speaker"]): speaker_href(s["speaker"]) for s in site.speakers(snap)}
    ctx = Context(arts, Links(arts, article_href), speakers, claim_href)
    return Page(
        "fragment.html",
        view,
        heading="Claim",
        html=Markup(claim_card(view, ctx, open_=True)),
        title=f"headwater: {view['text'][:80]}",
    )


def articles_page(site: Site, snap: Snapshot, store: Store, params: Any) -> Page:
    q = str(params.get("q", "") or "")[:200]
    try:
        page = max(1, int(params.get("page", "1") or 1))
    except ValueError:
        page = 1
    rows, total = queries.articles(store, q, page)
    prev, nxt = _pager("/articles", {"q": q} if q else {}, page, total)
    data = {"total": total, "page": page, "per_page": queries.PER_PAGE, "articles": [asdict(r) for r in rows]}
    return Page(
        "articles.html", data, rows=rows, total=total, q=q, prev_href=prev, next_href=nxt, title="headwater: articles"
    )


def article_page(site: Site, snap: Snapshot, store: Store, article_id: str) -> Page:
    arts = _articles_for(store, [article_id])
    if not arts:
        raise NotFound(article_id)
    a = arts[0]
    groups = {g["id"]: g for g in site.groups(snap)}
    rows = queries.claims_of_article(store, article_id)
    meta = article_meta(a, groups, lambda gid: "/groups#g-" + gid, article_href)
    data = {**a, "claims": [asdict(r) for r in rows]}
    return Page(
        "article.html",
        data,
        article=a,
        anchor=anchor(a["id"]),
        meta=Markup(meta),
        legend=Markup(LEGEND),
        text=Markup(article_text(a)),
        rows=rows,
        title=f"headwater: {a['title'] or a['doc']}",
    )


def speakers_page(site: Site, snap: Snapshot, store: Store, params: Any) -> Page:
    speakers = site.speakers(snap)
    ids = sorted({c for s in speakers for c in s["claims"][:3]})
    texts = {r.id: r.text for r in queries.claim_rows(store, ids)} if ids else {}
    html = speakers_section(speakers, texts, claim_href, lambda s: speaker_href(s["speaker"]))
    return Page("fragment.html", speakers, heading="", html=Markup(html), title="headwater: speakers")


def speaker_page(site: Site, snap: Snapshot, store: Store, key: str) -> Page:
    found = next((s for s in site.speakers(snap) if speaker_key(s["speaker"]) == key), None)
    if found is None:
        raise NotFound(key)
    rows = queries.claim_rows(store, found["claims"]) if found["claims"] else []
    return Page("speaker.html", found, s=found, rows=rows, title=f"headwater: {found['speaker']}")


def groups_page(site: Site, snap: Snapshot, store: Store, params: Any) -> Page:
    groups = site.groups(snap)
    return Page(
        "fragment.html",
        groups,
        heading="",
        html=Markup(groups_section(groups, article_href)),
        title="headwater: reprint groups",
    )


def estimates_page(site: Site, snap: Snapshot, store: Store, params: Any) -> Page:
    estimates = site.estimates(snap)
    html = estimates_section(estimates, Links([], article_href))
    return Page("fragment.html", estimates, heading="", html=Markup(html), title="headwater: estimates")


def check_page(site: Site, snap: Snapshot, store: Store, params: Any) -> Page:
    """ "Check a claim": the claims of the store that match the text (the full-text search the claim
    list uses), for the checker's own command to take further."""
    text = str(params.get("text", "") or "")[:500]
    page = queries.claims(store, queries.ClaimQuery(q=text), snap.fts) if text else None
    rows = page.rows if page else []
    data = {"text": text, "matches": [asdict(r) for r in rows]}
    return Page(
        "claims.html",
        data,
        rows=rows,
        total=page.total if page else 0,
        query=queries.ClaimQuery(q=text),
        search=page.search if page else "",
        facets=site.cached(snap, "facets", queries.facets),
        sorts=list(queries.SORTS),
        first=1,
        last=len(rows),
        prev_href="",
        next_href="",
        title="headwater: check a claim",
    )


LISTS: dict[str, Callable[[Site, Snapshot, Store, Any], Page]] = {
    "/": overview_page,
    "/index": overview_page,
    "/claims": claims_page,
    "/articles": articles_page,
    "/speakers": speakers_page,
    "/groups": groups_page,
    "/estimates": estimates_page,
    "/check": check_page,
}
ITEMS: dict[str, Callable[[Site, Snapshot, Store, str], Page]] = {
    "claims": claim_page,
    "articles": article_page,
    "speakers": speaker_page,
}
_ITEM = re.compile(r"^/(claims|articles|speakers)/([^/]{1,200})$")


def create_app(snapshots: Snapshots) -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    site = Site(snapshots)
    name = snapshots.source.name

    def endpoint(request: Request) -> Response:
        path = request.url.path
        as_json = path.endswith(".json")
        if as_json:
            path = path[: -len(".json")] or "/"
        snap = snapshots.get()
        store = snap.cursor()
        try:
            page = _dispatch(site, snap, store, path, request.query_params)
            status = 200
        except NotFound:
            page = Page(
                "fragment.html",
                {"error": "not found", "path": request.url.path},
                heading="Not found",
                html=Markup('<p>No such page in this store. Try the <a href="/claims">claims</a>.</p>'),
                title="headwater: not found",
            )
            status = 404
        finally:
            store.con.close()
        if as_json:
            return JSONResponse(page.data, status_code=status)
        qs = ("?" + request.url.query) if request.url.query else ""
        json_href = (path.rstrip("/") or "/index") + ".json" + qs
        html = render_template(
            page.template,
            "headwater.web",
            csp=CSP,
            script=None,
            store_name=name,
            taken=time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(snap.taken_at)),
            fts=snap.fts,
            json_href=json_href,
            claim_href=claim_href,
            **page.values,
        )
        return HTMLResponse(html, status_code=status)

    app = Starlette(routes=[Route("/{path:path}", endpoint, methods=["GET", "HEAD"])])
    return Guard(app)


def _dispatch(site: Site, snap: Snapshot, store: Store, path: str, params: Any) -> Page:
    if path in LISTS:
        return LISTS[path](site, snap, store, params)
    m = _ITEM.match(path)
    if m:
        return ITEMS[m.group(1)](site, snap, store, m.group(2))
    raise NotFound(path)


class Guard:
    """Only GET and HEAD reach the app (anything else: 405 with ``Allow``); every response gets the
    security headers."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        from starlette.datastructures import MutableHeaders
        from starlette.responses import PlainTextResponse

        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in HEADERS.items():
                    headers[k] = v
            await send(message)

        if scope["method"] not in ("GET", "HEAD"):
            response = PlainTextResponse(
                "405 Method Not Allowed: headwater serve is read-only\n",
                status_code=405,
                headers={"Allow": "GET, HEAD"},
            )
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)
