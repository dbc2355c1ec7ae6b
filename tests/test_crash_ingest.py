"""A crash costs nothing committed: SIGKILL in the middle of ``greatgame ingest``, then a rerun.

Each document is written in one transaction. Killed mid-run, the database holds whole documents
only (every row of each, as a clean run writes it), and rerunning the same command finishes the
job with the same final content as a clean run into another database, without duplicates.
While the writer runs, readers get a clear DatabaseLocked error, never a crash or corruption.
"""

from __future__ import annotations

import os
import signal
import subprocess

import pytest
from crash_helpers import Ingest, doc_column, greatgame_cmd, make_corpus, rows_per_doc, snapshot
from fastapi.testclient import TestClient

from greatgame.api import create_app
from greatgame.config import Settings
from greatgame.store import DatabaseLocked, Store

N_DOCS = 240  # ingest commits a batch at a time (32 documents or 2 s): enough for several batches


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """A clean run into a.duckdb and, at the same time, a run into b.duckdb killed after its first commit.

    While the clean run writes, three readers try its database: the store, the HTTP API, the CLI.
    """
    tmp = tmp_path_factory.mktemp("crash")
    corpus = make_corpus(tmp / "corpus", n=N_DOCS, words=200)
    clean = Ingest(corpus, tmp / "a.duckdb", N_DOCS)
    clean.wait_for(1)
    locked = _readers_while_writing(clean, tmp / "a.duckdb")
    # started only now, so that the kill lands mid-run however fast the machine is
    killed = Ingest(corpus, tmp / "b.duckdb", N_DOCS)
    committed = killed.wait_for(1)
    os.kill(killed.proc.pid, signal.SIGKILL)
    killed.finish()
    assert 1 <= committed < N_DOCS, killed.stderr.decode(errors="replace")[-2000:]
    cli = locked.pop("cli_proc")
    locked["cli"] = (cli.wait(60), cli.stderr.read(), clean.proc.poll() is None)
    assert clean.finish() == 0, clean.stderr.decode(errors="replace")[-2000:]
    return {"tmp": tmp, "corpus": corpus, "a": tmp / "a.duckdb", "b": tmp / "b.duckdb",
            "committed": committed, "locked": locked}  # fmt: skip


def _readers_while_writing(writer: Ingest, db) -> dict:
    """What three kinds of reader get while ``writer`` holds the database (the CLI still running)."""
    out: dict = {"writer_alive": writer.proc.poll() is None}
    try:
        Store(db, read_only=True, lock_timeout=0.3).close()
        out["store"] = "opened"
    except DatabaseLocked as exc:
        out["store"] = str(exc)
    out["api"] = TestClient(create_app(Settings(db=db), catalogue=None)).get("/api/documents")
    out["cli_proc"] = subprocess.Popen(
        greatgame_cmd("export", "--format", "plover", "--db", str(db), "-o", os.devnull),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    out["writer_alive"] = out["writer_alive"] and writer.proc.poll() is None
    return out


@pytest.mark.slow
def test_killed_run_holds_only_whole_documents(runs):
    clean, killed = snapshot(runs["a"]), snapshot(runs["b"])  # opening b replays its WAL
    ids = [r[0] for r in killed["documents"]]
    assert len(ids) >= runs["committed"]  # nothing the killed run reported as done is lost
    assert len(ids) < N_DOCS
    columns = doc_column(runs["a"])
    for doc_id in ids:
        assert rows_per_doc(killed, doc_id, columns) == rows_per_doc(clean, doc_id, columns), doc_id
    for table in ("sentences", "events"):  # and no row belongs to a document that is not stored
        assert {r[columns[table]] for r in killed[table]} <= set(ids)


@pytest.mark.slow
def test_rerun_after_the_kill_gives_the_clean_result(runs):
    result = subprocess.run(
        greatgame_cmd("ingest", "--workers", "1", "--db", str(runs["b"]), str(runs["corpus"])),
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "already there" in result.stderr
    assert snapshot(runs["b"]) == snapshot(runs["a"])
    with Store(runs["b"], read_only=True) as store:
        dupes = store.con.execute("SELECT count(*) - count(DISTINCT content_hash) FROM documents").fetchone()[0]
        assert dupes == 0 and store.count_documents() == N_DOCS


@pytest.mark.slow
def test_readers_meet_a_clear_lock_error_while_the_writer_runs(runs):
    locked = runs["locked"]
    if not locked["writer_alive"]:
        pytest.skip(f"the writer finished before the readers could try: {locked}")
    assert "locked by another process" in locked["store"] and "greatgame ingest" in locked["store"]
    api = locked["api"]
    assert api.status_code == 503 and api.headers["retry-after"]
    assert api.json()["error"]["type"] == "DatabaseLocked"
    code, stderr, writer_still_running = locked["cli"]
    if writer_still_running:  # the CLI retried for 5 s, then gave up with one clear line
        assert code == 1 and "locked" in stderr and "Traceback" not in stderr
    else:  # the writer finished within the CLI's retry window: it waited and exported
        assert code == 0, stderr
    assert snapshot(runs["a"])["documents"]  # the writer's database is intact afterwards
