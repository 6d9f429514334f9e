"""Claims over small invented stories: what a reader groups as one claim."""
from __future__ import annotations

import json

import pytest

from sayso.claims import find_claims
from sayso.store import Store


def _store(tmp_path, stories):
    from sayso.batch import ingest

    source = tmp_path / "stories.jsonl"
    source.write_text("".join(json.dumps({"text": text, "outlet": outlet, "published": f"2026-03-0{n + 1}",
                                          "url": f"https://{outlet.lower()}.example/{n}"}) + "\n"
                              for n, (outlet, text) in enumerate(stories)), "utf-8")
    store = Store(tmp_path / "claims.db")
    ingest([str(source)], store, engine="rules")
    return store


@pytest.mark.parametrize("first, second", [
    ("Comey said that while Clinton and her aides were extremely careless with classified email, "
     "no prosecutor would bring a case.", "Comey said Clinton was extremely careless with classified email."),
])
def test_one_claim_under_a_concession_and_a_coordination(tmp_path, first, second):
    store = _store(tmp_path, [("Courier", first), ("Post", second)])
    claims = find_claims(store)
    store.close()
    assert any({r.source for r in c.reports} == {"Courier", "Post"} and all("careless" in r.proposition for r in c.reports)
               for c in claims)
