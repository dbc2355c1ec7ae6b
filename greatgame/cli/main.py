"""The ``greatgame`` command: a click group and the one place errors become messages.

Each command lives in ``cli/<name>.py`` as a click command called ``command``; this module
only registers them. Heavy imports happen inside the commands, so ``--help`` is instant.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from greatgame import __version__
from greatgame.errors import GreatGameError

COMMANDS = {
    "extract": "greatgame.cli.extract",
    "ingest": "greatgame.cli.ingest",
    "db": "greatgame.cli.db",
    "actors": "greatgame.cli.actors",
    "eval": "greatgame.cli.evaluate",
    "export": "greatgame.cli.export",
    "serve": "greatgame.cli.serve",
    "demo": "greatgame.cli.demo",
}


class LazyGroup(click.Group):
    """A group whose commands are imported only when listed or called."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The names of the commands that can be imported."""
        return sorted(name for name in COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """The command called ``name``, imported on first use."""
        return self._load(name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        if module is None:
            return None
        try:
            return importlib.import_module(module).command
        except ModuleNotFoundError as exc:
            if exc.name == module:
                return None
            raise


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="greatgame")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """greatgame: read news about Central Asia, code the events, and analyse who gains ground."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning greatgame errors into one clean line and an exit code."""
    try:
        cli.main(args=argv, prog_name="greatgame", standalone_mode=False)
    except GreatGameError as exc:
        click.echo(f"greatgame: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("greatgame: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
