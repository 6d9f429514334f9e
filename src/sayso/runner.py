"""The one batch runner: items → the engine (``extract_many``: ``nlp.pipe``, one analysis per
text, in order) → a sink, in batches; and the one :class:`Summary` of a run.

``sayso ingest``, ``sayso reanalyse`` and the Spark partition differ only in their items (records
read from sources, stored texts, rows of a DataFrame) and their sink (new articles, replaced
analyses, Parquet rows). Every item that fails, before the engine or in it, is counted with its
reason and the run goes on (a single-article call raises instead). With a store, what was
analysed is committed however the run stops (Ctrl-C, a full disk), and the run is marked
finished with its counts.
"""
from __future__ import annotations

import contextlib
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from .errors import StoreError, StoreWriteError, excerpt
from .ingest.record import MAX_REASON_CHARS, Failure
from .options import Options
from .pipeline import extract_many
from .types import Analysis

MAX_FAILURES_KEPT = 1000  # the rest are counted (and passed to on_failure), not kept

Done = tuple[Any, Analysis]  # an item's payload and its analysis
Sink = Callable[[list[Done]], None]


@dataclass(frozen=True)
class Item:
    """One text for the engine: ``key`` names it in a failure, ``payload`` comes back with its
    analysis (a record, an article id, a row)."""

    key: str
    text: str
    payload: Any = None


class RunLog(Protocol):
    """Where a run is recorded (:class:`sayso.store.Store`)."""

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None: ...


@dataclass
class Summary:
    """What a run did. ``kind`` says whose report it is (``ingest``, ``reanalyse``, ``spark``);
    the counts are the ``runs`` table's: every item read ends up stored (for re-analysis:
    changed), a duplicate, skipped (re-analysis: unchanged; ingest: not an article) or failed."""

    kind: str = "ingest"
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    skip_reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    run_id: int | None = None
    engine: str | None = None
    model: str | None = None
    analyse_seconds: float = 0.0  # Spark: reading, duplicate check and NLP; the rest is merge and writes
    partitions: int = 0  # Spark: of the NLP stage
    rows: dict[str, int] = field(default_factory=dict)  # Spark: rows of each output table

    # the names re-analysis and Spark report the counts under
    selected = property(lambda self: self.read)
    changed = property(lambda self: self.stored)
    unchanged = property(lambda self: self.skipped)
    analysed = property(lambda self: self.stored)

    @property
    def reanalysed(self) -> int:
        """Articles analysed and stored again, whether their analysis changed or not."""
        return self.stored + self.skipped

    @property
    def ok(self) -> bool:
        return self.failed == 0

    @property
    def rate(self) -> float:
        """Articles analysed (and stored) per second of wall time."""
        return self.stored / self.seconds if self.seconds else 0.0

    def add_failure(self, item: Failure) -> Failure:
        """Count a failed item and keep the first :data:`MAX_FAILURES_KEPT`; a key or reason that
        quotes a huge input is cut short. Returns the failure as kept."""
        item = Failure(excerpt(item.key, MAX_REASON_CHARS), excerpt(item.reason, MAX_REASON_CHARS))
        self.failed += 1
        if len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.append(item)
        return item

    def counts(self) -> dict[str, int]:
        """The counts in the ``runs`` table's columns."""
        counts = {"read": self.read, "stored": self.stored, "duplicates": self.duplicates,
                  "skipped": self.skipped, "failed": self.failed}
        if self.kind == "reanalyse":
            del counts["duplicates"]
        return counts

    def to_dict(self) -> dict[str, Any]:
        """The summary as its command prints it with ``--json``."""
        if self.kind == "reanalyse":
            return {"selected": self.read, "reanalysed": self.reanalysed, "changed": self.stored,
                    "unchanged": self.skipped, "failed": self.failed, "seconds": round(self.seconds, 3),
                    "engine": self.engine, "model": self.model, "run_id": self.run_id,
                    "failures": [{"article": int(f.key), "reason": f.reason} for f in self.failures]}
        if self.kind == "spark":
            return {"read": self.read, "analysed": self.stored, "duplicates": self.duplicates,
                    "skipped": self.skipped, "failed": self.failed, "seconds": round(self.seconds, 3),
                    "analyse_seconds": round(self.analyse_seconds, 3), "partitions": self.partitions,
                    "articles_per_second": round(self.rate, 3), "rows": self.rows}
        return {**self.counts(), "seconds": round(self.seconds, 3), "run_id": self.run_id,
                "articles_per_second": round(self.rate, 2),
                "failures": [{"item": f.key, "reason": f.reason} for f in self.failures],
                "skip_reasons": dict(self.skip_reasons)}

    def format(self, *, max_failures: int = 20) -> str:
        """The summary as its command prints it: counts, and for ingest why things were
        skipped, what failed and why."""
        if self.kind == "reanalyse":
            return (f"selected {self.read:,}, re-analysed {self.reanalysed:,} (changed {self.stored:,}, "
                    f"unchanged {self.skipped:,}), failed {self.failed:,} "
                    f"({self.engine} engine, {self.seconds:.1f} s)")
        if self.kind == "spark":
            rows = ", ".join(f"{table} {n:,}" for table, n in self.rows.items())
            return (f"read {self.read:,}, analysed {self.stored:,}, duplicates {self.duplicates:,}, "
                    f"not articles {self.skipped:,}, failed {self.failed:,} "
                    f"({self.seconds:.1f} s, {self.rate:.2f} articles/s)\nrows: {rows}")
        lines = [f"read {self.read:,}, stored {self.stored:,}, skipped as duplicate "
                 f"{self.duplicates:,}, failed {self.failed:,}"
                 f" ({self.seconds:.1f} s, {self.rate:.2f} articles/s)"]
        if self.skipped:
            reasons = ", ".join(f"{reason}: {n:,}" for reason, n in self.skip_reasons.most_common(6))
            lines.append(f"not articles, skipped: {self.skipped:,} ({reasons})")
        if self.failed:
            lines.append("failed:")
            lines += [f"  {f.key}: {f.reason}" for f in self.failures[:max_failures]]
            if self.failed > max_failures:
                lines.append(f"  … and {self.failed - max_failures:,} more (write them all with --errors FILE)")
        return "\n".join(lines)


class Run:
    """One batch run: its :class:`Summary`, progress bar and failure callback; :meth:`batches`
    streams items through the engine, :meth:`finishing` closes the run however it stops."""

    def __init__(self, summary: Summary, *, label: str = "", total: int | None = None, progress: bool = False,
                 on_failure: Callable[[Failure], None] | None = None) -> None:
        from tqdm import tqdm

        self.summary, self.on_failure = summary, on_failure
        self.started = time.monotonic()
        self.pending: list[Done] = []  # analysed, not yet through the sink
        self.bar = tqdm(total=total, desc=label or summary.kind, unit=" articles", disable=not progress,
                        file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def fail(self, key: str, reason: str, *, advance: bool = True) -> None:
        """Count an item that failed, pass it to ``on_failure``, and (``advance``) move the bar."""
        item = self.summary.add_failure(Failure(key, reason))
        if self.on_failure is not None:
            self.on_failure(item)
        if advance:
            self.bar.update(1)

    def batches(self, items: Iterable[Item], options: Options, *, size: int,
                n_process: int = 1, dropped: Callable[[Any], None] | None = None) -> Iterator[list[Done]]:
        """Lists of at most ``size`` ``(payload, analysis)``, in input order, from ``items``
        (normalised texts) analysed ``options.ingest_batch_size`` at a time; an item the engine
        fails on is counted (and its payload given to ``dropped``). A list stays in
        :attr:`pending` until the next is asked for, so that :meth:`finishing` can still write
        it when its sink is interrupted."""
        in_flight: dict[str, Item] = {}

        def texts() -> Iterator[tuple[str, str]]:
            for serial, item in enumerate(items):
                in_flight[str(serial)] = item
                yield str(serial), item.text

        self.pending = []
        for outcome in extract_many(texts(), options=options, batch_size=options.ingest_batch_size,
                                    n_process=max(1, n_process), normalized=True):
            item = in_flight.pop(outcome.key)
            if outcome.analysis is None:
                if dropped is not None:
                    dropped(item.payload)
                self.fail(item.key, outcome.error or "extraction failed")
                continue
            self.pending.append((item.payload, outcome.analysis))
            if len(self.pending) >= size:
                yield self.pending
                self.pending = []
        if self.pending:
            yield self.pending
            self.pending = []

    def drive(self, items: Iterable[Item], options: Options, sink: Sink, *, n_process: int = 1,
              dropped: Callable[[Any], None] | None = None) -> None:
        """Every item through the engine and the sink, ``options.commit_every`` at a time."""
        for batch in self.batches(items, options, size=options.commit_every, n_process=n_process,
                                  dropped=dropped):
            sink(batch)

    @contextlib.contextmanager
    def finishing(self, log: RunLog, sink: Sink) -> Iterator[None]:
        """End a run however it stops: on Ctrl-C or an error what was already analysed still
        goes through ``sink``, then the bar closes and the run is marked finished in ``log``
        with its counts. When the database refuses writes (a full disk) the error says how far
        the run got, and the run's row keeps the counts of what was committed (unfinished, if
        even marking it finished is refused)."""
        try:
            yield
        except StoreWriteError as exc:
            self._finish(log, sink, quietly=True)
            raise StoreWriteError(f"{exc}; this run (id {self.summary.run_id}) had stored "
                                  f"{self.summary.stored:,} articles when it stopped") from None
        except BaseException:
            self._finish(log, sink, quietly=True)
            raise
        self._finish(log, sink, quietly=False)

    def _finish(self, log: RunLog, sink: Sink, *, quietly: bool) -> None:
        """Write what is left (quietly: nothing may hide the error that stopped the run), close
        the bar and mark the run finished."""
        try:
            with contextlib.suppress(Exception):
                if self.pending:  # on Ctrl-C or an error, keep what was already analysed
                    sink(self.pending)
                    self.pending = []
        finally:
            self.bar.close()
            self.summary.seconds = time.monotonic() - self.started
            run_id = self.summary.run_id
            if run_id is not None and quietly:
                with contextlib.suppress(StoreError):
                    log.finish_run(run_id, self.summary.counts())
            elif run_id is not None:
                log.finish_run(run_id, self.summary.counts())
