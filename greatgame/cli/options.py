"""Options shared by several commands, and the one place they become Settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from greatgame.config import Settings
from greatgame.errors import UsageError


def db_option(f):
    """``--db FILE`` (default ./greatgame.duckdb or GREATGAME_DB)."""
    return click.option(
        "--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help="DuckDB file (default ./greatgame.duckdb, or GREATGAME_DB).",
    )(f)


def run_options(f):
    """Options of commands that process documents."""
    options = [
        click.option("--workers", type=int, default=None,
                     help="Processes for the NLP work (default: all cores, or GREATGAME_WORKERS)."),
        click.option("--max-bytes", type=int, default=None,
                     help="Largest document read, in bytes (default 20 MB, or GREATGAME_MAX_BYTES)."),
        click.option("--doc-timeout", type=float, default=None,
                     help="Seconds one document may take (default 60, or GREATGAME_DOC_TIMEOUT)."),
        click.option("--batch-size", type=int, default=None, help="Documents per batch sent to a worker."),
        click.option("--no-fast-path", "no_fast_path", is_flag=True, default=False,
                     help="Parse every sentence, not only those that can hold an event."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def make_settings(**overrides: Any) -> Settings:
    """Settings from the environment, with the CLI options that were given on top."""
    values = {k: v for k, v in overrides.items() if v is not None}
    if values.pop("no_fast_path", False):
        values["fast_path"] = False
    try:
        return Settings(**values)
    except ValueError as exc:
        raise UsageError(f"invalid option: {exc}") from exc
