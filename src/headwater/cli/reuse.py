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
from headwater.cli.text import esc

ThresholdOpt = Annotated[
    float | None,
    typer.Option(
        "--threshold", min=0.05, max=0.99, help="Jaccard similarity for near-duplicates (LSH bands derive from it)."
    ),
]


@app.command("reuse")
def reuse_command(
    db: DbOpt = None,
    config: ConfigOpt = None,
    threshold: ThresholdOpt = None,
    stored: Annotated[
        bool,
        typer.Option(
            "--stored", help="Show the reuse the last run stored, without recomputing it (opens the store read-only)."
        ),
    ] = False,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Find which article copies which: exact copies, near-duplicates, shared passages, citations, origins."""
    from headwater.views.reuse import build_view, stored_summary

    cfg = settings(config, db).override("reuse", threshold=threshold)
    if stored:
        with open_store(cfg, read_only=True) as store:
            counts, groups = stored_summary(store), build_view(store)
    else:
        from headwater.exec.reuse import run_reuse

        with open_store(cfg) as store:
            with progress(quiet or json) as bar:
                task = bar.add_task("reuse", total=None)

                def report(done: int, total: int) -> None:
                    bar.update(task, completed=done, total=total)

                summary = run_reuse(store, cfg, on_progress=report)
            groups = build_view(store)
        counts = asdict(summary)
    if json:
        print_json({"summary": counts, "groups": [g.to_dict() for g in groups]})
    elif not quiet:
        _print_tree(groups, counts)


def _name(a) -> str:  # type: ignore[no-untyped-def]
    bits = [b for b in (a.outlet, a.published) if b]
    return f"[bold]{esc(a.doc)}[/]" + (f" [dim]({esc(', '.join(bits))})[/]" if bits else "")


def _edge_line(e, other) -> str:  # type: ignore[no-untyped-def]
    way = "" if e.direction == "undetermined" else f", first by {esc(e.direction)}"
    return (
        f"{_name(other)}  [cyan]{esc(e.label or e.kind)}[/] ({esc(e.kind)}) similarity {e.similarity:.2f}, "
        f"containment {e.containment:.2f}" + (f", {e.passages} passage(s)" if e.passages else "") + f"[dim]{way}[/]"
    )


def member_edges(g):  # type: ignore[no-untyped-def]
    """Every member once, the origin (else the earliest) first, each later one with the edge that ties
    it to a member listed before it: a copy edge before shared passages (rewrites and translations),
    edges to the origin first. An edge is shown once, so a copy whose direction is unknown is not
    listed from both ends."""
    ids = {m.id for m in g.members}
    inside = [e for e in (*g.copies, *g.links) if e.source.id in ids and e.target.id in ids]
    origin = g.origin.id if g.origin else None
    members = sorted(g.members, key=lambda m: m.id != origin)
    listed: set[str] = set()
    out = []
    for member in members:
        mine = [e for e in inside if member.id in (e.source.id, e.target.id) and not any(e is u for _, u in out)]
        earlier = [e for e in mine if ({e.source.id, e.target.id} - {member.id}) <= listed]
        edge = None
        if listed:
            edge = max(
                earlier or mine,
                default=None,
                key=lambda e: (e in g.copies, origin in (e.source.id, e.target.id), e.similarity),
            )
        out.append((member, edge))
        listed.add(member.id)
    return out


def _member_line(g, member, edge) -> str:  # type: ignore[no-untyped-def]
    """One line per member: the origin, or the member with the edge that ties it to the group."""
    if g.origin is not None and member.id == g.origin.id:
        return f"{_name(member)}  [green]origin[/]"
    if edge is None:
        return f"{_name(member)}  [dim]member{' (listed first: which came first is undetermined)' if g.origin is None else ''}[/]"
    other = edge.source if edge.target.id == member.id else edge.target
    relation = "from" if edge.direction != "undetermined" and edge.target.id == member.id else "with"
    return _edge_line(edge, member) + f" [dim]{relation} {esc(other.doc)}[/]"


def group_tree(g):  # type: ignore[no-untyped-def]
    """A reprint group as a Rich tree: every member listed once (origin first), then the other
    shared passages and citations, each heading with the count of what it lists."""
    from rich.text import Text
    from rich.tree import Tree

    head = f"origin: {_name(g.origin)}" if g.origin else "[yellow]origin undetermined[/]"
    n = len(g.members)
    tree = Tree(Text.from_markup(f"[magenta]group {esc(g.id)}[/] ({n} article{'s' if n != 1 else ''}) {head}"))
    used = []
    if n > 1:
        for member, edge in member_edges(g):
            used.append(edge)
            tree.add(Text.from_markup(_member_line(g, member, edge)))
    links = [e for e in g.links if not any(e is u for u in used)]
    if links:
        branch = tree.add(Text.from_markup(f"[bold]shared passages and citing articles ({len(links)})[/]"))
        for e in links:
            branch.add(Text.from_markup(f"{esc(e.source.doc)} -> " + _edge_line(e, e.target)))
    if g.citations:
        branch = tree.add(Text.from_markup(f"[bold]sources named ({len(g.citations)})[/]"))
        for c in g.citations:
            branch.add(
                Text.from_markup(
                    f"{esc(c['doc'])}: [green]{esc(c['outlet'])}[/] ({esc(c['kind'])}: “{esc(c['surface'])}”)"
                )
            )
    return tree


def _print_tree(groups, counts) -> None:  # type: ignore[no-untyped-def]
    out = console()
    reprint = [g for g in groups if len(g.members) > 1]
    single = [g for g in groups if len(g.members) == 1]
    c = counts
    lsh = (
        f" [dim](LSH {c['bands']} bands x {c['rows']} rows, {c['seconds']}s)[/]"
        if "bands" in c
        else " [dim](as stored)[/]"
    )
    out.print(
        f"[bold]{c['articles']}[/] articles: {c['exact']} exact, {c['near_duplicate']} near-duplicate, "
        f"{c['partial']} partial, {c['cites']} citation-only edges; {c['groups']} reprint groups; "
        f"{c['citations']} citations" + lsh,
        markup=True,
    )
    if reprint:
        out.print(f"\n[bold]reprint groups ({len(reprint)})[/]", markup=True)
    for g in reprint:
        out.print(group_tree(g))
    if single:
        out.print(
            f"\n[bold]articles outside reprint groups with shared passages or citations ({len(single)})[/]", markup=True
        )
    for g in single:
        out.print(group_tree(g))


CorpusOpt = Annotated[
    Path | None,
    typer.Option(
        "--corpus",
        exists=True,
        help="Labelled reuse corpus (labels.jsonl + files); default: generated from examples/corpus.",
    ),
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
