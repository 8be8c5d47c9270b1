"""The dossier and ``headwater serve`` in a real headless browser (Debian's chromium driven by
Playwright): search and filters work, hostile markup in every user-controlled field stays inert,
nothing overflows a 400 px screen, and no chart label is clipped. Skips when chromium is absent."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from test_report_browser import CHROMIUM
from test_report_golden import needs_pipeline
from web_helpers import KNOWN_CLAIM, build, free_port

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    needs_pipeline,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make browser installs it as root)"),
    pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/corpus is absent"),
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INERT = """() => ({
  scripts: document.querySelectorAll('script').length,
  handlers: [...document.querySelectorAll('*')].filter(el => [...el.attributes].some(a => a.name.startsWith('on')))
    .map(el => el.outerHTML.slice(0, 80)),
  injected: document.querySelectorAll('img, iframe, object, embed, body svg:not([role=img])').length,
})"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
CLIPPED = """() => [...document.querySelectorAll('svg text')].filter(t => {
  const b = t.getBBox(), v = t.ownerSVGElement.viewBox.baseVal;
  return b.x < v.x - 1 || b.y < v.y - 1 || b.x + b.width > v.x + v.width + 1 || b.y + b.height > v.y + v.height + 1;
}).map(t => t.textContent)"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def server(built: tuple[Path, Path]) -> Iterator[str]:
    import uvicorn

    from headwater.web.app import create_app
    from headwater.web.snapshot import Snapshots

    snaps = Snapshots(built[0])
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(snaps), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=30)
    snaps.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    pg.on("console", lambda m: m.type == "error" and "favicon" not in m.text and pg.errors.append(m.text))  # type: ignore[attr-defined]
    yield pg
    context.close()


def _visible_rows(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "#claims-index tbody tr:not([hidden])",
        "rows => rows.map(r => ({text: r.textContent.toLowerCase(), rel: r.dataset.rel, denied: r.dataset.denied}))",
    )


def test_dossier_filters_and_sorts(built: tuple[Path, Path], page: Any) -> None:
    page.goto((built[1] / "dossier.html").as_uri())
    everything = len(_visible_rows(page))
    page.fill("#f-q", KNOWN_CLAIM)
    rows = _visible_rows(page)
    assert 0 < len(rows) < everything and all(KNOWN_CLAIM in r["text"] for r in rows)
    assert f"{len(rows)} of {everything}" in page.inner_text("#f-count")
    page.fill("#f-q", "")
    page.select_option("#f-rel", "D")
    rows = _visible_rows(page)
    assert 0 < len(rows) < everything and all(r["rel"] == "D" for r in rows)
    page.select_option("#f-rel", "")
    page.check("#f-denied")
    rows = _visible_rows(page)
    assert 0 < len(rows) < everything and all(r["denied"] == "1" for r in rows)
    page.uncheck("#f-denied")
    page.click("#claims-index thead th:nth-child(5) button")
    counts = page.eval_on_selector_all("#claims-index tbody tr td:nth-child(5)", "c => c.map(x => +x.dataset.v)")
    assert counts == sorted(counts, reverse=True)
    # A link from the index opens its (collapsed) card.
    first = page.get_attribute("#claims-index tbody tr td:nth-child(2) a", "href")
    page.click("#claims-index tbody tr td:nth-child(2) a")
    assert page.eval_on_selector(first, "d => d.open") is True
    assert page.dialogs == [] and page.errors == []


def test_dossier_and_app_keep_hostile_markup_inert(built: tuple[Path, Path], server: str, page: Any) -> None:
    page.goto((built[1] / "dossier.html").as_uri())
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    state = page.evaluate(INERT)
    assert state == {"scripts": 1, "handlers": [], "injected": 0}  # our one index script
    assert "<script>alert(2)</script>" in page.inner_text("body")
    hits = page.request.get(f"{server}/claims.json?q=misinformed").json()["claims"]
    arts = page.request.get(f"{server}/articles.json?q=Evil").json()["articles"]
    assert hits and arts
    for path in [
        "/",
        "/claims?q=misinformed",
        "/speakers",
        "/groups",
        "/articles",
        *(f"/claims/{c['id']}" for c in hits),
        *(f"/articles/{a['id']}" for a in arts),
    ]:
        page.goto(server + path)
        assert page.evaluate(INERT) == {"scripts": 0, "handlers": [], "injected": 0}, path
    assert page.dialogs == [] and page.errors == []


def test_app_search_and_filter_through_the_form(server: str, page: Any) -> None:
    page.goto(server + "/claims")
    page.fill("input[name=q]", KNOWN_CLAIM)
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/claims?*")
    rows = _visible_rows(page)
    assert rows and any(KNOWN_CLAIM in r["text"] for r in rows)
    assert "matching" in page.inner_text("#count")
    page.goto(server + "/claims")
    page.select_option("select[name=reliability]", "D")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**reliability=D**")
    rows = _visible_rows(page)
    assert rows and all(r["rel"] == "D" for r in rows)
    assert page.dialogs == [] and page.errors == []


def test_nothing_overflows_400_px(built: tuple[Path, Path], server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 400, "height": 800})
    pg = context.new_page()
    try:
        pg.goto((built[1] / "dossier.html").as_uri())
        assert pg.evaluate(OVERFLOW) <= 0
        pg.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        assert pg.evaluate(OVERFLOW) <= 0
        assert pg.evaluate(CLIPPED) == []
        claim = pg.request.get(f"{server}/claims.json").json()["claims"][0]["id"]
        for path in ("/", "/claims", f"/claims/{claim}", "/articles", "/speakers", "/estimates", "/groups"):
            pg.goto(server + path)
            assert pg.evaluate(OVERFLOW) <= 0, path
    finally:
        context.close()


def test_dossier_reads_without_scripts(built: tuple[Path, Path], browser: Any) -> None:
    context = browser.new_context(viewport={"width": 400, "height": 800}, java_script_enabled=False)
    pg = context.new_page()
    try:
        pg.goto((built[1] / "dossier.html").as_uri())
        rows = pg.eval_on_selector_all("#claims-index tbody tr", "r => r.length")
        cards = pg.eval_on_selector_all("details.claim", "d => d.length")
        assert rows == cards > 0
        assert pg.query_selector("#f-q") is None  # the filter box is the script's; nothing dead is shown
        pg.click("details.claim summary")
        assert pg.eval_on_selector("details.claim", "d => d.open") is True
        assert pg.evaluate(OVERFLOW) <= 0
    finally:
        context.close()
