"""``headwater extract``, ``headwater attributions [ARTICLE]`` and ``headwater eval attributions``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

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
    eval_app,
    open_store,
    piped,
    print_json,
    print_rows,
    progress,
    settings,
)
from headwater.cli.engine import EngineOpt, MasterOpt, StagingOpt
from headwater.cli.text import esc, safe


@app.command("extract")
def extract_cmd(
    db: DbOpt = None,
    model: ModelOpt = None,
    workers: WorkersOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
    force: Annotated[
        bool, typer.Option("--force", help="Extract every article again, not only new, changed or other-model ones.")
    ] = False,
    engine: EngineOpt = "local",
    master: MasterOpt = None,
    staging: StagingOpt = None,
) -> None:
    """Extract attributions (who said what) from every stored article not yet extracted with this pipeline."""
    from headwater.cli.engine import default_staging, engine_for
    from headwater.exec.extract import run_extract
    from headwater.lang import describe_skipped, not_analysed
    from headwater.store import attributions as table

    cfg = settings(config, db, model, workers)
    runner = engine_for(engine, master, staging, default_staging(cfg))
    with open_store(cfg) as store:
        with progress(quiet or as_json) as bar, runner as spark:
            task = bar.add_task("extract", total=None)

            def step(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            written = spark.extract(store, cfg, step, force) if spark is not None else 0
            written += run_extract(store, cfg, step, force=force and spark is None).written
        total = table.count(store)
        skipped = not_analysed([(language, words) for _, language, words in table.languages(store)])
    if skipped and not quiet:
        error(describe_skipped(skipped) + ": headwater's extraction reads English", label="warning", style="yellow")
    if as_json:
        print_json({"written": written, "stored": total, "model": cfg.parse.model, "not_analysed": skipped})
    elif not quiet:
        console().print(f"{written} attributions extracted ({total} stored) with {cfg.parse.model}")


def _short(text: str | None, n: int = 90) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _speaker_cell(att: Any) -> Any:
    from rich.text import Text

    sp = att.speaker
    if sp is None:
        return Text("(unattributed)", style="dim")
    name = sp.resolved if sp.resolved and sp.resolved != sp.text else None
    main = esc(f"{sp.text} → {name}" if name else sp.text)
    extra = ", ".join(x for x in (sp.type, sp.side if sp.side != "unknown" else "", sp.role or "") if x)
    via = f"\n[dim]via {esc(att.via)}[/]" if att.via else ""
    return Text.from_markup(f"{main}\n[dim]{esc(extra)}[/]{via}")


def _table(atts: list[Any], with_doc: bool) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(atts)} attributions", expand=True)
    if with_doc:
        table.add_column("doc", overflow="fold", min_width=10, ratio=1)
    table.add_column("speaker", overflow="fold", min_width=16, ratio=2)
    table.add_column("cue", min_width=6, ratio=1, overflow="fold")
    table.add_column("kind", min_width=8, no_wrap=True)
    table.add_column("content", overflow="fold", min_width=24, ratio=4)
    for a in atts:
        kind = Text(a.kind) if a.stance == "assert" else Text.from_markup(f"{esc(a.kind)}\n[bold]{esc(a.stance)}[/]")
        row = [_speaker_cell(a), Text(safe(a.cue.text if a.cue else "")), kind, Text(safe(_short(a.content.text, 160)))]
        table.add_row(*([Text(safe(a.doc))] if with_doc else []), *row)
    return table


@app.command("attributions")
def attributions_cmd(
    article: Annotated[
        str | None,
        typer.Argument(
            metavar="ARTICLE", show_default=False, help="Article id, id prefix or file name (all when omitted)."
        ),
    ] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show the stored attributions: who said what, how, and through whom (tab-separated when piped)."""
    from headwater.store import articles
    from headwater.store.attributions import load_attributions, to_json

    cfg = settings(config, db)
    with open_store(cfg, read_only=True) as store:
        ref = articles.resolve_ref(store, article) if article else None
        atts = load_attributions(store, ref)
    if as_json:
        print_json([to_json(a) for a in atts])
        return
    if piped():
        print_rows(
            (
                "article_id",
                "doc",
                "speaker",
                "resolved",
                "type",
                "side",
                "role",
                "cue",
                "kind",
                "stance",
                "content",
                "via",
            ),
            (_plain_row(a) for a in atts),
        )
        return
    console().print(_table(atts, with_doc=ref is None))


def _plain_row(a: Any) -> tuple[Any, ...]:
    sp = a.speaker
    speaker = (sp.text, sp.resolved, sp.type, sp.side, sp.role) if sp else (None,) * 5
    return (a.article_id, a.doc, *speaker, a.cue.text if a.cue else None, a.kind, a.stance, a.content.text, a.via)


def _print_eval(result: dict[str, Any]) -> None:
    out = console()
    if result["format"] == "seed":
        out.print(f"seed gold: {result['documents']} documents, {result['required']} required items")
        out.print(
            f"  found {result['found']} ({result['found_share']:.1%}), with the right speaker "
            f"{result['found_right_speaker']} ({result['right_speaker_share']:.1%})"
        )
        out.print(
            f"  precision {result['precision']:.1%} of {result['predicted']} attributed predictions "
            f"({result['unattributed_predicted']} unattributed hedges not scored)"
        )
        for m in result["misses"]:
            out.print(
                f"  [red]miss[/] {esc(m['doc'])}: {esc(m['gold_speaker'])}: {esc(repr(m['content']))}", markup=True
            )
        for e in result["extras"]:
            out.print(
                f"  [yellow]extra[/] {esc(e['doc'])}: {esc(e['speaker'])} {esc(e['cue'])}: "
                f"{esc(repr(_short(e['content'], 70)))}",
                markup=True,
            )
        return
    out.print(
        f"PolNeAR: {result['documents']} documents, gold {result['gold']}, predicted {result['predicted']}, "
        f"theta {result['theta']:.2f}"
    )
    for name in ("content", "content_exact", "attribution"):
        r = result[name]
        out.print(f"  {name:<14} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}")
    out.print(
        f"  on content-matched pairs: source exact {result['source_exact']:.3f} overlap "
        f"{result['source_overlap']:.3f} | cue exact {result['cue_exact']:.3f} overlap {result['cue_overlap']:.3f}"
    )


@eval_app.command("attributions")
def eval_attributions_cmd(
    gold: Annotated[
        Path, typer.Option("--gold", exists=True, dir_okay=False, help="Seed gold JSONL or PolNeAR JSONL (train/dev).")
    ],
    model: ModelOpt = None,
    theta: Annotated[float, typer.Option("--theta", help="PolNeAR content overlap F1 for a match.")] = 0.5,
    seeds: Annotated[
        Path | None, typer.Option("--seeds", help="Seed articles folder (default: beside the gold).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Score the attribution extractor against gold data."""
    from headwater.evaluate.attributions import evaluate

    result = evaluate(gold, model=model, theta=theta, seeds=seeds)
    if as_json:
        print_json(result)
    else:
        _print_eval(result)
