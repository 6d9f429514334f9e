"""The hand-annotated relation set: its records and how its JSONL lines are read.

Each line (see ``sayso/eval/data/README.md``) is a short text with its gold relations::

    {"id": "r001", "text": "...", "relations": [{"subject": "<substring>", "predicate": "funds",
     "object": "<substring>", "claimant": "<substring>" | null, "polarity": "positive"}], "note": "..."}

:mod:`sayso.eval.relations` matches the engine's relations against these records and scores them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sayso.errors import InputError
from sayso.eval.certainty_set import POLARITY_LABELS
from sayso.eval.jsonl import load_items, require_fields

#: The predicate vocabulary of docs/relations.md.
PREDICATES = (
    "funds", "trains", "arms", "backs", "allied_with", "ties_with", "targets", "attacks", "kills",
    "accuses", "opposes", "leads", "controls", "detains", "sanctions", "threatens", "recruits",
    "protects", "employs", "member_of", "loyal_to", "proxy_of",
)
#: "X is allied with Y" says as much as "Y is allied with X".
SYMMETRIC = frozenset({"allied_with", "ties_with"})
ITEM_FIELDS = ("id", "text")
RELATION_FIELDS = ("subject", "predicate", "object")

Span = tuple[int, int]


# --- records --------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldRelation:
    """One annotated relation; actors are exact substrings of the item's text."""

    subject: str
    predicate: str
    object: str
    claimant: str | None = None
    polarity: str = "positive"

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.subject, "predicate": self.predicate, "object": self.object,
                "claimant": self.claimant, "polarity": self.polarity}

    def __str__(self) -> str:
        return _describe(self.subject, self.predicate, self.object, self.claimant, self.polarity)


@dataclass(frozen=True)
class RelationItem:
    """One gold item of the evaluation set."""

    id: str
    text: str
    relations: tuple[GoldRelation, ...] = ()
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "relations": [r.to_dict() for r in self.relations],
                "note": self.note}


@dataclass(frozen=True)
class ActorView:
    """What the scorer knows of a predicted actor: how it is called and where it is mentioned."""

    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class PredictedRelation:
    """A predicted relation with its actors resolved to names and mention spans."""

    subject: ActorView | None
    predicate: str
    object: ActorView | None
    claimant: ActorView | None = None
    polarity: str = "positive"
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"subject": _name(self.subject), "predicate": self.predicate, "object": _name(self.object),
                "claimant": None if self.claimant is None else self.claimant.name,
                "polarity": self.polarity, "text": self.text}

    def __str__(self) -> str:
        claimant = None if self.claimant is None else self.claimant.name
        return _describe(_name(self.subject), self.predicate, _name(self.object), claimant, self.polarity)


@dataclass(frozen=True)
class Match:
    """A gold relation and the prediction matched to it."""

    gold: GoldRelation
    predicted: PredictedRelation
    claimant_ok: bool
    polarity_ok: bool


@dataclass(frozen=True)
class RelationError:
    """A missing or spurious relation, or a matched one with a wrong claimant or polarity."""

    id: str
    kind: str  # missing | spurious | claimant | polarity | claimant+polarity
    gold: GoldRelation | None = None
    predicted: PredictedRelation | None = None
    hint: str = ""  # "wrong predicate" or "swapped" when a near prediction explains it
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind,
                "gold": None if self.gold is None else self.gold.to_dict(),
                "predicted": None if self.predicted is None else self.predicted.to_dict(),
                "hint": self.hint, "note": self.note}


@dataclass(frozen=True)
class ItemResult:
    """The matches, misses and spurious predictions of one item."""

    id: str
    matches: tuple[Match, ...] = ()
    missing: tuple[GoldRelation, ...] = ()
    spurious: tuple[PredictedRelation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "matched": [{"gold": m.gold.to_dict(), "predicted": m.predicted.to_dict(),
                         "claimant_ok": m.claimant_ok, "polarity_ok": m.polarity_ok} for m in self.matches],
            "missing": [g.to_dict() for g in self.missing],
            "spurious": [p.to_dict() for p in self.spurious],
        }


def _name(actor: ActorView | None) -> str:
    return "?" if actor is None else actor.name


def _describe(subject: str, predicate: str, obj: str, claimant: str | None, polarity: str) -> str:
    text = f"{subject} {predicate} {obj}"
    if polarity == "negative":
        text = f"NOT({text})"
    return text + (f" [by {claimant}]" if claimant else "")


# --- reading --------------------------------------------------------------------------------

def _parse_relation(data: Any, text: str, where: str) -> GoldRelation:
    if not isinstance(data, dict):
        raise InputError(f"{where}: each relation must be a JSON object")
    missing = [k for k in RELATION_FIELDS if not isinstance(data.get(k), str) or not data.get(k)]
    if missing:
        raise InputError(f"{where}: relation lacks {', '.join(missing)}")
    claimant = data.get("claimant")
    if claimant is not None and (not isinstance(claimant, str) or not claimant):
        raise InputError(f"{where}: claimant must be a substring of the text or null")
    relation = GoldRelation(data["subject"], data["predicate"], data["object"], claimant,
                            data.get("polarity", "positive"))
    if relation.predicate not in PREDICATES:
        raise InputError(f"{where}: predicate {relation.predicate!r} is not in the vocabulary "
                         f"of docs/relations.md")
    if relation.polarity not in POLARITY_LABELS:
        raise InputError(f"{where}: polarity {relation.polarity!r} is not one of {', '.join(POLARITY_LABELS)}")
    for role, value in (("subject", relation.subject), ("object", relation.object), ("claimant", claimant)):
        if value is not None and value not in text:
            raise InputError(f"{where}: {role} {value!r} is not a substring of its text")
    return relation


def parse_item(data: Any, where: str = "<item>") -> RelationItem:
    """One gold item from its JSON object. Raises :class:`InputError` when it is malformed."""
    data = require_fields(data, ITEM_FIELDS, where)
    relations = data.get("relations")
    if not isinstance(relations, list):
        raise InputError(f"{where}: 'relations' must be a list (empty when the text has none)")
    text = data["text"]
    return RelationItem(
        id=data["id"], text=text,
        relations=tuple(_parse_relation(r, text, f"{where} relation {n}") for n, r in enumerate(relations, 1)),
        note=str(data.get("note", "")),
    )


def load_relation_items(path: str | Path) -> list[RelationItem]:
    """The items of a JSONL relation set. Blank lines are skipped and ids must be unique."""
    return load_items(path, parse_item, "relation")
