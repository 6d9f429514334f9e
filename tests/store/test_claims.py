"""Claims across sources (sayso.claims) on hand-made articles from three outlets."""
from __future__ import annotations

import pytest

from sayso.claims import Claim, _links, find_claims, position, terms
from sayso.ingest import Record
from sayso.store import QuoteFilter, Store

from .conftest import build

ACTORS = {"a1": {"name": "Elena Markovic", "type": "PERSON", "mentions": ["Markovic"]},
          "a2": {"name": "Tomas Brandt", "type": "PERSON", "mentions": ["Brandt"]}}

COURIER = ("Markovic said the reservoir had been inspected in March and engineers found no defects. "
           "Brandt said the spillway had been too small for years. Markovic said lunch was served.")
POST = ("An inspector said the reservoir was never inspected in March. "
        "Brandt said that the dam's spillway had been far too small for many years.")
WIRE = "Markovic has said engineers inspected the reservoir in March and found no structural defects."
SAME_OUTLET = "Brandt said the spillway had been too small for years, again."


def _add(store: Store, key: str, outlet: str | None, published: str, text: str, quotes: list[dict]) -> None:
    analysis = build(text, {k: v for k, v in ACTORS.items() if v["mentions"][0] in text}, quotes)
    store.add(Record(key=key, text=text, outlet=outlet, published=published, url=f"https://{key}.example/"),
              analysis)


@pytest.fixture()
def claims_store(tmp_path):
    with Store(tmp_path / "claims.db") as store:
        _add(store, "courier", "Valley Courier", "2026-06-09", COURIER, [
            {"kind": "indirect", "text": "the reservoir had been inspected in March and engineers found no defects",
             "speaker": "a1", "by": "Markovic", "cue": "said"},
            {"kind": "indirect", "text": "the spillway had been too small for years", "speaker": "a2",
             "by": "Brandt", "cue": "said"},
            {"kind": "indirect", "text": "lunch was served", "speaker": "a1", "by": ("Markovic", 1)}])
        _add(store, "post", "Norvale Post", "2026-06-10", POST, [
            {"kind": "indirect", "text": "the reservoir was never inspected in March", "cue": "said",
             "polarity": "negative"},
            {"kind": "indirect", "text": "the dam's spillway had been far too small for many years",
             "speaker": "a2", "by": "Brandt", "cue": "said"}])
        _add(store, "wire", "Riverside Wire", "2026-06-10", WIRE, [
            {"kind": "indirect", "text": "engineers inspected the reservoir in March and found no structural defects",
             "speaker": "a1", "by": "Markovic", "cue": "said"}])
        _add(store, "courier2", "Valley Courier", "2026-06-11", SAME_OUTLET, [
            {"kind": "indirect", "text": "the spillway had been too small for years, again", "speaker": "a2",
             "by": "Brandt", "cue": "said"}])
        yield store


def by_text(claims: list[Claim], words: str) -> Claim:
    return next(c for c in claims if any(words in r.text for r in c.reports))


def test_terms_stem_and_drop_stop_words_and_negations():
    assert terms("The reservoir was never inspected") == terms("the reservoirs were inspected")
    assert terms("Iran funded the militias") == terms("Iran funds militia")
    assert "not" not in terms("We will not pay 40 million") and "40" in terms("We will not pay 40 million")


def test_links_by_cosine_or_by_coverage_of_the_shorter_statement():
    long = frozenset("reservoir inspect march engin found defect".split())
    vectors = [long, frozenset("reservoir inspect march".split()),
               frozenset("inspect march budget vote tax cut".split()),
               frozenset("rain record level reservoir".split()), frozenset("lunch served hall".split()),
               frozenset("lunch served hall".split())]
    pairs = {(i, j) for i, j, _ in _links(vectors, [1, 2, 3, 4, 5, 5], 0.5)}
    assert (0, 1) in pairs  # all three words of the short one are in the long one
    assert (0, 2) not in pairs and (1, 2) not in pairs  # two shared words of six
    assert not any(3 in pair for pair in pairs)  # one shared word
    assert (4, 5) not in pairs  # same article: never a link


@pytest.mark.parametrize("certainty, polarity, expected", [
    ("asserted", "positive", "affirms"), ("hedged", "positive", "hedges"), ("doubted", "positive", "denies"),
    ("asserted", "negative", "denies"), (None, None, "affirms")])
def test_position(certainty, polarity, expected):
    assert position(certainty, polarity) == expected


def test_claims_group_reports_across_outlets_and_spot_contradictions(claims_store):
    claims = find_claims(claims_store)
    inspection = by_text(claims, "inspected")
    assert inspection.verdict == "contradict"
    assert inspection.sources == ("Valley Courier", "Norvale Post", "Riverside Wire")
    assert {r.position for r in inspection.reports} == {"affirms", "denies"}
    assert inspection.positions == {"affirms": 2, "denies": 1}
    assert "inspected" in inspection.terms and "march" in inspection.terms  # words as written, not stems
    spillway = by_text(claims, "spillway")
    assert spillway.verdict == "agree" and spillway.speakers == ("Tomas Brandt",)
    assert spillway.sources == ("Valley Courier", "Norvale Post")  # two Courier articles: one source
    assert len(spillway.reports) == 3
    assert not any("lunch" in r.text for c in claims for r in c.reports)  # told once: no claim
    assert claims[0] is inspection  # most sources first
    for claim in claims:  # every report points at its words in the stored text
        for r in claim.reports:
            text = claims_store.conn.execute("SELECT text FROM articles WHERE id = ?", (r.article_id,)).fetchone()[0]
            assert text[r.start:r.end] == r.text


def test_claim_filters_and_options(claims_store):
    assert [c.verdict for c in find_claims(claims_store, verdict="contradict")] == ["contradict"]
    assert len(find_claims(claims_store, min_sources=3)) == 1
    assert find_claims(claims_store, QuoteFilter(speaker="Brandt"))[0].speakers == ("Tomas Brandt",)
    # an outlet's claims, with the other outlets that report them
    (riverside,) = find_claims(claims_store, QuoteFilter(outlet="Riverside"))
    assert riverside is not None and "Riverside Wire" in riverside.sources and len(riverside.sources) > 1
    # At cosine 1.0 only statements whose every word another one holds are linked:
    strict = by_text(find_claims(claims_store, threshold=1.0), "never inspected")
    assert {r.source for r in strict.reports} >= {"Valley Courier", "Norvale Post"}
    assert len(find_claims(claims_store, limit=1)) == 1
    data = find_claims(claims_store)[0].to_dict()
    assert data["verdict"] == "contradict" and data["reports"][0]["source"] == "Valley Courier"
    assert set(data) >= {"id", "text", "sources", "speakers", "terms", "similarity", "positions"}
