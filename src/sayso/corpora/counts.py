"""Counts and rates shared by every scorer: safe ratios, F1, and per-key sums of counts."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar


class _Summable(Protocol):
    def __add__(self, other: Any, /) -> Any: ...


K = TypeVar("K")
V = TypeVar("V", bound=_Summable)


def ratio(num: float, den: float) -> float:
    """``num / den``, or 0.0 when ``den`` is zero (a rate over nothing is reported as 0)."""
    return num / den if den else 0.0


def f1_score(p: float, r: float) -> float:
    """The harmonic mean of precision and recall; 0.0 when both are 0."""
    return 2 * p * r / (p + r) if p + r else 0.0


def add_maps(a: Mapping[K, V], b: Mapping[K, V]) -> dict[K, V]:
    """Key-wise sums of two maps of counts (by label, threshold, category…); a key on one side
    only keeps its value. Keys come in the order of ``a``, then the new ones of ``b``."""
    return {key: a[key] + b[key] if key in a and key in b else a[key] if key in a else b[key]
            for key in {**a, **b}}


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def p(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def r(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1_score(self.p, self.r)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "p": self.p, "r": self.r, "f1": self.f1}
