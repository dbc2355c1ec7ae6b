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
@click.option("--scheduler", default=None,
              help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster).")
@click.option("--lake", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="With --engine dask: keep the month-partitioned Parquet lake in this folder.")
@click.option("--sources/--no-sources", default=True, show_default=True,
              help="Afterwards, attribute documents to outlets and recluster the stories "
                   "(skip on a large database and run it once after several ingests).")
def command(paths: tuple[Path, ...], db: Path | None, progress: bool | None, engine: str,
            scheduler: str | None, lake: Path | None, sources: bool, **options) -> None:
    """Read, annotate and code documents, and write them to the database.

    Documents are committed in small batches, each document whole or not at all; documents already stored (same content) are
    skipped, so rerunning after a crash resumes where it stopped. At the end the documents'
    outlets and the story clusters are brought up to date (``--no-sources`` skips this; the
    next ingest that runs it catches up).
    """
    if progress is None:
        progress = sys.stderr.isatty()
    settings = make_settings(db=db, progress=progress, **options)
    from greatgame.cli.progress import ProgressReporter

    if engine == "dask":
        from greatgame.scale.dask_engine import run_dask_ingest

        with ProgressReporter(enabled=settings.progress) as reporter:
            counts = run_dask_ingest(paths, settings, scheduler=scheduler, lake=lake,
                                     on_result=reporter.update, finish=sources)
    else:
        from greatgame.pipeline import run_ingest
        from greatgame.store import Store

        with Store(settings.db) as store, ProgressReporter(enabled=settings.progress) as reporter:
            counts = run_ingest(paths, settings, store, on_result=reporter.update, finish=sources)
    click.echo(f"{counts.stored} documents stored in {settings.db}, {counts.skipped} already there, "
               f"{counts.failed} failed", err=True)
    if counts.failed:
        sys.exit(1)
