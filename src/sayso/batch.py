"""Batch ingestion: sources → records → ``extract_many`` (``nlp.pipe``) → the store, one
transaction per batch.

Duplicates (same canonical URL or same text) are recognised before any analysis, and feeds
and crawls skip stored URLs before fetching or parsing, so a re-run after a crash or a kill
costs only what was not yet committed. Every item that cannot be read, fetched, parsed or
analysed is counted with its reason; the run goes on.
"""
from __future__ import annotations

import contextlib
import itertools
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import settings
from .errors import InputError, StoreError, StoreWriteError, excerpt
from .ingest.fetch import Fetcher
from .ingest.record import (
    MAX_REASON_CHARS,
    Failure,
    Record,
    Skip,
    canonical_url,
    check_record,
    failure,
)
from .ingest.sources import Sources
from .pipeline import extract_many
from .store.store import Store, content_hash
from .text import normalize
from .types import Analysis

MAX_FAILURES_KEPT = 1000  # the rest are counted (and passed to on_failure), not kept


@dataclass
class Summary:
    """What a run did: every article-like item read ends up stored, duplicate or failed."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    skip_reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    run_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.failed == 0

    @property
    def rate(self) -> float:
        """Articles analysed and stored per second of wall time."""
        return self.stored / self.seconds if self.seconds else 0.0

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "stored": self.stored, "duplicates": self.duplicates,
                "skipped": self.skipped, "failed": self.failed}

    def to_dict(self) -> dict[str, Any]:
        return {**self.counts(), "seconds": round(self.seconds, 3), "run_id": self.run_id,
                "articles_per_second": round(self.rate, 2),
                "failures": [{"item": f.key, "reason": f.reason} for f in self.failures],
                "skip_reasons": dict(self.skip_reasons)}

    def format(self, *, max_failures: int = 20) -> str:
        """A few lines for the terminal: counts, why things were skipped, what failed and why."""
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


def record_failure(summary: Any, item: Failure, on_failure: Callable[[Failure], None] | None) -> None:
    """Count a failed item on a run's summary, keep the first :data:`MAX_FAILURES_KEPT`, and
    pass it to ``on_failure``; a key or reason that quotes a huge input is cut short."""
    item = Failure(excerpt(item.key, MAX_REASON_CHARS), excerpt(item.reason, MAX_REASON_CHARS))
    summary.failed += 1
    if len(summary.failures) < MAX_FAILURES_KEPT:
        summary.failures.append(item)
    if on_failure is not None:
        on_failure(item)


@contextlib.contextmanager
def finishing_run(store: Store, summary: Any, bar: Any, flush: Callable[[], None], started: float) -> Iterator[None]:
    """End a run however it stops: on Ctrl-C or an error what was already analysed is still
    committed (``flush``), then the progress bar closes and the run is marked finished with its
    counts. When the database refuses writes (a full disk) the error says how far the run got,
    and the run's row keeps the counts of what was committed (unfinished, if even marking it
    finished is refused)."""
    try:
        yield
    except StoreWriteError as exc:
        _finish(store, summary, bar, flush, started, quietly=True)
        raise StoreWriteError(f"{exc}; this run (id {summary.run_id}) had stored "
                              f"{summary.counts()['stored']:,} articles when it stopped") from None
    except BaseException:
        _finish(store, summary, bar, flush, started, quietly=True)
        raise
    _finish(store, summary, bar, flush, started, quietly=False)


def _finish(store: Store, summary: Any, bar: Any, flush: Callable[[], None], started: float, *,
            quietly: bool) -> None:
    """Commit what is left (quietly: nothing may hide the error that stopped the run), close the
    bar and mark the run finished."""
    try:
        with contextlib.suppress(Exception):
            flush()  # on Ctrl-C or an error, keep what was already analysed
    finally:
        bar.close()
        summary.seconds = time.monotonic() - started
        if quietly:
            with contextlib.suppress(StoreError):
                store.finish_run(summary.run_id, summary.counts())
        else:
            store.finish_run(summary.run_id, summary.counts())


def ingest(
    sources: Sequence[str],
    store: Store,
    *,
    kind: str | None = None,
    workers: int = 1,
    batch_size: int | None = None,
    commit_every: int | None = None,
    model: str | None = None,
    fetcher: Fetcher | None = None,
    progress: bool = False,
    on_failure: Callable[[Failure], None] | None = None,
) -> Summary:
    """Read, analyse and store every article of ``sources``; returns what happened.

    ``batch_size`` articles go through spaCy together (the ``ingest_batch_size`` setting);
    every ``commit_every`` analysed articles are committed in one transaction (``commit_every``).
    """
    from tqdm import tqdm

    size = int(batch_size or settings.get("ingest_batch_size"))
    commit_size = int(commit_every or settings.get("commit_every"))
    started = time.monotonic()
    summary = Summary()
    reader = Sources(kind=kind, fetcher=fetcher, known=lambda url: known(url))
    reader.check(sources)  # a missing file or unknown kind stops the run before it starts
    summary.run_id = store.start_run(list(sources), model=model or settings.get("model"))
    pending_urls: set[str] = set()  # handed to the engine, not yet committed
    pending_hashes: set[str] = set()
    in_flight: dict[str, tuple[Record, str | None, str]] = {}
    batch: list[tuple[Record, Analysis, str | None, str]] = []
    serials = itertools.count()
    bar = tqdm(desc="ingest", unit=" articles", disable=not progress, file=sys.stderr,
               dynamic_ncols=True, smoothing=0.1)

    def known(url: str) -> bool:
        return url in pending_urls or store.has_url(url)

    def fail(item: Failure) -> None:
        record_failure(summary, item, on_failure)
        bar.update(1)

    def duplicate() -> None:
        summary.duplicates += 1
        bar.update(1)

    def release(url: str | None, digest: str) -> None:
        pending_hashes.discard(digest)
        if url is not None:
            pending_urls.discard(url)

    def flush() -> None:
        if not batch:
            return
        stored = duplicates = 0
        with store.transaction():
            for record, analysis, _, _ in batch:
                if store.add(record, analysis, run_id=summary.run_id) is None:
                    duplicates += 1
                else:
                    stored += 1
            store.count_run(summary.run_id, {**summary.counts(), "stored": summary.stored + stored,
                                             "duplicates": summary.duplicates + duplicates})
        summary.stored += stored  # counted once committed
        summary.duplicates += duplicates
        for _, _, url, digest in batch:
            release(url, digest)
        bar.update(len(batch))
        bar.set_postfix(stored=summary.stored, duplicates=summary.duplicates, failed=summary.failed,
                        refresh=False)
        batch.clear()

    def texts(reader: Sources) -> Iterator[tuple[str, str]]:
        for item in reader.read(sources):
            if isinstance(item, Skip):
                if item.duplicate:
                    summary.read += 1
                    duplicate()
                else:
                    summary.skipped += 1
                    summary.skip_reasons[item.reason] += 1
                continue
            summary.read += 1
            if isinstance(item, Failure):
                fail(item)
                continue
            try:
                check_record(item)
                text = normalize(item.text)
            except InputError as exc:  # a lone surrogate: this article only
                fail(failure(item.key, exc))
                continue
            if not text:
                fail(Failure(item.key, "empty text: nothing to analyse"))
                continue
            url, digest = canonical_url(item.url), content_hash(text)
            if digest in pending_hashes or (url is not None and known(url)) or store.has_hash(digest):
                duplicate()
                continue
            serial = str(next(serials))
            in_flight[serial] = (item, url, digest)
            pending_hashes.add(digest)
            if url is not None:
                pending_urls.add(url)
            yield text, serial

    with finishing_run(store, summary, bar, flush, started), reader:
        outcomes = extract_many(((key, text) for text, key in texts(reader)), model=model,
                                batch_size=size, n_process=max(1, workers), normalized=True)
        for outcome in outcomes:
            record, url, digest = in_flight.pop(outcome.key)
            if outcome.analysis is None:
                release(url, digest)
                fail(Failure(record.key, outcome.error or "extraction failed"))
                continue
            batch.append((record, outcome.analysis, url, digest))
            if len(batch) >= commit_size:
                flush()
        flush()
    return summary
