"""``SparkEngine``: the pipeline's per-document stages and the heavy steps of the cross-document ones as
Spark jobs (see ``headwater.pipeline.Engine``).

Job 1 (read + clean) maps the input files (local paths, or Hadoop URIs read through ``binaryFile``),
grouped into partitions, to cleaned articles written as Parquet under ``staging/cleaned``; the driver
reads them back in file order and stores them with the same batches as the local engine. The count of
articles keeping each line is a group-by over that Parquet (``recurring_lines``); the driver decides
the cross-document boilerplate from it and re-cleans. Job 2 (parse + extract) reads the same Parquet,
keeps the articles the store says are pending, re-cleans those the boilerplate changed, and writes their
attributions and quantities (the store's records) as Parquet under ``staging/extracted``; the driver's
DuckDB inserts them from the files in the local engine's order. Whatever a task could not do (an article
stored by an earlier run, a text that differs from the store's) is left pending, and the local extract
stage does it.
The reuse stage runs with ``SparkReuse``: sketch, LSH bands and pair verification as jobs. The claims
stage's candidate pairs (units sharing a rare term) are counted and scored as a job (``claim_pairs``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path, PosixPath

from headwater.config import Config
from headwater.errors import HeadwaterError
from headwater.model import IngestError
from headwater.pipeline import CleanedArticle, FileCleaner, FileResult
from headwater.spark import tasks
from headwater.store import Store

DEFAULT_MASTER = "local[*]"
HADOOP_SCHEMES = ("file", "hdfs", "viewfs", "webhdfs", "s3a", "s3", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs")


class HadoopFile(PosixPath):
    """An input file on a Hadoop filesystem, named by its URI: Spark reads it (``binaryFile``), the driver
    never opens it. It has no stamp (``stat`` fails), so a re-run reads it again."""

    uri: str

    @classmethod
    def of(cls, uri: str) -> HadoopFile:
        name = uri.rstrip("/").rsplit("/", 1)[-1]
        out = cls(name)
        out.uri = uri
        return out

    def __str__(self) -> str:
        return getattr(self, "uri", None) or super().__str__()

    def resolve(self, strict: bool = False) -> HadoopFile:
        return self

    def stat(self, *, follow_symlinks: bool = True):  # type: ignore[no-untyped-def,override]
        raise OSError(f"{self} is read by Spark")


class SparkUnavailable(HeadwaterError):
    """pyspark or Java is missing: the Spark engine cannot start."""

    exit_code = 2


def java_missing() -> str | None:
    """Why Spark cannot start here (no Java), or None."""
    home = os.environ.get("JAVA_HOME")
    if home and Path(home, "bin", "java").exists():
        return None
    if shutil.which("java"):
        return None
    return "no Java runtime found (set JAVA_HOME or put java on PATH; Spark 3.5 runs on Java 8, 11 or 17)"


def _session(master: str | None, app: str = "headwater"):  # type: ignore[no-untyped-def]
    try:
        from pyspark.sql import SparkSession
    except ModuleNotFoundError as exc:
        raise SparkUnavailable(
            "the Spark engine needs pyspark: pip install 'headwater[spark]' (make test installs it)"
        ) from exc
    reason = java_missing()
    if reason:
        raise SparkUnavailable(f"the Spark engine cannot start: {reason}")
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # under spark-submit: its --master
        master = DEFAULT_MASTER
    local = master is not None and master.startswith("local")
    if local:  # local workers run this interpreter (on a cluster: spark.pyspark.python)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.master(master) if master else SparkSession.builder
    builder = (
        builder.appName(app)
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.python.worker.reuse", "true")  # one spaCy pipeline per Python worker, kept between tasks
    )
    if local:  # a cluster keeps its own shuffle partitions (spark-submit --conf spark.sql.shuffle.partitions=...)
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "8")
        )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _uri(path: str) -> str:
    return path if "://" in path else Path(path).resolve().as_uri()


class SparkEngine:
    """Runs read + clean and parse + extract on Spark; ``staging`` is where their Parquet goes (any
    Hadoop URI the cluster can write; a plain path is a local folder). ``partitions``: how many tasks per
    job (default: twice Spark's default parallelism, at most one per file or article)."""

    def __init__(
        self, master: str | None = None, staging: str | Path = "headwater-spark", partitions: int | None = None
    ) -> None:
        self.master = master  # None: spark-submit's --master, else local[*]
        self.staging = _uri(str(staging))
        self.partitions = partitions
        self._spark = None
        self.timings: dict[str, float] = {}  # session start, each job (seconds), for bench/bench_spark.py
        self.tasks: dict[str, int] = {}  # partitions of each job
        self._fresh = False  # this engine's cleaned Parquet holds every stored article (the store was empty)

    @property
    def spark(self):  # type: ignore[no-untyped-def]
        if self._spark is None:
            t = time.perf_counter()
            self._spark = _session(self.master)
            self.timings["session"] = time.perf_counter() - t
        return self._spark

    def close(self) -> None:
        if self._spark is not None:
            self._spark.stop()
            self._spark = None

    def __enter__(self) -> SparkEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _slices(self, n: int) -> int:
        want = self.partitions or 2 * self.spark.sparkContext.defaultParallelism
        return max(1, min(n, want))

    # -- job 1: read + clean ------------------------------------------------------------------------
    def cleaner(self, store: Store, cfg: Config) -> FileCleaner:
        from headwater.store import articles as store_articles

        crossdoc = store_articles.boilerplate_hashes(store)
        self._fresh = store_articles.count(store) == 0

        def clean(files: list[Path]) -> Iterator[FileResult]:
            if not files:
                self._fresh = False
                return
            out = f"{self.staging}/cleaned"
            sc = self.spark.sparkContext
            rows = [(i, str(p), None) for i, p in enumerate(files) if not isinstance(p, HadoopFile)]
            remote = {p.uri: i for i, p in enumerate(files) if isinstance(p, HadoopFile)}
            t = time.perf_counter()
            self.tasks["read+clean"] = self._slices(len(files))
            rdd = sc.parallelize(rows, self.tasks["read+clean"])
            if remote:  # read by the tasks: each file's bytes, its index and URI beside them
                where = sc.broadcast(remote)
                content = (
                    self.spark.read.format("binaryFile")
                    .load(sorted(remote))
                    .select("path", "content")
                    .rdd.map(lambda r: (where.value[r[0]], r[0], bytes(r[1])))
                )
                rdd = rdd.union(content).repartition(self.tasks["read+clean"])
            rdd = rdd.mapPartitions(lambda part: tasks.read_clean(part, cfg, crossdoc))
            self.spark.createDataFrame(rdd, tasks.CLEANED_SCHEMA).write.mode("overwrite").parquet(out)
            self.timings["read+clean job"] = time.perf_counter() - t
            rows = self.spark.read.parquet(out).orderBy("file", "seq").toLocalIterator()
            t = time.perf_counter()  # the driver's time reading the articles back (not storing them)
            self.timings["fetch cleaned articles"] = 0.0
            for result in _per_file(rows, len(files), {i: uri for uri, i in remote.items()}):
                self.timings["fetch cleaned articles"] += time.perf_counter() - t
                yield result
                t = time.perf_counter()

        return clean

    # -- job 2: parse + extract ---------------------------------------------------------------------
    def extract(self, store: Store, cfg: Config, on_progress: Callable[[int, int], None], force: bool = False) -> int:
        from headwater.lang import analysed
        from headwater.parse import require_model
        from headwater.store import articles as store_articles
        from headwater.store import attributions as table
        from headwater.store import quantities as store_quantities

        require_model(cfg.parse.model)
        skipped = {i for i, language, words in table.languages(store) if not analysed(language, words)}
        todo = [i for i in table.pending(store, cfg.parse.model, force) if i not in skipped]
        if not todo:
            return 0
        hashes = dict(store.con.execute("SELECT id, text_hash FROM articles").fetchall())
        plan = tasks.ExtractPlan(
            todo={a: (rank, hashes[a]) for rank, a in enumerate(todo)},
            boilerplate=store_articles.boilerplate_hashes(store),
        )
        source = f"{self.staging}/cleaned"
        if not _exists(self.spark, source):  # `headwater extract --engine spark` on a store ingested before
            source = self._from_store(store, todo)
        out = f"{self.staging}/extracted"
        sc = self.spark.sparkContext
        t = time.perf_counter()
        self.tasks["parse+extract"] = self._slices(len(todo))
        wanted = sc.broadcast(plan)
        cleaned = self.spark.read.parquet(source).where("id IS NOT NULL").select("id", "payload")
        rdd = (
            cleaned.dropDuplicates(["id"])  # an article read twice (same name and text) is extracted once
            .rdd.filter(lambda r: r[0] in wanted.value.todo)
            .map(lambda r: (r[0], bytes(r[1])))
            .repartition(self.tasks["parse+extract"])
            .mapPartitions(lambda part: tasks.parse_extract(part, cfg, wanted.value))
        )
        self.spark.createDataFrame(rdd, tasks.EXTRACTED_SCHEMA).write.mode("overwrite").parquet(out)
        self.timings["parse+extract job"] = time.perf_counter() - t
        t = time.perf_counter()
        on_progress(0, len(todo))
        with _local_parquet(self.spark, out) as files, store.transaction():
            written = table.load_parquet(store, files, cfg.parse.model)
            store_quantities.load_parquet(store, files)
        self.timings["store attributions"] = time.perf_counter() - t
        on_progress(len(todo), len(todo))
        return written

    # -- inputs named by Hadoop URIs -------------------------------------------------------------------
    def list_uris(self, uris: list[str]) -> list[Path | IngestError]:
        """The article files under each Hadoop URI (a directory: recursively, sorted, the readers' kinds
        only), as ``HadoopFile``; one error per URI that cannot be listed. Other URIs are not taken."""
        from headwater.sources import READERS
        from headwater.sources.walk import suffix_of

        mine = [u for u in uris if u.split(":", 1)[0].lower() in HADOOP_SCHEMES]
        if not mine:
            return []
        sc = self.spark.sparkContext
        jvm, conf = sc._jvm, sc._jsc.hadoopConfiguration()
        out: list[Path | IngestError] = []
        for uri in mine:
            try:
                path = jvm.org.apache.hadoop.fs.Path(uri)
                fs = path.getFileSystem(conf)
                if not fs.exists(path):
                    out.append(IngestError(uri, "no such file or directory"))
                    continue
                if not fs.getFileStatus(path).isDirectory():
                    out.append(HadoopFile.of(str(fs.makeQualified(path).toString())))
                    continue
                found, it = [], fs.listFiles(path, True)
                while it.hasNext():
                    name = str(it.next().getPath().toString())
                    base = name.rsplit("/", 1)[-1]
                    if not base.startswith((".", "_")) and suffix_of(base) in READERS:
                        found.append(name)
                if not found:
                    out.append(IngestError(uri, "no article file found here"))
                out.extend(HadoopFile.of(name) for name in sorted(found))
            except Exception as exc:  # one URI's failure never stops the batch
                out.append(IngestError(uri, f"cannot list: {str(exc).splitlines()[0][:300]}"))
        return out

    # -- cross-document boilerplate: the line count as a group-by -------------------------------------
    def recurring_lines(self, store: Store, sample: int):  # type: ignore[no-untyped-def]
        """``store_articles.recurring_lines`` from the cleaned Parquet: each kept line's count of distinct
        articles as a Spark group-by, only lines kept by 2+ articles reaching the driver. None (the store
        counts) unless the Parquet holds exactly the stored articles, i.e. this run filled an empty store."""
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        from headwater.store import articles as store_articles

        source = f"{self.staging}/cleaned"
        if not self._fresh or not _exists(self.spark, source):
            return None
        t = time.perf_counter()
        cleaned = self.spark.read.parquet(source).where("id IS NOT NULL")
        if cleaned.select("id").distinct().count() != store_articles.count(store):
            return None
        e = cleaned.select("id", "outlet", F.explode("lines").alias("h")).distinct()
        c = e.groupBy("h").agg(F.count(F.lit(1)).alias("n")).where("n >= 2")
        prose = cleaned.select(F.explode("prose").alias("h")).distinct().withColumn("prose", F.lit(True))
        ranked = e.join(c, "h").withColumn("rn", F.row_number().over(Window.partitionBy("h").orderBy("id")))
        out = f"{self.staging}/recurring"
        (
            ranked.where(F.col("rn") <= sample)
            .groupBy("h", "n")
            .agg(F.collect_list(F.struct("id", "outlet")).alias("sample"))
            .join(prose, "h", "left")
            .write.mode("overwrite")
            .parquet(out)
        )
        rows = self.spark.read.parquet(out).collect()
        self.timings["boilerplate count job"] = time.perf_counter() - t
        return sorted(
            (r["h"], r["n"], sorted((s["id"], s["outlet"]) for s in r["sample"]), bool(r["prose"])) for r in rows
        )

    # -- reuse: sketch, LSH bands and verification as Spark jobs ---------------------------------------
    def reuse(self, store: Store, cfg: Config, on_progress: Callable[[int, int], None]):  # type: ignore[no-untyped-def]
        from headwater.exec.reuse import run_reuse

        return run_reuse(store, cfg, on_progress, backend=SparkReuse(self, store, cfg))

    # -- claims: candidate pairs from the blocks of shared rare terms, scored as tasks --------------------
    def claim_pairs(self, groups, weights, max_df, floor, copies=None):  # type: ignore[no-untyped-def]
        """``claims.cluster.scored_pairs`` as a Spark job (``claims.cluster.PairScoring``). The blocks (units
        sharing a rare term) are a self-join on the block, the pairs counted by a group-by; the units' flags,
        joined as columns, drop the pairs that ``claims.cluster.worth_scoring`` would drop for their count,
        size or kind (most of them, before any Python runs); the rest, joined twice with the units' pickled
        facts, are scored by the stage's own step (``tasks.score_rows``, which applies ``worth_scoring`` in
        full). The pairs scoring ``floor`` are written under ``STAGING/claim-pairs``; only they reach the
        driver, which merges them into claims."""
        import pickle

        from pyspark.sql import functions as F

        from headwater.claims.cluster import Pair, candidate_blocks, unit_facts
        from headwater.claims.signatures import Weights

        blocks, common = candidate_blocks(groups, max_df)
        if not blocks:
            return {}
        spark = self.spark
        t = time.perf_counter()
        facts = unit_facts(groups, copies)
        in_blocks = sorted({i for ids in blocks for i in ids})
        flags = ("small", "named", "sized", "common", "loose")
        units = spark.createDataFrame(
            [
                (i, f.small, f.named, f.sized, common[i], f.loose, pickle.dumps(f, protocol=5))
                for i in in_blocks
                for f in (facts[i],)
            ],
            tasks.UNITS_SCHEMA,
        )
        parts = self.tasks["claims pairs"] = self._slices(len(in_blocks))
        postings = spark.createDataFrame([(k, i) for k, ids in enumerate(blocks) for i in ids], "block INT, idx INT")
        counted = (
            postings.withColumnRenamed("idx", "a")
            .join(postings.withColumnRenamed("idx", "b"), "block")
            .where("a < b")
            .groupBy("a", "b")
            .agg(F.count(F.lit(1)).alias("n"))
        )

        def side(x: str, *columns: str):  # type: ignore[no-untyped-def]
            return units.select(F.col("idx").alias(x), *(F.col(c).alias(f"{c}_{x}") for c in columns))

        n, c = F.col("n"), F.col
        keep = ((n >= 2) | c("small_a") | c("small_b")) & (c("loose_a") == c("loose_b"))
        if floor > 0:
            both_common = c("common_a") & c("common_b")
            keep &= (c("named_a") & c("named_b")) | (c("sized_a") & c("sized_b") & ((n >= 2) | both_common))
        table = Weights(dict(weights))  # a fresh table: the driver's carries its matcher and memo
        shipped = spark.sparkContext.broadcast(table)
        scored = (
            counted.join(side("a", *flags), "a")
            .join(side("b", *flags), "b")
            .where(keep)
            .select("a", "b", "n", "common_a", "common_b")
            .join(side("a", "facts"), "a")
            .join(side("b", "facts"), "b")
            .select("a", "b", "n", "facts_a", "common_a", "facts_b", "common_b")
            .repartition(parts)
            .rdd.map(tuple)
            .mapPartitions(lambda part: tasks.score_rows(part, shipped.value, floor))
        )
        out = f"{self.staging}/claim-pairs"
        spark.createDataFrame(scored, tasks.SCORED_SCHEMA).write.mode("overwrite").parquet(out)
        found = sorted(tuple(r) for r in spark.read.parquet(out).collect())
        shipped.unpersist()
        self.timings["claims pairs job"] = time.perf_counter() - t
        return {(a, b): Pair(score, unsigned) for a, b, score, unsigned in found}

    def _from_store(self, store: Store, ids: list[str], chunk: int = 2000) -> str:
        """The stored articles ``ids`` as cleaned-article Parquet (``STAGING/stored``), written in chunks."""
        import pickle

        from headwater.store import articles as store_articles

        out, mode = f"{self.staging}/stored", "overwrite"
        none: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]] = ((), (), ())
        for i in range(0, len(ids), chunk):
            rows = [
                (d.id, pickle.dumps((d, none), protocol=5))
                for d in store_articles.iter_documents(store, ids[i : i + chunk])
            ]
            self.spark.createDataFrame(rows, "id STRING, payload BINARY").write.mode(mode).parquet(out)
            mode = "append"
        return out


def _exists(spark, uri: str) -> bool:  # type: ignore[no-untyped-def]
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    return bool(path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).exists(path))


def _remove(spark, uri: str) -> None:  # type: ignore[no-untyped-def]
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(path, True)


def _per_file(rows, files: int, remote: dict[int, str] | None = None) -> Iterator[FileResult]:  # type: ignore[no-untyped-def]
    """Parquet rows in (file, seq) order -> each file's articles and errors with its count of replaced
    surrogates, one per file (empty for a file with nothing in it; an error for a ``remote`` file, index ->
    URI, that Spark did not read at all)."""
    import pickle

    remote = remote or {}
    current: list[CleanedArticle | IngestError] = []
    replaced = at = 0

    def unread(at: int) -> list[CleanedArticle | IngestError]:
        return [IngestError(remote[at], "not read: Spark's binaryFile returned nothing for it")] if at in remote else []

    for row in rows:
        while at < row["file"]:
            yield current or unread(at), replaced
            current, replaced, at = [], 0, at + 1
        replaced += row["replaced"] or 0
        if row["error"] is not None:
            current.append(IngestError(row["path"], row["error"]))
        else:
            current.append(pickle.loads(row["payload"]))
    while at < files:
        yield current or unread(at), replaced
        current, replaced, at = [], 0, at + 1


@contextlib.contextmanager
def _local_parquet(spark, uri: str) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """The Parquet files a job wrote under ``uri`` as local paths DuckDB reads: in place for a ``file:`` URI,
    else copied from the Hadoop filesystem into a temporary folder (removed after)."""
    import tempfile
    from urllib.parse import unquote, urlparse

    if uri.startswith("file:"):
        yield sorted(str(p) for p in Path(unquote(urlparse(uri).path)).glob("*.parquet"))
        return
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    with tempfile.TemporaryDirectory(prefix="headwater-parquet-") as tmp:
        for status in fs.listStatus(path):
            name = str(status.getPath().getName())
            if name.endswith(".parquet"):
                fs.copyToLocalFile(False, status.getPath(), jvm.org.apache.hadoop.fs.Path(f"{tmp}/{name}"), True)
        yield sorted(str(p) for p in Path(tmp).glob("*.parquet"))


class SparkReuse:
    """The reuse stage's sketch, LSH and verify steps as Spark jobs (``exec.reuse.ReuseBackend``).

    sketch: the cleaned Parquet joined with the stored articles' (index, text hash); each task brings an
    article to its stored text (as the extract job does) and runs ``exec.reuse.sketch_documents``; what no
    task could sketch (articles stored by an earlier run) the driver sketches from the store with the same
    function, appended to the same Parquet (``STAGING/sketch``). Only keys and citations reach the driver.
    LSH: band keys per partition (``reuse.minhash.band_keys``), a group-by on (band, bucket) and each
    bucket's pairs (``reuse.minhash._pairs_of``), distinct. verify: the candidate pairs joined twice with
    the sketch's texts, each pair verified by ``exec.reuse.verify_pair``; the driver gets the edges.
    """

    def __init__(self, engine: SparkEngine, store: Store, cfg: Config) -> None:
        self.engine, self.store, self.cfg = engine, store, cfg
        self.out = f"{engine.staging}/sketch"  # written by the tasks
        self.by_driver = f"{engine.staging}/sketch-driver"  # what the driver had to sketch itself

    def sketch(self, meta, cfg, progress):  # type: ignore[no-untyped-def]
        import pickle

        from headwater.exec.reuse import _Sketch
        from headwater.store import articles as store_articles

        engine, spark, whole = self.engine, self.engine.spark, self.cfg  # the tasks take whole, never self
        if not meta:
            return _Sketch([], None)
        t = time.perf_counter()
        hashes = dict(self.store.con.execute("SELECT id, text_hash FROM articles").fetchall())
        boilerplate = store_articles.boilerplate_hashes(self.store)
        wanted = spark.createDataFrame(
            [(i, m.id, hashes[m.id]) for i, m in enumerate(meta)], "idx INT, id STRING, expected STRING"
        )
        source = f"{engine.staging}/cleaned"
        for stale in (self.out, self.by_driver):
            _remove(spark, stale)
        if _exists(spark, source):
            engine.tasks["reuse sketch"] = engine._slices(len(meta))
            cleaned = spark.read.parquet(source).where("id IS NOT NULL").select("id", "payload")
            rdd = (
                wanted.join(cleaned, "id")
                .dropDuplicates(["id"])
                .select("idx", "id", "expected", "payload")
                .rdd.map(tuple)
                .repartition(engine.tasks["reuse sketch"])
                .mapPartitions(lambda part: tasks.sketch_rows(part, whole, boilerplate))
            )
            spark.createDataFrame(rdd, tasks.SKETCH_SCHEMA).write.parquet(self.out)
        done = {r[0] for r in self._sketches().select("idx").collect()}
        missing = [i for i in range(len(meta)) if i not in done]
        mode = "overwrite"
        for start in range(0, len(missing), 2000):  # what no task could do: here, with the same step
            chunk = missing[start : start + 2000]
            docs = {d.id: d for d in store_articles.iter_documents(self.store, [meta[i].id for i in chunk])}
            rows = list(tasks.sketch_docs([(i, docs[meta[i].id]) for i in chunk], whole))
            spark.createDataFrame(rows, tasks.SKETCH_SCHEMA).write.mode(mode).parquet(self.by_driver)
            mode = "append"
        out = _Sketch([""] * len(meta), None)
        cites: list = [[] for _ in meta]
        for idx, key, blob in self._sketches().select("idx", "key", "cites").toLocalIterator():
            out.keys[idx] = key
            cites[idx] = pickle.loads(blob)
        for c in cites:
            out.citations.extend(c)
        engine.timings["reuse sketch job"] = time.perf_counter() - t
        engine.tasks["reuse sketched by the driver"] = len(missing)
        progress(len(meta), len(meta))
        return out

    def _sketches(self):  # type: ignore[no-untyped-def]
        spark = self.engine.spark
        parts = [spark.read.parquet(d) for d in (self.out, self.by_driver) if _exists(spark, d)]
        if not parts:
            return spark.createDataFrame([], tasks.SKETCH_SCHEMA)
        return parts[0] if len(parts) == 1 else parts[0].unionByName(parts[1])

    def lsh_pairs(self, sketch, reps, cfg):  # type: ignore[no-untyped-def]
        engine, spark = self.engine, self.engine.spark
        if len(reps) < 2:
            return set()
        t = time.perf_counter()
        engine.tasks["reuse lsh"] = engine._slices(len(reps))
        pairs = lsh_candidates(spark, self._sketches(), reps, cfg, engine.tasks["reuse lsh"])
        engine.timings["reuse lsh job"] = time.perf_counter() - t
        return pairs

    def verify(self, meta, pairs, seeds, info, cfg, progress):  # type: ignore[no-untyped-def]
        import pickle

        engine, spark = self.engine, self.engine.spark
        if not pairs:
            return []
        t = time.perf_counter()
        rows = [
            (
                pos,
                a,
                b,
                pickle.dumps(seeds[(a, b)], protocol=5) if (a, b) in seeds else None,
                pickle.dumps(info[meta[a].id], protocol=5),
                pickle.dumps(info[meta[b].id], protocol=5),
            )
            for pos, (a, b) in enumerate(pairs)
        ]
        texts = self._sketches().select("idx", "text")
        ta = texts.withColumnRenamed("idx", "a").withColumnRenamed("text", "text_a")
        tb = texts.withColumnRenamed("idx", "b").withColumnRenamed("text", "text_b")
        engine.tasks["reuse verify"] = engine._slices(len(pairs))
        cfg_all = self.cfg
        joined = (
            spark.createDataFrame(rows, tasks.PAIRS_SCHEMA)
            .join(ta, "a")
            .join(tb, "b")
            .select("pos", "seed", "info_a", "info_b", "text_a", "text_b")
            .rdd.map(tuple)
            .repartition(engine.tasks["reuse verify"])
            .mapPartitions(lambda part: tasks.verify_rows(part, cfg_all))
        )
        found = sorted(joined.collect())
        engine.timings["reuse verify job"] = time.perf_counter() - t
        progress(len(pairs), len(pairs))
        return [pickle.loads(blob) for _, blob in found]


def lsh_candidates(spark, sketch, reps: list[int], cfg, partitions: int) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The pairs ``exec.reuse.lsh_pairs`` finds, from a DataFrame of (idx, sig: uint32 bytes): band keys per
    partition, a group-by on (band, bucket), each bucket's pairs, distinct; only the pairs reach the driver."""
    from pyspark.sql import functions as F

    from headwater.reuse.minhash import lsh_params

    params = lsh_params(cfg.threshold, cfg.num_perm)
    num_perm, bands, rows = cfg.num_perm, params.bands, params.rows
    keep = spark.createDataFrame([(i,) for i in reps], "idx INT")
    signed = (
        sketch.join(keep, "idx")
        .select("idx", "sig")
        .rdd.map(tuple)
        .repartition(partitions)
        .mapPartitions(lambda part: tasks.band_rows(part, num_perm, bands, rows))
    )
    buckets = (
        spark.createDataFrame(signed, tasks.BANDS_SCHEMA)
        .groupBy("band", "bucket")
        .agg(F.collect_set("idx").alias("members"))
        .where(F.size("members") > 1)
    )
    pairs = buckets.rdd.flatMap(lambda r: tasks.bucket_members_pairs(r["members"])).distinct().collect()
    return {(int(a), int(b)) for a, b in pairs}
