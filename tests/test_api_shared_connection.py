"""The server shares one read-only connection, yet a writer still gets in and new data shows.

DuckDB lets no process write the file while another has it open, so the server must let go of
it: when idle, and every few seconds under load. These tests run a busy server and an
``ingest``-like writer in another process (a writer in the same process would share DuckDB's
instance and prove nothing).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import anyio
import pytest
from fastapi.testclient import TestClient
from store_samples import event, make_document

from greatgame.api import create_app
from greatgame.api.reader import SharedReader
from greatgame.config import Settings
from greatgame.store import Store

TESTS = Path(__file__).resolve().parent

WRITER = """
import sys, time
sys.path.insert(0, {tests!r})
from store_samples import event, make_document
from greatgame.store import Store
started = time.monotonic()
with Store({db!r}) as store:  # the default lock timeout of every writer: 5 s
    store.write_document(make_document("late.txt", events=[event("AID", "CHN", "KGZ", date="2025-06-01")]))
print(f"{{time.monotonic() - started:.2f}}", flush=True)
"""


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "shared.duckdb"
    with Store(path) as store:
        store.write_document(make_document("a.txt", events=[event("CONSULT", "RUS", "UZB", date="2025-04-22")]))
    return path


def hammer(client: TestClient, stop: threading.Event, statuses: list[int]) -> None:
    while not stop.is_set():
        statuses.append(client.get("/api/summary").status_code)


def test_a_writer_gets_the_lock_while_the_server_is_busy_and_new_data_shows(db):
    with TestClient(create_app(Settings(db=db), catalogue=None)) as client:
        assert client.get("/api/summary").json()["counts"]["documents"] == 1
        stop, statuses = threading.Event(), []
        threads = [threading.Thread(target=hammer, args=(client, stop, statuses)) for _ in range(4)]
        for t in threads:
            t.start()
        try:
            time.sleep(0.5)
            writer = subprocess.run([sys.executable, "-c", WRITER.format(tests=str(TESTS), db=str(db))],
                                    capture_output=True, text=True, timeout=60)  # fmt: skip
            assert writer.returncode == 0, writer.stderr  # DatabaseLocked here would mean the server never let go
            deadline = time.monotonic() + 10
            seen = 1
            while seen != 2 and time.monotonic() < deadline:
                response = client.get("/api/summary")
                seen = response.json()["counts"]["documents"] if response.status_code == 200 else seen
            assert seen == 2, "the server kept reading the file as it was before the write"
        finally:
            stop.set()
            for t in threads:
                t.join(30)
        assert statuses.count(200) > 10
        assert set(statuses) <= {200, 503}


def test_the_connection_is_closed_when_idle(db):
    reader = SharedReader(idle=0.2)

    async def one_request():
        store = await reader.acquire(db, lock_timeout=1)
        reader.release(store)

    anyio.run(one_request)
    assert reader.is_open
    deadline = time.monotonic() + 5
    while reader.is_open and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not reader.is_open
    with Store(db) as store:  # a writer in this process can open it again
        assert store.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_requests_are_served_first_come_first_served_within_the_limit(db):
    reader = SharedReader(limit=2)
    order: list[int] = []

    async def request(i: int, hold: float):
        store = await reader.acquire(db, lock_timeout=1)
        order.append(i)
        assert reader._users <= 2
        await anyio.sleep(hold)
        reader.release(store)

    async def main():
        async with anyio.create_task_group() as tg:
            for i in range(6):
                tg.start_soon(request, i, 0.05)
                await anyio.sleep(0.001)

    anyio.run(main)
    reader.close()
    assert order == list(range(6))


def test_a_failed_opening_reaches_every_waiting_request(tmp_path):
    from greatgame.errors import StoreError

    reader = SharedReader()
    errors: list[Exception] = []

    async def request():
        try:
            await reader.acquire(tmp_path / "none.duckdb", lock_timeout=0.2)
        except StoreError as exc:
            errors.append(exc)

    async def main():
        async with anyio.create_task_group() as tg:
            for _ in range(5):
                tg.start_soon(request)

    anyio.run(main)
    assert len(errors) == 5 and all("greatgame ingest" in str(e) for e in errors)
