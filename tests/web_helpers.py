"""A store for the web and browser tests: the example corpus, plus hostile markup in every field a
user controls (file name, title, outlet, url, speaker, content), run through the real stages."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from claims_helpers import att, doc
from conftest import EXAMPLES

# Every payload calls alert(): a browser test fails on any dialog.
FILE_NAME = "x<svg onload=alert(1)>.jsonl"
TITLE = "<script>alert(2)</script>Minister denies <b>report</b>"
OUTLET = "<img src=x onerror=alert(3)>Evil Outlet"
SPEAKER = 'Pavo <img src=x onerror=alert(4)> "><script>alert(5)</script>Drenn'
CONTENT = 'the Karvel bridge <svg onload=alert(6)> was held by "><script>alert(7)</script> misinformed crews'
HOSTILE_TEXT = f"{SPEAKER} said {CONTENT} on Sunday.\n\nOfficials said 2,000 soldiers <b onmouseover=alert(8)>held</b>."
KNOWN_CLAIM = "reservists"  # a word of claims in the example corpus


def build(tmp: Path) -> tuple[Path, Path]:
    """(store, dossier folder) for the example corpus plus the hostile inputs."""
    from headwater.config import load_config
    from headwater.exec.claims import run_claims
    from headwater.pipeline import run_pipeline
    from headwater.report import write_report
    from headwater.store import Store
    from headwater.store import articles as store_articles
    from headwater.store import attributions as store_attributions

    inputs = tmp / "inputs"
    inputs.mkdir()
    record = {
        "url": 'https://evil.example/"><script>alert(9)</script>',
        "outlet": OUTLET,
        "published": "2025-03-16",
        "title": TITLE,
        "text": "Defence minister Ivo Zarnek said the bridge was destroyed by misinformed crews.",
    }
    (inputs / FILE_NAME).write_text(json.dumps(record) + "\n", encoding="utf-8")
    db, out = tmp / "store.duckdb", tmp / "out"
    cfg = load_config().override("store", db=str(db))
    run_pipeline([*sorted(str(p) for p in EXAMPLES.iterdir()), str(inputs / FILE_NAME)], cfg, None)
    hostile = doc(
        "hostile0000000001",
        HOSTILE_TEXT,
        outlet=OUTLET,
        credited='"><script>alert(10)</script>',
        published="2025-03-17",
    )
    atts = [att(hostile.id, CONTENT, SPEAKER, type_="person", side="VA", text=HOSTILE_TEXT)]
    with Store.open(db) as store:
        store_articles.insert(store, [hostile])
        with store.transaction():
            store_attributions.replace(store, hostile.id, store_articles.text_hash(hostile.text), atts)
        run_claims(store, cfg)
        write_report(store, cfg, out)
    return db, out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
