"""Ingest on a Dask cluster: partitions out, extraction on the workers, a Parquet lake back, DuckDB last.

1. The client streams the input (``read_sources``) and cuts it into partitions of
   ``settings.batch_size`` documents; documents already stored are dropped first.
2. Each partition runs on a worker through the same ``Engine`` the local path uses; the engine
   (catalogue and spaCy model) is built once per worker process and kept.
3. The client turns the finished documents into table rows and appends them to a Parquet lake,
   one dataset per table, Hive-partitioned by the month of publication (``month=2024-03``,
   ``month=undated``).
4. DuckDB is loaded from the lake in one transaction, replacing older versions of the same
   documents, so the database ends up exactly as the local path would leave it.

At most ``4 × workers`` partitions are in flight, so memory stays bounded on both sides.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from greatgame.config import Settings
from greatgame.errors import UsageError
from greatgame.models import Document, Failure, RawDocument
from greatgame.pipeline import Engine, Progress, Result, _sources, finish_ingest

logger = logging.getLogger(__name__)

TABLES = (
    "documents", "sentences", "entities", "mentions", "actors_in_doc",
    "relations", "events", "event_actors", "statements",
)  # fmt: skip

# Columns the store derives at write time (migration 0003), computed again when a lake is loaded:
# a lake written by an older version lacks them, and they must agree with the row either way.
DERIVED = {
    "events": {
        "day": "coalesce(x.date, d.published)",
        "actors": "list_sort(list_distinct(list_concat(x.source_ids, x.target_ids)))",
        "keys": "list_sort(list_distinct(list_concat(x.source_ids, x.target_ids, x.source_countries, "
        "x.target_countries)))",
    },
}

_ENGINES: dict[str, Engine] = {}


def extract_partition(batch: list[RawDocument], settings: Settings) -> list[Result]:
    """Run on a worker: process one partition with this worker's cached engine."""
    key = settings.model_dump_json()
    engine = _ENGINES.get(key)
    if engine is None:
        engine = _ENGINES[key] = Engine(settings)
    return [engine.process(raw) for raw in batch]


def _partitions(items: Iterable[RawDocument | Failure], size: int) -> Iterator[list[RawDocument] | Failure]:
    batch: list[RawDocument] = []
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _client(scheduler: str | None, workers: int):
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}; "
                             "check the address (tcp://host:8786) and that the scheduler runs") from exc
    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(logging.ERROR)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_on_dask(
    paths: Iterable[str | Path], settings: Settings, client, skip=None
) -> Iterator[Result]:
    """Yield the results of every input document, processed on the cluster, in input order."""
    from collections import deque

    window = 4 * max(1, len(client.scheduler_info().get("workers", {})) or settings.workers)
    pending: deque = deque()
    for part in _partitions(_sources(paths, settings, skip), settings.batch_size):
        if isinstance(part, Failure):
            pending.append(part)
        else:
            pending.append(client.submit(extract_partition, part, settings, pure=False))
        while len(pending) > window or (pending and isinstance(pending[0], Failure)):
            head = pending.popleft()
            yield from ([head] if isinstance(head, Failure) else head.result())
    while pending:
        head = pending.popleft()
        yield from ([head] if isinstance(head, Failure) else head.result())


class ParquetLake:
    """Appends documents as table rows to Hive-partitioned Parquet datasets, one per table."""

    def __init__(self, root: Path, flush_every: int = 200):
        from greatgame.store import Store

        self.root = Path(root)
        self.flush_every = flush_every
        self.buffer = Store(":memory:")  # same schema as the real store, to type the columns
        self.buffered = 0

    def add(self, doc: Document) -> None:
        """Buffer one document's rows; flush to Parquet every ``flush_every`` documents."""
        from greatgame.store.rows import content_hash, table_rows

        rows = table_rows(doc, content_hash(doc), dt.datetime.now())
        for table, values in rows.items():
            if values:
                self.buffer._insert(table, values)
        self.buffered += 1
        if self.buffered >= self.flush_every:
            self.flush()

    def flush(self) -> None:
        """Write what is buffered as new Parquet files and empty the buffer."""
        if not self.buffered:
            return
        con = self.buffer.con
        part = uuid.uuid4().hex[:12]
        for table in TABLES:
            key = "id" if table == "documents" else "doc"
            query = (
                f"SELECT t.*, coalesce(strftime(d.published, '%Y-%m'), 'undated') AS month "
                f"FROM {table} t JOIN documents d ON d.id = t.{key}"
            )
            if con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0:
                continue
            target = self.root / table
            target.mkdir(parents=True, exist_ok=True)
            con.execute(
                f"COPY ({query}) TO '{_sql_path(target)}' (FORMAT PARQUET, PARTITION_BY (month), "
                f"APPEND, FILENAME_PATTERN 'part-{part}-{{uuid}}')"
            )
        for table in reversed(TABLES):
            con.execute(f"DELETE FROM {table}")
        self.buffered = 0

    def close(self) -> None:
        """Flush and close the buffer."""
        self.flush()
        self.buffer.close()


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def load_lake(store, lake: Path) -> int:
    """Load every table of the lake into the store in one transaction; return documents loaded.

    A document whose content is already stored is left alone; an older version of a document
    (same id, other content) is replaced, as the local path does.
    """
    con = store.con
    docs_glob = _sql_path(lake / "documents" / "**" / "*.parquet")
    if not (lake / "documents").exists():
        return 0
    con.begin()
    try:
        con.execute(
            f"CREATE TEMP TABLE incoming AS SELECT id, content_hash FROM read_parquet('{docs_glob}', "
            "hive_partitioning = true) WHERE content_hash NOT IN (SELECT content_hash FROM documents)"
        )
        for table in ("event_actors", "events", "statements", "relations", "actors_in_doc",
                      "mentions", "entities", "sentences", "documents"):
            key = "id" if table == "documents" else "doc"
            con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT id FROM incoming)")
        for table in TABLES:  # documents first: the events' derived columns read them
            if not (lake / table).exists():
                continue
            key = "id" if table == "documents" else "doc"
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            src = _sql_path(lake / table / "**" / "*.parquet")
            derived = DERIVED.get(table, {})
            values = ", ".join(derived.get(c, f'x."{c}"') for c in columns)
            con.execute(
                f"INSERT INTO {table} ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)}) SELECT {values} "
                f"FROM read_parquet('{src}', hive_partitioning = true, union_by_name = true) x "
                f"LEFT JOIN documents d ON d.id = x.{key} WHERE x.{key} IN (SELECT id FROM incoming)"
            )
        loaded = con.execute("SELECT count(*) FROM incoming").fetchone()[0]
        con.execute("DROP TABLE incoming")
        con.commit()
    except Exception:
        con.rollback()
        raise
    return loaded


def run_dask_ingest(
    paths: Iterable[str | Path],
    settings: Settings,
    scheduler: str | None = None,
    lake: Path | None = None,
    on_result=None,
    finish: bool = True,
) -> Progress:
    """Ingest the paths on Dask; keep the Parquet lake at ``lake`` (default: a temp folder).

    With ``finish`` the outlets and story clusters are brought up to date at the end, as
    ``pipeline.run_ingest`` does.
    """
    from greatgame.store import Store

    paths = list(paths)
    progress = Progress()
    own_lake = lake is None
    lake = Path(tempfile.mkdtemp(prefix="greatgame-lake-")) if own_lake else Path(lake)
    client, cluster = _client(scheduler, settings.workers)
    try:
        with Store(settings.db) as store:
            def already(raw: RawDocument) -> bool:
                if store.has_document(raw.content_hash()):
                    progress.skipped += 1
                    return True
                return False

            sink = ParquetLake(lake)
            seen: set[str] = set()
            for result in run_on_dask(paths, settings, client, skip=already):
                progress.done += 1
                if isinstance(result, Failure):
                    progress.failed += 1
                elif result.meta.content_hash in seen:
                    progress.skipped += 1
                else:
                    seen.add(result.meta.content_hash or "")
                    sink.add(result)
                if on_result:
                    on_result(result, progress)
            sink.close()
            progress.stored = load_lake(store, lake)
            if finish:
                finish_ingest(store)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if own_lake:
            shutil.rmtree(lake, ignore_errors=True)
    return progress
