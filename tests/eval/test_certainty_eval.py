"""The certainty/polarity evaluation set is well formed; the scorer's arithmetic is right."""
from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from sayso.errors import InputError
from sayso.eval.data import eval_set
from sayso.eval.certainty import (
    CERTAINTY_LABELS,
    NONE,
    POLARITY_LABELS,
    evaluate_certainty,
    format_certainty,
    load_certainty_items,
)

DATA = eval_set("certainty")


# --- (a) the data file ------------------------------------------------------------------

@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]


def test_data_has_enough_items(rows):
    assert len(rows) >= 150


def test_data_fields_and_labels(rows):
    for row in rows:
        for key in ("id", "text", "quote", "certainty", "polarity", "note"):
            assert isinstance(row.get(key), str) and row[key].strip(), (row.get("id"), key)
        assert row["certainty"] in CERTAINTY_LABELS, row["id"]
        assert row["polarity"] in POLARITY_LABELS, row["id"]
        assert re.fullmatch(r"c\d{3,}", row["id"]), row["id"]


def test_data_quotes_are_substrings(rows):
    for row in rows:
        assert row["text"].find(row["quote"]) >= 0, row["id"]


def test_data_ids_and_texts_unique(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts))


def test_data_covers_every_label(rows):
    for label in CERTAINTY_LABELS:
        assert sum(r["certainty"] == label for r in rows) >= 0.15 * len(rows), label
    assert sum(r["polarity"] == "negative" for r in rows) >= 0.25 * len(rows)


def test_data_loads_with_the_scorer_reader():
    assert len(load_certainty_items(DATA)) >= 150


# --- (b) the scorer on a hand-made case --------------------------------------------------

def q(text: str, sub: str, certainty: str, polarity: str) -> SimpleNamespace:
    start = text.index(sub)
    return SimpleNamespace(
        start=start, end=start + len(sub), text=sub, parts=(), certainty=certainty, polarity=polarity
    )


T1 = '"The road will open on Monday," the mayor said.'
T2 = "The engineer said the bridge might reopen in June."
T3 = "The ministry denied that the army had crossed the border."
T4 = "The chief said the fire may not be out before dawn. Residents were told to stay inside."
T5 = '"Nobody was hurt, and nothing was stolen," the owner said.'

GOLD = [
    # id, text, gold quote, certainty, polarity
    ("g1", T1, "The road will open on Monday", "asserted", "positive"),
    ("g2", T2, "the bridge might reopen in June", "hedged", "positive"),
    ("g3", T3, "the army had crossed the border", "doubted", "negative"),
    ("g4", T4, "the fire may not be out before dawn", "hedged", "negative"),
    ("g5", T5, "Nobody was hurt, and nothing was stolen", "asserted", "negative"),
]

PREDICTED = {
    T1: [q(T1, "The road will open on Monday,", "asserted", "positive")],  # right
    T2: [q(T2, "the bridge might reopen", "asserted", "positive")],  # certainty wrong
    T3: [q(T3, "the army had crossed the border", "doubted", "positive")],  # polarity wrong
    T4: [q(T4, "Residents were told to stay inside", "hedged", "negative")],  # no overlap: unmatched
    T5: [  # two candidates: the larger overlap wins, and it is right
        q(T5, "Nobody was hurt", "hedged", "positive"),
        q(T5, "Nobody was hurt, and nothing was stolen", "asserted", "negative"),
    ],
}


def fake_extract(text: str) -> SimpleNamespace:
    return SimpleNamespace(text=text, quotes=PREDICTED[text])


@pytest.fixture
def tiny(tmp_path) -> Path:
    path = tmp_path / "tiny.jsonl"
    lines = [
        json.dumps({"id": i, "text": t, "quote": s, "certainty": c, "polarity": p, "note": "test"})
        for i, t, s, c, p in GOLD
    ]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")  # a trailing blank line is fine
    return path


def test_scorer_counts(tiny):
    r = evaluate_certainty(tiny, extract=fake_extract)
    assert (r.total, r.matched) == (5, 4)
    assert r.coverage == pytest.approx(0.8)
    # certainty right: g1, g3, g5; polarity right: g1, g2, g5; both: g1, g5
    assert (r.certainty_correct, r.polarity_correct, r.both_correct) == (3, 3, 2)
    assert r.certainty_accuracy == pytest.approx(3 / 4)
    assert r.polarity_accuracy == pytest.approx(3 / 4)
    assert r.both_accuracy == pytest.approx(2 / 4)
    assert r.overall_certainty_accuracy == pytest.approx(3 / 5)
    assert r.overall_polarity_accuracy == pytest.approx(3 / 5)
    assert r.overall_both_accuracy == pytest.approx(2 / 5)


def test_scorer_per_label_and_macro(tiny):
    r = evaluate_certainty(tiny, extract=fake_extract)
    # matched (gold, predicted): (A, A) (H, A) (D, D) (A, A)
    a, h, d = r.per_label["asserted"], r.per_label["hedged"], r.per_label["doubted"]
    assert (a.tp, a.fp, a.fn) == (2, 1, 0)
    assert a.precision == pytest.approx(2 / 3)
    assert a.recall == pytest.approx(1.0)
    assert a.f1 == pytest.approx(0.8)
    assert (h.tp, h.fp, h.fn) == (0, 0, 1)
    assert (h.precision, h.recall, h.f1) == (0.0, 0.0, 0.0)
    assert (d.tp, d.fp, d.fn, d.f1) == (1, 0, 0, 1.0)
    assert r.macro_f1 == pytest.approx((0.8 + 0.0 + 1.0) / 3)


def test_scorer_confusion(tiny):
    r = evaluate_certainty(tiny, extract=fake_extract)
    assert r.confusion == {
        "asserted": {"asserted": 2, "hedged": 0, "doubted": 0, NONE: 0},
        "hedged": {"asserted": 1, "hedged": 0, "doubted": 0, NONE: 1},
        "doubted": {"asserted": 0, "hedged": 0, "doubted": 1, NONE: 0},
    }


def test_scorer_errors(tiny):
    r = evaluate_certainty(tiny, extract=fake_extract)
    assert [(e.id, e.kind) for e in r.errors] == [("g2", "certainty"), ("g3", "polarity"), ("g4", "unmatched")]
    g2, g3, g4 = r.errors
    assert g2.gold == ("hedged", "positive") and g2.predicted == ("asserted", "positive")
    assert g3.gold == ("doubted", "negative") and g3.predicted == ("doubted", "positive")
    assert g4.predicted is None


def test_scorer_picks_largest_overlap(tiny):
    r = evaluate_certainty(tiny, extract=fake_extract)
    g5 = next(x for x in r.results if x.id == "g5")
    assert (g5.pred_certainty, g5.pred_polarity) == ("asserted", "negative")
    assert g5.overlap == len("Nobody was hurt, and nothing was stolen")


def test_report_serialises_and_formats(tiny):
    r = evaluate_certainty(tiny, extract=fake_extract)
    data = json.loads(json.dumps(r.to_dict()))
    assert data["items"] == 5 and data["matched"] == 4
    assert data["coverage"] == pytest.approx(0.8)
    assert [e["id"] for e in data["errors"]] == ["g2", "g3", "g4"]
    text = format_certainty(r)
    assert "80.0%" in text  # coverage
    assert "75.0%" in text and "60.0%" in text  # matched and overall accuracy
    assert "g4" in text and "unmatched" in text


def test_loader_rejects_bad_items(tmp_path):
    bad = tmp_path / "bad.jsonl"
    row = {"id": "x1", "text": "He said it rained.", "quote": "it snowed", "certainty": "asserted",
           "polarity": "positive"}
    bad.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="substring"):
        load_certainty_items(bad)
    row.update(quote="it rained", certainty="sure")
    bad.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="certainty"):
        load_certainty_items(bad)
    row.update(certainty="asserted")
    bad.write_text(json.dumps(row) + "\n" + json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="duplicate"):
        load_certainty_items(bad)
