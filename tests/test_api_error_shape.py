"""Every error of the HTTP API has one shape: {"error": {"type": str, "message": str}}."""

from __future__ import annotations

import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from store_samples import make_document

from greatgame.api import create_app
from greatgame.config import Settings
from greatgame.store import Store


def assert_error_shape(response, status: int, type_: str) -> dict:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"]
    assert set(body["error"]) == {"type", "message"}
    assert body["error"]["type"] == type_
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("err") / "t.duckdb"
    with Store(path) as s:
        s.write_document(make_document())
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(Settings(db=db), catalogue=None), raise_server_exceptions=False)


@pytest.mark.parametrize("url,status,type_", [
    ("/api/actors/NOPE", 404, "UnknownActor"),
    ("/api/documents/nope.txt", 404, "NotFound"),
    ("/api/no/such/path", 404, "NotFound"),
    ("/api/events?page=0", 422, "ValidationError"),
    ("/api/events?since=yesterday", 422, "ValidationError"),
    ("/api/events?until=0", 422, "ValidationError"),  # not read as a Unix time
    ("/api/events?type=SHOUT", 422, "ValidationError"),
    ("/api/influence", 422, "ValidationError"),
    ("/api/influence?country=UZB&freq=week", 422, "ValidationError"),
])  # fmt: skip
def test_error_shape(client, url, status, type_):
    assert_error_shape(client.get(url), status, type_)


def test_unknown_actor_message_says_what_to_do(client):
    error = assert_error_shape(client.get("/api/actors/NOPE"), 404, "UnknownActor")
    assert "greatgame actors" in error["message"]


def test_wrong_method_and_oversized_body(client):
    assert_error_shape(client.post("/api/events"), 405, "MethodNotAllowed")
    assert_error_shape(client.post("/api/events", content=b"x" * (65 * 1024)), 413, "RequestTooLarge")


def test_missing_database_is_503(tmp_path):
    client = TestClient(create_app(Settings(db=tmp_path / "none.duckdb"), catalogue=None))
    error = assert_error_shape(client.get("/api/summary"), 503, "StoreError")
    assert "greatgame ingest" in error["message"]


def test_locked_database_is_503_with_retry_after(db, monkeypatch):
    import greatgame.api.deps as deps

    monkeypatch.setattr(deps, "LOCK_TIMEOUT", 0.2)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         # a writer retries while the server still holds the file (it lets go within a second when idle)
         "import duckdb, time\nfor _ in range(100):\n    try:\n"
         f"        c = duckdb.connect({str(db)!r}); break\n"
         "    except duckdb.IOException:\n        time.sleep(0.1)\nprint('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ready"
        response = TestClient(create_app(Settings(db=db), catalogue=None)).get("/api/summary")
        assert_error_shape(response, 503, "DatabaseLocked")
        assert response.headers["retry-after"] == "5"
    finally:
        holder.kill()
        holder.wait()
