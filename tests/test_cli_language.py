"""Articles in a language extraction does not read (issue 15 item 11): counted in the run summary
with a warning, skipped by extraction, shown in the dossier."""

from __future__ import annotations

import json
import subprocess
import sys

GERMAN = (
    "Fährstreik in Port Ellery geht weiter\n\nDie Gewerkschaft der Hafenarbeiter von Port Ellery erklärte am "
    "Dienstag, der Streik werde so lange fortgesetzt, bis die Hafenbehörde ihre Forderungen erfülle. „Wir gehen "
    "nicht zurück“, sagte die Vorsitzende Mara Quist vor Journalisten. Die Hafenbehörde kündigte an, sich in der "
    "kommenden Woche mit der Gewerkschaft zu treffen.\n"
)
ENGLISH = (
    "Ferry strike goes on in Port Ellery\n\nThe dockworkers' union of Port Ellery said on Tuesday that the strike "
    'would go on until the harbour board met its demands. "We will not go back," said Mara Quist, the union '
    "leader. The harbour board said it would meet the union next week.\n"
)


def hw(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args], capture_output=True, text=True, timeout=600
    )


def test_other_languages_are_counted_skipped_and_shown(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "streik.txt").write_text(GERMAN)
    (src / "strike.txt").write_text(ENGLISH)
    db, out = str(tmp_path / "l.duckdb"), tmp_path / "out"
    r = hw("run", str(src), "--db", db, "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "not analysed: language de (1 article)" in r.stderr and "warning" in r.stderr
    assert "not analysed: language de" in r.stdout  # the extract stage's summary line
    r = hw("run", str(src), "--db", db, "-o", str(out), "--json")
    assert json.loads(r.stdout)["not_analysed"] == {"de": 1}
    atts = [json.loads(line) for line in hw("export", "attributions", "--db", db).stdout.splitlines()]
    assert {a["doc"] for a in atts} == {"strike.txt"}
    dossier = json.loads((out / "dossier.json").read_text())
    by_doc = {a["doc"]: a for a in dossier["articles"]}
    assert by_doc["streik.txt"]["analysed"] is False and by_doc["streik.txt"]["language"] == "de"
    assert by_doc["strike.txt"]["analysed"] is True
    assert dossier["overview"]["not_analysed"] == {"de": 1}
    html = (out / "dossier.html").read_text()
    assert "not analysed: language de" in html
