"""What the server shares between requests: read-only store connections (one per worker
thread), one process that runs the NLP pipeline, and one thread that writes.

SQLite connections belong to the thread that opened them, so each worker thread of the
server's pool keeps its own, opened read-only (``PRAGMA query_only``): no read endpoint can
change the database even by mistake. spaCy is CPU-bound and holds the GIL for most of its
work, so extraction runs in a separate process (one worker: on two cores the other is left to
the readers) and queues there; a bounded queue answers 503 when full. ``nlp_in_process=False``
runs it on a thread instead (quicker to start, for tests). Ingest's writes go through the one
writable connection, on its own thread.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from .. import settings
from ..claims import Claim, find_claims
from ..errors import ExtractionError, SaysoError
from ..store import QuoteFilter, Store

T = TypeVar("T")
CLAIM_CACHE = 16  # claim lists kept (one per set of filters and options)


class Busy(SaysoError):
    """Too many extraction or ingest requests are waiting; the client should retry later."""

    http_status = 503


def load_nlp() -> None:
    """Load the spaCy pipeline (in the NLP worker), returning nothing to send back."""
    from ..nlp import load_pipeline

    load_pipeline()


class ServerState:
    def __init__(self, store_path: str | Path, *, allow_ingest: bool = False, max_bytes: int | None = None,
                 max_pending: int = 512, fetcher_factory: Any = None, nlp_in_process: bool = True) -> None:
        self.store_path = str(store_path)
        self.allow_ingest = allow_ingest
        self.max_bytes = int(settings.get("serve_max_bytes") if max_bytes is None else max_bytes)
        self.max_pending = max_pending
        self.fetcher_factory = fetcher_factory  # () -> Fetcher; default: public addresses only
        self.nlp_in_process = nlp_in_process
        self._local = threading.local()
        self._nlp: Executor | None = None
        self._write: ThreadPoolExecutor | None = None
        self._writer: Store | None = None
        self._pending = 0
        self._lock = threading.Lock()
        self._claims: OrderedDict[tuple, list[Claim]] = OrderedDict()

    # -- reading ------------------------------------------------------------------------------
    def store(self) -> Store:
        """This thread's read-only connection to the store."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.store_path, create=False)
            store.conn.execute("PRAGMA query_only = ON")
            self._local.store = store
        return store

    def claims(self, flt: QuoteFilter, **options: Any) -> list[Claim]:
        """:func:`sayso.claims.find_claims` over the store, kept for the same filters and options
        until the quotes change (a page of ``GET /claims`` does not recompute the claims)."""
        store = self.store()
        version = tuple(store.conn.execute("SELECT count(*), max(id) FROM quotes").fetchone())
        key = (flt, tuple(sorted(options.items())), version)
        with self._lock:
            found = self._claims.get(key)
            if found is not None:
                self._claims.move_to_end(key)
                return found
        found = find_claims(store, flt, **options)
        with self._lock:
            self._claims[key] = found
            while len(self._claims) > CLAIM_CACHE:
                self._claims.popitem(last=False)
        return found

    # -- the NLP worker -------------------------------------------------------------------------
    def _executor(self) -> Executor:
        with self._lock:
            if self._nlp is None:
                if self.nlp_in_process:  # spawn: never fork a process that runs threads
                    self._nlp = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                    initializer=load_nlp)
                else:
                    self._nlp = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sayso-nlp")
            return self._nlp

    async def run_nlp(self, func: Callable[..., T], *args: Any) -> T:
        """Run ``func(*args)`` in the NLP worker (a module-level function: it may be pickled),
        refusing new work when too much is queued."""
        with self._lock:
            if self._pending >= self.max_pending:
                raise Busy(f"{self._pending} extraction requests are waiting; retry in a moment")
            self._pending += 1
        executor = self._executor()
        try:
            return await asyncio.get_running_loop().run_in_executor(executor, func, *args)
        except BrokenProcessPool:
            with self._lock:
                if self._nlp is executor:
                    self._nlp = None  # the next request starts a fresh worker
            raise ExtractionError("the extraction worker stopped unexpectedly; retry the request") from None
        finally:
            with self._lock:
                self._pending -= 1

    def warm_up(self) -> None:
        """Start the NLP worker and load the pipeline in the background."""
        self._executor().submit(load_nlp)

    # -- writing --------------------------------------------------------------------------------
    async def run_write(self, func: Callable[..., T], *args: Any) -> T:
        """Run ``func(store, *args)`` with the one writable connection, on the write thread."""
        with self._lock:
            if self._write is None:
                self._write = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sayso-write")
        return await asyncio.get_running_loop().run_in_executor(self._write, self._with_writer, func, args)

    def _with_writer(self, func: Callable[..., T], args: tuple[Any, ...]) -> T:
        if self._writer is None:
            self._writer = Store(self.store_path, create=True)
        return func(self._writer, *args)

    def close(self) -> None:
        if self._write is not None:
            if self._writer is not None:
                self._write.submit(self._writer.close).result()
                self._writer = None
            self._write.shutdown(wait=True)
            self._write = None
        if self._nlp is not None:
            self._nlp.shutdown(wait=True, cancel_futures=True)
            self._nlp = None
