"""``greatgame db migrate [--db FILE]``: apply the schema migrations and list them."""

from __future__ import annotations

from pathlib import Path

import click

from greatgame.cli.options import db_option, make_settings


@click.group("db")
def command() -> None:
    """Manage the DuckDB database."""


@command.command("migrate")
@db_option
@click.option("--list", "list_only", is_flag=True, help="Only list migrations, apply nothing.")
def migrate(db: Path | None, list_only: bool) -> None:
    """Apply pending migrations (creating the database if needed) and list applied and new ones."""
    from greatgame.store.migrate import migrate as apply
    from greatgame.store.migrate import status
    from greatgame.store.store import connect

    settings = make_settings(db=db)
    con = connect(settings.db, read_only=list_only)
    try:
        before = {s.name for s in status(con) if s.applied}
        applied = [] if list_only else apply(con)
        for s in status(con):
            state = "new" if not s.applied else "applied now" if s.name in applied else "applied"
            when = f"  {s.applied_at:%Y-%m-%d %H:%M}" if s.applied_at and s.name in before else ""
            click.echo(f"{s.name}  {state}{when}")
    finally:
        con.close()
    click.echo(f"{len(applied)} migration(s) applied to {settings.db}", err=True)


@command.command("summary")
@db_option
def summary(db: Path | None) -> None:
    """Print counts of documents, events and actors."""
    from greatgame.store import Store

    settings = make_settings(db=db)
    with Store(settings.db, read_only=True) as store:
        info = store.summary()
    for name, count in info["counts"].items():
        click.echo(f"{name:12} {count}")
    click.echo(f"{'events from':12} {info['first_event'] or '-'} to {info['last_event'] or '-'}")


@command.command("optimize")
@db_option
@click.option("--facts", is_flag=True, default=False,
              help="also build influence_facts (large: about 7 GB and 5 min at 10 M events)")
def optimize(db: Path | None, facts: bool) -> None:
    """Rebuild the derived tables that make queries fast on large databases.

    The summary tables (network edges, actor labels, ``influence_cube``) are also brought up to
    date after every ingest, month by month; this rebuilds them whole. With ``--facts`` it also
    builds ``influence_facts``, the larger table that serves the influence queries the cube
    cannot answer (evidence, other story weights, rarer powers) until the next ingest. Figures
    stay the same.
    """
    from greatgame.analysis.facts import build_facts, refresh_summaries
    from greatgame.store import Store

    settings = make_settings(db=db)
    with Store(settings.db) as store:
        summaries = refresh_summaries(store, force=True)
        meta = build_facts(store) if facts else None
        store.con.execute("CHECKPOINT")
    seconds = sum(part["seconds"] for part in summaries.values())
    click.echo(f"summary tables rebuilt in {seconds:.1f} s ({summaries['influence_cube']['rows']} influence_cube rows)")
    if meta is not None:
        click.echo(f"influence facts built: {meta['rows']} rows in {meta['seconds']:.1f} s, in {settings.db}")
