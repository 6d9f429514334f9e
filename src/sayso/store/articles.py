"""Stored articles: the listing (in stored order or newest first, one page or all), its count and
languages, one article by id, URL or path, and the ids a re-analysis selects."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import StoreError
from ..records import canonical_url
from .filters import ArticleFilter, paging, search_terms
from .rows import ArticleRow, article_row
from .store import Store

_ARTICLE_SELECT = """
SELECT a.id, a.url, a.title, a.published, a.outlet, a.author, a.lang, a.source, a.source_key, a.fetched_at,
       a.ingested_at, a.content_hash, a.meta,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
       (SELECT count(*) FROM article_actors x WHERE x.article_id = a.id) AS actors
FROM articles a
"""
# Chunks of ids asked at once: SQLite's default limit on variables in one statement is higher,
# but old builds stop at 999.
_ID_CHUNK = 500


def _article_where(store: Store, flt: ArticleFilter, search: str | None) -> tuple[str, list[Any]]:
    clauses, params = flt.sql("a")
    if search:
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(search_terms(store, "articles_fts", search))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def articles(store: Store, flt: ArticleFilter = ArticleFilter(), *, search: str | None = None,
             newest_first: bool = False, offset: int = 0, limit: int | None = None) -> Iterator[ArticleRow]:
    """Articles matching the filter (and full-text ``search`` over title and text), in the order
    they were stored or ``newest_first``; ``offset``/``limit`` give one page."""
    where, params = _article_where(store, flt, search)
    order = " ORDER BY a.published IS NULL, a.published DESC, a.id DESC" if newest_first else " ORDER BY a.id"
    for row in store.conn.execute(_ARTICLE_SELECT + where + order + paging(offset, limit), params):
        yield article_row(row)


def count_articles(store: Store, flt: ArticleFilter = ArticleFilter(), *, search: str | None = None) -> int:
    """How many articles :func:`articles` lists with this filter and search."""
    where, params = _article_where(store, flt, search)
    return int(store.conn.execute("SELECT count(*) FROM articles a" + where, params).fetchone()[0])


def article_languages(store: Store, flt: ArticleFilter = ArticleFilter(), *, search: str | None = None
                      ) -> list[dict[str, Any]]:
    """How the articles :func:`articles` lists split by language, most first:
    ``[{"value": "en", "count": 12}, {"value": None, "count": 1}]`` (None: not told)."""
    where, params = _article_where(store, flt, search)
    return [{"value": row[0], "count": row[1]} for row in store.conn.execute(
        "SELECT a.lang AS value, count(*) AS n FROM articles a" + where + " GROUP BY value ORDER BY n DESC, value",
        params)]


def get_article(store: Store, article_id: int) -> ArticleRow | None:
    """The article with this id, or None."""
    row = store.conn.execute(_ARTICLE_SELECT + " WHERE a.id = ?", (int(article_id),)).fetchone()
    return None if row is None else article_row(row)


def find_article(store: Store, ref: str) -> ArticleRow:
    """An article by id, URL (any form that canonicalises the same) or source key (path)."""
    ref = ref.strip()
    candidates: list[tuple[str, int | str | None]] = []
    if ref.lstrip("#").isdigit():
        candidates.append(("a.id = ?", int(ref.lstrip("#"))))
    candidates += [("a.url = ?", canonical_url(ref)), ("a.source_key = ?", ref),
                   ("a.content_hash = ?", ref)]
    for clause, value in candidates:
        row = store.conn.execute(_ARTICLE_SELECT + f" WHERE {clause} ORDER BY a.id LIMIT 1",
                                 (value,)).fetchone()
        if row is not None:
            return article_row(row)
    raise StoreError(f"no article {ref!r}: give an id, a URL or the path it was ingested from "
                     f"(see sayso quotes or the articles table)")


def article_actor_ids(store: Store, article_id: int) -> dict[str, int]:
    """An article's own actor ids (``a1``…) mapped to the merged ``actors`` ids."""
    return {row[0]: int(row[1]) for row in store.conn.execute(
        "SELECT local_id, actor_id FROM article_actors WHERE article_id = ?", (int(article_id),))}


def article_ids(store: Store, flt: ArticleFilter = ArticleFilter(), *, ids: Iterable[int] = (),
                limit: int | None = None) -> list[int]:
    """The ids of the articles matching ``flt`` (and among ``ids`` when given), lowest first."""
    clauses, params = flt.sql("a")
    wanted = sorted(set(ids))
    if wanted:
        clauses.append(f"a.id IN ({', '.join('?' * len(wanted))})")
        params.extend(wanted)
    sql = "SELECT a.id FROM articles a" + (" WHERE " + " AND ".join(clauses) if clauses else "")
    sql += " ORDER BY a.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [int(row[0]) for row in store.conn.execute(sql, params)]


def missing_articles(store: Store, ids: Iterable[int]) -> list[int]:
    """Those of ``ids`` that name no stored article, in order."""
    wanted = sorted(set(ids))
    stored: set[int] = set()
    for first in range(0, len(wanted), _ID_CHUNK):
        chunk = wanted[first:first + _ID_CHUNK]
        stored.update(row[0] for row in store.conn.execute(
            f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
    return [i for i in wanted if i not in stored]


def article_text(store: Store, article_id: int) -> str | None:
    """The stored (normalised) text of one article, or None when there is no such article."""
    row = store.conn.execute("SELECT text FROM articles WHERE id = ?", (int(article_id),)).fetchone()
    return None if row is None else str(row[0])


def article_texts(store: Store, ids: Iterable[int]) -> dict[int, str]:
    """The stored texts of the given articles (offsets index into them), by id."""
    return _column_by_id(store, "articles", "text", ids)


def actor_names(store: Store, ids: Iterable[int]) -> dict[int, str]:
    """The names of the given actors, by id."""
    return _column_by_id(store, "actors", "name", ids)


def _column_by_id(store: Store, table: str, column: str, ids: Iterable[int]) -> dict[int, str]:
    """``id → column`` of ``table`` for ``ids``, asked in chunks (SQLite's variable limit)."""
    wanted = sorted(i for i in ids if i is not None)
    found: dict[int, str] = {}
    for first in range(0, len(wanted), _ID_CHUNK):
        chunk = wanted[first:first + _ID_CHUNK]
        found.update(store.conn.execute(
            f"SELECT id, {column} FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", chunk).fetchall())
    return found


def mentions_by_article(store: Store, ids: Iterable[int]) -> dict[int, list[tuple[int, int, int]]]:
    """Each given article's actor mentions as ``(start, end, actor id)``, in text order."""
    found: dict[int, list[tuple[int, int, int]]] = {}
    wanted = sorted(set(ids))
    for first in range(0, len(wanted), _ID_CHUNK):
        chunk = wanted[first:first + _ID_CHUNK]
        for article, start, end, actor in store.conn.execute(
                f"SELECT article_id, start_char, end_char, actor_id FROM mentions WHERE article_id IN "
                f"({', '.join('?' * len(chunk))}) ORDER BY article_id, start_char", chunk):
            found.setdefault(article, []).append((start, end, actor))
    return found


def quote_spans_by_url(store: Store) -> Iterator[tuple[str, int, int]]:
    """Every stored quote as ``(article URL, start, end)``."""
    for url, start, end in store.conn.execute(
            "SELECT a.url, q.start_char, q.end_char FROM quotes q JOIN articles a ON a.id = q.article_id"):
        yield url, start, end
