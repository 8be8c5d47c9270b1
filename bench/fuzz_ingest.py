"""Fuzz benchmark of ingest: generated hostile inputs beside good articles (issue 16).

    .venv/bin/python bench/fuzz_ingest.py [--n 10000] [--seed 1] [--batch 1000] [--no-big]

The inputs come from ``headwater.evaluate.hostile`` (seeded): ``--n`` files in batches of
``--batch``, each batch ingested into one fresh store by ``pipeline.ingest_paths`` in this process.
Counted: crashes (an exception out of ingest), hangs (one file taking over ``--hang`` seconds),
good articles not stored, files neither stored nor named by an error, errors whose reason is the
catch-all for an unexpected exception, and this process's peak memory. Then each memory case (30 MB of
short lines, a 50 MB line, a 40 MB JSONL line, an article over spaCy's limit, a gzip bomb) is
ingested by the CLI in a child process of its own: exit code, traceback or not, seconds, peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from headwater.config import load_config
from headwater.evaluate.hostile import big_cases, cases, unaccounted, write_cases
from headwater.pipeline import ingest_paths
from headwater.store import Store


def fuzz_batches(n: int, seed: int, batch: int, hang_s: float) -> dict[str, object]:
    all_cases = list(cases(seed, n))
    totals: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    slowest = 0.0
    problems: list[str] = []
    t0 = time.perf_counter()
    for start in range(0, n, batch):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            written = write_cases(folder, all_cases[start : start + batch])
            ticks = [time.perf_counter()]

            def tick(stage: str, done: int, total: int | None, ticks: list[float] = ticks) -> None:
                nonlocal slowest
                now = time.perf_counter()
                slowest = max(slowest, now - ticks[0])
                if now - ticks[0] > hang_s:
                    totals["hangs"] += 1
                ticks[0] = now

            with Store.open(Path(tmp) / "fuzz.duckdb") as store:
                try:
                    report = ingest_paths(store, load_config(cwd=Path(tmp)), [folder], tick)
                except Exception as exc:  # a crash is what this benchmark counts
                    totals["crashes"] += 1
                    problems.append(f"batch {start}: {type(exc).__name__}: {exc}"[:300])
                    continue
                missing_good, silent = unaccounted(store, written)
            totals["files"] += len(written)
            totals["good"] += sum(1 for _, c in written if c.good)
            totals["articles stored"] += report.added + report.skipped
            totals["errors named"] += len(report.errors)
            totals["surrogates replaced"] += report.surrogates_replaced
            totals["good not stored"] += len(missing_good)
            totals["files unaccounted"] += len(silent)
            problems.extend(missing_good[:5] + silent[:5])
            for e in report.errors:
                generic = "unreadable (" in e.reason
                totals["catch-all reasons"] += generic
                reasons[e.reason.split(":")[0][:50]] += 1
    return {
        "seconds": round(time.perf_counter() - t0, 1),
        "slowest_file_s": round(slowest, 2),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        **totals,
        "top_reasons": reasons.most_common(12),
        "problems": problems[:20],
    }


# The CLI in a child that reports its own peak memory (VmHWM: unlike ru_maxrss, it starts afresh at exec).
_PEAK = (
    "import atexit, sys\n"
    "def peak():\n"
    "    status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
    "    sys.stderr.write(f'PEAK_KB {status}\\n')\n"
    "atexit.register(peak)\n"
    "sys.argv = ['headwater', *sys.argv[1:]]\n"
    "from headwater.cli.main import main\n"
    "main()\n"
)


def _peak(err: str) -> int:
    for line in err.splitlines():
        if line.startswith("PEAK_KB "):
            return int(line.split()[1]) // 1024
    return -1


def big_runs() -> list[dict[str, object]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in big_cases():
            path = Path(tmp) / case.name.decode()
            path.write_bytes(case.data)
            db = Path(tmp) / f"{case.kind}.duckdb"
            cmd = [sys.executable, "-c", _PEAK, "ingest", str(path), "--db", str(db), "--quiet"]
            errfile = Path(tmp) / "stderr.txt"
            t = time.perf_counter()
            with errfile.open("w") as err_fh:
                proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err_fh)
                timer = threading.Timer(600, proc.kill)
                timer.start()
                _, status, _ = os.wait4(proc.pid, 0)
                timer.cancel()
            seconds = time.perf_counter() - t
            err = errfile.read_text(errors="replace")
            rows.append(
                {
                    "case": case.kind,
                    "mb": round(len(case.data) / 1e6, 1),
                    "exit": os.waitstatus_to_exitcode(status),
                    "traceback": "Traceback" in err,
                    "seconds": round(seconds, 2),
                    "peak_rss_mb": _peak(err),
                    "message": next((line[:140] for line in err.splitlines() if "could not" in line), ""),
                }
            )
            path.unlink()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--hang", type=float, default=10.0, help="seconds for one file that count as a hang")
    ap.add_argument("--no-big", action="store_true", help="skip the memory cases")
    args = ap.parse_args()
    result: dict[str, object] = {"fuzz": fuzz_batches(args.n, args.seed, args.batch, args.hang)}
    if not args.no_big:
        result["big"] = big_runs()
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
