"""A database we may not write (a read-only file, or a folder we may not create the WAL files
in) is read as it is by the query commands and ``serve``; the writing commands say why not."""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import replace

import pytest

from sayso.errors import StoreError, StoreWriteError
from sayso.store import QuoteFilter, Store, queries
from sayso.types import Analysis

from .conftest import articles


def _filled(path) -> None:
    with Store(path) as store:
        for record, analysis in articles():
            store.add(record, analysis)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_readonly_store_reads_and_refuses_every_write(tmp_path):
    db = tmp_path / "sayso.db"
    _filled(db)
    before = _digest(db)
    with Store(db, readonly=True) as store:
        assert store.readonly and len(list(queries.quotes(store, QuoteFilter()))) == 6
        record, _ = articles()[0]
        with pytest.raises(StoreWriteError, match="opened read-only, cannot write"):
            store.add(replace(record, url="https://elsewhere.example/new"), Analysis(text="A new text."))
        with pytest.raises(StoreWriteError):
            store.start_run(["x"])
        with pytest.raises(sqlite3.OperationalError, match="readonly"):  # SQLite itself refuses: mode=ro
            store.conn.execute("DELETE FROM runs")
    assert _digest(db) == before


def test_a_readonly_store_needs_an_existing_database(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def _readonly_runner():
    """A prefix that runs a command unable to write a folder it does not own: ``unshare -U``
    for root (its capabilities do not reach files outside the new user namespace), nothing for
    any other user (the folder's mode suffices)."""
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("running as root, where a read-only folder is still writable, and unshare is missing")
    if subprocess.run([unshare, "-U", "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root, where a read-only folder is still writable, and unshare -U is refused")
    return [unshare, "-U"]


@pytest.fixture
def readonly_db(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "sayso.db"
    _filled(db)
    folder.chmod(0o555)
    yield db
    folder.chmod(0o755)


def _run(prefix, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, *args], capture_output=True, timeout=300, env=os.environ)


def test_query_commands_and_serve_work_in_a_folder_we_may_not_write(readonly_db, tmp_path):
    prefix = _readonly_runner()
    probe = _run(prefix, "-c", f"open({str(readonly_db.parent / 'x')!r}, 'w')")
    assert probe.returncode != 0, "the folder is writable: the test would prove nothing"
    before = _digest(readonly_db)
    for command in (["show", "1"], ["export", "--format", "csv"]):  # all open the store as quotes does
        result = _run(prefix, "-m", "sayso", *command, "--db", str(readonly_db))
        assert result.returncode == 0, (command, result.stderr.decode())
    result = _run(prefix, "-m", "sayso", "quotes", "--speaker", "Brannigan", "--format", "jsonl", "--db", str(readonly_db))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().count("\n") == 3

    serve = _run(prefix, "-c", f"""
from fastapi.testclient import TestClient
from sayso.server import create_app
with TestClient(create_app({str(readonly_db)!r}, warm_up=False, nlp_in_process=False, allowed_hosts=["testserver"])) as client:
    answer = client.get("/quotes")
    assert answer.status_code == 200, answer.text
    print(len(answer.json()["items"]))
""")
    assert serve.returncode == 0, serve.stderr.decode()
    assert serve.stdout.decode().strip() == "6"
    assert _digest(readonly_db) == before


def test_writing_commands_say_the_database_is_read_only(readonly_db, tmp_path):
    prefix = _readonly_runner()
    text = tmp_path / "new.txt"
    text.write_text("“The bridge will open in May,” said Maria Lopez.", encoding="utf-8")
    for command in (["ingest", str(text), "--no-progress"], ["reanalyse", "--engine", "rules", "--no-progress"]):
        result = _run(prefix, "-m", "sayso", *command, "--db", str(readonly_db))
        err = result.stderr.decode()
        assert result.returncode == 4, (command, err)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
        assert f"sayso: error: {readonly_db}: " in err and "read-only" in err
