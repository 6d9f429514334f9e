"""The web page is ES modules by view, loaded without a build step, and retypes no vocabulary."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sayso.types import VOCABULARIES

STATIC = Path(__file__).resolve().parents[2] / "src" / "sayso" / "server" / "static"
IMPORT = re.compile(r'^import \{[^}]*\} from "(\.{1,2}/[^"]+)";$', re.M)
MODULES = sorted(p for p in STATIC.rglob("*.js") if "vendor" not in p.parts)


def _imports(module: Path) -> set[Path]:
    return {(module.parent / target).resolve() for target in IMPORT.findall(module.read_text("utf-8"))}


def test_page_loads_one_module_that_reaches_every_other(client):
    page = client.get("/").text
    assert '<script type="module" src="/static/app.js"></script>' in page
    seen, todo = set(), [STATIC / "app.js"]
    while todo:
        module = todo.pop().resolve()
        if module not in seen:
            seen.add(module)
            todo += _imports(module)
    assert seen == {m.resolve() for m in MODULES}
    for module in MODULES:
        response = client.get("/static/" + module.relative_to(STATIC).as_posix())
        assert response.status_code == 200 and "javascript" in response.headers["content-type"]
        assert "script-src 'self'" in response.headers["content-security-policy"]


def test_no_module_is_a_god_module():
    assert max(len(m.read_text("utf-8").splitlines()) for m in MODULES) < 250


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_no_module_retypes_a_vocabulary(name):
    """Two values of a vocabulary side by side in a script are a copy of the schema: the page
    reads them from GET /vocabularies instead."""
    values = [member.value for member in VOCABULARIES[name]]
    pairs = [f'"{a}", "{b}"' for a, b in zip(values, values[1:])] + [f'{a}: "' for a in values if a.isupper()]
    for module in MODULES:
        text = module.read_text("utf-8")
        assert not [p for p in pairs if p in text], (module.name, name)
