"""The Spark job: inputs → records (``sayso.ingest`` readers) → duplicates dropped → analysed
per partition (``extract_many``, one spaCy pipeline per worker) → the store's tables as Parquet,
actors merged across articles with a ``groupBy``.

Run it with ``sayso spark run`` or, on a cluster, with spark-submit on this file::

    spark-submit --master yarn "$(python -c 'import sayso.spark.job as j; print(j.__file__)')" \\
        --input warc.paths --prefix https://data.commoncrawl.org --output s3://bucket/sayso/

Absolute imports only: spark-submit runs this file as ``__main__``.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from typing import Any

from sayso import settings
from sayso.engines import ENGINE_CHOICES
from sayso.options import Options
from sayso.runner import Summary
from sayso.spark import tables

log = logging.getLogger("sayso.spark")

COUNTERS = ("read", "skipped", "duplicates", "failed", "analysed")
PARTITIONS_PER_CORE = 8
ROWS_PER_FILE = 2_000_000  # ~50-150 MB of zstd Parquet for the larger tables


SparkSummary = Summary  # a run's summary, ``kind="spark"`` (its earlier name)


def struct(columns: tuple[tuple[str, str], ...]):
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    kinds = {"INTEGER": LongType(), "TEXT": StringType()}
    return StructType([StructField(name, kinds.get(kind, StringType()), True) for name, kind in columns])


def session(master: str | None = None, app_name: str = "sayso"):
    """A SparkSession; the workers run this Python (``PYSPARK_PYTHON``), Java 17 is found when
    ``JAVA_HOME`` is unset. Under spark-submit the master comes from there. A local master gets
    the ``spark_local_java_options`` setting as the JVM's options."""
    java = tables.default_java_home()
    if java:
        os.environ.setdefault("JAVA_HOME", java)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit
        master = "local[*]"
    if master:
        builder = builder.master(master)
    options = local_java_options(master)
    if options:
        builder = builder.config("spark.driver.extraJavaOptions", options)
    builder = builder.config("spark.sql.session.timeZone", "UTC").config("spark.ui.showConsoleProgress", "false")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def local_java_options(master: str | None) -> str | None:
    """The JVM options a session with ``master`` gets from the ``spark_local_java_options``
    setting: only a local master (one JVM does everything there and shares the cores with the
    Python workers doing the NLP, so the optimising JIT tier costs more CPU than this job gains),
    and none when the setting says ``none``."""
    options = str(settings.get("spark_local_java_options")).strip()
    if not master or not master.startswith("local") or options.lower() == "none":
        return None
    return options


def _first(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Of two rows with the same identity, the one read first (as ``sayso ingest`` keeps)."""
    return a if a["order"] <= b["order"] else b


def read_records(spark, inputs: list[str], *, prefix: str = "", partitions: int, counters: dict,
                 options: Options | None = None):
    """An RDD of record rows (dicts), duplicates by content hash or canonical URL dropped, spread
    over ``partitions`` partitions and in reading order within each; inputs are read with the
    size limits of ``options``."""
    units = tables.expand_inputs(inputs, prefix=prefix)
    files = [(i, kind, where) for i, (kind, where) in enumerate(units) if kind != "parquet"]
    sc = spark.sparkContext
    rdds = []
    if files:
        read = sc.parallelize(files, max(1, len(files)))
        if len(files) >= sc.defaultParallelism:  # one task per file keeps every core busy
            rdds.append(read.flatMap(lambda unit: tables.read_unit(unit, options=options)))
        else:  # fewer files than cores: spread the pages before extracting their text
            rdds.append(read.flatMap(lambda unit: tables.read_unit(unit, pages=True, options=options))
                        .repartition(partitions).map(tables.page_row))
    for i, kind, where in ((i, k, w) for i, (k, w) in enumerate(units) if k == "parquet"):
        frame = spark.read.parquet(where)
        rdds.append(frame.rdd.zipWithIndex().map(
            lambda pair, i=i, where=where: tables.row_from_json(pair[0].asDict(), (i, pair[1]), where)))
    rows = rdds[0] if len(rdds) == 1 else sc.union(rdds)

    def tally(row: dict[str, Any]) -> bool:
        if row.get("skip"):
            counters["skipped"].add(1)
            return False
        counters["read"].add(1)
        return True

    rows = rows.filter(tally)
    # Duplicates: same text, then same canonical URL; the first read wins, as in sayso ingest.
    # Failed items keep a key of their own and flow on to the failures table.
    def own(row: dict[str, Any]) -> str:
        return f"!{row['order']}"

    # The first step needs no more partitions than cores; the second spreads the NLP's.
    by_hash = rows.keyBy(lambda r: own(r) if r.get("error") else r["content_hash"]) \
        .reduceByKey(_first, max(1, min(partitions, sc.defaultParallelism))).values()
    unique = by_hash.keyBy(lambda r: own(r) if r.get("error") else r["canonical_url"] or "#" + r["content_hash"]) \
        .reduceByKey(_first, partitions).values()
    return unique.mapPartitions(lambda part: iter(sorted(part, key=lambda r: r["order"])))


def output_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """Every table a partition yields, with its columns (``actors`` with its extra ones)."""
    columns = dict(tables.schema())
    columns["actors"] = columns["actors"] + tables.ACTOR_EXTRA_COLUMNS
    return {**columns, "analyses": tables.ANALYSES_COLUMNS, "failures": tables.FAILURES_COLUMNS}


def run(inputs: list[str], output: str, *, master: str | None = None, partitions: int | None = None,
        prefix: str = "", model: str | None = None, engine: str | None = None,
        attribution_model: str | None = None, options: Options | None = None,
        mode: str = "errorifexists", spark=None) -> Summary:
    """Analyse ``inputs`` on Spark and write the tables as Parquet under ``output``. The driver
    settles the options once (what is not given: the settings) and ships them to the workers.

    The analysed partitions come out as one DataFrame with a struct column per table (a row
    fills one of them), cached once: the NLP runs in a single pass and every table is then a
    projection of the cache, without going back through Python."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructField, StructType

    from sayso.pipeline import resolved

    started = time.monotonic()
    chosen = resolved(options or settings.options(), model=model, engine=engine,
                      attribution_model=attribution_model)
    spark = spark or session(master)
    sc = spark.sparkContext
    n = int(partitions or default_partitions(sc.defaultParallelism))
    spark.conf.set("spark.sql.shuffle.partitions", str(n))  # not 200 tiny tasks per merge
    counters = {name: sc.accumulator(0) for name in COUNTERS}
    records = read_records(spark, inputs, prefix=prefix, partitions=n, counters=counters, options=chosen)
    columns = output_columns()
    names = tuple(columns)

    def analyse(index, rows):
        for table, values in tables.analyse_partition(index, rows, options=chosen, counters=counters):
            yield tuple(values if name == table else None for name in names)

    wide = StructType([StructField(name, struct(columns[name]), True) for name in names])
    analysed = spark.createDataFrame(records.mapPartitionsWithIndex(analyse), wide, verifySchema=False) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    phase = time.monotonic()
    # One pass: the NLP runs once, the cache fills, the accumulators are final after it.
    counts = analysed.select(*(F.count(name).alias(name) for name in names)).first().asDict()
    analyse_seconds = time.monotonic() - phase
    log.info("analysed in %.1f s", analyse_seconds)
    frames = {name: analysed.where(F.col(name).isNotNull()).select(f"{name}.*") for name in names}
    frames = merge_actors(frames, F)
    summary = Summary(kind="spark", engine=chosen.engine, model=chosen.model, partitions=n)
    # The tables are independent Spark jobs: submitted together, small ones do not wait in line.
    from concurrent.futures import ThreadPoolExecutor

    merged = ("actors", "actor_aliases", "actor_roles")  # their sizes: from the files written
    with ThreadPoolExecutor(max_workers=len(frames)) as pool:
        futures = {table: pool.submit(write, frame, f"{output.rstrip('/')}/{table}", table, mode,
                                      files=files_for(int(counts[table]), n), count=table in merged)
                   for table, frame in frames.items()}
        summary.rows = {table: int(future.result() or 0) if table in merged else int(counts[table])
                        for table, future in futures.items()}
    analysed.unpersist()
    summary.read, summary.skipped, summary.failed, summary.stored = (
        int(counters[name].value) for name in ("read", "skipped", "failed", "analysed"))
    summary.duplicates = max(0, summary.read - summary.stored - summary.failed)
    summary.seconds = time.monotonic() - started
    summary.analyse_seconds = analyse_seconds
    with open_text(f"{output.rstrip('/')}/_sayso.json", spark) as handle:
        handle.write(json.dumps({"inputs": inputs, "model": chosen.model, "engine": chosen.engine,
                                 **summary.to_dict()}, ensure_ascii=False, indent=2))
    return summary


def default_partitions(cores: int) -> int:
    """Partitions of the NLP stage when not given: several per core, so that when the last
    tasks run, a core that finished early waits for a short task, not for a quarter of the job."""
    return max(2, cores * PARTITIONS_PER_CORE)


def merge_actors(frames: dict[str, Any], F) -> dict[str, Any]:
    """One row per actor across all partitions: ids are the hash of the store's actor key
    (:func:`sayso.spark.tables.actor_key`), so this is a ``groupBy(id)`` with the counts summed
    and the name of the first article read kept; aliases and roles are summed per actor. The
    other tables already hold the final actor ids."""
    columns = [name for name, _ in tables.schema()["actors"]]
    sums = ("article_count", "mention_count", "quote_count")
    out = dict(frames)
    out["actors"] = frames["actors"].groupBy("id").agg(
        F.min_by("name", "first_seen").alias("name"), F.first("type").alias("type"),
        F.first("norm_name").alias("norm_name"), F.max("named").alias("named"),
        F.min("article_id").alias("article_id"), *(F.sum(c).alias(c) for c in sums)).select(*columns)
    for table, key in (("actor_aliases", "alias"), ("actor_roles", "role")):
        names = frames[table].columns
        extra = [F.first(c).alias(c) for c in names if c not in ("actor_id", key, "count")]
        out[table] = frames[table].groupBy("actor_id", key).agg(F.sum("count").alias("count"), *extra) \
            .select(*names)
    return out


def files_for(rows: int, partitions: int) -> int:
    """Parquet files for a table of ``rows`` rows: about :data:`ROWS_PER_FILE` each, at most one
    per partition (a small output is one file per table, not one per task)."""
    return max(1, min(partitions, -(-rows // ROWS_PER_FILE)))


def write(frame, path: str, table: str, mode: str, *, files: int, count: bool = False) -> int | None:
    """One table as Parquet (zstd) in ``files`` files. Article-keyed tables keep the NLP
    stage's partitioning (a partition's articles stay together; partitions are joined, never
    shuffled) and are sorted by ``article_id`` inside each file, so row-group statistics prune
    well in DuckDB. ``count``: return the number of rows written."""
    from pyspark.sql import Observation
    from pyspark.sql import functions as F

    frame = frame.coalesce(files)
    if "article_id" in frame.columns and table != "actors":
        frame = frame.sortWithinPartitions("article_id", *(["id"] if "id" in frame.columns else []))
    rows = Observation(f"rows of {table}") if count else None
    if rows is not None:  # counted while writing: no second job
        frame = frame.observe(rows, F.count(F.lit(1)).alias("rows"))
    frame.write.mode(mode).option("compression", "zstd").parquet(path)
    return None if rows is None else int(rows.get["rows"])


class open_text:
    """A small text file next to the tables (local paths; elsewhere through Hadoop's filesystem)."""

    def __init__(self, path: str, spark) -> None:
        self.path, self.spark = path, spark
        self.parts: list[str] = []

    def __enter__(self):
        return self

    def write(self, text: str) -> None:
        self.parts.append(text)

    def __exit__(self, *exc: object) -> None:
        text = "".join(self.parts)
        if "://" not in self.path or self.path.startswith("file://"):
            with open(self.path.removeprefix("file://"), "w", encoding="utf-8") as handle:
                handle.write(text)
            return
        jvm = self.spark.sparkContext._jvm
        hadoop_path = jvm.org.apache.hadoop.fs.Path(self.path)
        fs = hadoop_path.getFileSystem(self.spark.sparkContext._jsc.hadoopConfiguration())
        stream = fs.create(hadoop_path, True)
        stream.write(bytearray(text.encode("utf-8")))
        stream.close()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sayso-spark", description=__doc__.split("\n\n")[0])
    p.add_argument("--input", action="append", required=True,
                   help="WARC(.gz), JSONL or Parquet path, or a listing of WARC paths; repeat or comma-separate")
    p.add_argument("--output", required=True, help="Folder for the Parquet tables (local, hdfs://, s3a://)")
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--partitions", type=int, default=None, help="Partitions of the NLP stage")
    p.add_argument("--prefix", default="", help="Prepended to relative paths of a listing")
    p.add_argument("--model", default=None, help="spaCy pipeline (default: SAYSO_MODEL)")
    p.add_argument("--engine", default=None, choices=ENGINE_CHOICES,
                   help="rules, trained, hybrid or auto (default: SAYSO_ENGINE)")
    p.add_argument("--attribution-model", default=None,
                   help="Trained attribution model folder (default: SAYSO_ATTRIBUTION_MODEL)")
    p.add_argument("--overwrite", action="store_true", help="Replace an existing output")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    log.setLevel(logging.INFO)
    summary = run(args.input, args.output, master=args.master, partitions=args.partitions,
                  prefix=args.prefix, model=args.model, engine=args.engine,
                  attribution_model=args.attribution_model,
                  mode="overwrite" if args.overwrite else "errorifexists")
    print(summary.format())
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
