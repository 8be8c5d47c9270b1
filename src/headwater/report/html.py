"""Render the dossier's view data (the dict written as dossier.json) to one self-contained HTML page.

No script, no external resource: inline CSS and inline SVG only. Every string that comes from an
article goes through :func:`e` (``html.escape``), so an article containing ``<script>`` or an
``onerror=`` attribute shows as text and runs nothing.
"""

from __future__ import annotations

from html import escape
from typing import Any

from headwater.lang import describe_skipped
from headwater.report.charts import chart, side_colour
from headwater.report.style import CSS

RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "cannot be judged"}
CREDIBILITY = {"1": "confirmed", "2": "probably true", "3": "possibly true", "4": "doubtful", "5": "improbable",
               "6": "cannot be judged"}


def e(value: Any) -> str:
    if type(value) is str:
        return escape(value, quote=True)
    return escape("" if value is None else str(value), quote=True)


def anchor(article_id: str, start: int | None = None) -> str:
    return f"a-{e(article_id)}" + (f"-{int(start)}" if start is not None else "")


class Links:
    """Where a link to a place in an article can land: the highlighted span that holds it (the
    ids ``highlight`` writes), else the article itself. A claim member cut from a longer statement
    or a figure inside one links to the statement it is in."""

    def __init__(self, articles: list[dict[str, Any]]) -> None:
        self.spans = {a["id"]: [(st, en) for st, en, tag, _ in _marks(a["text"], a["attributions"]) if tag == "mark"]
                      for a in articles}

    def href(self, article_id: str, pos: int | None = None) -> str:
        spans = self.spans.get(article_id, [])
        if pos is not None:
            for st, en in spans:
                if st <= pos < en:
                    return "#" + anchor(article_id, st)
        return "#" + anchor(article_id)


def render(data: dict[str, Any]) -> str:
    docs = {a["id"]: a for a in data["articles"]}
    docs["_links"] = Links(data["articles"])
    body = [
        "<h1>Evidence dossier</h1>",
        '<nav><a href="#overview">Overview</a><a href="#claims">Claims</a><a href="#estimates">Estimates</a>'
        '<a href="#speakers">Speakers</a><a href="#articles">Articles</a></nav>',
        _overview(data["overview"]),
        _claims(data["claims"], docs),
        _estimates(data["estimates"], docs["_links"]),
        _speakers(data["speakers"]),
        _articles(data["articles"], data["claims"]),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:\">"
        f"<title>headwater dossier</title><style>{CSS}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _overview(o: dict[str, Any]) -> str:
    span = " to ".join(o["date_span"]) if o.get("date_span") else "no publication dates stated"
    rows = [
        ("Articles", o["articles"]),
        *([("Not analysed", describe_skipped(o["not_analysed"]).split(": ", 1)[1])] if o.get("not_analysed") else []),
        ("Outlets", ", ".join(o["outlets"]) or "none stated"),
        ("Reprint groups", f'{o["reprint_groups"]} ({o["articles_in_reprint_groups"]} articles)'),
        ("Date span", span), ("Attributions", o["attributions"]), ("Claims", o["claims"]),
        ("Claims in several articles", o["claims_in_several_articles"]),
        ("Claims with several independent origins", o["claims_with_several_origins"]),
        ("Denied claims", o["denied_claims"]),
        ("Estimated quantities", o["estimate_tables"]), ("Numeric contradictions", o["numeric_contradictions"]),
    ]
    cells = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
    return f'<h2 id="overview">Overview</h2><table class="overview">{cells}</table>'


def _claims(claims: list[dict[str, Any]], docs: dict[str, Any]) -> str:
    attributed = [c for c in claims if not c.get("unattributed")]
    unattributed = [c for c in claims if c.get("unattributed")]
    out = ['<h2 id="claims">Claims, ranked by independent origins</h2>',
           '<p class="meta">Grades: source reliability A-F and information credibility 1-6 (Admiralty code), '
           "computed by the rules in headwater.claims.grade; likelihood words (ICD 203) are shown apart.</p>"]
    out += [_claim(c, docs) for c in attributed]
    if unattributed:
        out.append('<h3>Statements with no stated source</h3><p class="meta">Hedged assertions ("are said to", '
                   '"reportedly") kept apart from attributed claims.</p>')
        out += [_claim(c, docs) for c in unattributed]
    return "\n".join(out)


def _claim(c: dict[str, Any], docs: dict[str, Any]) -> str:
    g = c["grade"]
    low = " low" if g["reliability"] in "DEF" or g["credibility"] in "456" else ""
    articles = len({m["article_id"] for m in c["members"]})
    head = (
        f'<div class="card claim{" unattributed" if c.get("unattributed") else ""}" id="c-{e(c["id"])}">'
        f'<h3>{e(c["text"])}</h3><div class="meta">'
        f'<span class="grade{low}" title="{e(RELIABILITY.get(g["reliability"]))}; '
        f'{e(CREDIBILITY.get(g["credibility"]))}">{e(g["reliability"])}{e(g["credibility"])}</span>'
        f'{c["independent_origins"]} independent origin(s) · {articles} article(s) · {len(c["members"])} statement(s)'
        + (f' · <span class="chip deny">{_denied(c["denials"])}</span>' if c["denials"] else "")
        + (f' · likelihood in text: {e(g.get("likelihood"))}' if g.get("likelihood") else "")
        + "</div>"
    )
    reasons = "".join(f"<li>{e(r)}</li>" for r in g["reasons"])
    parts = [head, f'<ul class="reasons">{reasons}</ul>', _chains(c["origins"]), _evidence(c["members"], docs)]
    if c["denials"]:
        same: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for d in c["denials"]:
            same.setdefault((d["speaker"] or "", " ".join(d["text"].split())), []).append(d)
        parts.append("<h4>Denials</h4>" + "".join(_denial(ds, docs) for ds in same.values()))
    return "".join(parts) + "</div>"


def _denied(denials: list[dict[str, Any]]) -> str:
    """"denied by 1 party (20 statements)": a side's speakers are one party, as in the grade."""
    parties = len({d["side"] if d["side"] != "unknown" else (d["speaker"] or "?") for d in denials})
    text = f"denied by {parties} part{'y' if parties == 1 else 'ies'}"
    return text + (f" ({len(denials)} statements)" if len(denials) > 1 else "")


def _chains(origins: list[dict[str, Any]]) -> str:
    items = []
    for o in origins:
        steps = [f'<b>{e(o["speaker"])}</b> <span class="chip">{e(o["type"])}</span>'
                 f'<span class="chip side">{e(o["side"])}</span>']
        if o.get("first_outlet"):
            steps.append(e(o["first_outlet"]))
        if o.get("relayed_by"):
            steps.append("relayed by " + e(", ".join(o["relayed_by"])))
        items.append("<li>" + ' <span class="arrow">→</span> '.join(steps) + "</li>")
    return f'<h4>Chains</h4><ol class="chains">{"".join(items)}</ol>'


def _doc_label(article_id: str, docs: dict[str, Any]) -> str:
    a = docs.get(article_id)
    if not a:
        return e(article_id)
    return e(a["outlet"] or a["credited_source"] or a["doc"]) + f' <span class="meta">{e(a["doc"])}</span>'


def _evidence(members: list[dict[str, Any]], docs: dict[str, Any]) -> str:
    out = []
    for m in members:
        a = m["attribution"]
        sp = a.get("speaker") or {}
        who = sp.get("resolved") or sp.get("text") or "no source stated"
        via = f' via {e(a["via"])}' if a.get("via") else ""
        out.append(
            f'<blockquote>{e(a["content"]["text"])}<div class="meta">— {e(who)} '
            f'({e(sp.get("type", "unknown"))}, {e(sp.get("side", "unknown"))}){via}, {e(a["kind"])}; '
            f'<a href="{docs["_links"].href(m["article_id"], a["content"]["start"])}">'
            f'{_doc_label(m["article_id"], docs)}</a>'
            "</div></blockquote>"
        )
    return "<h4>Evidence</h4>" + "".join(out)


def _denial(same: list[dict[str, Any]], docs: dict[str, Any]) -> str:
    """One denial as worded, with a link to every article that carries it."""
    d = same[0]
    links = "; ".join(
        f'<a href="{docs["_links"].href(x["article_id"], x.get("start"))}">{_doc_label(x["article_id"], docs)}</a>'
        for x in same if x.get("article_id"))
    return (
        f'<blockquote class="deny">{e(d["text"])}<div class="meta">— {e(d["speaker"] or "unnamed")} '
        f'({e(d["side"])}); {links}</div></blockquote>'
    )


def _estimates(estimates: list[dict[str, Any]], links: Links) -> str:
    out = ['<h2 id="estimates">Estimates side by side</h2>']
    if not estimates:
        out.append("<p>No numeric estimates found.</p>")
    for t in estimates:
        rows = "".join(
            f'<tr><td><span class="chip side" style="border-left:4px solid {side_colour(x["side"])}">'
            f'{e(x["side"])}</span> {e(x["speaker"] or "no source stated")}</td>'
            f'<td class="num">{e(x["wording"])}</td><td>{e(x["qualifier"] or "")}</td><td>{e(x["as_of"] or "")}</td>'
            f'<td><a href="{links.href(x["article_id"], x["start"])}">{e(x["doc"])}</a>'
            + (f' <span class="meta">also in {e(", ".join(x["also_in"]))}</span>' if x["also_in"] else "")
            + "</td></tr>"
            for x in t["entries"]
        )
        notes = "".join(f'<p class="contradiction">Contradiction: {e(c["note"])}</p>' for c in t["contradictions"])
        out.append(
            f'<div class="card"><h3>{e(t["quantity"])}</h3><table><tr><th>Source (side)</th><th>Figure</th>'
            f"<th>Qualifier</th><th>As of</th><th>Article</th></tr>{rows}</table>{notes}"
            f'<figure>{chart(t)}<figcaption>{e(t["quantity"])}: bars are ranges, dots single figures, '
            "arrows open-ended (\u201cmore than\u201d).</figcaption></figure></div>"
        )
    return "\n".join(out)


def _speakers(speakers: list[dict[str, Any]]) -> str:
    rows = "".join(
        f'<tr><td>{e(s["side"])}</td><td>{e(s["type"])}</td><td>{e(s["speaker"])}'
        + (f' <span class="meta">{e(s["role"])}</span>' if s["role"] else "")
        + f'</td><td class="num">{s["statements"]}</td><td class="num">{s["denials"]}</td>'
        f'<td>{e(", ".join(s["articles"]))}</td>'
        f'<td>{_claim_links(s["claims"])}</td></tr>'
        for s in speakers
    )
    return (
        '<h2 id="speakers">Speakers by side and type</h2><table><tr><th>Side</th><th>Type</th><th>Speaker</th>'
        f"<th>Statements</th><th>Denials</th><th>Articles</th><th>Claims</th></tr>{rows}</table>"
    )


def _claim_links(ids: list[str]) -> str:
    return " ".join(f'<a href="#c-{e(c)}">{e(c[:6])}</a>' for c in ids)


def _articles(articles: list[dict[str, Any]], claims: list[dict[str, Any]]) -> str:
    out = ['<h2 id="articles">Articles</h2><p class="legend meta"><span><mark>attributed content</mark></span>'
           '<span><mark class="deny">denial</mark></span><span><mark class="unattributed">no stated source</mark>'
           "</span><span><b>speaker</b></span></p>"]
    for a in articles:
        meta = [f"outlet: {e(a['outlet'] or 'not stated')}", f"credited source: {e(a['credited_source'] or 'none')}",
                f"reuse group: {e(a['reuse_group'] or 'none')}"]
        if a.get("origin") and a["origin"] != a["id"]:
            meta.append(f'copy of <a href="#{anchor(a["origin"])}">{e(a["origin"])}</a>')
        if a.get("published"):
            meta.append(f"published {e(a['published'])}")
        if not a.get("analysed", True):
            meta.append(f"<b>not analysed: language {e(a['language'])}</b>")
        if a.get("url"):
            meta.append(f"url: {e(a['url'])}")
        out.append(
            f'<div class="card" id="{anchor(a["id"])}"><h3>{e(a["title"] or a["doc"])}</h3>'
            f'<div class="meta">{e(a["doc"])} · {" · ".join(meta)}</div>'
            f'<div class="text">{highlight(a["text"], a["attributions"], a["id"])}</div></div>'
        )
    return "\n".join(out)


def _marks(text: str, attributions: list[dict[str, Any]]) -> list[tuple[int, int, str, str]]:
    """The spans ``highlight`` wraps, in order: (start, end, tag, class); outermost spans win."""
    marks: list[tuple[int, int, str, str]] = []
    for a in attributions:
        c = a["content"]
        cls = "deny" if a["stance"] == "deny" else ("unattributed" if a["kind"] == "unattributed" else "")
        marks.append((c["start"], c["end"], "mark", cls))
        sp = a.get("speaker")
        if sp and sp.get("end", 0) > sp.get("start", 0):
            marks.append((sp["start"], sp["end"], "b", "sp"))
    marks.sort(key=lambda m: (m[0], -m[1]))
    out, pos = [], 0
    for start, end, tag, cls in marks:
        if start < pos or start >= len(text) or end <= start:
            continue
        end = min(end, len(text))
        out.append((start, end, tag, cls))
        pos = end
    return out


def highlight(text: str, attributions: list[dict[str, Any]], article_id: str = "") -> str:
    """The escaped text with attributed contents in <mark> and speakers in bold (outermost spans win)."""
    out, pos = [], 0
    for start, end, tag, cls in _marks(text, attributions):
        out.append(e(text[pos:start]))
        ident = f' id="{anchor(article_id, start)}"' if tag == "mark" else ""
        out.append(f'<{tag}{ident} class="{cls}">{e(text[start:end])}</{tag}>')
        pos = end
    out.append(e(text[pos:]))
    return "".join(out)
