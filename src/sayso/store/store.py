"""The SQLite store: one file (or ``":memory:"``), migrated on open, written in transactions.

``add(record, analysis)`` is idempotent: an article whose canonical URL or content hash is
already stored adds nothing; ``replace_analysis(article_id, analysis)`` swaps a stored article's
analysis for a new one (``sayso reanalyse``), actor counts kept exact. Writes go through
``with store.transaction():`` so a batch is committed whole or not at all; WAL journaling
keeps readers working while ingest runs and keeps every committed batch when the process is
killed.

``Store(path, readonly=True)`` (the query commands) opens the file with SQLite's ``mode=ro``,
so a database in a folder or file we may not write is read as it is; ``create=False`` falls
back to that when the file cannot be written. A write the disk or the file refuses (full,
failing, read-only) raises :class:`~sayso.errors.StoreWriteError` with what to do about it.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import StoreError, StoreWriteError
from ..records import Record, canonical_url, web_url
from ..types import Analysis
from . import writing
from .analyses import analysis_dict
from .keys import content_hash, normalize_name
from .schema import APPLICATION_ID, LATEST, MIGRATIONS, sync_vocabularies
from .statements import statements
from .writing import analysis_extra, as_json

__all__ = ["Store", "content_hash", "normalize_name", "write_error"]


# SQLite's primary result codes for a write the file or the disk refuses.
_READONLY, _IOERR, _FULL, _CANTOPEN = 8, 10, 13, 14
_READ_ONLY_COMMANDS = "quotes, actors, show, claims, export and serve without --allow-ingest"


def write_error(path: str, exc: sqlite3.Error) -> StoreWriteError | None:
    """The clear error for a write the disk or the file refused, or None for any other error."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code == _FULL:
        return StoreWriteError(f"{path}: the disk is full ({exc}); free some space and run again "
                               f"(what was committed is kept)")
    if code == _IOERR:
        return StoreWriteError(f"{path}: cannot write to the disk ({exc}): it may be full or failing; "
                               f"free some space or check the disk, and run again (what was committed is kept)")
    if code in (_READONLY, _CANTOPEN):
        return StoreWriteError(f"{path}: cannot write to the database ({exc}): the file or its folder "
                               f"is read-only; get write access or copy it where you can write "
                               f"({_READ_ONLY_COMMANDS} read it as it is)")
    return None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


class Store:
    """An article database. ``Store(path)`` creates and migrates the file unless
    ``create=False`` (which requires it to exist); ``readonly=True`` opens an existing file
    without ever writing to it, and every write raises :class:`StoreWriteError`."""

    def __init__(self, path: str | Path = ":memory:", *, create: bool = True, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = False
        if self.path != ":memory:":
            file = Path(self.path)
            if (readonly or not create) and not file.exists():
                raise StoreError(f"{file}: no such database; create it with sayso ingest SOURCE --db {file}")
            if create and not readonly and not file.parent.exists():
                raise StoreError(f"{file}: folder {file.parent} does not exist")
        elif readonly:
            raise StoreError(":memory: cannot be opened read-only")
        try:
            if readonly:
                self._open_readonly()
            else:
                try:
                    self._open_writable()
                except StoreWriteError:
                    if create:
                        raise
                    if hasattr(self, "conn"):
                        self.conn.close()  # as SQLite does for a write-protected file: read it
                    self._open_readonly()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a sayso database ({exc})") from None

    def _open_writable(self) -> None:
        self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise (write_error(self.path, exc) or exc) from None
        self._migrate()

    def _open_readonly(self) -> None:
        """``mode=ro``; ``immutable=1`` when even that cannot read a WAL database (no -shm file
        and a folder we may not create one in, SQLITE_READONLY_DIRECTORY: then no writer is at
        work on it either)."""
        uri = Path(self.path).absolute().as_uri()
        try:
            self.conn = self._connect_readonly(f"{uri}?mode=ro")
        except sqlite3.OperationalError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF not in (_READONLY, _CANTOPEN):
                raise
            self.conn = self._connect_readonly(f"{uri}?immutable=1")
        self.readonly = True
        version = self.version
        if version < LATEST:
            self.conn.close()
            try:
                Store(self.path).close()  # migrates, when the file can be written
            except StoreWriteError:
                raise StoreError(f"{self.path}: written by an older sayso (schema {version}, now {LATEST}) "
                                 f"and read-only, so it cannot be upgraded; open it once with a writing "
                                 f"command (sayso ingest) where it can be written") from None
            self._open_readonly()
            return
        self._migrate()  # checks only: nothing to do at the latest version

    def _connect_readonly(self, uri: str) -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the file now
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    # -- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.version
        if version > LATEST:
            raise StoreError(f"{self.path}: schema version {version} is newer than this sayso knows "
                             f"({LATEST}); upgrade sayso")
        if version == 0:
            app = self.conn.execute("PRAGMA application_id").fetchone()[0]
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables and app != APPLICATION_ID:
                raise StoreError(f"{self.path}: is an SQLite database but not sayso's; "
                                 f"give another --db path")
        for migration in MIGRATIONS:
            if migration.version <= version:
                continue
            with self.transaction():
                if callable(migration.apply):
                    migration.apply(self.conn)
                else:
                    for statement in statements(migration.apply):
                        self.conn.execute(statement)
                self.conn.execute("INSERT INTO migrations(version, name) VALUES (?, ?)",
                                  (migration.version, migration.name))
                self.conn.execute(f"PRAGMA user_version = {int(migration.version)}")
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        sync_vocabularies(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything inside commits together, or not at all; a write the disk or the file
        refuses raises :class:`StoreWriteError`, with nothing of the transaction kept."""
        if self.conn.in_transaction:  # nested: the outer transaction decides
            yield self.conn
            return
        self.check_writable()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self._rollback()
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            error = write_error(self.path, exc)
            if error is None:
                raise
            self._rollback()  # a failed COMMIT leaves the transaction open
            raise error from None

    def check_writable(self) -> None:
        """Raise :class:`StoreWriteError` when the database was opened read-only."""
        if self.readonly:
            raise StoreWriteError(f"{self.path}: opened read-only, cannot write; get write access to "
                                  f"the file and its folder, or copy it where you can write")

    def set_query_only(self) -> None:
        """Refuse every write on this connection from now on (``PRAGMA query_only``), so that a
        reader cannot change the database even by mistake."""
        self.conn.execute("PRAGMA query_only = ON")

    def _rollback(self) -> None:
        """Roll back what is left of the transaction (a full disk may have ended it already)."""
        if self.conn.in_transaction:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    # -- runs ----------------------------------------------------------------------------
    def start_run(self, sources: list[str], *, model: str | None = None) -> int:
        from .. import __version__

        with self.transaction():
            cursor = self.conn.execute(
                "INSERT INTO runs(started_at, sources, model, sayso_version) VALUES (?, ?, ?, ?)",
                (_now(), json.dumps(sources, ensure_ascii=False), model, __version__))
        return writing.row_id(cursor)

    def count_run(self, run_id: int, counts: dict[str, int]) -> None:
        """Record a run's counts so far; called in the transaction that stores a batch, so that
        the row always tells what is committed, even of a run that was killed (no finished_at)."""
        names = ("read", "stored", "duplicates", "skipped", "failed")
        with self.transaction():
            self.conn.execute(f"UPDATE runs SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
                              (*(int(counts.get(n, 0)) for n in names), run_id))

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        """Record a run's final counts and mark it finished."""
        with self.transaction():
            self.count_run(run_id, counts)
            self.conn.execute("UPDATE runs SET finished_at = ? WHERE id = ?", (_now(), run_id))

    # -- identity ------------------------------------------------------------------------
    def has_url(self, url: str | None) -> bool:
        url = canonical_url(url)
        return url is not None and self.conn.execute(
            "SELECT 1 FROM articles WHERE url = ?", (url,)).fetchone() is not None

    def has_hash(self, digest: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ?",
                                 (digest,)).fetchone() is not None

    # -- writing -------------------------------------------------------------------------
    def add(self, record: Record, analysis: Analysis, *, run_id: int | None = None) -> int | None:
        """Store one analysed article; returns its id, or None when it is already stored."""
        url = web_url(record.url)  # only an http(s) address is an article's link
        digest = content_hash(analysis.text)
        if self.has_hash(digest) or (url is not None and self.has_url(url)):
            return None
        data = analysis.to_dict()
        with self.transaction() as conn:
            article_id = conn.execute(
                """INSERT INTO articles(url, content_hash, title, published, outlet, author, source,
                       source_key, fetched_at, ingested_at, run_id, text, warnings, meta, extra, lang)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (url, digest, record.title, record.published, record.outlet, record.author,
                 record.source, record.key, record.fetched, _now(), run_id, analysis.text,
                 json.dumps(list(analysis.warnings), ensure_ascii=False),
                 json.dumps(record.meta, ensure_ascii=False, default=str), as_json(analysis_extra(data)),
                 analysis.lang),
            ).lastrowid
            assert article_id is not None  # an INSERT's row id
            writing.add_rows(conn, article_id, data, analysis.text)
        return int(article_id)

    # -- re-analysis ---------------------------------------------------------------------
    def replace_analysis(self, article_id: int, analysis: Analysis) -> bool:
        """Replace a stored article's analysis with ``analysis`` (of its stored text), keeping
        the article's id, URL, metadata and hash; False, and nothing written, when unchanged.

        Actor counts, aliases and roles lose what the old analysis gave them and gain the new
        one's; actors no article refers to any more are removed. All or nothing."""
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StoreError(f"no article with id {article_id}")
        if analysis.text != row[0]:
            raise StoreError(f"article {article_id}: the analysis is of another text; "
                             f"analyse the stored text (normalized=True)")
        data = analysis.to_dict()
        if json.loads(json.dumps(data, ensure_ascii=False)) == self.analysis_dict(article_id):
            return False
        with self.transaction(), self._savepoint("replace_analysis"):
            quote_ids = writing.quote_ids(self.conn, article_id)
            touched = writing.remove_rows(self.conn, article_id)
            self.conn.execute("UPDATE articles SET warnings = ?, extra = ?, lang = ? WHERE id = ?",
                              (json.dumps(list(analysis.warnings), ensure_ascii=False),
                               as_json(analysis_extra(data)), analysis.lang, article_id))
            actors = writing.add_rows(self.conn, article_id, data, analysis.text, quote_ids)
            writing.settle_actors(self.conn, article_id, touched | set(actors.values()))
        return True

    @contextmanager
    def _savepoint(self, name: str) -> Iterator[None]:
        """A nested all-or-nothing step inside the current transaction (a batch keeps going)."""
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:  # a full disk may have rolled it all back already
                with suppress(sqlite3.Error):
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
            raise
        self.conn.execute(f"RELEASE {name}")

    # -- reading back --------------------------------------------------------------------
    def analysis(self, article_id: int) -> Analysis:
        """The stored analysis of one article, exactly as the engine returned it."""
        return Analysis.from_dict(self.analysis_dict(article_id))

    def analysis_dict(self, article_id: int) -> dict[str, Any]:
        """The stored analysis as the JSON contract (``Analysis.to_dict()``), extras included."""
        return analysis_dict(self.conn, article_id)

    def counts(self) -> dict[str, int]:
        """Rows per main table, for summaries and tests."""
        return {table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "actors", "mentions", "quotes", "relations", "runs")}
