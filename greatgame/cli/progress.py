"""A progress bar on stderr (documents/s and ETA) and one error line per failed document."""

from __future__ import annotations

import sys

import click

from greatgame.models import Failure


class ProgressReporter:
    """Shows progress with tqdm when enabled; always reports failures on stderr."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar = None

    def __enter__(self) -> ProgressReporter:
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()

    def update(self, result, progress) -> None:
        """Called once per document with the result and the running counts."""
        if isinstance(result, Failure):
            message = f"greatgame: {result.doc_id}: {result.reason}"
            if self.bar is not None:
                self.bar.write(message, file=sys.stderr)
            else:
                click.echo(message, err=True)
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=progress.total, unit="doc", desc="ingest", dynamic_ncols=True)
        self.bar.update(progress.done + progress.skipped - self.bar.n)
