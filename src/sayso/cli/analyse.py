"""sayso extract, relations, schema and settings: analyse text given on the command line."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from .. import settings
from ..errors import InputError
from .app import main
from .options import (
    _MODEL_HELP, _attribution_option, _emit, _engine_option, _json_array, _read_inputs,
)


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
    from ..inputs import read_inputs
    from ..pipeline import extract as run_extract
    from ..report import render

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
    from ..pipeline import extract as run_extract
    from ..report import relation_lines

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


@main.command()
def schema() -> None:
    """Print the JSON Schema of the --format json output."""
    from ..schema import analysis_schema

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
