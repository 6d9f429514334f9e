"""``sayso load DIR``: bring a Spark output into the SQLite store through ``Store.add``, so the
API and the web page serve it exactly like an ingested collection.

Reads the ``analyses`` table (one row per article: its metadata and ``Analysis.to_dict()``)
with pyarrow, batch by batch, and adds every article in one transaction: all or nothing.
Idempotent: articles already stored (same canonical URL or text) are skipped by ``Store.add``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError, InputError
from ..ingest.record import Record
from ..store import Store
from ..types import Analysis


@dataclass
class LoadSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    run_id: int | None = None

    def to_dict(self) -> dict[str, int | None]:
        return {"read": self.read, "stored": self.stored, "duplicates": self.duplicates,
                "run_id": self.run_id}

    def format(self) -> str:
        return f"read {self.read:,}, stored {self.stored:,}, already stored {self.duplicates:,}"


def load(folder: str | Path, store: Store, *, batch_rows: int = 512) -> LoadSummary:
    """Add every article of the Spark output ``folder`` to ``store``; returns the counts."""
    try:
        import pyarrow.dataset as ds
    except ImportError as exc:
        raise ConfigError('sayso load reads Parquet with pyarrow: pip install "sayso[spark]"') from exc
    folder = Path(folder)
    analyses = folder / "analyses"
    if not analyses.is_dir():
        raise InputError(f"{folder}: not a sayso spark output (no analyses/ folder); "
                         f"make one with sayso spark run --output {folder}")
    dataset = ds.dataset(str(analyses), format="parquet")
    summary = LoadSummary()
    summary.run_id = store.start_run([str(folder)], model=_model(folder))
    try:
        with store.transaction():
            for batch in dataset.to_batches(batch_size=batch_rows):
                for row in sorted(batch.to_pylist(), key=lambda r: r["article_id"]):
                    summary.read += 1
                    record = Record(key=row["key"], text="", url=row["url"], title=row["title"],
                                    published=row["published"], outlet=row["outlet"],
                                    author=row["author"], source=row["source"], fetched=row["fetched"],
                                    meta=json.loads(row["meta"] or "{}"))
                    analysis = Analysis.from_dict(json.loads(row["analysis"]))
                    if store.add(record, analysis, run_id=summary.run_id) is None:
                        summary.duplicates += 1
                    else:
                        summary.stored += 1
    finally:
        store.finish_run(summary.run_id, {"read": summary.read, "stored": summary.stored,
                                          "duplicates": summary.duplicates})
    return summary


def _model(folder: Path) -> str | None:
    try:
        return json.loads((folder / "_sayso.json").read_text("utf-8")).get("model")
    except (OSError, ValueError):
        return None
