"""Options and output helpers shared by the ``sayso`` commands."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from .. import settings
from ..engines import ENGINE_CHOICES
from ..types import StatementType


_MODEL_HELP = next(s.help for s in settings.SETTINGS if s.name == "model")
_ENGINE_HELP = next(s.help for s in settings.SETTINGS if s.name == "engine") + " [default: SAYSO_ENGINE]"
_ATTRIBUTION_HELP = next(s.help for s in settings.SETTINGS if s.name == "attribution_model") + \
    " [default: SAYSO_ATTRIBUTION_MODEL]"
#: The options every command that runs the engine shares (one definition of the engine choices).
_engine_option = click.option("--engine", type=click.Choice(ENGINE_CHOICES), default=None, help=_ENGINE_HELP)
_attribution_option = click.option("--attribution-model", "attribution_model", default=None, metavar="DIR",
                                   help=_ATTRIBUTION_HELP)


def _read_inputs(paths: tuple[str, ...], options) -> Iterator[tuple[str, str]]:
    """(name, text) for each path (see :func:`sayso.inputs.read_inputs`)."""
    from ..inputs import read_inputs

    for item in read_inputs(paths, options=options):
        yield item.name, item.text


_DB_HELP = next(s.help for s in settings.SETTINGS if s.name == "db") + " [default: sayso.db or SAYSO_DB]"
_FILTER_DATE_HELP = "ISO date (2024-03-01) or datetime"


def _db_option(func):
    return click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        help=_DB_HELP)(func)


def _open_store(db: Path | None, *, create: bool = False, write: bool = False):
    """The database; read-only (never written, so a read-only file or folder is fine) unless
    the command creates it or ``write`` is set."""
    from ..store import Store

    return Store(db or settings.get("db"), create=create, readonly=not (create or write))


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from ..ingest.record import normalize_date

    if value is None:
        return None
    parsed = normalize_date(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD")
    return parsed


def _lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--lang fr``: an ISO 639-1 code, lower-cased."""
    from ..errors import StoreError
    from ..store.filters import language_code

    try:
        return language_code(value) if value is not None else None
    except StoreError as exc:
        raise click.BadParameter(f"{value!r} is not a language code; use two letters of ISO 639-1 "
                                 f"(en, fr, de)") from exc


#: Filter on the article's language (shared by the commands that filter articles).
_lang_option = click.option("--lang", callback=_lang, default=None, metavar="CODE",
                            help="Only articles in this language: an ISO 639-1 code (en, fr).")


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
