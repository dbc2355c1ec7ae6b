"""``influence_cube``: the influence index's summary table, and the query that reads it.

One row per country key, domain, month, opposite keys, sign and class of the non-opinion events,
with their count and the sum, sum of squares, minimum and maximum of their weights
(quad weight x intensity x confidence x story weight, the default story weight of
``influence_query``: each act of a story counts once). The keys are a vocabulary of up to 62
actor ids and countries (the default powers first, then the countries most often on an event
side); ``other`` has bit i set when key i is on the side opposite the country key. The domain is
``'*'`` for all events, else each of the event's contexts (``'unspecified'`` when none).

So a call reads a few thousand rows of its country instead of its millions of events and gets
the groups ``influence.list_groups_sql`` makes without the per-weight split (``fine=False``): the
same counts and sums; the bootstrap draws from the groups' moments, as it does anyway in a cell
of more than ``EXACT_GROUPS`` weight groups.

The cube answers a call (``usable``) when it is current (built from the present events,
documents and story weights, with the same weights), the store has at least ``MIN_EVENTS``
events (on smaller ones the events query is fast and keeps the exact per-weight bootstrap), the
country and every power are in the vocabulary, no evidence is asked for (event ids stay on the
events table), the story weight is the default one and EU member states are not counted as the
EU. A window that cuts a month gets that month's rows from the events. ``refresh`` rebuilds it;
``greatgame.analysis.facts.refresh_summaries`` runs after every ingest and in ``db optimize``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Sequence

from greatgame.analysis.influence import class_sql, weights_values_sql
from greatgame.analysis.weights import Weights, load_weights
from greatgame.store import aggregates
from greatgame.store.queries import OPINION_ROLES

logger = logging.getLogger(__name__)

MIN_EVENTS = 100_000
MAX_KEYS = 62
META = "influence_cube_meta"

_TOP_COUNTRIES = """
SELECT country FROM event_actors WHERE country IS NOT NULL GROUP BY country ORDER BY count(*) DESC, country LIMIT ?"""


def weights_hash(weights: Weights) -> str:
    """A fingerprint of the per-type weights and signs the cube was summed with."""
    return hashlib.sha1(weights_values_sql(weights).encode()).hexdigest()


def _bits(list_sql: str) -> str:
    """SQL: the OR of the vocabulary bits of the distinct items of a list (``$keys``)."""
    item = "CASE WHEN list_position($keys, x) IS NULL THEN 0 ELSE (1::BIGINT << (list_position($keys, x) - 1)) END"
    return f"CAST(coalesce(list_sum(list_transform(list_distinct({list_sql}), lambda x: {item})), 0) AS BIGINT)"


def rows_sql(con, weights: Weights, where: str = "true", key: str | None = None) -> str:
    """SELECT of cube rows from the events matching ``where`` (alias ``e``; only key ``key`` if given).

    Parameters: ``$keys``, the vocabulary. Used to build the table and for the cut months of a window.
    """
    join, cw = "", "CAST(1 AS DOUBLE)"
    if aggregates.exists(con, "event_weights"):
        join, cw = " LEFT JOIN event_weights sw ON sw.id = e.id", "coalesce(sw.act_weight, 1.0)"
    opinion = ", ".join(repr(r) for r in OPINION_ROLES)
    ctx = "list_sort(list_distinct(coalesce(context, []::VARCHAR[])))"
    only = "list_contains($keys, key)" + (f" AND key = {key}" if key else "")
    return f"""
    WITH ev AS (
        SELECT CAST(date_trunc('month', e.day) AS DATE) AS month, coalesce(wt.sign, 0) AS sign,
               {class_sql("e.modality")} AS class, coalesce(wt.qi, 0) * CAST(e.confidence AS DOUBLE) * {cw} AS w,
               e.context, list_distinct(list_concat(e.source_ids, e.source_countries)) AS sk,
               list_distinct(list_concat(e.target_ids, e.target_countries)) AS tk
        FROM events e LEFT JOIN ({weights_values_sql(weights)}) wt ON wt.type = e.type{join}
        WHERE e.sentence_role NOT IN ({opinion}) AND ({where})
    ), keyed AS (
        SELECT key, month, sign, class, w, context,
               (CASE WHEN list_contains(tk, key) THEN {_bits("sk")} ELSE 0 END)
               | (CASE WHEN list_contains(sk, key) THEN {_bits("tk")} ELSE 0 END) AS other
        FROM ev, unnest(list_distinct(list_concat(sk, tk))) AS k(key)
        WHERE {only}
    ), doms AS (
        SELECT key, '*' AS domain, month, other, sign, class, w FROM keyed
        UNION ALL
        SELECT key, unnest(CASE WHEN len({ctx}) = 0 THEN ['unspecified'] ELSE {ctx} END), month, other, sign,
               class, w
        FROM keyed
    )
    SELECT key, domain, month, other, sign, class, count(*) AS n, sum(w) AS sw, sum(w * w) AS sw2,
           min(w) AS wmin, max(w) AS wmax
    FROM doms GROUP BY ALL"""


def refresh(store, weights: Weights | None = None, force: bool = False) -> dict | None:
    """Bring ``influence_cube`` of a writable store up to date unless it is current (or ``force``).

    Only the months whose events or story weights changed are rebuilt (``summary_months``), with
    the key vocabulary the cube was built with; other weights, a missing record of the months, or
    ``force`` rebuild it whole with a fresh vocabulary.
    """
    from greatgame.errors import StoreError
    from greatgame.store import summary_months

    if store.read_only:
        raise StoreError(f"database {store.path} is open read-only: open it writable to rebuild influence_cube")
    weights = weights or load_weights()
    con = store.con
    meta = aggregates.current(con, META)
    if not force and meta is not None and meta["weights"] == weights_hash(weights):
        return None
    t0 = time.perf_counter()
    snapshot = aggregates.state(con)
    prints = summary_months.fingerprints(con)
    months, keys = None, _built_keys(con, weights) if not force else None
    if keys is not None:
        months = summary_months.stale(summary_months.stored(con, "influence"), prints)
    if months is None:
        keys = list(dict.fromkeys(weights.powers))
        keys += [k for (k,) in con.execute(_TOP_COUNTRIES, [MAX_KEYS + len(keys)]).fetchall() if k not in keys]
        keys = keys[:MAX_KEYS]
    con.begin()
    try:
        if months is None:
            con.execute(f"CREATE OR REPLACE TABLE influence_cube AS {rows_sql(con, weights)} ORDER BY key, domain, month",
                        {"keys": keys})  # fmt: skip
        elif months:
            gone, params = summary_months.rows_in(months)
            con.execute(f"DELETE FROM influence_cube WHERE {gone}", params)
            where, params = summary_months.events_in(months)
            con.execute(f"INSERT INTO influence_cube {rows_sql(con, weights, where)}", {**params, "keys": keys})
        summary_months.save(con, "influence", prints)
        aggregates.write_meta(con, META, snapshot, keys=("VARCHAR[]", keys), weights=("VARCHAR", weights_hash(weights)))
        con.commit()
    except Exception:
        con.rollback()
        raise
    rows = int(con.execute("SELECT count(*) FROM influence_cube").fetchone()[0])
    seconds = time.perf_counter() - t0
    rebuilt = "all" if months is None else len(months)
    logger.info("influence_cube brought up to date: %d rows in %.1f s (months rebuilt: %s)", rows, seconds, rebuilt)
    return {"rows": rows, "keys": keys, "months": rebuilt, "seconds": seconds}


def _built_keys(con, weights: Weights) -> list[str] | None:
    """The vocabulary of the cube as built, when it can be kept: same weights and powers; else None."""
    if not aggregates.exists(con, "influence_cube") or not aggregates.exists(con, META):
        return None
    cur = con.execute(f"SELECT * FROM {META}")
    row = cur.fetchone()
    if row is None:
        return None
    found = dict(zip([c[0] for c in cur.description], row, strict=True))
    if found.get("weights") != weights_hash(weights) or not found.get("keys"):
        return None
    keys = list(found["keys"])
    return keys if all(p in keys for p in weights.powers) else None


def drop(store) -> None:
    """Remove the cube (influence queries then read the events)."""
    store.con.execute("DROP TABLE IF EXISTS influence_cube")
    store.con.execute(f"DROP TABLE IF EXISTS {META}")


def plan(store, country: str, powers: Sequence[str], weights: Weights, evidence: bool, clusters: bool,
         diversity: bool, eu_members: bool, since, until) -> list[str] | None:  # fmt: skip
    """The cube's key vocabulary when the cube can answer this call with the events query's figures; else None."""
    if evidence or not clusters or diversity or eu_members:
        return None
    if not all(v is None or (isinstance(v, dt.date) and not isinstance(v, dt.datetime)) for v in (since, until)):
        return None
    meta = aggregates.current(store.con, META)
    if meta is None or meta["n_events"] < MIN_EVENTS or meta["weights"] != weights_hash(weights):
        return None
    keys = list(meta["keys"])
    if country not in keys or any(p not in keys for p in powers):
        return None
    return keys


def groups_sql(store, keys: list[str], freq: str, powers: Sequence[str], by_domain: bool, domain: str | None,
               since: dt.date | None, until: dt.date | None, weights: Weights) -> tuple[str, dict]:  # fmt: skip
    """The grouping query over the cube (plus the events of cut months) and its named parameters."""
    first, last, pieces = aggregates.split_window(since, until)
    conds, params = ["key = $country"], {}
    if first is not None:
        conds.append("month >= $first")
        params["first"] = first
    if last is not None:
        conds.append("month <= $last")
        params["last"] = last
    parts = [f"SELECT * FROM influence_cube WHERE {' AND '.join(conds)}"]
    for i, (lo, hi) in enumerate(pieces):
        where = f"list_contains(e.keys, $country) AND e.day BETWEEN $lo{i} AND $hi{i}"
        parts.append(f"SELECT * FROM ({rows_sql(store.con, weights, where, key='$country')})")
        params.update({f"lo{i}": lo, f"hi{i}": hi, "keys": keys})
    if domain:
        dom, label = "domain = $domain", "$domain"
        params["domain"] = domain
    else:
        dom, label = ("domain <> '*'" if by_domain else "domain = '*'"), "'all'"
    mask = " + ".join(f"CASE WHEN (other & {1 << keys.index(p)}) <> 0 THEN {1 << j} ELSE 0 END"
                      for j, p in enumerate(powers))  # fmt: skip
    sql = f"""
        WITH cube AS ({" UNION ALL ".join(parts)}),
        ev AS (
            SELECT CASE WHEN domain = '*' THEN {label} ELSE domain END AS domain,
                   CAST(date_trunc('{freq}', month) AS DATE) AS period_start, class, ({mask})::BIGINT AS mask,
                   sign, n, sw, sw2, wmin, wmax
            FROM cube WHERE {dom}
        )
        SELECT domain, period_start, class, mask, sign, sum(n)::BIGINT AS n, sum(sw) AS sw, sum(sw2) AS sw2,
               min(wmin) AS wmin, max(wmax) AS wmax
        FROM ev WHERE mask > 0 GROUP BY domain, period_start, class, mask, sign"""
    return sql, params


def query(store, keys: list[str], country: str, freq: str, powers: Sequence[str], by_domain: bool,
          domain: str | None, since: dt.date | None, until: dt.date | None, weights: Weights):  # fmt: skip
    """The groups DataFrame (as ``influence.list_groups_sql`` with ``fine=False``) from the cube."""
    sql, params = groups_sql(store, keys, freq, powers, by_domain, domain, since, until, weights)
    return store.con.execute(sql, {**params, "country": country}).df()
