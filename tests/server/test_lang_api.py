"""GET /articles?lang= and GET /quotes?lang= over a store of one English, one French and one
article whose language could not be told."""
from __future__ import annotations

from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from sayso.store import Store

from ..store.conftest import articles
from .conftest import make_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("langs") / "news.db"
    with Store(db) as store:
        for (record, analysis), lang in zip(articles(), ("en", "fr", None)):
            store.add(record, replace(analysis, lang=lang))
    with TestClient(make_app(db)) as test_client:
        yield test_client


def test_articles_carry_and_filter_by_language(client):
    every = client.get("/articles").json()["items"]
    assert {a["id"]: a["lang"] for a in every} == {1: "en", 2: "fr", 3: None}
    page = client.get("/articles", params={"lang": "en"}).json()
    assert page["total"] == 1 and [a["lang"] for a in page["items"]] == ["en"]
    assert client.get("/articles/2").json()["article"]["lang"] == "fr"


def test_articles_count_their_languages(client):
    facets = client.get("/articles", params={"facets": "true", "limit": 1}).json()["facets"]
    assert sorted((f["value"] or "", f["count"]) for f in facets["lang"]) == [("", 1), ("en", 1), ("fr", 1)]
    narrowed = client.get("/articles", params={"facets": "true", "lang": "fr"}).json()["facets"]["lang"]
    assert [(f["value"], f["count"]) for f in narrowed] == [("fr", 1)]


def test_quotes_filter_by_language_with_a_facet(client):
    page = client.get("/quotes", params={"lang": "fr", "facets": "true"}).json()
    assert page["total"] == 2 and {q["article_id"] for q in page["items"]} == {2}
    assert [(f["value"], f["count"]) for f in page["facets"]["lang"]] == [("fr", 2)]
    every = client.get("/quotes", params={"facets": "true"}).json()
    assert {f["value"]: f["count"] for f in every["facets"]["lang"]} == {"en": 3, "fr": 2, None: 1}
    assert client.get("/quotes", params={"lang": ""}).json()["total"] == every["total"] == 6


@pytest.mark.parametrize("path", ["/quotes", "/articles"])
@pytest.mark.parametrize("value", ["french", "e1", "x" * 1001])
def test_a_bad_language_is_422_with_a_message(client, path, value):
    response = client.get(path, params={"lang": value})
    assert response.status_code == 422
    body = response.json()
    message = body.get("message") or body["detail"]
    assert "lang" in message and ("ISO 639-1" in message or "1000 characters" in message)


def test_quote_rows_carry_their_articles_language(client):
    rows = client.get("/quotes").json()["items"]
    assert {q["article_id"]: q["lang"] for q in rows} == {1: "en", 2: "fr", 3: None}


def test_relations_and_the_graph_filter_by_language(client):
    every = client.get("/relations").json()
    french = client.get("/relations", params={"lang": "fr"}).json()
    english = client.get("/relations", params={"lang": "en"}).json()
    assert every["total"] >= french["total"] + english["total"]
    assert all(r["article_id"] == 2 for r in french["items"]) and all(r["article_id"] == 1 for r in english["items"])
    assert french["total"] >= 1
    nodes = {n["id"] for n in client.get("/graph").json()["nodes"]}
    french_nodes = {n["id"] for n in client.get("/graph", params={"lang": "fr"}).json()["nodes"]}
    assert french_nodes and french_nodes < nodes
    for path in ("/relations", "/graph"):
        assert client.get(path, params={"lang": "french"}).status_code == 422
