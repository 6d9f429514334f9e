"""The store keeps the closed vocabularies as a table and refuses values outside them."""
from __future__ import annotations

import sqlite3

import pytest

import sayso.store.schema
from sayso.store import Store
from sayso.store.schema import VOCABULARY_COLUMNS
from sayso.types import VOCABULARIES, Certainty, Vocabulary


def _table(store: Store) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, value in store.conn.execute("SELECT vocabulary, value FROM vocabularies ORDER BY vocabulary, value"):
        found.setdefault(name, []).append(value)
    return found


def test_the_table_holds_the_enums():
    with Store() as store:
        assert _table(store) == {name: sorted(m.value for m in v) for name, v in VOCABULARIES.items()}
        label = store.conn.execute("SELECT label FROM vocabularies WHERE value = 'NORP'").fetchone()[0]
        assert label == "nationality or group"


def _article(store: Store) -> None:
    store.conn.execute("INSERT INTO articles(id, content_hash, ingested_at, text) VALUES (1, 'h', 'now', 'Yes, he said.')")
    store.conn.execute("INSERT INTO actors(id, name, type, norm_name) VALUES (1, 'Karl', 'PERSON', 'karl')")


@pytest.mark.parametrize("table, column, name", VOCABULARY_COLUMNS)
def test_a_value_outside_its_vocabulary_is_refused(table, column, name):
    with Store() as store:
        _article(store)
        rows = {
            "actors": "INSERT INTO actors(id, name, type, norm_name) VALUES (2, 'X', 'PERSON', 'x')",
            "article_actors": "INSERT INTO article_actors(article_id, local_id, actor_id, name, type) "
                              "VALUES (1, 'a1', 1, 'Karl', 'PERSON')",
            "quotes": "INSERT INTO quotes(article_id, local_id, kind, start_char, end_char, text, certainty, "
                      "polarity, stance) VALUES (1, 'q1', 'direct', 0, 3, 'Yes', 'hedged', 'negative', 'neutral')",
            "relations": "INSERT INTO relations(article_id, local_id, type, data, certainty, polarity) "
                         "VALUES (1, 'r1', 'funds', '{}', 'doubted', 'positive')",
        }
        store.conn.execute(rows[table])  # every value known: stored
        with pytest.raises(sqlite3.IntegrityError, match=f"{table}.{column}: not a {name} value"):
            store.conn.execute(f"UPDATE {table} SET {column} = 'bogus'")


def test_an_insert_with_an_unknown_value_is_refused():
    with Store() as store:
        _article(store)
        with pytest.raises(sqlite3.IntegrityError, match="quotes.certainty: not a certainty value"):
            store.conn.execute("INSERT INTO quotes(article_id, local_id, kind, start_char, end_char, text, certainty) "
                               "VALUES (1, 'q1', 'direct', 0, 3, 'Yes', 'sure')")
        assert store.counts()["quotes"] == 0


def test_a_new_enum_value_reaches_an_existing_store(tmp_path, monkeypatch):
    path = tmp_path / "news.db"
    Store(path).close()
    values = {k: str(v) for k, v in Certainty.__members__.items()} | {"RUMOURED": "rumoured"}
    wider = Vocabulary("Certainty", values)  # type: ignore[call-overload]
    wider.__doc__ = Certainty.__doc__
    monkeypatch.setitem(sayso.store.schema.VOCABULARIES, "certainty", wider)
    with Store(path) as store:
        assert "rumoured" in _table(store)["certainty"]
        _article(store)
        store.conn.execute("INSERT INTO quotes(article_id, local_id, kind, start_char, end_char, text, certainty) "
                           "VALUES (1, 'q1', 'direct', 0, 3, 'Yes', 'rumoured')")


def test_stored_analyses_pass_the_checks(store):
    """Analyses as the engine reports them are stored through the checks."""
    assert store.counts()["quotes"] > 0 and store.counts()["relations"] >= 0
