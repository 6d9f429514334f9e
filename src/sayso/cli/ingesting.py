"""sayso ingest, reanalyse and load: fill the store."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import settings
from .app import main
from .options import (
    _MODEL_HELP, _FILTER_DATE_HELP, _attribution_option, _db_option, _engine_option, _open_store, _date,
)


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
    from ..batch import ingest as run_ingest
    from ..ingest.fetch import Fetcher

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
    from ..reanalysis import Selection
    from ..reanalysis import reanalyse as run_reanalyse

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


@main.command(name="load")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), metavar="DIR")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def load_command(folder: Path, db: Path | None, as_json: bool) -> None:
    """Bring the output of sayso spark run (DIR) into the SQLite store, in one transaction, so
    sayso serve and the query commands see it; articles already stored are skipped."""
    from ..spark.load import load

    with _open_store(db, create=True) as store:
        summary = load(folder, store)
    click.echo(json.dumps(summary.to_dict()) if as_json else summary.format())
