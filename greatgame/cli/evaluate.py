"""``greatgame eval plover GOLD.jsonl`` and ``greatgame eval corpus DIR``: accuracy figures."""

from __future__ import annotations

import json
from pathlib import Path

import click

from greatgame.cli.options import make_settings, run_options


def _records(paths: list[Path], settings) -> list[dict]:
    from greatgame.pipeline import run_extract

    records: list[dict] = []
    run_extract(paths, settings, records.append)
    return records


@click.group("eval")
def command() -> None:
    """Score the extractor against gold annotations."""


@command.command("plover")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@run_options
def plover(gold: Path, as_json: bool, **options) -> None:
    """Score against PLOVER gold sentences (same figures as ../shared/eval/score_plover.py)."""
    from greatgame.events.evaluate import evaluate_plover, format_plover

    result = evaluate_plover(gold, _records([gold], make_settings(**options)))
    click.echo(json.dumps(result, indent=2) if as_json else format_plover(result))


@command.command("corpus")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--details", is_flag=True, help="Also list every miss: gold event vs best prediction, and extras."
)
@run_options
def corpus(corpus: Path, as_json: bool, details: bool, **options) -> None:
    """Score against the annotated sample corpus (CORPUS/articles and CORPUS/gold)."""
    from greatgame.events.evaluate import evaluate_corpus, format_corpus, format_details

    articles = corpus / "articles" if (corpus / "articles").is_dir() else corpus
    result = evaluate_corpus(corpus, _records([articles], make_settings(**options)), details=details)
    if as_json:
        click.echo(json.dumps(result, indent=2, default=str))
        return
    if details:
        click.echo(format_details(result))
    click.echo(format_corpus(result))
