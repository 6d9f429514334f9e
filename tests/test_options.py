"""Options are one value built at the edge: the public API and the command line read the
settings, the library takes what it is given (an explicit model path included)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

import sayso
from sayso import pipeline, settings
from sayso.errors import ConfigError, InputError
from sayso.model.loader import ENCODER_PACKAGED, PACKAGED, kind
from sayso.options import DEFAULTS, Options

TEXT = "“We will win the vote,” said Maria Lopez, the mayor of Springfield, on Monday."


def test_options_default_to_the_settings_table():
    assert Options() == DEFAULTS
    for setting in settings.SETTINGS:
        if hasattr(DEFAULTS, setting.name):
            assert getattr(DEFAULTS, setting.name) == setting.default, setting.name


def test_settings_options_read_the_environment_and_explicit_values_win(monkeypatch):
    monkeypatch.setenv("SAYSO_MAX_CHARS", "123")
    monkeypatch.setenv("SAYSO_FETCH_ROBOTS", "0")
    monkeypatch.setenv("SAYSO_ENGINE", "trained")
    found = settings.options(engine="rules", model=None)
    assert (found.max_chars, found.fetch_robots, found.engine, found.model) == (123, False, "rules", DEFAULTS.model)


def test_a_setting_of_the_wrong_kind_is_a_config_error(monkeypatch):
    monkeypatch.setenv("SAYSO_BATCH_SIZE", "many")
    with pytest.raises(ConfigError, match="SAYSO_BATCH_SIZE='many' is not a whole number"):
        settings.options()


def test_the_command_line_says_so_in_one_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sayso", "extract", str(article)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "SAYSO_MAX_CHARS": "lots"})
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "sayso: error: SAYSO_MAX_CHARS='lots' is not a whole number; unset it or give a whole number "
        "(default 1000000)"]


def test_the_library_reads_no_setting_the_public_api_does(monkeypatch):
    monkeypatch.setenv("SAYSO_MAX_CHARS", "20")
    with pytest.raises(InputError, match="limit of 20"):
        sayso.extract(TEXT, engine="rules")
    assert pipeline.extract(TEXT, engine="rules").quotes  # sayso's defaults, not the environment
    with pytest.raises(InputError, match="limit of 20"):
        pipeline.extract(TEXT, options=Options(engine="rules", max_chars=20))
    assert sayso.extract(TEXT, options=Options(engine="rules")).quotes  # given options: no setting read


def test_explicit_arguments_win_over_the_options():
    given = Options(engine="trained", model="no_such_spacy_model")
    assert sayso.extract(TEXT, options=given, engine="rules", model=DEFAULTS.model).to_dict() == \
        sayso.extract(TEXT, engine="rules").to_dict()


@pytest.mark.skipif(kind(ENCODER_PACKAGED) is None or kind(PACKAGED) is None,
                    reason="needs both packaged attribution models")
def test_extract_takes_an_attribution_model_path():
    encoder = sayso.extract(TEXT, engine="trained", model=DEFAULTS.model, attribution_model=str(ENCODER_PACKAGED))
    assert encoder.to_dict() == sayso.extract(TEXT, engine="trained").to_dict()  # the packaged default
    assert [q.text for q in encoder.quotes] == ["We will win the vote"]
    other = [sayso.extract(TEXT, engine="trained", attribution_model=str(PACKAGED)).to_dict()
             for _ in range(2)]
    assert other[0] == other[1] and other[0]["quotes"]


def test_a_bad_attribution_model_path_is_a_config_error(tmp_path):
    for engine in ("trained", "hybrid"):
        with pytest.raises(ConfigError, match=f"no weights in {tmp_path}"):
            sayso.extract(TEXT, engine=engine, attribution_model=str(tmp_path))
        with pytest.raises(ConfigError, match=f"no weights in {tmp_path}"):
            list(sayso.extract_many([("a", TEXT)], engine=engine, attribution_model=str(tmp_path)))
    # auto falls back on the rules when the model it is pointed at is not there
    assert sayso.extract(TEXT, engine="auto", attribution_model=str(tmp_path)).to_dict() == \
        sayso.extract(TEXT, engine="rules").to_dict()


def test_the_spacy_component_takes_an_attribution_model(tmp_path):
    import spacy

    nlp = spacy.load(DEFAULTS.model)
    nlp.add_pipe("sayso", config={"engine": "trained", "attribution_model": str(tmp_path)})
    with pytest.raises(ConfigError, match="no weights"):
        nlp(TEXT)
