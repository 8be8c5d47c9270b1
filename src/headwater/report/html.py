"""Render the dossier's view data (the dict written as dossier.json) to one self-contained HTML page.

No external resource: inline CSS, inline SVG, and one inline script (sort and filter the claims
index; allowed by its hash in the Content-Security-Policy, and the page reads fully without it).
The page shell, the claims index and the overview are Jinja2 templates (autoescaped) shared with
``headwater serve``; the claim cards and article texts are the fragments of ``report.cards``, which
escape every string from an article through :func:`e`.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from headwater.report.cards import (
    Context,
    Links,
    anchor,
    article_text,
    claim_card,
    e,
    highlight,
    speaker_key,
)
from headwater.report.charts import chart, side_colour
from headwater.report.templates import csp, render_template, script
from headwater.views.claims import claim_row

__all__ = ["Links", "anchor", "e", "highlight", "render"]


def render(data: dict[str, Any]) -> str:
    links = Links(data["articles"])
    speakers = {speaker_key(s["speaker"]): "#s-" + speaker_key(s["speaker"]) for s in data["speakers"]}
    ctx = Context(data["articles"], links, speakers, lambda cid: "#c-" + cid)
    claims = data["claims"]
    texts = {c["id"]: c["text"] for c in claims}
    groups = {g["id"]: g for g in data.get("reprint_groups", [])}
    return render_template(
        "dossier.html",
        title="headwater dossier",
        csp=csp(),
        script=script(),
        data=data,
        rows=[claim_row(c) for c in claims],
        claim_href=lambda cid: "#c-" + cid,
        cards=Markup("\n".join(claim_card(c, ctx) for c in claims if not c.get("unattributed"))),
        unattributed_cards=Markup("\n".join(claim_card(c, ctx) for c in claims if c.get("unattributed"))),
        estimates=Markup(estimates_section(data["estimates"], links)),
        speakers=Markup(speakers_section(data["speakers"], texts, lambda cid: "#c-" + cid)),
        groups=Markup(groups_section(list(groups.values()), lambda aid: "#" + anchor(aid))),
        articles=Markup(_articles(data["articles"], groups)),
    )


def estimates_section(estimates: list[dict[str, Any]], links: Links) -> str:
    out = ['<h2 id="estimates">Estimates side by side</h2>']
    if not estimates:
        out.append("<p>No numeric estimates found.</p>")
    for t in estimates:
        rows = "".join(
            f'<tr><td><span class="chip side" style="border-left:4px solid {side_colour(x["side"])}">'
            f"{e(x['side'])}</span> {e(x['speaker'] or 'no source stated')}</td>"
            f'<td class="num">{e(x["wording"])}</td><td>{e(x["qualifier"] or "")}</td><td>{e(x["as_of"] or "")}</td>'
            f'<td><a href="{e(links.href(x["article_id"], x["start"]))}">{e(x["doc"])}</a>'
            + (f' <span class="meta">also in {e(", ".join(x["also_in"]))}</span>' if x["also_in"] else "")
            + "</td></tr>"
            for x in t["entries"]
        )
        notes = "".join(f'<p class="contradiction">Contradiction: {e(c["note"])}</p>' for c in t["contradictions"])
        out.append(
            f'<div class="card"><h3>{e(t["quantity"])}</h3><div class="scroll"><table><tr><th>Source (side)</th>'
            f"<th>Figure</th><th>Qualifier</th><th>As of</th><th>Article</th></tr>{rows}</table></div>{notes}"
            f"<figure>{chart(t)}<figcaption>{e(t['quantity'])}: bars are ranges, dots single figures, "
            "arrows open-ended (\u201cmore than\u201d).</figcaption></figure></div>"
        )
    return "\n".join(out)


def speakers_section(
    speakers: list[dict[str, Any]], claim_texts: dict[str, str], claim_href: Any, speaker_href: Any = None
) -> str:
    rows = "".join(
        f'<tr id="s-{speaker_key(s["speaker"])}"><td>{e(s["side"])}</td><td>{e(s["type"])}</td><td>'
        + (f'<a href="{e(speaker_href(s))}">{e(s["speaker"])}</a>' if speaker_href else e(s["speaker"]))
        + (f' <span class="meta">{e(s["role"])}</span>' if s["role"] else "")
        + f'</td><td class="num">{s["statements"]}</td><td class="num">{s["denials"]}</td>'
        f"<td>{e(', '.join(s['articles']))}</td>"
        f"<td>{claim_links(s['claims'], claim_texts, claim_href)}</td></tr>"
        for s in speakers
    )
    return (
        '<h2 id="speakers">Speakers by side and type</h2><div class="scroll"><table><tr><th>Side</th><th>Type</th>'
        f"<th>Speaker</th><th>Statements</th><th>Denials</th><th>Articles</th><th>Claims</th></tr>{rows}</table></div>"
    )


def claim_links(ids: list[str], texts: dict[str, str], href: Any, most: int = 3) -> str:
    """The first claims by their wording (cut at 60 characters), and how many more."""
    shown = [f'<li><a href="{e(href(c))}">{e(_cut(texts.get(c, c), 60))}</a></li>' for c in ids[:most]]
    more = f'<li class="meta">and {len(ids) - most} more</li>' if len(ids) > most else ""
    return f'<ul class="claims">{"".join(shown)}{more}</ul>' if shown else ""


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def groups_section(groups: list[dict[str, Any]], article_href: Any) -> str:
    out = ['<h2 id="groups">Reprint groups</h2>']
    if not groups:
        out.append("<p>No article is a copy or rewrite of another.</p>")
    for g in groups:
        items = "".join(
            f'<li><a href="{e(article_href(a["id"]))}">{e(a["title"] or a["doc"])}</a> '
            f'<span class="meta">{e(a["doc"])}{" · " + e(a["outlet"]) if a["outlet"] else ""}'
            f"{' · origin' if a['id'] == g['origin'] else ''}</span></li>"
            for a in g["articles"]
        )
        out.append(
            f'<div class="card" id="g-{e(g["id"])}"><h3>{e(g["name"])} '
            f'<span class="meta">{len(g["articles"])} articles</span></h3><ul>{items}</ul></div>'
        )
    return "\n".join(out)


def group_link(group: dict[str, Any] | None, href: str) -> str:
    if group is None:
        return "none"
    return f'<a href="{e(href)}">{e(group["name"])}</a> ({len(group["articles"])} articles)'


def article_meta(a: dict[str, Any], groups: dict[str, dict[str, Any]], group_href: Any, article_href: Any) -> str:
    meta = [
        f"outlet: {e(a['outlet'] or 'not stated')}",
        f"credited source: {e(a['credited_source'] or 'none')}",
        "reprint group: " + group_link(groups.get(a["reuse_group"] or ""), group_href(a["reuse_group"] or "")),
    ]
    if a.get("origin") and a["origin"] != a["id"]:
        meta.append(f'copy of <a href="{e(article_href(a["origin"]))}">{e(_origin_name(a["origin"], groups))}</a>')
    if a.get("published"):
        meta.append(f"published {e(a['published'])}")
    if not a.get("analysed", True):
        meta.append(f"<b>not analysed: language {e(a['language'])}</b>")
    if a.get("url"):
        meta.append(f"url: {e(a['url'])}")
    return f'<div class="meta">{e(a["doc"])} · {" · ".join(meta)}</div>'


def _origin_name(origin: str, groups: dict[str, dict[str, Any]]) -> str:
    for g in groups.values():
        for a in g["articles"]:
            if a["id"] == origin:
                return str(a["title"] or a["doc"])
    return origin


LEGEND = (
    '<p class="legend meta"><span><mark>attributed content</mark></span><span><mark class="deny">denial</mark>'
    '</span><span><mark class="unattributed">no stated source</mark></span><span><b>speaker</b></span></p>'
)


def _articles(articles: list[dict[str, Any]], groups: dict[str, dict[str, Any]]) -> str:
    out = ['<h2 id="articles">Articles</h2>' + LEGEND]
    for a in articles:
        meta = article_meta(a, groups, lambda gid: "#g-" + gid, lambda aid: "#" + anchor(aid))
        out.append(
            f'<div class="card" id="{anchor(a["id"])}"><h3>{e(a["title"] or a["doc"])}</h3>{meta}'
            f"{article_text(a)}</div>"
        )
    return "\n".join(out)
