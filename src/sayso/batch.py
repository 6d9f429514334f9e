"""Batch ingestion: sources → records → the batch runner (:mod:`sayso.runner`: ``nlp.pipe``)
→ the store, one transaction per batch.

Duplicates (same canonical URL or same text) are recognised before any analysis, and feeds
and crawls skip stored URLs before fetching or parsing, so a re-run after a crash or a kill
costs only what was not yet committed. Every item that cannot be read, fetched, parsed or
analysed is counted with its reason; the run goes on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from .errors import InputError
from .ingest.fetch import Fetcher
from .ingest.record import Failure, Record, Skip, canonical_url, check_record, failure
from .ingest.sources import Sources
from .options import Options
from .pipeline import resolved
from .runner import MAX_FAILURES_KEPT, Done, Item, Run, Summary
from .store.store import Store, content_hash
from .text import normalize

__all__ = ["MAX_FAILURES_KEPT", "Summary", "ingest"]


def ingest(
    sources: Sequence[str],
    store: Store,
    *,
    kind: str | None = None,
    workers: int = 1,
    batch_size: int | None = None,
    commit_every: int | None = None,
    model: str | None = None,
    engine: str | None = None,
    attribution_model: str | None = None,
    options: Options | None = None,
    fetcher: Fetcher | None = None,
    progress: bool = False,
    on_failure: Callable[[Failure], None] | None = None,
) -> Summary:
    """Read, analyse and store every article of ``sources``; returns what happened.

    ``engine``, ``model`` and ``attribution_model`` pick the analysis as in :func:`sayso.extract`;
    ``batch_size`` articles go through spaCy together and every ``commit_every`` analysed
    articles are committed in one transaction. What is not given comes from ``options`` (the
    ``ingest_batch_size`` and ``commit_every`` options; default: sayso's defaults).
    """
    chosen = resolved(options, model=model, engine=engine, attribution_model=attribution_model)
    chosen = chosen.given(ingest_batch_size=batch_size, commit_every=commit_every)
    summary = Summary(kind="ingest")
    reader = Sources(kind=kind, fetcher=fetcher, known=lambda url: known(url), options=chosen)
    reader.check(sources)  # a missing file or unknown kind stops the run before it starts
    summary.run_id = run_id = store.start_run(list(sources), model=chosen.model)
    pending_urls: set[str] = set()  # handed to the engine, not yet committed
    pending_hashes: set[str] = set()
    run = Run(summary, label="ingest", progress=progress, on_failure=on_failure)

    def known(url: str) -> bool:
        return url in pending_urls or store.has_url(url)

    def duplicate() -> None:
        summary.duplicates += 1
        run.bar.update(1)

    def release(payload: tuple[Record, str | None, str]) -> None:
        _, url, digest = payload
        pending_hashes.discard(digest)
        if url is not None:
            pending_urls.discard(url)

    def write(batch: list[Done]) -> None:
        stored = duplicates = 0
        with store.transaction():
            for (record, _, _), analysis in batch:
                if store.add(record, analysis, run_id=run_id) is None:
                    duplicates += 1
                else:
                    stored += 1
            store.count_run(run_id, {**summary.counts(), "stored": summary.stored + stored,
                                             "duplicates": summary.duplicates + duplicates})
        summary.stored += stored  # counted once committed
        summary.duplicates += duplicates
        for payload, _ in batch:
            release(payload)
        run.bar.update(len(batch))
        run.bar.set_postfix(stored=summary.stored, duplicates=summary.duplicates, failed=summary.failed,
                            refresh=False)

    def items() -> Iterator[Item]:
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
                run.fail(item.key, item.reason)
                continue
            try:
                check_record(item)
                text = normalize(item.text)
            except InputError as exc:  # a lone surrogate: this article only
                failed = failure(item.key, exc)
                run.fail(failed.key, failed.reason)
                continue
            if not text:
                run.fail(item.key, "empty text: nothing to analyse")
                continue
            url, digest = canonical_url(item.url), content_hash(text)
            if digest in pending_hashes or (url is not None and known(url)) or store.has_hash(digest):
                duplicate()
                continue
            pending_hashes.add(digest)
            if url is not None:
                pending_urls.add(url)
            yield Item(item.key, text, (item, url, digest))

    with run.finishing(store, write), reader:
        run.drive(items(), chosen, write, n_process=workers, dropped=release)
    return summary
