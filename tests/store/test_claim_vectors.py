"""Sentence vectors of propositions kept in the store (sayso.claims.vectors): a second claim
search reads them instead of running the encoder; read-only stores are left as they are."""
from __future__ import annotations

import pytest

from sayso.claims import embeddings, find_claims, vectors
from sayso.store import Store

from ..conftest import ROOT

STORY = ROOT / "data" / "samples" / "dam-breach.jsonl"


class Counting:
    """The real encoder, counting the sentences it is given."""

    def __init__(self) -> None:
        self.real = embeddings.Encoder()
        self.sentences: list[str] = []

    def encode(self, texts):
        self.sentences += list(texts)
        return self.real.encode(texts)


@pytest.fixture()
def encoder(monkeypatch):
    counting = Counting()
    monkeypatch.setattr(embeddings, "encoder", lambda: counting)
    monkeypatch.setattr(vectors, "_MEMORY", {})
    return counting


@pytest.fixture(scope="module")
def dam_db(tmp_path_factory):
    from sayso.batch import ingest

    db = tmp_path_factory.mktemp("vectors") / "dam.db"
    with Store(db) as store:
        ingest([str(STORY)], store, engine="rules")
    return db


def _summary(claims):
    return [(c.id, c.verdict, round(c.similarity, 4), [r.quote_id for r in c.reports]) for c in claims]


def test_a_second_search_reads_the_vectors(dam_db, encoder, monkeypatch):
    with Store(dam_db) as store:
        store.conn.execute("DELETE FROM proposition_vectors")
        first = find_claims(store)
        encoded = len(encoder.sentences)
        kept = store.conn.execute("SELECT count(*) FROM proposition_vectors").fetchone()[0]
        assert first and encoded and kept >= encoded
        monkeypatch.setattr(vectors, "_MEMORY", {})  # a new process
        assert _summary(find_claims(store)) == _summary(first)
        assert len(encoder.sentences) == encoded  # nothing encoded again


def test_a_changed_sentence_is_encoded_again(dam_db, encoder):
    with Store(dam_db) as store:
        find_claims(store)
        quote, index, sentence = store.conn.execute(
            "SELECT quote_id, proposition, sentence FROM proposition_vectors LIMIT 1").fetchone()
        store.conn.execute("UPDATE proposition_vectors SET sentence = 'something else' WHERE quote_id = ? "
                           "AND proposition = ?", (quote, index))
        before = len(encoder.sentences)
        find_claims(store)
        assert encoder.sentences[before:] == [sentence]


def test_a_read_only_store_is_not_written(dam_db, encoder):
    with Store(dam_db) as store:
        store.conn.execute("DELETE FROM proposition_vectors")
    with Store(dam_db, readonly=True) as store:
        assert find_claims(store)
        assert store.conn.execute("SELECT count(*) FROM proposition_vectors").fetchone()[0] == 0
