"""kill -9 in the middle of an ingest loses nothing committed, corrupts nothing, and a re-run
carries on: every article ends up stored exactly once."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from sayso.store import Store

ARTICLES = 240
NAMES = ["Maria Lopez", "Karl Stein", "Elena Ruiz", "Tomas Whitaker", "Priya Castellano", "Marcus Bell"]


def _stored(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def _ingest(folder, db) -> subprocess.Popen:
    env = {**os.environ, "SAYSO_COMMIT_EVERY": "8"}
    return subprocess.Popen([sys.executable, "-m", "sayso", "ingest", str(folder), "--db", str(db),
                             "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def test_kill_9_mid_ingest_then_rerun(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    for number in range(ARTICLES):
        speaker = NAMES[number % len(NAMES)]
        (folder / f"{number:04d}.txt").write_text(
            f"Council report {number}\n\n“The plan number {number} will work,” {speaker} said on Monday. "
            f"The ministry said that the budget for district {number} was balanced, and critics said "
            f"it was not.", encoding="utf-8")
    db = tmp_path / "sayso.db"

    process = _ingest(folder, db)
    deadline = time.monotonic() + 120
    while _stored(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "ingest finished before it could be killed: " + process.stderr.read().decode()
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    with Store(db) as store:  # opens (recovering the WAL) and checks
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        before = store.counts()["articles"]
        # whole batches only: every stored article has its quotes (the batch commits together)
        assert 0 < before < ARTICLES
        assert store.conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id)"
        ).fetchone()[0] == 0

    rerun = _ingest(folder, db)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert f"skipped as duplicate {before:,}" in out.decode()
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.counts()["articles"] == ARTICLES
        assert store.conn.execute("SELECT count(DISTINCT source_key) FROM articles").fetchone()[0] == ARTICLES
        runs = store.conn.execute("SELECT finished_at IS NULL, stored FROM runs ORDER BY id").fetchall()
        # the killed run never finished, and its row counts what it committed before the kill
        assert [tuple(r) for r in runs] == [(1, before), (0, ARTICLES - before)]
