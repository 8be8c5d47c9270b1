"""The Spark engine against the local engine on the synthetic news corpus of bench_run.py.

    .venv/bin/python bench/bench_spark.py [--articles 200,1000] [--master local[2]] [--paragraphs N]
        [--engines local,spark] [--no-report] [--write FILE]

The corpus is bench_run.py's generator (fictional text: the example corpus's paragraphs recombined with
their words disguised, 10% reprints, each with a dateline and an outlet); ``--paragraphs N`` keeps the
first N paragraphs of each article, for large corpora of short articles on a small machine.

For each size, the same corpus is run twice, each run in a child process: ``run_pipeline`` (the function
behind ``headwater run``) with the local engine, then with ``SparkEngine(master)``. A sampler reads
/proc every 0.2 s for the child and all its descendants (the driver, Spark's JVM, the Python workers)
and keeps each process's peak resident memory. Printed as markdown: wall time, stage timings, Spark's
session start and job times, peak memory per kind of process, and the per-article cost of the two Spark
jobs per task slot (job seconds x slots / articles), from which RESULTS.md projects to larger corpora;
then every Spark job's time, its partitions and its cost per partition, and the driver's part of the
ingest and extract stages per article (the stage's time less its Spark jobs and the session start: storing
the articles and the boilerplate refresh; storing the attributions and quantities). ``--engines spark``
runs one engine only; ``--no-report`` stops before the report (for sizes whose dossier would not fit).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_run import machine, make_news_corpus  # noqa: E402


def child(engine: str, corpus: str, work: str, master: str, report: str = "report") -> None:
    """Run the pipeline once; print its timings as JSON on the last line."""
    from headwater.config import load_config
    from headwater.pipeline import run_pipeline

    cfg = load_config().override("store", db=f"{work}/bench.duckdb")
    out = Path(work) / "out" if report == "report" else None
    t = time.perf_counter()
    if engine == "local":
        result, extra = run_pipeline([corpus], cfg, out), {}
    else:
        from headwater.spark import SparkEngine

        with SparkEngine(master, f"{work}/parquet") as spark:
            result = run_pipeline([corpus], cfg, out, engine=spark)
            extra = {"spark": spark.timings, "tasks": spark.tasks}
    wall = time.perf_counter() - t
    print(json.dumps({"wall": wall, "timings": result.timings, "stages": result.stages, **extra}))


def _kind(pid: int) -> str:
    try:
        comm = Path(f"/proc/{pid}/exe").resolve().name
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return "?"
    if comm == "java":
        return "JVM (Spark driver + executor)"
    if "pyspark.daemon" in cmd or "pyspark.worker" in cmd:
        return "Python worker"
    if comm.startswith("python"):
        return "driver (Python)"
    return comm


def _children(pid: int) -> list[int]:
    out: list[int] = []
    with contextlib.suppress(OSError):  # the process may end while it is read
        for task in list(Path(f"/proc/{pid}/task").glob("*")):
            with contextlib.suppress(OSError):
                out += [int(c) for c in (task / "children").read_text().split()]
    return out


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):  # the kernel's peak resident set: exact however sparse the samples
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measured(cmd: list[str]) -> tuple[dict, dict[int, tuple[str, float]]]:
    """Run ``cmd``; its JSON result and the peak RSS (MB) of each process of its tree."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peaks: dict[int, tuple[str, float]] = {}

    def sample() -> None:
        while proc.poll() is None:
            todo, seen = [proc.pid], set()
            while todo:
                pid = todo.pop()
                if pid in seen:
                    continue
                seen.add(pid)
                try:  # a process may end or change between two reads: never let the sampler die
                    rss = _rss_mb(pid)
                    kind = _kind(pid)  # again each time: a launcher script execs into the JVM under the same pid
                    before, peak = peaks.get(pid, ("?", 0.0))
                    if kind == "?":  # an ended process (a zombie) has no exe to read: keep what it was
                        kind = before
                    peaks[pid] = (kind, max(rss, peak))
                    todo += _children(pid)
                except Exception:
                    continue
            time.sleep(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, _ = proc.communicate()
    thread.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    return json.loads(out.strip().splitlines()[-1]), peaks


def memory(peaks: dict[int, tuple[str, float]]) -> str:
    kinds: dict[str, list[float]] = {}
    for kind, mb in peaks.values():
        if mb > 0 and kind not in ("bash", "dash", "rm", "jspawnhelper", "?"):
            kinds.setdefault(kind, []).append(mb)
    return "; ".join(f"{k} {max(v):.0f} MB" + (f" (x{len(v)})" if len(v) > 1 else "") for k, v in sorted(kinds.items()))


def shorten(corpus: Path, paragraphs: int) -> None:
    """Keep each article's first ``paragraphs`` paragraphs (after its title and dateline block)."""
    for f in corpus.glob("*.txt"):
        parts = f.read_text(encoding="utf-8").split("\n\n")
        f.write_text("\n\n".join(parts[: paragraphs + 2]).rstrip("\n") + "\n", encoding="utf-8")


def bench(
    n: int,
    seed: int,
    master: str,
    tmp: Path,
    paragraphs: int | None = None,
    engines: tuple[str, ...] = ("local", "spark"),
    report: bool = True,
) -> list[str]:
    corpus = tmp / f"corpus{n}"
    corpus.mkdir()
    make_news_corpus(corpus, n, seed)
    if paragraphs:
        shorten(corpus, paragraphs)
    rows, runs = [], {}
    for engine in engines:
        work = tmp / f"{engine}{n}"
        work.mkdir()
        cmd = [sys.executable, __file__, "--child", engine, str(corpus), str(work), master]
        runs[engine] = measured([*cmd, "report" if report else "no-report"])
    for engine, (r, mem) in runs.items():
        t = r["timings"]
        rows.append(
            f"| {n:,} | {engine if engine == 'local' else 'spark ' + master} | {r['wall']:.1f} | "
            f"{t.get('ingest', 0):.1f} | {t.get('extract', 0):.1f} | "
            f"{t.get('reuse', 0) + t.get('claims', 0) + t.get('report', 0):.1f} | {memory(mem)} |"
        )
    if "spark" not in runs:
        return rows
    spark = runs["spark"][0]
    local = runs["local"][0] if "local" in runs else None
    slots = _slots(master)
    sp = spark["spark"]
    stored = spark["stages"].get("ingest", "")
    overhead = f"{spark['wall'] - local['wall']:+.1f} s" if local else "-"
    rows.append(
        f"|  | spark detail | session start {sp.get('session', 0):.1f} s; read+clean job {sp.get('read+clean job', 0):.1f} s "
        f"({spark['tasks'].get('read+clean')} tasks); parse+extract job {sp.get('parse+extract job', 0):.1f} s "
        f"({spark['tasks'].get('parse+extract')} tasks); per article per slot: read+clean "
        f"{1000 * sp.get('read+clean job', 0) * slots / n:.1f} ms, parse+extract "
        f"{1000 * sp.get('parse+extract job', 0) * slots / n:.1f} ms; overhead vs local "
        f"{overhead}; ingest: {stored} |  |  |  |  |"
    )
    st = spark["timings"]
    ingest_driver = st.get("ingest", 0) - sp.get("session", 0) - sp.get("read+clean job", 0)
    ingest_driver -= sp.get("boilerplate count job", 0)
    extract_driver = st.get("extract", 0) - sp.get("parse+extract job", 0)
    rows.append(
        f"|  | driver storing | ingest less its jobs and the session {ingest_driver:.1f} s "
        f"({1000 * ingest_driver / n:.2f} ms per article); extract less its job {extract_driver:.1f} s "
        f"({1000 * extract_driver / n:.2f} ms per article)"
        + "".join(
            f"; {k} {v:.1f} s ({1000 * v / n:.2f} ms per article)"
            for k, v in sp.items()
            if k.startswith(("store", "fetch"))
        )
        + " |  |  |  |  |"
    )
    jobs = [k for k in sp if k.endswith("job")]
    costs = []
    for job in jobs:
        parts = spark["tasks"].get(job[: -len(" job")])
        each = f", {1000 * sp[job] / parts:.0f} ms per partition" if parts else ""
        costs.append(f"{job} {sp[job]:.2f} s ({parts or '-'} partitions{each})")
    rows.append(f"|  | spark jobs | {'; '.join(costs)} |  |  |  |  |")
    lt = local["timings"] if local else {}
    rows.append(
        f"|  | stages | ingest {lt.get('ingest', 0):.1f} / {st.get('ingest', 0):.1f} s; reuse {lt.get('reuse', 0):.1f} / "
        f"{st.get('reuse', 0):.1f} s; claims {lt.get('claims', 0):.1f} / {st.get('claims', 0):.1f} s (local / spark) |  |  |  |  |"
    )
    if "reuse sketched by the driver" in spark["tasks"]:
        rows.append(f"|  | sketched by the driver | {spark['tasks']['reuse sketched by the driver']} |  |  |  |  |")
    return rows


def _slots(master: str) -> int:
    import os

    if master.startswith("local[") and master[6:-1].isdigit():
        return int(master[6:-1])
    return os.cpu_count() or 1


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:7])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default="200,1000", help="comma-separated corpus sizes")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--paragraphs", type=int, help="keep each article's first N paragraphs")
    ap.add_argument("--engines", default="local,spark", help="comma-separated: local, spark or both")
    ap.add_argument("--no-report", action="store_true", help="stop before the report stage")
    ap.add_argument("--write", type=Path, help="also write the markdown table to this file")
    args = ap.parse_args()
    head = [
        f"Machine: {machine()}. Command: `.venv/bin/python bench/bench_spark.py --articles {args.articles} "
        f"--master {args.master}"
        + (f" --paragraphs {args.paragraphs}" if args.paragraphs else "")
        + (f" --engines {args.engines}" if args.engines != "local,spark" else "")
        + (" --no-report" if args.no_report else "")
        + f"`; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "| articles | engine | wall s | ingest s | extract s | reuse+claims+report s | peak RSS per process |",
        "|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.articles.split(",")):
            engines = tuple(e for e in args.engines.split(",") if e)
            head += bench(n, args.seed, args.master, Path(tmp), args.paragraphs, engines, not args.no_report)
            print("\n".join(head), flush=True)
    if args.write:
        args.write.write_text("\n".join(head) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
