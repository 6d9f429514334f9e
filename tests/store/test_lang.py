"""The article's language in the store: its column, the lang filter and facet, exports, and the
migration that fills it for a store written before it had one."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from sayso import export
from sayso.errors import StoreError
from sayso.store import SCHEMA_VERSION, Store
from sayso.store.filters import ArticleFilter, QuoteFilter
from sayso.store.queries import articles, count_articles, count_quotes, quote_facets, quotes

from .conftest import articles as sample_articles
from .test_store import _store_of_version

LANGS = ("en", "fr", None)  # the third article is too short to tell


@pytest.fixture
def store() -> Store:
    store = Store(":memory:")
    for (record, analysis), lang in zip(sample_articles(), LANGS):
        assert store.add(record, replace(analysis, lang=lang)) is not None
    return store


def test_the_language_is_stored_in_its_column_and_the_analysis_reads_back_unchanged(store):
    assert [r[0] for r in store.conn.execute("SELECT lang FROM articles ORDER BY id")] == list(LANGS)
    assert [a.lang for a in articles(store)] == list(LANGS)
    assert [store.analysis(i).lang for i in (1, 2, 3)] == list(LANGS)


@pytest.mark.parametrize("lang, ids", [("fr", [2]), ("en", [1]), ("FR ", [2]), ("de", []), ("", [1, 2, 3])])
def test_articles_and_quotes_filter_by_language(store, lang, ids):
    flt = ArticleFilter(lang=lang)
    assert [a.id for a in articles(store, flt)] == ids and count_articles(store, flt) == len(ids)
    found = list(quotes(store, QuoteFilter(lang=lang, attributed=False)))
    assert sorted({q.article_id for q in found}) == ids
    assert count_quotes(store, QuoteFilter(lang=lang, attributed=False)) == len(found)


@pytest.mark.parametrize("bad", ["french", "f", "f1", "en-GB"])
def test_a_bad_language_code_is_a_clear_error(bad):
    with pytest.raises(StoreError, match="is not a language code; use two letters of ISO 639-1"):
        QuoteFilter(lang=bad)


def test_quotes_have_a_language_facet(store):
    facets = quote_facets(store, QuoteFilter(attributed=False))
    assert {f["value"]: f["count"] for f in facets["lang"]} == {"en": 3, "fr": 2, None: 1}
    narrowed = quote_facets(store, QuoteFilter(lang="fr", attributed=False))
    assert narrowed["lang"] == [{"value": "fr", "count": 2}]


def test_a_reanalysis_refills_the_language(store):
    analysis = store.analysis(3)
    assert store.replace_analysis(3, replace(analysis, lang="en"))
    assert store.conn.execute("SELECT lang FROM articles WHERE id = 3").fetchone()[0] == "en"
    assert [a.id for a in articles(store, ArticleFilter(lang="en"))] == [1, 3]


def test_exports_carry_the_language(store):
    out = io.StringIO()
    export.write_csv(export.rows(store, "articles", ArticleFilter()), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["lang"] for r in rows] == ["en", "fr", ""]
    records = [json.loads(line) for line in _jsonl(export.article_records(store, ArticleFilter(lang="fr")))]
    assert [(r["meta"]["id"], r["lang"]) for r in records] == [(2, "fr")]
    french = list(export.rows(store, "quotes", ArticleFilter(lang="fr")))
    assert french and {q["article_id"] for q in french} == {2}


def _jsonl(records) -> list[str]:
    out = io.StringIO()
    export.write_jsonl(records, out)
    return out.getvalue().splitlines()


def test_a_version_5_store_gets_the_language_from_the_stored_analysis(tmp_path):
    """Version 5 kept each analysis' lang in articles.extra only: the column takes it; an article
    stored before analyses carried a language, or with malformed extra, stays NULL."""
    path = tmp_path / "v5.db"
    conn = _store_of_version(path, 5)
    conn.execute("""INSERT INTO articles(id, content_hash, ingested_at, text, extra) VALUES
                    (1, 'h1', 'now', 'Le maire a dit non.', '{"scare_quotes": [], "lang": "fr"}'),
                    (2, 'h2', 'now', 'The mayor said no.', '{"lang": "en", "meta": {"engine": "rules"}}'),
                    (3, 'h3', 'now', 'Old.', NULL),
                    (4, 'h4', 'now', 'Odd.', 'not json')""")
    assert "lang" not in {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    conn.close()
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION
        assert [tuple(r) for r in store.conn.execute("SELECT id, lang FROM articles ORDER BY id")] == [
            (1, "fr"), (2, "en"), (3, None), (4, None)]
        assert "articles_lang" in {r[1] for r in store.conn.execute("PRAGMA index_list(articles)")}
        assert store.analysis_dict(2)["lang"] == "en" and store.analysis_dict(2)["meta"] == {"engine": "rules"}
        assert [a.id for a in articles(store, ArticleFilter(lang="fr"))] == [1]
