"""``greatgame actors [QUERY] [--check] [--date D]``: list, explain and validate the catalogue."""

from __future__ import annotations

import datetime as dt
import sys

import click


@click.command("actors")
@click.argument("query", required=False)
@click.option("--check", is_flag=True, help="Validate the catalogue data (actors and outlets) and report problems.")
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Show offices and memberships as of this date (YYYY-MM-DD).")
@click.option("--limit", type=int, default=20, show_default=True, help="Most entries to list.")
def command(query: str | None, check: bool, on: dt.datetime | None, limit: int) -> None:
    """List and explain catalogue entries matching QUERY (id, name or alias)."""
    from greatgame.catalogue import load_catalogue
    from greatgame.catalogue.explain import explain, summary

    cat = load_catalogue()
    if check:
        from greatgame.catalogue.outlets import load_outlets

        problems = cat.check() + load_outlets().check(cat)
        for problem in problems:
            click.echo(problem)
        if problems:
            click.echo(f"{len(problems)} problems found")
        else:
            click.echo(f"catalogue OK ({len(load_outlets().outlets)} outlets): " + summary(cat))
        sys.exit(1 if problems else 0)
    if query and not cat.search(query) and explain(cat, query).startswith("No catalogue entry"):
        click.echo(explain(cat, query), err=True)
        sys.exit(1)
    click.echo(explain(cat, query, on=on.date() if on else None, limit=limit))
