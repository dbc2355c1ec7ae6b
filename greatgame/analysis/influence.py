"""The influence index of outside powers in a target country (formula in docs/influence.md).

For each power P, domain (event context) and period, over the events between P and the target
country C that the text states as fact (modality asserted or reported, sentence not opinion):

    weight(e)   = quad_weight[quad(e)] * intensity[type(e)] * confidence(e)
    engagement  = sum of weight;   alignment = (cooperation - conflict) / engagement
    share       = engagement of P / sum of the engagements of all powers asked for

Planned and hypothetical events are counted in columns of their own; negated events are only
counted (``n_negated``); events in commentary or appeal sentences are left out entirely.
"""

from __future__ import annotations

import datetime as dt
import logging
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from greatgame.analysis.periods import as_date, check_freq, period_of
from greatgame.analysis.weights import Weights, load_weights
from greatgame.store.queries import OPINION_ROLES

logger = logging.getLogger(__name__)

FACTUAL = ("asserted", "reported")
CLASSES = ("factual", "planned", "hypothetical", "negated")


@dataclass(frozen=True)
class Matcher:
    """Decides whether an event side belongs to a power or to the target country."""

    country: str
    eu_members: frozenset[str] = frozenset()

    def is_power(self, power: str, ids: Sequence, countries: Sequence) -> bool:
        """True when one actor of the side is the power, or belongs to it (EU: members if given)."""
        for actor_id, country in zip(ids, countries, strict=False):
            if actor_id == power or country == power:
                return True
            if power == "EU" and country in self.eu_members:
                return True
        return False

    def is_target(self, ids: Sequence, countries: Sequence) -> bool:
        """True when one actor of the side is the target country or one of its people or bodies."""
        return any(a == self.country or c == self.country for a, c in zip(ids, countries, strict=False))


def _class_of(modality: str) -> str:
    return "factual" if modality in FACTUAL else modality if modality in CLASSES else "hypothetical"


def _seq(value) -> list:
    return [] if value is None else [None if (isinstance(v, float) and np.isnan(v)) else v for v in value]


def event_links(events: pd.DataFrame, country: str, powers: Sequence[str], freq: str,
                by_domain: bool, domain: str | None, weights: Weights,
                eu_members: bool = False) -> pd.DataFrame:  # fmt: skip
    """One row per (event, power, domain) that counts: weight, sign, class, period."""
    matcher = Matcher(country, weights.eu_members if eu_members else frozenset())
    rows, undated = [], 0
    for e in events.to_dict("records"):
        if e["sentence_role"] in OPINION_ROLES:
            continue
        day = as_date(e["day"])
        if day is None:
            undated += 1
            continue
        src = (_seq(e["source_ids"]), _seq(e["source_countries"]))
        tgt = (_seq(e["target_ids"]), _seq(e["target_countries"]))
        label, start, end = period_of(day, freq)
        domains = _domains(e["context"], by_domain, domain)
        w = weights.of(e["type"], e["confidence"])
        for power in powers:
            if power == country:
                continue
            if not ((matcher.is_power(power, *src) and matcher.is_target(*tgt))
                    or (matcher.is_target(*src) and matcher.is_power(power, *tgt))):  # fmt: skip
                continue
            for d in domains:
                rows.append((e["id"], power, d, label, start, end, w, weights.sign(e["type"]),
                             _class_of(e["modality"])))  # fmt: skip
    if undated:
        logger.info("%d events left out of the influence index: neither they nor their document have a date", undated)
    cols = ["event_id", "power", "domain", "period", "period_start", "period_end", "weight", "sign", "class"]
    return pd.DataFrame(rows, columns=cols)


def _domains(context, by_domain: bool, domain: str | None) -> list[str]:
    if domain:
        return [domain]
    if not by_domain:
        return ["all"]
    found = sorted(set(_seq(context)) - {None})
    return found or ["unspecified"]


def _cell_rows(links: pd.DataFrame, powers: Sequence[str], country: str) -> pd.DataFrame:
    """Aggregate the links into one row per (power, domain, period), with every power in every cell."""
    cells = links[["domain", "period", "period_start", "period_end"]].drop_duplicates()
    out = []
    for cell in cells.itertuples(index=False):
        here = links[(links["domain"] == cell.domain) & (links["period"] == cell.period)]
        for power in powers:
            if power == country:
                continue
            mine = here[here["power"] == power]
            out.append({"power": power, "country": country, "domain": cell.domain, "period": cell.period,
                        "period_start": cell.period_start, "period_end": cell.period_end, **_measures(mine)})  # fmt: skip
    return pd.DataFrame(out)


def _measures(links: pd.DataFrame) -> dict:
    fact = links[links["class"] == "factual"]
    coop = fact.loc[fact["sign"] > 0, "weight"].sum()
    conf = fact.loc[fact["sign"] < 0, "weight"].sum()
    engagement = float(fact["weight"].sum())
    by_class = {k: links[links["class"] == k] for k in ("planned", "hypothetical", "negated")}
    return {
        "engagement": engagement,
        "cooperation": float(coop),
        "conflict": float(conf),
        "alignment": (coop - conf) / engagement if engagement > 0 else np.nan,
        "n_events": int(fact["event_id"].nunique()),
        "n_cooperation": int(fact.loc[fact["sign"] > 0, "event_id"].nunique()),
        "n_conflict": int(fact.loc[fact["sign"] < 0, "event_id"].nunique()),
        "n_planned": int(by_class["planned"]["event_id"].nunique()),
        "planned_engagement": float(by_class["planned"]["weight"].sum()),
        "n_hypothetical": int(by_class["hypothetical"]["event_id"].nunique()),
        "hypothetical_engagement": float(by_class["hypothetical"]["weight"].sum()),
        "n_negated": int(by_class["negated"]["event_id"].nunique()),
        "event_ids": sorted(fact["event_id"].unique()),
        "planned_event_ids": sorted(links.loc[links["class"].isin(["planned", "hypothetical"]), "event_id"].unique()),
    }


def _add_shares(table: pd.DataFrame) -> pd.DataFrame:
    total = table.groupby(["domain", "period"])["engagement"].transform("sum")
    table["share"] = np.where(total > 0, table["engagement"] / total.where(total > 0, 1), np.nan)
    return table


def bootstrap_bands(links: pd.DataFrame, powers: Sequence[str], n: int = 200, seed: int = 0,
                    level: float = 0.95) -> dict[tuple[str, str, str], tuple[float, float, float, float]]:  # fmt: skip
    """Percentile bands of share and alignment per (power, domain, period), resampling events.

    Within each (domain, period) the factual events are drawn with replacement ``n`` times;
    the random generator is seeded from ``seed`` and the cell, so results are reproducible.
    Returns {(power, domain, period): (share_lo, share_hi, alignment_lo, alignment_hi)}.
    """
    fact = links[links["class"] == "factual"]
    out: dict[tuple[str, str, str], tuple[float, float, float, float]] = {}
    lo_q, hi_q = 50 * (1 - level), 100 - 50 * (1 - level)
    for (domain, period), cell in fact.groupby(["domain", "period"], sort=True):
        ids = sorted(cell["event_id"].unique())
        index = {e: i for i, e in enumerate(ids)}
        w = np.zeros((len(ids), len(powers)))
        s = np.zeros_like(w)
        for r in cell.itertuples(index=False):
            j = powers.index(r.power)
            w[index[r.event_id], j] += r.weight
            s[index[r.event_id], j] += r.weight * r.sign
        rng = np.random.default_rng(seed + zlib.crc32(f"{domain}|{period}".encode()))
        draws = rng.integers(0, len(ids), size=(n, len(ids)))
        eng, net = w[draws].sum(axis=1), s[draws].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = eng / eng.sum(axis=1, keepdims=True)
            align = np.where(eng > 0, net / eng, np.nan)
        for j, power in enumerate(powers):
            out[(power, domain, period)] = (*_band(share[:, j], lo_q, hi_q), *_band(align[:, j], lo_q, hi_q))
    return out


def _band(values: np.ndarray, lo_q: float, hi_q: float) -> tuple[float, float]:
    values = values[~np.isnan(values)]
    if values.size == 0:
        return np.nan, np.nan
    lo, hi = np.percentile(values, [lo_q, hi_q])
    return float(lo), float(hi)


def influence_table(events: pd.DataFrame, country: str, freq: str = "quarter",
                    powers: Sequence[str] | None = None, domain: str | None = None, by_domain: bool = False,
                    eu_members: bool = False, bootstrap: int = 200, seed: int = 0,
                    weights: Weights | None = None) -> pd.DataFrame:  # fmt: skip
    """The influence table computed from an events DataFrame (as ``Store.events`` returns it)."""
    check_freq(freq)
    weights = weights or load_weights()
    powers = [p for p in (powers or weights.powers) if p != country]
    links = event_links(events, country, powers, freq, by_domain, domain, weights, eu_members)
    if links.empty:
        return pd.DataFrame(columns=COLUMNS)
    table = _add_shares(_cell_rows(links, powers, country))
    bands = bootstrap_bands(links, powers, n=bootstrap, seed=seed) if bootstrap else {}
    nan4 = (np.nan,) * 4
    band = [bands.get((r.power, r.domain, r.period), nan4) for r in table.itertuples(index=False)]
    table[["share_lo", "share_hi", "alignment_lo", "alignment_hi"]] = pd.DataFrame(band, index=table.index)
    table = table.sort_values(["domain", "period_start", "power"], kind="stable").reset_index(drop=True)
    return table[COLUMNS]


COLUMNS = [
    "power", "country", "domain", "period", "period_start", "period_end",
    "engagement", "share", "share_lo", "share_hi", "alignment", "alignment_lo", "alignment_hi",
    "cooperation", "conflict", "n_events", "n_cooperation", "n_conflict",
    "n_planned", "planned_engagement", "n_hypothetical", "hypothetical_engagement", "n_negated",
    "event_ids", "planned_event_ids",
]  # fmt: skip


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
