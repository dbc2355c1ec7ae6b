"""The influence index of outside powers in a target country (formula in docs/influence.md).

For each power P, domain (event context) and period, over the events between P and the target
country C that the text states as fact (modality asserted or reported, sentence not opinion):

    weight(e)   = quad_weight[quad(e)] * intensity[type(e)] * confidence(e)
    engagement  = sum of weight;   alignment = (cooperation - conflict) / engagement
    share       = engagement of P / sum of the engagements of all powers asked for

Planned and hypothetical events are counted in columns of their own; negated events are only
counted (``n_negated``); events in commentary or appeal sentences are left out entirely.

How it runs. DuckDB does the filtering and the aggregation: one query gives, per (domain,
period, class, power mask, sign[, weight]), the number of events and the sum, sum of squares,
minimum and maximum of their weights, where the power mask has bit j set when the event counts
for power j. Python only spreads these few rows over the powers, adds shares, and draws the
bootstrap (vectorised, from the same groups; ``influence_bands.bootstrap_bands``). Event ids are gathered
only when asked (``evidence=True``).
"""

from __future__ import annotations

import datetime as dt
import logging
import weakref
from collections.abc import Sequence

import numpy as np
import pandas as pd

from greatgame.analysis.influence_bands import bootstrap_bands, period_labels, power_bits
from greatgame.analysis.periods import check_freq
from greatgame.analysis.weights import CONFLICT, COOPERATION, Weights, load_weights
from greatgame.errors import UsageError
from greatgame.models import QUAD
from greatgame.store.queries import OPINION_ROLES

logger = logging.getLogger(__name__)

FACTUAL = ("asserted", "reported")
CLASSES = ("factual", "planned", "hypothetical", "negated")
MAX_POWERS = 62  # bits of the power mask (a BIGINT)

COLUMNS = [
    "power", "country", "domain", "period", "period_start", "period_end",
    "engagement", "share", "share_lo", "share_hi", "alignment", "alignment_lo", "alignment_hi",
    "cooperation", "conflict", "n_events", "n_cooperation", "n_conflict",
    "n_planned", "planned_engagement", "n_hypothetical", "hypothetical_engagement", "n_negated",
    "event_ids", "planned_event_ids",
]  # fmt: skip

# -- SQL pieces (weights and names come from data; values always go in as parameters) -------


def _float(x: float) -> str:
    return f"CAST('{float(x)!r}' AS DOUBLE)"


def weight_sql(weights: Weights, type_col: str = "type", conf_col: str = "confidence") -> str:
    """SQL for weight(e) = quad weight x intensity x confidence (0 for an unknown type)."""
    cases = " ".join(
        f"WHEN '{t}' THEN {_float(weights.quad[q] * weights.intensity[t])}" for t, q in QUAD.items()
    )
    return f"(CASE {type_col} {cases} ELSE CAST(0 AS DOUBLE) END * CAST({conf_col} AS DOUBLE))"


def weights_values_sql(weights: Weights) -> str:
    """SQL: a table (type, qi, sign) of quad weight x intensity and sign per PLOVER type."""
    rows = []
    for t, q in QUAD.items():
        sign = 1 if q in COOPERATION else -1 if q in CONFLICT else 0
        rows.append(f"('{t}', {_float(weights.quad[q] * weights.intensity[t])}, {sign})")
    return f"SELECT * FROM (VALUES {', '.join(rows)}) v(type, qi, sign)"


def sign_sql(type_col: str = "type") -> str:
    """SQL for the sign of an event type: +1 cooperative, -1 conflictual, 0 unknown."""
    coop = ", ".join(f"'{t}'" for t, q in QUAD.items() if q in COOPERATION)
    conf = ", ".join(f"'{t}'" for t, q in QUAD.items() if q in CONFLICT)
    return f"(CASE WHEN {type_col} IN ({coop}) THEN 1 WHEN {type_col} IN ({conf}) THEN -1 ELSE 0 END)"


def class_sql(col: str = "modality") -> str:
    """SQL for the class of an event: factual (asserted, reported), planned, hypothetical, negated."""
    return (f"(CASE WHEN {col} IN ('asserted', 'reported') THEN 'factual' "
            f"WHEN {col} IN ('factual', 'planned', 'hypothetical', 'negated') THEN {col} ELSE 'hypothetical' END)")  # fmt: skip


def _opinion_sql(col: str = "sentence_role") -> str:
    return f"{col} NOT IN ({', '.join(repr(r) for r in OPINION_ROLES)})"


def _side_is(side: str, param: str, eu: bool) -> str:
    """SQL: one actor of the side is ``$param`` or belongs to it (EU: or a member state, if asked)."""
    sql = f"(list_contains({side}_ids, ${param}) OR list_contains({side}_countries, ${param})"
    return sql + (" OR list_has_any({side}_countries, $eu_members))".format(side=side) if eu else ")")


def mask_sql(powers: Sequence[str], eu_members: bool) -> str:
    """SQL for the power mask: bit j set when the event links power j and the country ``$country``."""
    parts = []
    for j, power in enumerate(powers):
        eu = eu_members and power == "EU"
        p_src, p_tgt = _side_is("source", f"p{j}", eu), _side_is("target", f"p{j}", eu)
        c_src, c_tgt = _side_is("source", "country", False), _side_is("target", "country", False)
        parts.append(f"CASE WHEN ({p_src} AND {c_tgt}) OR ({c_src} AND {p_tgt}) THEN {1 << j} ELSE 0 END")
    return "(" + " + ".join(parts) + ")::BIGINT"


def domain_sql(by_domain: bool, domain: str | None, col: str = "context") -> str:
    """SQL for the domain of an event row (``unnest`` of its distinct contexts when by domain)."""
    if domain:
        return "$domain"
    if not by_domain:
        return "'all'"
    ctx = f"list_sort(list_distinct(coalesce({col}, []::VARCHAR[])))"
    return f"unnest(CASE WHEN len({ctx}) = 0 THEN ['unspecified'] ELSE {ctx} END)"


def group_select(evidence: bool, fine: bool) -> str:
    """The aggregate part shared by every path: counts and weight moments per group."""
    ids = ", list(id ORDER BY id) AS ids" if evidence else ""
    key = ", w" if fine else ""
    return (f"SELECT domain, period_start, class, mask, sign{key}, count(*) AS n, sum(w) AS sw, "
            f"sum(w * w) AS sw2, min(w) AS wmin, max(w) AS wmax{ids} "
            f"FROM ev WHERE mask > 0 GROUP BY domain, period_start, class, mask, sign{key}")  # fmt: skip


def story_weight_sql(clusters: bool, diversity: bool, table: str = "sw") -> str:
    """SQL for an event's story weight from the ``event_weights`` row aliased ``table`` (1 without one).

    With ``clusters`` the n reports of one act of a story share one unit (1/n each); with
    ``diversity`` too, an act told by k outlets weighs 1 + ln k.
    """
    if not clusters:
        return "CAST(1 AS DOUBLE)"
    sql = f"coalesce({table}.act_weight, 1.0)"
    return sql + (f" * (1 + ln(greatest(coalesce({table}.outlets, 1), 1)))" if diversity else "")


def has_story_weights(con) -> bool:
    """Whether the store has the ``event_weights`` table that story clustering writes."""
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'event_weights' "
                            "AND NOT temporary").fetchone()[0])  # fmt: skip


def list_groups_sql(relation: str, freq: str, powers: Sequence[str], by_domain: bool, domain: str | None,
                    weights: Weights, eu_members: bool, evidence: bool, fine: bool = True) -> str:  # fmt: skip
    """The grouping query over ``relation``.

    The relation has the columns of ``Store.events`` (lists and ``day``) and ``cw``, the story weight.
    """
    where = [_opinion_sql()] + (["list_contains(context, $domain)"] if domain else [])
    return f"""
        WITH ev AS (
            SELECT id, {weight_sql(weights)} * cw AS w, {sign_sql()} AS sign, {class_sql()} AS class,
                   {domain_sql(by_domain, domain)} AS domain,
                   CAST(date_trunc('{freq}', day) AS DATE) AS period_start,
                   {mask_sql(powers, eu_members)} AS mask
            FROM ({relation}) src WHERE {" AND ".join(where)}
        )
        {group_select(evidence, fine)}"""


def query_params(country: str, powers: Sequence[str], domain: str | None, weights: Weights,
                 eu_members: bool) -> dict:  # fmt: skip
    """Named parameters of the grouping queries."""
    params = {"country": country, **{f"p{j}": p for j, p in enumerate(powers)}}
    if domain:
        params["domain"] = domain
    if eu_members and "EU" in powers:
        params["eu_members"] = sorted(weights.eu_members)
    return params


# -- from groups to the table ---------------------------------------------------------------------


def _spread(groups: pd.DataFrame, powers: Sequence[str], bits: np.ndarray) -> pd.DataFrame:
    """One row per (group, power in the group's mask)."""
    masks = groups["mask"].to_numpy(dtype=np.int64)
    parts = [groups[(masks & bits[j]) != 0].assign(power=p) for j, p in enumerate(powers)]
    return pd.concat(parts, ignore_index=True)


_SUMS = {  # column: (class, sign test, measure)
    "engagement": ("factual", None, "sw"), "cooperation": ("factual", 1, "sw"), "conflict": ("factual", -1, "sw"),
    "n_events": ("factual", None, "n"), "n_cooperation": ("factual", 1, "n"), "n_conflict": ("factual", -1, "n"),
    "n_planned": ("planned", None, "n"), "planned_engagement": ("planned", None, "sw"),
    "n_hypothetical": ("hypothetical", None, "n"), "hypothetical_engagement": ("hypothetical", None, "sw"),
    "n_negated": ("negated", None, "n"),
}  # fmt: skip


def _sums(groups: pd.DataFrame, n_powers: int, bits: np.ndarray, cell: np.ndarray) -> pd.DataFrame:
    """The ``_SUMS`` of each (cell, power), indexed cell * n_powers + power (absent when no group counts).

    The rows of a (cell, power) are added in the order of ``groups`` (as a groupby of the
    ``_spread`` rows would add them), without building a frame of the spread rows.
    """
    masks = groups["mask"].to_numpy(dtype=np.int64)
    rows = [np.flatnonzero((masks & bits[j]) != 0) for j in range(n_powers)]
    key = np.concatenate([cell[r] * n_powers + j for j, r in enumerate(rows)])
    rows = np.concatenate(rows)
    cls, sign = groups["class"].to_numpy()[rows], np.sign(groups["sign"].to_numpy())[rows]
    cols = {}
    for name, (want, sgn, measure) in _SUMS.items():
        keep = (cls == want) & (True if sgn is None else sign == sgn)
        cols[name] = np.where(keep, groups[measure].to_numpy(dtype=float)[rows], 0.0)
    return pd.DataFrame(cols).groupby(key).sum()


def _evidence(per: pd.DataFrame) -> pd.DataFrame:
    keys = ["power", "domain", "period_start"]
    fact = per[per["class"] == "factual"].groupby(keys)["ids"].agg(lambda s: sorted(x for ids in s for x in ids))
    plan = per[per["class"].isin(["planned", "hypothetical"])].groupby(keys)["ids"].agg(
        lambda s: sorted(x for ids in s for x in ids)
    )
    return pd.DataFrame({"event_ids": fact, "planned_event_ids": plan})


def table_from_groups(groups: pd.DataFrame, country: str, powers: Sequence[str], freq: str,
                      evidence: bool, bits: np.ndarray) -> pd.DataFrame:  # fmt: skip
    """One row per (power, domain, period), every power in every cell that has any event."""
    undated = groups["period_start"].isna()
    if undated.any():
        logger.info("%d events left out of the influence index: neither they nor their document have a date",
                    int(groups.loc[undated, "n"].sum()))  # fmt: skip
        groups = groups[~undated]
    if groups.empty:
        return pd.DataFrame(columns=COLUMNS)
    keys = ["power", "domain", "period_start"]
    cells = groups[["domain", "period_start"]].drop_duplicates()
    cell = groups.groupby(["domain", "period_start"], sort=False, dropna=False).ngroup().to_numpy()
    n_cells, n_powers = len(cells), len(powers)
    sums = _sums(groups, n_powers, bits, cell).reindex(np.arange(n_cells * n_powers), fill_value=0.0)
    table = pd.DataFrame({  # cell by cell, every power in each
        "power": np.tile(np.array(list(powers), dtype=object), n_cells),
        "domain": np.repeat(cells["domain"].to_numpy(), n_powers),
        "period_start": np.repeat(cells["period_start"].to_numpy(), n_powers),
    })
    table = pd.concat([table, sums.reset_index(drop=True)], axis=1)
    for col in [c for c in _SUMS if c.startswith("n_")]:
        table[col] = table[col].astype(int)
    eng = table["engagement"]
    table["alignment"] = np.where(eng > 0, (table["cooperation"] - table["conflict"]) / eng.where(eng > 0, 1), np.nan)
    total = table.groupby(["domain", "period_start"])["engagement"].transform("sum")
    table["share"] = np.where(total > 0, eng / total.where(total > 0, 1), np.nan)
    if evidence:
        table = table.join(_evidence(_spread(groups, powers, bits)), on=keys)
        for col in ("event_ids", "planned_event_ids"):
            table[col] = [v if isinstance(v, list) else [] for v in table[col]]
    else:
        table["event_ids"] = None
        table["planned_event_ids"] = None
    labels = period_labels(table["period_start"], freq)
    table["period"] = [labels[s][0] for s in table["period_start"]]
    table["period_end"] = [labels[s][2] for s in table["period_start"]]
    table["period_start"] = [labels[s][1] for s in table["period_start"]]
    table["country"] = country
    return table


def finish(groups: pd.DataFrame, country: str, powers: Sequence[str], freq: str, bootstrap: int, seed: int,
           evidence: bool, bits: Sequence[int] | None = None) -> pd.DataFrame:  # fmt: skip
    """The influence table (``COLUMNS``) from the grouping query's rows."""
    bits = power_bits(powers, bits)
    table = table_from_groups(groups, country, powers, freq, evidence, bits)
    if table.empty:
        return pd.DataFrame(columns=COLUMNS)
    bands = bootstrap_bands(groups, powers, freq, n=bootstrap, seed=seed, bits=bits) if bootstrap else {}
    nan4 = (np.nan,) * 4
    band = [bands.get((r.power, r.domain, r.period), nan4) for r in table.itertuples(index=False)]
    table[["share_lo", "share_hi", "alignment_lo", "alignment_hi"]] = pd.DataFrame(band, index=table.index)
    table = table.sort_values(["domain", "period_start", "power"], kind="stable").reset_index(drop=True)
    return table[COLUMNS]


def _powers(powers: Sequence[str] | None, country: str, weights: Weights) -> list[str]:
    chosen = list(dict.fromkeys(p for p in (powers or weights.powers) if p != country))
    if len(chosen) > MAX_POWERS:
        raise UsageError(f"{len(chosen)} powers asked for: compare at most {MAX_POWERS} at a time")
    return chosen


# -- entry points ---------------------------------------------------------------------------------

_FRAME_RELATION = """
SELECT CAST(id AS VARCHAR) AS id, CAST(type AS VARCHAR) AS type, CAST(confidence AS DOUBLE) AS confidence,
       CAST(modality AS VARCHAR) AS modality, CAST(sentence_role AS VARCHAR) AS sentence_role,
       CAST(context AS VARCHAR[]) AS context,
       CAST(source_ids AS VARCHAR[]) AS source_ids, CAST(source_countries AS VARCHAR[]) AS source_countries,
       CAST(target_ids AS VARCHAR[]) AS target_ids, CAST(target_countries AS VARCHAR[]) AS target_countries,
       CAST(day AS DATE) AS day, CAST(cw AS DOUBLE) AS cw
FROM frame"""


def influence_table(events: pd.DataFrame, country: str, freq: str = "quarter",
                    powers: Sequence[str] | None = None, domain: str | None = None, by_domain: bool = False,
                    eu_members: bool = False, bootstrap: int = 200, seed: int = 0,
                    weights: Weights | None = None, evidence: bool = True, clusters: bool = True,
                    diversity: bool = False) -> pd.DataFrame:  # fmt: skip
    """The influence table computed from an events DataFrame (as ``Store.events`` returns it).

    The frame is handed to an in-memory DuckDB and goes through the same query as the stored
    events. For a database, ``influence_query`` (or ``greatgame.analysis.influence``) is much
    faster: it never brings the events into Python. With ``clusters`` (and a ``cluster``
    column) the reports of one act of a story count once (``clusters.act_weights``); with
    ``diversity`` an act told by k outlets counts 1 + ln k.
    """
    import duckdb

    from greatgame.analysis.clusters import act_weights

    check_freq(freq)
    weights = weights or load_weights()
    powers = _powers(powers, country, weights)
    if events.empty or not powers:
        return pd.DataFrame(columns=COLUMNS)
    cw = act_weights(events, diversity) if clusters else 1.0
    con = duckdb.connect()
    try:
        con.register("frame", events.assign(cw=cw))
        sql = list_groups_sql(_FRAME_RELATION, freq, powers, by_domain, domain, weights, eu_members, evidence)
        groups = con.execute(sql, query_params(country, powers, domain, weights, eu_members)).df()
    finally:
        con.close()
    return finish(groups, country, powers, freq, bootstrap, seed, evidence)


def _store_relation(since: dt.date | None, until: dt.date | None, cw: str = "CAST(1 AS DOUBLE)") -> str:
    join = " LEFT JOIN event_weights sw ON sw.id = e.id" if "sw." in cw else ""
    where = ["list_contains(e.keys, $country)"]  # the ids and countries of both sides
    where += ["e.day >= $since"] if since is not None else []
    where += ["e.day <= $until"] if until is not None else []
    return f"""
        SELECT e.id, e.type, e.confidence, e.modality, e.sentence_role, e.context, e.source_ids,
               e.source_countries, e.target_ids, e.target_countries, e.day, {cw} AS cw
        FROM events e{join}
        WHERE {" AND ".join(where)}"""


def influence_query(store, country: str, freq: str = "quarter", powers: Sequence[str] | None = None,
                    domain: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                    by_domain: bool = False, eu_members: bool = False, bootstrap: int = 200, seed: int = 0,
                    weights: Weights | None = None, evidence: bool = False, clusters: bool = True,
                    diversity: bool = False) -> pd.DataFrame:  # fmt: skip
    """The influence table straight from an open ``Store``: filtering and sums run in DuckDB.

    Uses the ``influence_cube`` summary table (``greatgame.analysis.influence_cube``) when it is
    current and can answer the call, else the compact ``influence_facts`` table
    (``greatgame.analysis.facts``) when it is up to date and covers the powers asked for, else
    the events table itself (same figures, slower).
    With ``clusters`` (the default) the reports of one act of a story count once, from the
    ``event_weights`` table that story clustering writes (events without a row, or a store
    without the table, weigh 1); with ``diversity`` an act told by k outlets counts 1 + ln k.
    """
    from greatgame.analysis import facts, influence_cube

    check_freq(freq)
    weights = weights or load_weights()
    country = country.upper()
    powers = _powers(powers, country, weights)
    if not powers:
        return pd.DataFrame(columns=COLUMNS)
    keys = influence_cube.plan(store, country, powers, weights, evidence, clusters, diversity, eu_members, since, until)
    if keys is not None:
        groups = influence_cube.query(store, keys, country, freq, powers, by_domain, domain, since, until, weights)
        return finish(groups, country, powers, freq, bootstrap, seed, evidence)
    params = query_params(country, powers, domain, weights, eu_members)
    plan = facts.plan(store, powers, by_domain, domain, weights, eu_members)
    cw = story_weight_sql(clusters and has_story_weights(store.con), diversity)
    bits = None
    if plan is not None:
        bits = [plan.bit(p, eu_members) for p in powers]
        sql, extra = plan.groups_sql(freq, powers, by_domain, domain, since, until, weights, eu_members, evidence,
                                     cw=cw)  # fmt: skip
        params = {"country": country, **({"domain": domain} if domain else {}), **extra}
    else:
        sql = list_groups_sql(_store_relation(since, until, cw), freq, powers, by_domain, domain, weights,
                              eu_members, evidence)  # fmt: skip
        params.update({k: v for k, v in (("since", since), ("until", until)) if v is not None})
    groups = store.con.execute(sql, params).df()
    return finish(groups, country, powers, freq, bootstrap, seed, evidence, bits)


_BLOCS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # catalogue -> {(actor, day): (member, observer)}


def add_blocs(table: pd.DataFrame, catalogue) -> pd.DataFrame:
    """Add ``shared_blocs`` and ``observer_blocs``: blocs power and country share on the period end.

    ``shared_blocs``: both are members (or the country is a member of the power itself, a bloc).
    ``observer_blocs``: one is an observer where the other is a member or observer.
    """
    try:  # per catalogue, kept while it lives: the same periods and powers come back call after call
        cache = _BLOCS.setdefault(catalogue, {})
    except TypeError:  # a catalogue that cannot be weakly referenced: cache for this call only
        cache = {}

    def rel(actor: str, on: dt.date) -> tuple[set, set]:
        if (actor, on) not in cache:
            member = {m.object for m in catalogue.memberships(subject=actor, on=on, relation="member_of")}
            observer = {m.object for m in catalogue.memberships(subject=actor, on=on, relation="observer_of")}
            cache[(actor, on)] = (member, observer)
        return cache[(actor, on)]

    shared, observed = [], []
    for r in table.itertuples(index=False):
        pm, po = rel(r.power, r.period_end)
        cm, co = rel(r.country, r.period_end)
        both = (pm & cm) | ({r.power} & cm) | ({r.country} & pm)
        shared.append(sorted(both))
        observed.append(sorted(((po & (cm | co)) | (co & pm)) - both))
    table = table.copy()
    table["shared_blocs"] = shared
    table["observer_blocs"] = observed
    return table
