"""The store's smaller parts: a query-only connection, the tables as rows, kept sentence vectors."""
from __future__ import annotations

import pytest

from sayso.errors import StoreWriteError
from sayso.store import Store, queries
from sayso.store.tables import actor_scopes, foreign_keys, table_columns, table_rows
from sayso.store.vectors import save_vectors, stored_vectors


def test_a_query_only_store_reads_and_refuses_writes(tmp_path):
    path = tmp_path / "news.db"
    Store(path).close()
    reader = Store(path, create=False)
    reader.set_query_only()
    assert queries.count_articles(reader) == 0 and not reader.readonly
    with pytest.raises(StoreWriteError):
        reader.start_run(["x"])
    reader.close()


def test_tables_as_rows(store):
    columns = dict(table_columns(store, "quotes"))
    assert columns["id"] == "INTEGER" and "speaker_id" in columns
    assert ("speaker_id", "actors") in foreign_keys(store, "quotes")
    assert ("article_id", "articles") in foreign_keys(store, "quotes")
    names = [name for name, _ in table_columns(store, "actors")]
    rows = list(table_rows(store, "actors", names))
    assert len(rows) == store.counts()["actors"] and all(len(r) == len(names) for r in rows)
    scopes = list(actor_scopes(store))
    assert {s[0] for s in scopes} == {r[names.index("id")] for r in rows}
    unnamed = [s for s in scopes if s[3] is not None]
    assert unnamed and all(s[4] == s[3] for s in unnamed)  # an unnamed actor lives in its one article


def test_sentence_vectors_are_kept_and_read_back(store):
    quote = next(iter(queries.quotes(store))).id
    assert stored_vectors(store, {quote}) == []
    save_vectors(store, [(quote, 0, "Taxes stay.", b"\x00\x01" * 4)])
    save_vectors(store, [(quote, 0, "Taxes stay put.", b"\x02\x03" * 4)])  # replaces
    assert stored_vectors(store, {quote, 12345}) == [(quote, 0, "Taxes stay put.", b"\x02\x03" * 4)]
