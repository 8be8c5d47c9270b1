"""Run the extract stage: read articles still to extract, parse + extract them (here or in worker
processes), write their attributions and numeric estimates (quantities, per article: ``quantities_of``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from headwater.model import Attribution, Document, Quantity

if TYPE_CHECKING:
    from spacy.language import Language

    from headwater.config import Config
    from headwater.exec.stage import Planned
    from headwater.store import Store

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ExtractSummary:
    """What one extract run did."""

    articles: int  # articles parsed and extracted
    written: int  # attributions written
    quantities: int = 0  # quantities written (of the articles extracted, and of any whose quantities were pending)

    def __str__(self) -> str:
        return f"{self.written} attributions written"

    def __add__(self, other: ExtractSummary) -> ExtractSummary:
        return ExtractSummary(
            self.articles + other.articles, self.written + other.written, self.quantities + other.quantities
        )


@dataclass(frozen=True, slots=True)
class _Job:
    docs: list[Document]
    batch_size: int
    unattributed: bool
    stored: list[list[Attribution]] | None = None  # no parse: the documents' stored attributions, for quantities


Found = list[tuple[list[Attribution], list[Quantity]]]  # per document of a job: attributions, quantities
_NLP: dict[str, Language] = {}


def _load(model: str) -> None:
    """Load the pipeline once per process (a worker's initializer)."""
    from headwater.parse import load_nlp

    _NLP["nlp"] = load_nlp(model)


def quantities_of(document: Document, attributions: list[Attribution]) -> list[Quantity]:
    """The numeric estimates of one article, their speakers' sides filled in from the article itself
    (``claims.sides.resolve_sides`` reads one article at a time: nothing here depends on other articles)."""
    from headwater.claims.sides import resolve_sides
    from headwater.extract.quantities import extract_quantities

    return extract_quantities(document, resolve_sides(attributions))


def _step(job: _Job) -> Found:
    """The stage's pure step over one batch: each document's attributions (parsed, or as stored) and quantities."""
    if job.stored is not None:
        return [(atts, quantities_of(d, atts)) for d, atts in zip(job.docs, job.stored, strict=True)]
    from headwater.extract.batch import extract_batch

    found = extract_batch(_NLP["nlp"], job.docs, job.batch_size, job.unattributed)
    return [(atts, quantities_of(d, atts)) for d, atts in zip(job.docs, found, strict=True)]


@dataclass(slots=True)
class ExtractStage:
    """The extract stage (``exec.stage.Stage``): the articles ``todo`` parsed and extracted in batches, then
    the quantities of any other article whose current text has none yet, from its stored attributions (a
    store from before quantities were kept per article, an engine that stores attributions only, an article
    in a language extraction skips)."""

    cfg: Config
    todo: list[str]
    on_progress: Progress | None = None
    done: int = 0
    name = "extract"
    step = staticmethod(_step)

    def read(self, store: Store) -> Iterator[_Job]:
        from headwater.store import articles, quantities
        from headwater.store.attributions import load_attributions

        batch = max(1, self.cfg.parse.batch_size)
        chunk, todo = batch * 4, self.todo
        for i in range(0, len(todo), chunk):
            yield _Job(list(articles.iter_documents(store, todo[i : i + chunk])), batch, self.cfg.extract.unattributed)
        parsed = set(todo)
        rest = [i for i in quantities.pending(store) if i not in parsed]  # stored attributions are current
        for i in range(0, len(rest), 500):
            ids = rest[i : i + 500]
            by_article: dict[str, list[Attribution]] = {}
            for a in load_attributions(store, ids=ids):
                by_article.setdefault(a.article_id, []).append(a)
            docs = list(articles.iter_documents(store, ids))
            yield _Job(docs, batch, self.cfg.extract.unattributed, [by_article.get(d.id, []) for d in docs])

    def write(self, store: Store, job: _Job, found: Found) -> ExtractSummary:
        from headwater.store import articles, quantities
        from headwater.store import attributions as table

        hashes = [articles.text_hash(d.text) for d in job.docs]
        written = 0
        with store.transaction():
            if job.stored is None:
                extracted = [(d.id, h, a) for d, h, (a, _) in zip(job.docs, hashes, found, strict=True)]
                written = table.replace_many(store, extracted, self.cfg.parse.model)
            counted = quantities.replace_many(
                store, [(d.id, h, q) for d, h, (_, q) in zip(job.docs, hashes, found, strict=True)]
            )
        if job.stored is not None:
            return ExtractSummary(0, 0, counted)
        self.done += len(job.docs)
        if self.on_progress:
            self.on_progress(self.done, len(self.todo))
        return ExtractSummary(len(job.docs), written, counted)

    def total(self, written: Iterable[ExtractSummary]) -> ExtractSummary:
        return sum(written, ExtractSummary(0, 0))


def run_quantities(store: Store, cfg: Config) -> int:
    """Extract the quantities of every article whose current text has none yet, from its stored attributions
    (no parse); return how many were written."""
    from headwater.exec.stage import run_stage

    return run_stage(ExtractStage(cfg, []), store).quantities


def plan_extract(
    store: Store, cfg: Config, on_progress: Progress | None = None, force: bool = False, workers: int | None = None
) -> Planned[ExtractSummary]:
    """The extract stage over the articles still to extract (``run_extract``), ready to run."""
    from headwater.exec.stage import Planned
    from headwater.lang import analysed
    from headwater.parse import require_model
    from headwater.store import attributions as table

    require_model(cfg.parse.model)
    skipped = {i for i, language, words in table.languages(store) if not analysed(language, words)}
    todo = [i for i in table.pending(store, cfg.parse.model, force) if i not in skipped]
    if on_progress:
        on_progress(0, len(todo))
    stage = ExtractStage(cfg, todo, on_progress)
    if not todo:  # no pipeline to load: quantities still pending read the stored attributions
        return Planned(stage)
    return Planned(stage, max(1, cfg.parse.workers if workers is None else workers), _load, (cfg.parse.model,))


def run_extract(
    store: Store, cfg: Config, on_progress: Progress | None = None, force: bool = False, workers: int | None = None
) -> ExtractSummary:
    """Extract attributions and quantities for articles whose current text has none yet.

    Idempotent: an article is skipped once its current ``text_hash`` is recorded; a changed text
    (cross-document cleaning) is extracted again and its old attributions replaced, and so is an article
    extracted with another pipeline than ``[parse] model``; ``force`` extracts every article again.
    Articles in a language the rules do not read (``lang.analysed``) are skipped (their quantities are
    still read). The pipeline must be installed (``ModelNotFound``) even when there is nothing to do. Work
    is committed batch by batch, so an interrupted run loses at most one batch. With ``workers`` > 1
    (default ``[parse] workers``) documents are parsed and extracted in that many processes, one pipeline
    each; what is written is the same as with one.
    """
    return plan_extract(store, cfg, on_progress, force, workers).run(store)
