"""The SQLite store: round trips, idempotence, actor merging, FTS, views, migrations."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.errors import StoreError
from sayso.ingest import Record
from sayso.store import SCHEMA_VERSION, Store, normalize_name
from sayso.store.schema import MIGRATIONS
from sayso.store.statements import statements as _statements
from sayso.types import Analysis

from .conftest import articles


def test_analyses_round_trip_exactly(store):
    for number, (_, analysis) in enumerate(articles(), 1):
        assert store.analysis_dict(number) == analysis.to_dict()  # the JSON contract, extras included
        assert store.analysis(number) == Analysis.from_dict(analysis.to_dict())


def test_same_text_or_same_url_stores_nothing_new(store):
    before = store.counts()
    for record, analysis in articles():
        assert store.add(record, analysis) is None
        other_url = replace(record, url="https://elsewhere.example/copy")
        assert store.add(other_url, analysis) is None  # same content hash
    record, _ = articles()[0]
    new_text = Analysis(text="A different text entirely.")
    assert store.add(replace(record, url=record.url + "?utm_source=feed#comments"), new_text) is None
    assert store.counts() == before


@pytest.mark.parametrize("name, key", [
    ("The Riverside Herald", "riverside herald"),
    ("Riverside  Herald", "riverside herald"),
    ("José  Martí", "jose marti"),
    ("U.S. Army", "u s army"),
    ("The", "the"),
])
def test_names_are_normalised_for_merging(name, key):
    assert normalize_name(name) == key


def test_actors_merge_across_articles_by_name_and_type(store):
    rows = {(r["name"], r["type"]): r for r in store.conn.execute(
        "SELECT * FROM actors WHERE named = 1")}
    whitaker = rows[("Tomas Whitaker", "PERSON")]
    assert (whitaker["article_count"], whitaker["quote_count"], whitaker["mention_count"]) == (2, 2, 3)
    brannigan = rows[("Helen Brannigan", "PERSON")]
    assert (brannigan["article_count"], brannigan["quote_count"]) == (2, 2)
    assert rows[("Helen Brannigan", "ORG")]["id"] != brannigan["id"]  # same name, other type
    herald = [r for r in rows.values() if r["type"] == "MEDIA"]
    assert len(herald) == 1 and herald[0]["name"] == "The Riverside Herald"  # merged with "Riverside Herald"
    unnamed = store.conn.execute("SELECT article_id FROM actors WHERE named = 0 AND norm_name = 'a senior official'")
    assert sorted(r[0] for r in unnamed) == [1, 2]  # descriptions stay local to their article
    aliases = dict(store.conn.execute("SELECT alias, count FROM actor_aliases WHERE actor_id = ?",
                                      (brannigan["id"],)).fetchall())
    assert aliases == {"Helen Brannigan": 2, "Brannigan": 2, "Mayor Helen Brannigan": 1}
    assert store.conn.execute("SELECT role FROM actor_roles WHERE actor_id = ?",
                              (brannigan["id"],)).fetchall()[0][0] == "Mayor"


def test_quote_columns_relations_and_views(store):
    hedged = store.conn.execute("SELECT text, certainty, extra FROM quotes WHERE certainty = 'hedged'").fetchone()
    assert hedged["text"] == "the plan might fail" and '"hedges"' in hedged["extra"]
    row = store.conn.execute("SELECT * FROM quotes_with_speakers WHERE id = 1").fetchone()
    assert (row["speaker"], row["medium"], row["speaker_as"], row["polarity"]) == (
        "Helen Brannigan", "The Riverside Herald", "Mayor Helen Brannigan", "negative")
    relation = store.conn.execute("SELECT * FROM relations_with_actors").fetchone()
    assert (relation["subject"], relation["predicate"], relation["object"], relation["claimant"]) == (
        "Iran", "funds", "the militias", "Tomas Whitaker")
    assert relation["quote_id"] == store.conn.execute(
        "SELECT id FROM quotes WHERE text = 'Iran funds the militias'").fetchone()[0]
    talks = {(r["speaker"], r["mentioned"]) for r in store.conn.execute("SELECT * FROM speaker_mentions")}
    assert ("Helen Brannigan", "Tomas Whitaker") in talks and ("Tomas Whitaker", "Helen Brannigan") in talks
    overview = store.conn.execute("SELECT quotes, actors FROM articles_overview WHERE id = 1").fetchone()
    assert tuple(overview) == (3, 4)
    assert list(store.conn.execute("PRAGMA foreign_key_check")) == []


def test_full_text_search_is_configured_the_way_datasette_detects_it(store):
    conn = store.conn
    assert [r[0] for r in conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'taxes'")] == [1]
    assert [r[0] for r in conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'militias'")] == [2]
    for table in ("articles", "quotes"):  # datasette.utils.detect_fts
        found = conn.execute(
            f"""SELECT name FROM sqlite_master WHERE rootpage = 0 AND
                (sql LIKE '%VIRTUAL TABLE%USING FTS%content=[{table}]%'
                 OR sql LIKE '%VIRTUAL TABLE%USING FTS%content="{table}"%')""")
        assert [r[0] for r in found] == [f"{table}_fts"]


def test_schema_is_versioned(store):
    assert store.version == SCHEMA_VERSION == MIGRATIONS[-1].version
    assert [r[0] for r in store.conn.execute("SELECT version FROM migrations ORDER BY version")] == [
        m.version for m in MIGRATIONS]


def test_a_version_1_database_is_migrated_with_its_data(tmp_path):
    """Quote certainty, parts and relation ends kept as JSON by version 1 move into columns."""
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in _statements(MIGRATIONS[0].apply):
        conn.execute(statement)
    conn.execute("INSERT INTO migrations(version, name) VALUES (1, 'v1')")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("PRAGMA application_id = 5928336")
    conn.execute("INSERT INTO articles(id, content_hash, ingested_at, text) VALUES (1, 'h', 'now', 'Iran funds them, he said.')")
    conn.execute("INSERT INTO actors(id, name, type, norm_name) VALUES (1, 'Iran', 'GPE', 'iran'), (2, 'Karl', 'PERSON', 'karl')")
    conn.execute("INSERT INTO article_actors(id, article_id, local_id, actor_id, name, type) "
                 "VALUES (1, 1, 'a1', 1, 'Iran', 'GPE'), (2, 1, 'a2', 2, 'Karl', 'PERSON')")
    conn.execute("""INSERT INTO quotes(id, article_id, local_id, kind, start_char, end_char, text, extra)
                    VALUES (1, 1, 'q1', 'indirect', 0, 15, 'Iran funds them',
                    '{"certainty": "hedged", "polarity": "positive", "parts": [[0, 4], [5, 15]], "hedges": []}')""")
    conn.execute("""INSERT INTO relations(article_id, local_id, type, data) VALUES (1, 'r1', NULL,
                    '{"id": "r1", "subject": "a1", "predicate": "funds", "object": "a2", "claimant": "a2",
                      "quote": "q1", "start": 0, "end": 15, "text": "Iran funds them"}')""")
    conn.close()
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION
        quote = store.conn.execute("SELECT certainty, polarity, extra FROM quotes").fetchone()
        assert tuple(quote) == ("hedged", "positive", '{"hedges":[]}')
        assert [tuple(r) for r in store.conn.execute("SELECT start_char, end_char FROM quote_parts ORDER BY id")] == [
            (0, 4), (5, 15)]
        relation = store.conn.execute("SELECT type, source_id, target_id, claimant_id, quote_id FROM relations").fetchone()
        assert tuple(relation) == ("funds", 1, 2, 2, 1)


def _store_of_version(path, version: int) -> sqlite3.Connection:
    """A database as the sayso of schema ``version`` left it (the later migrations not run)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        if callable(migration.apply):
            migration.apply(conn)
        else:
            for statement in _statements(migration.apply):
                conn.execute(statement)
        conn.execute("INSERT INTO migrations(version, name) VALUES (?, ?)", (migration.version, migration.name))
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("PRAGMA application_id = 5928336")
    return conn


def test_a_version_3_database_gets_the_statement_type_column_from_extra(tmp_path):
    """Quotes stored by version 3 kept their statement type in the extra JSON: it moves into
    quotes.type, rows without one keep NULL, and every other field stays."""
    path = tmp_path / "v3.db"
    conn = _store_of_version(path, 3)
    conn.execute("INSERT INTO articles(id, content_hash, ingested_at, text) "
                 "VALUES (1, 'h', 'now', 'Karl wrote that taxes rise. Taxes fall, Karl said.')")
    conn.execute("INSERT INTO actors(id, name, type, norm_name) VALUES (1, 'Karl', 'PERSON', 'karl')")
    conn.execute("INSERT INTO article_actors(id, article_id, local_id, actor_id, name, type) "
                 "VALUES (1, 1, 'a1', 1, 'Karl', 'PERSON')")
    conn.execute("""INSERT INTO quotes(id, article_id, local_id, kind, start_char, end_char, text, speaker_id,
                        speaker_local_id, cue, certainty, polarity, stance, extra) VALUES
                    (1, 1, 'q1', 'indirect', 11, 26, 'that taxes rise', 1, 'a1', 'wrote', 'asserted',
                     'positive', 'neutral', '{"hedges": [], "type": "writing"}'),
                    (2, 1, 'q2', 'direct', 28, 39, 'Taxes fall,', 1, 'a1', 'said', 'hedged', 'negative',
                     'neutral', '{"hedges": []}'),
                    (3, 1, 'q3', 'direct', 0, 4, 'Karl', NULL, NULL, NULL, NULL, NULL, NULL, '{"type": "belief"}')""")
    conn.execute("INSERT INTO quote_parts(quote_id, article_id, start_char, end_char) "
                 "VALUES (1, 1, 11, 26), (2, 1, 28, 39), (3, 1, 0, 4)")
    assert "type" not in {r[1] for r in conn.execute("PRAGMA table_info(quotes)")}
    conn.close()
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION
        rows = [tuple(r) for r in store.conn.execute(
            "SELECT id, text, cue, certainty, polarity, type, extra FROM quotes ORDER BY id")]
        assert rows == [(1, "that taxes rise", "wrote", "asserted", "positive", "writing", '{"hedges":[]}'),
                        (2, "Taxes fall,", "said", "hedged", "negative", None, '{"hedges": []}'),
                        (3, "Karl", None, None, None, "belief", None)]
        assert [tuple(r) for r in store.conn.execute(
            "SELECT id, type, speaker FROM quotes_with_speakers ORDER BY id")] == [
            (1, "writing", "Karl"), (2, None, "Karl"), (3, "belief", None)]
        assert "quotes_type" in {r[1] for r in store.conn.execute("PRAGMA index_list(quotes)")}
        with pytest.raises(sqlite3.IntegrityError, match="quotes.type: not a statement_type value"):
            store.conn.execute("UPDATE quotes SET type = 'gossip' WHERE id = 2")
        quotes = {q["id"]: q for q in store.analysis_dict(1)["quotes"]}
        assert (quotes["q1"]["type"], "type" in quotes["q2"], quotes["q3"]["type"]) == ("writing", False, "belief")
        assert store.analysis(1).quotes[0].type == "writing"


def test_the_statement_type_is_stored_in_its_column(store):
    rows = dict(store.conn.execute("SELECT text, type FROM quotes").fetchall())
    assert rows["that donations had doubled"] == "writing" and rows["Iran funds the militias"] == "unspecified"
    assert rows["We will not raise taxes"] == "speech"
    assert store.conn.execute("SELECT count(*) FROM quotes WHERE extra LIKE '%\"type\"%'").fetchone()[0] == 0


def test_databases_it_cannot_use_give_clear_errors(tmp_path):
    newer = tmp_path / "newer.db"
    Store(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this sayso"):
        Store(newer)
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE people (name)")
    with pytest.raises(StoreError, match="not sayso's"):
        Store(foreign)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(junk)
    with pytest.raises(StoreError, match="sayso ingest"):
        Store(tmp_path / "missing.db", create=False)
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "folder.db")


def test_a_failed_transaction_leaves_nothing(store):
    before = store.counts()
    record, analysis = articles()[0]
    with pytest.raises(RuntimeError), store.transaction():
        store.add(replace(record, url="https://new.example/"), replace(analysis, text=analysis.text + " More."))
        raise RuntimeError("crash before commit")
    assert store.counts() == before


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=200).filter(lambda t: t.strip()), st.none() | st.from_regex(r"https://[a-z]{1,8}\.example/[a-z0-9]{0,6}", fullmatch=True))
def test_ingest_is_idempotent_for_any_text(text, url):
    store = Store(":memory:")
    analysis = Analysis(text=text)
    record = Record(key="k", text=text, url=url)
    first = store.add(record, analysis)
    assert first == 1 and store.analysis(first) == analysis
    assert store.add(record, analysis) is None
    assert store.counts()["articles"] == 1


def test_only_http_addresses_are_stored_as_an_articles_link(tmp_path):
    from sayso import extract
    from sayso.ingest.record import Record
    from sayso.store.store import Store

    store = Store(tmp_path / "s.db")
    for n, url in enumerate(["javascript:alert(1)", "data:text/html,<b>x</b>", "https://Example.org/a?utm_source=x"]):
        record = Record(key=f"k{n}", text=f"Ann Lee said the dam was safe, number {n}.", url=url)
        store.add(record, extract(record.text, engine="rules"))
    urls = [row[0] for row in store.conn.execute("SELECT url FROM articles ORDER BY id")]
    assert urls == [None, None, "https://example.org/a"]
