"""POST /extract (analyse, never store), its 413/422 errors, and that nothing else writes:
no POST/PUT/PATCH/DELETE changes the database unless the server runs with --allow-ingest."""
from __future__ import annotations

import hashlib
import json

import jsonschema
import pytest
from fastapi.testclient import TestClient

import sayso
from sayso.schema import analysis_schema
from sayso.server import create_app
from sayso.store import Store
from tests.server.conftest import make_app

TEXT = ("“We will not back down,” Sheikh Ghaith Al-Tamimi, a senior cleric, told The Jerusalem Post. "
        "According to Levant Today, the IRGC might fund his charity.")
HTML = ("<html><head><title>Cleric defiant</title></head><body><nav>Home | News</nav><article>"
        f"<h1>Cleric defiant</h1><p>{TEXT}</p><p>Officials said the money had been traced to Basra.</p>"
        "</article><footer>© Levant Ledger</footer></body></html>")


def fingerprint(db) -> tuple[str, dict[str, int]]:
    with Store(db, create=False) as store:
        counts = store.counts()
        dump = "\n".join(store.conn.iterdump())
    return hashlib.sha256(dump.encode()).hexdigest(), counts


# -- /extract -----------------------------------------------------------------------------------
def test_extract_text_returns_the_contract(client, sample_db):
    before = fingerprint(sample_db)
    response = client.post("/extract", json={"text": TEXT})
    assert response.status_code == 200, response.text
    analysis = response.json()
    jsonschema.validate(analysis, analysis_schema())
    quote = next(q for q in analysis["quotes"] if q["text"] == "We will not back down")
    speaker = next(a for a in analysis["actors"] if a["id"] == quote["speaker"])
    assert speaker["name"] == "Ghaith Al-Tamimi" and quote["cue"] == "told"
    for q in analysis["quotes"]:
        assert analysis["text"][q["start"]:q["end"]] == q["text"]
    hedged = [q for q in analysis["quotes"] if q["certainty"] == "hedged"]
    assert hedged and hedged[0]["hedges"][0]["text"] == "might"
    assert fingerprint(sample_db) == before  # nothing stored


def test_extract_is_the_same_as_the_library(client):
    import sayso

    assert client.post("/extract", json={"text": TEXT}).json() == sayso.extract(TEXT).to_dict()


def test_extract_and_ingest_in_the_worker_process(writable_db):
    """As sayso serve runs it: the engine in its own process, warmed up at startup."""
    import sayso

    with TestClient(create_app(writable_db, allow_ingest=True, allowed_hosts=["testserver"])) as app:
        assert app.post("/extract", json={"text": TEXT}).json() == sayso.extract(TEXT).to_dict()
        assert app.post("/extract", json={"html": HTML}).status_code == 200
        assert app.post("/articles", json={"text": TEXT}).status_code == 201
        state = app.app.state.sayso
        assert type(state._nlp).__name__ == "ProcessPoolExecutor"
    assert state._nlp is None  # stopped with the app


def test_extract_html_finds_the_article_text(client):
    pytest.importorskip("trafilatura")
    analysis = client.post("/extract", json={"html": HTML}).json()
    assert "Home | News" not in analysis["text"] and "We will not back down" in analysis["text"]
    assert any(q["text"] == "We will not back down" for q in analysis["quotes"])


@pytest.mark.parametrize("body, message", [
    ({}, "give exactly one of text or html"),
    ({"text": TEXT, "html": HTML}, "give exactly one of text or html"),
    ({"text": 42}, "text"),
    ({"txt": TEXT}, "txt"),
    ({"text": None}, "give exactly one of text or html"),
])
def test_extract_invalid_bodies_are_422_with_a_clear_message(client, body, message):
    response = client.post("/extract", json=body)
    assert response.status_code == 422
    problem = response.json()
    assert message in problem["message"]
    assert all({"loc", "msg", "type"} == set(p) for p in problem["detail"])


def test_extract_not_json_is_422(client):
    response = client.post("/extract", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and response.json()["message"]
    response = client.post("/extract", content=TEXT.encode(), headers={"Content-Type": "text/plain"})
    assert response.status_code == 422


def test_extract_errors_do_not_echo_the_text(client):
    secret = "confidential draft " * 20
    response = client.post("/extract", json={"text": secret, "html": secret})
    assert response.status_code == 422 and "confidential" not in response.text


def test_extract_empty_and_binary_like_text(client):
    assert client.post("/extract", json={"text": ""}).json()["quotes"] == []
    assert client.post("/extract", json={"text": "\x00\x01\x02 plain"}).status_code == 200


def test_body_over_the_limit_is_413(sample_db):
    with TestClient(make_app(sample_db, max_bytes=2_000)) as small:
        response = small.post("/extract", json={"text": "word " * 1_000})
        assert response.status_code == 413
        assert "SAYSO_SERVE_MAX_BYTES" in response.json()["detail"]

        def chunks():  # no Content-Length: the limit still holds while reading
            for _ in range(10):
                yield b'{"text": "' + b"x" * 500

        response = small.post("/extract", content=chunks(), headers={"Content-Type": "application/json"})
        assert response.status_code == 413
        assert small.post("/extract", json={"text": TEXT}).status_code == 200


def test_text_over_max_chars_is_413(sample_db, monkeypatch):
    monkeypatch.setenv("SAYSO_MAX_CHARS", "50")  # read once, when the app is created
    with TestClient(make_app(sample_db)) as small:
        response = small.post("/extract", json={"text": TEXT})
    assert response.status_code == 413 and "SAYSO_MAX_CHARS" in response.json()["detail"]


def test_the_apps_options_choose_the_engine_and_limit(sample_db):
    from sayso.options import Options

    with TestClient(make_app(sample_db, options=Options(engine="rules", max_chars=50))) as small:
        assert small.post("/extract", json={"text": TEXT}).status_code == 413
    with TestClient(make_app(sample_db, options=Options(engine="rules"))) as rules:
        found = rules.post("/extract", json={"text": TEXT}).json()
    assert found == sayso.extract(TEXT, engine="rules").to_dict()


def test_setting_caps_the_body(sample_db, monkeypatch):
    monkeypatch.setenv("SAYSO_SERVE_MAX_BYTES", "100")
    with TestClient(make_app(sample_db)) as small:
        assert small.post("/extract", json={"text": TEXT}).status_code == 413


# -- read-only by default ---------------------------------------------------------------------------
def test_no_method_changes_data_without_allow_ingest(client, sample_db):
    before = fingerprint(sample_db)
    paths = sorted({getattr(r, "path", "") for r in client.app.routes} - {""})
    concrete = [p.replace("{article_id}", "1").replace("{actor_id}", "1").replace("{path:path}", "app.js")
                for p in paths]
    body = {"text": TEXT, "url": "https://news.example/x"}
    for path in concrete + ["/articles/1", "/quotes/1", "/actors/1", "/anything"]:
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            response = client.request(method, path, json=body)
            if (method, path) == ("POST", "/extract"):
                assert response.status_code == 422  # extra field url: refused, and never stored anyway
                continue
            assert response.status_code in (403, 404, 405), (method, path, response.status_code)
    assert fingerprint(sample_db) == before


def test_ingest_is_refused_without_the_flag(client):
    response = client.post("/articles", json={"text": TEXT})
    assert response.status_code == 403
    assert "--allow-ingest" in response.json()["detail"]


def test_read_connections_cannot_write(client):
    import sqlite3

    store = client.app.state.sayso.store()
    with pytest.raises(sqlite3.OperationalError, match="readonly|query_only|attempt to write"):
        store.conn.execute("DELETE FROM quotes")


def test_serving_a_missing_database_is_a_clear_error(tmp_path):
    from sayso.errors import StoreError

    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "none.db")
    create_app(tmp_path / "new.db", allow_ingest=True)  # ingest may start from nothing
    assert (tmp_path / "new.db").exists()


# -- ingest over HTTP with --allow-ingest ------------------------------------------------------------
def test_ingest_text_then_duplicate(writable_db):
    with TestClient(make_app(writable_db, allow_ingest=True)) as app:
        before = app.get("/articles").json()["total"]
        response = app.post("/articles", json={"text": TEXT, "title": "Cleric defiant", "outlet": "Levant Ledger",
                                               "published": "2024-07-01", "url": "https://ledger.example/a?utm_source=x"})
        assert response.status_code == 201, response.text
        stored = response.json()
        assert stored["stored"] and stored["article"]["title"] == "Cleric defiant"
        assert stored["article"]["url"] == "https://ledger.example/a"
        detail = app.get(f"/articles/{stored['id']}").json()
        assert any(q["text"] == "We will not back down" for q in detail["analysis"]["quotes"])
        assert app.get("/articles").json()["total"] == before + 1
        assert app.get("/quotes", params={"since": "2024-07-01"}).json()["total"] >= 1
        again = app.post("/articles", json={"text": TEXT})
        assert again.status_code == 200 and again.json() == {**stored, "stored": False}
        assert app.get("/articles").json()["total"] == before + 1


def test_ingest_html_and_bad_input(writable_db):
    pytest.importorskip("trafilatura")
    with TestClient(make_app(writable_db, allow_ingest=True)) as app:
        response = app.post("/articles", json={"html": HTML, "url": "https://ledger.example/html"})
        assert response.status_code == 201 and response.json()["article"]["title"] == "Cleric defiant"
        assert app.post("/articles", json={"html": "<html><body><script>x()</script></body></html>"}).status_code == 422
        assert app.post("/articles", json={}).status_code == 422
        assert app.post("/articles", json={"text": "   "}).status_code == 422


def test_ingest_fetches_a_public_url_through_the_guard(writable_db):
    """The server fetches a URL only through the public-address guard (resolver and network are
    test doubles here: nothing leaves the machine)."""
    import httpx

    from sayso.server.ssrf import guarded_fetcher

    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers["host"]))
        return httpx.Response(200, text=HTML, headers={"Content-Type": "text/html; charset=utf-8"})

    def resolve(host, port, *args):
        assert host == "ledger.example"
        return [(2, 1, 6, "", ("93.184.215.14", port))]

    factory = lambda: guarded_fetcher(resolve=resolve, inner=httpx.MockTransport(handler), delay=0)  # noqa: E731
    with TestClient(make_app(writable_db, allow_ingest=True, fetcher_factory=factory)) as app:
        response = app.post("/articles", json={"url": "https://ledger.example/story", "outlet": "Levant Ledger"})
        assert response.status_code == 201, response.text
        article = response.json()["article"]
        assert article["url"] == "https://ledger.example/story" and article["outlet"] == "Levant Ledger"
    assert seen == [("https://93.184.215.14/story", "ledger.example")]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:{port}/article",
    "http://localhost:{port}/article",
    "http://[::1]:{port}/article",
    "http://10.1.2.3/article",
    "http://169.254.169.254/latest/meta-data/",
    "http://192.168.0.10/",
    "http://0.0.0.0:{port}/",
    "http://[::ffff:127.0.0.1]:{port}/",
])
def test_ingest_refuses_private_loopback_and_link_local_urls(writable_db, url):
    """SSRF: the real guard, the real resolver; a local server proves no request was made."""
    from tests.support import LocalServer, Route

    local = LocalServer({"/article": Route(b"<html><body><p>secret</p></body></html>")}).start()
    try:
        target = url.format(port=local.httpd.server_address[1])
        before = fingerprint(writable_db)
        with TestClient(make_app(writable_db, allow_ingest=True)) as app:
            response = app.post("/articles", json={"url": target})
        assert response.status_code == 403, response.text
        assert "refusing to fetch" in response.json()["detail"]
        assert local.requests == []
        assert fingerprint(writable_db)[1] == before[1]
    finally:
        local.stop()


def test_extract_does_not_fetch_urls(client):
    assert client.post("/extract", json={"url": "http://127.0.0.1/"}).status_code == 422


def test_problem_bodies_are_json(client):
    for response in (client.get("/articles/0"), client.post("/extract", json={}),
                     client.get("/quotes", params={"kind": "x"})):
        assert response.headers["content-type"].startswith("application/json")
        json.loads(response.text)
