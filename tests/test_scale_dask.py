"""The Dask engine gives the same database as the local path, through a month-partitioned lake."""

from __future__ import annotations

import pytest

from greatgame.config import Settings
from greatgame.pipeline import finish_ingest, run_ingest
from greatgame.scale.dask_engine import TABLES, run_dask_ingest
from greatgame.store import Store

pytestmark = pytest.mark.slow


def _contents(path) -> dict[str, list[tuple]]:
    with Store(path, read_only=True) as store:
        out = {}
        for table in TABLES:
            cols = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "ingested_at"]
            names = ", ".join(f'"{c}"' for c in cols)
            rows = store.con.execute(f"SELECT {names} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out


@pytest.fixture(scope="module")
def both(tmp_path_factory, corpus_dir):
    tmp = tmp_path_factory.mktemp("dask")
    articles = [corpus_dir / "articles"]
    local = Settings(workers=1, db=tmp / "local.duckdb")
    with Store(local.db) as store:
        run_ingest(articles, local, store)
    remote = Settings(workers=2, db=tmp / "dask.duckdb")
    progress = run_dask_ingest(articles, remote, lake=tmp / "lake")
    return tmp, progress


def test_dask_path_gives_the_same_records_as_the_local_path(both):
    tmp, progress = both
    local, dask = _contents(tmp / "local.duckdb"), _contents(tmp / "dask.duckdb")
    assert local["documents"], "the sample corpus produced no documents"
    for table in TABLES:
        assert dask[table] == local[table], f"table {table} differs between the Dask and the local path"


def test_lake_is_partitioned_by_month_and_readable(both):
    import duckdb

    tmp, _ = both
    months = sorted(p.name for p in (tmp / "lake" / "events").iterdir())
    assert months and all(m.startswith("month=") for m in months)
    assert any(m[6:10].isdigit() for m in months)
    con = duckdb.connect()
    n = con.execute(
        f"SELECT count(*) FROM read_parquet('{tmp}/lake/events/**/*.parquet', hive_partitioning = true)"
    ).fetchone()[0]
    with Store(tmp / "dask.duckdb", read_only=True) as store:
        assert n == store.con.execute("SELECT count(*) FROM events").fetchone()[0]


def test_rerun_on_dask_stores_nothing_twice(both, corpus_dir):
    tmp, _ = both
    before = _contents(tmp / "dask.duckdb")
    progress = run_dask_ingest([corpus_dir / "articles"], Settings(workers=2, db=tmp / "dask.duckdb"))
    assert progress.done == 0 and progress.skipped > 0
    assert _contents(tmp / "dask.duckdb") == before


def test_a_lake_from_before_the_query_columns_loads_with_them_filled(both):
    """A lake written before migration 0003 has no day/actors/keys; loading derives them."""
    import shutil

    import duckdb

    from greatgame.scale.dask_engine import load_lake

    tmp, _ = both
    old = tmp / "old_lake"
    shutil.copytree(tmp / "lake", old, ignore=shutil.ignore_patterns("events"))
    (old / "events").mkdir()
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT * EXCLUDE (day, actors, keys) FROM read_parquet('{tmp}/lake/events/**/*.parquet', "
        f"hive_partitioning = true)) TO '{old}/events' (FORMAT PARQUET, PARTITION_BY (month))"
    )
    with Store(tmp / "from_old.duckdb") as store:
        assert load_lake(store, old) > 0
        finish_ingest(store)  # story clusters, as the Dask ingest does after loading
    fresh, dask = _contents(tmp / "from_old.duckdb"), _contents(tmp / "dask.duckdb")
    assert fresh["events"] and fresh["events"] == dask["events"]
