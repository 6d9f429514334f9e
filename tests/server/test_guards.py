"""What guards the server from hostile pages and clients: the Host allow-list (DNS rebinding),
links built from the configuration, the API token of the write route, HEAD, bounded
parameters and JSON for every error, LIKE filters taken literally, and only http(s) URLs."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from sayso.cli import main
from sayso.errors import ConfigError
from sayso.store import Store
from tests.server.conftest import make_app

TEXT = ("“We will not back down,” Sheikh Ghaith Al-Tamimi, a senior cleric, told The Jerusalem Post. "
        "According to Levant Today, the IRGC might fund his charity.")
STATIC = Path(__file__).resolve().parents[2] / "src" / "sayso" / "server" / "static"


def is_json_problem(response) -> bool:
    return (response.headers["content-type"].startswith("application/json")
            and "detail" in json.loads(response.text))


def article_count(db: Path) -> int:
    with Store(db, create=False) as store:
        return store.counts()["articles"]


# -- Host allow-list and links ------------------------------------------------------------------
@pytest.mark.parametrize("host, allowed", [
    ("localhost:8000", True), ("LOCALHOST", True), ("127.0.0.1:8000", True), ("[::1]:8000", True),
    ("10.1.2.3", True),  # an address: a page can only send one as its own origin
    ("news.example.org", True), ("a.b.example.com:443", True),  # --allowed-host news.example.org *.example.com
    ("evil.example", False), ("localhost.evil.example", False), ("example.com.evil.example", False),
    ("news.example.org.evil.example", False),
])
def test_only_known_host_names_are_answered(sample_db, host, allowed):
    app = make_app(sample_db, allowed_hosts=["news.example.org", "*.example.com"])
    with TestClient(app) as client:
        response = client.get("/articles", headers={"Host": host})
    assert response.status_code == (200 if allowed else 400)
    assert is_json_problem(response) or allowed
    if not allowed:
        assert "--allowed-host" in response.json()["detail"]


def test_a_rebound_page_cannot_write(writable_db):
    """A page on evil.example that resolves to 127.0.0.1 posts an article: refused, nothing stored."""
    before = article_count(writable_db)
    with TestClient(make_app(writable_db, allow_ingest=True)) as client:
        response = client.post("/articles", json={"text": TEXT}, headers={"Host": "evil.example"})
    assert response.status_code == 400 and is_json_problem(response)
    assert article_count(writable_db) == before


def test_the_listening_name_is_answered(sample_db):
    with TestClient(make_app(sample_db, host="sayso.lan", allowed_hosts=[])) as client:
        assert client.get("/articles", headers={"Host": "sayso.lan:8000"}).status_code == 200
        assert client.get("/articles", headers={"Host": "testserver"}).status_code == 400


def test_next_links_do_not_echo_the_host_header(sample_db):
    with TestClient(make_app(sample_db, allowed_hosts=["*"])) as client:
        page = client.get("/articles", params={"limit": 1}, headers={"Host": "attacker.example"}).json()
        assert page["next"] == "/articles?limit=1&offset=1"
        assert client.get(page["next"]).json()["offset"] == 1
    with TestClient(make_app(sample_db, allowed_hosts=["*"], base_url="https://news.example.org/sayso/")) as client:
        page = client.get("/quotes", params={"limit": 2}, headers={"Host": "attacker.example"}).json()
        assert page["next"] == "https://news.example.org/sayso/quotes?limit=2&offset=2"


# -- the API token ------------------------------------------------------------------------------
@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "sayso.lan"])
def test_ingest_off_loopback_needs_a_token(sample_db, host):
    with pytest.raises(ConfigError, match="SAYSO_API_TOKEN"):
        make_app(sample_db, allow_ingest=True, host=host)
    make_app(sample_db, allow_ingest=True, host=host, api_token="s3cret-token")
    make_app(sample_db, host=host)  # read-only: nothing to protect


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_ingest_on_loopback_needs_no_token(sample_db, host):
    make_app(sample_db, allow_ingest=True, host=host)


def test_serve_refuses_to_start_ingest_off_loopback_without_a_token(sample_db, monkeypatch):
    monkeypatch.delenv("SAYSO_API_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", str(sample_db), "--host", "0.0.0.0", "--allow-ingest"])
    assert result.exit_code == 3 and "SAYSO_API_TOKEN" in result.output
    assert "Traceback" not in result.output


def test_settings_never_print_the_token(monkeypatch):
    monkeypatch.setenv("SAYSO_API_TOKEN", "s3cret-token")
    output = CliRunner().invoke(main, ["settings"]).output
    assert "SAYSO_API_TOKEN" in output and "s3cret-token" not in output


def test_with_a_token_only_its_bearer_writes(writable_db):
    before = article_count(writable_db)
    with TestClient(make_app(writable_db, allow_ingest=True, api_token="s3cret-token")) as client:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret-token"},
                        {"Authorization": "Basic s3cret-token"}):
            response = client.post("/articles", json={"text": TEXT}, headers=headers)
            assert response.status_code == 401 and is_json_problem(response), headers
            assert response.headers["www-authenticate"] == "Bearer"
        assert article_count(writable_db) == before
        assert client.get("/articles").status_code == 200  # reads need no token
        assert client.post("/extract", json={"text": TEXT}).status_code == 200  # nor does /extract: it stores nothing
        response = client.post("/articles", json={"text": TEXT}, headers={"Authorization": "Bearer s3cret-token"})
        assert response.status_code == 201
    assert article_count(writable_db) == before + 1


# -- HEAD ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/articles", "/articles/1", "/quotes?limit=2", "/actors", "/graph",
                                  "/claims", "/docs", "/openapi.json", "/static/app.js", "/articles/999999"])
def test_head_answers_wherever_get_does(client, path):
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code != 405
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


# -- every error is JSON; every parameter is bounded ---------------------------------------------
BIG = str(2**63)


@pytest.mark.parametrize("path", [
    f"/articles/{BIG}", f"/actors/{BIG}", f"/articles/{2**70}",
    f"/quotes?offset={BIG}", f"/articles?offset={BIG}", f"/claims?offset={BIG}",
    f"/quotes?speaker_id={BIG}", f"/quotes?about_id={BIG}", f"/quotes?article={BIG}",
    f"/relations?actor_id={BIG}", f"/relations?article={BIG}", f"/graph?actor_id={BIG}",
    "/quotes?speaker=" + "a" * 50_000, "/quotes?about=" + "b" * 50_000, "/articles?outlet=" + "%" * 50_000,
    "/actors?name=" + "c" * 50_000, "/quotes?search=" + "tax " * 10_000,
])
def test_out_of_range_parameters_are_json_422(client, path):
    response = client.get(path)
    assert response.status_code == 422 and is_json_problem(response)
    assert response.json()["message"]


def test_every_query_parameter_is_bounded(client):
    """Strings have a maximum length and integers a maximum, so no value reaches SQLite unchecked."""
    unbounded = []
    for path, operations in client.get("/openapi.json").json()["paths"].items():
        for method, operation in operations.items():
            for param in operation.get("parameters", []):
                schemas = param["schema"].get("anyOf", [param["schema"]])
                for schema in schemas:
                    if (schema.get("type") == "string" and "enum" not in schema and "$ref" not in schema
                            and "maxLength" not in schema) or \
                            (schema.get("type") == "integer" and "maximum" not in schema):
                        unbounded.append(f"{method.upper()} {path} {param['name']}")
    assert not unbounded


def test_an_unparseable_fetch_host_is_json_422(writable_db):
    with TestClient(make_app(writable_db, allow_ingest=True)) as client:
        for url in ("http://0177.0.0.1/", "http://[::1/", "http://exa mple.org/"):
            response = client.post("/articles", json={"url": url})
            assert response.status_code == 422 and is_json_problem(response), url


def test_an_unexpected_error_is_json_500_without_a_traceback(sample_db, monkeypatch):
    from sayso.store import queries

    def broken(*args, **kwargs):
        raise RuntimeError("database file /srv/secret/news.db went away")

    monkeypatch.setattr(queries, "articles", broken)
    with TestClient(make_app(sample_db), raise_server_exceptions=False) as client:
        response = client.get("/articles")
    assert response.status_code == 500 and is_json_problem(response)
    assert "secret" not in response.text and "Traceback" not in response.text


# -- LIKE filters are literal ---------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/articles?outlet=%25", "/articles?outlet=_", "/quotes?outlet=%25",
                                  "/quotes?speaker=_", "/quotes?about=_", "/actors?name=_____", "/relations?outlet=_",
                                  "/quotes?speaker=M_yor"])
def test_like_wildcards_match_only_themselves(client, path):
    assert client.get(path).json()["total"] == 0


def test_outlet_filter_still_matches_substrings(client):
    assert client.get("/articles", params={"outlet": "evant led"}).json()["total"] == 1


# -- only http(s) article URLs ------------------------------------------------------------------
@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "JavaScript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
                                 "file:///etc/passwd", "//evil.example/x", "news.example.org/story"])
def test_ingest_refuses_urls_that_are_not_http(writable_db, url):
    before = article_count(writable_db)
    with TestClient(make_app(writable_db, allow_ingest=True)) as client:
        response = client.post("/articles", json={"text": TEXT, "url": url})
    assert response.status_code == 422 and "url" in response.json()["message"]
    assert article_count(writable_db) == before


def test_ingest_keeps_an_https_url(writable_db):
    with TestClient(make_app(writable_db, allow_ingest=True)) as client:
        response = client.post("/articles", json={"text": TEXT, "url": "https://news.example.org/cleric"})
    assert response.status_code == 201 and response.json()["article"]["url"] == "https://news.example.org/cleric"


NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="needs node to run the page's link check")
def test_the_page_links_only_http_urls():
    """The web page's check, run as the browser runs it (a URL stored by an older version, or
    by ingest from a file, may still be javascript:)."""
    cases = {"https://news.example.org/a?b=1": "https://news.example.org/a?b=1",
             " http://news.example.org/ ": "http://news.example.org/",
             "javascript:alert(1)": None, "JAVASCRIPT:alert(1)": None, " javascript:alert(1)": None,
             "java\tscript:alert(1)": None, "data:text/html,x": None, "vbscript:x": None,
             "/relative/path": None, "": None}
    script = (f"import {{ webUrl }} from {json.dumps((STATIC / 'links.js').as_uri())};\n"
              "const cases = " + json.dumps(list(cases)) + ";\n"
              "process.stdout.write(JSON.stringify(cases.map((c) => webUrl(c))));\n")
    out = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=30,
                         check=True).stdout
    assert json.loads(out) == list(cases.values())
    article_view = (STATIC / "views" / "articles.js").read_text("utf-8")
    assert 'import { webUrl } from "../links.js";' in article_view and "webUrl(a.url)" in article_view
