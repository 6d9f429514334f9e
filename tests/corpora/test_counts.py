"""The counts every scorer shares: safe ratios, F1 and key-wise sums, on hand-made numbers."""
from __future__ import annotations

import pytest

from sayso.corpora.counts import Counts, add_maps, f1_score, ratio
from sayso.eval.coref_scoring import BCubed, Resolution
from sayso.eval.news import Tally
from sayso.eval.scoring import Counts as EvalCounts


@pytest.mark.parametrize(("num", "den", "expected"), [(3, 4, 0.75), (0, 0, 0.0), (5, 0, 0.0), (1.5, 3, 0.5)])
def test_ratio(num: float, den: float, expected: float) -> None:
    assert ratio(num, den) == expected


@pytest.mark.parametrize(("p", "r", "expected"), [(0.5, 0.5, 0.5), (1.0, 0.5, 2 / 3), (0.0, 0.0, 0.0)])
def test_f1_score(p: float, r: float, expected: float) -> None:
    assert f1_score(p, r) == pytest.approx(expected)


def test_add_maps_sums_shared_keys_and_keeps_one_sided_ones_in_order() -> None:
    a = {"b": Counts(1, 0, 0), "a": Counts(0, 1, 0)}
    b = {"c": Counts(0, 0, 1), "b": Counts(2, 2, 2)}
    summed = add_maps(a, b)
    assert list(summed) == ["b", "a", "c"]
    assert summed == {"b": Counts(3, 2, 2), "a": Counts(0, 1, 0), "c": Counts(0, 0, 1)}


def test_counts_rates() -> None:
    c = Counts(tp=3, fp=1, fn=3)
    assert (c.gold, c.predicted, c.p, c.r) == (6, 4, 0.75, 0.5)
    assert c.f1 == pytest.approx(0.6)
    assert Counts().f1 == 0.0


def test_the_scorers_share_one_counts_type_and_its_arithmetic() -> None:
    """PolNeAR scoring, coreference and news scoring rate with the same helpers."""
    assert EvalCounts is Counts
    assert Resolution(4, 2, 1).coverage == ratio(2, 4) and Resolution().accuracy == 0.0
    b = BCubed(precision_sum=1.5, recall_sum=1.0, matched=2, gold=3)
    assert (b.p, b.r, b.f1) == (0.75, 0.5, f1_score(0.75, 0.5))
    assert Tally(1, 4).share == 0.25 and Tally().share == 0.0
