"""A reader meeting another process's write lock waits, then fails with a clear error."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from greatgame.store import DatabaseLocked, Store


def test_reader_gets_database_locked_while_a_writer_holds_the_file(tmp_path):
    path = tmp_path / "t.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, sys, time; c = duckdb.connect({str(path)!r}); print('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ready"
        started = time.monotonic()
        with pytest.raises(DatabaseLocked, match="greatgame ingest"):
            Store(path, read_only=True, lock_timeout=0.3)
        assert time.monotonic() - started >= 0.3
    finally:
        holder.kill()
        holder.wait()
    with Store(path, read_only=True) as store:  # free again once the writer is gone
        assert store.count_documents() == 0
