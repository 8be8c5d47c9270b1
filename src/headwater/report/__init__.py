"""The dossier: ``write_report(store, cfg, outdir)`` writes dossier.html and its JSON twin dossier.json."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from headwater.atomic import atomic_write_text
from headwater.exec.stage import Planned
from headwater.model import Attribution, Claim, Document, ReuseEdge
from headwater.report.view import Dossier, SpeakerView, article_views, overview, reuse_views
from headwater.store import Store
from headwater.views.claims import claim_view

__all__ = ["ReportStage", "build_dossier", "claim_view", "dossier_from", "plan_report", "write_report"]


def _load(store: Store) -> tuple[Any, ...]:
    from headwater.store.articles import iter_documents
    from headwater.store.attributions import load_attributions
    from headwater.store.claims import load_claims, load_estimate_tables, load_speakers
    from headwater.store.reuse import load_edges, load_groups, load_origins

    docs = list(iter_documents(store))
    return (
        docs,
        list(load_attributions(store)),
        load_groups(store),
        load_origins(store),
        load_claims(store),
        load_speakers(store),
        load_estimate_tables(store),
        load_edges(store),
    )


def build_dossier(store: Store) -> Dossier:
    """The view data of the dossier, from what the stages have stored."""
    return dossier_from(*_load(store))


def dossier_from(
    docs: Sequence[Document],
    attributions: Sequence[Attribution],
    groups: dict[str, str],
    origins: dict[str, str | None],
    claims: Sequence[Claim],
    speakers: Sequence[dict[str, Any]],
    estimates: Sequence[dict[str, Any]],
    edges: Sequence[ReuseEdge] = (),
) -> Dossier:
    """The view data from records and the views the claims stage derived and stored (speakers, estimate
    tables: ``headwater.views``); what ``build_dossier`` reads from the store. Nothing is recomputed here."""
    estimates = list(estimates)
    edge_views, group_views = reuse_views(docs, edges, groups, origins)
    return Dossier(
        overview=overview(docs, groups, claims, estimates, attributions),
        articles=article_views(docs, attributions, groups, origins),
        claims=[claim_view(c) for c in claims],
        estimates=estimates,
        speakers=[SpeakerView(**s) for s in speakers],
        reuse_edges=edge_views,
        reprint_groups=group_views,
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


_INDENT_MAX_CLAIMS = 500


@dataclass(frozen=True, slots=True)
class ReportStage:
    """The report stage (``exec.stage.Stage``): read what the stages stored, render it (pure), write
    ``outdir/dossier.json`` and ``outdir/dossier.html``; its summary is the HTML file's path."""

    outdir: Path
    name = "report"

    def read(self, store: Store) -> Iterator[tuple[Any, ...]]:
        yield _load(store)

    def step(self, records: tuple[Any, ...]) -> tuple[str, str]:
        """(dossier.json, dossier.html) as text."""
        from headwater.report.html import render

        data = dossier_from(*records).to_dict()
        # Indented only when small: json's indenting encoder is pure Python, the compact one is C.
        indent = 1 if len(data.get("claims", ())) <= _INDENT_MAX_CLAIMS else None
        # No circular-reference check: the view data is a tree of fresh dicts and lists (a third faster).
        text = json.dumps(data, ensure_ascii=False, indent=indent, check_circular=False)
        return text + "\n", render(data)

    def write(self, store: Store, records: tuple[Any, ...], pages: tuple[str, str]) -> Path:
        self.outdir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.outdir / "dossier.json", pages[0])
        atomic_write_text(self.outdir / "dossier.html", pages[1])
        return self.outdir / "dossier.html"

    def total(self, written: Iterable[Path]) -> Path:
        [path] = written
        return path


def write_report(store: Store, cfg: Any, outdir: str | Path) -> Path:
    """Write ``outdir/dossier.html`` (one self-contained file) and ``outdir/dossier.json``; return the HTML path."""
    return plan_report(Path(outdir)).run(store)


def plan_report(outdir: Path) -> Planned[Path]:
    """The report stage, ready to run (the garbage collector paused, as for claims)."""
    return Planned(ReportStage(outdir), pause_gc=True)
