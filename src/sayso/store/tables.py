"""The store's tables as plain rows, for copying them elsewhere (the Spark job's Parquet):
their columns and foreign keys from the live schema, and their rows in insertion order."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .store import Store


def table_columns(store: Store, table: str) -> tuple[tuple[str, str], ...]:
    """``(column, declared SQLite type)`` of ``table`` in schema order (TEXT when undeclared)."""
    return tuple((row[1], (row[2] or "TEXT").upper()) for row in store.conn.execute(f"PRAGMA table_info({table})"))


def foreign_keys(store: Store, table: str) -> tuple[tuple[str, str], ...]:
    """``(column, table it refers to)`` for every foreign key of ``table``."""
    return tuple((row[3], row[2]) for row in store.conn.execute(f"PRAGMA foreign_key_list({table})"))


def actor_scopes(store: Store) -> Iterator[tuple[int, str, str, int | None, int | None]]:
    """Every actor as ``(id, normalised name, type, article it is unnamed in or None, first
    article that refers to it or None)``: what identifies it across stores."""
    for actor, norm, type_, scope, article in store.conn.execute(
            """SELECT a.id, a.norm_name, a.type, a.article_id, min(x.article_id)
               FROM actors a LEFT JOIN article_actors x ON x.actor_id = a.id GROUP BY a.id"""):
        yield actor, norm, type_, scope, article


def table_rows(store: Store, table: str, columns: list[str]) -> Iterator[tuple[Any, ...]]:
    """The values of ``columns`` in every row of ``table``, in the order they were written."""
    for values in store.conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid"):
        yield tuple(values)
