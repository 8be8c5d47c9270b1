"""Every piece of article text is escaped: hostile markup shows as text and runs nothing."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from claims_helpers import att, doc
from headwater.claims.build import build_claims
from headwater.claims.origins import ArticleInfo
from headwater.extract.quantities import extract_quantities
from headwater.model import plain
from headwater.report import dossier_from
from headwater.report.html import highlight, render
from headwater.views.estimates import estimate_views
from headwater.views.speakers import speaker_views

HOSTILE = (
    'Officials said <script>alert("x")</script> 2,000 Ostreli tanks were destroyed.\n\n'
    '<img src=x onerror="alert(1)"> The minister said "the bridge <b>fell</b> on Friday night".'
)


def _dossier() -> dict:
    d = doc("h1", HOSTILE, outlet="Evil <i>Outlet</i>", credited='"><script>x()</script>')
    content = "the bridge <b>fell</b> on Friday night"
    atts = [
        att("h1", content, "The <em>minister</em>", type_="person", side="OS", text=HOSTILE),
        att(
            "h1",
            '<img src=x onerror="alert(1)"> claims are false',
            "Tarnov onerror=1",
            type_="person",
            side="VA",
            stance="deny",
            start=60,
        ),
    ]
    claims = build_claims(atts, {"h1": ArticleInfo("h1", "h1.txt", d.outlet, d.credited_source, None)})
    speakers = [plain(v) for v in speaker_views(atts, claims)]
    estimates = estimate_views(extract_quantities(d, atts), {})
    return dossier_from([d], atts, {}, {}, claims, speakers, estimates).to_dict()


ALLOWED = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "h4",
    "nav",
    "a",
    "table",
    "tr",
    "th",
    "td",
    "div",
    "span",
    "ul",
    "ol",
    "li",
    "p",
    "blockquote",
    "mark",
    "b",
    "figure",
    "figcaption",
    "svg",
    "line",
    "text",
    "g",
    "rect",
    "circle",
    "path",
    "details",
    "summary",
    "thead",
    "tbody",
    "script",
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.handlers: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.add(tag)
        for k, v in attrs:
            if k.startswith("on") or (k in ("src", "href") and "javascript" in (v or "")):
                self.handlers.append(k)

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text.append(data)


def test_hostile_article_is_escaped() -> None:
    html = render(_dossier())
    parser = _Tags()
    parser.feed(html)
    assert parser.tags <= ALLOWED, parser.tags - ALLOWED
    assert parser.handlers == []
    shown = "".join(parser.text)
    assert '<script>alert("x")</script>' in shown
    assert "onerror=" in shown and "<img src=x" in shown
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_no_external_requests() -> None:
    html = render(_dossier())
    for needle in ("http://", "https://", 'src="http', "@import", "url("):
        assert needle not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_json_twin_has_the_issue_shape() -> None:
    data = json.loads(json.dumps(_dossier()))
    assert {"articles", "claims", "estimates", "speakers"} <= set(data)
    claim = data["claims"][0]
    assert {"id", "text", "members", "origins", "independent_origins", "denials", "grade"} <= set(claim)
    assert {"article_id", "doc", "attribution"} <= set(claim["members"][0])
    assert {"speaker", "type", "side", "first_outlet", "relayed_by"} <= set(claim["origins"][0])
    assert {"reliability", "credibility", "reasons"} <= set(claim["grade"])
    est = data["estimates"][0]
    assert {"quantity", "unit", "entries"} <= set(est)
    assert {"value", "low", "high", "qualifier", "speaker", "side", "doc", "as_of"} <= set(est["entries"][0])


def test_highlight_marks_content_and_escapes_around_it() -> None:
    text = "A <b> said: x < y & z."
    a = att("h2", "x < y & z", "A <b>", type_="person", text=text).to_dict()
    out = highlight(text, [a], "h2")
    assert out.startswith('<b class="sp">A &lt;b&gt;</b>')
    assert '<mark id="a-h2-12" class="">x &lt; y &amp; z</mark>' in out
