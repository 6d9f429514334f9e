"""brat standoff of machine output reads back as gold: the correct-and-retrain loop."""
from __future__ import annotations

from click.testing import CliRunner

from sayso import extract
from sayso.cli import main
from sayso.eval.brat import parse_ann, read_split
from sayso.standoff import to_brat

TEXT = ('“We will not back down,” Ann Lee, a senior cleric, told reporters. “The money went to orphans.”\n\n'
        'Bob Stone said the count might be wrong.')


def test_every_quote_reads_back_with_its_spans_and_attributes():
    analysis = extract(TEXT, engine="rules")
    gold, mismatches = parse_ann(to_brat(analysis), analysis.text)
    assert mismatches == 0
    assert len(gold) == len(analysis.quotes) >= 2
    for g, q in zip(gold, analysis.quotes):
        assert g.content == tuple(q.parts or ((q.start, q.end),))
        assert g.source == ((q.speaker_mention,) if q.speaker_mention else ())
        assert g.kind == q.kind.value and g.certainty == str(q.certainty) and g.polarity == str(q.polarity)
    split = [g for g in gold if len(g.content) == 2]
    assert split and analysis.text[slice(*split[0].speaker[0])] == "Ann Lee"


def test_export_brat_writes_a_corpus_that_eval_reads(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(article), "--db", str(db)]).exit_code == 0
    result = runner.invoke(main, ["export", "--db", str(db), "--format", "brat", "--out", str(tmp_path / "c" / "dev")])
    assert result.exit_code == 0, result.output
    (article,) = read_split(tmp_path / "c", "dev")
    assert article.mismatches == 0 and len(article.attributions) >= 2


def test_export_brat_needs_a_folder(tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "s.db"), "--format", "brat"])
    assert result.exit_code != 0 and "--out DIR" in result.output
