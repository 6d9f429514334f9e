"""Claims group clauses, not statements: one statement of two clauses tells two claims, and a
negative subject ("no engineer would …") is read as a denial with its word shown."""
from __future__ import annotations

import json

import pytest

from sayso.batch import ingest
from sayso.claims import find_claims
from sayso.store import Store

ARTICLES = [
    ("Courier", "Inspector Dana Whitfield said on Monday that while the spillway of the Harlow dam had been badly "
                "neglected for years, no engineer would call the Harlow dam unsafe."),
    ("Herald", "Dana Whitfield, the state inspector, said the spillway of the Harlow dam had been badly neglected "
               "for years."),
    ("Post", "Whitfield told reporters that no engineer would call the Harlow dam unsafe."),
]


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clauses")
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{n}", "outlet": outlet, "text": text}) + "\n"
                              for n, (outlet, text) in enumerate(ARTICLES)), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAYSO_ENGINE", "rules")
        with Store(folder / "claims.db") as store:
            ingest([str(source)], store)
            yield find_claims(store), dict(store.conn.execute("SELECT id, text FROM articles").fetchall())


def _claim(found, words):
    (claim,) = [c for c in found if all(words in r.proposition for r in c.reports)]
    return claim


def test_one_statement_of_two_clauses_tells_two_claims(claims):
    found, _ = claims
    neglected, unsafe = _claim(found, "badly neglected"), _claim(found, "call the Harlow dam unsafe")
    assert neglected.sources == ("Courier", "Herald") and unsafe.sources == ("Courier", "Post")
    (courier_1,) = [r for r in neglected.reports if r.source == "Courier"]
    (courier_2,) = [r for r in unsafe.reports if r.source == "Courier"]
    assert courier_1.quote_id == courier_2.quote_id  # one statement …
    assert courier_1.proposition != courier_2.proposition  # … two propositions
    assert neglected.id != unsafe.id


def test_a_negative_subject_is_a_denial_with_its_word(claims):
    found, texts = claims
    unsafe = _claim(found, "call the Harlow dam unsafe")
    assert unsafe.verdict == "agree"  # both say that no engineer would: no contradiction
    for report in unsafe.reports:
        (negation,) = [e for e in report.evidence if e.kind == "negation"]
        assert texts[report.article_id][negation.start:negation.end] == "no"
        assert report.position == "affirms"  # the claim is the negative proposition both tell
