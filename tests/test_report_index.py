"""The dossier's claims index, cards, grade colours, links by name and the script's CSP hash."""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape
from html.parser import HTMLParser

from headwater.report.cards import speaker_key
from headwater.report.html import render
from headwater.report.style import CSS
from test_report_escape import _dossier


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.details = 0
        self.rows = 0
        self._tbody = False

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        self.details += tag == "details"
        self._tbody = self._tbody or tag == "tbody"
        self.rows += tag == "tr" and self._tbody

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "tbody":
            self._tbody = False


def _typed_dossier() -> dict:
    data = _dossier()
    data["claims"][0]["type"] = "prediction"
    return data


def test_index_lists_every_claim_and_every_link_lands() -> None:
    data = _typed_dossier()
    html = render(data)
    parsed = _Ids()
    parsed.feed(html)
    assert parsed.details == len(data["claims"])  # one collapsed card per claim
    assert parsed.rows >= len(data["claims"])
    index = html[html.index('id="claims-index"') : html.index("</table>", html.index('id="claims-index"'))]
    for c in data["claims"]:
        assert f'href="#c-{c["id"]}"' in index
    assert "<td>prediction</td>" in index and 'data-type="prediction"' in index
    missing = [h for h in parsed.hrefs if h not in parsed.ids]
    assert missing == []


def test_script_is_allowed_by_its_hash_and_nothing_else() -> None:
    html = render(_dossier())
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    policy = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))  # type: ignore[union-attr]
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("script-src")[1]


def test_every_grade_letter_and_digit_has_its_own_colour() -> None:
    def colour(cls: str) -> str:
        rule = next(r for r in CSS.split("}") if re.search(rf"\.{cls}\b", r.split("{")[0]))
        return re.search(r"background:\s*(#[0-9a-f]{6})", rule).group(1)  # type: ignore[union-attr]

    assert len({colour(f"r-{g}") for g in "ABCDEF"}) == 6
    assert len({colour(f"c-{g}") for g in "123456"}) == 6
    html = render(_dossier())
    g = _dossier()["claims"][0]["grade"]
    assert f'class="g r-{g["reliability"]}"' in html and f'class="g c-{g["credibility"]}"' in html


def test_speakers_are_linked_by_name() -> None:
    data = _dossier()
    html = render(data)
    name = data["speakers"][0]["speaker"]
    assert f'id="s-{speaker_key(name)}"' in html
    assert f'href="#s-{speaker_key(name)}"' in html
    # The speakers table names claims by their wording, not bare ids.
    speakers = html[html.index('id="speakers"') :]
    assert data["claims"][0]["text"][:20].replace('"', "&quot;").replace("<", "&lt;")[:10] in speakers


def test_charts_scale_with_their_box() -> None:
    html = render(_dossier())
    svgs = re.findall(r"<svg [^>]*>", html)
    assert svgs and all("viewBox" in s and "width=" not in s for s in svgs)
    assert "svg { width: 100%" in CSS and ".scroll { overflow-x: auto" in CSS
