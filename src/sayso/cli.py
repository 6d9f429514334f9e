"""The ``sayso`` command: a thin layer over the library that turns errors into clean exits."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from . import settings
from .errors import InputError, SaysoError
from .text import decode

_MODEL_HELP = next(s.help for s in settings.SETTINGS if s.name == "model")


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


def _read_inputs(paths: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(name, text) for each path; "-" is standard input, a folder gives its .txt files."""
    for raw in paths:
        if raw == "-":
            yield "<stdin>", decode(sys.stdin.buffer.read(), "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not files:
                raise InputError(f"{path}: folder holds no .txt files")
        elif path.is_file():
            files = [path]
        else:
            raise InputError(f"{path}: no such file or folder")
        for file in files:
            try:
                data = file.read_bytes()
            except OSError as exc:
                raise InputError(f"{file}: cannot read ({exc.strerror})") from None
            yield str(file), decode(data, str(file))


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|-...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text",
              show_default=True, help="text: a readable report; json: one object (one input); "
                                      "jsonl: one object per line (any number of inputs).")
@click.option("--model", default=None, help=_MODEL_HELP)
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when a terminal).")
def extract(inputs: tuple[str, ...], fmt: str, model: str | None, color: bool | None) -> None:
    """Find actors and attributed quotes in news articles (files, folders of .txt, or - for stdin)."""
    from .pipeline import extract as run_extract
    from .report import render

    items = list(_read_inputs(inputs))
    if fmt == "json" and len(items) != 1:
        raise InputError(f"--format json takes one article, got {len(items)}; use --format jsonl")
    if color is None:
        color = sys.stdout.isatty()
    for number, (name, text) in enumerate(items):
        analysis = run_extract(text, model=model)
        if analysis.warnings:
            for warning in analysis.warnings:
                click.echo(f"sayso: warning: {name}: {warning}", err=True)
        if fmt == "text":
            if number:
                click.echo("")
            click.echo(render(analysis, color=color, title=name if len(items) > 1 else None))
            continue
        record = analysis.to_dict()
        record["meta"] = {"source": name}
        if fmt == "json":
            click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        else:
            click.echo(json.dumps(record, ensure_ascii=False))


@main.group(name="eval")
def eval_group() -> None:
    """Measure sayso against annotated corpora, side by side with a baseline."""


@eval_group.command(name="polnear")
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option("--split", default="dev", show_default=True, help="Corpus split to score (train or dev).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles.")
@click.option("--systems", default="sayso,textacy", show_default=True,
              help="Comma-separated systems to run side by side.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the full report as JSON to this file.")
@click.option("--markdown", "markdown_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the report as Markdown (docs/accuracy.md) to this file.")
@click.option("--model", default=None, help=_MODEL_HELP)
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
def eval_polnear(corpus: Path, split: str, limit: int | None, systems: str, json_out: Path | None,
                 markdown_out: Path | None, model: str | None, progress: bool) -> None:
    """Score source, cue and content spans on PolNeAR (brat standoff): exact and overlap P/R/F1."""
    from .eval import evaluate, format_markdown, format_table

    names = tuple(s.strip() for s in systems.split(",") if s.strip())
    report = evaluate(corpus, split=split, limit=limit, systems=names, progress=progress, model=model)
    click.echo(format_table(report))
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
    if markdown_out is not None:
        markdown_out.write_text(format_markdown(report), encoding="utf-8")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the --format json output."""
    from .schema import analysis_schema

    click.echo(json.dumps(analysis_schema(), indent=2))


@main.command(name="settings")
def show_settings() -> None:
    """List sayso's settings, their environment variables and current values."""
    for setting in settings.SETTINGS:
        click.echo(f"{setting.name:<12} {setting.env:<18} {settings.get(setting.name)!s:<26} {setting.help}")
