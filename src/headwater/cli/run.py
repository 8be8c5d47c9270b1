"""``headwater run``: every stage from raw files to the dossier, with a progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from headwater.cli.app import (
    ConfigOpt,
    DbOpt,
    JsonOpt,
    ModelOpt,
    QuietOpt,
    WorkersOpt,
    app,
    console,
    error,
    piped,
    print_json,
    print_rows,
    progress,
    settings,
)
from headwater.cli.engine import EngineOpt, MasterOpt, engine_for
from headwater.cli.ingest import FollowOpt, PathsArg, report_ingest


@app.command()
def run(
    paths: PathsArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="Directory for the dossier.")] = Path("headwater-out"),
    db: DbOpt = None,
    model: ModelOpt = None,
    workers: WorkersOpt = None,
    config: ConfigOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
    follow_symlinks: FollowOpt = False,
    engine: EngineOpt = "local",
    master: MasterOpt = None,
    staging: Annotated[
        str | None,
        typer.Option(
            "--staging", help="Where the Spark jobs write their Parquet (any Hadoop URI; default OUTPUT/parquet)."
        ),
    ] = None,
) -> None:
    """The main job: ingest + clean, extract attributions, detect reuse, build claims and write the dossier."""
    from headwater.outputs import check_output_dir
    from headwater.pipeline import run_pipeline

    cfg = settings(config, db, model, workers).override("ingest", follow_symlinks=follow_symlinks or None)
    check_output_dir(output)
    runner = engine_for(engine, master, staging, output / "parquet")
    with progress(quiet or json) as bar:
        tasks: dict[str, int] = {}

        def tick(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        with runner as spark:
            result = run_pipeline(paths, cfg, output, tick, spark)
    if json:
        print_json(result.to_dict())
    else:
        if not quiet:
            report_ingest(result.ingest, quiet, False)
            _summary(result)
        elif result.ingest.errors:
            report_ingest(result.ingest, True, False)
    if result.not_analysed and not json:
        from headwater.lang import describe_skipped

        error(
            describe_skipped(result.not_analysed) + ": headwater's extraction reads English; these articles "
            "are stored and listed in the dossier without attributions",
            label="warning",
            style="yellow",
        )
    if result.ingest.errors:
        raise typer.Exit(3)


def _summary(result) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table
    from rich.text import Text

    from headwater.cli.text import esc, safe

    if piped():
        _plain_summary(result)
        return
    out = console()
    table = Table("stage", "result", title="headwater run", title_justify="left")
    for stage, text in result.stages.items():
        table.add_row(Text(stage), Text(safe(text)))
    out.print(table)
    if result.articles:
        art = Table(
            "doc", "outlet", "credited", "title", "date", "words", "removed", title="articles", title_justify="left"
        )
        for column, width in zip(art.columns, (22, 18, 16, 30, 10, 5, 7), strict=True):
            column.no_wrap, column.overflow = True, "ellipsis"
            column.max_width = width
            column.min_width = min(width, 5) if width < 10 else None
        for r in result.articles:
            art.add_row(
                *(
                    Text(safe(v))
                    for v in (
                        r.doc,
                        r.outlet,
                        r.credited_source,
                        (r.title or "")[:50],
                        (r.published or "")[:10],
                        r.words,
                        r.removed_lines,
                    )
                )
            )
        out.print(art)
    out.print(f"store: [bold]{esc(result.db)}[/]", markup=True)
    if result.dossier:
        out.print(f"dossier: [bold green]{esc(result.dossier)}[/]", markup=True)


ARTICLE_COLUMNS = ("doc", "outlet", "credited_source", "title", "published", "language", "words", "removed_lines")


def _plain_summary(result) -> None:  # type: ignore[no-untyped-def]
    """Stdout is not a terminal: the same summary as tab-separated blocks, every value whole."""
    import sys

    print_rows(("stage", "result"), result.stages.items())
    if result.articles:
        sys.stdout.write("\n")
        print_rows(ARTICLE_COLUMNS, ([getattr(r, c) for c in ARTICLE_COLUMNS] for r in result.articles))
    sys.stdout.write("\n")
    print_rows(("output", "path"), [("store", result.db), *([("dossier", result.dossier)] if result.dossier else [])])
