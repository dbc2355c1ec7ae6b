"""``greatgame export --format csv|parquet|plover|graphml [--since --until] [-o PATH] [--db FILE]``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from greatgame.cli.options import db_option, make_settings


def _date(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"'{value}' is not a date like 2025-04-21") from exc


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "plover", "graphml"]), required=True,
              help="csv: events (a .csv path) or a folder of tables; parquet: Hive-partitioned by "
                   "year/month; plover: PLOVER-style JSON (.jsonl for JSON Lines); graphml: actor network.")
@click.option("--since", callback=_date, help="First event day (YYYY-MM-DD).")
@click.option("--until", callback=_date, help="Last event day (YYYY-MM-DD).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File or folder to write (default: events.csv, events_parquet/, "
                   "events.plover.json, network.graphml).")
@db_option
def command(fmt: str, since: dt.date | None, until: dt.date | None, output: Path | None, db: Path | None) -> None:
    """Export the events of the database; exporting twice gives identical files."""
    from greatgame.store import Store
    from greatgame.store.export import export

    settings = make_settings(db=db)
    with Store(settings.db, read_only=True) as store:
        path = export(store, fmt, output, since=since, until=until)
    click.echo(f"wrote {path}", err=True)
