"""The Typer apps and the options every command shares."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer


def _fix_help_display() -> None:
    """Typer 0.29's help shows a type for flags (``--json <bool>``) and wraps a required argument
    in braces (``{paths}...``): flags get no type column, arguments read ``PATH...`` / ``[PATH]``
    (and no type when they have a metavar)."""
    from typer import core

    def option_type(self, ctx):  # type: ignore[no-untyped-def]
        return None if self.is_flag else _option_type(self, ctx)

    def usage_name(self) -> str:  # type: ignore[no-untyped-def]
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")

    def argument_type(self, ctx):  # type: ignore[no-untyped-def]
        return None if self.metavar is not None else _argument_type(self, ctx)  # PATH says it: no <list[str]>

    _option_type = core.TyperOption.display_type_rich
    core.TyperOption.display_type_rich = option_type  # type: ignore[method-assign]
    _argument_type = core.TyperArgument.display_type_rich
    core.TyperArgument.display_type_rich = argument_type  # type: ignore[method-assign]
    if hasattr(core.TyperArgument, "_usage_display_name"):
        core.TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]


_fix_help_display()

app = typer.Typer(
    name="headwater",
    help="Who said what, and where it really came from: turn a pile of articles into an evidence dossier.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(
    help="Export a table as JSONL, CSV or Parquet (stdout when -o is omitted).", no_args_is_help=True
)
eval_app = typer.Typer(help="Evaluate headwater against gold data.", no_args_is_help=True)
config_app = typer.Typer(help="Show the resolved configuration.", no_args_is_help=True)
app.add_typer(export_app, name="export")
app.add_typer(eval_app, name="eval")
app.add_typer(config_app, name="config")

DbOpt = Annotated[
    Path | None,
    typer.Option(
        "--db", help="DuckDB store (default: \\[store] db in config, ./headwater.duckdb).", envvar="HEADWATER_DB"
    ),
]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="A headwater.toml with overrides.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.", show_default=False)]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.", show_default=False)]
ModelOpt = Annotated[str | None, typer.Option("--model", help="Installed spaCy pipeline to use.")]
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", min=1, help="Processes that parse and extract (default [parse] workers, 1)."),
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")]
OutOpt = Annotated[Path | None, typer.Option("-o", "--output", help="Output file (stdout when omitted).")]


def console(stderr: bool = False):  # type: ignore[no-untyped-def]
    """The console every command prints through: no markup unless asked, control sequences stripped."""
    from headwater.cli.text import make_console

    return make_console(stderr)


def print_json(data: Any) -> None:
    from headwater.cli.text import json_text

    sys.stdout.write(json_text(json.dumps(data, ensure_ascii=False, indent=2, default=str)) + "\n")


def piped() -> bool:
    """stdout is not a terminal: list commands print tab-separated rows with whole values."""
    return not sys.stdout.isatty()


def print_rows(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Plain tab-separated rows (a header first), every value whole, controls removed."""
    from headwater.cli.text import cell

    sys.stdout.write("\t".join(header) + "\n")
    for row in rows:
        sys.stdout.write("\t".join(cell(v) for v in row) + "\n")


def error(message: Any, label: str = "error", style: str = "bold red") -> None:
    """One message on stderr: ``label:`` in ``style``, then ``message`` as plain user text (never markup)."""
    from headwater.cli.text import esc

    console(stderr=True).print(f"[{style}]{label}:[/] {esc(message)}", markup=True)


def settings(
    config: Path | None,
    db: Path | None = None,
    model: str | None = None,  # type: ignore[no-untyped-def]
    workers: int | None = None,
):
    """Resolve config with the command-line overrides applied."""
    from headwater.config import load_config

    cfg = load_config(config)
    cfg = cfg.override("store", db=str(db) if db else None)
    return cfg.override("parse", model=model, workers=workers)


def open_store(cfg, read_only: bool = False, create: bool = False):  # type: ignore[no-untyped-def]
    """The store of ``[store] db``; only ``create`` (ingest) makes a new one: other commands on a
    missing store say so instead of working on an empty one."""
    from headwater.errors import StoreError
    from headwater.store import Store

    db = str(cfg.store.db)
    if not create and db != ":memory:" and not Path(db).exists():
        raise StoreError(f"{db}: no such database. Run `headwater ingest PATH --db {db}` (or `headwater run`) first.")
    return Store.open(db, read_only=read_only)


def progress(quiet: bool):  # type: ignore[no-untyped-def]
    """A Rich progress bar on stderr (a no-op when quiet or not a terminal and CI).

    Redrawn by Rich's thread twice a second on a terminal; elsewhere (a pipe, a log file) nothing is drawn
    until the end, so no thread renders it meanwhile: at Rich's default of ten renders a second the thread
    cost a 200-article run about 6% of its time (bench/RESULTS.md, issue 12)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    err = console(stderr=True)
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=False,
        auto_refresh=err.is_terminal and not err.is_dumb_terminal,
        refresh_per_second=2,
    )


def _version(value: bool) -> None:
    if value:
        from headwater import __version__

        sys.stdout.write(f"headwater {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Who said what, and where it really came from: turn a pile of articles into an evidence dossier."""
