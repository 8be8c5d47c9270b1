"""``--engine``, ``--master`` and ``--staging``: the options that send the per-document stages to Spark."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from headwater.pipeline import Engine

EngineOpt = Annotated[
    str, typer.Option("--engine", help="local, or spark: read, clean, parse and extract as Spark tasks.")
]
MasterOpt = Annotated[
    str | None,
    typer.Option("--master", help="Spark master: local[2], spark://host:7077, yarn, k8s://... (default local[*])."),
]
StagingOpt = Annotated[
    str | None,
    typer.Option("--staging", help="Where the Spark jobs write their Parquet (any Hadoop URI)."),
]


def engine_for(
    engine: str, master: str | None, staging: str | None, default_staging: Path
) -> AbstractContextManager[Engine | None]:
    """The engine the options name, as a context that stops Spark at the end (None: the local engine)."""
    from headwater.errors import UsageError

    if engine not in ("local", "spark"):
        raise UsageError(f"--engine must be local or spark, got {engine!r}")
    if engine == "local":
        if master or staging:
            raise UsageError("--master and --staging go with --engine spark")
        return nullcontext(None)
    from headwater.spark import SparkEngine

    return SparkEngine(master, staging or str(default_staging))


def default_staging(cfg) -> Path:  # type: ignore[no-untyped-def]
    """Beside the store: ``headwater.duckdb`` -> ``headwater.duckdb.parquet/``."""
    return Path(f"{cfg.store.db}.parquet")
