"""A full disk stops a run with a clear message, and the run's row counts only what was
committed. The disk is made "full" without filling one: SQLite's ``max_page_count`` gives
SQLITE_FULL, and a file size limit (RLIMIT_FSIZE) gives the "disk I/O error" a real full disk
gives in WAL mode."""
from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys

import pytest

from sayso.batch import ingest
from sayso.errors import StoreWriteError
from sayso.store import Store

NAMES = ["Maria Lopez", "Karl Stein", "Elena Ruiz", "Tomas Whitaker"]


def _articles(path, count: int = 40):
    """JSONL of short articles padded to ~3 KB, so that a few batches fill a few pages."""
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            text = (f"Council report {number}. “Plan {number} will work,” {NAMES[number % 4]} said. "
                    + f"District {number} budget line. " * 100)
            handle.write(json.dumps({"text": text}) + "\n")
    return path


def _stored(db) -> tuple[int, list[tuple]]:
    with sqlite3.connect(db) as conn:
        return (conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                [tuple(r) for r in conn.execute("SELECT read, stored, failed FROM runs ORDER BY id")])


def test_sqlite_full_stops_the_run_and_the_run_row_counts_what_was_committed(tmp_path, nlp):
    source = _articles(tmp_path / "wire.jsonl")
    db = tmp_path / "sayso.db"
    store = Store(db)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 12}")  # room for a couple of batches
    with pytest.raises(StoreWriteError, match=r"the disk is full \(database or disk is full\); free some space"):
        ingest([str(source)], store, commit_every=2, engine="rules")
    store.close()
    articles, runs = _stored(db)
    assert 0 < articles < 40
    assert runs[0][1] == articles  # not the count of what was analysed before COMMIT failed


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs RLIMIT_FSIZE")
def test_cli_on_a_full_disk_says_so_in_one_line(tmp_path):
    source = _articles(tmp_path / "wire.jsonl")
    db = tmp_path / "sayso.db"
    Store(db).close()
    limit = os.path.getsize(db) + 200_000  # the WAL file reaches it after a few batches

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run([sys.executable, "-m", "sayso", "ingest", str(source), "--db", str(db),
                             "--no-progress", "--commit-every", "4"], capture_output=True, timeout=300,
                            env=os.environ, preexec_fn=small_disk)
    err = result.stderr.decode()
    assert result.returncode == 4, err
    assert "Traceback" not in err
    assert err.startswith(f"sayso: error: {db}: cannot write to the disk (disk I/O error): it may be full")
    assert len(err.strip().splitlines()) == 1
    articles, runs = _stored(db)
    assert 0 < articles < 40 and f"had stored {articles:,} articles when it stopped" in err
    assert runs[0][1] == articles
