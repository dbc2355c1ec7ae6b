"""Calendar periods (month, quarter, year) used to bin events, with labels and bounds."""

from __future__ import annotations

import datetime as dt

from greatgame.errors import UsageError

FREQS = ("month", "quarter", "year")


def check_freq(freq: str) -> str:
    """The frequency if known, else a UsageError naming the choices."""
    if freq not in FREQS:
        raise UsageError(f"unknown period '{freq}': choose one of {', '.join(FREQS)}")
    return freq


def period_of(day: dt.date, freq: str) -> tuple[str, dt.date, dt.date]:
    """Label, first day and last day of the period holding ``day`` (``2025-04``, ``2025-Q2``, ``2025``)."""
    if freq == "year":
        return f"{day.year}", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if freq == "quarter":
        q = (day.month - 1) // 3 + 1
        start = dt.date(day.year, 3 * q - 2, 1)
        return f"{day.year}-Q{q}", start, _month_end(day.year, 3 * q)
    if freq == "month":
        return f"{day.year}-{day.month:02d}", dt.date(day.year, day.month, 1), _month_end(day.year, day.month)
    raise UsageError(f"unknown period '{freq}': choose one of {', '.join(FREQS)}")


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def as_date(value) -> dt.date | None:
    """A pandas/NumPy/Python date-like cell as a ``datetime.date`` (None when missing)."""
    import pandas as pd

    if value is None or value is pd.NaT:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        if pd.isna(value):
            return None
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None
