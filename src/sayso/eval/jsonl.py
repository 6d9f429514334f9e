"""Read a hand-annotated JSONL evaluation set: one JSON object per line, each parsed into an
item with a unique ``id``; blank lines are skipped, and any fault is an :class:`InputError`
naming the file and line."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sayso.errors import InputError

class _Identified(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=_Identified)


def require_fields(data: Any, fields: tuple[str, ...], where: str) -> dict[str, Any]:
    """``data`` as an item object whose ``fields`` are all non-empty strings, or an
    :class:`InputError` saying what is wrong."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(data).__name__}")
    missing = [k for k in fields if not isinstance(data.get(k), str) or not data.get(k)]
    if missing:
        raise InputError(f"{where}: missing or empty field(s) {', '.join(missing)}")
    return data


def load_items(path: str | Path, parse: Callable[[Any, str], Item], what: str) -> list[Item]:
    """The items of the set at ``path``, each made by ``parse(data, "file:line")``; ``what``
    names the set in the error for a missing file ("certainty", "relation")."""
    path = Path(path)
    try:
        lines = path.read_text("utf-8").splitlines()
    except (FileNotFoundError, IsADirectoryError):
        raise InputError(f"{path}: no such file; pass the path of a {what} JSONL set") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    items: list[Item] = []
    seen: set[str] = set()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
        item = parse(data, where)
        if item.id in seen:
            raise InputError(f"{where}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    return items
