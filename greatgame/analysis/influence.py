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
bootstrap (vectorised, from the same groups; see ``bootstrap_bands``). Event ids are gathered
only when asked (``evidence=True``).
"""

from __future__ import annotations

import datetime as dt
import logging
import zlib
from collections.abc import Sequence

import numpy as np
import pandas as pd

from greatgame.analysis.periods import check_freq, period_of
from greatgame.analysis.weights import CONFLICT, COOPERATION, Weights, load_weights
from greatgame.errors import UsageError
from greatgame.models import QUAD
from greatgame.store.queries import OPINION_ROLES

logger = logging.getLogger(__name__)

FACTUAL = ("asserted", "reported")
CLASSES = ("factual", "planned", "hypothetical", "negated")
MAX_POWERS = 62  # bits of the power mask (a BIGINT)
EXACT_GROUPS = 512  # above this many weight groups in a cell, the bootstrap works on moments

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


def _labels(starts: pd.Series, freq: str) -> dict:
    out = {}
    for start in starts.dropna().unique():
        day = pd.Timestamp(start).date()
        out[start] = period_of(day, freq)
    return out


def _bits(powers: Sequence[str], bits: Sequence[int] | None) -> np.ndarray:
    """The mask bits of each power (bit j for power j unless the query says otherwise)."""
    return np.array(bits if bits is not None else [1 << j for j in range(len(powers))], dtype=np.int64)


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


def _measures(per: pd.DataFrame) -> pd.DataFrame:
    cls, sign = per["class"].to_numpy(), np.sign(per["sign"].to_numpy())
    cols = {}
    for name, (want, sgn, measure) in _SUMS.items():
        keep = (cls == want) & (True if sgn is None else sign == sgn)
        cols[name] = np.where(keep, per[measure].to_numpy(dtype=float), 0.0)
    return per[["power", "domain", "period_start"]].assign(**cols)


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
    per = _spread(groups, powers, bits)
    keys = ["power", "domain", "period_start"]
    sums = _measures(per).groupby(keys).sum()
    cells = groups[["domain", "period_start"]].drop_duplicates()
    full = pd.MultiIndex.from_frame(cells.merge(pd.DataFrame({"power": list(powers)}), how="cross")[keys])
    table = sums.reindex(full, fill_value=0.0).reset_index()
    for col in [c for c in _SUMS if c.startswith("n_")]:
        table[col] = table[col].astype(int)
    eng = table["engagement"]
    table["alignment"] = np.where(eng > 0, (table["cooperation"] - table["conflict"]) / eng.where(eng > 0, 1), np.nan)
    total = table.groupby(["domain", "period_start"])["engagement"].transform("sum")
    table["share"] = np.where(total > 0, eng / total.where(total > 0, 1), np.nan)
    if evidence:
        table = table.join(_evidence(per), on=keys)
        for col in ("event_ids", "planned_event_ids"):
            table[col] = [v if isinstance(v, list) else [] for v in table[col]]
    else:
        table["event_ids"] = None
        table["planned_event_ids"] = None
    labels = _labels(table["period_start"], freq)
    table["period"] = [labels[s][0] for s in table["period_start"]]
    table["period_end"] = [labels[s][2] for s in table["period_start"]]
    table["period_start"] = [labels[s][1] for s in table["period_start"]]
    table["country"] = country
    return table


# -- bootstrap ----------------------------------------------------------------------------------


def _draw(cell: dict[str, np.ndarray], n: int, rng: np.random.Generator, bits: np.ndarray):
    """Engagement and net (cooperation - conflict) of each power in ``n`` resamples of the cell."""
    counts = cell["n"].astype(np.int64)
    m = int(counts.sum())
    draws = rng.multinomial(m, counts / m, size=n).astype(float)  # events drawn from each group
    mean = cell["sw"] / counts
    var = np.maximum(cell["sw2"] / counts - mean**2, 0.0)
    sums = draws * mean
    if var.any():
        noise = rng.standard_normal(draws.shape) * np.sqrt(draws * var)
        sums = np.clip(sums + noise, draws * cell["wmin"], draws * cell["wmax"])
    member = ((cell["mask"].astype(np.int64)[:, None] & bits[None, :]) != 0).astype(float)
    return sums @ member, (sums * np.sign(cell["sign"])) @ member


def _cells(fact: pd.DataFrame):
    """(domain, period start, arrays of the cell's groups) for each cell, in order."""
    fact = fact.sort_values(["domain", "period_start"], kind="stable")
    if "w" in fact and fact.groupby(["domain", "period_start"]).size().max() > EXACT_GROUPS:
        big = fact.groupby(["domain", "period_start"])["n"].transform("size") > EXACT_GROUPS
        merged = fact[big].groupby(["domain", "period_start", "mask", "sign"], as_index=False).agg(
            n=("n", "sum"), sw=("sw", "sum"), sw2=("sw2", "sum"), wmin=("wmin", "min"), wmax=("wmax", "max"))
        fact = pd.concat([fact[~big], merged]).sort_values(["domain", "period_start"], kind="stable")
    cols = {c: fact[c].to_numpy(dtype=float) for c in ("n", "sw", "sw2", "wmin", "wmax", "sign")}
    cols["mask"] = fact["mask"].to_numpy(dtype=np.int64)
    keys = list(zip(fact["domain"], fact["period_start"], strict=True))
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            yield keys[start][0], keys[start][1], {c: v[start:i] for c, v in cols.items()}
            start = i


def bootstrap_bands(groups: pd.DataFrame, powers: Sequence[str], freq: str, n: int = 200, seed: int = 0,
                    level: float = 0.95, bits: Sequence[int] | None = None,
                    ) -> dict[tuple[str, str, str], tuple[float, float, float, float]]:  # fmt: skip
    """Percentile bands of share and alignment per (power, domain, period), resampling events.

    Within each (domain, period) the ``m`` stated events are drawn with replacement ``n`` times.
    A resample is summarised by how many events it draws from each group of events with the same
    powers, sign (and weight): those counts are drawn exactly, as one multinomial per resample.
    When the events of a group share one weight (the usual case on a corpus of ordinary size,
    where groups are split by weight) this is the event bootstrap itself; in cells with more than
    ``EXACT_GROUPS`` groups, or from the facts table, the summed weight of the k events drawn
    from a group is drawn from the normal law with the group's mean and variance times k
    (clipped to the group's range). The generator is seeded from ``seed`` and the cell, so
    results are reproducible. Returns {(power, domain, period): (share_lo, share_hi,
    alignment_lo, alignment_hi)}.
    """
    fact = groups[(groups["class"] == "factual") & groups["period_start"].notna()]
    bits = _bits(powers, bits)
    out: dict[tuple[str, str, str], tuple[float, float, float, float]] = {}
    qs = [50 * (1 - level), 100 - 50 * (1 - level)]
    labels = _labels(fact["period_start"], freq)
    for domain, start, cell in _cells(fact):
        period = labels[start][0]
        rng = np.random.default_rng(seed + zlib.crc32(f"{domain}|{period}".encode()))
        eng, net = _draw(cell, n, rng, bits)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = eng / eng.sum(axis=1, keepdims=True)
            align = np.where(eng > 0, net / eng, np.nan)
        s_band, a_band = _bands(share, qs), _bands(align, qs)
        for j, power in enumerate(powers):
            out[(power, domain, period)] = (s_band[0, j], s_band[1, j], a_band[0, j], a_band[1, j])
    return out


def _bands(values: np.ndarray, qs: list[float]) -> np.ndarray:
    """Percentiles ``qs`` of each column (linear, as ``np.percentile``), ignoring NaN; NaN if none."""
    ordered = np.sort(values, axis=0)  # NaN sort last
    k = (~np.isnan(values)).sum(axis=0)
    out = np.full((len(qs), values.shape[1]), np.nan)
    cols = np.nonzero(k)[0]
    for i, q in enumerate(qs):
        pos = q / 100 * (k[cols] - 1)
        lo = np.floor(pos).astype(int)
        hi = np.minimum(lo + 1, k[cols] - 1)
        frac = pos - lo
        a, b = ordered[lo, cols], ordered[hi, cols]
        out[i, cols] = a + (b - a) * frac
    return out


def finish(groups: pd.DataFrame, country: str, powers: Sequence[str], freq: str, bootstrap: int, seed: int,
           evidence: bool, bits: Sequence[int] | None = None) -> pd.DataFrame:  # fmt: skip
    """The influence table (``COLUMNS``) from the grouping query's rows."""
    bits = _bits(powers, bits)
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
    day = "coalesce(e.date, d.published)"
    join = " LEFT JOIN event_weights sw ON sw.id = e.id" if "sw." in cw else ""
    where = ["(list_contains(e.source_ids, $country) OR list_contains(e.source_countries, $country) "
             "OR list_contains(e.target_ids, $country) OR list_contains(e.target_countries, $country))"]  # fmt: skip
    where += [f"{day} >= $since"] if since is not None else []
    where += [f"{day} <= $until"] if until is not None else []
    return f"""
        SELECT e.id, e.type, e.confidence, e.modality, e.sentence_role, e.context, e.source_ids,
               e.source_countries, e.target_ids, e.target_countries, {day} AS day, {cw} AS cw
        FROM events e LEFT JOIN documents d ON d.id = e.doc{join}
        WHERE {" AND ".join(where)}"""


def influence_query(store, country: str, freq: str = "quarter", powers: Sequence[str] | None = None,
                    domain: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                    by_domain: bool = False, eu_members: bool = False, bootstrap: int = 200, seed: int = 0,
                    weights: Weights | None = None, evidence: bool = False, clusters: bool = True,
                    diversity: bool = False) -> pd.DataFrame:  # fmt: skip
    """The influence table straight from an open ``Store``: filtering and sums run in DuckDB.

    Uses the compact ``influence_facts`` table (``greatgame.analysis.facts``) when it is up to
    date and covers the powers asked for, else the events table itself (same figures, slower).
    With ``clusters`` (the default) the reports of one act of a story count once, from the
    ``event_weights`` table that story clustering writes (events without a row, or a store
    without the table, weigh 1); with ``diversity`` an act told by k outlets counts 1 + ln k.
    """
    from greatgame.analysis import facts

    check_freq(freq)
    weights = weights or load_weights()
    country = country.upper()
    powers = _powers(powers, country, weights)
    if not powers:
        return pd.DataFrame(columns=COLUMNS)
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


def add_blocs(table: pd.DataFrame, catalogue) -> pd.DataFrame:
    """Add ``shared_blocs`` and ``observer_blocs``: blocs power and country share on the period end.

    ``shared_blocs``: both are members (or the country is a member of the power itself, a bloc).
    ``observer_blocs``: one is an observer where the other is a member or observer.
    """
    cache: dict[tuple[str, dt.date], tuple[set, set]] = {}

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
