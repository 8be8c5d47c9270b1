"""HTML fragments shared by the dossier and ``headwater serve``: grade badges, claim cards, article text.

Every string that comes from an article goes through :func:`e` (``html.escape``), so an article
containing ``<script>`` or an ``onerror=`` attribute shows as text and runs nothing. Where a link
lands is a :class:`Links`: in the dossier an anchor on the same page, in the app the article's page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from html import escape
from typing import Any

from headwater.claims.grade import CREDIBILITY, RELIABILITY  # the grade scale, defined once


def e(value: Any) -> str:
    if type(value) is str:
        return escape(value, quote=True)
    return escape("" if value is None else str(value), quote=True)


def anchor(article_id: str, start: int | None = None) -> str:
    return f"a-{e(article_id)}" + (f"-{int(start)}" if start is not None else "")


def speaker_key(name: str | None) -> str:
    """A short stable id for a speaker named ``name`` (case and spacing ignored): anchors and URLs."""
    folded = " ".join((name or "").split()).casefold()
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:12]


def grade_badge(reliability: str, credibility: str) -> str:
    """Two cells, each coloured on its own scale (A-F, 1-6), with the words as a tooltip; a claim
    that is not graded (a prediction, demand or opinion) says so."""
    if not reliability:
        return '<span class="grade" title="not graded: not a factual assertion or estimate"><span class="g">–</span></span>'
    r = reliability if reliability in RELIABILITY else "F"
    c = credibility if credibility in CREDIBILITY else "6"
    return (
        f'<span class="grade" title="{e(RELIABILITY[r])}; {e(CREDIBILITY[c])}">'
        f'<span class="g r-{r}">{r}</span><span class="g c-{c}">{c}</span></span>'
    )


class Links:
    """Where a link to a place in an article can land: the highlighted span that holds it (the
    ids ``highlight`` writes), else the article itself. A claim member cut from a longer statement
    or a figure inside one links to the statement it is in. ``page(article_id)`` is the URL of the
    page that shows the article ("" in the dossier, where every article is on the page)."""

    def __init__(self, articles: list[dict[str, Any]], page: Callable[[str], str] | None = None) -> None:
        self.spans = {
            a["id"]: [(st, en) for st, en, tag, _ in marks(a["text"], a["attributions"]) if tag == "mark"]
            for a in articles
        }
        self.page = page or (lambda _id: "")

    def href(self, article_id: str, pos: int | None = None) -> str:
        spans = self.spans.get(article_id, [])
        if pos is not None:
            for st, en in spans:
                if st <= pos < en:
                    return self.page(article_id) + "#" + anchor(article_id, st)
        return self.page(article_id) + "#" + anchor(article_id)


class Context:
    """What a claim card needs besides the claim: the articles it cites (by id), where links land,
    the speakers that have an entry (key -> href) and the URL of a claim."""

    def __init__(
        self, articles: list[dict[str, Any]], links: Links, speakers: dict[str, str], claim_href: Callable[[str], str]
    ) -> None:
        self.docs = {a["id"]: a for a in articles}
        self.links = links
        self.speakers = speakers
        self.claim_href = claim_href

    def speaker(self, name: str | None) -> str:
        """The speaker's name in bold, linked to their entry when they have one."""
        href = self.speakers.get(speaker_key(name)) if name else None
        if href is None:
            return f"<b>{e(name)}</b>"
        return f'<a class="who" href="{e(href)}"><b>{e(name)}</b></a>'


def claim_card(c: dict[str, Any], ctx: Context, open_: bool = False) -> str:
    """One claim as a collapsible card: summary line (grade, wording, counts), then the grade's
    reasons, the independent chains, the evidence and the denials."""
    g = c["grade"]
    articles = len({m["article_id"] for m in c["members"]})
    kind = f'<span class="chip">{e(c["type"])}</span>' if c.get("type") else ""
    summary = (
        f'<summary><h3>{grade_badge(g["reliability"], g["credibility"])} {e(c["text"])}</h3><div class="meta">{kind}'
        f"{c['independent_origins']} independent origin(s) · {articles} article(s) · {len(c['members'])} statement(s)"
        + (f' · <span class="chip deny">{_denied(c["denials"])}</span>' if c["denials"] else "")
        + (f" · likelihood in text: {e(g.get('likelihood'))}" if g.get("likelihood") else "")
        + "</div></summary>"
    )
    reasons = "".join(f"<li>{e(r)}</li>" for r in g["reasons"])
    parts = [summary, f'<ul class="reasons">{reasons}</ul>', _chains(c["origins"], ctx), _evidence(c["members"], ctx)]
    if c.get("contradicts"):
        links = ", ".join(f'<a href="{e(ctx.claim_href(i))}">{e(i)}</a>' for i in c["contradicts"])
        parts.append(f'<p class="meta">Contradicted by (the same proposition with the opposite polarity): {links}</p>')
    if c["denials"]:
        same: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for d in c["denials"]:
            same.setdefault((d["speaker"] or "", " ".join(d["text"].split())), []).append(d)
        parts.append("<h4>Denials</h4>" + "".join(_denial(ds, ctx) for ds in same.values()))
    cls = "card claim" + (" unattributed" if c.get("unattributed") else "")
    return f'<details class="{cls}" id="c-{e(c["id"])}"{" open" if open_ else ""}>' + "".join(parts) + "</details>"


def _denied(denials: list[dict[str, Any]]) -> str:
    """ "denied by 1 party (20 statements)": a side's speakers are one party, as in the grade."""
    parties = len({d["side"] if d["side"] != "unknown" else (d["speaker"] or "?") for d in denials})
    text = f"denied by {parties} part{'y' if parties == 1 else 'ies'}"
    return text + (f" ({len(denials)} statements)" if len(denials) > 1 else "")


def _chains(origins: list[dict[str, Any]], ctx: Context) -> str:
    items = []
    for o in origins:
        steps = [
            f'{ctx.speaker(o["speaker"])} <span class="chip">{e(o["type"])}</span>'
            f'<span class="chip side">{e(o["side"])}</span>'
        ]
        if o.get("first_outlet"):
            steps.append(e(o["first_outlet"]))
        if o.get("relayed_by") and o.get("order") == "unknown":
            steps.append(
                "carried by " + e(", ".join(o["relayed_by"])) + " (order unknown: no dates, citations or reuse "
                "direction tell which had it first)"
            )
        elif o.get("relayed_by"):
            steps.append("relayed by " + e(", ".join(o["relayed_by"])))
        items.append("<li>" + ' <span class="arrow">→</span> '.join(steps) + "</li>")
    return f'<h4>Chains</h4><ol class="chains">{"".join(items)}</ol>'


def doc_label(article_id: str, ctx: Context) -> str:
    a = ctx.docs.get(article_id)
    if not a:
        return e(article_id)
    return e(a["outlet"] or a["credited_source"] or a["doc"]) + f' <span class="meta">{e(a["doc"])}</span>'


def _evidence(members: list[dict[str, Any]], ctx: Context) -> str:
    out = []
    for m in members:
        a = m["attribution"]
        sp = a.get("speaker") or {}
        who = sp.get("resolved") or sp.get("text")
        via = f" via {e(a['via'])}" if a.get("via") else ""
        out.append(
            f'<blockquote>{e(a["content"]["text"])}<div class="meta">— '
            f"{ctx.speaker(who) if who else 'no source stated'} "
            f"({e(sp.get('type', 'unknown'))}, {e(sp.get('side', 'unknown'))}){via}, {e(a['kind'])}; "
            f'<a href="{e(ctx.links.href(m["article_id"], a["content"]["start"]))}">{doc_label(m["article_id"], ctx)}</a>'
            "</div></blockquote>"
        )
    return "<h4>Evidence</h4>" + "".join(out)


def _denial(same: list[dict[str, Any]], ctx: Context) -> str:
    """One denial as worded, with a link to every article that carries it."""
    d = same[0]
    links = "; ".join(
        f'<a href="{e(ctx.links.href(x["article_id"], x.get("start")))}">{doc_label(x["article_id"], ctx)}</a>'
        for x in same
        if x.get("article_id")
    )
    who = ctx.speaker(d["speaker"]) if d["speaker"] else "unnamed"
    whose = d.get("denies_claim_of") or []
    of = f"; denies the claim of {e(', '.join(whose))}" if whose else ""
    return f'<blockquote class="deny">{e(d["text"])}<div class="meta">— {who} ({e(d["side"])}){of}; {links}</div></blockquote>'


def marks(text: str, attributions: list[dict[str, Any]]) -> list[tuple[int, int, str, str]]:
    """The spans ``highlight`` wraps, in order: (start, end, tag, class); outermost spans win."""
    found: list[tuple[int, int, str, str]] = []
    for a in attributions:
        c = a["content"]
        cls = "deny" if a["stance"] == "deny" else ("unattributed" if a["kind"] == "unattributed" else "")
        found.append((c["start"], c["end"], "mark", cls))
        sp = a.get("speaker")
        if sp and sp.get("end", 0) > sp.get("start", 0):
            found.append((sp["start"], sp["end"], "b", "sp"))
    found.sort(key=lambda m: (m[0], -m[1]))
    out, pos = [], 0
    for start, end, tag, cls in found:
        if start < pos or start >= len(text) or end <= start:
            continue
        end = min(end, len(text))
        out.append((start, end, tag, cls))
        pos = end
    return out


def highlight(text: str, attributions: list[dict[str, Any]], article_id: str = "") -> str:
    """The escaped text with attributed contents in <mark> and speakers in bold (outermost spans win)."""
    out, pos = [], 0
    for start, end, tag, cls in marks(text, attributions):
        out.append(e(text[pos:start]))
        ident = f' id="{anchor(article_id, start)}"' if tag == "mark" else ""
        out.append(f'<{tag}{ident} class="{cls}">{e(text[start:end])}</{tag}>')
        pos = end
    out.append(e(text[pos:]))
    return "".join(out)


def article_text(a: dict[str, Any]) -> str:
    """An article's text with its spans, in the box both the dossier and the app show."""
    return f'<div class="text">{highlight(a["text"], a["attributions"], a["id"])}</div>'
