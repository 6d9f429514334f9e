"""How much work one request may cost the server: texts over SAYSO_SERVE_MAX_CHARS are refused,
strings that are not text answer 400, and an extraction whose client has gone is dropped
without holding up the others."""
from __future__ import annotations

import asyncio
import json
import threading

import pytest
from fastapi.testclient import TestClient

from sayso.server import write
from tests.server.conftest import make_app

TEXT = ("“We will not back down,” Sheikh Ghaith Al-Tamimi, a senior cleric, told The Jerusalem Post. "
        "According to Levant Today, the IRGC might fund his charity.")


# -- the length of one request's text -------------------------------------------------------------
def test_a_text_over_the_serve_limit_is_413_json(sample_db):
    with TestClient(make_app(sample_db, max_chars=len(TEXT) - 1)) as client:
        response = client.post("/extract", json={"text": TEXT})
        assert response.status_code == 413 and "SAYSO_SERVE_MAX_CHARS" in response.json()["detail"]
        html = f"<html><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>"
        assert client.post("/extract", json={"html": html}).status_code == 413
    with TestClient(make_app(sample_db, max_chars=len(TEXT))) as client:
        assert client.post("/extract", json={"text": TEXT}).status_code == 200


def test_the_serve_limit_is_a_setting(sample_db, writable_db, monkeypatch):
    monkeypatch.setenv("SAYSO_SERVE_MAX_CHARS", "40")
    with TestClient(make_app(writable_db, allow_ingest=True)) as client:
        assert client.post("/extract", json={"text": TEXT}).status_code == 413
        assert client.post("/articles", json={"text": TEXT}).status_code == 413


# -- text that is not text --------------------------------------------------------------------------
@pytest.mark.parametrize("path, body", [
    ("/extract", '{"text": "\\ud800 said the mayor."}'),
    ("/extract", '{"text": "The mayor said \\udfff."}'),
    ("/extract", '{"html": "<p>\\ud83d</p>"}'),
    ("/articles", '{"text": "The mayor said so.", "title": "Budget \\ud800"}'),
])
def test_a_lone_surrogate_is_400_json(writable_db, path, body):
    with TestClient(make_app(writable_db, allow_ingest=True)) as client:
        response = client.post(path, content=body.encode(), headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert "surrogate" in response.json()["detail"]


def test_a_surrogate_pair_is_text(client):
    body = '{"text": "The mayor said \\ud83d\\ude00 twice."}'  # one emoji, escaped as JSON does
    response = client.post("/extract", content=body.encode(), headers={"Content-Type": "application/json"})
    assert response.status_code == 200 and "\U0001F600" in response.json()["text"]


# -- abandoned requests -------------------------------------------------------------------------------
async def post(app, path: str, body: dict, gone: asyncio.Event) -> int:
    """POST as a client that disconnects when ``gone`` is set; the response status."""
    data, sent, started = json.dumps(body).encode(), False, []

    async def receive() -> dict:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": data, "more_body": False}
        await gone.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            started.append(message["status"])

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
             "headers": [(b"host", b"localhost"), (b"content-type", b"application/json"),
                         (b"content-length", str(len(data)).encode())],
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000)}
    await app(scope, receive, send)
    return started[0]


def test_abandoned_extractions_do_not_hold_up_the_others(sample_db, monkeypatch):
    """While one extraction runs, a second client gives up waiting: it leaves the line at once and
    its text is never analysed. Then the first client gives up too: its run finishes in the worker,
    nobody waits for it, and the next request is served as soon as the worker is free."""
    ran, release = [], threading.Event()

    def analyse(text: str, options) -> dict:
        ran.append(text)
        release.wait(20)
        return {"text": text}

    monkeypatch.setattr(write, "analyse_text", analyse)
    app = make_app(sample_db)

    async def scenario() -> dict[str, int]:
        first_gone, second_gone, never = asyncio.Event(), asyncio.Event(), asyncio.Event()
        first = asyncio.create_task(post(app, "/extract", {"text": "first"}, first_gone))
        while not ran:
            await asyncio.sleep(0.01)
        second = asyncio.create_task(post(app, "/extract", {"text": "second"}, second_gone))
        await asyncio.sleep(0.3)
        assert not second.done()  # waiting for the worker
        second_gone.set()
        statuses = {"second": await asyncio.wait_for(second, 5)}
        first_gone.set()
        statuses["first"] = await asyncio.wait_for(first, 5)  # before its run ends
        assert not release.is_set()
        third = asyncio.create_task(post(app, "/extract", {"text": "third"}, never))
        await asyncio.sleep(0.3)
        assert ran == ["first"]  # the abandoned run still holds the one worker
        release.set()
        statuses["third"] = await asyncio.wait_for(third, 5)
        return statuses

    try:
        statuses = asyncio.run(scenario())
    finally:
        release.set()
        app.state.sayso.close()
    assert ran == ["first", "third"]  # "second" was never analysed
    assert statuses == {"second": 499, "first": 499, "third": 200}


def test_extract_offsets_index_the_text_as_posted(client):
    text = "Intro line.\r\n\r\n\u201cWe  will win,\u201d  said  Ann Lee.\r\n"
    response = client.post("/extract", json={"text": text})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["text"] == text
    assert data["quotes"], data
    for quote in data["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
