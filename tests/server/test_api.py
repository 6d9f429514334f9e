"""The REST API as a client uses it: FastAPI's test client over a store filled from the samples."""
from __future__ import annotations

import json
import re

import jsonschema
import pytest
from click.testing import CliRunner

from sayso.schema import analysis_schema
from sayso.store import QuoteFilter, Store, queries


def ids(page: dict) -> list[int]:
    return [item["id"] for item in page["items"]]


def all_items(client, path: str, **params) -> list[dict]:
    """Every item of a paginated list, following ``next`` links."""
    items, url = [], client.get(path, params=params).json()
    while True:
        items += url["items"]
        if not url["next"]:
            return items
        url = client.get(url["next"]).json()


# -- articles ---------------------------------------------------------------------------------
def test_articles_newest_first_with_counts(client):
    page = client.get("/articles").json()
    assert page["total"] == 3 and page["next"] is None
    assert [a["outlet"] for a in page["items"]] == ["National Courier", "Levant Ledger", "Millbrook Gazette"]
    assert all(a["quotes"] > 0 and a["actors"] > 0 for a in page["items"])


@pytest.mark.parametrize("params, outlets", [
    ({"outlet": "ledger"}, ["Levant Ledger"]),
    ({"since": "2024-05-01"}, ["National Courier", "Levant Ledger"]),
    ({"until": "2024-06-10"}, ["National Courier", "Levant Ledger", "Millbrook Gazette"]),  # the whole day
    ({"until": "2024-06-09"}, ["Levant Ledger", "Millbrook Gazette"]),
    ({"search": "libraries"}, ["Millbrook Gazette"]),
    ({"search": "ballot*"}, ["National Courier"]),
])
def test_article_filters(client, params, outlets):
    assert [a["outlet"] for a in client.get("/articles", params=params).json()["items"]] == outlets


def test_article_detail_is_the_extract_contract_with_exact_offsets(client):
    for article in client.get("/articles").json()["items"]:
        detail = client.get(f"/articles/{article['id']}").json()
        analysis = detail["analysis"]
        jsonschema.validate(analysis, analysis_schema())
        text = analysis["text"]
        assert analysis["quotes"] and len(analysis["quotes"]) == article["quotes"]
        for quote in analysis["quotes"]:
            assert text[quote["start"]:quote["end"]] == quote["text"]
            for start, end in quote["parts"]:
                assert quote["start"] <= start < end <= quote["end"]
        assert set(detail["actor_ids"]) == {a["id"] for a in analysis["actors"]}
        assert set(detail["quote_ids"]) == {q["id"] for q in analysis["quotes"]}
        some_actor = next(iter(detail["actor_ids"].values()))
        assert client.get(f"/actors/{some_actor}").status_code == 200


def test_missing_article_and_bad_id(client):
    response = client.get("/articles/9999")
    assert response.status_code == 404 and "no article with id 9999" in response.json()["detail"]
    assert client.get("/articles/abc").status_code == 422


# -- quotes -------------------------------------------------------------------------------------
def test_quotes_page_through_everything_once(client, sample_db):
    with Store(sample_db, create=False) as store:
        total = queries.count_quotes(store, QuoteFilter())
    first = client.get("/quotes", params={"limit": 7}).json()
    assert first["total"] == total and len(first["items"]) == 7 and "offset=7" in first["next"]
    everything = all_items(client, "/quotes", limit=7)
    assert len(everything) == total == len({q["id"] for q in everything})
    dates = [q["published"] for q in everything]
    assert dates == sorted(dates, reverse=True)  # newest first, as sayso quotes


@pytest.mark.parametrize("args", [
    ["--speaker", "Brannigan"],
    ["--speaker", "Whitaker", "--kind", "indirect"],
    ["--about", "IRGC"],
    ["--certainty", "hedged"],
    ["--polarity", "negative"],
    ["--stance", "distancing"],
    ["--type", "writing"],
    ["--outlet", "gazette"],
    ["--since", "2024-05-01", "--until", "2024-05-31"],
    ["--search", "money"],
    ["--search", '"numbers did not"'],
    ["--search", "tax* OR ballot*"],
])
def test_quote_filters_match_the_cli(client, sample_db, args):
    """GET /quotes takes the filters of sayso quotes and finds the same quotes in the same order."""
    from sayso.cli import main

    result = CliRunner().invoke(main, ["quotes", "--db", str(sample_db), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    expected = [q["id"] for q in json.loads(result.output)]
    params = {args[i].lstrip("-"): args[i + 1] for i in range(0, len(args), 2)}
    got = [q["id"] for q in all_items(client, "/quotes", limit=500, **params)]
    assert got == expected and expected, args


def test_quote_rows_carry_speaker_cue_certainty_and_hedges(client):
    items = client.get("/quotes", params={"speaker": "Whitaker", "limit": 500}).json()["items"]
    assert {q["speaker"] for q in items} == {"Tomas Whitaker"}
    assert all(q["article_id"] and q["title"] and q["outlet"] == "Millbrook Gazette" for q in items)
    hedged = client.get("/quotes", params={"certainty": "hedged", "limit": 500}).json()["items"]
    assert hedged and all(q["extra"].get("hedges") for q in hedged)


def test_quotes_by_statement_type(client):
    everything = all_items(client, "/quotes", limit=500)
    by_type: dict[str, set[int]] = {}
    for q in everything:
        by_type.setdefault(q["type"], set()).add(q["id"])
    assert {"speech", "writing"} <= set(by_type) <= {"speech", "writing", "belief", "intention", "unspecified"}
    writing = client.get("/quotes", params={"type": "writing", "limit": 500}).json()
    assert set(ids(writing)) == by_type["writing"] and writing["total"] == len(by_type["writing"])
    several = client.get("/quotes", params=[("type", "writing"), ("type", "speech"), ("limit", "500")]).json()
    assert set(ids(several)) == by_type["writing"] | by_type["speech"]
    facets = client.get("/quotes", params={"facets": "true", "limit": 1}).json()["facets"]["type"]
    assert {f["value"]: f["count"] for f in facets} == {t: len(found) for t, found in by_type.items()}
    wrong = client.get("/quotes", params={"type": "gossip"})
    assert wrong.status_code == 422 and "type" in wrong.json()["message"]


def test_quotes_without_any_source_only_when_asked_for(client, sample_db, tmp_path):
    """attributed=false adds the quotes with neither a speaker nor a source in the text."""
    import shutil

    from fastapi.testclient import TestClient

    from sayso.ingest import Record

    from ..store.conftest import build
    from .conftest import make_app

    copy = tmp_path / "copy.db"
    shutil.copy(sample_db, copy)
    text = "The troops have been accused of hurting civilians."
    with Store(copy) as store:
        article = store.add(Record(key="troops.txt", text=text),
                            build(text, {}, [{"kind": "indirect", "text": "hurting civilians", "cue": "accused"}]))
    with TestClient(make_app(copy)) as other:
        assert other.get("/quotes", params={"article": article}).json()["total"] == 0
        found = other.get("/quotes", params={"article": article, "attributed": "false"}).json()
        assert [q["text"] for q in found["items"]] == ["hurting civilians"] and found["items"][0]["speaker"] is None
        assert other.get("/quotes").json()["total"] + 1 == other.get("/quotes", params={"attributed": "false"}).json()["total"]
        assert other.get(f"/articles/{article}").json()["quote_ids"] == {"q1": found["items"][0]["id"]}


def test_facets_count_the_matches(client):
    page = client.get("/quotes", params={"facets": "true", "limit": 1}).json()
    facets = page["facets"]
    assert set(facets) >= {"kind", "type", "certainty", "polarity", "stance", "outlet", "speaker", "month"}
    for name in ("kind", "type", "certainty", "outlet", "month"):
        assert sum(f["count"] for f in facets[name]) == page["total"], name
    assert {f["value"] for f in facets["month"]} == {"2024-03", "2024-05", "2024-06"}
    top = facets["speaker"][0]
    by_top = client.get("/quotes", params={"speaker_id": top["id"]}).json()
    assert by_top["total"] == top["count"]
    narrowed = client.get("/quotes", params={"facets": "true", "outlet": "Courier"}).json()["facets"]
    assert [f["value"] for f in narrowed["outlet"]] == ["National Courier"]


@pytest.mark.parametrize("params, message", [
    ({"kind": "rumour"}, "kind"),
    ({"certainty": "sure"}, "certainty"),
    ({"since": "yesterday"}, "since: 'yesterday' is not a date"),
    ({"search": "!!!"}, "has no words"),
    ({"limit": 0}, "limit"),
    ({"limit": 501}, "limit"),
    ({"offset": -1}, "offset"),
])
def test_bad_quote_parameters_are_422_with_a_message(client, params, message):
    response = client.get("/quotes", params=params)
    assert response.status_code == 422
    body = response.json()
    assert message in (body.get("message") or body["detail"])


# -- actors, relations, graph -----------------------------------------------------------------------
def test_actors_most_quoted_first_and_filtered(client):
    page = client.get("/actors", params={"limit": 5}).json()
    quotes = [a["quotes"] for a in page["items"]]
    assert quotes == sorted(quotes, reverse=True) and page["total"] > 5
    assert {a["type"] for a in client.get("/actors", params={"type": "MEDIA"}).json()["items"]} == {"MEDIA"}
    assert [a["name"] for a in client.get("/actors", params={"name": "whitaker"}).json()["items"]] == ["Tomas Whitaker"]
    named = client.get("/actors", params={"limit": 500}).json()["total"]
    assert client.get("/actors", params={"unnamed": "true", "limit": 500}).json()["total"] > named


def whitaker(client) -> dict:
    actor_id = client.get("/actors", params={"name": "Whitaker"}).json()["items"][0]["id"]
    return client.get(f"/actors/{actor_id}").json()


def test_actor_detail_roles_aliases_quotes_and_co_quoted(client):
    data = whitaker(client)
    actor = data["actor"]
    assert actor["name"] == "Tomas Whitaker" and actor["type"] == "PERSON"
    assert {"Whitaker", "Tomas Whitaker"} <= {a["name"] for a in data["aliases"]}
    assert "Council member" in {r["name"] for r in data["roles"]}
    assert data["quotes_by_total"] == actor["quotes"] == len(data["quotes_by"])
    assert all(q["speaker_id"] == actor["id"] for q in data["quotes_by"])
    assert "Helen Brannigan" in {c["actor"]["name"] for c in data["co_quoted"]}
    assert any(t["kind"] == "speaks_about" for t in data["ties"])


def test_actor_detail_lists_quotes_about_and_relations(client):
    irgc = client.get("/actors", params={"name": "IRGC"}).json()["items"][0]
    data = client.get(f"/actors/{irgc['id']}").json()
    assert data["quotes_about_total"] >= 1 and all(q["speaker_id"] != irgc["id"] for q in data["quotes_about"])
    assert data["relations_total"] >= 1
    assert all(irgc["id"] in (r["subject_id"], r["object_id"], r["claimant_id"]) for r in data["relations"])
    assert client.get("/actors/999999").status_code == 404


def test_relations_by_predicate_and_actor(client):
    page = client.get("/relations").json()
    assert page["total"] >= 3
    assert all(r["text"] and r["predicate"] for r in page["items"])
    funds = client.get("/relations", params={"predicate": "funds"}).json()["items"]
    assert funds and {r["predicate"] for r in funds} == {"funds"}
    subject = funds[0]["subject_id"]
    assert funds[0]["id"] in ids(client.get("/relations", params={"actor_id": subject}).json())


def test_graph_around_an_actor_and_overall(client):
    actor = whitaker(client)["actor"]
    graph = client.get("/graph", params={"actor_id": actor["id"], "co_quoted": "true", "unnamed": "true"}).json()
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes[actor["id"]]["focus"] and len(nodes) > 3
    assert all(e["source"] in nodes and e["target"] in nodes for e in graph["edges"])
    assert all(actor["id"] in (e["source"], e["target"]) or "co_quoted" not in e["kinds"] for e in graph["edges"])
    whole = client.get("/graph").json()
    assert len(whole["nodes"]) > 10 and whole["edges"]
    assert len(client.get("/graph", params={"max_nodes": 5}).json()["nodes"]) == 5
    assert client.get("/graph", params={"actor_id": 999999}).status_code == 404


# -- docs and the page ------------------------------------------------------------------------------
def test_openapi_documents_every_endpoint_of_the_issue(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/articles", "/articles/{article_id}", "/quotes", "/actors", "/actors/{actor_id}",
                 "/relations", "/graph", "/claims"):
        assert "get" in paths[path], path
    assert "post" in paths["/extract"] and "post" in paths["/articles"]
    assert {"413", "422"} <= set(paths["/extract"]["post"]["responses"])
    assert "Analysis_quote" in spec["components"]["schemas"]
    parameters = {p["name"] for p in paths["/quotes"]["get"]["parameters"]}
    assert {"search", "speaker", "about", "kind", "type", "certainty", "polarity", "stance", "outlet", "since",
            "until", "attributed", "offset", "limit", "facets"} <= parameters


def test_docs_work_offline_from_packaged_assets(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "SwaggerUIBundle" in page.text
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and not [a for a in assets if "://" in a]  # no CDN
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert client.get("/docs/oauth2-redirect").status_code == 200


def test_web_page_and_vendored_libraries_with_licences(client):
    page = client.get("/")
    assert page.status_code == 200 and "<main" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert "/static/vendor/cytoscape/cytoscape.min.js" in assets
    for asset in assets + ["/static/vendor/cytoscape/LICENSE", "/static/vendor/swagger-ui/LICENSE",
                           "/static/vendor/README.md"]:
        assert client.get(asset).status_code == 200, asset
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="https?:', page.text)  # nothing from a CDN
