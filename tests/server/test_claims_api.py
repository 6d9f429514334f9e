"""GET /claims over a store of the bundled three-outlet story, and the web page's Claims view."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sayso.store import Store

from .conftest import SAMPLES, make_app


@pytest.fixture(scope="module")
def claims_client(tmp_path_factory):
    from sayso.batch import ingest

    db = tmp_path_factory.mktemp("claims") / "dam.db"
    with Store(db) as store:
        assert ingest([str(SAMPLES / "dam-breach.jsonl")], store, engine="rules").stored == 3
    with TestClient(make_app(db)) as client:
        yield client


def test_claims_page_matches_the_library(claims_client):
    page = claims_client.get("/claims").json()
    assert page["total"] == len(page["items"]) >= 3 and page["next"] is None
    first = page["items"][0]
    assert len(first["sources"]) == 3 and first["verdict"] in {"agree", "contradict"}
    assert {"quote_id", "article_id", "local_id", "start", "end", "position", "source"} <= set(first["reports"][0])
    contradictions = claims_client.get("/claims", params={"verdict": "contradict"}).json()
    assert contradictions["total"] >= 1 and all(c["verdict"] == "contradict" for c in contradictions["items"])
    paged = claims_client.get("/claims", params={"limit": 1}).json()
    assert paged["total"] == page["total"] and len(paged["items"]) == 1 and "offset=1" in paged["next"]
    assert claims_client.get("/claims", params={"min_sources": 3}).json()["total"] < page["total"]


def test_claims_in_one_language(claims_client):
    english = claims_client.get("/claims", params={"lang": "en"}).json()
    assert english["total"] == claims_client.get("/claims").json()["total"] >= 3  # the dam story is in English
    assert claims_client.get("/claims", params={"lang": "fr"}).json()["total"] == 0


@pytest.mark.parametrize("params", [{"threshold": "0"}, {"verdict": "maybe"}, {"min_sources": "0"},
                                    {"since": "yesterday"}, {"lang": "french"}])
def test_bad_claim_parameters_are_422(claims_client, params):
    response = claims_client.get("/claims", params=params)
    assert response.status_code == 422 and response.json()["detail"]


def test_web_page_links_the_claims_view(claims_client):
    assert 'href="#/claims"' in claims_client.get("/").text
    assert 'import { claimsView } from "./views/claims.js";' in claims_client.get("/static/app.js").text
    assert "export async function claimsView" in claims_client.get("/static/views/claims.js").text


def test_claims_are_kept_until_the_quotes_change(tmp_path):
    from sayso.batch import ingest
    from sayso.server.state import ServerState
    from sayso.store import QuoteFilter

    db = tmp_path / "dam.db"
    story = (SAMPLES / "dam-breach.jsonl").read_text("utf-8").splitlines(keepends=True)
    (tmp_path / "two.jsonl").write_text("".join(story[:2]), "utf-8")
    (tmp_path / "three.jsonl").write_text(story[2], "utf-8")
    with Store(db) as store:
        ingest([str(tmp_path / "two.jsonl")], store, engine="rules")
    state = ServerState(db, nlp_in_process=False)
    first = state.claims(QuoteFilter(), min_sources=2)
    assert state.claims(QuoteFilter(), min_sources=2) is first  # the same list, not recomputed
    assert state.claims(QuoteFilter(), min_sources=3) == []  # other options: their own entry
    with Store(db) as store:
        ingest([str(tmp_path / "three.jsonl")], store, engine="rules")
    again = state.claims(QuoteFilter(), min_sources=2)
    assert again is not first and len(again) > len(first)  # the new article's quotes count
