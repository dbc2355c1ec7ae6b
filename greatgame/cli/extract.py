"""``greatgame extract PATH... [-o OUT.jsonl]``: records as JSON Lines, per the contract."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from greatgame.cli.options import make_settings, run_options


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the records to this file instead of stdout.")
@run_options
def command(paths: tuple[Path, ...], output: Path | None, **options) -> None:
    """Extract one JSON record per document (metadata, actors, relations, events).

    Exit status: 0 all documents read, 1 some failed (each failure is an error line in the
    output and a message on stderr), 2 usage error.
    """
    from greatgame.pipeline import run_extract

    settings = make_settings(**options)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        def emit(record: dict) -> None:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()

        def on_failure(failure) -> None:
            click.echo(f"greatgame: {failure.doc_id}: {failure.reason}", err=True)

        progress = run_extract(paths, settings, emit, on_failure)
    finally:
        if output:
            out.close()
    if progress.failed:
        sys.exit(1)
