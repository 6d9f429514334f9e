"""The JSON contract of ``sayso extract --format json``, shipped as a JSON Schema file.

Its closed vocabularies (``$defs/certainty``, ``$defs/quote_kind`` …) are generated from the
enums of :mod:`sayso.types`: ``python -m sayso.schema`` rewrites them in the file, and a test
fails when the file and the enums differ. The web page reads the same definitions through
:func:`vocabularies` (``GET /vocabularies``).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .types import VOCABULARIES, Vocabulary

SCHEMA_FILE = ("schemas", "analysis.schema.json")


@lru_cache(maxsize=1)
def analysis_schema() -> dict[str, Any]:
    """The JSON Schema every analysis dict conforms to."""
    path = resources.files(__package__).joinpath(*SCHEMA_FILE)
    return json.loads(path.read_text("utf-8"))


def vocabulary_schema(vocabulary: type[Vocabulary]) -> dict[str, Any]:
    """One vocabulary as a schema definition: its values, what it means, and each value in words
    (``x-labels``, an annotation validators ignore)."""
    return {
        "enum": [member.value for member in vocabulary],
        "description": (vocabulary.__doc__ or "").strip().splitlines()[0],
        "x-labels": {member.value: member.label for member in vocabulary},
    }


def with_vocabularies(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every vocabulary definition generated from :data:`sayso.types.VOCABULARIES`."""
    definitions = dict(schema.get("$defs", {}))
    definitions.update({name: vocabulary_schema(v) for name, v in VOCABULARIES.items()})
    return {**schema, "$defs": definitions}


def vocabularies() -> dict[str, dict[str, Any]]:
    """The schema's vocabularies by name: ``{"certainty": {"values": [...], "labels": {...},
    "description": ...}}``, what the web page needs to fill its filters and label its badges."""
    definitions = analysis_schema()["$defs"]
    return {name: {"values": list(definitions[name]["enum"]), "labels": dict(definitions[name]["x-labels"]),
                   "description": definitions[name]["description"]}
            for name in VOCABULARIES}


def write_schema(path: Path) -> None:
    """Regenerate the vocabularies of the schema file at ``path`` in place."""
    schema = with_vocabularies(json.loads(path.read_text("utf-8")))
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    write_schema(Path(__file__).parent.joinpath(*SCHEMA_FILE))
