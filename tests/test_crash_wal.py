"""SIGKILL while DuckDB holds commits only in its write-ahead log, and during checkpoints.

A writer process stores documents one transaction each and prints the id of each committed one.
Killed at any moment, the database opens again (DuckDB replays its WAL on open), holds every
document the writer reported committed, and holds each document whole.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crash_helpers import PER_DOC

from greatgame.store import Store

TESTS = Path(__file__).resolve().parent

WRITER = r"""
import sys
sys.path.insert(0, sys.argv[1])
from samples_for_wal import documents
from greatgame.store import Store

path, mode = sys.argv[2], sys.argv[3]
with Store(path) as store:
    store.con.execute("SET wal_autocheckpoint = '1GB'" if mode == "wal" else "SET wal_autocheckpoint = '64KB'")
    for i, doc in enumerate(documents(400)):
        if mode == "checkpoint" and i % 3 == 2:
            print("checkpoint", flush=True)
            store.con.execute("CHECKPOINT")
        assert store.write_document(doc)
        print("committed", doc.id, flush=True)
"""


def samples_module(folder: Path) -> None:
    """A module the writer imports: deterministic documents of growing size (many events each)."""
    (folder / "samples_for_wal.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(TESTS)!r})\n"
        "from store_samples import event, make_document\n"
        "def documents(n):\n"
        "    for i in range(n):\n"
        "        evs = [event('CONSULT', 'RUS', ['UZB', 'KAZ'], date='2024-01-02') for _ in range(5 + i % 20)]\n"
        "        doc = make_document(f'd{i:04d}', events=evs, text=None, title='T' * (100 + i))\n"
        "        doc.meta.content_hash = f'hash-{i}'  # the texts repeat; the documents must not\n"
        "        yield doc\n",
        encoding="utf-8",
    )


def counts(db: Path) -> dict[str, dict[str, int]]:
    """Rows per document in each table (opening the file replays its WAL)."""
    with Store(db, read_only=True) as store:
        out = {"documents": dict(store.con.execute("SELECT id, 1 FROM documents").fetchall())}
        for table in PER_DOC:
            out[table] = dict(store.con.execute(f"SELECT doc, count(*) FROM {table} GROUP BY doc").fetchall())
        return out


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """Rows per document when the same documents are written without interruption."""
    folder = tmp_path_factory.mktemp("walref")
    samples_module(folder)
    sys.path.insert(0, str(folder))
    try:
        from samples_for_wal import documents

        with Store(folder / "ref.duckdb") as store:
            for doc in documents(70):
                store.write_document(doc)
    finally:
        sys.path.remove(str(folder))
    return counts(folder / "ref.duckdb")


def run_and_kill(tmp_path: Path, mode: str, after: int, at_checkpoint: bool = False) -> tuple[Path, list[str], bool]:
    """Start the writer, SIGKILL it after ``after`` commits (or at the next checkpoint after them)."""
    samples_module(tmp_path)
    db = tmp_path / "w.duckdb"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(db), mode],
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    committed: list[str] = []
    killed_in_checkpoint = False
    deadline = time.monotonic() + 60
    for line in proc.stdout:
        if line.startswith("committed"):
            committed.append(line.split()[1])
        if len(committed) >= after and (not at_checkpoint or line.startswith("checkpoint")):
            os.kill(proc.pid, signal.SIGKILL)
            killed_in_checkpoint = line.startswith("checkpoint")
            break
        assert time.monotonic() < deadline, "the writer is too slow"
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL, "the writer finished before it could be killed"
    return db, committed, killed_in_checkpoint


def check_whole(db: Path, committed: list[str], reference) -> None:
    found = counts(db)
    stored = set(found["documents"])
    assert set(committed) <= stored  # nothing reported committed is lost
    assert len(stored) <= len(committed) + 1  # at most the one in flight when killed
    for table in PER_DOC:
        for doc_id in stored:
            assert found[table].get(doc_id, 0) == reference[table].get(doc_id, 0), (table, doc_id)
        assert set(found[table]) <= stored


@pytest.mark.slow
def test_commits_that_live_only_in_the_wal_survive_a_kill(tmp_path, reference):
    db, committed, _ = run_and_kill(tmp_path, "wal", after=40)
    wal = db.with_name(db.name + ".wal")
    assert wal.exists() and wal.stat().st_size > 0  # the commits are in the log, not yet in the file
    check_whole(db, committed, reference)  # a read-only open replays the log in memory
    Store(db).close()  # a writable open replays it into the file and checkpoints
    assert not wal.exists() or wal.stat().st_size == 0
    check_whole(db, committed, reference)


@pytest.mark.slow
@pytest.mark.parametrize("after", [10, 31, 62])
def test_a_kill_during_a_checkpoint_loses_nothing_committed(tmp_path, reference, after):
    db, committed, in_checkpoint = run_and_kill(tmp_path, "checkpoint", after=after, at_checkpoint=True)
    assert in_checkpoint
    check_whole(db, committed, reference)
    with Store(db) as store:  # and the file takes new writes afterwards
        assert store.count_documents() >= len(committed)
