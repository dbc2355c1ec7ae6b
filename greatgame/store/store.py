"""The DuckDB store: opening (with lock retries), migrations, and writing documents.

Concurrency. DuckDB lets one process open a database file for writing, and while it does, no
other process can open the file at all (not even read-only). So:

* the writer (``greatgame ingest``) opens the file read-write; it applies pending migrations;
* readers (``greatgame serve``, notebooks) open it read-only, briefly, and close it again (the
  HTTP API opens one connection per request), so that a writer can get the lock in between;
* whoever meets a lock retries for ``lock_timeout`` seconds and then raises ``DatabaseLocked``
  (a ``StoreError``) that says who holds the lock and what to do.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path

from greatgame.errors import SchemaOutOfDate, StoreError
from greatgame.models import Document
from greatgame.store import migrate as migrations
from greatgame.store import queries
from greatgame.store.rows import content_hash, table_rows

logger = logging.getLogger(__name__)

_DELETE_ORDER = (
    "event_actors", "events", "statements", "relations", "actors_in_doc", "mentions",
    "entities", "sentences", "documents",
)  # fmt: skip


class DatabaseLocked(StoreError):
    """Another process holds the database file (DuckDB allows one writer and no reader beside it)."""


class NotFound(StoreError):
    """A document or other row asked for by id is not in the database."""


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


def connect(path: str | Path, read_only: bool = False, lock_timeout: float = 5.0):
    """Open a DuckDB connection, retrying while another process holds the file lock."""
    import duckdb

    target = str(path)
    if read_only and target != ":memory:" and not Path(target).exists():
        raise StoreError(f"no database at {target}: run `greatgame ingest` first, or pass --db PATH")
    deadline = time.monotonic() + lock_timeout
    delay = 0.05
    while True:
        try:
            return duckdb.connect(target, read_only=read_only)
        except duckdb.IOException as exc:
            if not _is_lock_error(exc):
                raise StoreError(f"cannot open database {target}: {exc}") from exc
            if time.monotonic() >= deadline:
                raise DatabaseLocked(
                    f"database {target} is locked by another process ({exc}); DuckDB allows one "
                    "writer at a time: wait for the running `greatgame ingest` to finish, then retry"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {target}: {exc}") from exc


class Store(queries.QueryMixin):
    """A greatgame database: ``with Store(path) as store: store.write_document(doc)``.

    Opened writable, it applies pending migrations. Opened read-only, it refuses a database
    whose schema is older than this version (``SchemaOutOfDate``).
    """

    def __init__(self, path: str | Path, read_only: bool = False, lock_timeout: float = 5.0):
        self.path = str(path)
        self.read_only = read_only
        self.con = connect(self.path, read_only=read_only, lock_timeout=lock_timeout)
        try:
            self._check_schema()
        except BaseException:
            self.con.close()
            raise

    def _check_schema(self) -> None:
        if not self.read_only:
            migrations.migrate(self.con)
            return
        todo = migrations.pending(self.con)
        if todo:
            raise SchemaOutOfDate(
                f"database {self.path} lacks migrations {', '.join(m.name for m in todo)}: "
                f"run `greatgame db migrate --db {self.path}`"
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        if self.con is not None:
            self.con.close()
            self.con = None

    def has_document(self, content_hash: str) -> bool:
        """Whether a document with this content hash is stored."""
        row = self.con.execute("SELECT 1 FROM documents WHERE content_hash = ?", [content_hash]).fetchone()
        return row is not None

    def write_document(self, doc: Document) -> bool:
        """Store one document and everything found in it, in one transaction.

        Returns False, changing nothing, when a document with the same content hash is already
        stored (under any id). When a document with the same id but another content hash is
        stored, the old version and all its rows are replaced by the new one, atomically.
        """
        if self.read_only:
            raise StoreError(f"database {self.path} is open read-only: open it without read_only to write")
        chash = content_hash(doc)
        if self.has_document(chash):
            return False
        rows = table_rows(doc, chash, dt.datetime.now())
        self.con.begin()
        try:
            replaced = self._delete_document(doc.id)
            for table, values in rows.items():
                self._insert(table, values)
            self.con.commit()
        except Exception as exc:
            self.con.rollback()
            raise StoreError(f"could not store document {doc.id}: {exc}; nothing of it was written") from exc
        if replaced:
            logger.info("document %s replaced by a new version (content changed)", doc.id)
        return True

    def write_documents(self, docs: list[Document]) -> list[bool]:
        """Store several documents in one transaction; for each, whether it was written.

        The same per-document rules as :meth:`write_document` (a document whose content is
        already stored, or came earlier in ``docs``, is skipped; a new version replaces the old),
        but one commit and one bulk insert per table for all of them: ingest writes this way,
        a batch at a time, because a commit and a parameterised insert per document cost about
        as much as the NLP of the document. A crash loses at most the uncommitted batch, which
        a rerun redoes. When the bulk write fails, the documents are written one at a time.
        """
        if self.read_only:
            raise StoreError(f"database {self.path} is open read-only: open it without read_only to write")
        if len({d.id for d in docs}) < len(docs):  # one id twice: keep the replace order exact
            return [self.write_document(d) for d in docs]
        now = dt.datetime.now()
        hashes = [content_hash(d) for d in docs]
        marks = ", ".join("?" * len(hashes))
        stored = {r[0] for r in self.con.execute(
            f"SELECT content_hash FROM documents WHERE content_hash IN ({marks})", hashes).fetchall()}
        written, seen = [], set(stored)
        tables: dict[str, list[tuple]] = {}
        for doc, chash in zip(docs, hashes, strict=True):
            fresh = chash not in seen
            seen.add(chash)
            written.append(fresh)
            if fresh:
                for table, values in table_rows(doc, chash, now).items():
                    tables.setdefault(table, []).extend(values)
        if not any(written):
            return written
        self.con.begin()
        try:
            ids = [d.id for d, fresh in zip(docs, written, strict=True) if fresh]
            marks = ", ".join("?" * len(ids))
            for (old,) in self.con.execute(f"SELECT id FROM documents WHERE id IN ({marks})", ids).fetchall():
                self._delete_document(old)
                logger.info("document %s replaced by a new version (content changed)", old)
            for table, values in tables.items():
                self._bulk_insert(table, values)
            self.con.commit()
        except Exception as exc:  # noqa: BLE001 - fall back to one transaction per document
            self.con.rollback()
            logger.info("bulk write of %d documents failed (%s); writing them one at a time", len(docs), exc)
            return [self.write_document(d) for d in docs]
        return written

    def _bulk_insert(self, table: str, values: list[tuple]) -> None:
        """Insert many rows through an Arrow table typed like the DuckDB table (no per-value binding)."""
        if not values:
            return
        import pyarrow as pa

        schema = self._arrow_schema(table)
        columns = list(zip(*values, strict=True))
        data = pa.table([pa.array(col, type=schema.field(i).type) for i, col in enumerate(columns)], schema=schema)
        self.con.register("_greatgame_rows", data)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _greatgame_rows")
        finally:
            self.con.unregister("_greatgame_rows")

    def _arrow_schema(self, table: str):
        cache = getattr(self, "_schemas", None)
        if cache is None:
            cache = self._schemas = {}  # table -> Arrow schema, read once
        if table not in cache:
            import pyarrow as pa

            rows = self.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            cache[table] = pa.schema([(name, _arrow_type(kind)) for name, kind in rows])
        return cache[table]

    def _insert(self, table: str, values: list[tuple], chunk: int = 500) -> None:
        """Insert rows with multi-row parameterised VALUES (much faster than executemany)."""
        for i in range(0, len(values), chunk):
            part = values[i : i + chunk]
            row = "(" + ", ".join("?" * len(part[0])) + ")"
            params = [v for r in part for v in r]
            self.con.execute(f"INSERT INTO {table} VALUES {', '.join([row] * len(part))}", params)

    def _delete_document(self, doc_id: str) -> bool:
        found = self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
        if not found:
            return False
        for table in _DELETE_ORDER:
            column = "id" if table == "documents" else "doc"
            self.con.execute(f"DELETE FROM {table} WHERE {column} = ?", [doc_id])
        return True

    def refresh_aggregates(self, force: bool = False) -> dict | None:
        """Rebuild the summary tables (``greatgame.store.aggregates``) unless they are current.

        Run after writing (``finish_ingest`` does); until then the queries read the base tables.
        Returns row counts and seconds, or None when they were current.
        """
        from greatgame.store import aggregates

        return aggregates.refresh(self, force=force)

    def migration_status(self) -> list[migrations.MigrationStatus]:
        """Known and applied migrations of this database."""
        return migrations.status(self.con)


def _arrow_type(duck_type: str):
    """The Arrow type for a DuckDB column type of the schema (VARCHAR, INTEGER, ..., VARCHAR[])."""
    import pyarrow as pa

    if duck_type.endswith("[]"):
        return pa.list_(_arrow_type(duck_type[:-2]))
    simple = {
        "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "BOOLEAN": pa.bool_(),
        "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "DOUBLE": pa.float64(), "FLOAT": pa.float32(),
        "SMALLINT": pa.int16(), "TINYINT": pa.int8(),
    }  # fmt: skip
    if duck_type not in simple:
        raise StoreError(f"column type {duck_type} has no Arrow equivalent in the bulk writer")
    return simple[duck_type]
