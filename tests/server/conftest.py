"""A store filled from data/samples through the ingest library (with outlets and dates, so
the facets have something to count), and test clients of the web app over it."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'sayso[web]'")

from fastapi.testclient import TestClient  # noqa: E402

from sayso.server import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "samples"
# Each sample as a news site would publish it: outlet, date and URL are made up (the articles are fictional).
PUBLISHED = {
    "city-budget.txt": ("Millbrook Gazette", "2024-03-04"),
    "militia-funding.txt": ("Levant Ledger", "2024-05-02"),
    "election-night.txt": ("National Courier", "2024-06-10T21:30:00"),
}


def write_samples_jsonl(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for name, (outlet, published) in PUBLISHED.items():
            text = (SAMPLES / name).read_text("utf-8")
            out.write(json.dumps({"id": name, "text": text, "title": text.split("\n", 1)[0], "outlet": outlet,
                                  "published": published, "url": f"https://news.example/{name[:-4]}"}) + "\n")
    return path


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """A sayso database of the three sample articles, built once per session with sayso.batch.ingest."""
    from sayso.batch import ingest
    from sayso.store import Store

    folder = tmp_path_factory.mktemp("served")
    db = folder / "news.db"
    with Store(db) as store:
        summary = ingest([str(write_samples_jsonl(folder / "samples.jsonl"))], store, engine="rules")
    assert summary.stored == 3 and summary.ok, summary.format()
    return db


def make_app(db: Path, **options):
    """The app as sayso serve makes it, but with the engine on a thread (no worker process to
    start per app; test_write checks the process worker once), answering the test client's
    host name (testserver) and no token unless given."""
    return create_app(db, **{"warm_up": False, "nlp_in_process": False, "allowed_hosts": ["testserver"],
                             "api_token": "", "base_url": "", **options})


@pytest.fixture(scope="session")
def client(sample_db):
    """A read-only app over the sample database (session-wide: nothing can change it)."""
    with TestClient(make_app(sample_db)) as test_client:
        yield test_client


@pytest.fixture
def writable_db(sample_db, tmp_path) -> Path:
    """A private copy of the sample database, for tests that ingest."""
    copy = tmp_path / "copy.db"
    shutil.copy(sample_db, copy)
    return copy
