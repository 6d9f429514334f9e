"""The server's NLP worker warms up the spaCy pipeline the app analyses with (its options'
model), not sayso's default."""
from __future__ import annotations

import time

from sayso.options import Options

from .conftest import make_app


def test_warm_up_loads_the_model_of_the_apps_options(tmp_path, monkeypatch):
    loaded: list[str | None] = []
    monkeypatch.setattr("sayso.nlp.load_pipeline", lambda model=None: loaded.append(model))
    app = make_app(tmp_path / "empty.db", allow_ingest=True, options=Options(model="my_news_pipeline"))
    state = app.state.sayso
    assert state.model == "my_news_pipeline"
    state.warm_up()
    for _ in range(200):  # the worker thread runs it in the background
        if loaded:
            break
        time.sleep(0.01)
    state.close()
    assert loaded == ["my_news_pipeline"]
