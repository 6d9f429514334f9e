"""Extraction work grows linearly with the article: four times the paragraphs, about four times
the function calls (counted, not timed), for every engine."""
from __future__ import annotations

import cProfile

import pytest

from sayso.engines import analyze
from sayso.model.loader import available
from sayso.nlp import load_pipeline

PARAGRAPH = ("“Prices rose by {n} percent,” said Maria Okafor, a baker in Riverton. “Nobody can pay.”\n\n"
             "The council said it would not act. She called the plan “a mess”. He said “no.” "
             "“Later,” he said. According to the ministry, the cost was too high.\n\n")


def _calls(paragraphs: int, engine: str) -> int:
    doc = load_pipeline()("".join(PARAGRAPH.format(n=n) for n in range(paragraphs)).strip())
    profile = cProfile.Profile()
    profile.enable()
    analysis = analyze(doc, engine)
    profile.disable()
    assert len(analysis.quotes) >= 3 * paragraphs
    return sum(entry.callcount for entry in profile.getstats())


@pytest.mark.parametrize("engine", ["rules", "trained", "hybrid"])
def test_work_grows_linearly_with_the_number_of_quotes(engine):
    if engine != "rules" and not available():
        pytest.skip("the trained model is not installed")
    small, large = _calls(6, engine), _calls(24, engine)
    assert large / small < 5, f"{large:,} calls for 24 paragraphs against {small:,} for 6"
