"""Event counts over time, for an actor, a country, or everything."""

from __future__ import annotations

import pandas as pd

from greatgame.analysis.influence import FACTUAL
from greatgame.analysis.periods import as_date, check_freq, period_of
from greatgame.analysis.weights import load_weights
from greatgame.store.queries import OPINION_ROLES

COLUMNS = ["period", "period_start", "period_end", "quad", "n_events", "weight", "n_planned", "n_negated"]


def timeline_table(events: pd.DataFrame, freq: str = "month") -> pd.DataFrame:
    """One row per (period, quad) with counts of events.

    Stated events give ``n_events`` and ``weight`` (as in the influence index), planned or
    hypothetical ones ``n_planned``, negated ones ``n_negated``. Events in opinion sentences and
    events without any date are left out.
    """
    check_freq(freq)
    weights = load_weights()
    rows = []
    for e in events.to_dict("records"):
        day = as_date(e["day"])
        if day is None or e["sentence_role"] in OPINION_ROLES:
            continue
        label, start, end = period_of(day, freq)
        fact = e["modality"] in FACTUAL
        rows.append({
            "period": label, "period_start": start, "period_end": end, "quad": e["quad"],
            "n_events": int(fact), "weight": weights.of(e["type"], e["confidence"]) if fact else 0.0,
            "n_planned": int(e["modality"] in ("planned", "hypothetical")),
            "n_negated": int(e["modality"] == "negated"),
        })  # fmt: skip
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    df = pd.DataFrame(rows)
    out = df.groupby(["period", "period_start", "period_end", "quad"], as_index=False).sum()
    return out.sort_values(["period_start", "quad"]).reset_index(drop=True)[COLUMNS]
