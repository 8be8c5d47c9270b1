"""The Typer apps and the options every command shares."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    name="headwater",
    help="Who said what, and where it really came from: turn a pile of articles into an evidence dossier.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Export a table as JSONL, CSV or Parquet (stdout when -o is omitted).", no_args_is_help=True)
eval_app = typer.Typer(help="Evaluate headwater against gold data.", no_args_is_help=True)
config_app = typer.Typer(help="Show the resolved configuration.", no_args_is_help=True)
app.add_typer(export_app, name="export")
app.add_typer(eval_app, name="eval")
app.add_typer(config_app, name="config")

DbOpt = Annotated[
    Path | None,
    typer.Option("--db", help="DuckDB store (default: [store] db in config, ./headwater.duckdb).", envvar="HEADWATER_DB"),
]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="A headwater.toml with overrides.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="Installed spaCy pipeline to use.")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")]
OutOpt = Annotated[Path | None, typer.Option("-o", "--output", help="Output file (stdout when omitted).")]


def console(stderr: bool = False):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=stderr)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def settings(config: Path | None, db: Path | None = None, model: str | None = None):  # type: ignore[no-untyped-def]
    """Resolve config with the command-line overrides applied."""
    from headwater.config import load_config

    cfg = load_config(config)
    cfg = cfg.override("store", db=str(db) if db else None)
    return cfg.override("parse", model=model)


def open_store(cfg, read_only: bool = False):  # type: ignore[no-untyped-def]
    from headwater.store import Store

    return Store.open(cfg.store.db, read_only=read_only)


def progress(quiet: bool):  # type: ignore[no-untyped-def]
    """A Rich progress bar on stderr (a no-op when quiet or not a terminal and CI)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console(stderr=True),
        disable=quiet,
        transient=False,
    )
