"""The README's two set-up commands: a light core install that runs `sayso extract`, and the
dev extra (everything optional) for the tests; heavy packages stay behind extras."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
# Optional packages the core install must neither list nor import for `sayso extract`.
OPTIONAL = ("trafilatura", "fastapi", "uvicorn", "pyspark", "pyarrow", "networkx", "textacy",
            "playwright", "pytest", "jsonschema", "hypothesis", "lxml_html_clean")


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~\[;]", requirement, maxsplit=1)[0].lower().replace("-", "_")


def test_readme_opens_with_two_commands_the_first_a_core_install():
    block = README.split("```", 2)[1].strip().splitlines()
    assert len(block) == 2, block
    first, second = block
    assert first.startswith("python -m pip install -e . && sayso extract data/samples/"), first
    assert (ROOT / first.rsplit(" ", 1)[1]).is_file()
    assert second == 'python -m pip install -e ".[dev]" && python -m pytest -q'


def test_core_dependencies_leave_heavy_parts_to_extras():
    core = {_name(r) for r in PROJECT["dependencies"]}
    assert not core & set(OPTIONAL), core & set(OPTIONAL)


#: Extras CI installs on its own after the main suite (torch slows every `import spacy`).
SEPARATE = {"train"}


def test_dev_extra_holds_every_other_extra_so_ci_installs_them_all():
    extras = PROJECT["optional-dependencies"]
    dev = {_name(r) for r in extras["dev"]}
    for name, requirements in extras.items():
        if name in SEPARATE:
            continue
        for requirement in requirements:
            if not requirement.startswith("sayso["):
                assert _name(requirement) in dev, f"{requirement} of [{name}] is not in [dev]"
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert '".[dev]"' in ci
    for name in SEPARATE:
        assert f'".[{name}]"' in ci, f"CI does not install the {name} extra"


def test_extract_runs_without_any_optional_package():
    blocked = ", ".join(repr(m) for m in OPTIONAL)
    code = (f"import sys\nfor m in ({blocked},): sys.modules[m] = None\n"
            "from sayso.cli import main\nmain(['extract', '--no-color', sys.argv[1]])")
    sample = ROOT / "data" / "samples" / "militia-funding.txt"
    done = subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Quotes (" in done.stdout and "Traceback" not in done.stderr
