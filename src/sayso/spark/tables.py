"""The pure-Python half of the Spark job (no pyspark import): read inputs into record rows,
analyse a partition of them, and turn each analysis into rows of the store's own tables.

The tables and their columns are read from the live SQLite schema (``PRAGMA table_info`` of a
migrated in-memory :class:`~sayso.store.Store`), and the rows are made by ``Store.add`` itself,
so the Parquet output cannot drift from the database: one schema, one writer.

Ids: each partition analyses its articles in chunks, one in-memory store per chunk, and every
id (primary key or foreign key, found with ``PRAGMA foreign_key_list``) is made global as
``partition << 40 | chunk << 20 | local id``, except actor ids: those are a hash of the store's
actor key (normalised name, type, article for unnamed actors), the same in every partition,
so the Spark job merges actors across chunks with a ``groupBy(id)`` and rewrites nothing.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import urllib.request
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..ingest.record import Failure
    from ..options import Options

log = logging.getLogger("sayso.spark")

# Store tables the job writes, in dependency order (a row refers to tables listed before it).
TABLES = ("articles", "actors", "actor_aliases", "actor_roles", "article_actors", "mentions",
          "quotes", "quote_parts", "relations")
# One row per article: the record's metadata and the engine's JSON (``Analysis.to_dict()``);
# ``sayso load`` replays these through ``Store.add``.
ANALYSES_COLUMNS = (("article_id", "INTEGER"), ("key", "TEXT"), ("url", "TEXT"), ("title", "TEXT"),
                    ("published", "TEXT"), ("outlet", "TEXT"), ("author", "TEXT"), ("source", "TEXT"),
                    ("fetched", "TEXT"), ("meta", "TEXT"), ("analysis", "TEXT"))
FAILURES_COLUMNS = (("item", "TEXT"), ("reason", "TEXT"))
# Carried by ``actors`` rows out of a partition, dropped by the merge: the input position of the
# first article that named the actor, so the merged row keeps the name ``sayso ingest`` keeps.
ACTOR_EXTRA_COLUMNS = (("first_seen", "INTEGER"),)
RECORD_FIELDS = ("key", "text", "url", "title", "published", "outlet", "author", "source", "fetched")

CHUNK_BITS = 20  # ids below 2**20 per chunk; chunks below 2**20 per partition
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


# -- the schema, from the store ------------------------------------------------------------
@lru_cache(maxsize=1)
def schema() -> dict[str, tuple[tuple[str, str], ...]]:
    """table -> ((column, declared SQLite type), ...) for every table in :data:`TABLES`."""
    from ..store import Store
    from ..store.tables import table_columns

    with Store(":memory:") as store:
        return {table: table_columns(store, table) for table in TABLES}


@lru_cache(maxsize=1)
def id_columns() -> dict[str, tuple[str, ...]]:
    """table -> columns holding row ids (its ``id`` and every foreign key), made global."""
    from ..store import Store
    from ..store.tables import foreign_keys

    out: dict[str, tuple[str, ...]] = {}
    with Store(":memory:") as store:
        for table in TABLES:
            names = [name for name, _ in schema()[table]]
            keys = [column for column, target in foreign_keys(store, table) if target != "runs"]
            out[table] = tuple(c for c in names if c == "id" or c in keys)
    return out


@lru_cache(maxsize=1)
def actor_columns() -> dict[str, tuple[str, ...]]:
    """table -> columns that refer to ``actors(id)``: rewritten after the cross-article merge."""
    from ..store import Store
    from ..store.tables import foreign_keys

    with Store(":memory:") as store:
        return {table: tuple(column for column, target in foreign_keys(store, table) if target == "actors")
                for table in TABLES}


# -- inputs ----------------------------------------------------------------------------------
def expand_inputs(inputs: Iterable[str], *, prefix: str = "") -> list[tuple[str, str]]:
    """(kind, location) units from the command line: WARC files, JSONL files, Parquet files or
    folders, and text listings of WARC paths (one per line, as Common Crawl publishes them;
    relative lines get ``prefix``)."""
    from ..errors import InputError

    units: list[tuple[str, str]] = []
    for raw in inputs:
        for source in (s.strip() for s in raw.split(",")):
            if not source:
                continue
            name = source.lower().split("?")[0]
            remote = "://" in source
            if name.endswith(WARC_SUFFIXES):
                units.append(("warc", source))
            elif name.endswith(JSONL_SUFFIXES):
                units.append(("jsonl", source))
            elif name.endswith(".parquet") or (not remote and Path(source).is_dir()):
                units.append(("parquet", source))
            elif remote:
                raise InputError(f"{source}: give a WARC, JSONL or Parquet URL (a listing must be local)")
            elif not Path(source).is_file():
                raise InputError(f"{source}: no such file or folder")
            else:
                units += [("warc", _join(prefix, line)) for line in _listing(Path(source))]
    if not units:
        raise InputError("no inputs: give WARC/JSONL/Parquet paths or a listing of WARC paths")
    return units


def _listing(path: Path) -> Iterator[str]:
    import gzip

    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def _join(prefix: str, path: str) -> str:
    if not prefix or "://" in path or path.startswith("/"):
        return path
    return prefix.rstrip("/") + "/" + path.lstrip("/")


def read_unit(unit: tuple[int, str, str], *, pages: bool = False,
              options: Options | None = None) -> Iterator[dict[str, Any]]:
    """Every article of one WARC or JSONL input as a row (``sayso.ingest`` reads it, with the size
    limits of ``options``; a remote file is first copied to a local temporary file). Failures
    become rows with an ``error``. ``pages``: a WARC's HTML responses come out as page rows,
    their text not yet extracted (:func:`page_row` does that, wherever the job sends them)."""
    index, kind, location = unit
    local, cleanup = _local_copy(location)
    try:
        from ..ingest.sources import Sources
        from ..ingest.warc import Page, read_warc_pages
        from ..options import DEFAULTS

        chosen = options or DEFAULTS
        if pages and kind == "warc":
            for position, item in enumerate(read_warc_pages(local, max_bytes=chosen.fetch_max_bytes)):
                yield ({"page": item, "order": (index, position), "source": location}
                       if isinstance(item, Page) else item_row(item, (index, position), source=location))
            return
        with Sources(kind=kind, options=chosen) as reader:
            for position, item in enumerate(reader.read_one(str(local))):
                yield item_row(item, (index, position), source=location)
    except Exception as exc:  # noqa: BLE001 - a bad input costs that input only
        yield {"key": location, "error": f"cannot read ({type(exc).__name__}: {exc})", "order": (index, 0)}
    finally:
        if cleanup:
            shutil.rmtree(cleanup, ignore_errors=True)


def page_row(row: dict[str, Any]) -> dict[str, Any]:
    """A page row from :func:`read_unit` as the article row it holds (any other row as is)."""
    if "page" not in row:
        return row
    from ..ingest.warc import page_item

    return item_row(page_item(row["page"]), row["order"], source=row["source"])


def _local_copy(location: str) -> tuple[Path, str | None]:
    if "://" not in location or location.startswith("file://"):
        return Path(location.removeprefix("file://")), None
    folder = tempfile.mkdtemp(prefix="sayso-spark-")
    target = Path(folder) / Path(location.split("?")[0]).name
    if location.startswith(("http://", "https://")):
        with urllib.request.urlopen(location, timeout=120) as response, target.open("wb") as out:  # noqa: S310
            shutil.copyfileobj(response, out, 1 << 20)
    else:  # s3://, gs://, hdfs://... through fsspec when it and the matching filesystem are installed
        import fsspec

        with fsspec.open(location, "rb") as response, target.open("wb") as out:
            shutil.copyfileobj(response, out, 1 << 20)
    return target, folder


def item_row(item: Any, order: tuple[int, int], *, source: str | None = None) -> dict[str, Any]:
    """A :class:`Record` (or a Skip / Failure) as a plain row, the text normalised and keyed
    by canonical URL and content hash for the cross-input duplicate check."""
    from ..ingest.record import Failure, Record, canonical_url
    from ..store.store import content_hash
    from ..text import normalize

    if isinstance(item, Failure):
        return {"key": item.key, "error": item.reason, "order": order}
    if not isinstance(item, Record):
        return {"key": item.key, "skip": item.reason, "order": order}
    text = normalize(item.text)
    if not text:
        return {"key": item.key, "error": "empty text: nothing to analyse", "order": order}
    row = {name: getattr(item, name) for name in RECORD_FIELDS}
    row.update(text=text, source=item.source if source is None else source,
               meta=json.dumps(item.meta, ensure_ascii=False, default=str), order=order,
               canonical_url=canonical_url(item.url), content_hash=content_hash(text))
    return row


def row_from_json(data: dict[str, Any], order: tuple[int, int], source: str) -> dict[str, Any]:
    """A Parquet/JSON article (``text`` or ``html`` plus metadata, as ``sayso ingest`` reads
    JSONL) as a row."""
    from ..errors import IngestError
    from ..ingest.jsonl import record_from_json
    from ..ingest.record import failure

    key = f"{source}:{data.get('id')}" if data.get("id") not in (None, "") else f"{source}:{order[1] + 1}"
    try:
        record = record_from_json({k: v for k, v in data.items() if v is not None}, key, source=source)
    except IngestError as exc:
        return item_row(failure(key, exc), order)
    return item_row(record, order)


def record_from_row(row: dict[str, Any]):
    from ..ingest.record import Record

    values: dict[str, Any] = {name: row.get(name) for name in RECORD_FIELDS}
    return Record(**values, meta=json.loads(row.get("meta") or "{}"))


# -- a partition -----------------------------------------------------------------------------
def global_id(partition: int, chunk: int, local: int | None) -> int | None:
    if local is None:
        return None
    return (partition << (2 * CHUNK_BITS)) | (chunk << CHUNK_BITS) | int(local)


def analyse_partition(partition: int, rows: Iterable[dict[str, Any]], *, options: Options | None = None,
                      model: str | None = None, engine: str | None = None, batch_size: int | None = None,
                      chunk_size: int = 256, counters: dict[str, Any] | None = None,
                      ) -> Iterator[tuple[str, tuple]]:
    """Analyse one partition's rows through the batch runner (one spaCy pipeline per worker
    process, ``nlp.pipe`` batches of ``options.ingest_batch_size``) and yield ``(table, values)``
    for the store tables, plus ``analyses`` and ``failures`` rows. A failing article is logged,
    counted and written to ``failures``; it never stops the partition."""
    from ..pipeline import resolved
    from ..runner import Item, Run, Summary
    from ..store import Store

    chosen = resolved(options, model=model, engine=engine).given(ingest_batch_size=batch_size)

    def count(name: str, n: int = 1) -> None:
        if counters is not None and name in counters:
            counters[name].add(n)

    failures: list[tuple[str, str]] = []

    def failed(item: Failure) -> None:
        count("failed")
        log.warning("sayso spark: %s failed: %s", item.key, item.reason)
        failures.append((item.key, item.reason))

    run = Run(Summary(kind="spark"), on_failure=failed)

    def items() -> Iterator[Item]:
        for row in rows:
            if row.get("error"):
                run.fail(row["key"], row["error"])
                continue
            yield Item(row["key"], row["text"], row)

    chunk = 0
    for batch in run.batches(items(), chosen, size=chunk_size):
        while failures:
            yield ("failures", failures.pop(0))
        count("analysed", len(batch))
        yield from _chunk_rows(Store, partition, chunk, batch)
        chunk += 1
    while failures:
        yield ("failures", failures.pop(0))


def actor_key(norm_name: str, type_: str, scope: int | None) -> int:
    """An actor's id in the Spark output, derived from the store's identity key (normalised name,
    type, article for unnamed actors): every partition gives the same actor the same id, so the
    cross-article merge is a ``groupBy(id)`` and no reference needs rewriting. 63 bits of
    BLAKE2b: a collision is expected once in about 10^9 distinct actors squared over 2^64."""
    digest = hashlib.blake2b(f"{type_}\x1f{scope or 0}\x1f{norm_name}".encode("utf-8"), digest_size=8)
    return int.from_bytes(digest.digest(), "big") & ((1 << 63) - 1)


def order_key(order: tuple[int, int]) -> int:
    """An input position (input, record) as one sortable integer: which article was read first."""
    return (int(order[0]) << 32) | int(order[1])


def _chunk_rows(store_class: Any, partition: int, chunk: int,
                batch: list[tuple[dict[str, Any], Any]]) -> Iterator[tuple[str, tuple]]:
    """Rows of every table for one chunk, written by ``Store.add`` into an in-memory store.
    Article-side ids become global (``partition << 40 | chunk << 20 | id``); actor ids become
    :func:`actor_key`, and each ``actors`` row carries one more value, ``first_seen``: the
    input position of the first article that named it (the name ``sayso ingest`` would keep)."""
    from ..store.tables import actor_scopes, table_rows

    ids, refs = id_columns(), actor_columns()
    order: dict[int, int] = {}
    with store_class(":memory:") as store:
        with store.transaction():
            for row, analysis in batch:
                record = record_from_row(row)
                article_id = store.add(record, analysis)
                if article_id is None:  # a duplicate inside the chunk: the dedup step missed none
                    continue
                order[article_id] = order_key(row["order"])
                yield ("analyses", (global_id(partition, chunk, article_id), record.key, record.url,
                                    record.title, record.published, record.outlet, record.author,
                                    record.source, record.fetched, row.get("meta") or "{}",
                                    json.dumps(analysis.to_dict(), ensure_ascii=False)))
        keys: dict[int, int] = {}
        first: dict[int, int] = {}
        for actor, norm, type_, scope, article in actor_scopes(store):
            keys[actor] = actor_key(norm, type_, global_id(partition, chunk, scope))
            first[actor] = 0 if article is None else order.get(article, 0)
        for table in TABLES:
            names = [name for name, _ in schema()[table]]
            kinds = ["actor" if name in refs[table] or (table == "actors" and name == "id")
                     else "global" if name in ids[table] else "" for name in names]
            for values in table_rows(store, table, names):
                out = tuple(keys.get(v) if kind == "actor" and v is not None
                            else global_id(partition, chunk, v) if kind == "global" else v
                            for v, kind in zip(values, kinds))
                yield (table, out + (first[values[0]],) if table == "actors" else out)


def analyse_rows(rows: list[dict[str, Any]], **options: Any) -> dict[str, list[tuple]]:
    """The job's output without Spark (one partition), for tests and debugging."""
    out: dict[str, list[tuple]] = {}
    for table, values in analyse_partition(0, rows, **options):
        out.setdefault(table, []).append(values)
    return out


def default_java_home() -> str | None:
    """A Java 17 to run Spark 4 with, when ``JAVA_HOME`` is not set (Debian's openjdk-17)."""
    if os.environ.get("JAVA_HOME"):
        return os.environ["JAVA_HOME"]
    for candidate in ("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/java-17-openjdk-arm64",
                      "/usr/lib/jvm/java-17-openjdk"):
        if Path(candidate, "bin", "java").exists():
            return candidate
    return None
