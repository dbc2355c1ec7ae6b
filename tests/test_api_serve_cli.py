"""`greatgame serve`: refuses a missing database before starting, warns off loopback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from greatgame.api.server import is_loopback
from greatgame.cli.serve import command as serve_command
from greatgame.errors import StoreError


@pytest.mark.parametrize("host,loop", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                       ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])  # fmt: skip
def test_loopback_hosts(host, loop):
    assert is_loopback(host) is loop


def test_serve_stops_with_a_clear_error_when_the_database_is_missing(tmp_path):
    result = CliRunner().invoke(serve_command, ["--db", str(tmp_path / "none.duckdb")])
    assert isinstance(result.exception, StoreError)
    assert "greatgame ingest" in str(result.exception)
