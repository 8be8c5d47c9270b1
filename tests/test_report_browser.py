"""Open the dossier in a real headless browser (Debian's chromium): it renders, with no console errors."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from headwater.report.html import render
from test_report_escape import _dossier

CHROMIUM = next(
    (
        p
        for p in (
            os.environ.get("CHROMIUM"),
            "/usr/bin/chromium",
            shutil.which("chromium"),
            shutil.which("chromium-browser"),
        )
        if p and Path(p).exists()
    ),
    None,
)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-component-update",
    "--enable-logging=stderr",
    "--v=0",
]


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # type: ignore[list-item]


@needs_chromium
def test_dossier_renders_without_console_errors(tmp_path: Path) -> None:
    page = tmp_path / "dossier.html"
    page.write_text(render(_dossier()), encoding="utf-8")
    run = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    for section in ('id="overview"', 'id="claims"', 'id="estimates"', 'id="speakers"', 'id="articles"'):
        assert section in dom
    # The one inline script ran (its hash is in the CSP): it added the claims filter box.
    assert 'id="f-q"' in dom
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == [], console
    refused = [line for line in run.stderr.splitlines() if "Content Security Policy" in line or "Refused" in line]
    assert refused == [], refused


@needs_chromium
def test_dossier_prints_to_pdf(tmp_path: Path) -> None:
    page = tmp_path / "dossier.html"
    page.write_text(render(_dossier()), encoding="utf-8")
    pdf = tmp_path / "dossier.pdf"
    run = _chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
