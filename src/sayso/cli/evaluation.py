"""sayso eval: measure sayso against annotated corpora."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .. import settings
from ..errors import InputError
from .app import main
from .options import (
    _MODEL_HELP, _attribution_option, _engine_option,
)


def _show(report: Any, table: str, json_out: Path | None, errors: str | None = None) -> None:
    """An evaluation's table (and its errors when asked), and its JSON written to ``json_out``."""
    click.echo(table)
    if errors is not None:
        click.echo(errors)
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")


@main.group(name="eval")
def eval_group() -> None:
    """Measure sayso against annotated corpora, side by side with a baseline."""


@eval_group.command(name="polnear")
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option("--split", default="dev", show_default=True, help="Corpus split to score (train or dev).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles.")
@click.option("--systems", default=None,
              help="Comma-separated systems to run side by side: rules (alias sayso), trained, hybrid, textacy "
                   "[default: all four when the trained model is installed, else rules,textacy].")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the full report as JSON to this file.")
@click.option("--markdown", "markdown_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the report as Markdown (docs/accuracy.md) to this file.")
@click.option("--model", default=None, help=_MODEL_HELP)
@_attribution_option
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
def eval_polnear(corpus: Path, split: str, limit: int | None, systems: str | None, json_out: Path | None,
                 markdown_out: Path | None, model: str | None, attribution_model: str | None, progress: bool) -> None:
    """Score source, cue and content spans on PolNeAR (brat standoff): exact and overlap P/R/F1."""
    from ..eval import evaluate, format_markdown, format_table

    from ..eval.runner import default_systems

    names = tuple(s.strip() for s in systems.split(",") if s.strip()) if systems else default_systems()
    chosen = settings.options(model=model, attribution_model=attribution_model)
    report = evaluate(corpus, split=split, limit=limit, systems=names, progress=progress,
                      model=chosen.model, attribution_model=chosen.attribution_model or None)
    _show(report, format_table(report), json_out)
    if markdown_out is not None:
        markdown_out.write_text(format_markdown(report), encoding="utf-8")


@eval_group.command(name="news")
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path), required=False)
@click.option("--split", type=click.Choice(["dev", "test"]), default="dev", show_default=True,
              help="dev for development; test only to report, once, at the end of a piece of work.")
@click.option("--systems", default=None,
              help="Comma-separated systems side by side: rules, trained, hybrid, textacy "
                   "[default: rules,hybrid,textacy; rules for French].")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every missed and invented statement and wrong speaker (dev only).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the full report as JSON to this file.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
@click.option("--lang", default="en", show_default=True, metavar="CODE",
              help="Language of the set: en reads data/eval/news, fr data/eval/news-fr (French is read by "
                   "rules, so --systems defaults to rules there).")
@click.option("--only", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Score only the articles named in this file (one per line, # comments), e.g. "
                   "data/eval/news/tagger-held-out.txt.")
@click.option("--skip", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Leave out the articles named in this file.")
@_attribution_option
def eval_news(corpus: Path | None, split: str, systems: str | None, show_errors: bool, json_out: Path | None,
              progress: bool, lang: str, only: Path | None, skip: Path | None, attribution_model: str | None) -> None:
    """Statements, right speakers, kinds and types on the real-news set [default: data/eval/news]."""
    from ..eval.news import default_corpus, evaluate_news, format_errors, format_news

    from ..language import check_lang

    code = check_lang(lang)
    names = tuple(s.strip() for s in (systems or ("rules,hybrid,textacy" if code == "en" else "rules")).split(",")
                  if s.strip())
    from ..corpora.brat import read_names

    report = evaluate_news(corpus or default_corpus(code), split=split, systems=names, progress=progress,
                           keep_errors=show_errors, lang=code, only=read_names(only) if only else None,
                           skip=read_names(skip) if skip else (),
                           attribution_model=settings.options(attribution_model=attribution_model).attribution_model or None)
    _show(report, format_news(report), json_out, format_errors(report) if show_errors else None)


@eval_group.command(name="claims")
@click.option("--corpus", type=click.Path(file_okay=False, exists=True, path_type=Path), required=True,
              help="The PolNeAR folder (holding train/, dev/ and metadata.tsv).")
@click.option("--split", type=click.Choice(["dev", "test"]), default="dev", show_default=True,
              help="dev for development; test only to report, once, at the end of a piece of work.")
@click.option("--folder", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="The claim set's folder [default: data/eval/claims].")
@click.option("--errors", "show_errors", is_flag=True, help="Also list wrong and missed pairs with their texts (dev only).")
def eval_claims(corpus: Path, split: str, folder: Path | None, show_errors: bool) -> None:
    """Claims across sources on the annotated claim set: same-claim pairs, contradictions, positions."""
    from ..eval.claims import evaluate_claims

    scores = evaluate_claims(corpus, split, folder, keep_errors=show_errors,
                             threshold=settings.get("claims_similarity"),
                             paraphrase=settings.get("claims_paraphrase"),
                             contradiction=settings.get("claims_contradiction"))
    click.echo("\n".join(scores.lines()))
    if show_errors and split != "test":
        click.echo("\n".join(scores.errors) or "no errors")


@eval_group.command(name="coref")
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.option("--systems", default="rules,hybrid", show_default=True,
              help="Comma-separated engines side by side: rules, trained, hybrid.")
@click.option("--genre", "genres", default=None,
              help="Comma-separated GUM genres to score (news, interview, bio) [default: all].")
@click.option("--errors", "show_errors", is_flag=True, help="Also list every wrong resolution with its context.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the full report as JSON to this file.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
def eval_coref(path: Path | None, systems: str, genres: str | None, show_errors: bool, json_out: Path | None,
               progress: bool) -> None:
    """Pronoun, description and short-name resolution, actor clustering and speakers against
    coreference chains [default: data/eval/coref]."""
    from ..eval.coref import evaluate_coref, format_coref, format_errors

    names = tuple(s.strip() for s in systems.split(",") if s.strip())
    wanted = tuple(g.strip() for g in genres.split(",") if g.strip()) if genres else None
    report = evaluate_coref(path, systems=names, genres=wanted, progress=progress)
    _show(report, format_coref(report), json_out, format_errors(report) if show_errors else None)


@eval_group.command(name="certainty")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--split", type=click.Choice(["all", "dev", "test"]), default="all", show_default=True,
              help="dev: the even-numbered half rules may be tuned on; test: the held-out odd half.")
@click.option("--errors", "max_errors", type=int, default=20, show_default=True, help="How many errors to list.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the full report as JSON to this file.")
@click.option("--model", default=None, help=_MODEL_HELP)
def eval_certainty(path: Path | None, split: str, max_errors: int, json_out: Path | None, model: str | None) -> None:
    """Accuracy of certainty and polarity on a hand-annotated sentence set (PATH; default: the set
    shipped with sayso, sayso/eval/data/certainty.jsonl)."""
    from ..eval.certainty import evaluate_certainty, format_certainty
    from ..eval.data import eval_set

    path = path or eval_set("certainty")
    if not path.is_file():
        raise InputError(f"{path}: no such file; give the path of a certainty set (JSONL)")
    report = evaluate_certainty(path, model=model, split=split)
    _show(report, format_certainty(report, max_errors=max_errors), json_out)


@eval_group.command(name="relations")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--split", type=click.Choice(["all", "dev", "test"]), default="all", show_default=True,
              help="dev: the even-numbered half rules may be tuned on; test: the held-out odd half.")
@_engine_option
@click.option("--max-errors", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many errors to list.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the full report as JSON to this file.")
def eval_relations(path: Path | None, split: str, engine: str | None, max_errors: int, json_out: Path | None) -> None:
    """Precision, recall and F1 of relations on a hand-annotated set (PATH; default: the set
    shipped with sayso, sayso/eval/data/relations.jsonl)."""
    from ..eval.data import eval_set
    from ..eval.relations import evaluate_relations, format_relations

    path = path or eval_set("relations")
    if not path.is_file():
        raise InputError(f"{path}: no such file; give the path of a relation set (JSONL)")
    report = evaluate_relations(path, settings.options(engine=engine).engine, split=split)
    _show(report, format_relations(report, max_errors=max_errors), json_out)
