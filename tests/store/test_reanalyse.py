"""sayso reanalyse: stored articles analysed again and replaced in place, leaving the database
as a fresh ingest with the new engine would leave it; failures and interruptions keep old rows."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from click.testing import CliRunner

from sayso import settings
from sayso.batch import ingest
from sayso.cli import main
from sayso.errors import StoreError
from sayso.model.loader import available
from sayso.options import Options
from sayso.pipeline import Outcome
from sayso.reanalysis import Selection, reanalyse, select
from sayso.store import Store, writing
from sayso.types import Analysis
from tests.support import ARTICLES, article_text

from .conftest import A1, A3, articles, build

needs_weights = pytest.mark.skipif(not available(), reason="no trained weights in sayso/model/weights")

TABLES = ("articles", "actors", "actor_aliases", "actor_roles", "article_actors", "mentions", "quotes",
          "quote_parts", "relations")

NEWS = [
    {"text": article_text(ARTICLES[0]), "url": "https://gazette.example/budget", "title": ARTICLES[0]["title"],
     "published": "2024-03-01", "outlet": "Millbrook Gazette"},
    {"text": article_text(ARTICLES[1]), "url": "https://gazette.example/union", "title": ARTICLES[1]["title"],
     "published": "2024-03-05", "outlet": "Millbrook Gazette"},
    {"text": article_text(ARTICLES[2]), "url": "https://herald.example/transit", "title": ARTICLES[2]["title"],
     "published": "2024-04-10", "outlet": "Riverside Herald"},
    {"text": "“Prices will rise,” said Elena Ruiz, the central bank governor. She said the bank was ready "
             "to act, and Tomas Whitaker said the council would not wait.",
     "url": "https://wire.example/bank", "title": "Bank warns", "published": "2024-05-01", "outlet": "Wire"},
    {"text": "Opposition leader Karl Stein said the government had failed. “It is a disgrace,” Stein said. "
             "Iran funds the militias, according to Stein, who told the Riverside Herald he had proof.",
     "url": "https://wire.example/stein", "title": "Stein attacks", "published": "2024-05-02", "outlet": "Wire"},
]


# -- what a database says ---------------------------------------------------------------------
def contents(store: Store) -> dict[str, Any]:
    """Everything the database says, without its row ids: each article's metadata and analysis,
    each actor by identity (name key, type, article for unnamed ones) with counts, aliases and
    roles, which actor every local actor, mention, quote and relation points to, and what
    full-text search finds."""
    conn = store.conn
    arts = {row["id"]: ({k: row[k] for k in ("url", "content_hash", "title", "published", "outlet", "author",
                                              "source", "source_key", "meta", "text")},
                        store.analysis_dict(row["id"]))
            for row in conn.execute("SELECT * FROM articles ORDER BY id")}
    actors = {}
    for row in conn.execute("SELECT * FROM actors"):
        aliases = dict(conn.execute("SELECT alias, count FROM actor_aliases WHERE actor_id = ?",
                                    (row["id"],)).fetchall())
        roles = dict(conn.execute("SELECT role, count FROM actor_roles WHERE actor_id = ?", (row["id"],)).fetchall())
        actors[(row["norm_name"], row["type"], row["article_id"])] = (
            row["name"], row["named"], row["article_count"], row["mention_count"], row["quote_count"], aliases, roles)
    key = "{0}.norm_name, {0}.type, {0}.article_id"
    links = {
        "article_actors": f"SELECT x.article_id, x.local_id, {key.format('a')} FROM article_actors x "
                          "JOIN actors a ON a.id = x.actor_id",
        "mentions": f"SELECT m.article_id, m.start_char, m.end_char, m.text, {key.format('a')} FROM mentions m "
                    "JOIN actors a ON a.id = m.actor_id",
        "quotes": f"SELECT q.article_id, q.local_id, {key.format('s')}, {key.format('m')} FROM quotes q "
                  "LEFT JOIN actors s ON s.id = q.speaker_id LEFT JOIN actors m ON m.id = q.medium_id",
        "relations": f"SELECT r.article_id, r.local_id, r.type, {key.format('s')}, {key.format('o')}, "
                     f"{key.format('c')}, q.local_id FROM relations r LEFT JOIN actors s ON s.id = r.source_id "
                     "LEFT JOIN actors o ON o.id = r.target_id LEFT JOIN actors c ON c.id = r.claimant_id "
                     "LEFT JOIN quotes q ON q.id = r.quote_id",
    }
    linked = {name: sorted(tuple(r) for r in conn.execute(sql)) for name, sql in links.items()}
    return {"articles": arts, "actors": actors, "links": linked, "search": search(store)}


def search(store: Store) -> dict[str, list[tuple[int, str]]]:
    """Quotes (article, local id) full-text search finds for each word of the stored texts."""
    words = sorted({w.strip(".,“”’\"").lower() for (text,) in store.conn.execute("SELECT text FROM articles")
                    for w in text.split() if w.strip(".,“”’\"").isalpha() and len(w) > 3})
    found = {}
    for word in words:
        rowids = [r[0] for r in store.conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?",
                                                   (f'"{word}"',))]
        hits = sorted(tuple(r) for r in store.conn.execute(
            f"SELECT article_id, local_id FROM quotes WHERE id IN ({', '.join('?' * len(rowids))})", rowids))
        assert len(hits) == len(rowids), f"quotes_fts finds deleted quotes for {word!r}"
        found[word] = hits
    return found


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, ids included."""
    return {t: [tuple(r) for r in store.conn.execute(f"SELECT * FROM {t} ORDER BY rowid")] for t in TABLES}


def assert_consistent(store: Store) -> None:
    """Actor counts, aliases and roles recounted from the rows they summarise; no orphans; the
    full-text indexes match their tables."""
    conn = store.conn

    def one(sql: str, *args: Any) -> Any:
        return conn.execute(sql, args).fetchone()[0]

    for actor in conn.execute("SELECT * FROM actors"):
        aid = actor["id"]
        counted = (one("SELECT count(DISTINCT article_id) FROM article_actors WHERE actor_id = ?", aid),
                   one("SELECT count(*) FROM mentions WHERE actor_id = ?", aid),
                   one("SELECT count(*) FROM quotes WHERE speaker_id = ?", aid))
        assert counted[0] > 0, f"actor {actor['name']} is referred to by no article"
        assert (actor["article_count"], actor["mention_count"], actor["quote_count"]) == counted, actor["name"]
        aliases: Counter[str] = Counter()
        roles: Counter[str] = Counter()
        for row in conn.execute("SELECT name, aliases, roles FROM article_actors WHERE actor_id = ?", (aid,)):
            aliases.update({row["name"], *json.loads(row["aliases"])})
            roles.update(list(dict.fromkeys(json.loads(row["roles"]))))
        assert dict(conn.execute("SELECT alias, count FROM actor_aliases WHERE actor_id = ?", (aid,)).fetchall()) == aliases
        assert dict(conn.execute("SELECT role, count FROM actor_roles WHERE actor_id = ?", (aid,)).fetchall()) == roles
    for table in ("actor_aliases", "actor_roles"):
        assert one(f"SELECT count(*) FROM {table} WHERE actor_id NOT IN (SELECT id FROM actors)") == 0
    assert list(conn.execute("PRAGMA foreign_key_check")) == []
    for fts in ("articles_fts", "quotes_fts"):  # 1: compare with the content table too
        conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")


# -- hand-made analyses: the store's bookkeeping, no NLP ------------------------------------------
def revised() -> dict[int, Analysis]:
    """New analyses of the fixture's articles 1 and 3 (2 stays): Whitaker and a role-bearing
    organisation drop out, the outlet is named without "The", an alias is no longer seen."""
    one = build(A1, {
        "a1": {"name": "Helen Brannigan", "type": "PERSON", "mentions": ["Mayor Helen Brannigan", ("Brannigan", 1)],
               "aliases": ["Brannigan"], "roles": ["Mayor"]},
        "a2": {"name": "Riverside Herald", "type": "MEDIA", "mentions": ["Riverside Herald"]},
        "a3": {"name": "a senior official", "type": "PERSON", "mentions": ["A senior official"], "named": False},
    }, [
        {"kind": "direct", "text": "We will not raise taxes", "speaker": "a1", "by": "Mayor Helen Brannigan",
         "cue": "told", "medium": "a2", "via": "Riverside Herald"},
        {"kind": "indirect", "text": "the plan might fail", "speaker": "a3", "by": "A senior official",
         "cue": ("said", 1), "certainty": "hedged"},
    ])
    return {1: one, 2: articles()[1][1], 3: build(A3, {}, [])}


def fresh(analyses: dict[int, Analysis]) -> Store:
    store = Store(":memory:")
    for number, (record, _) in enumerate(articles(), 1):
        assert store.add(record, analyses[number]) == number
    return store


@pytest.fixture
def fake_engine(monkeypatch):
    """Replaces the engine in ``reanalyse``: article id -> its Analysis, or an error message."""
    def install(results: dict[int, Analysis | str]) -> None:
        ids = {record.text: number for number, (record, _) in enumerate(articles(), 1)}

        def extract_many(items, **_):
            for key, text in items:
                result = results[ids[text]]
                yield Outcome(key, error=result) if isinstance(result, str) else Outcome(key, analysis=result)

        monkeypatch.setattr("sayso.runner.extract_many", extract_many)
        monkeypatch.setattr("sayso.reanalysis.prepare", lambda options: None)

    return install


def test_replacing_analyses_gives_what_storing_them_afresh_gives(store):
    new = revised()
    for article_id in (1, 3):
        assert store.replace_analysis(article_id, new[article_id]) is True
    assert contents(store) == contents(fresh(new))
    assert_consistent(store)
    names = {(r["name"], r["type"]) for r in store.conn.execute("SELECT name, type FROM actors")}
    assert ("Helen Brannigan", "ORG") not in names  # no article refers to it any more
    assert ("Riverside Herald", "MEDIA") in names and ("The Riverside Herald", "MEDIA") not in names
    assert store.conn.execute("SELECT count(*) FROM actor_roles WHERE role = 'the charity'").fetchone()[0] == 0
    whitaker = store.conn.execute("SELECT article_count, mention_count, quote_count FROM actors "
                                  "WHERE name = 'Tomas Whitaker'").fetchone()
    assert tuple(whitaker) == (1, 2, 2)


def test_the_same_analysis_writes_nothing(store):
    before = dump(store)
    for number, (_, analysis) in enumerate(articles(), 1):
        assert store.replace_analysis(number, analysis) is False
    assert dump(store) == before


def test_replace_refuses_what_it_cannot_do(store):
    with pytest.raises(StoreError, match="no article with id 9"):
        store.replace_analysis(9, Analysis(text=A1))
    with pytest.raises(StoreError, match="another text"):
        store.replace_analysis(1, Analysis(text=A1 + " More."))


def test_articles_are_selected_by_id_outlet_date_and_limit(store):
    assert select(store) == [1, 2, 3]
    assert select(store, Selection(articles=(3, 1, 3))) == [1, 3]
    assert select(store, Selection(outlet="herald")) == [2]
    assert select(store, Selection(since="2024-03-02")) == [2]
    assert select(store, Selection(until="2024-03-01")) == [1]
    assert select(store, Selection(outlet="gazette", articles=(2,))) == []
    assert select(store, Selection(limit=2)) == [1, 2]
    with pytest.raises(StoreError, match="no article with id 7, 8"):
        select(store, Selection(articles=(1, 8, 7)))


def test_a_run_is_recorded_and_failures_keep_their_old_analysis(store, fake_engine):
    before = contents(store)
    new = revised()
    fake_engine({1: "extraction failed: boom", 2: new[2], 3: new[3]})
    seen = []
    summary = reanalyse(store, Selection(), engine="rules", on_failure=seen.append)
    assert (summary.selected, summary.changed, summary.unchanged, summary.failed) == (3, 1, 1, 1)
    assert [(f.key, f.reason) for f in seen] == [("1", "extraction failed: boom")] == [
        (f.key, f.reason) for f in summary.failures]
    after = contents(store)
    assert after["articles"][1] == before["articles"][1] and after["articles"][3] != before["articles"][3]
    assert_consistent(store)
    run = store.conn.execute("SELECT * FROM runs ORDER BY id DESC").fetchone()
    assert json.loads(run["sources"]) == ["reanalyse", "engine=rules"]
    assert run["model"] == settings.get("model") and run["finished_at"] is not None
    assert (run["read"], run["stored"], run["skipped"], run["failed"]) == (3, 1, 1, 1)
    assert summary.to_dict()["failures"] == [{"article": 1, "reason": "extraction failed: boom"}]
    assert summary.format().startswith("selected 3, re-analysed 2 (changed 1, unchanged 1), failed 1 (rules engine")


def test_a_write_that_fails_keeps_that_article_whole_and_the_batch_goes_on(store, fake_engine, monkeypatch):
    before = contents(store)
    new = revised()
    fake_engine(new)
    add_quotes = writing._add_quotes

    def broken(conn, article_id, *args):
        if article_id == 1:  # after its old rows were deleted and its actors written
            raise RuntimeError("disk on fire")
        return add_quotes(conn, article_id, *args)

    monkeypatch.setattr(writing, "_add_quotes", broken)
    summary = reanalyse(store, engine="rules", commit_every=10)
    assert (summary.changed, summary.unchanged, summary.failed) == (1, 1, 1)
    assert "disk on fire" in summary.failures[0].reason and summary.failures[0].key == "1"
    after = contents(store)
    assert after["articles"][1] == before["articles"][1]
    assert after["articles"][3][1] == json.loads(json.dumps(new[3].to_dict()))
    assert_consistent(store)


def test_an_interrupted_batch_leaves_every_article_as_it_was(store, fake_engine, monkeypatch):
    before = dump(store)
    fake_engine(revised())
    add_quotes = writing._add_quotes

    def interrupted(conn, article_id, *args):
        if article_id == 3:  # article 1 is already replaced in this batch's transaction
            raise KeyboardInterrupt
        return add_quotes(conn, article_id, *args)

    monkeypatch.setattr(writing, "_add_quotes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        reanalyse(store, engine="rules", commit_every=10)
    assert dump(store) == before
    run = store.conn.execute("SELECT * FROM runs ORDER BY id DESC").fetchone()
    assert run["finished_at"] is not None and run["stored"] == 0


def test_committed_batches_stay_when_a_later_one_is_interrupted(store, fake_engine, monkeypatch):
    new = revised()
    fake_engine(new)
    add_quotes = writing._add_quotes

    def interrupted(conn, article_id, *args):
        if article_id == 3:
            raise KeyboardInterrupt
        return add_quotes(conn, article_id, *args)

    monkeypatch.setattr(writing, "_add_quotes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        reanalyse(store, engine="rules", commit_every=1)
    assert store.analysis_dict(1) == json.loads(json.dumps(new[1].to_dict()))
    assert store.analysis_dict(3) == articles()[2][1].to_dict()
    assert_consistent(store)


# -- the engines themselves ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def news(tmp_path_factory):
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in NEWS), encoding="utf-8")
    return path


def ingested(news, engine: str, db: str = ":memory:") -> Store:
    """A database as ``sayso ingest`` with ``engine`` leaves it."""
    store = Store(db)
    summary = ingest([str(news)], store, engine=engine)
    assert (summary.stored, summary.failed) == (len(NEWS), 0), summary.failures
    return store


@needs_weights
@pytest.mark.parametrize("first, then", [("rules", "trained"), ("trained", "rules")])
def test_reanalysis_gives_what_a_fresh_ingest_with_the_new_engine_gives(news, nlp, first, then):
    store = ingested(news, first)
    before = contents(store)
    summary = reanalyse(store, engine=then)
    assert (summary.selected, summary.reanalysed, summary.failed) == (len(NEWS), len(NEWS), 0)
    assert summary.changed > 0  # the engines disagree somewhere, or this test shows nothing
    after = contents(store)
    assert after != before
    assert after == contents(ingested(news, then))
    assert [meta for meta, _ in after["articles"].values()] == [meta for meta, _ in before["articles"].values()]
    assert_consistent(store)
    run = store.conn.execute("SELECT * FROM runs ORDER BY id DESC").fetchone()
    assert (json.loads(run["sources"]), run["read"], run["stored"]) == (
        ["reanalyse", f"engine={then}"], len(NEWS), summary.changed)

    rows = dump(store)
    again = reanalyse(store, engine=then)
    assert (again.changed, again.unchanged, again.failed) == (0, len(NEWS), 0)
    assert dump(store) == rows  # idempotent: not a row rewritten


def test_reanalysis_with_the_same_engine_changes_nothing(news, nlp):
    store = ingested(news, "rules")
    rows = dump(store)
    summary = reanalyse(store, engine="rules", batch_size=2, commit_every=2)
    assert (summary.selected, summary.changed, summary.unchanged, summary.failed) == (len(NEWS), 0, len(NEWS), 0)
    assert dump(store) == rows


@needs_weights
def test_an_article_the_engine_refuses_keeps_its_old_analysis(news, nlp):
    store = ingested(news, "rules")
    before = contents(store)
    longest = max(before["articles"], key=lambda i: len(before["articles"][i][0]["text"]))
    limit = len(before["articles"][longest][0]["text"]) - 1
    summary = reanalyse(store, engine="trained", options=Options(max_chars=limit))
    assert summary.failed == 1 and summary.failures[0].key == str(longest)
    assert "longer than the limit" in summary.failures[0].reason
    assert summary.changed > 0
    after = contents(store)
    assert after["articles"][longest] == before["articles"][longest]
    trained = contents(ingested(news, "trained"))
    for article_id, (_, analysis) in after["articles"].items():
        if article_id != longest:
            assert analysis == trained["articles"][article_id][1]
    assert_consistent(store)


# -- the command ----------------------------------------------------------------------------------
def test_cli_reanalyse(news, nlp, tmp_path):
    db = tmp_path / "news.db"
    ingested(news, "rules", str(db)).close()
    runner = CliRunner()
    result = runner.invoke(main, ["reanalyse", "--db", str(db), "--engine", "rules", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert {k: summary[k] for k in ("selected", "reanalysed", "changed", "unchanged", "failed", "engine")} == {
        "selected": len(NEWS), "reanalysed": len(NEWS), "changed": 0, "unchanged": len(NEWS), "failed": 0,
        "engine": "rules"}
    assert summary["seconds"] >= 0

    result = runner.invoke(main, ["reanalyse", "--db", str(db), "--engine", "rules", "--outlet", "wire",
                                  "--since", "2024-05-02"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("selected 1, re-analysed 1 (changed 0, unchanged 1), failed 0 (rules engine")
    assert len(result.stdout.splitlines()) == 1
    result = runner.invoke(main, ["reanalyse", "--db", str(db), "--article", "2", "--article", "4", "--limit", "1",
                                  "--json"])
    assert json.loads(result.stdout)["selected"] == 1
    with Store(db) as store:
        sources = [json.loads(r[0]) for r in store.conn.execute("SELECT sources FROM runs ORDER BY id")]
    assert sources[1:] == [["reanalyse", "engine=rules"],
                           ["reanalyse", "engine=rules", "outlet=wire", "since=2024-05-02"],
                           ["reanalyse", "engine=rules", "article=2", "article=4", "limit=1"]]


@pytest.mark.parametrize("args, code, words", [
    (["--db", "{missing}"], 4, "no such database"),
    (["--db", "{db}", "--article", "99"], 4, "no article with id 99"),
    (["--db", "{db}", "--since", "last week"], 2, "is not a date"),
    (["--db", "{db}", "--engine", "oracle"], 2, "oracle"),
])
def test_cli_bad_input_is_a_clean_error(tmp_path, args, code, words):
    db = tmp_path / "news.db"
    Store(db).close()
    args = [a.format(db=db, missing=tmp_path / "missing.db") for a in args]
    result = CliRunner().invoke(main, ["reanalyse", *args])
    assert result.exit_code == code, result.output
    assert words in result.output and "Traceback" not in result.output
    assert not (tmp_path / "missing.db").exists()
