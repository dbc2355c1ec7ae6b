"""The bootstrap bands of the influence index: resampling events, group by group (docs/influence.md).

Split from ``greatgame.analysis.influence``, which imports ``bootstrap_bands`` from here.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import pandas as pd

from greatgame.analysis.periods import period_of

EXACT_GROUPS = 512  # above this many weight groups in a cell, the bootstrap works on moments


def period_labels(starts: pd.Series, freq: str) -> dict:
    """Period start -> (label, first day, last day) for each distinct start."""
    out = {}
    for start in starts.dropna().unique():
        day = pd.Timestamp(start).date()
        out[start] = period_of(day, freq)
    return out


def power_bits(powers: Sequence[str], bits: Sequence[int] | None) -> np.ndarray:
    """The mask bits of each power (bit j for power j unless the query says otherwise)."""
    return np.array(bits if bits is not None else [1 << j for j in range(len(powers))], dtype=np.int64)


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
    """(domain, period start, arrays of the cell's groups) for each cell, in order.

    The groups are sorted by every key, so the draws do not depend on the order DuckDB returns them in.
    """
    keys = ["domain", "period_start", "mask", "sign"] + (["w"] if "w" in fact else [])
    fact = fact.sort_values(keys, kind="stable")
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
    bits = power_bits(powers, bits)
    out: dict[tuple[str, str, str], tuple[float, float, float, float]] = {}
    qs = [50 * (1 - level), 100 - 50 * (1 - level)]
    labels = period_labels(fact["period_start"], freq)
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
