"""The actor network as plain JSON (nodes and edges), for the web page and the ``/graph`` API.

An edge A → B sums the store's ties (:func:`sayso.store.queries.ties`): A speaks about B in a
quote, tells B as a medium, or stands in a relation the engine reports ("funds", "backs").
With ``co_quoted`` it also links speakers quoted in the same articles (undirected). Around one
actor (``actor_id``) the graph keeps what lies within ``depth`` steps of them. No networkx here:
``sayso.export`` builds the same network as a networkx graph for GEXF and GraphML.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from .store import queries
from .store.queries import ArticleFilter
from .store.store import Store

CO_QUOTED = "co_quoted"


@dataclass
class _Edge:
    source: int
    target: int
    weight: int = 0
    articles: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": f"{self.source}-{self.target}", "source": self.source, "target": self.target,
                "weight": self.weight, "articles": self.articles, "kinds": dict(sorted(self.kinds.items())),
                "directed": set(self.kinds) != {CO_QUOTED}}


def actor_graph(store: Store, flt: ArticleFilter = ArticleFilter(), *, actor_id: int | None = None,
                depth: int = 1, unnamed: bool = False, co_quoted: bool = False,
                max_nodes: int = 150) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...], "truncated": bool}``; nodes carry the actor's name,
    type and counts (and ``focus`` for ``actor_id``), edges their weight and kinds."""
    edges: dict[tuple[int, int], _Edge] = {}

    def add(source: int, target: int, kind: str, count: int, articles: int) -> None:
        edge = edges.setdefault((source, target), _Edge(source, target))
        edge.weight += count
        edge.articles = max(edge.articles, articles)
        edge.kinds[kind] = edge.kinds.get(kind, 0) + count

    for tie in queries.ties(store, flt, unnamed=unnamed):
        add(tie.source_id, tie.target_id, tie.kind, tie.count, tie.articles)
    if co_quoted:  # around one actor, only their own co-quoted links (not a clique per article)
        for one, other, shared in queries.co_quoted(store, flt, actor_id=actor_id, unnamed=unnamed):
            add(one, other, CO_QUOTED, shared, shared)

    neighbours: dict[int, set[int]] = {}
    for source, target in edges:
        neighbours.setdefault(source, set()).add(target)
        neighbours.setdefault(target, set()).add(source)
    strength: dict[int, int] = {}
    for edge in edges.values():
        strength[edge.source] = strength.get(edge.source, 0) + edge.weight
        strength[edge.target] = strength.get(edge.target, 0) + edge.weight

    if actor_id is not None:
        distance = {actor_id: 0}
        queue = deque([actor_id])
        while queue:
            node = queue.popleft()
            if distance[node] >= depth:
                continue
            for other in sorted(neighbours.get(node, ()), key=lambda n: -strength.get(n, 0)):
                if other not in distance:
                    distance[other] = distance[node] + 1
                    queue.append(other)
        ranked = sorted(distance, key=lambda n: (distance[n], -strength.get(n, 0), n))
    else:
        ranked = sorted(strength, key=lambda n: (-strength[n], n))
    kept = ranked[:max(1, max_nodes)]
    keep = set(kept)

    nodes = []
    for node in kept:
        actor = queries.get_actor(store, node)
        if actor is None:
            continue
        nodes.append({"id": actor.id, "label": actor.name, "type": actor.type.value, "named": actor.named,
                      "quotes": actor.quotes, "articles": actor.articles, "mentions": actor.mentions,
                      "degree": len(neighbours.get(actor.id, ())), "focus": actor.id == actor_id})
    present = {n["id"] for n in nodes}
    kept_edges = [e.to_dict() for (s, t), e in sorted(edges.items())
                  if s in keep and t in keep and s in present and t in present]
    return {"nodes": nodes, "edges": kept_edges, "truncated": len(ranked) > len(kept)}
