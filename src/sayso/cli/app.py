"""The ``sayso`` command group: turns errors into clean exits."""
from __future__ import annotations

import click

from ..errors import SaysoError


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
