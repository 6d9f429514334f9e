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
        assert ingest([str(SAMPLES / "dam-breach.jsonl")], store).stored == 3
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


@pytest.mark.parametrize("params", [{"threshold": "0"}, {"verdict": "maybe"}, {"min_sources": "0"},
                                    {"since": "yesterday"}])
def test_bad_claim_parameters_are_422(claims_client, params):
    response = claims_client.get("/claims", params=params)
    assert response.status_code == 422 and response.json()["detail"]


def test_web_page_links_the_claims_view(claims_client):
    assert 'href="#/claims"' in claims_client.get("/").text
    assert "claimsView" in claims_client.get("/static/app.js").text
