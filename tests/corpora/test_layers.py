"""The trained models sit below the evaluation that scores them: no module of ``sayso.model``
(nor of ``sayso.corpora``, which both use) imports ``sayso.eval``."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sayso
import sayso.corpora.brat
import sayso.eval.brat

PACKAGE = Path(sayso.__file__).parent


def _imports(path: Path) -> set[str]:
    """Absolute names of the modules one file imports (relative imports resolved)."""
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            found.add(".".join([*base, *(node.module.split(".") if node.module else [])]))
    return found


@pytest.mark.parametrize("layer", ["model", "corpora"])
def test_no_import_of_the_evaluation(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files
    upward = {f"{p.relative_to(PACKAGE)}: {name}" for p in files for name in _imports(p)
              if name == "sayso.eval" or name.startswith("sayso.eval.")}
    assert not upward


def test_the_evaluation_keeps_its_brat_names() -> None:
    assert sayso.eval.brat.read_split is sayso.corpora.brat.read_split
    assert sayso.eval.brat.GoldArticle is sayso.corpora.brat.GoldArticle
