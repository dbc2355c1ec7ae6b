"""``greatgame ingest PATH... [--db FILE]``: process documents and store them in DuckDB."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from greatgame.cli.options import db_option, make_settings, run_options


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@run_options
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run here, or on a Dask cluster (see the README).")
@click.option("--scheduler", default=None, help="Dask scheduler address (default: a local cluster).")
def command(paths: tuple[Path, ...], db: Path | None, progress: bool | None, engine: str,
            scheduler: str | None, **options) -> None:
    """Read, annotate and code documents, and write them to the database.

    Each document is committed on its own; documents already stored (same content) are
    skipped, so rerunning after a crash resumes where it stopped.
    """
    from greatgame.store import Store

    if progress is None:
        progress = sys.stderr.isatty()
    settings = make_settings(db=db, progress=progress, **options)
    if engine == "dask":
        from greatgame.scale.dask_engine import run_dask_ingest

        counts = run_dask_ingest(paths, settings, scheduler=scheduler)
        click.echo(f"ingested {counts.done} documents on Dask into {settings.db} "
                   f"({counts.failed} failed, {counts.skipped} already stored)", err=True)
        sys.exit(1 if counts.failed else 0)

    from greatgame.cli.progress import ProgressReporter
    from greatgame.pipeline import run_ingest

    with Store(settings.db) as store, ProgressReporter(enabled=settings.progress) as reporter:
        counts = run_ingest(paths, settings, store, on_result=reporter.update)
    stored = counts.done - counts.failed - counts.skipped
    click.echo(f"{stored} documents stored in {settings.db}, {counts.skipped} already there, "
               f"{counts.failed} failed", err=True)
    if counts.failed:
        sys.exit(1)
