"""The API serves the schema's vocabularies and documents every closed field as an enum."""
from __future__ import annotations

import pytest

from sayso.schema import analysis_schema
from sayso.types import VOCABULARIES, ActorType, Certainty, Polarity, QuoteKind, Stance, StatementType


def test_vocabularies_route_is_the_schema(client):
    served = client.get("/vocabularies").json()
    assert set(served) == set(VOCABULARIES)
    for name, terms in served.items():
        assert terms["values"] == analysis_schema()["$defs"][name]["enum"]
        assert set(terms["labels"]) == set(terms["values"])
    assert served["actor_type"]["labels"]["NORP"] == "nationality or group"
    assert "transcript" in served["quote_kind"]["values"]


def _enum(spec, schema):
    """The enum a (possibly nullable, possibly referenced) OpenAPI schema allows."""
    for option in schema.get("anyOf", [schema]):
        if "$ref" in option:
            option = spec["components"]["schemas"][option["$ref"].rsplit("/", 1)[-1]]
        if "enum" in option:
            return option["enum"]
    return None


@pytest.mark.parametrize("model, field, vocabulary", [
    ("QuoteRow", "kind", QuoteKind), ("QuoteRow", "certainty", Certainty), ("QuoteRow", "polarity", Polarity),
    ("QuoteRow", "stance", Stance), ("QuoteRow", "type", StatementType), ("QuoteRow", "speaker_type", ActorType), ("ActorRow", "type", ActorType),
    ("RelationRow", "certainty", Certainty), ("RelationRow", "polarity", Polarity), ("GraphNode", "type", ActorType),
])
def test_openapi_lists_the_values_of_closed_fields(client, model, field, vocabulary):
    spec = client.get("/openapi.json").json()
    schema = spec["components"]["schemas"][model]["properties"][field]
    assert _enum(spec, schema) == [m.value for m in vocabulary]


@pytest.mark.parametrize("name, vocabulary", [("kind", QuoteKind), ("certainty", Certainty),
                                              ("polarity", Polarity), ("stance", Stance)])
def test_openapi_quote_filters_are_the_vocabularies(client, name, vocabulary):
    spec = client.get("/openapi.json").json()
    parameter = next(p for p in spec["paths"]["/quotes"]["get"]["parameters"] if p["name"] == name)
    assert _enum(spec, parameter["schema"]) == [m.value for m in vocabulary]


def test_openapi_type_filter_takes_several_statement_types(client):
    spec = client.get("/openapi.json").json()
    parameter = next(p for p in spec["paths"]["/quotes"]["get"]["parameters"] if p["name"] == "type")
    arrays = [o for o in parameter["schema"].get("anyOf", [parameter["schema"]]) if o.get("type") == "array"]
    assert arrays and _enum(spec, arrays[0]["items"]) == [m.value for m in StatementType]


def test_quote_rows_serialise_plain_strings(client):
    items = client.get("/quotes", params={"certainty": "hedged", "limit": 5}).json()["items"]
    assert items and {q["certainty"] for q in items} == {"hedged"}
    assert all(q["kind"] in {k.value for k in QuoteKind} for q in items)


def test_openapi_analysis_vocabularies_carry_their_labels(client):
    spec = client.get("/openapi.json").json()
    certainty = spec["components"]["schemas"]["Analysis_certainty"]
    assert certainty["enum"] == [c.value for c in Certainty] and certainty["x-labels"]["hedged"] == "hedged"
