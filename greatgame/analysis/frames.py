"""The notebook API: pandas DataFrames from a database path (or an open Store), no SQL needed.

    >>> from greatgame import analysis as gg
    >>> gg.influence("greatgame.duckdb", "UZB", freq="quarter")
    >>> gg.events("greatgame.duckdb", actor="RUS", since=date(2025, 1, 1))

Each function opens the database read-only for the time of the call, so it can run while no
ingest is writing (DuckDB allows one writer and no reader beside it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from greatgame.analysis.influence import add_blocs, influence_query
from greatgame.analysis.network import network_edges
from greatgame.analysis.timeline import timeline_table
from greatgame.errors import GreatGameError
from greatgame.store import Store

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def opened(db: str | Path | Store) -> Iterator[Store]:
    """An open Store: the one given, or ``db`` opened read-only for the block."""
    if isinstance(db, Store):
        yield db
        return
    with Store(db, read_only=True) as store:
        yield store


def events(db: str | Path | Store, **filters) -> pd.DataFrame:
    """Events with their document fields.

    Filters: actor, country, type, quad, context, modality (each may be a list), since, until,
    doc, ids, limit, offset.
    """
    with opened(db) as store:
        return store.events(**filters)


def documents(db: str | Path | Store, **filters) -> pd.DataFrame:
    """Documents without their text; filters: q, publisher, genre, since, until, limit, offset."""
    with opened(db) as store:
        return store.documents(**filters)


def statements(db: str | Path | Store, **filters) -> pd.DataFrame:
    """Quotes and reported statements; filters: speaker, about, doc, since, until, limit, offset."""
    with opened(db) as store:
        return store.statements(**filters)


def influence(
    db: str | Path | Store,
    country: str,
    freq: str = "quarter",
    powers: Sequence[str] | None = None,
    domain: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    by_domain: bool = False,
    eu_members: bool = False,
    bootstrap: int = 200,
    seed: int = 0,
    blocs: bool = True,
    evidence: bool = False,
) -> pd.DataFrame:
    """Influence of outside powers in ``country``: one row per power, domain and period.

    Columns: engagement, share (with 95% bootstrap band), alignment (with band), cooperation,
    conflict, counts of stated, planned, hypothetical and negated events. With ``evidence`` the
    ids of the events behind each row (``event_ids``, ``planned_event_ids``; without it these
    columns are None, so that millions of ids are not gathered for nothing). With ``blocs`` (and
    the catalogue installed) also ``shared_blocs`` and ``observer_blocs`` on the period's last
    day. Filtering and sums run inside DuckDB. See docs/influence.md for the formula and limits.
    """
    country = country.upper()
    with opened(db) as store:
        table = influence_query(store, country, freq=freq, powers=powers, domain=domain, since=since, until=until,
                                by_domain=by_domain, eu_members=eu_members, bootstrap=bootstrap, seed=seed,
                                evidence=evidence)  # fmt: skip
    if blocs:
        catalogue = load_catalogue_or_none()
        if catalogue is not None:
            table = add_blocs(table, catalogue)
    return table


def load_catalogue_or_none():
    """The actor catalogue, or None (with a log line) when it cannot be loaded."""
    try:
        from greatgame.catalogue import load_catalogue

        return load_catalogue()
    except (ImportError, GreatGameError) as exc:
        logger.warning("catalogue not available (%s): bloc columns left out", exc)
        return None


def network(db: str | Path | Store, since: dt.date | None = None, until: dt.date | None = None) -> pd.DataFrame:
    """Actor-to-actor edges by quad class with counts and weights (see ``network_graph`` for networkx)."""
    with opened(db) as store:
        return network_edges(store, since=since, until=until)


def network_graph(db: str | Path | Store, since: dt.date | None = None, until: dt.date | None = None):
    """The actor network as a networkx MultiDiGraph."""
    from greatgame.analysis.network import network_graph as build

    with opened(db) as store:
        return build(store, since=since, until=until)


def timeline(
    db: str | Path | Store,
    actor: str | None = None,
    country: str | None = None,
    freq: str = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """Events per period and quad class for an actor id, a country, or all events."""
    with opened(db) as store:
        frame = store.events(actor=actor, country=country, since=since, until=until)
    return timeline_table(frame, freq=freq)
