"""Optional token authentication: without the token nothing is served; with it everything is."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from greatgame.api import create_app
from greatgame.config import Settings
from greatgame.store import Store


@pytest.fixture()
def client(tmp_path):
    db = tmp_path / "auth.duckdb"
    Store(db).close()
    app = create_app(Settings(db=db, token="s3cret-token", workers=1), catalogue=None)
    return TestClient(app)


def test_requests_without_the_token_are_refused_in_the_error_shape(client):
    for path in ("/api/summary", "/api/events", "/openapi.json", "/"):
        r = client.get(path)
        assert r.status_code == 401, path
        assert r.json()["error"]["type"] == "Unauthorized"
        assert r.headers["www-authenticate"] == "Bearer"


def test_a_wrong_token_is_refused(client):
    r = client.get("/api/summary", headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    assert client.get("/api/summary?token=wrong", follow_redirects=False).status_code == 401


def test_bearer_header_opens_the_api(client):
    r = client.get("/api/summary", headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 200


def test_browser_token_becomes_an_httponly_cookie_and_leaves_the_url(client):
    r = client.get("/api/events?token=s3cret-token&page=1", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/api/events?page=1"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert client.get("/api/events?page=1").status_code == 200  # the client keeps the cookie


def test_no_token_configured_means_open_on_loopback(tmp_path):
    db = tmp_path / "open.duckdb"
    Store(db).close()
    client = TestClient(create_app(Settings(db=db, workers=1), catalogue=None))
    assert client.get("/api/summary").status_code == 200
