"""``headwater report``: write the evidence dossier (dossier.html + dossier.json) from the store."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from headwater.cli.app import ConfigOpt, DbOpt, JsonOpt, QuietOpt, app, console, open_store, print_json, settings
from headwater.cli.text import esc


@app.command()
def report(
    output: Annotated[Path, typer.Option("-o", "--output", help="Directory for dossier.html and dossier.json.")],
    db: DbOpt = None,
    config: ConfigOpt = None,
    stored: Annotated[
        bool, typer.Option("--stored", help="Use the claims already stored instead of recomputing them first.")
    ] = False,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Write the dossier: claims ranked by independent origins, grades, denials, estimates, speakers, articles."""
    from headwater.outputs import check_output_dir
    from headwater.report import write_report

    cfg = settings(config, db)
    check_output_dir(output)
    summary = None
    with open_store(cfg, read_only=stored) as store:  # --stored only reads: works beside other readers
        if not stored:
            from headwater.exec.claims import run_claims

            summary = run_claims(store, cfg)
        path = write_report(store, cfg, output)
    if json:
        print_json(
            {
                "html": str(path),
                "json": str(path.with_name("dossier.json")),
                "claims": None if summary is None else asdict(summary),
            }
        )
    elif not quiet:
        out = console()
        if summary:
            out.print(
                f"{summary.claims} claims ({summary.claims_with_several_origins} with several independent "
                f"origins, {summary.denials_linked} denials linked), {summary.quantities} estimates, "
                f"{summary.contradictions} numeric contradictions"
            )
        out.print(f"dossier: [bold green]{esc(path)}[/] (and {esc(path.with_name('dossier.json'))})", markup=True)
