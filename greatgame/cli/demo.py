"""``greatgame demo``: ingest the bundled sample corpus, print a summary, serve the dashboard."""

from __future__ import annotations

import os
from pathlib import Path

import click

from greatgame.cli.options import make_settings

REPO = Path(__file__).resolve().parents[2]


@click.command("demo")
@click.option("--corpus", type=click.Path(exists=True, path_type=Path), default=REPO / "corpus" / "articles",
              show_default=True, help="Folder of articles to ingest.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=REPO / ".demo" / "demo.duckdb",
              show_default=True, help="Database for the demo.")
@click.option("--serve/--no-serve", default=None,
              help="Serve the dashboard afterwards (default: yes, unless CI is set).")
@click.option("--port", type=int, default=8000, show_default=True)
def command(corpus: Path, db: Path, serve: bool | None, port: int) -> None:
    """Run greatgame end to end on the sample corpus."""
    from greatgame.pipeline import run_ingest
    from greatgame.store import Store

    if serve is None:
        serve = os.environ.get("CI", "").lower() not in ("1", "true", "yes")
    db.parent.mkdir(parents=True, exist_ok=True)
    settings = make_settings(db=db)
    click.echo(f"ingesting {corpus} into {db} ...")
    with Store(db) as store:
        counts = run_ingest([corpus], settings, store)
        click.echo(f"{counts.stored} documents stored, {counts.skipped} already there, "
                   f"{counts.failed} failed")
        click.echo(_summary(store))
    if serve:
        from greatgame.api.server import serve as run_server

        click.echo(f"dashboard: http://127.0.0.1:{port}/  (Ctrl-C to stop)")
        run_server(make_settings(db=db), host="127.0.0.1", port=port)


def _summary(store) -> str:
    s = store.summary()
    c = s["counts"]
    top = store.con.execute(
        "SELECT actor_id, sum(mentions) FROM actors_in_doc GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 8"
    ).fetchall()
    lines = [
        f"documents: {c['documents']}   sentences: {c['sentences']}   actors: {c['actors']}   "
        f"events: {c['events']}   relations: {c['relations']}   statements: {c['statements']}",
        f"events from {s['first_event']} to {s['last_event']}",
        "events by type: " + ", ".join(f"{t} {n}" for t, n in s["events_by_type"].items()),
        "events by modality: " + ", ".join(f"{t} {n}" for t, n in s["events_by_modality"].items()),
        "most mentioned actors: " + ", ".join(f"{a} ({n})" for a, n in top),
        _sources(store),
    ]
    return "\n".join(lines)


def _sources(store) -> str:
    stories, multi = store.con.execute("SELECT count(*), count(*) FILTER (WHERE outlets > 1) FROM event_clusters").fetchone()
    outlets = store.con.execute("SELECT count(*) FROM outlets").fetchone()[0]
    return f"stories: {stories} story clusters ({multi} told by several outlets), {outlets} outlets"
