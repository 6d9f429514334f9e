"""The engine option from the CLI, the API and the setting down to the engines."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import sayso
from sayso.analysis import assemble, by_rules
from sayso.engines import engine_name
from sayso.errors import ConfigError
from sayso.extractors.context import build_context
from sayso.model.loader import available

from ..conftest import SAMPLES
from ..test_cli import _fails_cleanly
from ..test_contract import NEWSY, check_invariants

def sayso_cmd(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sayso", *args], capture_output=True, timeout=300,
                          env={**os.environ, **(env or {})})


needs_weights = pytest.mark.skipif(not available(), reason="no trained weights in sayso/model/weights")


def test_engine_names(monkeypatch):
    assert engine_name("rules") == "rules"
    assert engine_name("HYBRID") == "hybrid"
    with pytest.raises(ConfigError, match="unknown engine"):
        engine_name("oracle")
    assert engine_name(None) == engine_name("auto") == ("hybrid" if available() else "rules")  # the default
    assert engine_name("auto", "/no/model/here") == "rules"  # auto falls back on the rules
    monkeypatch.setenv("SAYSO_ENGINE", "trained")
    assert engine_name(None) == engine_name("auto")  # the library reads no setting: the edges do


def test_the_engine_setting_is_read_at_the_edge(monkeypatch):
    from sayso import settings

    monkeypatch.setenv("SAYSO_ENGINE", "trained")
    assert settings.options().engine == "trained"
    assert settings.options(engine="rules").engine == "rules"  # an explicit argument wins


def test_assembling_rule_drafts_gives_what_the_rule_engine_gives(nlp):
    """The trained and hybrid engines build records as analyze_doc does: same drafts, same output."""
    from sayso.analysis import analyze_doc

    doc = nlp(SAMPLES[0].read_text("utf-8"))
    context = build_context(doc)
    assert assemble(context, *by_rules(context)) == analyze_doc(doc)


def test_cli_engine_option_and_its_config_error(tmp_path):
    result = sayso_cmd("extract", str(SAMPLES[0]), "--engine", "rules", "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout)["quotes"]
    missing = sayso_cmd("extract", str(SAMPLES[0]), "--engine", "trained", env={"SAYSO_ATTRIBUTION_MODEL": str(tmp_path)})
    _fails_cleanly(missing, "sayso train polnear")
    assert missing.returncode == 3


@needs_weights
@pytest.mark.parametrize("engine", ["trained", "hybrid"])
@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_shipped_model_output_follows_the_contract(engine, path):
    analysis = sayso.extract(path.read_text("utf-8"), engine=engine)
    check_invariants(analysis)
    assert analysis.quotes
    for quote in analysis.quotes:
        assert analysis.text[quote.start : quote.end] == quote.text


@needs_weights
def test_shipped_model_resolves_a_pronoun_source():
    text = ("Senator Maria Lopez spoke to reporters on Monday. She said the budget would pass "
            "before the end of the year.")
    analysis = sayso.extract(text, engine="trained")
    quote = next(q for q in analysis.quotes if "budget" in q.text)
    assert analysis.text[slice(*quote.speaker_mention)] == "She"
    assert analysis.actor(quote.speaker).name == "Maria Lopez"


@needs_weights
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), NEWSY))
def test_hybrid_gives_a_valid_result_for_any_text(text):
    check_invariants(sayso.extract(text, engine="hybrid"))


@pytest.mark.parametrize("engine", ["rules", "trained", "hybrid"])
def test_every_engine_reports_scare_quotes(engine):
    """so-called "peace" talks: the writer's distance is a scare quote whichever engine reads
    the quotes (the trained engine once reported only the quotations nobody was named for)."""
    if engine != "rules" and not available():
        pytest.skip("no trained weights in sayso/model/weights")
    text = ('The minister walked out of the so-called "peace" talks on Monday. '
            "Officials said the talks would resume next week.")
    analysis = sayso.extract(text, engine=engine)
    assert [(s.text, text[s.start : s.end]) for s in analysis.scare_quotes] == [("peace", "peace")]


@pytest.mark.skipif(not available(), reason="no trained weights")
def test_a_text_tagged_ahead_gives_the_spans_tagged_in_turn():
    """The tagger may start on a text while spaCy parses it; what it finds is the same, and texts
    tagged ahead but never asked for do not pile up."""
    from sayso.model.encoder import runtime
    from sayso.model.loader import load_tagger

    tagger = load_tagger()
    if not isinstance(tagger, runtime.EncoderTagger):
        pytest.skip("the installed tagger reads the parse")
    text = ('"We will not back down," Omar Haddad said on Monday. The ministry told Reuters that the dam was safe, '
            'according to a statement.')
    expected = tagger.char_spans(text)
    tagger.prefetch(text)
    assert text in tagger._ahead
    assert tagger.char_spans(text) == expected and text not in tagger._ahead
    for n in range(runtime.AHEAD + 5):
        tagger.prefetch(f"Text {n} said nothing.")
    assert len(tagger._ahead) <= runtime.AHEAD
    tagger._ahead.clear()
    batch = [o.analysis for o in sayso.extract_many([("a", text), ("b", text + " More.")])]
    assert batch[0] == sayso.extract(text)


FORKED_TEXT = ("\u201cWe will rebuild the port,\u201d said Omar Haddad, the mayor. The ministry said the work "
               "would take two years, according to Reuters.")


def _tag_in_child(queue) -> None:
    from sayso.model.encoder.runtime import load_encoder_tagger
    from sayso.model.loader import model_path

    queue.put(load_encoder_tagger(model_path()).char_spans(FORKED_TEXT))


@needs_weights
def test_a_forked_worker_tags_after_its_parent_did():
    """Threads do not survive a fork: a worker process (spaCy's n_process, Spark) makes its own
    scoring and prefetch threads instead of waiting on its parent's."""
    import multiprocessing

    from sayso.model.encoder.runtime import load_encoder_tagger
    from sayso.model.loader import kind, model_path

    if kind(model_path()) != "encoder":
        pytest.skip("the packaged model is not the encoder tagger")
    tagger = load_encoder_tagger(model_path())
    tagger.prefetch(FORKED_TEXT)
    expected = tagger.char_spans(FORKED_TEXT)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_tag_in_child, args=(queue,))
    child.start()
    child.join(120)
    alive = child.is_alive()
    if alive:
        child.kill()
    assert not alive, "the forked worker hung on its parent's threads"
    assert queue.get(timeout=5) == expected and expected
