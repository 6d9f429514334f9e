"""The hand-annotated certainty set: its items, how its JSONL lines are read, and its splits.

Each line (see ``sayso/eval/data/README.md``) is one sentence with one attributed statement::

    {"id": "c001", "text": "...", "quote": "<exact substring of text>",
     "certainty": "asserted|hedged|doubted", "polarity": "positive|negative", "note": "..."}

The relation set shares its polarity labels and its dev/test split by id number.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sayso.errors import ConfigError, InputError
from sayso.eval.jsonl import load_items, require_fields

CERTAINTY_LABELS = ("asserted", "hedged", "doubted")
POLARITY_LABELS = ("positive", "negative")
FIELDS = ("id", "text", "quote", "certainty", "polarity")
SPLITS = ("all", "dev", "test")


@dataclass(frozen=True)
class CertaintyItem:
    """One gold item of the evaluation set."""

    id: str
    text: str
    quote: str
    certainty: str
    polarity: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "quote": self.quote,
            "certainty": self.certainty, "polarity": self.polarity, "note": self.note,
        }


def parse_item(data: Any, where: str = "<item>") -> CertaintyItem:
    """One gold item from its JSON object. Raises :class:`InputError` when it is malformed."""
    data = require_fields(data, FIELDS, where)
    item = CertaintyItem(
        id=data["id"], text=data["text"], quote=data["quote"],
        certainty=data["certainty"], polarity=data["polarity"], note=str(data.get("note", "")),
    )
    if item.certainty not in CERTAINTY_LABELS:
        raise InputError(f"{where}: certainty {item.certainty!r} is not one of {', '.join(CERTAINTY_LABELS)}")
    if item.polarity not in POLARITY_LABELS:
        raise InputError(f"{where}: polarity {item.polarity!r} is not one of {', '.join(POLARITY_LABELS)}")
    if item.quote not in item.text:
        raise InputError(f"{where}: quote {item.quote!r} is not a substring of its text")
    return item


def load_certainty_items(path: str | Path) -> list[CertaintyItem]:
    """The items of a JSONL evaluation set. Blank lines are skipped and ids must be unique."""
    return load_items(path, parse_item, "certainty")


def in_split(item_id: str, split: str) -> bool:
    """Whether an item belongs to ``split``: dev = even id number, test = odd."""
    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}; choose among {', '.join(SPLITS)}")
    if split == "all":
        return True
    digits = "".join(ch for ch in item_id if ch.isdigit())
    return (int(digits or 0) % 2 == 0) == (split == "dev")
