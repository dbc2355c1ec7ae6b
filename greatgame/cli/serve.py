"""``greatgame serve [--db FILE] [--host 127.0.0.1] [--port 8000] [--allow-host NAME]``: API and dashboard."""

from __future__ import annotations

from pathlib import Path

import click

from greatgame.cli.options import db_option, make_settings


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option("--token", default=None, envvar="GREATGAME_TOKEN",
              help="Require this access token (Bearer header, or ?token= once in a browser).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this Host name (repeatable; the server's address, and "
                   "localhost on loopback, always work; others are refused against DNS rebinding).")
def command(db: Path | None, host: str, port: int, token: str | None, allow_hosts: tuple[str, ...]) -> None:
    """Serve the dashboard and the HTTP API (OpenAPI at /openapi.json) over the database, read-only."""
    from greatgame.api.server import is_loopback, serve

    settings = make_settings(db=db, token=token, allowed_hosts=list(allow_hosts) or None)
    if not is_loopback(host):
        if token:
            click.echo(f"warning: listening on {host}, reachable from other machines; requests need "
                       "the token, but traffic is not encrypted: put a TLS proxy in front", err=True)
        else:
            click.echo(f"warning: listening on {host}, reachable from other machines, with no "
                       "authentication: use 127.0.0.1, or set --token", err=True)
    click.echo(f"serving {settings.db} on http://{host}:{port}/ (OpenAPI schema at /openapi.json)", err=True)
    serve(settings, host=host, port=port)
