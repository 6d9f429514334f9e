"""Export the store: articles or quotes as JSONL and CSV, the actor network as GEXF and GraphML.

Article JSONL follows the ``sayso extract --format jsonl`` contract (one analysis per line)
with the article's metadata under ``meta``. The network is a directed graph of actors: an
edge A → B sums how often A speaks about B in a quote (``speaks_about``), tells B as a medium
(``told``), or stands in a relation the engine reports; Gephi opens both graph formats.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import ConfigError
from .store import queries
from .store.queries import ArticleFilter, QuoteFilter
from .store.store import Store

FORMATS = ("jsonl", "csv", "gexf", "graphml", "brat")
TABLES = ("articles", "quotes", "actors")

_ARTICLE_FIELDS = ("id", "url", "title", "published", "outlet", "author", "source", "source_key",
                   "fetched_at", "ingested_at", "content_hash")


def article_record(store: Store, article: queries.ArticleRow) -> dict[str, Any]:
    """One article as the extract contract (text, actors, quotes, warnings, lang) plus ``meta``:
    the engine's meta, then the article's id, URL, title, dates, outlet and source."""
    data = store.analysis_dict(article.id)
    data.setdefault("lang", article.lang)  # an analysis stored before it carried its language
    meta = dict(data.get("meta") or {})
    meta.update({k: getattr(article, k) for k in _ARTICLE_FIELDS if getattr(article, k) is not None})
    meta.update({k: v for k, v in article.meta.items() if k not in meta})
    data["meta"] = meta
    return data


def write_brat_folder(store: Store, folder: Path, flt: ArticleFilter = ArticleFilter()) -> int:
    """Each article matching ``flt`` as a brat pair under ``folder`` (see :mod:`sayso.standoff`):
    ``text/ID-NAME.txt`` and ``attributions/ID-NAME_sayso.ann``. Returns the number written."""
    from .standoff import safe_name, write_brat
    from .types import Analysis

    count = 0
    for article in queries.articles(store, flt):
        label = article.title or Path(article.source or "").stem or "article"
        analysis = Analysis.from_dict(store.analysis_dict(article.id))
        write_brat(folder, f"{article.id}-{safe_name(label)}", analysis)
        count += 1
    return count


def article_records(store: Store, flt: ArticleFilter = ArticleFilter()) -> Iterator[dict[str, Any]]:
    """Every article matching ``flt`` as :func:`article_record` gives it, streamed."""
    for article in queries.articles(store, flt):
        yield article_record(store, article)


def rows(store: Store, table: str, flt: ArticleFilter = ArticleFilter()) -> Iterator[dict[str, Any]]:
    """Flat rows of ``articles``, ``quotes`` or ``actors``, as written to CSV."""
    if table == "articles":
        for article in queries.articles(store, flt):
            data = article.to_dict()
            data["meta"] = json.dumps(data["meta"], ensure_ascii=False) if data["meta"] else ""
            yield data
    elif table == "quotes":
        qflt = QuoteFilter(outlet=flt.outlet, since=flt.since, until=flt.until, lang=flt.lang, attributed=False)
        for quote in queries.quotes(store, qflt):
            data = quote.to_dict()
            data["extra"] = json.dumps(data["extra"], ensure_ascii=False) if data["extra"] else ""
            data["parts"] = json.dumps(data["parts"])
            yield data
    elif table == "actors":
        for actor in queries.actors(store, unnamed=True):
            yield actor.to_dict()
    else:
        raise ValueError(f"unknown table {table!r}")


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer: csv.DictWriter | None = None
    count = 0
    for record in records:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(record), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(record)
        count += 1
    return count


def actor_network(store: Store, flt: ArticleFilter = ArticleFilter(), *, unnamed: bool = False):
    """The actor network as a ``networkx.DiGraph`` (nodes: actors; edges: aggregated ties)."""
    try:
        import networkx as nx
    except ImportError:
        raise ConfigError("graph export needs networkx: pip install 'sayso[export]'") from None
    graph = nx.DiGraph(name="sayso actor network")
    edges: dict[tuple[int, int], dict[str, Any]] = {}
    for tie in queries.ties(store, flt, unnamed=unnamed):
        edge = edges.setdefault((tie.source_id, tie.target_id), {
            "weight": 0, "speaks_about": 0, "told": 0, "relations": 0, "relation_types": set(),
            "articles": 0})
        edge["weight"] += tie.count
        edge["articles"] = max(edge["articles"], tie.articles)
        if tie.kind in ("speaks_about", "told"):
            edge[tie.kind] += tie.count
        else:
            edge["relations"] += tie.count
            edge["relation_types"].add(tie.kind)
    involved = {end for pair in edges for end in pair}
    for actor in queries.actors(store, unnamed=unnamed):
        if actor.id in involved or actor.quotes:
            graph.add_node(str(actor.id), label=actor.name, type=actor.type.value, quotes=actor.quotes,
                           articles=actor.articles, mentions=actor.mentions, named=actor.named)
    for (source, target), data in edges.items():
        if str(source) in graph and str(target) in graph:
            kinds = [k for k in ("speaks_about", "told") if data[k]] + sorted(data["relation_types"])
            graph.add_edge(str(source), str(target), **{**data, "relation_types": ";".join(
                sorted(data["relation_types"])), "kinds": ";".join(kinds)})
    return graph


def write_graph(graph: Any, out: IO[bytes], fmt: str) -> None:
    import networkx as nx

    if fmt == "gexf":
        nx.write_gexf(graph, out)
    elif fmt == "graphml":
        nx.write_graphml(graph, out)
    else:
        raise ValueError(f"not a graph format: {fmt}")
