"""The JSON contract of ``sayso extract --format json``, shipped as a JSON Schema file."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def analysis_schema() -> dict[str, Any]:
    """The JSON Schema every analysis dict conforms to."""
    path = resources.files(__package__).joinpath("schemas", "analysis.schema.json")
    return json.loads(path.read_text("utf-8"))
