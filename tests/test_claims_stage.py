"""The claims stage and its store: save, load, export, idempotence."""

from __future__ import annotations

from claims_helpers import att, doc
from headwater.claims.build import build_claims
from headwater.claims.estimates import tables
from headwater.claims.origins import ArticleInfo
from headwater.config import load_config
from headwater.export import available
from headwater.extract.quantities import extract_quantities
from headwater.model import plain
from headwater.store import claims as claims_store
from headwater.store import quantities as quantities_store
from headwater.store.articles import insert, text_hash
from headwater.views.estimates import estimate_views
from headwater.views.speakers import speaker_views


def _records():  # type: ignore[no-untyped-def]
    t1 = "An Alderan official said Varnia has lost between 4,000 and 6,500 soldiers killed since February 3."
    t2 = "Ostreli Defence Minister Lena Sarvik said that 9,400 Varnian soldiers had been killed since February 3."
    t3 = "The Varnian Defence Ministry said Varnian losses were fewer than 1,200 killed."
    docs = [doc("s1", t1, outlet="Wire"), doc("s2", t2, outlet="Times"), doc("s3", t3, outlet="Courier")]
    atts = [
        att(
            "s1",
            "Varnia has lost between 4,000 and 6,500 soldiers killed since February 3",
            "An Alderan official",
            side="AL",
            text=t1,
        ),
        att(
            "s2",
            "9,400 Varnian soldiers had been killed since February 3",
            "Lena Sarvik",
            type_="person",
            side="OS",
            text=t2,
        ),
        att(
            "s3",
            "Varnian losses were fewer than 1,200 killed",
            "The Varnian Defence Ministry",
            type_="organization",
            side="VA",
            text=t3,
        ),
    ]
    return docs, atts


def test_save_load_export_roundtrip(store) -> None:  # type: ignore[no-untyped-def]
    docs, atts = _records()
    infos = {d.id: ArticleInfo(d.id, d.doc, d.outlet, None, None) for d in docs}
    claims = build_claims(atts, infos)
    found = [(d, extract_quantities(d, [a for a in atts if a.article_id == d.id])) for d in docs]
    quantities = [q for _, qs in found for q in qs]
    insert(store, docs)
    with store.transaction():
        assert quantities_store.replace_many(store, [(d.id, text_hash(d.text), qs) for d, qs in found]) == 3
    assert quantities_store.pending(store) == []  # each article's quantities are keyed by its text
    estimates = estimate_views(quantities, {})
    speakers = [plain(v) for v in speaker_views(atts, claims)]
    claims_store.save(store, claims, speakers, estimates)
    claims_store.save(store, claims, speakers, estimates)  # idempotent
    loaded = claims_store.load_claims(store)
    assert [c.id for c in loaded] == [c.id for c in claims]
    assert loaded[0].members == claims[0].members and loaded[0].grade == claims[0].grade
    assert sorted(claims_store.load_quantities(store), key=lambda q: q.doc) == sorted(quantities, key=lambda q: q.doc)
    assert claims_store.load_estimate_tables(store) == estimates and len(estimates) == 1
    assert claims_store.load_speakers(store) == speakers and len(speakers) == 3
    rows = list(available()["claims"](store))
    assert rows[0]["grade"]["reliability"] in "ABCDEF"
    assert len(list(available()["estimates"](store))) == 3


def test_estimates_side_by_side_and_contradictions() -> None:
    docs, atts = _records()
    quantities = [q for d in docs for q in extract_quantities(d, [a for a in atts if a.article_id == d.id])]
    [table] = tables(quantities)
    assert table.quantity == "Varnian soldiers killed"
    assert [e.quantity.side for e in table.entries] == ["VA", "AL", "OS"]
    notes = [n for _, _, n in table.contradictions]
    assert len(notes) == 3  # fewer than 1,200 vs 4,000-6,500 vs 9,400: no two overlap
    assert any("9,400 (Lena Sarvik (OS))" in n for n in notes)


def test_run_claims_on_a_store_without_attributions(store) -> None:  # type: ignore[no-untyped-def]
    from headwater.exec.claims import run_claims

    docs, _ = _records()
    insert(store, docs)
    summary = run_claims(store, load_config())
    assert summary.articles == 3
    assert summary.quantities == 3
    assert summary.contradictions == 3


def test_one_row_per_party_and_one_contradiction_per_pair_of_figures() -> None:
    from headwater.model import Quantity, Span

    def q(
        doc_: str,
        value: float,
        speaker: str | None,
        side: str,
        qualifier: str | None = None,
        what: str = "Varnian soldiers killed",
    ) -> Quantity:
        return Quantity(
            doc_, f"{doc_}.txt", what, "soldiers", value, None, None, qualifier, Span("", 0, 1), speaker, side
        )

    quantities = [
        q("a", 9400, "Lena Sarvik", "OS"),
        q("b", 9400, "Ostreli General Staff", "OS"),
        q("c", 1200, "Varnian Defence Ministry", "VA", "fewer than"),
        q("d", 1200, "Lev Tarnov", "VA", "less than"),
        q("e", 1200, "Defence Ministry", "unknown", "fewer than"),
        q("f", 300, "an official", "AL", "more than", "Varnian soldiers killed or wounded"),
    ]
    [table] = tables(quantities)
    assert table.quantity == "Varnian soldiers killed"
    rows = [(e.quantity.side, e.quantity.value, sorted(e.docs)) for e in table.entries]
    assert rows == [("VA", 1200, ["c.txt", "d.txt", "e.txt"]), ("AL", 300, ["f.txt"]), ("OS", 9400, ["a.txt", "b.txt"])]
    assert len(table.contradictions) == 1  # fewer than 1,200 vs 9,400; "more than 300" overlaps both
    assert "Varnian Defence Ministry (VA)" in table.contradictions[0][2]
