"""The one batch runner (items → engine → sink, in batches, failures counted) and its one
summary, as ingest, reanalyse and the Spark partition use them."""
from __future__ import annotations

import json

import pytest

from sayso.engines import ENGINE_CHOICES
from sayso.errors import ConfigError
from sayso.ingest.record import Failure
from sayso.options import Options
from sayso.runner import Item, Run, Summary

RULES = Options(engine="rules", max_chars=200, ingest_batch_size=2)
TEXTS = ["“We will win,” said Maria Lopez.", "The mayor said taxes would fall.", "x" * 201,
         "“No,” said Omar Haddad.", "Nothing was said here at all."]


class Log:
    def __init__(self) -> None:
        self.finished: list[tuple[int, dict[str, int]]] = []

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        self.finished.append((run_id, counts))


def items() -> list[Item]:
    return [Item(f"t{i}", text, i) for i, text in enumerate(TEXTS)]


def test_batches_come_in_order_of_the_size_asked_and_a_failure_is_counted_with_its_reason(nlp):
    seen, dropped = [], []
    run = Run(Summary(), on_failure=seen.append)
    batches = list(run.batches(items(), RULES, size=2, dropped=dropped.append))
    assert [[payload for payload, _ in batch] for batch in batches] == [[0, 1], [3, 4]]
    assert all(analysis.text == TEXTS[payload] for batch in batches for payload, analysis in batch)
    assert dropped == [2] and run.summary.failed == 1
    assert seen == run.summary.failures and seen[0].key == "t2" and "longer than the limit of 200" in seen[0].reason


def test_an_interrupted_run_still_writes_what_was_analysed_and_is_marked_finished(nlp):
    written: list[int] = []
    log = Log()
    run = Run(Summary(run_id=7))

    def stream():
        yield from items()[:2]
        raise KeyboardInterrupt

    def sink(batch) -> None:
        written.extend(payload for payload, _ in batch)
        run.summary.stored += len(batch)

    with pytest.raises(KeyboardInterrupt), run.finishing(log, sink):
        run.drive(stream(), RULES.given(commit_every=10), sink)
    assert written == [0, 1]
    assert log.finished == [(7, {"read": 0, "stored": 2, "duplicates": 0, "skipped": 0, "failed": 0})]


def test_a_failure_that_quotes_a_huge_input_is_cut_short():
    summary = Summary()
    kept = summary.add_failure(Failure("k" * 10_000, "r" * 10_000))
    assert len(kept.key) < 1000 and len(kept.reason) < 1000 and summary.failed == 1


@pytest.mark.parametrize("kind, keys, text", [
    ("ingest", ["read", "stored", "duplicates", "skipped", "failed", "seconds", "run_id", "articles_per_second",
                "failures", "skip_reasons"], "read 5, stored 3, skipped as duplicate 1, failed 1 (2.0 s, 1.50 articles/s)"),
    ("reanalyse", ["selected", "reanalysed", "changed", "unchanged", "failed", "seconds", "engine", "model", "run_id",
                   "failures"], "selected 5, re-analysed 4 (changed 3, unchanged 1), failed 1 (rules engine, 2.0 s)"),
    ("spark", ["read", "analysed", "duplicates", "skipped", "failed", "seconds", "analyse_seconds", "partitions",
               "articles_per_second", "rows"], "read 5, analysed 3, duplicates 1, not articles 1, failed 1 "
                                               "(2.0 s, 1.50 articles/s)\nrows: quotes 9"),
])
def test_one_summary_reports_as_each_command_did(kind, keys, text):
    summary = Summary(kind=kind, read=5, stored=3, duplicates=1 if kind != "reanalyse" else 0,
                      skipped=1, seconds=2.0, engine="rules", model="m", rows={"quotes": 9})
    summary.add_failure(Failure("3", "boom"))
    assert list(summary.to_dict()) == keys
    assert summary.format().splitlines()[:len(text.splitlines())] == text.splitlines()
    json.dumps(summary.to_dict())
    if kind == "reanalyse":
        assert (summary.selected, summary.changed, summary.unchanged, summary.reanalysed) == (5, 3, 1, 4)
        assert "duplicates" not in summary.counts()


def test_ingest_takes_the_engine_like_the_others(tmp_path, nlp):
    from sayso.batch import ingest
    from sayso.store import Store

    source = tmp_path / "a.txt"
    source.write_text(TEXTS[0], encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown engine"):
        ingest([str(source)], Store(":memory:"), engine="oracle")
    with pytest.raises(ConfigError, match="no weights"):
        ingest([str(source)], Store(":memory:"), engine="trained", attribution_model=str(tmp_path / "none"))
    store = Store(":memory:")
    summary = ingest([str(source)], store, options=Options(engine="trained"), engine="rules")
    assert (summary.stored, summary.failed) == (1, 0)


def test_every_engine_option_offers_the_same_choices():
    import click

    from sayso.cli import main

    def commands(group: click.Group, path: str = ""):
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                yield from commands(command, f"{path}{name} ")
            else:
                yield f"{path}{name}", command

    found = {name: param.type.choices for name, command in commands(main) for param in command.params
             if "--engine" in getattr(param, "opts", ())}
    assert {"extract", "ingest", "reanalyse", "spark run", "eval relations"} <= set(found)
    assert all(tuple(choices) == ENGINE_CHOICES for choices in found.values()), found


def test_errors_are_defined_in_the_errors_module():
    from sayso import errors
    from sayso.ingest import fetch
    from sayso.server import ssrf, write

    assert fetch._TooManyRedirects is errors.TooManyRedirects
    assert ssrf.RefusedURL is errors.RefusedURL and errors.RefusedURL.http_status == 403
    assert write.TooLong is errors.TooLong and errors.TooLong.http_status == 413
