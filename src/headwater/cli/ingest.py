"""Commands over articles: ingest, articles, show, export, config show."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from headwater.cli.app import (
    ConfigOpt,
    DbOpt,
    FormatOpt,
    JsonOpt,
    OutOpt,
    QuietOpt,
    app,
    config_app,
    console,
    export_app,
    open_store,
    piped,
    print_json,
    print_rows,
    progress,
    settings,
)
from headwater.cli.engine import EngineOpt, MasterOpt, StagingOpt
from headwater.cli.text import esc, safe

PathsArg = Annotated[
    list[str], typer.Argument(metavar="PATH", help="Files, directories (recursive) or globs.", show_default=False)
]
FollowOpt = Annotated[
    bool, typer.Option("--follow-symlinks", help="Follow symbolic links that lead out of the folders given.")
]


def report_ingest(report, quiet: bool, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    if as_json:
        print_json(asdict(report))
        return
    from rich.text import Text

    err = console(stderr=True)
    if not quiet:
        fixed = f", {report.surrogates_replaced} invalid characters replaced" if report.surrogates_replaced else ""
        console().print(
            f"added {report.added} articles, {report.skipped} already stored, "
            f"{report.unchanged} files unchanged since last read, {len(report.errors)} errors{fixed}"
        )
        if report.ignored:
            names = ", ".join(safe(i.path) for i in report.ignored[:20])
            more = f" and {len(report.ignored) - 20} more (--json lists them)" if len(report.ignored) > 20 else ""
            err.print(
                Text(f"passed over {len(report.ignored)} files that are not articles or are hidden: {names}{more}"),
                style="dim",
                highlight=False,
            )
    for e in report.errors:
        err.print(f"[red]could not read[/] {esc(e.path)}: {esc(e.reason)}", markup=True, highlight=False)


def run_ingest(paths: list[str], cfg, quiet: bool, engine=None):  # type: ignore[no-untyped-def]
    from contextlib import nullcontext

    from headwater.pipeline import expand_inputs, ingest_paths

    with engine or nullcontext(None) as runner:
        # nothing to read: an error before the store is created
        items = expand_inputs(paths, cfg.ingest.follow_symlinks, runner.list_uris if runner else None)
        with open_store(cfg, create=True) as store, progress(quiet) as bar:
            task = bar.add_task("ingest", total=None)

            def tick(stage: str, done: int, total: int | None) -> None:
                bar.update(task, completed=done, total=total)

            if runner is None:
                return ingest_paths(store, cfg, [], tick, items)
            return ingest_paths(store, cfg, [], tick, items, runner.cleaner(store, cfg), runner.recurring_lines)


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = None,
    config: ConfigOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
    follow_symlinks: FollowOpt = False,
    engine: EngineOpt = "local",
    master: MasterOpt = None,
    staging: StagingOpt = None,
) -> None:
    """Read, clean and store articles (.txt, .html, .jsonl/.json, .warc(.gz), RSS/Atom)."""
    from headwater.cli.engine import default_staging, engine_for

    cfg = settings(config, db).override("ingest", follow_symlinks=follow_symlinks or None)
    runner = engine_for(engine, master, staging, default_staging(cfg))
    report = run_ingest(paths, cfg, quiet or json, runner)
    report_ingest(report, quiet, json)
    if report.errors:
        raise typer.Exit(3)


@app.command()
def articles(db: DbOpt = None, config: ConfigOpt = None, json: JsonOpt = False) -> None:
    """List stored articles: id, outlet, title, date, language, words, boilerplate lines removed (tab-separated when piped)."""
    from rich.table import Table
    from rich.text import Text

    from headwater.store.articles import summary_rows

    with open_store(settings(config, db), read_only=True) as store:
        rows = summary_rows(store)
    if json:
        print_json(rows)
        return
    columns = ("id", "doc", "outlet", "credited_source", "title", "published", "language", "words", "removed_lines")
    if piped():
        print_rows(columns, ([r[c] for c in columns] for r in rows))
        return
    table = Table("id", "doc", "outlet", "credited", "title", "date", "lang", "words", "removed")
    table.columns[0].no_wrap = True  # ids are what users copy: never cut, even on a narrow terminal
    table.columns[0].min_width = max((len(r["id"]) for r in rows), default=2)
    for r in rows:
        table.add_row(
            *(
                Text(safe(v))
                for v in (
                    r["id"],
                    r["doc"],
                    r["outlet"],
                    r["credited_source"],
                    (r["title"] or "")[:60],
                    (r["published"] or "")[:10],
                    r["language"],
                    r["words"],
                    r["removed_lines"],
                )
            )
        )
    console().print(table)


@app.command()
def show(
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="Article id, id prefix or file name.")],
    db: DbOpt = None,
    config: ConfigOpt = None,
    json: JsonOpt = False,
) -> None:
    """Show an article's cleaned text, with the lines the cleaner removed marked."""
    from headwater.store.articles import get

    with open_store(settings(config, db), read_only=True) as store:
        doc = get(store, article)
    if json:
        print_json(asdict(doc))
        return
    from rich.text import Text

    out = console()
    out.print(f"[bold]{esc(doc.title or doc.doc)}[/]  ({esc(doc.id)}, {esc(doc.doc)})", markup=True, highlight=False)
    out.print(
        Text(
            f"outlet: {safe(doc.outlet or '-')}   credited: {safe(doc.credited_source or '-')}   published: "
            f"{safe(doc.published or '-')}   language: {safe(doc.language or '-')}"
        )
    )
    out.print()
    for kind, text in interleave(doc):
        if kind == "text":
            out.print(Text(safe(text)))
        else:
            out.print(Text.assemble(("  ✂ ", "red"), (f"[{safe(kind)}] ", "yellow"), (safe(text), "strike dim")))
        out.print()


def interleave(doc) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Cleaned paragraphs and removed lines in the order they stand in the raw text."""
    from headwater.offsets import OffsetMap

    om = OffsetMap(doc.offsets)
    items: list[tuple[int, str, str]] = []
    pos = 0
    for para in doc.text.split("\n\n"):
        items.append((om.to_raw(pos), "text", para))
        pos += len(para) + 2
    items.extend((r.raw_start, r.reason, r.text) for r in doc.removed)
    return [(kind, text) for _, kind, text in sorted(items, key=lambda t: t[0])]


EXPORTS = {
    "articles": "Articles: id, doc, path, title, outlet, credited_source, published, language, text, raw_text.",
    "attributions": "Attributions: who said what, one a line, with offsets into cleaned and raw text.",
    "reuse": "Reuse edges: exact copies, near-duplicates, partial reuse and citations between articles.",
    "citations": "Outlets and channels named as sources in each article.",
    "claims": "Claims across articles with members, independent origins, denials and grades.",
    "estimates": "Numeric estimates side by side, one quantity a line.",
    "groups": "Reprint groups: copies and derivatives of one story, with the origin article.",
    "speakers": "Speakers across the corpus: type, side, statements, denials, articles and claims.",
}


def export_table(name: str, fmt: str, output: Path | None, db: Path | None, config: Path | None) -> None:
    """Shared body of every ``headwater export NAME`` command."""
    from rich.text import Text

    from headwater.errors import HeadwaterError, UsageError
    from headwater.export import FORMATS, SCHEMAS, available, write_rows
    from headwater.outputs import check_output_file

    exporters = available()
    if name not in exporters:
        raise HeadwaterError(f"nothing to export as '{name}' in this version")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}': choose one of {', '.join(FORMATS)}")
    if output:
        check_output_file(output)
    with open_store(settings(config, db), read_only=True) as store:
        n = write_rows(exporters[name](store), fmt, output, SCHEMAS[name])
    if output:
        console(stderr=True).print(Text(f"wrote {n} rows to {safe(output)}"))


def _export_command(name: str, doc: str) -> None:
    def command(format: FormatOpt = "jsonl", output: OutOpt = None, db: DbOpt = None, config: ConfigOpt = None) -> None:
        export_table(name, format, output, db, config)

    command.__doc__ = doc
    export_app.command(name)(command)


for _name, _doc in EXPORTS.items():
    _export_command(_name, _doc)


@config_app.command("show")
def config_show(config: ConfigOpt = None, db: DbOpt = None, json: JsonOpt = False) -> None:
    """Print the resolved configuration and the files it came from."""
    cfg = settings(config, db)
    data = cfg.to_dict()
    if json:
        print_json(data)
        return
    # Plain stdout, not Rich: the output is TOML that --config reads back.
    sys.stdout.write(cfg.to_toml())
