"""``headwater serve``: pages and JSON twins, search and filters, read-only guard, headers, escaping,
snapshots that never block a writer; one test starts the real command on a free port."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from test_report_golden import needs_pipeline
from web_helpers import CONTENT, KNOWN_CLAIM, OUTLET, SPEAKER, TITLE, build, free_port

pytest.importorskip("starlette")
pytestmark = [
    needs_pipeline,
    pytest.mark.filterwarnings("ignore:Using `httpx`"),
    pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/corpus is absent"),
]
PAYLOADS = ("<script>alert", "<img src=x", "<svg onload", "<b onmouseover", "<i onmouseover")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("web"))[0]


@pytest.fixture(scope="module")
def snapshots(store: Path) -> Any:
    from headwater.web.snapshot import Snapshots

    snaps = Snapshots(store)
    yield snaps
    snaps.close()


@pytest.fixture(scope="module")
def client(snapshots: Any) -> Any:
    from starlette.testclient import TestClient

    from headwater.web.app import create_app

    with TestClient(create_app(snapshots)) as c:
        yield c


def test_search_finds_a_known_claim_in_json_and_html(client: Any) -> None:
    data = client.get(f"/claims.json?q={KNOWN_CLAIM}").json()
    assert data["total"] > 0 and data["search"] == "fts"
    texts = [c["text"] for c in data["claims"]]
    assert any(KNOWN_CLAIM in t.lower() for t in texts)
    html = client.get(f"/claims?q={KNOWN_CLAIM}").text
    assert any(t.split()[0] in html for t in texts)
    everything = client.get("/claims.json").json()["total"]
    assert data["total"] < everything


def test_search_falls_back_to_substrings(client: Any) -> None:
    data = client.get("/claims.json?q=reservis").json()  # no whole word: the full-text index finds nothing
    assert data["search"] == "substring" and data["total"] > 0


def test_filters_hold_on_every_row(client: Any) -> None:
    rows = client.get("/claims.json?reliability=D").json()["claims"]
    assert rows and all(r["reliability"] == "D" for r in rows)
    rows = client.get("/claims.json?grade=C3").json()["claims"]
    assert rows and all((r["reliability"], r["credibility"]) == ("C", "3") for r in rows)
    rows = client.get("/claims.json?denied=1").json()["claims"]
    assert rows and all(r["denied"] for r in rows)
    rows = client.get("/claims.json?side=AL").json()["claims"]
    assert rows and all("AL" in r["sides"] for r in rows)
    everything = client.get("/claims.json").json()["total"]
    assert client.get("/claims.json?outlet=Halden+Daily").json()["total"] < everything
    assert client.get("/claims.json?from=2030-01-01").json()["total"] == 0
    assert client.get("/claims.json?reliability=<script>").json()["total"] == everything  # ignored, not passed on


def test_paging_and_sorting(client: Any) -> None:
    first = client.get("/claims.json").json()
    assert first["total"] > 50 and len(first["claims"]) == 50 and first["next"]
    second = client.get(first["next"]).json()
    assert not {c["id"] for c in first["claims"]} & {c["id"] for c in second["claims"]}
    by_articles = client.get("/claims.json?sort=articles").json()["claims"]
    counts = [c["articles"] for c in by_articles]
    assert counts == sorted(counts, reverse=True)


def test_every_page_and_its_json_twin(client: Any) -> None:
    claim_id = client.get("/claims.json").json()["claims"][0]["id"]
    article_id = client.get("/articles.json").json()["articles"][0]["id"]
    speaker = client.get("/speakers.json").json()[0]["speaker"]
    from headwater.report.cards import speaker_key

    for path in (
        "/",
        "/claims",
        f"/claims/{claim_id}",
        "/articles",
        f"/articles/{article_id}",
        "/speakers",
        f"/speakers/{speaker_key(speaker)}",
        "/groups",
        "/estimates",
    ):
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        twin = client.get((path if path != "/" else "/index") + ".json")
        assert twin.status_code == 200 and twin.headers["content-type"] == "application/json", path
    claim = client.get(f"/claims/{claim_id}.json").json()
    assert claim["id"] == claim_id and {"grade", "members", "origins", "type"} <= set(claim)
    article = client.get(f"/articles/{article_id}")
    assert f'id="a-{article_id}' in article.text and "<mark" in article.text


def test_unknown_paths_are_404(client: Any) -> None:
    assert 'action="/check"' in client.get("/").text  # headwater.check is part of the package: always offered
    for path in ("/nope", "/claims/doesnotexist", "/claims/doesnotexist.json", "/articles/x", "/speakers/x"):
        page = client.get(path)
        assert page.status_code == 404, path
    assert client.get("/claims/doesnotexist.json").json()["error"] == "not found"


def test_read_only_and_headers(client: Any) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        page = client.request(method, "/claims")
        assert page.status_code == 405 and "GET" in page.headers["allow"]
    assert client.head("/claims").status_code == 200
    for path in ("/", "/nope", "/claims.json"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert "default-src 'none'" in headers["content-security-policy"]
        assert "script-src 'none'" in headers["content-security-policy"]


def test_hostile_fields_are_escaped_everywhere(client: Any) -> None:
    hits = client.get("/claims.json?q=misinformed").json()["claims"]
    hostile = [c["id"] for c in hits]
    assert hostile
    arts = client.get("/articles.json?q=Evil").json()["articles"]
    assert arts
    from headwater.report.cards import speaker_key

    pages = [
        "/",
        "/claims?q=misinformed",
        "/articles",
        "/speakers",
        "/groups",
        "/estimates",
        f"/speakers/{speaker_key(SPEAKER)}",
        *(f"/claims/{i}" for i in hostile),
        *(f"/articles/{a['id']}" for a in arts),
        "/claims?q=<script>alert(1)</script>",
    ]
    shown = ""
    for path in pages:
        html = client.get(path).text
        for payload in PAYLOADS:
            assert payload not in html, (path, payload)
        shown += html
    for raw in (TITLE, OUTLET, CONTENT):
        assert (
            raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;") in shown
            or raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") in shown
        ), raw


def test_snapshot_never_holds_the_store_and_refreshes_after_a_write(store: Path, snapshots: Any, client: Any) -> None:
    claim_id = client.get("/claims.json").json()["claims"][0]["id"]
    # A writer in another process opens the store while the app serves it.
    code = (
        "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
        "c.execute(\"UPDATE claims SET text = 'Rewritten by a later run' WHERE id = ?\", [sys.argv[2]]); c.close()"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(store), claim_id], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0, run.stderr
    assert snapshots.refresh_now()
    assert client.get(f"/claims/{claim_id}.json").json()["text"] == "Rewritten by a later run"


def test_no_copy_while_a_writer_holds_the_store(store: Path, tmp_path: Path) -> None:
    from headwater.web.snapshot import take, writer_active

    code = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(30)"
    writer = subprocess.Popen([sys.executable, "-c", code, str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout and writer.stdout.readline().strip() == "open"
        assert writer_active(store)
        assert take(store, tmp_path) is None
    finally:
        writer.kill()
        writer.wait()
    assert not writer_active(store)


def _listening(port: int) -> list[str]:
    """Local addresses (hex, as in /proc/net/tcp*) listening on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, p = local.rsplit(":", 1)
            if int(p, 16) == port and state == "0A":
                found.append(addr)
    return found


def test_serve_command_binds_loopback_and_answers(store: Path) -> None:
    import tempfile

    folders = set(Path(tempfile.gettempdir()).glob("headwater-serve-*"))
    port = free_port()
    exe = Path(sys.executable).with_name("headwater")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", str(store), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        body = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/claims.json?q={KNOWN_CLAIM}", timeout=5) as r:
                    body = json.loads(r.read())
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        assert body is not None and body["total"] > 0, proc.stderr.read() if proc.poll() is not None else ""
        if os.path.exists("/proc/net/tcp"):
            assert _listening(port) == ["0100007F"]
    finally:
        proc.terminate()
        code = proc.wait(timeout=60)
    assert code == 0
    assert set(Path(tempfile.gettempdir()).glob("headwater-serve-*")) <= folders  # its snapshot is gone


def test_serve_names_a_store_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database", encoding="utf-8")
    exe = Path(sys.executable).with_name("headwater")
    run = subprocess.run([str(exe), "serve", "--db", str(bad)], capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 5 and str(bad) in run.stderr and "snapshot" not in run.stderr


def test_claim_types_from_the_store_are_shown_and_filtered(store: Path, tmp_path: Path) -> None:
    """When the claims table carries a type (the claims layer adds one), the list filters on it and
    the claim's JSON and page show it."""
    import shutil

    import duckdb
    from starlette.testclient import TestClient

    from headwater.web.app import create_app
    from headwater.web.snapshot import Snapshots

    copy = tmp_path / "typed.duckdb"
    shutil.copyfile(store, copy)
    con = duckdb.connect(str(copy))
    claim_id = con.execute("SELECT id FROM claims ORDER BY rank LIMIT 1").fetchone()[0]
    con.execute("ALTER TABLE claims ADD COLUMN IF NOT EXISTS type VARCHAR")
    con.execute("UPDATE claims SET type = 'assertion'")
    con.execute("UPDATE claims SET type = 'prediction' WHERE id = ?", [claim_id])
    con.close()
    snaps = Snapshots(copy)
    try:
        with TestClient(create_app(snaps)) as c:
            rows = c.get("/claims.json?type=prediction").json()["claims"]
            assert [r["id"] for r in rows] == [claim_id] and rows[0]["type"] == "prediction"
            assert c.get(f"/claims/{claim_id}.json").json()["type"] == "prediction"
            assert "<option selected>prediction</option>" in c.get("/claims?type=prediction").text
    finally:
        snaps.close()
