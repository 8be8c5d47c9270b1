"""``headwater check "CLAIM"``, ``headwater check --pairs FILE.jsonl`` and ``headwater eval stance``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from headwater.cli.app import (
    ConfigOpt,
    DbOpt,
    JsonOpt,
    ModelOpt,
    QuietOpt,
    app,
    console,
    eval_app,
    open_store,
    print_json,
    progress,
    settings,
)
from headwater.cli.text import esc, safe

ClaimArg = Annotated[str | None, typer.Argument(help="The claim to check, in quotes.")]
PairsOpt = Annotated[Path | None, typer.Option("--pairs", help='Batch: JSONL(.gz) of {"id", "claim", "doc"}.')]
AllOpt = Annotated[bool, typer.Option("--all", help="List the unrelated articles too.")]
OutOpt = Annotated[Path | None, typer.Option("-o", "--output", help="Batch output JSONL (stdout when omitted).")]


def load_checked(cfg: Any, quiet: bool) -> Any:
    """Index every stored article, extracting first what is missing (with a progress bar); the
    store is opened for writing only when there is something to extract."""
    from headwater.check.load import ensure_extracted, load_corpus
    from headwater.store.attributions import pending

    with open_store(cfg, read_only=True) as store:
        if not pending(store):
            return load_corpus(store)
    with open_store(cfg) as store:
        with progress(quiet) as bar:
            task = bar.add_task("extract", total=None)

            def step(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            ensure_extracted(store, cfg, step)
        return load_corpus(store)


@app.command("check")
def check_cmd(
    claim: ClaimArg = None,
    pairs: PairsOpt = None,
    output: OutOpt = None,
    show_all: AllOpt = False,
    db: DbOpt = None,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """What the stored articles say about a claim: asserts, reports, denies or unrelated, with evidence."""
    if (claim is None) == (pairs is None):
        console(stderr=True).print(
            "[bold red]error:[/] give a CLAIM or --pairs FILE.jsonl (one of the two)", markup=True
        )
        raise typer.Exit(2)
    cfg = settings(config, db, model)
    if pairs is not None:
        raise typer.Exit(_batch(pairs, output, cfg, quiet))
    assert claim is not None
    _single(claim, cfg, as_json, show_all, quiet)


def _batch(path: Path, output: Path | None, cfg: Any, quiet: bool) -> int:
    from headwater.check.batch import read_pairs, run_batch

    items, errors = read_pairs(path)
    if not items and errors and not path.is_file():
        console(stderr=True).print(f"[bold red]error:[/] {esc(errors[0])}", markup=True)
        return 3
    corpus = load_checked(cfg, quiet)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for record, error in run_batch(items, corpus, cfg.check):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if error:
                errors.append(error)
    finally:
        if output:
            out.close()
    err = console(stderr=True)
    for e in errors:
        err.print(f"[yellow]skipped:[/] {esc(e)}", markup=True)
    if not quiet and output:
        err.print(f"{len(items)} pairs checked -> {safe(output)}")
    return 3 if errors else 0


def _single(claim: str, cfg: Any, as_json: bool, show_all: bool, quiet: bool) -> None:
    from headwater.check import check_claim
    from headwater.check.batch import stance_json
    from headwater.check.grading import claims_grade
    from headwater.check.verdict import verdict

    corpus = load_checked(cfg, quiet or as_json)
    rows = check_claim(claim, corpus, cfg.check)
    result = verdict(claim, rows, claims_grade(claim, rows, corpus))
    shown = rows if show_all else [r for r in rows if r.stance != "unrelated"]
    if as_json:
        g = result.grade
        print_json(
            {
                "claim": claim,
                "verdict": result.line(),
                "grade": None
                if g is None
                else {"reliability": g.reliability, "credibility": g.credibility, "reasons": list(g.reasons)},
                "counts": {s.stance: s.articles for s in result.sides} | {"unrelated": result.unrelated},
                "articles": [stance_json(r) for r in shown],
            }
        )
        return
    _print(result, shown)


def _print(result: Any, rows: list[Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    table = Table(title=f"\u201c{safe(result.claim)}\u201d", expand=True)
    table.add_column("doc", overflow="fold", ratio=1)
    table.add_column("stance", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("evidence", overflow="fold", ratio=4)
    table.add_column("who (cue, kind)", overflow="fold", ratio=2)
    table.add_column("group", overflow="fold", ratio=1)
    colour = {"asserts": "green", "reports": "cyan", "denies": "red", "unrelated": "dim"}
    for r in rows:
        ev = r.evidence[0] if r.evidence else None
        who = ""
        if ev is not None and (ev.speaker or ev.cue):
            how = ", ".join(x for x in (ev.cue, ev.kind) if x)
            who = f"{ev.speaker or '(unattributed)'}" + (f" ({how})" if how else "")
        table.add_row(
            safe(r.doc),
            Text(r.stance, style=colour[r.stance]),
            f"{r.score:.2f}",
            safe(ev.text if ev else ""),
            safe(who),
            safe((r.group or "")[:12]),
        )
    out.print(table)
    out.print(f"[bold]verdict:[/] {esc(result.line())}", markup=True)
    g = result.grade
    if g is not None:
        out.print(f"[bold]grade:[/] {esc(g.reliability)}{esc(g.credibility)}", markup=True)
        for reason in g.reasons:
            out.print(f"  - {safe(reason)}")


@eval_app.command("stance")
def eval_stance_cmd(
    pairs: Annotated[Path, typer.Option("--pairs", help="Gold pairs JSONL(.gz): {id, claim, doc, stance}.")],
    bodies: Annotated[Path, typer.Option("--bodies", help="Article bodies JSONL(.gz): {doc, text}.")],
    split: Annotated[str, typer.Option("--split", help="all, or the claim-topic split: train or dev.")] = "all",
    keep: Annotated[Path | None, typer.Option("--keep", help="Keep the store here (reused when run again).")] = None,
    predictions: Annotated[Path | None, typer.Option("--predictions", help="Write the predictions JSONL here.")] = None,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Ingest the bodies into a temporary store, check every pair, score with the FNC-1 measures."""
    from headwater.evaluate.stance import evaluate_stance

    if split not in ("all", "train", "dev"):
        console(stderr=True).print("[bold red]error:[/] --split must be all, train or dev", markup=True)
        raise typer.Exit(2)
    cfg = settings(config, None, model)
    with progress(quiet or as_json) as bar:
        tasks: dict[str, int] = {}

        def tick(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        result = evaluate_stance(pairs, bodies, cfg, split=split, keep=keep, predictions=predictions, on_progress=tick)
    if as_json:
        print_json(result.to_dict())
    elif not quiet:
        console().print(result.render())
    if result.errors:
        for e in result.errors[:20]:
            console(stderr=True).print(f"[yellow]skipped:[/] {esc(e)}", markup=True)
        raise typer.Exit(3)
