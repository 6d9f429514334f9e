"""A few training steps on three tiny hand-made brat articles: the loop runs, saves a model
that loads, and the engines built on it keep the output contract."""
from __future__ import annotations

import json

import pytest

import sayso
from sayso.errors import ConfigError
from sayso.model.loader import load_tagger

from ..test_contract import check_invariants

ARTICLES = {
    "one": ("Trump said the wall will be built. “We will win,” Clinton told reporters.",
            [("Source", 0, 5), ("Cue", 6, 10), ("Content", 11, 33),
             ("Content", 35, 46), ("Source", 49, 56), ("Cue", 57, 61)]),
    "two": ("The plan will fail, the senator said on Tuesday.\n\nAccording to the ministry, taxes will fall.",
            [("Content", 0, 18), ("Source", 20, 31), ("Cue", 32, 36),
             ("Cue", 50, 62), ("Source", 63, 75), ("Content", 77, 93)]),
    "three": ("Officials believe the talks failed. She denied it.",
              [("Source", 0, 9), ("Cue", 10, 17), ("Content", 18, 34),
               ("Source", 36, 39), ("Cue", 40, 46), ("Content", 47, 49)]),
}


def write_corpus(root):
    for split in ("train", "dev"):
        (root / split / "text").mkdir(parents=True)
        (root / split / "attributions").mkdir(parents=True)
        for name, (text, spans) in ARTICLES.items():
            (root / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
            lines = [f"T{k}\t{label} {s} {e}\t{text[s:e]}" for k, (label, s, e) in enumerate(spans, start=1)]
            for a in range(0, len(spans), 3):
                roles = " ".join(f"{spans[a + j][0]}:T{a + j + 1}" for j in range(3))
                lines.append(f"E{a // 3 + 1}\tAttribution:T{a + 2} {roles}")
            (root / split / "attributions" / f"{name}_ann.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory, corpus):
    from sayso.model.train import train

    out = tmp_path_factory.mktemp("model")
    messages = []
    result = train(corpus, out, max_steps=4, report=messages.append)
    return result, messages


def test_training_smoke_run_saves_a_loadable_model(tiny_model):
    result, messages = tiny_model
    assert result.steps == 4 and result.history and "source" in result.best
    assert any("training pieces" in m for m in messages)
    meta = json.loads((result.out / "meta.json").read_text())
    assert meta["sayso"]["steps"] == 4 and meta["sayso"]["config"]["seed"]
    tagger = load_tagger(result.out)
    assert tagger.nlp.get_pipe("ner").labels == ("CONTENT", "CUE", "SOURCE")


@pytest.mark.parametrize("engine", ["trained", "hybrid"])
def test_engines_on_a_trained_model_keep_the_contract(tiny_model, monkeypatch, engine):
    monkeypatch.setenv("SAYSO_ATTRIBUTION_MODEL", str(tiny_model[0].out))
    text, _ = ARTICLES["one"]
    check_invariants(sayso.extract(text, engine=engine))


def test_missing_weights_are_a_config_error_saying_how_to_train(tmp_path, monkeypatch):
    monkeypatch.setenv("SAYSO_ATTRIBUTION_MODEL", str(tmp_path / "nowhere"))
    for engine in ("trained", "hybrid"):
        with pytest.raises(ConfigError, match="sayso train polnear"):
            sayso.extract("“We will win,” said Maria Lopez.", engine=engine)
    # the default engine stays working: auto falls back on the rules
    monkeypatch.setenv("SAYSO_ENGINE", "auto")
    analysis = sayso.extract("“We will win,” said Maria Lopez.")
    assert [q.text for q in analysis.quotes] == ["We will win"]


def test_train_command(corpus, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "model"
    result = subprocess.run([sys.executable, "-m", "sayso", "train", "polnear", str(corpus), "--out", str(out),
                             "--max-steps", "2"], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert b"saved" in result.stdout and (out / "ner" / "model").is_file()
    missing = subprocess.run([sys.executable, "-m", "sayso", "train", "polnear", str(tmp_path / "nothing"),
                              "--out", str(out)], capture_output=True, timeout=300)
    assert missing.returncode == 2 and b"does not exist" in missing.stderr and b"Traceback" not in missing.stderr
