"""sayso serve and sayso spark: the server and the Spark job."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .. import settings
from .app import main
from .options import (
    _MODEL_HELP, _attribution_option, _db_option, _engine_option,
)


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

        from ..server import create_app
    except ImportError as exc:
        from ..errors import ConfigError

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
        from ..spark.job import run
    except ImportError as exc:
        from ..errors import ConfigError

        raise ConfigError(f'sayso spark needs the spark extra ({exc.name} is missing): '
                          f'pip install "sayso[spark]"') from None
    summary = run(list(inputs), output, master=master, partitions=partitions, prefix=prefix,
                  options=settings.options(model=model, engine=engine, attribution_model=attribution_model),
                  mode="overwrite" if overwrite else "errorifexists")
    click.echo(json.dumps(summary.to_dict(), indent=2) if as_json else summary.format())
    if summary.failed:
        ctx.exit(1)
