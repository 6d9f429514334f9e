"""Exports parse back: JSONL into Analysis objects, CSV rows, GEXF and GraphML into networkx."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from sayso import export
from sayso.store import ArticleFilter
from sayso.types import Analysis


def test_jsonl_articles_are_the_extract_contract_with_metadata(store):
    out = io.StringIO()
    assert export.write_jsonl(export.article_records(store), out) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    first = records[0]
    assert first["meta"]["url"] == "https://gazette.example/1" and first["meta"]["outlet"] == "Millbrook Gazette"
    assert first["meta"]["source"] == "feed.xml" and first["meta"]["id"] == 1
    import jsonschema

    from sayso.schema import analysis_schema

    for record in records:
        jsonschema.validate(record, analysis_schema())
        analysis = Analysis.from_dict(record)
        assert all(analysis.text[q.start:q.end] == q.text for q in analysis.quotes)
    assert records[1]["relations"][0]["predicate"] == "funds"


def test_article_filter_applies_to_exports(store):
    out = io.StringIO()
    export.write_jsonl(export.article_records(store, ArticleFilter(outlet="herald")), out)
    assert [json.loads(line)["meta"]["id"] for line in out.getvalue().splitlines()] == [2]


@pytest.mark.parametrize("table, column", [("quotes", "speaker"), ("articles", "title"), ("actors", "name")])
def test_csv_tables(store, table, column):
    out = io.StringIO()
    count = export.write_csv(export.rows(store, table), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == count > 0 and column in rows[0]


@pytest.mark.parametrize("fmt, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_actor_network_round_trips_through_gephi_formats(store, tmp_path, fmt, read):
    graph = export.actor_network(store, unnamed=True)
    path = tmp_path / f"net.{fmt}"
    with path.open("wb") as handle:
        export.write_graph(graph, handle, fmt)
    back = read(str(path))
    by_label = {data["label"]: node for node, data in back.nodes(data=True) if data["type"] != "ORG"}
    assert {"Helen Brannigan", "Tomas Whitaker", "Iran", "The Riverside Herald"} <= set(by_label)
    by_label["the militias"] = next(n for n, d in back.nodes(data=True) if d["label"] == "the militias")
    assert back.nodes[by_label["Helen Brannigan"]]["quotes"] in (2, "2")
    told = back.edges[by_label["Helen Brannigan"], by_label["The Riverside Herald"]]
    assert int(told["told"]) == 1 and int(told["weight"]) >= 1
    funds = back.edges[by_label["Iran"], by_label["the militias"]]
    assert funds["relation_types"] == "funds" and int(funds["relations"]) == 1
    talks = back.edges[by_label["Tomas Whitaker"], by_label["Helen Brannigan"]]
    assert int(talks["speaks_about"]) == 1 and "speaks_about" in talks["kinds"]


def test_network_leaves_out_unnamed_actors_by_default(store):
    graph = export.actor_network(store)
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert "the militias" not in labels and "a senior official" not in labels
    assert "Helen Brannigan" in labels
