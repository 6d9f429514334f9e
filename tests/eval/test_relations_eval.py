"""The relation evaluation set is well formed; the relation scorer matches and counts right."""
from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from sayso.cli import main
from sayso.errors import InputError
from sayso.eval.data import eval_set
from sayso.eval.relations import (
    PREDICATES,
    evaluate_relations,
    format_relations,
    load_relation_items,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = eval_set("relations")


# --- (a) the data file ------------------------------------------------------------------

@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]


def test_data_has_enough_items(rows):
    assert len(rows) >= 180


def test_data_ids_are_unique_and_numbered(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"r\d{3}", i) for i in ids)
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts))


def test_data_substrings_and_predicates(rows):
    for row in rows:
        assert isinstance(row["relations"], list), row["id"]
        assert row["note"].strip(), row["id"]
        for rel in row["relations"]:
            assert rel["predicate"] in PREDICATES, (row["id"], rel["predicate"])
            assert rel["polarity"] in ("positive", "negative"), row["id"]
            for role in ("subject", "object"):
                assert rel[role] and rel[role] in row["text"], (row["id"], role, rel[role])
            assert rel["claimant"] is None or rel["claimant"] in row["text"], (row["id"], rel["claimant"])


def test_data_mix(rows):
    empty = sum(not r["relations"] for r in rows)
    assert 0.2 * len(rows) <= empty <= 0.35 * len(rows)
    relations = [rel for r in rows for rel in r["relations"]]
    assert sum(rel["polarity"] == "negative" for rel in relations) >= 10
    assert sum(rel["claimant"] is not None for rel in relations) >= 30
    assert len({rel["predicate"] for rel in relations}) == len(PREDICATES)


def test_vocabulary_is_the_documented_one():
    docs = (ROOT / "docs" / "relations.md").read_text("utf-8")
    table = docs.split("### Predicate vocabulary", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| ([a-z_]+) \|", table, flags=re.MULTILINE)
    assert sorted(set(documented) - {"predicate"}) == sorted(PREDICATES)


def test_data_loads_with_the_scorer_reader():
    assert len(load_relation_items(DATA)) >= 180


# --- (b) the scorer on hand-made gold/prediction pairs -----------------------------------

TEXT = "Varenia funds the Kharun Front, the minister said."


def actor(aid: str, text: str, *subs: str, name: str | None = None, aliases: tuple[str, ...] = ()):
    mentions = tuple((text.index(s), text.index(s) + len(s)) for s in subs)
    return SimpleNamespace(id=aid, name=name or subs[0], aliases=aliases, mentions=mentions)


def rel(subject: str, predicate: str, obj: str, claimant: str | None = None, polarity: str = "positive"):
    return SimpleNamespace(subject=subject, predicate=predicate, object=obj, claimant=claimant,
                           polarity=polarity, text="")


def analysis(*relations, text: str = TEXT, actors=None):
    if actors is None:
        actors = (actor("a1", text, "Varenia"), actor("a2", text, "the Kharun Front"),
                  actor("a3", text, "the minister"))
    return SimpleNamespace(text=text, actors=tuple(actors), relations=tuple(relations))


def gold(*relations, text: str = TEXT, rid: str = "r002") -> dict:
    return {"id": rid, "text": text, "relations": list(relations), "note": "case"}


def g(subject: str, predicate: str, obj: str, claimant: str | None = None, polarity: str = "positive") -> dict:
    return {"subject": subject, "predicate": predicate, "object": obj, "claimant": claimant, "polarity": polarity}


def score(tmp_path: Path, items: list[dict], predictions: dict[str, object], split: str = "all"):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    by_text = {i["text"]: predictions[i["id"]] for i in items}
    return evaluate_relations(path, extract=lambda text: by_text[text], split=split)


FUNDS = g("Varenia", "funds", "Kharun Front", "minister")


def test_perfect(tmp_path):
    report = score(tmp_path, [gold(FUNDS)], {"r002": analysis(rel("a1", "funds", "a2", "a3"))})
    c = report.counts
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)
    assert c.precision == c.recall == c.f1 == 1.0
    assert report.claimant_accuracy == report.polarity_accuracy == 1.0
    assert report.errors == ()


def test_wrong_predicate_is_a_miss_and_a_spurious_relation(tmp_path):
    report = score(tmp_path, [gold(FUNDS)], {"r002": analysis(rel("a1", "arms", "a2", "a3"))})
    c = report.counts
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    assert c.f1 == 0.0
    kinds = {e.kind: e for e in report.errors}
    assert set(kinds) == {"missing", "spurious"}
    assert kinds["missing"].hint == "wrong predicate (arms)"
    assert report.per_predicate["funds"].fn == 1 and report.per_predicate["arms"].fp == 1


def test_swapped_subject_and_object(tmp_path):
    report = score(tmp_path, [gold(FUNDS)], {"r002": analysis(rel("a2", "funds", "a1", "a3"))})
    assert (report.counts.tp, report.counts.fp, report.counts.fn) == (0, 1, 1)
    assert report.errors[0].hint == "swapped subject and object"


def test_symmetric_predicate_matches_either_way(tmp_path):
    ally = g("Varenia", "allied_with", "Kharun Front", "minister")
    report = score(tmp_path, [gold(ally)], {"r002": analysis(rel("a2", "allied_with", "a1", "a3"))})
    assert report.counts.tp == 1


def test_missing_relation(tmp_path):
    report = score(tmp_path, [gold(FUNDS)], {"r002": analysis()})
    c = report.counts
    assert (c.tp, c.fp, c.fn) == (0, 0, 1)
    assert c.recall == 0.0 and c.precision == 0.0
    assert report.errors[0].kind == "missing" and report.errors[0].hint == ""


def test_spurious_relation_on_an_item_without_relations(tmp_path):
    report = score(tmp_path, [gold()], {"r002": analysis(rel("a1", "funds", "a2"))})
    c = report.counts
    assert (c.tp, c.fp, c.fn) == (0, 1, 0)
    assert report.errors[0].kind == "spurious"


def test_claimant_right_and_wrong(tmp_path):
    items = [gold(FUNDS, rid="r002"), gold(FUNDS, rid="r004", text=TEXT + " "),
             gold(g("Varenia", "funds", "Kharun Front"), rid="r006", text=TEXT + "  ")]
    predictions = {
        "r002": analysis(rel("a1", "funds", "a2", "a3")),  # right claimant
        "r004": analysis(rel("a1", "funds", "a2", None), text=TEXT + " "),  # claimant missed
        "r006": analysis(rel("a1", "funds", "a2", "a3"), text=TEXT + "  "),  # claimant where gold has none
    }
    report = score(tmp_path, items, predictions)
    assert report.counts.tp == 3
    assert report.claimant_correct == 1
    assert report.claimant_accuracy == pytest.approx(1 / 3)
    assert [e.id for e in report.errors] == ["r004", "r006"]
    assert all(e.kind == "claimant" for e in report.errors)


def test_polarity_wrong(tmp_path):
    denied = g("Varenia", "funds", "Kharun Front", "minister", "negative")
    report = score(tmp_path, [gold(denied)], {"r002": analysis(rel("a1", "funds", "a2", "a3"))})
    assert report.counts.tp == 1
    assert report.polarity_accuracy == 0.0 and report.claimant_accuracy == 1.0
    assert report.errors[0].kind == "polarity"


def test_one_prediction_matches_one_gold_only(tmp_path):
    report = score(tmp_path, [gold(FUNDS, FUNDS)], {"r002": analysis(rel("a1", "funds", "a2", "a3"))})
    assert (report.counts.tp, report.counts.fp, report.counts.fn) == (1, 0, 1)


def test_actor_matches_through_a_coreferent_mention_or_its_name(tmp_path):
    text = "The Kharun Front is poor. Varenia funds it."
    actors = (actor("a1", text, "Varenia"),
              actor("a2", text, "The Kharun Front", "it"),  # "it" is a mention of the Front
              actor("a3", "", name="Kharun Front"))  # no mentions: matched by its name
    for obj in ("a2", "a3"):
        report = score(tmp_path, [gold(g("Varenia", "funds", "Kharun Front"), text=text)],
                       {"r002": analysis(rel("a1", "funds", obj), text=text, actors=actors)})
        assert report.counts.tp == 1, obj


def test_actor_does_not_match_an_unrelated_span(tmp_path):
    text = "Varenia funds the Kharun Front, and Tarsk arms Vellin."
    actors = (actor("a1", text, "Tarsk"), actor("a2", text, "Vellin"))
    report = score(tmp_path, [gold(g("Varenia", "funds", "Kharun Front"), text=text)],
                   {"r002": analysis(rel("a1", "funds", "a2"), text=text, actors=actors)})
    assert report.counts.tp == 0


def test_split_keeps_even_or_odd_ids(tmp_path):
    items = [gold(FUNDS, rid="r001", text=TEXT + " "), gold(FUNDS, rid="r002")]
    predictions = {"r001": analysis(text=TEXT + " "), "r002": analysis(rel("a1", "funds", "a2", "a3"))}
    dev = score(tmp_path, items, predictions, split="dev")
    test = score(tmp_path, items, predictions, split="test")
    assert dev.items == 1 and dev.counts.tp == 1
    assert test.items == 1 and test.counts.fn == 1


def test_format_lists_scores_and_errors(tmp_path):
    report = score(tmp_path, [gold(FUNDS)], {"r002": analysis(rel("a1", "arms", "a2", "a3"))})
    out = format_relations(report, max_errors=1)
    assert "precision" in out and "claimant accuracy" in out
    assert "r002  [missing]" in out and "... and 1 more" in out
    assert json.loads(json.dumps(report.to_dict()))["fn"] == 1


@pytest.mark.parametrize("bad,message", [
    (g("Varenia", "finances", "Kharun Front"), "not in the vocabulary"),
    (g("Iran", "funds", "Kharun Front"), "not a substring"),
    (g("Varenia", "funds", "Kharun Front", "the mayor"), "not a substring"),
    (g("Varenia", "funds", "Kharun Front", None, "maybe"), "polarity"),
])
def test_malformed_relations_are_refused(tmp_path, bad, message):
    with pytest.raises(InputError, match=message):
        score(tmp_path, [gold(bad)], {"r002": analysis()})


def test_duplicate_ids_are_refused(tmp_path):
    with pytest.raises(InputError, match="duplicate id"):
        score(tmp_path, [gold(), gold(text=TEXT + " ")], {"r002": analysis()})


# --- (c) the command ----------------------------------------------------------------------

def test_cli_runs_on_a_tiny_set(tmp_path):
    path = tmp_path / "tiny.jsonl"
    items = [
        gold(g("Varenia", "funds", "Kharun Front"), text="Varenia funds the Kharun Front.", rid="r001"),
        gold(text="Prices hit a record on Thursday.", rid="r002"),
    ]
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["eval", "relations", str(path), "--engine", "rules",
                                       "--max-errors", "5", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "Relation evaluation" in result.output and "engine rules" in result.output
    report = json.loads(out.read_text("utf-8"))
    assert report["items"] == 2 and report["gold"] == 1 and report["engine"] == "rules"


def test_cli_bad_input_is_one_clean_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "r001", "text": "A text.", "relations": "none"}\n', encoding="utf-8")
    for args in ([str(path)], [str(tmp_path / "missing.jsonl")]):
        result = CliRunner().invoke(main, ["eval", "relations", *args])
        assert result.exit_code != 0
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "sayso: error:" in result.output and "Traceback" not in result.output
