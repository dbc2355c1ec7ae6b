"""Which months of a summary table are stale: per-month fingerprints of the events.

A summary table (``edge_months``, ``influence_cube``) holds whole months, so after an ingest only
the months whose events changed need rebuilding: those with new or removed events, or with events
whose story weights a reclustering rewrote. Each family of summary tables keeps, in
``summary_months``, the fingerprint of every month it was built from: the number of events and an
order-independent hash of the columns the summaries read (and of the events' story weights). One
scan of the events gives the present fingerprints; the months where the two differ are the stale
ones. Events without a day have their own month (NULL).
"""

from __future__ import annotations

import datetime as dt

from greatgame.store.aggregates import exists

TABLE = "summary_months"
_COLUMNS = ("e.id, e.day, e.type, e.modality, e.sentence_role, e.confidence, e.context, e.source_ids, "
            "e.target_ids, e.source_countries, e.target_countries")  # fmt: skip


def fingerprints(con) -> dict[dt.date | None, tuple[int, int]]:
    """Every month's (event count, fingerprint) as the events stand now."""
    join, extra = "", ""
    if exists(con, "event_weights"):
        join, extra = " LEFT JOIN event_weights w ON w.id = e.id", ", w.act_weight, w.outlets"
    rows = con.execute(f"""
        SELECT CAST(date_trunc('month', e.day) AS DATE), count(*), coalesce(bit_xor(hash({_COLUMNS}{extra})), 0)
        FROM events e{join} GROUP BY 1""").fetchall()  # fmt: skip
    return {month: (int(n), int(fp)) for month, n, fp in rows}


def stored(con, family: str) -> dict[dt.date | None, tuple[int, int]] | None:
    """The fingerprints the family's tables were built from, or None when it has none recorded."""
    if not exists(con, TABLE):
        return None
    rows = con.execute(f"SELECT month, n, fp FROM {TABLE} WHERE family = ?", [family]).fetchall()
    if not rows:
        return None
    return {month: (int(n), int(fp)) for month, n, fp in rows if n >= 0}


def stale(before: dict | None, now: dict) -> list[dt.date | None] | None:
    """The months whose fingerprint changed (new, gone or different); None when ``before`` is unknown."""
    if before is None:
        return None
    return sorted((m for m in set(before) | set(now) if before.get(m) != now.get(m)),
                  key=lambda m: (m is not None, m))  # fmt: skip


def save(con, family: str, prints: dict[dt.date | None, tuple[int, int]]) -> None:
    """Record the fingerprints the family's tables now reflect (a row with n = -1 marks an empty store)."""
    con.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (family VARCHAR, month DATE, n BIGINT, fp UBIGINT)")
    con.execute(f"DELETE FROM {TABLE} WHERE family = ?", [family])
    rows = [(family, m, n, fp) for m, (n, fp) in prints.items()] or [(family, None, -1, 0)]
    con.executemany(f"INSERT INTO {TABLE} VALUES (?, ?, ?, ?)", rows)


def events_in(months: list[dt.date | None], alias: str = "e") -> tuple[str, dict]:
    """SQL condition (and its named parameters) for the events of these months."""
    return _condition(months, f"CAST(date_trunc('month', {alias}.day) AS DATE)", f"{alias}.day")


def rows_in(months: list[dt.date | None], column: str = "month") -> tuple[str, dict]:
    """SQL condition (and its named parameters) for the summary rows of these months."""
    return _condition(months, column, column)


def _condition(months: list[dt.date | None], month_sql: str, null_sql: str) -> tuple[str, dict]:
    dated = [m for m in months if m is not None]
    params = {f"stale{i}": m for i, m in enumerate(dated)}
    parts = [f"{month_sql} IN ({', '.join('$' + k for k in params)})"] if dated else []
    if None in months:
        parts.append(f"{null_sql} IS NULL")
    return ("(" + " OR ".join(parts) + ")" if parts else "false"), params
