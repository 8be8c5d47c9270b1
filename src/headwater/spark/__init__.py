"""The Spark engine: the per-document stages (read + clean, parse + extract) as Spark tasks over
partitions, their results written as Parquet and loaded into the same DuckDB store; the boilerplate line
count and the reuse stage's sketch, LSH and verification as Spark jobs calling the local stages' own
functions; the rest of the cross-document work on the driver as in the local engine
(``headwater run --engine spark``).

pyspark is the optional extra ``headwater[spark]``; nothing here imports it until a run asks for it.
"""

from __future__ import annotations

from headwater.spark.engine import SparkEngine, SparkUnavailable

__all__ = ["SparkEngine", "SparkUnavailable"]
