"""The layers of the store: SQL runs only inside sayso.store, and the store stands without ingest."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import sayso

SRC = Path(sayso.__file__).parent
SQL_CALLS = {"execute", "executemany", "executescript", "iterdump"}


def _sql_calls(path: Path, root: Path = SRC) -> list[str]:
    """``file:line`` of every call of a database connection's methods, or use of ``.conn``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and (node.attr == "conn" or (
                node.attr in SQL_CALLS and isinstance(node.ctx, ast.Load))):
            found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_sql_outside_the_store():
    outside = [hit for path in sorted(SRC.rglob("*.py")) if "store" not in path.relative_to(SRC).parts[:1]
               for hit in _sql_calls(path)]
    assert outside == []


def test_the_finder_sees_sql(tmp_path):
    (tmp_path / "x.py").write_text("def f(store, db):\n    db.executemany('DELETE FROM t', [])\n"
                                   "    return store.conn.execute('SELECT 1')\n")
    assert _sql_calls(tmp_path / "x.py", tmp_path) == ["x.py:2", "x.py:3", "x.py:3"]


def test_the_store_imports_nothing_of_ingest():
    code = ("import sys, sayso.store, sayso.store.queries, sayso.store.tables, sayso.store.vectors; "
            "print(sorted(m for m in sys.modules if m.startswith('sayso.ingest')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
