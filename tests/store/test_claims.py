"""Claims across sources (sayso.claims) over the small invented claim set in tests/data/claims:
three outlets, analysed by sayso's default engine as `sayso eval claims` does (the rules engine
alone reads "criticised Renner for opposing …" as no statement)."""
from __future__ import annotations

from pathlib import Path

import pytest

from sayso.claims import find_claims
from sayso.eval.claim_set import load_claim_set
from sayso.eval.claims import build_store, evaluate_claims

SET = Path(__file__).resolve().parents[1] / "data" / "claims"


@pytest.fixture(scope="module", autouse=True)
def default_engine():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAYSO_ENGINE", "auto")
        yield


@pytest.fixture(scope="module")
def found(tmp_path_factory, default_engine):
    claim_set = load_claim_set(SET / "corpus", "dev", SET / "set")
    store = build_store(claim_set, SET / "corpus", tmp_path_factory.mktemp("claims"))
    texts = dict(store.conn.execute("SELECT id, text FROM articles").fetchall())
    claims = find_claims(store, min_sources=1)
    store.close()
    return claims, texts


def _with(claims, words):
    return [c for c in claims if any(words in r.words for r in c.reports)]


def test_amounts_at_two_dates_are_two_claims(found):
    claims, _ = found
    for claim in _with(claims, "$1.3 million"):
        assert not ({"March" in r.words for r in claim.reports} == {True, False})


def test_one_claim_in_other_words_with_why(found):
    claims, _ = found
    (careless,) = _with(claims, "extremely careless")
    assert len(careless.sources) == 3
    assert careless.links and all(k.subject.endswith("Renner") and k.similarity >= 0.7 for k in careless.links)


def test_a_contradiction_by_two_outlets_shows_both_evidence_spans(found):
    claims, texts = found
    (careless,) = _with(claims, "extremely careless")
    assert careless.verdict == "contradict" and careless.contradictions
    by_id = {r.quote_id: r for r in careless.reports}
    for yes, no in careless.contradictions:
        assert by_id[yes].source != by_id[no].source
        assert by_id[yes].position == "affirms" and by_id[no].position == "denies"
        (negation,) = by_id[no].evidence
        assert negation.kind == "negation" and texts[by_id[no].article_id][negation.start:negation.end] == "not"
        article = texts[by_id[yes].article_id]
        assert article[by_id[yes].proposition_start:by_id[yes].proposition_end] == by_id[yes].proposition


def test_never_advocated_and_criticised_for_opposing_agree(found):
    claims, _ = found
    (claim,) = _with(claims, "never advocated")
    assert any("opposing" in r.words for r in claim.reports)
    assert claim.verdict == "agree" and len({r.position for r in claim.reports}) == 1
    assert {e.kind for r in claim.reports for e in r.evidence} == {"negation", "opposite"}


def test_could_erode_hedges(found):
    claims, _ = found
    (tariffs,) = _with(claims, "could erode")
    hedged = next(r for r in tariffs.reports if "could" in r.words)
    assert hedged.position == "hedges" and [e.text for e in hedged.evidence] == ["could"]


def test_scorer_on_the_invented_set():
    scores = evaluate_claims(SET / "corpus", "dev", SET / "set", keep_errors=True)
    assert scores.gold_reports == 11 and scores.found_as_statements == 11
    right, predicted, found_pairs, gold = scores.pairs
    assert predicted and right == predicted and found_pairs == gold == 6
    assert scores.contradictions[1] >= 1 and scores.contradictions[0] == scores.contradictions[1]
    assert scores.positions[0] == scores.positions[1] > 0
    assert "precision 1.000" in "\n".join(scores.lines())
