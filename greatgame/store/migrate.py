"""Named, recorded, transactional migrations of the DuckDB schema.

Each migration is a SQL file in ``greatgame/store/migrations/`` named ``NNNN_name.sql``. They run
in name order; each runs in its own transaction together with the row that records it in the
``migrations`` table, so a migration is either fully applied and recorded, or not at all.
Running ``migrate`` twice applies nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass
from importlib import resources

logger = logging.getLogger(__name__)

_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    name VARCHAR PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    """One schema change: its name (file stem) and its SQL."""

    name: str
    sql: str


@dataclass(frozen=True)
class MigrationStatus:
    """Whether a known migration has been applied to a database, and when."""

    name: str
    applied: bool
    applied_at: dt.datetime | None = None


def known_migrations() -> list[Migration]:
    """Every migration shipped with this version of greatgame, in the order they apply."""
    return list(_shipped())


@functools.cache
def _shipped() -> tuple[Migration, ...]:
    """The migration files, read once per process (every read-only open checks them)."""
    folder = resources.files("greatgame.store") / "migrations"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return tuple(Migration(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files)


def applied_migrations(con) -> dict[str, dt.datetime]:
    """Name -> time applied, for the migrations recorded in this database (empty when none)."""
    import duckdb

    try:  # one query on every open (a catalogue lookup first costs as much again)
        return dict(con.execute("SELECT name, applied_at FROM migrations ORDER BY name").fetchall())
    except duckdb.CatalogException:
        return {}


def status(con) -> list[MigrationStatus]:
    """Every known migration with whether it is applied, plus recorded ones this version does not know."""
    done = applied_migrations(con)
    known = known_migrations()
    out = [MigrationStatus(m.name, m.name in done, done.get(m.name)) for m in known]
    names = {m.name for m in known}
    out += [MigrationStatus(n, True, t) for n, t in done.items() if n not in names]
    return out


def pending(con) -> list[Migration]:
    """Known migrations not yet applied to this database."""
    done = applied_migrations(con)
    return [m for m in known_migrations() if m.name not in done]


def migrate(con) -> list[str]:
    """Apply every pending migration, each in its own transaction; return the names applied."""
    con.execute(_MIGRATIONS_TABLE)
    applied = []
    for m in pending(con):
        con.begin()
        try:
            con.execute(m.sql)
            con.execute("INSERT INTO migrations VALUES (?, ?)", [m.name, dt.datetime.now()])
            con.commit()
        except Exception:
            con.rollback()
            raise
        logger.info("applied migration %s", m.name)
        applied.append(m.name)
    return applied
