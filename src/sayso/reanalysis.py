"""Re-analysis: run the engine again over articles already in the store, from their stored
normalised text, and replace their analyses in place (ids, URLs and metadata kept).

For when sayso is upgraded or the engine or model changes: nothing is fetched or read again.
Articles stream through ``extract_many`` (``nlp.pipe``) as in ingest, and every
``commit_every`` of them are written in one transaction, each article all or nothing: a crash
or Ctrl-C leaves every article with its old analysis or its new one, never half of each. An
article the engine fails on keeps its old analysis and is counted as failed; the run goes on.
The run is recorded in ``runs``: ``sources`` is ``["reanalyse", "engine=…", selection…]``,
``model`` the spaCy model, ``read`` the articles selected, ``stored`` those changed,
``skipped`` those unchanged and ``failed`` those that kept their old analysis.
"""
from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import settings
from .batch import finishing_run, record_failure
from .engines import engine_name
from .errors import StoreError, excerpt
from .ingest.record import Failure
from .pipeline import extract_many
from .store import queries
from .store.queries import ArticleFilter
from .store.store import Store, write_error
from .types import Analysis


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


@dataclass
class ReanalysisSummary:
    """What a re-analysis did: every selected article is changed, unchanged or failed."""

    engine: str
    model: str
    selected: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)  # key: the article id
    seconds: float = 0.0
    run_id: int | None = None

    @property
    def reanalysed(self) -> int:
        """Articles analysed and stored again, whether their analysis changed or not."""
        return self.changed + self.unchanged

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def counts(self) -> dict[str, int]:
        """The counts in the ``runs`` table's columns."""
        return {"read": self.selected, "stored": self.changed, "skipped": self.unchanged,
                "failed": self.failed}

    def to_dict(self) -> dict[str, Any]:
        return {"selected": self.selected, "reanalysed": self.reanalysed, "changed": self.changed,
                "unchanged": self.unchanged, "failed": self.failed, "seconds": round(self.seconds, 3),
                "engine": self.engine, "model": self.model, "run_id": self.run_id,
                "failures": [{"article": int(f.key), "reason": f.reason} for f in self.failures]}

    def format(self) -> str:
        """One line for the terminal."""
        return (f"selected {self.selected:,}, re-analysed {self.reanalysed:,} (changed {self.changed:,}, "
                f"unchanged {self.unchanged:,}), failed {self.failed:,} "
                f"({self.engine} engine, {self.seconds:.1f} s)")


def reanalyse(
    store: Store,
    selection: Selection = Selection(),
    *,
    engine: str | None = None,
    model: str | None = None,
    batch_size: int | None = None,
    commit_every: int | None = None,
    progress: bool = False,
    on_failure: Callable[[Failure], None] | None = None,
) -> ReanalysisSummary:
    """Analyse the selected stored articles again with ``engine`` and ``model`` (default: the
    settings) and replace the analyses that changed; returns what happened.

    ``batch_size`` articles go through spaCy together and ``commit_every`` are committed in
    one transaction (the ``ingest_batch_size`` and ``commit_every`` settings, as in ingest).
    """
    from tqdm import tqdm

    started = time.monotonic()
    store.check_writable()  # a read-only database stops the run before it starts
    engine = engine_name(engine)  # so does an unknown engine
    model = model or str(settings.get("model"))
    size = int(batch_size or settings.get("ingest_batch_size"))
    commit_size = int(commit_every or settings.get("commit_every"))
    ids = select(store, selection)  # so does an article id that is not stored
    _load_engine(engine, model)  # and a missing spaCy model or trained tagger
    summary = ReanalysisSummary(engine=engine, model=model, selected=len(ids))
    summary.run_id = store.start_run(["reanalyse", f"engine={engine}", *selection.describe()], model=model)
    batch: list[tuple[int, Analysis]] = []
    bar = tqdm(total=len(ids), desc="reanalyse", unit=" articles", disable=not progress, file=sys.stderr,
               dynamic_ncols=True, smoothing=0.1)

    def fail(article_id: int, reason: str) -> None:
        record_failure(summary, Failure(str(article_id), reason), on_failure)

    def flush() -> None:
        if not batch:
            return
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
            store.count_run(summary.run_id, {**summary.counts(), "stored": summary.changed + changed,
                                             "skipped": summary.unchanged + unchanged})
        summary.changed += changed  # counted once committed
        summary.unchanged += unchanged
        for article_id, reason in failed:
            fail(article_id, reason)
        bar.update(len(batch))
        bar.set_postfix(changed=summary.changed, failed=summary.failed, refresh=False)
        batch.clear()

    def texts() -> Iterator[tuple[str, str]]:
        for article_id in ids:
            text = queries.article_text(store, article_id)
            if text is None:  # deleted while the run went on
                fail(article_id, "no longer stored")
                bar.update(1)
                continue
            yield str(article_id), text

    with finishing_run(store, summary, bar, flush, started):
        for outcome in extract_many(texts(), model=model, batch_size=size, normalized=True, engine=engine):
            if outcome.analysis is None:
                fail(int(outcome.key), outcome.error or "extraction failed")
                bar.update(1)
                continue
            batch.append((int(outcome.key), outcome.analysis))
            if len(batch) >= commit_size:
                flush()
        flush()
    return summary


def _load_engine(engine: str, model: str) -> None:
    """Load the spaCy pipeline (and the tagger) now, so a configuration error records no run."""
    from .model.loader import load_tagger
    from .nlp import load_pipeline

    load_pipeline(model)
    if engine != "rules":
        load_tagger()
