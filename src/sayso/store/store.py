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

import hashlib
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import StoreError, StoreWriteError
from ..records import Record, canonical_url, web_url
from ..types import Analysis
from .schema import APPLICATION_ID, LATEST, MIGRATIONS, _statements, sync_vocabularies

_QUOTE_COLUMNS = {"id", "kind", "start", "end", "text", "speaker", "speaker_mention", "cue",
                  "cue_span", "medium", "medium_mention", "inherited", "certainty", "polarity", "stance",
                  "type", "parts"}
_ACTOR_COLUMNS = {"id", "name", "type", "aliases", "roles", "mentions", "named"}
_ANALYSIS_COLUMNS = {"text", "actors", "quotes", "warnings", "relations"}
_WORDS = re.compile(r"[^\w]+")


def normalize_name(name: str) -> str:
    """The key actors are merged on (with their type): accents, case, punctuation and a
    leading "the" folded, so "The Jerusalem Post" and "Jerusalem Post" are one outlet."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = _WORDS.sub(" ", plain).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def content_hash(text: str) -> str:
    """sha256 of the normalised article text: the identity of an article without a URL."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


def _json(value: Any) -> str | None:
    return None if value in (None, {}, []) else json.dumps(value, ensure_ascii=False)


def _span(value: Any) -> tuple[int | None, int | None]:
    return (None, None) if value is None else (int(value[0]), int(value[1]))


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
                    for statement in _statements(migration.apply):
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
        return int(cursor.lastrowid)

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
            extra = {k: v for k, v in data.items() if k not in _ANALYSIS_COLUMNS and k != "meta"}
            if data.get("meta"):
                extra["meta"] = data["meta"]
            article_id = conn.execute(
                """INSERT INTO articles(url, content_hash, title, published, outlet, author, source,
                       source_key, fetched_at, ingested_at, run_id, text, warnings, meta, extra)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (url, digest, record.title, record.published, record.outlet, record.author,
                 record.source, record.key, record.fetched, _now(), run_id, analysis.text,
                 json.dumps(list(analysis.warnings), ensure_ascii=False),
                 json.dumps(record.meta, ensure_ascii=False, default=str), _json(extra)),
            ).lastrowid
            self._add_analysis_rows(article_id, data, analysis.text)
        return int(article_id)

    def _add_analysis_rows(self, article_id: int, data: dict[str, Any], text: str,
                           quote_ids: dict[tuple[int, int] | None, int] | None = None) -> dict[str, int]:
        """An article's actors, mentions, quotes and relations from ``Analysis.to_dict()``;
        returns the per-article actor id -> global actor id map. ``quote_ids``: the ids to keep
        (see :meth:`_quote_ids`)."""
        actors = self._add_actors(article_id, data["actors"], text)
        self._add_quotes(article_id, data["quotes"], actors, text, quote_ids)
        self._add_relations(article_id, data.get("relations") or [], actors)
        return actors

    def _actor_id(self, name: str, type_: str, named: bool, article_id: int) -> int:
        norm = normalize_name(name) or name.casefold()
        scope = None if named else article_id
        row = self.conn.execute(
            "SELECT id FROM actors WHERE norm_name = ? AND type = ? AND article_id IS ?",
            (norm, type_, scope)).fetchone()
        if row is not None:
            return int(row[0])
        return int(self.conn.execute(
            "INSERT INTO actors(name, type, norm_name, named, article_id) VALUES (?, ?, ?, ?, ?)",
            (name, type_, norm, int(named), scope)).lastrowid)

    def _add_actors(self, article_id: int, actors: list[dict[str, Any]], text: str) -> dict[str, int]:
        """Map each per-article actor to its global row; returns local id -> global actor id."""
        conn = self.conn
        mapping: dict[str, int] = {}
        counted: set[int] = set()
        for actor in actors:
            named = bool(actor.get("named", True))
            global_id = self._actor_id(actor["name"], actor["type"], named, article_id)
            mapping[actor["id"]] = global_id
            extra = {k: v for k, v in actor.items() if k not in _ACTOR_COLUMNS}
            local_row = conn.execute(
                """INSERT INTO article_actors(article_id, local_id, actor_id, name, type, named,
                       aliases, roles, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (article_id, actor["id"], global_id, actor["name"], actor["type"], int(named),
                 json.dumps(actor.get("aliases", []), ensure_ascii=False),
                 json.dumps(actor.get("roles", []), ensure_ascii=False), _json(extra)),
            ).lastrowid
            mentions = actor.get("mentions", [])
            conn.executemany(
                """INSERT INTO mentions(article_id, actor_id, article_actor_id, start_char, end_char, text)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                [(article_id, global_id, local_row, s, e, text[s:e]) for s, e in mentions])
            conn.execute(
                "UPDATE actors SET article_count = article_count + ?, mention_count = mention_count + ? "
                "WHERE id = ?", (0 if global_id in counted else 1, len(mentions), global_id))
            counted.add(global_id)
            for alias in {actor["name"], *actor.get("aliases", [])}:
                conn.execute(
                    """INSERT INTO actor_aliases(actor_id, alias, norm_alias) VALUES (?, ?, ?)
                       ON CONFLICT(actor_id, alias) DO UPDATE SET count = count + 1""",
                    (global_id, alias, normalize_name(alias)))
            for role in dict.fromkeys(actor.get("roles", [])):
                conn.execute(
                    """INSERT INTO actor_roles(actor_id, role) VALUES (?, ?)
                       ON CONFLICT(actor_id, role) DO UPDATE SET count = count + 1""",
                    (global_id, role))
        return mapping

    def _add_quotes(self, article_id: int, quotes: list[dict[str, Any]], actors: dict[str, int],
                    text: str, quote_ids: dict[tuple[int, int] | None, int] | None = None) -> None:
        rows = []
        keep = dict(quote_ids or {})
        fresh = keep.pop(None, None)
        for quote in quotes:
            quote_id = keep.pop((quote["start"], quote["end"]), None)
            if quote_id is None and fresh is not None:
                quote_id, fresh = fresh, fresh + 1
            speaker = actors.get(quote.get("speaker")) if quote.get("speaker") else None
            medium = actors.get(quote.get("medium")) if quote.get("medium") else None
            speaker_span = _span(quote.get("speaker_mention"))
            cue_span = _span(quote.get("cue_span"))
            medium_span = _span(quote.get("medium_mention"))
            extra = {k: v for k, v in quote.items() if k not in _QUOTE_COLUMNS}
            rows.append((
                quote_id, article_id, quote["id"], quote["kind"], quote["start"], quote["end"], quote["text"],
                speaker, quote.get("speaker"), *speaker_span,
                None if speaker_span[0] is None else text[speaker_span[0]:speaker_span[1]],
                quote.get("cue"), *cue_span,
                medium, quote.get("medium"), *medium_span, int(bool(quote.get("inherited"))),
                quote.get("certainty"), quote.get("polarity"), quote.get("stance"), quote.get("type"),
                _json(extra),
            ))
        self.conn.executemany(
            """INSERT INTO quotes(id, article_id, local_id, kind, start_char, end_char, text, speaker_id,
                   speaker_local_id, speaker_start, speaker_end, speaker_text, cue, cue_start, cue_end,
                   medium_id, medium_local_id, medium_start, medium_end, inherited, certainty,
                   polarity, stance, type, extra)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
        ids = {row[0]: row[1] for row in self.conn.execute(
            "SELECT local_id, id FROM quotes WHERE article_id = ?", (article_id,))}
        self.conn.executemany(
            "INSERT INTO quote_parts(quote_id, article_id, start_char, end_char) VALUES (?, ?, ?, ?)",
            [(ids[quote["id"]], article_id, int(part[0]), int(part[1]))
             for quote in quotes for part in (quote.get("parts") or [(quote["start"], quote["end"])])])
        for speaker in (row[7] for row in rows if row[7] is not None):
            self.conn.execute("UPDATE actors SET quote_count = quote_count + 1 WHERE id = ?", (speaker,))

    def _add_relations(self, article_id: int, relations: list[Any], actors: dict[str, int]) -> None:
        """Who does what to whom, by whose account; local actor and quote ids are resolved."""
        quote_ids = {row[0]: row[1] for row in self.conn.execute(
            "SELECT local_id, id FROM quotes WHERE article_id = ?", (article_id,))}
        for relation in relations:
            if not isinstance(relation, dict):
                continue
            subject = relation.get("subject", relation.get("source"))
            obj = relation.get("object", relation.get("target"))
            predicate = relation.get("predicate") or relation.get("type") or relation.get("kind")
            self.conn.execute(
                """INSERT INTO relations(article_id, local_id, type, source_id, target_id, claimant_id,
                       quote_id, start_char, end_char, text, certainty, polarity, data)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (article_id, relation.get("id"), None if predicate is None else str(predicate),
                 actors.get(subject) if isinstance(subject, str) else None,
                 actors.get(obj) if isinstance(obj, str) else None,
                 actors.get(relation.get("claimant")) if isinstance(relation.get("claimant"), str) else None,
                 quote_ids.get(relation.get("quote")) if isinstance(relation.get("quote"), str) else None,
                 relation.get("start"), relation.get("end"), relation.get("text"),
                 relation.get("certainty"), relation.get("polarity"),
                 json.dumps(relation, ensure_ascii=False)))

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
            quote_ids = self._quote_ids(article_id)
            touched = self._remove_analysis(article_id)
            self.conn.execute("UPDATE articles SET warnings = ?, extra = ? WHERE id = ?",
                              (json.dumps(list(analysis.warnings), ensure_ascii=False),
                               _json(_analysis_extra(data)), article_id))
            actors = self._add_analysis_rows(article_id, data, analysis.text, quote_ids)
            self._settle_actors(article_id, touched | set(actors.values()))
        return True

    def _quote_ids(self, article_id: int) -> dict[tuple[int, int] | None, int]:
        """An article's stored quote ids by span, so a re-analysis keeps the id of every quote
        it finds again (users cite them); ``None`` maps to the first id a new quote may take,
        above every id in use now, so a removed quote's id is not given to another one."""
        ids: dict[tuple[int, int] | None, int] = {
            (int(s), int(e)): int(i) for i, s, e in self.conn.execute(
                "SELECT id, start_char, end_char FROM quotes WHERE article_id = ? ORDER BY id DESC", (article_id,))}
        ids[None] = int(self.conn.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0]) + 1
        return ids

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

    def _remove_analysis(self, article_id: int) -> set[int]:
        """Delete an article's derived rows and take back what they added to its actors' counts,
        aliases and roles (the mirror of ``_add_actors``/``_add_quotes``); returns those actors."""
        conn = self.conn
        old = conn.execute("SELECT actor_id, name, aliases, roles FROM article_actors WHERE article_id = ?",
                           (article_id,)).fetchall()
        mentions = dict(conn.execute("SELECT actor_id, count(*) FROM mentions WHERE article_id = ? "
                                     "GROUP BY actor_id", (article_id,)).fetchall())
        quoted = dict(conn.execute("SELECT speaker_id, count(*) FROM quotes WHERE article_id = ? "
                                   "AND speaker_id IS NOT NULL GROUP BY speaker_id", (article_id,)).fetchall())
        for table in ("relations", "quote_parts", "quotes", "mentions", "article_actors"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        actor_ids = {int(r[0]) for r in old}
        conn.executemany(
            "UPDATE actors SET article_count = article_count - 1, mention_count = mention_count - ?, "
            "quote_count = quote_count - ? WHERE id = ?",
            [(mentions.get(a, 0), quoted.get(a, 0), a) for a in actor_ids])
        for actor_id, name, aliases, roles in old:
            conn.executemany("UPDATE actor_aliases SET count = count - 1 WHERE actor_id = ? AND alias = ?",
                             [(actor_id, alias) for alias in {name, *json.loads(aliases)}])
            conn.executemany("UPDATE actor_roles SET count = count - 1 WHERE actor_id = ? AND role = ?",
                             [(actor_id, role) for role in dict.fromkeys(json.loads(roles))])
        return actor_ids

    def _settle_actors(self, article_id: int, actor_ids: set[int]) -> None:
        """Drop actors no article refers to any more, and aliases and roles no longer seen; an
        actor keeps the name of its first mention in article order, as ingest names it."""
        conn = self.conn
        for actor_id in sorted(actor_ids):
            conn.execute("DELETE FROM actor_aliases WHERE actor_id = ? AND count <= 0", (actor_id,))
            conn.execute("DELETE FROM actor_roles WHERE actor_id = ? AND count <= 0", (actor_id,))
            if conn.execute("SELECT 1 FROM article_actors WHERE actor_id = ? AND article_id < ? LIMIT 1",
                            (actor_id, article_id)).fetchone() is not None:
                continue  # named first in an earlier article, whose rows are untouched
            first = conn.execute("SELECT name FROM article_actors WHERE actor_id = ? "
                                 "ORDER BY article_id, id LIMIT 1", (actor_id,)).fetchone()
            if first is None:
                conn.execute("DELETE FROM actor_aliases WHERE actor_id = ?", (actor_id,))
                conn.execute("DELETE FROM actor_roles WHERE actor_id = ?", (actor_id,))
                conn.execute("DELETE FROM actors WHERE id = ?", (actor_id,))
            else:
                conn.execute("UPDATE actors SET name = ? WHERE id = ?", (first[0], actor_id))

    # -- reading back --------------------------------------------------------------------
    def analysis(self, article_id: int) -> Analysis:
        """The stored analysis of one article, exactly as the engine returned it."""
        return Analysis.from_dict(self.analysis_dict(article_id))

    def analysis_dict(self, article_id: int) -> dict[str, Any]:
        """The stored analysis as the JSON contract (``Analysis.to_dict()``), extras included."""
        conn = self.conn
        article = conn.execute("SELECT text, warnings, extra FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
        if article is None:
            raise StoreError(f"no article with id {article_id}")
        actors = []
        for row in conn.execute("SELECT * FROM article_actors WHERE article_id = ? ORDER BY id",
                                (article_id,)):
            mentions = [[m[0], m[1]] for m in conn.execute(
                "SELECT start_char, end_char FROM mentions WHERE article_actor_id = ? ORDER BY id",
                (row["id"],))]
            actors.append({"id": row["local_id"], "name": row["name"], "type": row["type"],
                           "aliases": json.loads(row["aliases"]), "roles": json.loads(row["roles"]),
                           "mentions": mentions, "named": bool(row["named"]),
                           **json.loads(row["extra"] or "{}")})
        parts: dict[int, list[list[int]]] = {}
        for part in conn.execute("SELECT quote_id, start_char, end_char FROM quote_parts "
                                 "WHERE article_id = ? ORDER BY id", (article_id,)):
            parts.setdefault(part[0], []).append([part[1], part[2]])
        quotes = []
        # in the engine's order (q1, q2 … q10): a re-analysed article's quotes keep older row ids
        for row in conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY length(local_id), "
                                "local_id, id", (article_id,)):
            def pair(a: str, b: str) -> list[int] | None:
                return None if row[a] is None else [row[a], row[b]]

            quotes.append({
                "id": row["local_id"], "kind": row["kind"], "start": row["start_char"],
                "end": row["end_char"], "text": row["text"], "speaker": row["speaker_local_id"],
                "speaker_mention": pair("speaker_start", "speaker_end"), "cue": row["cue"],
                "cue_span": pair("cue_start", "cue_end"), "medium": row["medium_local_id"],
                "medium_mention": pair("medium_start", "medium_end"),
                "inherited": bool(row["inherited"]),
                "parts": parts.get(row["id"], [[row["start_char"], row["end_char"]]]),
                **{k: row[k] for k in ("certainty", "polarity", "stance", "type") if row[k] is not None},
                **json.loads(row["extra"] or "{}"),
            })
        data: dict[str, Any] = {"text": article["text"], "actors": actors, "quotes": quotes,
                                "warnings": json.loads(article["warnings"])}
        data["relations"] = [json.loads(r[0]) for r in conn.execute(
            "SELECT data FROM relations WHERE article_id = ? ORDER BY id", (article_id,))]
        data.update(json.loads(article["extra"] or "{}"))
        return data

    def counts(self) -> dict[str, int]:
        """Rows per main table, for summaries and tests."""
        return {table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "actors", "mentions", "quotes", "relations", "runs")}


def _analysis_extra(data: dict[str, Any]) -> dict[str, Any]:
    """The analysis fields without a column of their own, kept in ``articles.extra``."""
    extra = {k: v for k, v in data.items() if k not in _ANALYSIS_COLUMNS and k != "meta"}
    if data.get("meta"):
        extra["meta"] = data["meta"]
    return extra
