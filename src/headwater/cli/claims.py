"""``headwater eval claims``: the claims layer against an analyst's pairwise gold checks."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from headwater.cli.app import ConfigOpt, DbOpt, JsonOpt, console, eval_app, print_json, settings


@eval_app.command("claims")
def eval_claims_command(
    gold: Annotated[Path, typer.Option("--gold", help="JSON lines of checks (format: headwater.evaluate.claims).")],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Articles to run first, into a temporary store (else the store of --db is read).", show_default=False
        ),
    ] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
    json: JsonOpt = False,
) -> None:
    """Must-link and cannot-link statement pairs, denials with their denier, one entity per person,
    non-claims, origin counts and grades: how many of the gold checks hold."""
    from headwater.errors import UsageError
    from headwater.evaluate.claims import evaluate_store, read_gold

    if not gold.is_file():
        raise UsageError(f"gold file {gold} does not exist")
    read_gold(gold)  # a malformed gold file is named before any work
    if paths:
        with tempfile.TemporaryDirectory() as tmp:
            result = _run_and_evaluate(gold, paths, settings(config, Path(tmp) / "eval.duckdb"))
    else:
        from headwater.store import Store

        cfg = settings(config, db)
        with Store.open(cfg.store.db, read_only=True) as store:
            result = evaluate_store(gold, store)
    data = result.to_dict()
    if json:
        print_json(data)
        return
    out = console()
    for check, row in data["by_check"].items():
        out.print(f"{check:<11} {row['held']:>4} of {row['checks']:<4} hold", markup=False)
    out.print(f"{'all':<11} {data['held']:>4} of {data['checks']:<4} hold", markup=False)
    for f in data["failures"]:
        out.print(f"  line {f['line']} ({f['check']}): {f['detail']}", markup=False)


def _run_and_evaluate(gold: Path, paths: list[Path], cfg):  # type: ignore[no-untyped-def]
    from headwater.evaluate.claims import evaluate_store
    from headwater.pipeline import run_pipeline
    from headwater.store import Store

    run_pipeline([str(p) for p in paths], cfg, None)
    with Store.open(cfg.store.db, read_only=True) as store:
        return evaluate_store(gold, store)
