"""Ingest: read documents from files and folders, clean web chrome off them, read their metadata.

Public API::

    read_sources(paths, settings) -> Iterator[RawDocument | Failure]
    prepare(raw, settings) -> Document        # raises UnreadableDocument
"""

from greatgame.ingest.prepare import prepare
from greatgame.ingest.readers import read_sources

__all__ = ["prepare", "read_sources"]
