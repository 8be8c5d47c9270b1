"""Library entry points that chain the stages; the CLI is a thin layer over these."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from headwater.clean import Cleaned, clean_document, load_patterns
from headwater.clean.crossdoc import LineEvidence, is_boilerplate
from headwater.config import Config
from headwater.lang import describe_skipped
from headwater.model import ArticleSummary, Document, IgnoredFile, IngestError, IngestReport, RawArticle
from headwater.sources import expand_paths, read_file
from headwater.sources.decode import valid_name, valid_text
from headwater.sources.limits import reason_for
from headwater.store import Store
from headwater.store import articles as store_articles

if TYPE_CHECKING:
    from headwater.claims.cluster import Pair, Statement

Progress = Callable[[str, int, int | None], None]  # (stage, done, total)


def _noop(stage: str, done: int, total: int | None) -> None:
    return None


def source_key(raw: RawArticle) -> str:
    """What makes an input a source of its own: its URL, else its name ("wire.txt", "feed.jsonl#3").
    Not its folder: moving or cloning a corpus keeps every article's id."""
    return raw.url or raw.doc


def article_id(raw: RawArticle, cleaned: Cleaned) -> str:
    """An article is its source *and* its text: re-reading the same source changes nothing, while the
    same text from another file, record or URL (a reprint carried word for word by another outlet) is
    another article, joined to the first by an ``exact`` reuse edge."""
    import hashlib

    key = f"{source_key(raw)}\0{cleaned.id}"
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def build_document(raw: RawArticle, cleaned: Cleaned) -> Document:
    from headwater.lang import detect_language

    return Document(
        id=article_id(raw, cleaned),
        doc=raw.doc,
        path=raw.path,
        raw_text=raw.raw_text,
        text=cleaned.text,
        title=raw.title or cleaned.title,
        outlet=cleaned.outlet,
        credited_source=cleaned.credited_source,
        url=raw.url,
        published=raw.published or cleaned.published,
        language=detect_language(cleaned.text),
        offsets=cleaned.offsets,
        removed=cleaned.removed,
        source_format=raw.source_format,
    )


def expand_inputs(
    paths: Iterable[str | Path],
    follow_symlinks: bool = False,
    uris: Callable[[list[str]], list[Path | IngestError]] | None = None,
) -> list[Path | IngestError | IgnoredFile]:
    """The files under ``paths`` (and what cannot be read: a URL is an error saying how to fetch it);
    ``NothingToRead`` when none names a file, so that a command given only wrong paths stores nothing
    and writes no dossier. ``uris`` lists the files under the URIs it accepts (the Spark engine: Hadoop
    filesystems, ``hdfs://``, ``s3a://``, ``file://``), given as ``(files, rest)``."""
    from headwater.errors import NothingToRead
    from headwater.sources import READERS
    from headwater.sources.urls import URL_REASON, is_url

    paths = list(paths)
    listed: list[Path | IngestError] = []
    if uris is not None:
        listed = uris([str(p) for p in paths if is_url(str(p))])
        taken = {str(p) for p in paths if is_url(str(p)) and not str(p).lower().startswith(("http:", "https:"))}
        paths = [p for p in paths if str(p) not in taken]
    urls = [IngestError(str(p), URL_REASON) for p in paths if is_url(str(p))]
    items: list[Path | IngestError | IgnoredFile] = [
        *urls,
        *listed,
        *expand_paths((p for p in paths if not is_url(str(p))), follow_symlinks),
    ]
    if not any(isinstance(i, Path) for i in items):
        problems = [(e.path, e.reason) for e in items if isinstance(e, IngestError)]
        kinds = ", ".join(sorted(set(READERS) - {".gz"})) + ", .warc.gz"
        raise NothingToRead(problems or [(str(p), f"no article file found here (looked for {kinds})") for p in paths])
    return items


CleanedArticle = tuple[Document, store_articles.LineHashes]  # an article as stored, with its line hashes
FileResult = tuple[list["CleanedArticle | IngestError"], int]  # one file's articles in order, surrogates replaced
FileCleaner = Callable[[list[Path]], Iterator[FileResult]]  # the files to read -> each one's result, in order
Recurring = list[tuple[int, int, list[tuple[str, str | None]], bool]]  # store_articles.recurring_lines' rows
LineCounter = Callable[[Store, int], "Recurring | None"]  # recurring_lines elsewhere; None: ask the store


def ingest_paths(
    store: Store,
    cfg: Config,
    paths: Iterable[str | Path],
    progress: Progress = _noop,
    items: list[Path | IngestError | IgnoredFile] | None = None,
    cleaner: FileCleaner | None = None,
    counter: LineCounter | None = None,
) -> IngestReport:
    """Read, clean and store every article under ``paths`` (the ingest stage, ``exec.ingest``); then
    refresh cross-document boilerplate.

    Articles are committed in batches, so an interrupted ingest keeps what it stored and
    a second run adds only what is missing. A file read before, unchanged since (same
    size and modification time) and free of errors, is skipped unread. Each file, and each
    record of a multi-record file, is read in isolation: whatever goes wrong in one becomes an
    ``IngestError`` naming it, and the batch goes on. ``cleaner`` reads and cleans the files to read
    (default: here, one by one; the Spark engine: as tasks); what it yields is stored in file order
    either way. ``counter`` counts the lines kept by 2+ articles for the cross-document
    boilerplate (default: the store; the Spark engine: a group-by over its Parquet).
    """
    from headwater.exec.ingest import IngestStage
    from headwater.exec.stage import run_stage

    files = items if items is not None else list(expand_paths(paths, cfg.ingest.follow_symlinks))
    report = run_stage(IngestStage(cfg, files, lambda d, n: progress("ingest", d, n), cleaner), store)
    refresh_boilerplate(store, cfg, counter)
    return report


def clean_file(path: Path, cfg: Config, patterns, crossdoc: frozenset[int]) -> FileResult:  # type: ignore[no-untyped-def]
    """Every article of one file, cleaned (or the error that stopped it), in reading order; and how many
    lone surrogates were replaced."""
    out: list[CleanedArticle | IngestError] = []
    replaced = 0
    for art in read_file(path, cfg.ingest):
        one, n = clean_isolated(art, patterns, crossdoc, cfg)
        out.append(one)
        replaced += n
    return out, replaced


def _resolved(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def clean_isolated(
    art: RawArticle | IngestError,
    patterns,
    crossdoc: frozenset[int],
    cfg: Config,  # type: ignore[no-untyped-def]
) -> tuple[CleanedArticle | IngestError, int]:
    """``clean_article`` for one record, with any failure turned into an error naming the record; and how
    many lone surrogates were replaced."""
    if isinstance(art, IngestError):
        return IngestError(valid_name(art.path), valid_name(art.reason)), 0
    art, replaced = valid_article(art)
    try:
        return clean_article(art, patterns, crossdoc, cfg), replaced
    except Exception as exc:
        return IngestError(_where(art), f"cannot clean: {reason_for(exc)}"), replaced


def _where(art: RawArticle) -> str:
    return art.path if art.doc == Path(art.path).name else f"{art.path} ({art.doc})"


def clean_article(art: RawArticle, patterns, crossdoc: frozenset[int], cfg: Config) -> CleanedArticle | IngestError:  # type: ignore[no-untyped-def]
    limit = cfg.ingest
    if len(art.raw_text) > limit.max_record_chars:
        return IngestError(
            _where(art),
            f"article too long to clean ({len(art.raw_text):,} characters "
            f"> max_record_chars {limit.max_record_chars:,})",
        )
    cleaned = clean_document(
        art.raw_text,
        patterns=patterns,
        title=None if art.title_in_text else art.title,
        outlet=art.outlet,
        crossdoc=crossdoc,
        max_align_chars=cfg.clean.max_align_chars,
    )
    if not cleaned.text.strip():
        return IngestError(_where(art), "no article text left after cleaning")
    if len(cleaned.text) > limit.max_article_chars:
        return IngestError(
            _where(art),
            f"article too long ({len(cleaned.text):,} characters > max_article_chars {limit.max_article_chars:,})",
        )
    return build_document(art, cleaned), (cleaned.line_hashes, cleaned.sentence_hashes, cleaned.crossdoc_applied)


_META_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def valid_article(art: RawArticle) -> tuple[RawArticle, int]:
    """``art`` with lone surrogates replaced in every text field, and how many were replaced.

    Metadata (title, outlet, url, date) is one line of text: control characters in it (NUL, escape
    sequences' ESC, newlines) become a space. The raw text keeps them (offsets point into it); the
    cleaner decides what of it reaches the article.
    """
    changes: dict[str, str] = {}
    total = 0
    for name in ("doc", "path", "raw_text", "title", "outlet", "url", "published"):
        value = getattr(art, name)
        if isinstance(value, str):
            fixed, n = valid_text(value)
            total += n
            if name in ("title", "outlet", "url", "published") and _META_CONTROL.search(fixed):
                fixed = " ".join(_META_CONTROL.sub(" ", fixed).split()) or None  # type: ignore[assignment]
            if fixed != value:
                changes[name] = fixed
    return (replace(art, **changes) if changes else art), total


def refresh_boilerplate(store: Store, cfg: Config, counter: LineCounter | None = None) -> int:
    """Find cross-document boilerplate lines and re-clean the articles they affect; return how many changed.
    ``counter`` gives the lines kept by 2+ articles (default, or when it returns None: the store's count)."""
    c = cfg.clean
    recurring = counter(store, 8) if counter is not None else None
    if recurring is None:
        recurring = store_articles.recurring_lines(store, 8)
    evidence = [LineEvidence(h, n, tuple(sample), prose) for h, n, sample, prose in recurring]
    lines = store_articles.line_sets(store, {aid for ev in evidence for aid, _ in ev.sample})
    found = {
        ev.line_hash: ev
        for ev in evidence
        if is_boilerplate(
            ev,
            lines,
            min_articles=c.crossdoc_min_articles,
            min_articles_prose=c.crossdoc_min_articles_prose,
            max_similarity=c.crossdoc_max_similarity,
            sample_pairs=c.crossdoc_sample_pairs,
        )
    }
    hashes = frozenset(found)
    stale = store_articles.stale_crossdoc(store, hashes)
    patterns = load_patterns(c.patterns)
    with store.transaction():
        store_articles.save_boilerplate(
            store,
            {h: (_line_text(store, ev), ev.articles, "recurs across unrelated articles") for h, ev in found.items()},
        )
        for doc in store_articles.iter_documents(store, stale):
            cleaned = clean_document(
                doc.raw_text, patterns=patterns, title=doc.title, outlet=doc.outlet, crossdoc=hashes
            )
            store_articles.update_text(
                store,
                doc.with_(text=cleaned.text, offsets=cleaned.offsets, removed=cleaned.removed),
                cleaned.crossdoc_applied,
            )
    return len(stale)


def _line_text(store: Store, ev: LineEvidence) -> str:
    from headwater.clean import line_hash

    doc = next(store_articles.iter_documents(store, [ev.sample[0][0]]))
    lines = [r.text for r in doc.removed if r.reason == "crossdoc"] + doc.text.split("\n\n")
    return next((t for t in lines if line_hash(t) == ev.line_hash), "")


@dataclass(slots=True)
class RunResult:
    db: str
    ingest: IngestReport
    stages: dict[str, str] = field(default_factory=dict)
    articles: list[ArticleSummary] = field(default_factory=list)
    dossier: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    not_analysed: dict[str, int] = field(default_factory=dict)  # language -> articles extraction skipped

    def to_dict(self) -> dict[str, object]:
        from dataclasses import asdict

        return asdict(self)


def describe(stage: str, out: object) -> str:
    """A stage's summary for people: "13 articles, 2 groups, ..." rather than a repr."""
    from dataclasses import fields, is_dataclass

    if isinstance(out, int) or type(out).__str__ is not object.__str__:
        return str(out)
    if is_dataclass(out) and not isinstance(out, type):
        items = [(f.name, getattr(out, f.name)) for f in fields(out)]
    elif isinstance(out, dict):
        items = list(out.items())
    else:
        return str(out)
    return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in items if v not in ([], (), None, ""))


def _not_analysed(store: Store) -> dict[str, int]:
    from headwater.lang import not_analysed
    from headwater.store.attributions import languages

    return not_analysed([(language, words) for _, language, words in languages(store)])


class Engine(Protocol):
    """Where the per-document stages run (``headwater.spark.SparkEngine``); the local engine is ``None``."""

    def cleaner(self, store: Store, cfg: Config) -> FileCleaner: ...

    def list_uris(self, uris: list[str]) -> list[Path | IngestError]:
        """The article files under the URIs this engine reads (others it leaves: not in the list)."""
        ...

    def recurring_lines(self, store: Store, sample: int) -> Recurring | None:
        """``store_articles.recurring_lines`` computed where the cleaned articles are (None: cannot here)."""
        ...

    def reuse(self, store: Store, cfg: Config, on_progress: Callable[[int, int], None]) -> object:
        """The reuse stage with its sketch, LSH and verify steps on the engine (``exec.reuse.run_reuse``)."""
        ...

    def claim_pairs(
        self,
        groups: Sequence[Sequence[Statement]],
        weights: dict[str, float],
        max_df: int,
        floor: float,
        copies: dict[str, str] | None = None,
    ) -> dict[tuple[int, int], Pair]:
        """The claims stage's candidate pairs scored on the engine (``claims.cluster.scored_pairs``)."""
        ...

    def extract(self, store: Store, cfg: Config, on_progress: Callable[[int, int], None], force: bool = False) -> int:
        """Extract what it can (every article with ``force``) and store it; return how many attributions it
        wrote. The local extract stage then does whatever is still pending."""
        ...


def run_pipeline(
    paths: Iterable[str | Path],
    cfg: Config,
    outdir: Path | None,
    progress: Progress = _noop,
    engine: Engine | None = None,
) -> RunResult:
    """Every stage, from raw files to the dossier; the per-document ones on ``engine`` when given."""
    import time

    from headwater.parse import require_model

    items = expand_inputs(paths, cfg.ingest.follow_symlinks, engine.list_uris if engine is not None else None)
    require_model(cfg.parse.model)  # a missing pipeline stops the run before anything is stored
    with Store.open(cfg.store.db) as store:
        result = RunResult(db=str(cfg.store.db), ingest=IngestReport())
        t = time.perf_counter()
        cleaner = engine.cleaner(store, cfg) if engine is not None else None
        counter = engine.recurring_lines if engine is not None else None
        result.ingest = ingest_paths(store, cfg, [], progress, items, cleaner, counter)
        result.timings["ingest"] = time.perf_counter() - t
        result.stages["ingest"] = (
            f"{result.ingest.added} added, {result.ingest.skipped} already stored, "
            f"{len(result.ingest.errors)} unreadable; {store_articles.count(store)} in store"
        )
        from headwater.exec.claims import plan_claims
        from headwater.exec.extract import plan_extract
        from headwater.exec.reuse import run_reuse
        from headwater.exec.stage import Planned, Runner

        def tick(name: str) -> Callable[[int, int | None], None]:
            return lambda d, n: progress(name, d, n)

        def reuse(s: Store) -> object:  # on the engine when given (its sketch, LSH and verify jobs)
            if engine is not None:
                return engine.reuse(s, cfg, tick("reuse"))
            return run_reuse(s, cfg, on_progress=tick("reuse"))

        plans: tuple[tuple[str, Callable[[], Planned[object]]], ...] = (
            ("extract", lambda: plan_extract(store, cfg, on_progress=tick("extract"))),
            ("reuse", lambda: Planned(Runner("reuse", reuse))),
            ("claims", lambda: plan_claims(cfg, tick("claims"), engine.claim_pairs if engine is not None else None)),
        )
        for name, plan in plans:
            t = time.perf_counter()
            early = None
            if name == "extract" and engine is not None:
                early = engine.extract(store, cfg, lambda d, n: progress("extract", d, n))
            out = plan().run(store)
            result.timings[name] = time.perf_counter() - t
            result.stages[name] = describe(name, out)
            if early is not None:
                result.stages[name] = f"{early} attributions written by the engine's tasks, {result.stages[name]} here"
            if name == "extract":
                result.not_analysed = _not_analysed(store)
                if result.not_analysed:
                    result.stages[name] += "; " + describe_skipped(result.not_analysed)
        result.articles = store_articles.summaries(store)
        if outdir is not None:
            from headwater.report import plan_report

            t = time.perf_counter()
            result.dossier = str(plan_report(Path(outdir)).run(store))
            result.timings["report"] = time.perf_counter() - t
            result.stages["report"] = result.dossier
    return result
