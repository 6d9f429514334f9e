"""Closed vocabularies are enums in sayso.types; the schema, the records and the store follow them."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import sayso.schema
from sayso.schema import analysis_schema, vocabularies, vocabulary_schema, with_vocabularies, write_schema
from sayso.types import (VOCABULARIES, ActorType, Certainty, Marker, MarkerKind, Polarity, Quote, QuoteKind,
                         Relation, Stance, StatementType, Vocabulary)


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_schema_vocabulary_is_the_enum(name: str) -> None:
    """The shipped schema lists exactly the enum's values (regenerate: python -m sayso.schema)."""
    assert analysis_schema()["$defs"][name] == vocabulary_schema(VOCABULARIES[name])


def _enums(node: object, path: str = "#") -> list[str]:
    if isinstance(node, dict):
        found = [path] if "enum" in node else []
        return found + [p for k, v in node.items() for p in _enums(v, f"{path}/{k}")]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _enums(v, f"{path}/{i}")]
    return []


def test_every_enum_of_the_schema_is_a_vocabulary() -> None:
    """No value list is typed inline: each refers to one generated definition."""
    assert sorted(_enums(analysis_schema())) == sorted(f"#/$defs/{name}" for name in VOCABULARIES)


@pytest.mark.parametrize("record, field, name", [
    ("actor", "type", "actor_type"), ("quote", "kind", "quote_kind"), ("quote", "certainty", "certainty"),
    ("quote", "polarity", "polarity"), ("quote", "stance", "stance"), ("marker", "kind", "marker_kind"),
    ("relation", "certainty", "certainty"), ("relation", "polarity", "polarity"),
])
def test_record_fields_refer_to_their_vocabulary(record: str, field: str, name: str) -> None:
    assert analysis_schema()["$defs"][record]["properties"][field]["$ref"] == f"#/$defs/{name}"


def test_a_changed_enum_is_caught_and_regenerated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the check compares is generated: a value added to the enum shows up as a difference
    until the file is rewritten."""
    values = {k: str(v) for k, v in Certainty.__members__.items()} | {"RUMOURED": "rumoured"}
    Wider = Vocabulary("Certainty", values)  # type: ignore[call-overload]
    Wider.__doc__ = Certainty.__doc__
    monkeypatch.setitem(sayso.schema.VOCABULARIES, "certainty", Wider)
    path = tmp_path / "analysis.schema.json"
    path.write_text(json.dumps(analysis_schema()), "utf-8")
    assert json.loads(path.read_text("utf-8"))["$defs"]["certainty"] != vocabulary_schema(Wider)
    write_schema(path)
    assert json.loads(path.read_text("utf-8"))["$defs"]["certainty"]["enum"][-1] == "rumoured"


def test_statement_types_and_transcript_kind() -> None:
    assert [t.value for t in StatementType] == ["speech", "writing", "belief", "intention", "unspecified"]
    assert QuoteKind("transcript") is QuoteKind.TRANSCRIPT


def test_members_equal_their_strings() -> None:
    assert Certainty.HEDGED == "hedged" and f"{Polarity.NEGATIVE}" == "negative"
    assert json.dumps({"kind": QuoteKind.ACCORDING_TO}) == '{"kind": "according_to"}'
    assert {"hedged": 1}[Certainty.HEDGED] == 1


@pytest.mark.parametrize("member, label", [
    (ActorType.NORP, "nationality or group"), (ActorType.MEDIA, "media outlet"),
    (QuoteKind.ACCORDING_TO, "according to"), (Certainty.DOUBTED, "doubted"),
])
def test_labels(member, label: str) -> None:
    assert member.label == label
    assert vocabularies()[next(n for n, v in VOCABULARIES.items() if isinstance(member, v))]["labels"][member] == label


def test_records_hold_members_even_when_given_strings() -> None:
    quote = Quote("q1", "direct", 0, 3, "Yes", certainty="hedged", polarity="negative", stance="distancing",
                  hedges=(Marker("may", 0, 3, "hedge"),))
    assert (quote.kind, quote.certainty, quote.polarity, quote.stance) == (
        QuoteKind.DIRECT, Certainty.HEDGED, Polarity.NEGATIVE, Stance.DISTANCING)
    assert type(quote.certainty) is Certainty and type(quote.hedges[0].kind) is MarkerKind
    relation = Relation("r1", "a1", "funds", "a2", 0, 3, "Yes", certainty="doubted", polarity="negative")
    assert type(relation.certainty) is Certainty and type(relation.polarity) is Polarity


def test_from_dict_parses_vocabularies_and_round_trips() -> None:
    data = Quote("q1", QuoteKind.MIXED, 0, 3, "Yes", certainty=Certainty.DOUBTED,
                 hedges=(Marker("not", 0, 3, MarkerKind.NEGATION),)).to_dict()
    assert data["certainty"] == "doubted" and type(data["certainty"]) is str
    quote = Quote.from_dict(data)
    assert type(quote.certainty) is Certainty and type(quote.hedges[0].kind) is MarkerKind
    assert quote.to_dict() == data
    relation = Relation.from_dict({"id": "r1", "subject": "a1", "predicate": "funds", "object": "a2", "start": 0,
                                   "end": 3, "text": "Yes", "polarity": "negative"})
    assert (relation.certainty, relation.polarity) == (Certainty.ASSERTED, Polarity.NEGATIVE)


@pytest.mark.parametrize("field, value", [("certainty", "sure"), ("polarity", "neutral"), ("stance", "hostile")])
def test_an_unknown_value_is_refused(field: str, value: str) -> None:
    with pytest.raises(ValueError):
        Quote.from_dict({"id": "q1", "kind": "direct", "start": 0, "end": 3, "text": "Yes", field: value})


def test_schema_refuses_an_unknown_value() -> None:
    data = {"text": "Yes", "actors": [], "quotes": [Quote("q1", "direct", 0, 3, "Yes").to_dict()]}
    jsonschema.validate(data, analysis_schema())
    data["quotes"][0]["certainty"] = "sure"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, analysis_schema())


def test_with_vocabularies_keeps_the_rest() -> None:
    assert with_vocabularies(analysis_schema()) == analysis_schema()
