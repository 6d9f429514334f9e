"""The scorer on tiny hand-made gold/prediction pairs whose numbers are known."""
from __future__ import annotations

import pytest

from sayso.eval.brat import GoldAttribution
from sayso.eval.report import format_markdown, format_table
from sayso.eval.scoring import (
    Counts,
    EvalReport,
    PredictedAttribution,
    QuoteScores,
    Scores,
    SystemReport,
    exact_counts,
    gold_kind,
    match_quotes,
    normalize,
    score_article,
    score_corpus,
    token_counts,
    trim,
)

Span = tuple[int, int]


def at(text: str, sub: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return (start, start + len(sub))


def gold(text: str, source: str | None, cue: str | None, *content: str) -> GoldAttribution:
    return GoldAttribution(
        id="E", label="Attribution" if source else "Attribution-no-source",
        source=(at(text, source),) if source else (),
        cue=(at(text, cue),) if cue else (),
        content=tuple(at(text, c) for c in content),
    )


def pred(text: str, source: str | None, cue: str | None, content: str | None, kind: str | None = None) -> PredictedAttribution:
    return PredictedAttribution(
        source=at(text, source) if source else None,
        cue=at(text, cue) if cue else None,
        content=at(text, content) if content else None,
        kind=kind,
    )


# One direct quote found exactly (up to quote marks), one indirect quote found in part,
# one spurious prediction.
TEXT = "Smith said: “We will win.” He added that taxes would fall. Sales rose."
GOLD = [
    gold(TEXT, "Smith", "said", "“We will win.”"),
    gold(TEXT, "He", "added", "that taxes would fall"),
]
PRED = [
    pred(TEXT, "Smith", "said", "We will win.", "direct"),
    pred(TEXT, "He", "added", "taxes would fall.", "indirect"),
    pred(TEXT, None, None, "Sales rose", "indirect"),
]


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("  “We will win,” ", "We will win"),
        ("'straight'", "straight"),
        ("‘single curly’.", "single curly"),
        ("— (aside) …", "aside"),
        ("U.S.", "U.S"),
        ("$5", "$5"),
    ],
)
def test_trim_drops_space_punctuation_and_quote_marks_at_ends(raw: str, kept: str) -> None:
    text = f"<{raw}>"
    start, end = trim(text, (1, 1 + len(raw)))  # type: ignore[misc]
    assert text[start:end] == kept


def test_trim_of_punctuation_only_is_none() -> None:
    assert trim("“,”", (0, 3)) is None


def test_normalize_merges_fragments_into_a_set_of_characters() -> None:
    text = "abcdefghij"
    assert normalize(text, [(5, 9), (0, 5)]) == ((0, 9),)
    assert normalize(text, [(0, 4), (2, 6), (8, 10)]) == ((0, 6), (8, 10))


def test_exact_match_per_role() -> None:
    scores = score_article(TEXT, GOLD, PRED)
    assert scores.exact.source == Counts(2, 0, 0)
    assert scores.exact.cue == Counts(2, 0, 0)
    # "We will win." equals "“We will win.”" once trimmed; "taxes would fall" is not
    # "that taxes would fall"; "Sales rose" is spurious
    assert scores.exact.content == Counts(1, 2, 1)


def test_token_overlap_per_role() -> None:
    scores = score_article(TEXT, GOLD, PRED)
    # gold: We will win that taxes would fall (7); predicted adds Sales rose, lacks that
    assert scores.token.content == Counts(6, 2, 1)
    assert scores.token.source == Counts(2, 0, 0)


def test_missed_attribution_counts_only_false_negatives() -> None:
    scores = score_article(TEXT, GOLD, [])
    assert scores.exact.content == Counts(0, 0, 2)
    assert scores.token.cue == Counts(0, 0, 2)
    assert scores.quotes[0.3].counts == Counts(0, 0, 2)


def test_quote_matching_at_both_thresholds() -> None:
    scores = score_article(TEXT, GOLD, PRED)
    # "taxes would fall" covers 16 of the 21 characters of "that taxes would fall": 0.76
    assert scores.quotes[0.3] == QuoteScores(Counts(2, 1, 0), speaker_correct=2, speaker_total=2)
    assert scores.quotes[0.8] == QuoteScores(Counts(1, 2, 1), speaker_correct=1, speaker_total=1)


def test_breakdown_by_quote_kind() -> None:
    scores = score_article(TEXT, GOLD, PRED)
    assert scores.kinds["direct"] == {0.3: Counts(1, 0, 0), 0.8: Counts(1, 0, 0)}
    assert scores.kinds["indirect"] == {0.3: Counts(1, 1, 0), 0.8: Counts(0, 2, 1)}


@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        ("He said: “We will win.”", ["“We will win.”"], "direct"),
        ("He said: “We will win.”", ["We will win."], "direct"),  # marks left outside
        ('He said "yes we can" loudly.', ["yes we can"], "direct"),
        ("“We will win,” he said, “and govern.”", ["“We will win,”", "“and govern.”"], "direct"),
        ("He said they “will not back down.”", ["they “will not back down.”"], "indirect"),
        # the closing mark before and the opening mark after belong to other sentences
        ("It ended.” Polls show a tie. “Next", ["Polls show a tie"], "indirect"),
        ("He said that they would win.", ["that they would win"], "indirect"),
        ("It’s ‘in their heads.’", ["‘in their heads.’"], "indirect"),  # single marks
    ],
)
def test_gold_kind(text: str, content: list[str], kind: str) -> None:
    assert gold_kind(text, tuple(at(text, c) for c in content)) == kind


def test_discontinuous_gold_is_compared_as_its_characters() -> None:
    text = "“We will win,” Smith said, “and we will govern.”"
    gold_content = (at(text, "“We will win,”"), at(text, "“and we will govern.”"))
    two_fragments = (at(text, "We will win"), at(text, "and we will govern."))
    one_span = ((0, len(text)),)
    assert exact_counts(text, [gold_content], [two_fragments]) == Counts(1, 0, 0)
    assert exact_counts(text, [gold_content], [one_span]) == Counts(0, 1, 1)
    # the one span covers all 30 trimmed gold characters (and "Smith said" besides)
    assert match_quotes([normalize(text, gold_content)], [normalize(text, one_span)], 0.8) == [(0, 0)]
    assert token_counts(text, [gold_content], [one_span]) == Counts(7, 2, 0)


def test_thresholds_are_inclusive_shares_of_the_gold_span() -> None:
    g = [((0, 100),)]
    assert match_quotes(g, [((0, 30),)], 0.3) == [(0, 0)]
    assert match_quotes(g, [((0, 29),)], 0.3) == []
    assert match_quotes(g, [((0, 30),)], 0.8) == []
    assert match_quotes(g, [((10, 90),)], 0.8) == [(0, 0)]
    assert match_quotes(g, [((0, 500),)], 0.8) == [(0, 0)]  # a longer prediction still covers it
    assert match_quotes(g, [((0, 55),)], 0.55) == [(0, 0)]  # though 0.55 * 100 > 55.0 in floats


def test_matching_is_one_to_one_greedy_by_overlap() -> None:
    assert match_quotes([((0, 10),)], [((0, 4),), ((0, 10),)], 0.3) == [(0, 1)]
    assert match_quotes([((0, 10),), ((20, 30),)], [((0, 30),)], 0.3) == [(0, 0)]
    # P0 takes A (10 shared) before B (4 shared); B then goes to P1
    assert match_quotes([((0, 10),), ((10, 14),)], [((0, 14),), ((8, 14),)], 0.3) == [(0, 0), (1, 1)]


def test_speaker_accuracy_over_matched_quotes_with_a_gold_source() -> None:
    text = "Smith said “we will win big”. Jones said “we will lose”. Polls showed “a tie”."
    gold_ = [
        gold(text, "Smith", "said", "“we will win big”"),
        gold(text, "Jones", "said", "“we will lose”"),
        gold(text, None, "showed", "“a tie”"),
    ]
    pred_ = [
        pred(text, "Smith said", "said", "“we will win big”", "direct"),  # overlaps Smith: right
        pred(text, "Smith", None, "we will lose", "direct"),  # wrong speaker
        pred(text, "Polls", "showed", "a tie", "direct"),  # gold has no source: not counted
    ]
    quotes = score_article(text, gold_, pred_).quotes[0.8]
    assert quotes.counts == Counts(3, 0, 0)
    assert (quotes.speaker_correct, quotes.speaker_total, quotes.speaker_accuracy) == (1, 2, 0.5)


def test_speaker_matching_ignores_trimmed_punctuation() -> None:
    text = "“Yes,” said Smith, “we will.”"
    gold_ = [gold(text, "Smith", "said", "“Yes,”", "“we will.”")]
    # the prediction's speaker is only the comma after the name: nothing left once trimmed
    pred_ = [PredictedAttribution(source=(17, 18), content=at(text, "“Yes,”"), kind="direct")]
    assert text[17:18] == ","
    quotes = score_article(text, gold_, pred_).quotes[0.3]
    assert (quotes.counts, quotes.speaker_correct, quotes.speaker_total) == (Counts(1, 0, 0), 0, 1)


def test_spans_are_deduplicated_per_article_and_role() -> None:
    text = "Smith said “a b c d”, and “e f g h”."
    gold_ = [gold(text, "Smith", "said", "“a b c d”")]
    pred_ = [pred(text, "Smith", "said", "“a b c d”"), pred(text, "Smith", "said", "“e f g h”")]
    scores = score_article(text, gold_, pred_)
    assert scores.exact.source == Counts(1, 0, 0)
    assert scores.exact.content == Counts(1, 1, 0)


def test_corpus_scores_are_micro_averaged() -> None:
    other = "Nothing was said here."
    total = score_corpus([(TEXT, GOLD, PRED), (other, [], [pred(other, None, None, "Nothing was said")])])
    assert total.exact.content == Counts(1, 3, 1)
    assert total.quotes[0.3].counts == Counts(2, 2, 0)
    assert (total.exact.content.p, total.exact.content.r, total.exact.content.f1) == (0.25, 0.5, pytest.approx(1 / 3))


def test_counts_with_zero_denominators_are_zero() -> None:
    assert (Counts().p, Counts().r, Counts().f1) == (0.0, 0.0, 0.0)
    assert Counts(0, 3, 0).f1 == 0.0
    assert Counts(2, 1, 1).to_dict() == {"tp": 2, "fp": 1, "fn": 1, "p": 2 / 3, "r": 2 / 3, "f1": pytest.approx(2 / 3)}


def _report() -> EvalReport:
    system = SystemReport("textacy", score_article(TEXT, GOLD, PRED), articles=1, seconds=0.5,
                          failures=("b: ExtractionError: textacy direct_quotations failed",))
    return EvalReport("polnear", "dev", articles=1, gold_attributions=2, mismatches=0, systems={"textacy": system})


def test_report_to_dict() -> None:
    data = _report().to_dict()
    system = data["systems"]["textacy"]
    assert system["articles_per_second"] == 2.0
    assert system["scores"]["quotes"]["0.3"]["speaker_accuracy"] == 1.0
    assert system["scores"]["kinds"]["indirect"]["0.8"]["fn"] == 1
    assert isinstance(Scores().to_dict()["quotes"], dict)


def test_table_and_markdown_show_the_numbers() -> None:
    table = format_table(_report())
    assert "  content                   33.3   50.0   40.0" in table
    assert "50.6 / 53.4 / 28.6" in table and "13.9 / – / 17.5" in table and "83.2 / 75.3 / 72.9" in table
    assert "1 of 1" in table and "! textacy: b: ExtractionError" in table
    markdown = format_markdown(_report())
    assert "| content | 33.3 | 50.0 | 40.0 |" in markdown
    assert "| speaker acc. ≥0.3 | 100.0 of 2 |" in markdown
    assert "## How to reproduce" in markdown
    assert "sayso eval polnear ../shared/data/polnear --split dev --markdown docs/accuracy.md" in markdown
