"""Builders for hand-made Attribution and Document records used by the claims and report tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from headwater.model import Attribution, Document, Span, Speaker


def doc(
    doc_id: str, text: str, outlet: str | None = None, credited: str | None = None, published: str | None = None
) -> Document:
    return Document(
        id=doc_id,
        doc=f"{doc_id}.txt",
        path=f"/x/{doc_id}.txt",
        raw_text=text,
        text=text,
        title=f"Title {doc_id}",
        outlet=outlet,
        credited_source=credited,
        published=published,
    )


def att(
    article: str,
    content: str,
    speaker: str | None = "a Varnian official",
    *,
    type_: str = "anonymous",
    side: str = "AL",
    stance: str = "assert",
    kind: str = "indirect",
    via: str | None = None,
    start: int = 0,
    text: str | None = None,
    role: str | None = None,
) -> Attribution:
    """An attribution whose content starts at ``start`` (or where ``content`` occurs in ``text``)."""
    if text is not None:
        start = text.index(content)
    sp = None
    if speaker is not None:
        s0 = text.find(speaker) if text is not None and speaker in text else start
        sp = Speaker(
            speaker,
            s0,
            s0 + len(speaker),
            resolved=speaker,
            type=type_,
            side=side,  # type: ignore[arg-type]
            role=role,
        )
    return Attribution(
        article_id=article,
        doc=f"{article}.txt",
        kind=kind,
        stance=stance,  # type: ignore[arg-type]
        content=Span(content, start, start + len(content)),
        cue=Span("said", 0, 4),
        speaker=sp,
        via=via,
    )


def run_dossier(folder: Path, tmp: Path) -> dict[str, Any]:
    """Run the whole pipeline on every file of ``folder`` into a fresh store; return dossier.json."""
    from headwater.config import load_config
    from headwater.pipeline import run_pipeline

    cfg = load_config().override("store", db=str(tmp / "dossier.duckdb"))
    run_pipeline(sorted(str(p) for p in folder.iterdir()), cfg, tmp / "out")
    return json.loads((tmp / "out" / "dossier.json").read_text(encoding="utf-8"))
