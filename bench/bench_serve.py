"""Issue 14: claim list and search latency of `headwater serve` on a large synthetic store.

Builds a store of --claims synthetic claims (fictional words, 1-6 member statements each over
--articles articles, a tenth denied) with the real store writer, starts the app on 127.0.0.1 with
uvicorn, and times whole HTTP requests (query, render, transfer) for the claim list, its filters
and full-text search. Target: p95 under 200 ms at 100,000 claims.

    python bench/bench_serve.py --claims 100000 [--db /tmp/serve-bench.duckdb] [--keep]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

SIDES = ("AL", "VA", "OS", "KE", "unknown")
OUTLETS = tuple(f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST")


def words(rng: random.Random, n: int) -> list[str]:
    syll = ["ka", "ro", "mi", "ten", "vash", "lor", "de", "gri", "ul", "pen", "sa", "tor", "ne", "bri", "ost"]
    return sorted({"".join(rng.choice(syll) for _ in range(rng.randint(2, 4))) for _ in range(n)})


def build(db: Path, n_claims: int, n_articles: int, seed: int = 7) -> list[str]:
    from headwater.model import Attribution, Claim, Grade, Origin, Span, Speaker
    from headwater.store import Store
    from headwater.store.claims import save

    rng = random.Random(seed)
    vocab = words(rng, 6000)
    # Zipf-like choice: common words first.
    weights = [1.0 / (i + 1) for i in range(len(vocab))]
    ids = [f"{i:016x}" for i in range(n_articles)]
    with Store.open(db) as store:
        store.con.execute(
            "INSERT INTO articles (id, doc, path, source_format, title, outlet, published, raw_text, text, text_hash, "
            "offsets, removed, line_hashes, crossdoc_applied, words) "
            "SELECT printf('%016x', i), 'doc' || i || '.txt', '/bench/doc' || i || '.txt', 'txt', 'Article ' || i, "
            f"'Outlet ' || chr(65 + (i % {len(OUTLETS)})::INTEGER), "
            "strftime(DATE '2025-01-01' + INTERVAL (i % 90) DAY, '%Y-%m-%d'), 'text', 'text', 'h', '[]', '[]', [], [], 1 "
            f"FROM range({n_articles}) t(i)"
        )
        claims = []
        for k in range(n_claims):
            text = " ".join(rng.choices(vocab, weights, k=rng.randint(6, 18))).capitalize()
            members = []
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 6))):
                art = rng.choice(ids)
                side = rng.choice(SIDES)
                sp = Speaker(f"Speaker {rng.randint(1, 3000)}", 0, 10, resolved=None, type="person", side=side)  # type: ignore[arg-type]
                members.append(
                    Attribution(
                        art,
                        f"doc{int(art, 16)}.txt",
                        "indirect",
                        "assert",  # type: ignore[arg-type]
                        Span(text, 20, 20 + len(text)),
                        Span("said", 11, 15),
                        sp,
                        None,
                    )
                )
            origins = tuple(
                Origin(m.speaker.text, "person", m.speaker.side, rng.choice(OUTLETS), (), (m.article_id,))
                for m in members[: rng.randint(1, len(members))]
                if m.speaker
            )
            denials = (members[0],) if rng.random() < 0.1 else ()
            grade = Grade(rng.choice("ABCDEF"), rng.choice("123456"), ("synthetic",))
            claims.append(Claim(f"c{k:011x}", text, tuple(members), origins, denials, grade))
        save(store, claims, [])
    return vocab


def timed(url: str, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as r:
            r.read()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/headwater-serve-bench.duckdb"))
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument("--keep", action="store_true", help="reuse the store at --db when it exists")
    args = ap.parse_args()
    import uvicorn

    from headwater.web.app import create_app
    from headwater.web.snapshot import Snapshots

    if not (args.keep and args.db.exists()):
        args.db.unlink(missing_ok=True)
        t = time.perf_counter()
        build(args.db, args.claims, args.articles)
        print(f"built {args.claims} claims over {args.articles} articles in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    snaps = Snapshots(args.db)
    print(f"snapshot (copy, web tables, full-text index): {time.perf_counter() - t:.1f} s; fts={snaps.current.fts}")
    con = snaps.current.store.con
    common, middling = (
        r[0]
        for r in con.execute(
            "SELECT w FROM (SELECT unnest(string_split(lower(text), ' ')) w FROM web_claims USING SAMPLE 2000) "
            "GROUP BY w ORDER BY count(*) DESC LIMIT 40"
        ).fetchall()[::39]
    )
    port = 18000 + random.randint(0, 2000)
    server = uvicorn.Server(uvicorn.Config(create_app(snaps), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    cases = {
        "claims list, page 1": "/claims",
        "claims list, page 1000 (JSON)": "/claims.json?page=1000",
        "claims sorted by articles": "/claims?sort=articles",
        "filters: reliability C, denied": "/claims?reliability=C&denied=1",
        "filters: side AL, outlet, dates": "/claims?side=AL&outlet=Outlet+C&from=2025-02-01&to=2025-02-15",
        f"search, common word ({common})": f"/claims?q={common}",
        f"search, middling word ({middling}), JSON": f"/claims.json?q={middling}",
        "search two words + filter": f"/claims?q={common}+{middling}&reliability=B",
        "search fallback (substring)": f"/claims?q={middling[:-1]}",
    }
    print(
        f"\n{args.claims} claims; {args.repeat} requests each after 3 warm-up; "
        f"{platform.processor() or platform.machine()}, Python {sys.version.split()[0]}"
    )
    print("| request | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|")
    worst = 0.0
    for name, path in cases.items():
        timed(base + path, 3)
        ms = sorted(timed(base + path, args.repeat))
        p95 = ms[min(len(ms) - 1, round(0.95 * len(ms)) - 1)]
        worst = max(worst, p95)
        print(f"| {name} | {statistics.median(ms):.0f} | {p95:.0f} | {ms[-1]:.0f} |")
    server.should_exit = True
    snaps.close()
    print(f"\nworst p95: {worst:.0f} ms (target < 200 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
