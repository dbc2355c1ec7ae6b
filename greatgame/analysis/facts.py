"""A compact, derived table that makes the influence index fast on large databases.

``influence_facts`` holds one row per (stated-or-not, non-opinion event, key), where the keys of
an event are the actor ids and countries on both its sides. Each row has the event's day (its
own date or its document's), type, confidence, modality, context bits, id, which side(s) the key
is on (``c_side``: 1 source, 2 target, 3 both), and the bits of the frequent keys (up to 62: the
default powers first, then the most frequent ids and countries) on each side, with bit 62 set
when a side has an EU member state. Rows are sorted by key and day, so DuckDB's zone maps skip
everything but the target country's rows, and matching a power is an integer AND.

It is a cache, like an index: built from ``events`` and ``documents`` by ``build_facts`` (on a
writable store, e.g. after an ingest: ``greatgame.analysis.facts.build_facts(store)``), dropped
with ``drop_facts``, and used only while it is up to date: ``influence_facts_meta`` records the
counts of events and documents and the latest ``ingested_at`` it was built from; any write
changes them, and the influence query then falls back to the events table (same figures,
slower) until the next build. Powers outside the frequent keys also use the events table.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from greatgame.analysis.influence import class_sql, domain_sql, group_select, weights_values_sql
from greatgame.analysis.weights import Weights, load_weights
from greatgame.errors import StoreError
from greatgame.store.queries import OPINION_ROLES

logger = logging.getLogger(__name__)

MAX_KEYS = 62
EU_BIT = 1 << 62

_FINGERPRINT = """
SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM documents), (SELECT max(ingested_at) FROM documents)"""

_TOP_KEYS = """
SELECT k FROM (SELECT actor_id AS k FROM event_actors UNION ALL SELECT country FROM event_actors)
WHERE k IS NOT NULL GROUP BY k ORDER BY count(*) DESC, k LIMIT ?"""


def _bits(list_sql: str, vocab: str) -> str:
    """SQL: the OR of the bits (position in ``vocab``) of the distinct items of a list."""
    item = f"CASE WHEN list_position({vocab}, x) IS NULL THEN 0 ELSE (1::BIGINT << (list_position({vocab}, x) - 1)) END"
    return f"CAST(coalesce(list_sum(list_transform(list_distinct({list_sql}), lambda x: {item})), 0) AS BIGINT)"


def _build_sql() -> str:
    opinion = ", ".join(repr(r) for r in OPINION_ROLES)
    return f"""
    CREATE OR REPLACE TABLE influence_facts AS
    WITH ev AS (
        SELECT e.id, coalesce(e.date, d.published) AS day, e.type, e.confidence, e.modality, e.context,
               list_distinct(list_concat(e.source_ids, e.source_countries)) AS sk,
               list_distinct(list_concat(e.target_ids, e.target_countries)) AS tk,
               list_has_any(e.source_countries, $eu) AS s_eu, list_has_any(e.target_countries, $eu) AS t_eu
        FROM events e LEFT JOIN documents d ON d.id = e.doc
        WHERE e.sentence_role NOT IN ({opinion})
    )
    SELECT key, CAST(list_contains(sk, key)::INTEGER + 2 * list_contains(tk, key)::INTEGER AS UTINYINT) AS c_side,
           {_bits("sk", "$keys")} | (CASE WHEN s_eu THEN {EU_BIT} ELSE 0 END) AS src_bits,
           {_bits("tk", "$keys")} | (CASE WHEN t_eu THEN {EU_BIT} ELSE 0 END) AS tgt_bits,
           day, type, confidence, modality, {_bits("coalesce(context, []::VARCHAR[])", "$contexts")} AS ctx, id
    FROM ev, unnest(list_distinct(list_concat(sk, tk))) AS k(key)
    WHERE key IS NOT NULL
    ORDER BY key, day"""


def build_facts(store, weights: Weights | None = None) -> dict:
    """(Re)build ``influence_facts`` from the events of a writable store; returns its meta row."""
    if store.read_only:
        raise StoreError(f"database {store.path} is open read-only: open it writable to build the influence facts")
    weights = weights or load_weights()
    con = store.con
    t0 = time.perf_counter()
    fingerprint = con.execute(_FINGERPRINT).fetchone()
    keys = list(dict.fromkeys(weights.powers))
    keys += [k for (k,) in con.execute(_TOP_KEYS, [MAX_KEYS + len(keys)]).fetchall() if k not in keys]
    keys = keys[:MAX_KEYS]
    contexts = sorted(c for (c,) in con.execute(
        "SELECT DISTINCT unnest(context) FROM events WHERE len(context) > 0").fetchall() if c is not None)  # fmt: skip
    complete = len(contexts) <= MAX_KEYS
    con.begin()
    try:
        con.execute(_build_sql(), {"eu": sorted(weights.eu_members), "keys": keys, "contexts": contexts[:MAX_KEYS]})
        con.execute("""CREATE OR REPLACE TABLE influence_facts_meta AS SELECT
            ?::BIGINT AS n_events, ?::BIGINT AS n_documents, ?::TIMESTAMP AS max_ingested,
            ?::VARCHAR[] AS keys, ?::VARCHAR[] AS contexts, ?::BOOLEAN AS contexts_complete,
            ?::VARCHAR[] AS eu_members, now()::TIMESTAMP AS built_at""",
            [*fingerprint, keys, contexts[:MAX_KEYS], complete, sorted(weights.eu_members)])  # fmt: skip
        con.commit()
    except Exception:
        con.rollback()
        raise
    rows = con.execute("SELECT count(*) FROM influence_facts").fetchone()[0]
    logger.info("influence facts built: %d rows in %.1f s", rows, time.perf_counter() - t0)
    return {"rows": rows, "keys": keys, "contexts": contexts, "seconds": time.perf_counter() - t0}


def refresh_summaries(store, force: bool = False) -> dict:
    """Bring the summary tables of a writable store up to date (after an ingest; ``db optimize``).

    The store's own (``Store.refresh_aggregates``: network edges, actor labels) and
    ``influence_cube``; each is rebuilt only when the data changed since it was built (or with
    ``force``). The larger ``influence_facts`` table is built only on demand (``build_facts``).
    Returns what was rebuilt ({} when everything was current).
    """
    from greatgame.analysis import influence_cube

    done = {}
    store_tables = store.refresh_aggregates(force=force)
    if store_tables is not None:
        done["aggregates"] = store_tables
    cube = influence_cube.refresh(store, force=force)
    if cube is not None:
        done["influence_cube"] = cube
    return done


def drop_facts(store) -> None:
    """Remove the derived tables (the influence query then reads the events table)."""
    store.con.execute("DROP TABLE IF EXISTS influence_facts")
    store.con.execute("DROP TABLE IF EXISTS influence_facts_meta")


@dataclass(frozen=True)
class Plan:
    """How to answer one influence query from ``influence_facts``."""

    keys: tuple[str, ...]
    contexts: tuple[str, ...]

    def bit(self, power: str, eu_members: bool) -> int:
        """The key bits that make a side count as ``power`` (the power's mask bits in the query)."""
        bit = 1 << self.keys.index(power)
        return bit | (EU_BIT if eu_members and power == "EU" else 0)

    def groups_sql(self, freq: str, powers: Sequence[str], by_domain: bool, domain: str | None,
                   since: dt.date | None, until: dt.date | None, weights: Weights, eu_members: bool,
                   evidence: bool, cw: str = "1") -> tuple[str, dict]:  # fmt: skip
        """The grouping query (same output as ``influence.list_groups_sql``) and its extra parameters.

        ``cw`` is the SQL of the story weight (``influence.story_weight_sql``, reading the
        ``event_weights`` row aliased ``sw``, joined only when the weight uses it).
        """
        every = 0
        for power in powers:
            every |= self.bit(power, eu_members)
        # the mask in key-bit space: the keys on the side opposite the country, among the powers'
        mask = (f"(((CASE WHEN (c_side & 2) <> 0 THEN src_bits ELSE 0 END) "
                f"| (CASE WHEN (c_side & 1) <> 0 THEN tgt_bits ELSE 0 END)) & {every})")  # fmt: skip
        where, params = ["key = $country"], {}
        if since is not None:
            where.append("day >= $since")
            params["since"] = since
        if until is not None:
            where.append("day <= $until")
            params["until"] = until
        if domain:
            bit = 1 << self.contexts.index(domain) if domain in self.contexts else 0
            where.append(f"(ctx & {bit}) <> 0")
        if by_domain and not domain:
            ctx = "list_filter($contexts, lambda x, i: ((ctx >> (i - 1)) & 1) = 1)"
            dom = f"unnest(CASE WHEN ctx = 0 THEN ['unspecified'] ELSE {ctx} END)"
            params["contexts"] = list(self.contexts)
        else:
            dom = domain_sql(False, domain)
        join = " LEFT JOIN event_weights sw ON sw.id = f.id" if "sw." in cw else ""
        sql = f"""
            WITH ev AS (
                SELECT f.id, coalesce(wt.qi, 0) * confidence * {cw} AS w, coalesce(wt.sign, 0) AS sign,
                       {class_sql()} AS class, {dom} AS domain,
                       CAST(date_trunc('{freq}', day) AS DATE) AS period_start, {mask} AS mask
                FROM influence_facts f LEFT JOIN ({weights_values_sql(weights)}) wt ON wt.type = f.type{join}
                WHERE {" AND ".join(where)}
            )
            {group_select(evidence, fine=False)}"""
        return sql, params


def plan(store, powers: Sequence[str], by_domain: bool, domain: str | None, weights: Weights,
         eu_members: bool) -> Plan | None:  # fmt: skip
    """A plan over ``influence_facts`` when it exists, is up to date and covers the query; else None."""
    con = store.con
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'influence_facts_meta' AND NOT temporary"
    ).fetchone()[0]
    if not found:
        return None
    meta = con.execute("SELECT n_events, n_documents, max_ingested, keys, contexts, contexts_complete, eu_members "
                       "FROM influence_facts_meta").fetchone()  # fmt: skip
    if meta is None or tuple(meta[:3]) != tuple(con.execute(_FINGERPRINT).fetchone()):
        logger.info("influence facts are out of date (run build_facts); reading the events table")
        return None
    keys, contexts, complete, eu = tuple(meta[3]), tuple(meta[4]), meta[5], set(meta[6])
    if any(p not in keys for p in powers):
        return None
    if eu_members and "EU" in powers and eu != set(weights.eu_members):
        return None
    if (by_domain or domain) and not complete:
        return None
    return Plan(keys, contexts)
