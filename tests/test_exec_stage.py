"""The Stage interface and its local executor; quantities kept per article by the extract stage; the claims
stage's derived views stored once and only read by the report."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from claims_helpers import att, doc
from headwater.config import load_config
from headwater.exec.claims import run_claims
from headwater.exec.extract import quantities_of, run_quantities
from headwater.exec.stage import Planned, Runner, run_stage
from headwater.extract.quantities import extract_quantities
from headwater.report import build_dossier
from headwater.store import articles, quantities
from headwater.store import attributions as table
from headwater.store.claims import load_estimate_tables, load_speakers

T1 = "An Alderan official said Varnia has lost between 4,000 and 6,500 soldiers killed since February 3."
T2 = "Ostreli Defence Minister Lena Sarvik said that 9,400 Varnian soldiers had been killed since February 3."
T3 = "The weather was mild in Halden on Sunday."


@dataclass
class _Squares:
    """A toy per-document stage: reads numbers in batches, squares them (pure), writes them to a list."""

    batches: list[list[int]]
    written: list[int] = field(default_factory=list)
    name = "squares"

    def read(self, store: object) -> Iterator[list[int]]:
        yield from self.batches

    def step(self, inputs: list[int]) -> list[int]:
        return [n * n for n in inputs]

    def write(self, store: object, inputs: list[int], outputs: list[int]) -> int:
        assert len(inputs) == len(outputs)
        self.written.extend(outputs)
        return len(outputs)

    def total(self, written: Iterable[int]) -> int:
        return sum(written)


def test_run_stage_reads_steps_and_writes_in_order() -> None:
    stage = _Squares([[1, 2], [3], [], [4, 5, 6]])
    assert run_stage(stage, None) == 6  # type: ignore[arg-type]
    assert stage.written == [1, 4, 9, 16, 25, 36]
    assert Planned(Runner("r", lambda store: 7)).run(None) == 7  # type: ignore[arg-type]
    assert Planned(_Squares([[2]]), pause_gc=True).run(None) == 1  # type: ignore[arg-type]


def _stored(store):  # type: ignore[no-untyped-def]
    cfg = load_config()
    docs = [doc("q1", T1, outlet="Wire"), doc("q2", T2, outlet="Times"), doc("q3", T3, outlet="Courier")]
    atts = {
        "q1": [
            att("q1", "Varnia has lost between 4,000 and 6,500 soldiers killed since February 3", side="AL", text=T1)
        ],
        "q2": [
            att(
                "q2",
                "9,400 Varnian soldiers had been killed since February 3",
                "Lena Sarvik",
                type_="person",
                side="OS",
                text=T2,
            )
        ],
        "q3": [],
    }
    articles.insert(store, docs)
    with store.transaction():
        table.replace_many(store, [(d.id, articles.text_hash(d.text), atts[d.id]) for d in docs], cfg.parse.model)
    return cfg, docs, atts


def test_quantities_are_kept_per_article_and_not_redone(store) -> None:  # type: ignore[no-untyped-def]
    cfg, docs, atts = _stored(store)
    assert quantities.pending(store) == ["q1", "q2", "q3"]
    assert run_quantities(store, cfg) == 2
    assert quantities.pending(store) == []
    assert run_quantities(store, cfg) == 0  # unchanged articles are not redone
    expected = sorted((q for d in docs for q in extract_quantities(d, atts[d.id])), key=lambda q: q.doc)
    assert sorted(quantities.load_quantities(store), key=lambda q: q.doc) == expected
    assert [q.side for q in expected] == ["AL", "OS"]
    # new attributions of one article make its quantities pending again, and only its
    with store.transaction():
        table.replace_many(store, [("q2", articles.text_hash(T2), [])], cfg.parse.model)
    assert quantities.pending(store) == ["q2"]
    assert [q.doc for q in quantities.load_quantities(store)] == ["q1.txt"]
    assert run_quantities(store, cfg) == len(quantities_of(docs[1], []))


def test_claims_stage_stores_speakers_and_estimates_the_report_reads(store) -> None:  # type: ignore[no-untyped-def]
    cfg, _, _ = _stored(store)
    summary = run_claims(store, cfg)  # quantities still pending are extracted first
    tables, speakers = load_estimate_tables(store), load_speakers(store)
    assert summary.quantities == 2 and summary.estimate_tables == len(tables) > 0
    assert sorted(e["side"] for t in tables for e in t["entries"]) == ["AL", "OS"]
    assert {s["speaker"] for s in speakers} == {"a Varnian official", "Lena Sarvik"}
    dossier = build_dossier(store).to_dict()
    assert dossier["estimates"] == tables
    assert dossier["speakers"] == speakers
