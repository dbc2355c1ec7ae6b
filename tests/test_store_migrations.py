"""Migrations are named, recorded, run once, and checked by read-only readers."""

from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner

from greatgame.cli.db import command as db_command
from greatgame.errors import SchemaOutOfDate
from greatgame.store import Store
from greatgame.store.migrate import known_migrations, migrate, status


def test_migrations_are_recorded_and_rerun_safely(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    try:
        names = [m.name for m in known_migrations()]
        recorded = [r[0] for r in con.execute("SELECT name FROM migrations ORDER BY name").fetchall()]
        assert recorded == names
        assert migrate(con) == []  # nothing left to apply
        assert all(s.applied for s in status(con))
    finally:
        con.close()


def test_read_only_reader_refuses_unmigrated_database(tmp_path):
    path = tmp_path / "old.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(SchemaOutOfDate, match="greatgame db migrate"):
        Store(path, read_only=True)


def test_failed_migration_leaves_no_trace(tmp_path, monkeypatch):
    from greatgame.store import migrate as module

    bad = module.Migration("9999_broken", "CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;")
    monkeypatch.setattr(module, "known_migrations", lambda: [bad])
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    try:
        with pytest.raises(duckdb.Error):
            module.migrate(con)
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert "half" not in tables
        assert module.applied_migrations(con) == {}
    finally:
        con.close()


def test_cli_db_migrate_lists_applied_and_new(tmp_path):
    path = tmp_path / "t.duckdb"
    runner = CliRunner()
    first = runner.invoke(db_command, ["migrate", "--db", str(path)])
    assert first.exit_code == 0, first.output
    assert "0001_initial  applied now" in first.output
    second = runner.invoke(db_command, ["migrate", "--db", str(path)])
    assert "applied now" not in second.output and "0001_initial  applied" in second.output
