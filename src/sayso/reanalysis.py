"""Re-analysis: run the engine again over articles already in the store, from their stored
normalised text, and replace their analyses in place (ids, URLs and metadata kept).

For when sayso is upgraded or the engine or model changes: nothing is fetched or read again.
Articles stream through the batch runner (:mod:`sayso.runner`, ``nlp.pipe``) as in ingest, and every
``commit_every`` of them are written in one transaction, each article all or nothing: a crash
or Ctrl-C leaves every article with its old analysis or its new one, never half of each. An
article the engine fails on keeps its old analysis and is counted as failed; the run goes on.
The run is recorded in ``runs``: ``sources`` is ``["reanalyse", "engine=…", selection…]``,
``model`` the spaCy model, ``read`` the articles selected, ``stored`` those changed,
``skipped`` those unchanged and ``failed`` those that kept their old analysis.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .errors import StoreError, excerpt
from .ingest.record import Failure
from .options import Options
from .pipeline import prepare, resolved
from .runner import Done, Item, Run, Summary
from .store import queries
from .store.queries import ArticleFilter
from .store.store import Store, write_error


@dataclass(frozen=True)
class Selection:
    """Which stored articles to re-analyse; every field optional (none: all of them)."""

    articles: tuple[int, ...] = ()  # article ids
    outlet: str | None = None  # case-insensitive substring of the outlet name
    since: str | None = None  # ISO date: published on or after
    until: str | None = None  # ISO date: published on or before (the whole day)
    limit: int | None = None  # at most this many, lowest ids first

    def describe(self) -> list[str]:
        """The selection as ``name=value`` words, for the run's ``sources``."""
        words = [f"article={i}" for i in self.articles]
        words += [f"{name}={value}" for name in ("outlet", "since", "until", "limit")
                  if (value := getattr(self, name)) is not None]
        return words


def select(store: Store, selection: Selection = Selection()) -> list[int]:
    """The ids of the selected articles in id order (the order they were ingested in); an
    article id that is not stored is a :class:`StoreError`."""
    if selection.articles:
        missing = [str(i) for i in queries.missing_articles(store, selection.articles)]
        if missing:
            raise StoreError(f"no article with id {', '.join(missing)} (sayso export --format csv "
                             f"--table articles lists the stored ones)")
    flt = ArticleFilter(outlet=selection.outlet, since=selection.since, until=selection.until)
    return queries.article_ids(store, flt, ids=selection.articles, limit=selection.limit)


ReanalysisSummary = Summary  # a run's summary, ``kind="reanalyse"`` (its earlier name)


def reanalyse(
    store: Store,
    selection: Selection = Selection(),
    *,
    engine: str | None = None,
    model: str | None = None,
    attribution_model: str | None = None,
    options: Options | None = None,
    batch_size: int | None = None,
    commit_every: int | None = None,
    progress: bool = False,
    on_failure: Callable[[Failure], None] | None = None,
) -> Summary:
    """Analyse the selected stored articles again with ``engine`` and ``model`` (default: those
    of ``options``, else sayso's) and replace the analyses that changed; returns what happened.

    ``batch_size`` articles go through spaCy together and ``commit_every`` are committed in
    one transaction (the ``ingest_batch_size`` and ``commit_every`` options, as in ingest).
    """
    store.check_writable()  # a read-only database stops the run before it starts
    chosen = resolved(options, engine=engine, model=model, attribution_model=attribution_model)  # so does an unknown engine
    chosen = chosen.given(ingest_batch_size=batch_size, commit_every=commit_every)
    ids = select(store, selection)  # so does an article id that is not stored
    prepare(chosen)  # and a missing spaCy model or trained tagger
    summary = Summary(kind="reanalyse", engine=chosen.engine, model=chosen.model, read=len(ids))
    summary.run_id = run_id = store.start_run(["reanalyse", f"engine={chosen.engine}", *selection.describe()],
                                     model=chosen.model)
    run = Run(summary, label="reanalyse", total=len(ids), progress=progress, on_failure=on_failure)

    def write(batch: list[Done]) -> None:
        changed = unchanged = 0
        failed: list[tuple[int, str]] = []
        with store.transaction():
            for article_id, analysis in batch:
                try:
                    if store.replace_analysis(article_id, analysis):
                        changed += 1
                    else:
                        unchanged += 1
                except sqlite3.Error as exc:
                    if write_error(store.path, exc) is not None:
                        raise  # the disk or the file, not this article: the run stops
                    failed.append((article_id, f"cannot store the new analysis: {excerpt(exc)}"))
                except Exception as exc:  # noqa: BLE001 - the article keeps its old analysis
                    failed.append((article_id, f"cannot store the new analysis: {excerpt(exc)}"))
            store.count_run(run_id, {**summary.counts(), "stored": summary.stored + changed,
                                             "skipped": summary.skipped + unchanged})
        summary.stored += changed  # counted once committed
        summary.skipped += unchanged
        for article_id, reason in failed:
            run.fail(str(article_id), reason, advance=False)
        run.bar.update(len(batch))
        run.bar.set_postfix(changed=summary.stored, failed=summary.failed, refresh=False)

    def items() -> Iterator[Item]:
        for article_id in ids:
            text = queries.article_text(store, article_id)
            if text is None:  # deleted while the run went on
                run.fail(str(article_id), "no longer stored")
                continue
            yield Item(str(article_id), text, article_id)

    with run.finishing(store, write):
        run.drive(items(), chosen, write)
    return summary
