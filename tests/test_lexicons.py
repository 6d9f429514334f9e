"""Word sets are data: the extractors name lexicon files, which exist, load once and parse."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import sayso
from sayso.extractors import lexicons
from sayso.extractors.relation_patterns import role_nouns

EXTRACTORS = Path(sayso.__file__).parent / "extractors"
#: The modules whose word sets live in lexicon files.
DATA_FREE = [EXTRACTORS / "relations.py", EXTRACTORS / "relation_patterns.py", EXTRACTORS / "certainty.py",
             *sorted((EXTRACTORS / "french").glob("*.py"))]
#: Module-level literals that are grammar, not vocabulary: parse labels (dependency, entity) and
#: the actor types or certainty ranks a closed set of values maps to.
STRUCTURE = {"_SCOPE", "_NER", "_POSSESSIVES", "_RANK"}
_LOADED = re.compile(r"""lexicons\.(load|table|phrases_of)\("(\w+)"(, LANG)?|_words\("(\w+)"\)""")


def _referenced() -> set[tuple[str, str, str]]:
    """(reader, name, language) of every lexicon the extractors name literally."""
    found = set()
    for path in EXTRACTORS.rglob("*.py"):
        for reader, name, lang, french_word in _LOADED.findall(path.read_text("utf-8")):
            if french_word:
                found.add(("load", french_word, "fr"))
            else:
                found.add(("table" if reader == "table" else "load", name, "fr" if lang else "en"))
    return found


@pytest.mark.parametrize(("reader", "name", "lang"), sorted(_referenced()))
def test_every_named_lexicon_exists_and_has_entries(reader: str, name: str, lang: str) -> None:
    assert getattr(lexicons, reader)(name, lang)


def _word_set_literals(path: Path) -> list[str]:
    """Module-level names bound to a set, frozenset or dict literal of three or more words."""
    found = []
    for node in ast.parse(path.read_text("utf-8")).body:
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if any(isinstance(t, ast.Name) and t.id in STRUCTURE for t in targets):
            continue
        value = node.value
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "frozenset" and value.args:
            value = value.args[0]
        items = value.keys if isinstance(value, ast.Dict) else value.elts if isinstance(value, ast.Set) else []
        words = [k for k in items if isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.isalpha()]
        if len(words) >= 3:
            found.append(ast.unparse(node)[:60])
    return found


@pytest.mark.parametrize("path", DATA_FREE, ids=lambda p: str(p.relative_to(EXTRACTORS)))
def test_no_inline_word_sets(path: Path) -> None:
    assert _word_set_literals(path) == []


def test_tables_map_keys_to_values_and_load_once() -> None:
    nouns = lexicons.table("relation_nouns")
    assert nouns["member"] == "member_of" and nouns["ceo"] == "leads"
    assert lexicons.table("relation_nouns") is nouns
    assert {"president", "chairwoman", "executive"} <= role_nouns() and "member" not in role_nouns()
    assert lexicons.table("claiming_verbs")["deny"] == "negative"


def test_french_lexicons_keep_their_apostrophes_and_hyphens() -> None:
    assert {"qu'", "qu’"} <= lexicons.load("que", "fr")
    assert {"-t", "-t-", "s'"} <= lexicons.load("clitics", "fr")
    assert "aujourd'hui" in lexicons.load("time_words", "fr")
