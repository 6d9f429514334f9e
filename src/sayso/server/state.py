"""What the server shares between requests: read-only store connections (one per worker
thread), one process that runs the NLP pipeline, and one thread that writes.

SQLite connections belong to the thread that opened them, so each worker thread of the
server's pool keeps its own, opened read-only (``PRAGMA query_only``): no read endpoint can
change the database even by mistake. spaCy is CPU-bound and holds the GIL for most of its
work, so extraction runs in a separate process (one worker: on two cores the other is left to
the readers) and queues there; a bounded queue answers 503 when full. ``nlp_in_process=False``
runs it on a thread instead (quicker to start, for tests). Ingest's writes go through the one
writable connection, on its own thread.

Extraction requests wait their turn on the event loop, not in the worker's queue: one that
waits is dropped as soon as its client has gone; one already running finishes (no request
runs longer than a text of ``serve_max_chars`` takes) and its result is dropped.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from .. import settings
from ..claims import Claim, find_claims
from ..errors import Busy, ClientGone, ExtractionError
from ..options import DEFAULTS
from ..store import QuoteFilter, Store
from ..store.queries import quotes_version

T = TypeVar("T")
CLAIM_CACHE = 16  # claim lists kept (one per set of filters and options)
POLL_SECONDS = 0.25  # how often a waiting extraction asks whether its client is still there
NLP_WORKERS = 1  # on two cores the other is left to the readers


def load_nlp(model: str) -> None:
    """Load the spaCy pipeline ``model`` (in the NLP worker), returning nothing to send back."""
    from ..nlp import load_pipeline

    load_pipeline(model)


class ServerState:
    def __init__(self, store_path: str | Path, *, allow_ingest: bool = False, max_bytes: int | None = None,
                 max_chars: int | None = None, max_pending: int = 512, fetcher_factory: Any = None,
                 nlp_in_process: bool = True, api_token: str = "", base_url: str = "",
                 model: str = DEFAULTS.model) -> None:
        """``model``: the spaCy pipeline the NLP worker loads before the first request (the
        one the app's options analyse with)."""
        self.store_path = str(store_path)
        self.model = model
        self.allow_ingest = allow_ingest
        self.max_bytes = int(settings.get("serve_max_bytes") if max_bytes is None else max_bytes)
        self.max_chars = int(settings.get("serve_max_chars") if max_chars is None else max_chars)
        self.api_token = api_token
        self.base_url = base_url.rstrip("/")
        self.max_pending = max_pending
        self.fetcher_factory = fetcher_factory  # () -> Fetcher; default: public addresses only
        self.nlp_in_process = nlp_in_process
        self._local = threading.local()
        self._nlp: Executor | None = None
        self._write: ThreadPoolExecutor | None = None
        self._writer: Store | None = None
        self._pending = 0
        self._slots: asyncio.Semaphore | None = None
        self._slots_loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()
        self._claims: OrderedDict[tuple, list[Claim]] = OrderedDict()

    # -- reading ------------------------------------------------------------------------------
    def store(self) -> Store:
        """This thread's read-only connection to the store."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.store_path, create=False)
            store.set_query_only()
            self._local.store = store
        return store

    def claims(self, flt: QuoteFilter, **options: Any) -> list[Claim]:
        """:func:`sayso.claims.find_claims` over the store, kept for the same filters and options
        until the quotes change (a page of ``GET /claims`` does not recompute the claims)."""
        store = self.store()
        version = quotes_version(store)
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
                                                    initializer=load_nlp, initargs=(self.model,))
                else:
                    self._nlp = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sayso-nlp")
            return self._nlp

    def _worker_slots(self) -> asyncio.Semaphore:
        """One slot per NLP worker, on this event loop: a request takes one before it hands its
        work to the worker, so nothing queues where it could not be dropped."""
        loop = asyncio.get_running_loop()
        if self._slots is None or self._slots_loop is not loop:
            self._slots, self._slots_loop = asyncio.Semaphore(NLP_WORKERS), loop
        return self._slots

    async def run_nlp(self, func: Callable[..., T], *args: Any,
                      gone: Callable[[], Awaitable[bool]] | None = None) -> T:
        """Run ``func(*args)`` in the NLP worker (a module-level function: it may be pickled),
        refusing new work when too much is queued. ``gone()`` tells whether the client has
        disconnected: then the request leaves the line at once (:class:`ClientGone`); a run
        already started finishes in the worker and its result is dropped."""
        with self._lock:
            if self._pending >= self.max_pending:
                raise Busy(f"{self._pending} extraction requests are waiting; retry in a moment")
            self._pending += 1
        try:
            slots = self._worker_slots()
            acquiring = asyncio.ensure_future(slots.acquire())
            waited = False
            try:
                waited = await _finished(acquiring, gone)
            finally:
                if not waited:
                    acquiring.cancel()  # a slot acquired all the same is given back
                    acquiring.add_done_callback(lambda f: None if f.cancelled() else slots.release())
            if not waited:
                raise ClientGone("the client disconnected while its extraction was waiting")
            try:
                executor = self._executor()
                running = asyncio.get_running_loop().run_in_executor(executor, func, *args)
            except BaseException:
                slots.release()
                raise
            running.add_done_callback(lambda _: slots.release())  # the worker is free only when done
            if not await _finished(running, gone):
                running.add_done_callback(_drop_result)
                raise ClientGone("the client disconnected; its extraction finishes and is dropped")
            try:
                return running.result()
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
        self._executor().submit(load_nlp, self.model)

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


async def _finished(future: asyncio.Future, gone: Callable[[], Awaitable[bool]] | None) -> bool:
    """Wait for ``future``; False as soon as ``gone()`` says the client has left first."""
    while True:
        done, _ = await asyncio.wait({future}, timeout=None if gone is None else POLL_SECONDS)
        if done:
            return True
        if gone is not None and await gone():
            return False


def _drop_result(future: asyncio.Future) -> None:
    """Consume an abandoned run's outcome (an error included) so that nothing logs it as lost."""
    if not future.cancelled():
        future.exception()
