"""Sentence vectors kept for the claims' propositions (``proposition_vectors``), so a sentence
is encoded once per store, not on every ``sayso claims``."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .store import Store

_ID_CHUNK = 500  # quote ids asked at once (below old SQLite builds' 999 variables)


def stored_vectors(store: Store, quote_ids: Iterable[int]) -> list[tuple[int, int, str, bytes]]:
    """``(quote id, proposition index, sentence, vector bytes)`` kept for these quotes; none
    from a store older than the table that was opened read-only (so could not gain it)."""
    found: list[tuple[int, int, str, bytes]] = []
    ids = sorted(quote_ids)
    try:
        for first in range(0, len(ids), _ID_CHUNK):
            chunk = ids[first:first + _ID_CHUNK]
            found.extend(tuple(row) for row in store.conn.execute(
                f"SELECT quote_id, proposition, sentence, vector FROM proposition_vectors WHERE quote_id IN "
                f"({', '.join('?' * len(chunk))})", chunk))
    except sqlite3.OperationalError:
        return []
    return found


def save_vectors(store: Store, rows: list[tuple[int, int, str, bytes]]) -> None:
    """Keep ``(quote id, proposition index, sentence, vector bytes)`` rows, replacing older ones,
    in one transaction (raises as a write does on a store that cannot be written)."""
    with store.transaction():
        store.conn.executemany(
            "INSERT OR REPLACE INTO proposition_vectors (quote_id, proposition, sentence, vector) "
            "VALUES (?, ?, ?, ?)", rows)
