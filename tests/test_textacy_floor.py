"""textacy's direct_quotations is the floor: sayso must beat it on resolved speakers of direct
quotes, on indirect quotes and on "according to" attributions, on the same sample articles."""
from __future__ import annotations


from sayso.eval.baseline import textacy_predictions

from .conftest import SAMPLES

PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}


def _textacy_counts(nlp, text):
    try:
        predictions = textacy_predictions(nlp(text))
    except Exception:  # textacy gives up on odd quote counts: it found nothing usable
        predictions = []
    named = sum(1 for p in predictions if p.source and text[p.source[0]:p.source[1]].lower() not in PRONOUNS)
    return {"named_direct": named, "indirect": 0, "according_to": 0}


def _sayso_counts(analysis):
    named_direct = 0
    for quote in analysis.quotes:
        actor = analysis.actor(quote.speaker)
        if quote.kind.value == "direct" and actor is not None and actor.name.lower() not in PRONOUNS:
            named_direct += len(quote.parts)  # textacy counts each half of a split quote
    return {
        "named_direct": named_direct,
        "indirect": sum(q.kind.value in {"indirect", "mixed"} and q.speaker is not None for q in analysis.quotes),
        "according_to": sum(q.kind.value == "according_to" and q.speaker is not None for q in analysis.quotes),
    }


def test_sayso_beats_textacy_on_all_three(nlp, sample_analyses):
    ours = {"named_direct": 0, "indirect": 0, "according_to": 0}
    theirs = dict(ours)
    for path in SAMPLES:
        text = sample_analyses[path.name].text
        for key, value in _sayso_counts(sample_analyses[path.name]).items():
            ours[key] += value
        for key, value in _textacy_counts(nlp, text).items():
            theirs[key] += value
    for key in ours:
        assert ours[key] > theirs[key], (key, ours, theirs)
