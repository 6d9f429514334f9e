"""Hand-made analyses (no NLP): three articles whose actors, quotes and relations are known."""
from __future__ import annotations

from typing import Any

import pytest

from sayso.ingest import Record
from sayso.store import Store
from sayso.types import Analysis


def _span(text: str, phrase: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return [start, start + len(phrase)]


def build(text: str, actors: dict[str, dict[str, Any]], quotes: list[dict[str, Any]],
          relations: list[dict[str, Any]] = ()) -> Analysis:
    """An Analysis from phrases: every span is found in ``text`` (``(phrase, nth)`` for repeats)."""
    def find(value):
        return _span(text, *value) if isinstance(value, tuple) else _span(text, value)

    data: dict[str, Any] = {"text": text, "actors": [], "quotes": [], "relations": [], "warnings": []}
    for local, actor in actors.items():
        data["actors"].append({"id": local, "name": actor["name"], "type": actor["type"],
                               "aliases": actor.get("aliases", []), "roles": actor.get("roles", []),
                               "mentions": [find(m) for m in actor["mentions"]],
                               "named": actor.get("named", True)})
    for number, quote in enumerate(quotes, 1):
        start, end = find(quote["text"])
        item = {"id": f"q{number}", "kind": quote["kind"], "start": start, "end": end,
                "text": text[start:end], "speaker": quote.get("speaker"),
                "speaker_mention": find(quote["by"]) if quote.get("by") else None,
                "cue": text.__getitem__(slice(*find(quote["cue"]))) if quote.get("cue") else None,
                "cue_span": find(quote["cue"]) if quote.get("cue") else None,
                "medium": quote.get("medium"),
                "medium_mention": find(quote["via"]) if quote.get("via") else None,
                "inherited": False}
        for key in ("certainty", "polarity", "stance", "type"):
            if key in quote:
                item[key] = quote[key]
        if "hedge" in quote:
            s, e = find(quote["hedge"])
            item["hedges"] = [{"text": text[s:e], "start": s, "end": e, "kind": "hedge"}]
        data["quotes"].append(item)
    for number, relation in enumerate(relations, 1):
        start, end = find(relation["text"])
        data["relations"].append({"id": f"r{number}", "subject": relation["subject"],
                                  "predicate": relation["predicate"], "object": relation["object"],
                                  "claimant": relation.get("claimant"), "quote": relation.get("quote"),
                                  "start": start, "end": end, "text": text[start:end],
                                  "certainty": "asserted", "polarity": "positive",
                                  "trigger": find(relation["trigger"])})
    return Analysis.from_dict(data)


A1 = "“We will not raise taxes,” Mayor Helen Brannigan told The Riverside Herald. Brannigan said Tomas Whitaker was wrong. A senior official said the plan might fail."
A2 = "Tomas Whitaker said Brannigan’s numbers did not add up. Iran funds the militias, according to Whitaker. A senior official said nothing."
A3 = "Helen Brannigan, the charity, said in a statement that donations had doubled."


def articles() -> list[tuple[Record, Analysis]]:
    one = build(A1, {
        "a1": {"name": "Helen Brannigan", "type": "PERSON", "mentions": ["Mayor Helen Brannigan", ("Brannigan", 1)],
               "aliases": ["Brannigan", "Mayor Helen Brannigan"], "roles": ["Mayor"]},
        "a2": {"name": "The Riverside Herald", "type": "MEDIA", "mentions": ["The Riverside Herald"]},
        "a3": {"name": "Tomas Whitaker", "type": "PERSON", "mentions": ["Tomas Whitaker"]},
        "a4": {"name": "a senior official", "type": "PERSON", "mentions": ["A senior official"], "named": False},
    }, [
        {"kind": "direct", "text": "We will not raise taxes", "speaker": "a1", "by": "Mayor Helen Brannigan",
         "cue": "told", "medium": "a2", "via": "The Riverside Herald", "polarity": "negative"},
        {"kind": "indirect", "text": "Tomas Whitaker was wrong", "speaker": "a1", "by": ("Brannigan", 1),
         "cue": "said", "stance": "neutral"},
        {"kind": "indirect", "text": "the plan might fail", "speaker": "a4", "by": "A senior official",
         "cue": ("said", 1), "certainty": "hedged", "hedge": "might"},
    ])
    two = build(A2, {
        "a1": {"name": "Tomas Whitaker", "type": "PERSON", "mentions": ["Tomas Whitaker", ("Whitaker", 1)],
               "aliases": ["Whitaker"]},
        "a2": {"name": "Helen Brannigan", "type": "PERSON", "mentions": ["Brannigan"], "aliases": ["Brannigan"]},
        "a3": {"name": "Iran", "type": "GPE", "mentions": ["Iran"]},
        "a4": {"name": "the militias", "type": "ORG", "mentions": ["the militias"], "named": False},
        "a5": {"name": "a senior official", "type": "PERSON", "mentions": ["A senior official"], "named": False},
    }, [
        {"kind": "indirect", "text": "Brannigan’s numbers did not add up", "speaker": "a1",
         "by": "Tomas Whitaker", "cue": "said", "polarity": "negative"},
        {"kind": "according_to", "text": "Iran funds the militias", "speaker": "a1", "by": ("Whitaker", 1),
         "cue": "according to", "type": "unspecified"},
    ], [
        {"subject": "a3", "predicate": "funds", "object": "a4", "claimant": "a1", "quote": "q2",
         "text": "Iran funds the militias", "trigger": "funds"},
    ])
    three = build(A3, {
        "a1": {"name": "Helen Brannigan", "type": "ORG", "mentions": ["Helen Brannigan"], "roles": ["the charity"]},
    }, [
        {"kind": "indirect", "text": "that donations had doubled", "speaker": "a1", "by": "Helen Brannigan",
         "cue": "said", "type": "writing"},  # said in a statement
    ])
    return [
        (Record(key="one.html", text=A1, url="https://gazette.example/1", title="Taxes", published="2024-03-01",
                outlet="Millbrook Gazette", author="Jane Reporter", source="feed.xml"), one),
        (Record(key="two.html", text=A2, url="https://herald.example/2", title="Numbers", published="2024-04-02T10:00:00",
                outlet="Riverside Herald", source="crawl.warc.gz"), two),
        (Record(key="three.txt", text=A3, source="three.txt"), three),
    ]


@pytest.fixture
def store() -> Store:
    store = Store(":memory:")
    for record, analysis in articles():
        assert store.add(record, analysis) is not None
    return store
