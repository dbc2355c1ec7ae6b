"""Seasons as dates: 'in the autumn', 'next spring', 'last winter', 'the summer of 2022'.

A season is a span of months (``data/dates.yaml``, northern hemisphere). Without a year it is the
season around the publication date: the coming one for a planned event, the latest one that has
begun for a past event; 'last' and 'next' step one year back or forward.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import logging
import re

from greatgame.events.lexicon import load_data

logger = logging.getLogger(__name__)

Span = tuple[dt.date, dt.date, int, int, str]


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[int, int]], re.Pattern[str]]:
    months = {k.lower(): (int(v[0]), int(v[1])) for k, v in load_data("dates.yaml")["seasons"].items()}
    alt = "|".join(sorted(months))
    rx = re.compile(
        rf"\b(?:(last|this|next|early|late)\s+|(?:in|during|by|until|over)\s+(?:the\s+)?)"
        rf"({alt})(?:\s+(?:of\s+)?(\d{{4}}))?\b",
        re.IGNORECASE,
    )
    return months, rx


def _span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    end_year = year + 1 if last < first else year  # winter runs into the next year
    return dt.date(year, first, 1), dt.date(end_year, last, calendar.monthrange(end_year, last)[1])


def _year(first: int, last: int, published: dt.date, future: bool, step: str | None) -> int:
    """The year a season without one begins in (see the module docstring)."""
    y = published.year
    start, end = _span(y, first, last)
    if last < first and published.month <= last:  # January in winter: it began last December
        y, (start, end) = y - 1, _span(y - 1, first, last)
    if step == "next":
        return y + 1 if start <= published else y
    if step == "last":
        return y - 1 if end >= published else y
    if future:
        return y + 1 if end < published else y
    return y - 1 if start > published else y


def seasons(text: str, published: dt.date, future: bool = False) -> list[Span]:
    """Every season named in ``text``: (first day, last day, start, end offsets, matched text)."""
    months, rx = _table()
    out: list[Span] = []
    for mt in rx.finditer(text):
        first, last = months[mt.group(2).lower()]
        step = (mt.group(1) or "").lower() or None
        year = int(mt.group(3)) if mt.group(3) else _year(first, last, published, future, step)
        if not dt.MINYEAR <= year < dt.MAXYEAR:
            continue
        start, end = _span(year, first, last)
        out.append((start, end, mt.start(), mt.end(), mt.group(0)))
    return out
