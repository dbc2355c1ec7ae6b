"""The error family of greatgame.

Every error says what went wrong and what the user can do about it. The CLI and the HTTP API
translate these into a clean message and an exit code or a fixed JSON shape, once each.
"""


class GreatGameError(Exception):
    """Base class of every error greatgame raises on purpose."""

    exit_code = 1


class UsageError(GreatGameError):
    """The command was called with wrong arguments."""

    exit_code = 2


class UnreadableDocument(GreatGameError):
    """A document could not be read: binary, undecodable, too large, empty or malformed."""

    def __init__(self, doc_id: str, reason: str):
        self.doc_id = doc_id
        self.reason = reason
        super().__init__(f"{doc_id}: {reason}")


class DocumentTimeout(UnreadableDocument):
    """Processing a document took longer than the per-document time limit."""


class UnknownActor(GreatGameError):
    """An actor id was asked for that the catalogue does not hold."""

    def __init__(self, actor_id: str):
        self.actor_id = actor_id
        super().__init__(
            f"unknown actor '{actor_id}': run `greatgame actors {actor_id}` to search the catalogue"
        )


class CatalogueError(GreatGameError):
    """The catalogue data files are inconsistent or malformed."""


class SchemaOutOfDate(GreatGameError):
    """The database was made by another version of greatgame and needs migrating."""


class StoreError(GreatGameError):
    """The database could not be opened or written."""


class ModelMissing(GreatGameError):
    """The spaCy model package is not installed."""
