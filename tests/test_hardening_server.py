"""The server: loopback by default, read-only, parameterised SQL, bounded requests.

(What the dashboard does with hostile text in a real browser is tested in tests/test_browser_*.py.)
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from store_samples import event, make_document

from greatgame.api import create_app
from greatgame.cli.main import cli
from greatgame.config import Settings
from greatgame.store import Store

INJECTIONS = ["' OR 1=1 --", '"; DROP TABLE events; --', "') OR ('1'='1", "UZB' UNION SELECT * FROM documents --",
              "%", "_", "*", "\\", "UZB\x00", "1; CHECKPOINT", "$1", "?", "' OR ''='"]  # fmt: skip
HOSTILE_TITLE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("srv") / "t.duckdb"
    with Store(path) as store:
        store.write_document(make_document("a.txt", events=[
            event("CONSULT", "RUS", "UZB", date="2025-04-22", context=["military"]),
            event("AID", "CHN", ["UZB", "KAZ"], date="2025-05-02"),
        ], title=HOSTILE_TITLE))  # fmt: skip
        store.write_document(make_document("b'; DROP TABLE documents; --.txt", published="2024-01-01",
                                           events=[event("DEMAND", "USA", "UZB", date=None)]))  # fmt: skip
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(Settings(db=db), catalogue=None))


def counts(db) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "events", "event_actors", "sentences", "statements")}  # fmt: skip


# -- where it listens ----------------------------------------------------------------------


def test_serve_listens_on_loopback_by_default():
    from greatgame.cli.serve import command

    host = next(p for p in command.params if p.name == "host")
    assert host.default == "127.0.0.1"


@pytest.mark.parametrize("host, warned", [("127.0.0.1", False), ("localhost", False), ("::1", False),
                                          ("0.0.0.0", True), ("::", True), ("192.168.1.20", True),
                                          ("example.org", True)])  # fmt: skip
def test_serve_warns_when_reachable_from_other_machines(db, monkeypatch, host, warned):
    import greatgame.api.server as server

    started = {}
    monkeypatch.setattr(server, "serve", lambda settings, host, port: started.update(host=host, port=port))
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", host, "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert started == {"host": host, "port": 8765}
    assert ("reachable from other machines" in result.output) is warned


# -- read-only -------------------------------------------------------------------------------


def test_no_endpoint_accepts_a_write_method(client, db):
    before = counts(db)
    schema = client.get("/openapi.json").json()["paths"]
    assert any(p.startswith("/api/") for p in schema)
    for path, operations in schema.items():
        assert set(operations) <= {"get", "head", "parameters"}, path
    for path in [*schema, "/", "/documents/a.txt"]:
        url = path.replace("{doc_id}", "a.txt").replace("{actor_id}", "UZB")
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            response = client.request(method, url, json={"sql": "DROP TABLE events"})
            assert response.status_code in (404, 405), (method, url, response.status_code)
    assert counts(db) == before


def test_each_request_reads_through_a_read_only_connection(db):
    import anyio
    import duckdb

    from greatgame.api.reader import SharedReader

    reader = SharedReader()

    async def attempt():
        store = await reader.acquire(db, lock_timeout=1)
        try:
            assert store.read_only
            with pytest.raises(duckdb.Error, match="read-only"):
                store.con.execute("DELETE FROM events")
        finally:
            reader.release(store)

    anyio.run(attempt)
    reader.close()
    assert not reader.is_open
    assert counts(db)["events"] == 3


# -- parameterised SQL ------------------------------------------------------------------------


@pytest.mark.parametrize("payload", INJECTIONS)
def test_filter_values_are_data_not_sql(client, db, payload):
    before = counts(db)
    queries = [("/api/events", p) for p in ("actor", "country", "context", "doc")]
    queries += [("/api/documents", p) for p in ("q", "publisher")]
    queries += [("/api/actors", p) for p in ("q", "kind", "country")]
    queries += [("/api/statements", p) for p in ("speaker", "about", "doc")]
    for path, param in queries:
        response = client.get(path, params={param: payload})
        assert response.status_code in (200, 400, 422), (path, param, response.text)
        if response.status_code == 200:
            body = response.json()
            assert body["total"] == len(body["items"]) == 0 or payload in ("%", "_", "*"), (path, param)
    for path in (f"/api/documents/{quote(payload, safe='')}", f"/api/actors/{quote(payload, safe='')}"):
        assert client.get(path).status_code in (404, 422)
    response = client.get("/api/influence", params={"country": payload, "domain": payload, "bootstrap": 0})
    assert response.status_code in (200, 400, 422)
    assert counts(db) == before


def test_a_like_wildcard_matches_only_itself(client):
    assert client.get("/api/documents", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/documents", params={"q": "DROP TABLE"}).json()["total"] == 1  # the odd id, as text


def test_an_id_that_looks_like_sql_is_just_an_id(client):
    response = client.get("/api/documents/" + quote("b'; DROP TABLE documents; --.txt", safe=""))
    assert response.status_code == 200 and response.json()["id"] == "b'; DROP TABLE documents; --.txt"


def test_hostile_text_comes_back_as_json_data(client):
    response = client.get("/api/documents/a.txt")
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.json()["title"] == HOSTILE_TITLE  # stored and returned as data; escaping is the page's job


# -- bounded requests -------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "/api/events?page_size=201", "/api/events?page_size=0", "/api/events?page=0", "/api/events?page=1000000000",
    "/api/documents?page_size=100000", "/api/actors?page_size=-1", "/api/documents?q=" + "x" * 5000,
    "/api/influence?country=UZB&bootstrap=100000", "/api/actors/UZB?events=100000",
    "/api/events?since=2024-13-45", "/api/events?type=NOT_A_TYPE", "/api/events?since=" + "9" * 400,
])  # fmt: skip
def test_oversized_or_invalid_parameters_answer_4xx(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)
    assert set(response.json()) == {"error"}


def test_a_large_request_body_is_refused_with_413(client):
    response = client.request("GET", "/api/events", content=b"x" * (1024 * 1024))
    assert response.status_code == 413 and response.json()["error"]["type"] == "RequestTooLarge"
    bogus = client.request("GET", "/api/events", headers={"content-length": "abc"})
    assert bogus.status_code in (400, 413)


def test_many_repeated_filters_are_answered(client):
    response = client.get("/api/events", params=[("actor", f"A{i}") for i in range(500)])
    assert response.status_code in (200, 400, 422)


def test_a_foreign_host_header_is_refused_on_a_loopback_server(client):
    response = client.get("/api/summary", headers={"host": "attacker.example:8000"})
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "UnknownHost"
    assert response.headers["x-content-type-options"] == "nosniff"
    for page in ("/", "/openapi.json", "/api/documents/a.txt"):
        assert client.get(page, headers={"host": "attacker.example"}).status_code == 400, page


@pytest.mark.parametrize("host, server, allowed, ok", [
    ("127.0.0.1:8000", "127.0.0.1", [], True), ("localhost:8000", "127.0.0.1", [], True),
    ("[::1]:8000", "::1", [], True), ("localhost", "::1", [], True), ("LOCALHOST.:80", "127.0.0.1", [], True),
    ("attacker.example", "127.0.0.1", [], False), ("localhost.attacker.example", "127.0.0.1", [], False),
    ("127.0.0.1.nip.io", "127.0.0.1", [], False), ("", "127.0.0.1", [], False),
    ("192.168.1.20:8000", "192.168.1.20", [], True), ("localhost:8000", "192.168.1.20", [], False),
    ("myhost.lan:8000", "192.168.1.20", [], False), ("myhost.lan:8000", "192.168.1.20", ["myhost.lan"], True),
    ("a.example.org", "10.0.0.1", ["*.example.org"], True), ("example.org.evil", "10.0.0.1", ["*.example.org"], False),
    ("anything", "10.0.0.1", ["*"], True),
])  # fmt: skip
def test_the_host_header_must_name_this_server(host, server, allowed, ok):
    from greatgame.api.hosts import HostCheck

    assert HostCheck(None, allowed).allows(host, server) is ok


def test_a_real_loopback_server_answers_its_names_only(db):
    import socket
    import threading
    import time

    import httpx
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=db), catalogue=None), host="127.0.0.1", port=port,
                                           log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}/api/summary"
        assert httpx.get(base).status_code == 200
        assert httpx.get(base, headers={"host": f"localhost:{port}"}).status_code == 200
        assert httpx.get(base, headers={"host": "testserver"}).status_code == 400
        assert httpx.get(base, headers={"host": f"rebind.attacker.example:{port}"}).status_code == 400
    finally:
        server.should_exit = True
        thread.join(10)


def test_serve_adds_a_bound_name_but_not_an_address(db):
    from greatgame.api.server import with_bound_host

    assert with_bound_host(Settings(db=db), "127.0.0.1").allowed_hosts == []
    assert with_bound_host(Settings(db=db), "0.0.0.0").allowed_hosts == []
    assert with_bound_host(Settings(db=db, allowed_hosts=["a.lan"]), "myhost.lan").allowed_hosts == ["a.lan", "myhost.lan"]


def test_allow_host_reaches_the_settings(db, monkeypatch):
    import greatgame.api.server as server

    started = {}
    monkeypatch.setattr(server, "serve", lambda settings, host, port: started.update(hosts=settings.allowed_hosts))
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--allow-host", "a.lan", "--allow-host", "b.lan"])
    assert result.exit_code == 0, result.output
    assert started["hosts"] == ["a.lan", "b.lan"]
