"""The claim scorer maps the store's offsets (of the normalised text) back to the set's."""
from __future__ import annotations

from sayso.claims import Claim, Report
from sayso.eval.claim_set import ClaimSet, GoldReport
from sayso.eval.claims import URL, score
from sayso.text import normalized

# Double spaces before the reports: the store keeps single spaces, so its offsets run short.
TEXTS = {"dev/a": "Intro" + " " * 30 + "text. Officials said the dam was safe.",
         "dev/b": "Other" + " " * 40 + "intro. The mayor said the dam was safe."}


def _gold(article: str, words: str) -> GoldReport:
    start = TEXTS[article].index(words)
    return GoldReport("c1", article, start, start + len(words), "affirms", words)


def _told(number: int, article: str, words: str) -> Report:
    stored = normalized(TEXTS[article]).text
    start = stored.index(words)
    return Report(quote_id=number, article_id=number, local_id="q1", source=article, text=words, start=start,
                  end=start + len(words), kind="indirect", speaker=None, speaker_id=None, cue="said", certainty=None,
                  polarity=None, position="affirms", published=None, title=None, url=URL.format(article))


def test_stored_offsets_are_read_in_the_sets_text():
    words = "the dam was safe"
    claim_set = ClaimSet(claims=(), reports=(_gold("dev/a", words), _gold("dev/b", words)), texts=TEXTS)
    reports = (_told(1, "dev/a", words), _told(2, "dev/b", words))
    claim = Claim(id=1, text=words, verdict="agree", sources=("dev/a", "dev/b"), speakers=(), terms=(), similarity=1.0,
                  reports=reports)
    spans = {a: [(r.start, r.end)] for a, r in zip(TEXTS, reports)}
    stored = {a: normalized(t) for a, t in TEXTS.items()}
    mapped = score(claim_set, [claim], spans, stored=stored)
    assert mapped.matched_reports == 2 and mapped.pairs == (1, 1, 1, 1) and mapped.found_as_statements == 2
    # read without the map, the shifted spans miss their gold reports
    assert score(claim_set, [claim], spans).matched_reports < 2
