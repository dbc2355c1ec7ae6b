"""Derived summary tables that keep the large-database queries fast, and when they may be used.

Built from the base tables by ``refresh`` (``Store.refresh_aggregates``, run at the end of every
ingest and by ``greatgame db optimize``):

* ``edge_months``: per month, source id, target id and quad class, the number of stated
  (asserted or reported), non-opinion events and their summed confidence: the actor network.
* ``actor_labels``: each actor's most common name, kind and country (as ``Store.actors``).

(The influence index keeps its own summary, ``influence_cube``: ``greatgame.analysis.influence_cube``.)

They are caches: ``aggregates_meta`` records the state of the base tables they were built from
(counts of events and documents, latest ``ingested_at``, and a checksum of ``event_weights``,
which reclustering rewrites), and a query uses them only while that state is unchanged
(``current``); otherwise it reads the base tables (same figures, slower). The tables hold whole
months; a window that cuts a month reads that month's part from the events (``split_window``).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import Any

from greatgame.store.queries import OPINION_ROLES

logger = logging.getLogger(__name__)

TABLES = ("edge_months", "actor_labels", "aggregates_meta", "summary_months")
FACTUAL = ("asserted", "reported")

_STATE = """
SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM documents), (SELECT max(ingested_at) FROM documents)"""

# exact and independent of row order (a parallel floating-point sum is not)
_WEIGHTS_STATE = "SELECT count(*), coalesce(bit_xor(hash(id, act_weight, outlets)), 0) FROM event_weights"


def exists(con, table: str) -> bool:
    """Whether the database has this (non-temporary) table."""
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary",
                            [table]).fetchone()[0])  # fmt: skip


def state(con) -> tuple:
    """The state of the base tables the aggregates depend on (changes with any write or reclustering)."""
    base = tuple(con.execute(_STATE).fetchone())
    weights = tuple(con.execute(_WEIGHTS_STATE).fetchone()) if exists(con, "event_weights") else (None, None)
    return base + tuple(None if v is None else int(v) for v in weights)


def current(con, meta: str = "aggregates_meta") -> dict[str, Any] | None:
    """The ``meta`` row of a summary table when it exists and matches the base tables; else None.

    The row holds the ``state`` columns (``STATE_COLUMNS``) it was built from, and what else its
    builder recorded.
    """
    if not exists(con, meta):
        return None
    cur = con.execute(f"SELECT * FROM {meta}")
    row = cur.fetchone()
    if row is None:
        return None
    found = dict(zip([c[0] for c in cur.description], row, strict=True))
    if any(c not in found for c in STATE_COLUMNS):  # written by another version: rebuild
        return None
    built = tuple(found[c] for c in STATE_COLUMNS[:3]) + tuple(
        None if found[c] is None else int(found[c]) for c in STATE_COLUMNS[3:])  # fmt: skip
    if built != state(con):
        logger.info("%s is out of date (greatgame db optimize rebuilds it); reading the base tables", meta)
        return None
    return found


STATE_COLUMNS = ("n_events", "n_documents", "max_ingested", "ew_rows", "ew_hash")


def write_meta(con, meta: str, snapshot: tuple, **extra: tuple[str, Any]) -> None:
    """(Re)create the one-row ``meta`` table: the state ``snapshot`` plus ``extra`` (name: (type, value))."""
    types = ("BIGINT", "BIGINT", "TIMESTAMP", "BIGINT", "UBIGINT")
    cols = [f"?::{t} AS {c}" for c, t in zip(STATE_COLUMNS, types, strict=True)]
    cols += [f"?::{t} AS {c}" for c, (t, _) in extra.items()]
    values = list(snapshot) + [v for _, v in extra.values()]
    con.execute(f"CREATE OR REPLACE TABLE {meta} AS SELECT {', '.join(cols)}, now()::TIMESTAMP AS built_at", values)


# -- what the tables hold -----------------------------------------------------------------------


def edge_rows_sql(where: str = "true") -> str:
    """SELECT of ``edge_months`` rows from the events matching ``where`` (alias ``e``).

    The events are filtered before their sides are unnested (DuckDB does not push a filter
    below the unnesting), so a few months of a large store cost a few months' work.
    """
    opinion = ", ".join(repr(r) for r in OPINION_ROLES)
    return f"""
    SELECT CAST(date_trunc('month', e.day) AS DATE) AS month, s.source, t.target, e.quad,
           count(*) AS count, sum(e.confidence) AS weight
    FROM (SELECT e.day, e.quad, e.confidence, e.source_ids, e.target_ids FROM events e
          WHERE e.modality IN ('asserted', 'reported') AND e.sentence_role NOT IN ({opinion}) AND ({where})) e,
         unnest(list_distinct(e.source_ids)) AS s(source), unnest(list_distinct(e.target_ids)) AS t(target)
    WHERE s.source <> t.target
    GROUP BY ALL"""


ACTOR_LABELS_SQL = """
SELECT actor_id AS id, first(name ORDER BY mentions DESC, doc) AS name, first(kind ORDER BY mentions DESC, doc) AS kind,
       first(country ORDER BY country IS NULL, mentions DESC, doc) AS country
FROM actors_in_doc GROUP BY actor_id"""


def refresh(store, force: bool = False) -> dict[str, Any] | None:
    """Bring the summary tables of a writable store up to date unless they are current (or ``force``).

    Only the months of ``edge_months`` whose events changed since it was built are rebuilt
    (``summary_months``); ``force``, or a store without a record of them, rebuilds every month.
    One transaction. Returns the row counts, the months rebuilt ("all" or a number) and the seconds
    taken, or None when nothing was to do.
    """
    from greatgame.errors import StoreError
    from greatgame.store import summary_months

    if store.read_only:
        raise StoreError(f"database {store.path} is open read-only: open it writable to rebuild the summary tables")
    con = store.con
    if not force and current(con) is not None:
        return None
    t0 = time.perf_counter()
    snapshot = state(con)
    prints = summary_months.fingerprints(con)
    months = None if force or not exists(con, "edge_months") else summary_months.stale(
        summary_months.stored(con, "edges"), prints)  # fmt: skip
    con.begin()
    try:
        if months is None:
            con.execute(f"CREATE OR REPLACE TABLE edge_months AS {edge_rows_sql()} ORDER BY month, source, target")
        elif months:
            gone, params = summary_months.rows_in(months)
            con.execute(f"DELETE FROM edge_months WHERE {gone}", params)
            where, params = summary_months.events_in(months)
            con.execute(f"INSERT INTO edge_months {edge_rows_sql(where)}", params)
        con.execute(f"CREATE OR REPLACE TABLE actor_labels AS {ACTOR_LABELS_SQL} ORDER BY id")
        summary_months.save(con, "edges", prints)
        write_meta(con, "aggregates_meta", snapshot)
        con.commit()
    except Exception:
        con.rollback()
        raise
    rows = {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES[:2]}
    seconds = time.perf_counter() - t0
    rebuilt = "all" if months is None else len(months)
    logger.info("summary tables brought up to date in %.1f s (months rebuilt: %s): %s", seconds, rebuilt, rows)
    return {**rows, "months": rebuilt, "seconds": seconds}


def drop(store) -> None:
    """Remove the summary tables (queries then read the base tables)."""
    for table in TABLES:
        store.con.execute(f"DROP TABLE IF EXISTS {table}")


# -- windows ------------------------------------------------------------------------------------


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def split_window(since: dt.date | None, until: dt.date | None):
    """The whole months of a window and the pieces of cut months.

    Returns ``(first, last, pieces)``: the first and last month (first days; None for open) to
    read from the summary tables, and the (lo, hi) day ranges to read from the events.
    ``first > last`` means no whole month.
    """
    first = None if since is None else (since if since.day == 1 else _next_month(since))
    last = None
    pieces: list[tuple[dt.date, dt.date]] = []
    if since is not None and since.day != 1:
        hi = _next_month(since) - dt.timedelta(days=1)
        pieces.append((since, hi if until is None else min(hi, until)))
    if until is not None:
        last = _month_start(until)
        if _next_month(until) - dt.timedelta(days=1) != until:  # cuts its month
            last = _month_start(last - dt.timedelta(days=1))
            lo = _month_start(until) if since is None else max(_month_start(until), since)
            if not pieces or lo > pieces[-1][1]:
                pieces.append((lo, until))
    return first, last, pieces


def month_filter(first: dt.date | None, last: dt.date | None, column: str = "month") -> tuple[str, list]:
    """SQL condition (and parameters) for ``column`` within the whole months of a window."""
    conds, params = [], []
    if first is not None:
        conds.append(f"{column} >= ?")
        params.append(first)
    if last is not None:
        conds.append(f"{column} <= ?")
        params.append(last)
    return (" AND ".join(conds) or "true"), params
