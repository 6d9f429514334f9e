"""The claims' word lists, kept as data in ``lexicons/`` (each file notes its source)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath("lexicons", f"{name}.txt").read_text("utf-8")
    return [line.split("#", 1)[0].rstrip() for line in text.splitlines()]


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The lower-cased entries of ``lexicons/NAME.txt`` (``#`` starts a comment)."""
    return frozenset(line.strip().lower() for line in _lines(name) if line.strip())


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """The ``KEY<TAB>VALUE`` lines of ``lexicons/NAME.txt`` as a map (keys lower-cased). Shared by
    every caller: read it, never change it."""
    pairs = (line.split("\t") for line in _lines(name))
    return {p[0].strip().lower(): p[1].strip() for p in pairs if len(p) == 2 and p[0].strip()}
