"""A stored analysis read back as the JSON contract (``Analysis.to_dict()``), extras included."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..errors import StoreError


def analysis_dict(conn: sqlite3.Connection, article_id: int) -> dict[str, Any]:
    """The stored analysis as the JSON contract (``Analysis.to_dict()``), extras included."""
    article = conn.execute("SELECT text, warnings, extra FROM articles WHERE id = ?",
                           (article_id,)).fetchone()
    if article is None:
        raise StoreError(f"no article with id {article_id}")
    actors = []
    for row in conn.execute("SELECT * FROM article_actors WHERE article_id = ? ORDER BY id",
                            (article_id,)):
        mentions = [[m[0], m[1]] for m in conn.execute(
            "SELECT start_char, end_char FROM mentions WHERE article_actor_id = ? ORDER BY id",
            (row["id"],))]
        actors.append({"id": row["local_id"], "name": row["name"], "type": row["type"],
                       "aliases": json.loads(row["aliases"]), "roles": json.loads(row["roles"]),
                       "mentions": mentions, "named": bool(row["named"]),
                       **json.loads(row["extra"] or "{}")})
    parts: dict[int, list[list[int]]] = {}
    for part in conn.execute("SELECT quote_id, start_char, end_char FROM quote_parts "
                             "WHERE article_id = ? ORDER BY id", (article_id,)):
        parts.setdefault(part[0], []).append([part[1], part[2]])
    quotes = []
    # in the engine's order (q1, q2 … q10): a re-analysed article's quotes keep older row ids
    for row in conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY length(local_id), "
                            "local_id, id", (article_id,)):
        def pair(a: str, b: str) -> list[int] | None:
            return None if row[a] is None else [row[a], row[b]]

        quotes.append({
            "id": row["local_id"], "kind": row["kind"], "start": row["start_char"],
            "end": row["end_char"], "text": row["text"], "speaker": row["speaker_local_id"],
            "speaker_mention": pair("speaker_start", "speaker_end"), "cue": row["cue"],
            "cue_span": pair("cue_start", "cue_end"), "medium": row["medium_local_id"],
            "medium_mention": pair("medium_start", "medium_end"),
            "inherited": bool(row["inherited"]),
            "parts": parts.get(row["id"], [[row["start_char"], row["end_char"]]]),
            **{k: row[k] for k in ("certainty", "polarity", "stance", "type") if row[k] is not None},
            **json.loads(row["extra"] or "{}"),
        })
    data: dict[str, Any] = {"text": article["text"], "actors": actors, "quotes": quotes,
                            "warnings": json.loads(article["warnings"])}
    data["relations"] = [json.loads(r[0]) for r in conn.execute(
        "SELECT data FROM relations WHERE article_id = ? ORDER BY id", (article_id,))]
    data.update(json.loads(article["extra"] or "{}"))
    return data
