"""``headwater reuse`` and ``headwater eval reuse``."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from headwater.cli.app import (
    ConfigOpt,
    DbOpt,
    JsonOpt,
    QuietOpt,
    app,
    console,
    eval_app,
    open_store,
    print_json,
    progress,
    settings,
)

ThresholdOpt = Annotated[
    float | None,
    typer.Option("--threshold", min=0.05, max=0.99, help="Jaccard similarity for near-duplicates (LSH bands derive from it)."),
]


@app.command("reuse")
def reuse_command(
    db: DbOpt = None, config: ConfigOpt = None, threshold: ThresholdOpt = None, json: JsonOpt = False, quiet: QuietOpt = False
) -> None:
    """Find which article copies which: exact copies, near-duplicates, shared passages, citations, origins."""
    from headwater.reuse.stage import run_reuse
    from headwater.reuse.view import build_view

    cfg = settings(config, db).override("reuse", threshold=threshold)
    with open_store(cfg) as store:
        with progress(quiet or json) as bar:
            task = bar.add_task("reuse", total=None)

            def report(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            summary = run_reuse(store, cfg, on_progress=report)
        groups = build_view(store)
    if json:
        print_json({"summary": asdict(summary), "groups": [g.to_dict() for g in groups]})
    elif not quiet:
        _print_tree(groups, summary)


def _name(a) -> str:  # type: ignore[no-untyped-def]
    bits = [b for b in (a.outlet, a.published) if b]
    return f"[bold]{a.doc}[/]" + (f" [dim]({', '.join(bits)})[/]" if bits else "")


def _edge_line(e, other) -> str:  # type: ignore[no-untyped-def]
    way = "" if e.direction == "undetermined" else f", first by {e.direction}"
    return (
        f"{_name(other)}  [cyan]{e.label or e.kind}[/] ({e.kind}) similarity {e.similarity:.2f}, "
        f"containment {e.containment:.2f}" + (f", {e.passages} passage(s)" if e.passages else "") + f"[dim]{way}[/]"
    )


def _print_tree(groups, summary) -> None:  # type: ignore[no-untyped-def]
    from rich.tree import Tree

    out = console()
    out.print(
        f"[bold]{summary.articles}[/] articles: {summary.exact} exact, {summary.near_duplicate} near-duplicate, "
        f"{summary.partial} partial, {summary.cites} citation-only edges; {summary.groups} reprint groups; "
        f"{summary.citations} citations [dim](LSH {summary.bands} bands x {summary.rows} rows, {summary.seconds}s)[/]"
    )
    for g in groups:
        head = f"origin: {_name(g.origin)}" if g.origin else "[yellow]origin undetermined[/]"
        tree = Tree(f"[magenta]group {g.id}[/] ({len(g.members)} article(s)) {head}")
        for e in g.copies:
            tree.add(_edge_line(e, e.target) + f" [dim]copy of {e.source.doc}[/]")
        if g.links:
            branch = tree.add("[bold]shared passages / citations with other groups[/]")
            for e in g.links:
                branch.add(f"{e.source.doc} -> " + _edge_line(e, e.target))
        if g.citations:
            branch = tree.add("[bold]citations[/]")
            for c in g.citations:
                branch.add(f"{c['doc']}: [green]{c['outlet']}[/] ({c['kind']}: “{c['surface']}”)")
        out.print(tree)


CorpusOpt = Annotated[
    Path | None,
    typer.Option("--corpus", help="Labelled reuse corpus (labels.jsonl + files); default: generated from examples/corpus."),
]


@eval_app.command("reuse")
def eval_reuse_command(corpus: CorpusOpt = None, config: ConfigOpt = None, json: JsonOpt = False) -> None:
    """Pair precision and recall by kind, and passage boundary accuracy, on a labelled reuse corpus."""
    from headwater.evaluate.reuse import evaluate_reuse

    cfg = settings(config)
    result = evaluate_reuse(corpus, cfg)
    if json:
        print_json(result.to_dict())
    else:
        console().print(result.render())
