"""The hand-annotated evaluation sets shipped with sayso (see README.md in this folder), so
``sayso eval certainty`` and ``sayso eval relations`` run from any directory."""
from __future__ import annotations

from pathlib import Path

SETS = ("certainty", "relations")


def eval_set(name: str) -> Path:
    """The path of the packaged set ``name`` (certainty or relations)."""
    if name not in SETS:
        raise ValueError(f"unknown evaluation set {name!r}; choose among {', '.join(SETS)}")
    return Path(__file__).with_name(f"{name}.jsonl")
