"""The French real-news set reads cleanly: every article of both halves annotated, every span
equal to the text at its offsets, every statement with content, speaker and the four attributes."""
from __future__ import annotations

from pathlib import Path

import pytest

from sayso.eval.brat import read_split

ROOT = Path(__file__).resolve().parents[2] / "data" / "eval" / "news-fr"
VALUES = {
    "type": {"speech", "writing", "belief", "intention", "unspecified"},
    "kind": {"direct", "indirect", "mixed", "partial", "according_to", "transcript"},
    "certainty": {"asserted", "hedged", "doubted"},
    "polarity": {"positive", "negative"},
}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_french_split_is_annotated_and_reads_cleanly(split: str) -> None:
    articles = read_split(ROOT, split)
    listed = [line.split("\t") for line in (ROOT / "metadata.tsv").read_text("utf-8").splitlines()[1:]]
    assert sorted(a.name for a in articles) == sorted(row[0] for row in listed if row[1] == split)
    assert len(articles) >= 8
    assert all(a.annotator == "a" and a.attributions for a in articles), "an article is not annotated"
    assert sum(a.mismatches for a in articles) == 0
    for article in articles:
        for attribution in article.attributions:
            assert attribution.content and attribution.speaker, (article.name, attribution.id)
            for field, allowed in VALUES.items():
                assert getattr(attribution, field) in allowed, (article.name, attribution.id, field)
