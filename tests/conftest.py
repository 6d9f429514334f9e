from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))


@pytest.fixture(scope="session", autouse=True)
def rule_engine_by_default():
    """The rule tables, golden samples and CLI tests describe the rule engine, whatever engine
    is sayso's default; the trained and hybrid engines are tested in tests/model."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAYSO_ENGINE", "rules")
        yield


@pytest.fixture(scope="session")
def nlp():
    from sayso.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def sample_analyses():
    import sayso

    return {path.name: sayso.extract(path.read_text("utf-8")) for path in SAMPLES}
