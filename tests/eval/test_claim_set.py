"""The claim set's loader: spans checked against the corpus, one split at a time."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.errors import ConfigError, InputError
from sayso.eval.claim_set import GoldReport, checksum, describe, is_contradiction, load_claim_set, main

TEXT_A = 'Senator Smith said the bridge will close in May.\r\nShe added more.'
TEXT_B = "The bridge will not close in May, the mayor said."


def _corpus(tmp_path: Path) -> Path:
    for split, name, text in (("train", "a", TEXT_A), ("dev", "b", TEXT_B)):
        folder = tmp_path / "polnear" / split / "text"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.txt").write_bytes(text.encode("utf-8"))
    return tmp_path / "polnear"


def _set(tmp_path: Path, reports: list[dict]) -> Path:
    folder = tmp_path / "set"
    folder.mkdir()
    claims = [{"id": "c1", "split": "dev", "proposition": "the bridge closes in May"},
              {"id": "c2", "split": "test", "proposition": "something else"}]
    (folder / "claims.jsonl").write_text("\n".join(json.dumps(c) for c in claims), encoding="utf-8")
    (folder / "reports.jsonl").write_text("\n".join(json.dumps(r) for r in reports), encoding="utf-8")
    return folder


def _report(article: str, text: str, span: str, position: str, claim: str = "c1") -> dict:
    start = text.index(span)
    return {"claim": claim, "article": article, "start": start, "end": start + len(span),
            "sha1": checksum(span), "position": position}


def test_loads_the_split_with_spans_from_the_corpus(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    folder = _set(tmp_path, [_report("train/a", TEXT_A, "the bridge will close in May", "affirms"),
                             _report("dev/b", TEXT_B, "The bridge will not close in May", "denies"),
                             _report("dev/b", TEXT_B, "the mayor", "affirms", claim="c2")])
    dev = load_claim_set(corpus, "dev", folder)
    assert [c.id for c in dev.claims] == ["c1"]
    assert [(r.article, r.text, r.position) for r in dev.reports] == [
        ("train/a", "the bridge will close in May", "affirms"), ("dev/b", "The bridge will not close in May", "denies")]
    assert dev.articles == ("dev/b", "train/a")
    assert "\r\n" in dev.texts["train/a"]  # bytes as they are: offsets past a CRLF stay right
    assert [r.text for r in load_claim_set(corpus, "test", folder).reports] == ["the mayor"]


def test_a_span_that_does_not_match_its_checksum_is_refused(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    bad = _report("dev/b", TEXT_B, "The bridge will not close in May", "denies")
    bad["end"] -= 1
    with pytest.raises(InputError, match="checksum"):
        load_claim_set(corpus, "dev", _set(tmp_path, [bad]))


def test_unknown_position_article_and_split_are_clear_errors(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    with pytest.raises(InputError, match="position"):
        load_claim_set(corpus, "dev", _set(tmp_path, [_report("dev/b", TEXT_B, "The bridge", "maybe")]))
    missing = _report("dev/b", TEXT_B, "The bridge", "affirms")
    missing["article"] = "dev/zzz"
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(ConfigError, match="not in the corpus"):
        load_claim_set(corpus, "dev", _set(other, [missing]))
    with pytest.raises(ConfigError, match="split"):
        load_claim_set(corpus, "train", tmp_path / "set")



def test_describe_counts_positions_contradictions_and_hard_negatives(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    folder = tmp_path / "set"
    folder.mkdir()
    claims = [{"id": "c1", "split": "dev", "proposition": "the bridge closes in May"},
              {"id": "c2", "split": "dev", "proposition": "the mayor speaks", "note": "hard negative of c1"},
              {"id": "c3", "split": "test", "proposition": "something else"}]
    reports = [_report("train/a", TEXT_A, "the bridge will close in May", "affirms"),
               _report("dev/b", TEXT_B, "The bridge will not close in May", "denies"),
               _report("dev/b", TEXT_B, "the mayor", "hedges", claim="c2")]
    (folder / "claims.jsonl").write_text("\n".join(json.dumps(c) for c in claims), encoding="utf-8")
    (folder / "reports.jsonl").write_text("\n".join(json.dumps(r) for r in reports), encoding="utf-8")
    summary = describe(load_claim_set(corpus, "dev", folder), "dev")
    assert (summary.claims, summary.reports, summary.articles, summary.publishers) == (2, 3, 2, 2)
    assert summary.positions == {"affirms": 1, "denies": 1, "hedges": 1}
    assert (summary.multi_report_claims, summary.multi_publisher_claims) == (1, 1)
    assert (summary.contradictions, summary.hard_negatives) == (1, 1)
    assert "1 contradictions, 1 hard negatives" in "\n".join(summary.lines())
    empty = describe(load_claim_set(corpus, "test", folder), "test")
    assert (empty.claims, empty.reports, empty.contradictions) == (1, 0, 0)


def test_a_contradiction_needs_two_voices() -> None:
    def report(speaker: str, article: str, position: str) -> GoldReport:
        return GoldReport(claim="c1", article=article, start=0, end=1, position=position, text="x", speaker=speaker)
    # one speaker's "yes" and "no" in one article is no contradiction between sources
    assert not is_contradiction([report("Smith", "dev/a", "affirms"), report("Smith", "dev/a", "denies")])
    assert not is_contradiction([report("Smith", "dev/a", "affirms"), report("Lee", "dev/b", "hedges")])
    assert is_contradiction([report("Smith", "dev/a", "affirms"), report("Lee", "dev/a", "denies")])
    assert is_contradiction([report("Smith", "dev/a", "affirms"), report("Smith", "dev/b", "denies")])


def test_main_prints_both_splits_and_refuses_a_bad_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path)
    folder = _set(tmp_path, [_report("train/a", TEXT_A, "the bridge will close in May", "affirms")])
    assert main([str(corpus), str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("dev: 1 claims, 1 reports (1 affirms, 0 hedges, 0 denies)") and "test: 1 claims, 0 reports" in out
    assert main([str(tmp_path / "nowhere"), str(folder)]) == 2
    assert "not in the corpus" in capsys.readouterr().err
