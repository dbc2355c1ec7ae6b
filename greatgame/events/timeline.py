"""Dates of events told without one: the story's date, or a day counted from it.

News tells the date once ("on Friday") and then goes on without it: an event with no date in its
own clause happened when the latest dated event before it did ("He also declared ..."), or on the
first past day the document names when no event has a date yet (often the dateline's). Phrases
like "the next day" or "two days later" count from that date.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from typing import Any

from greatgame.events.lexicon import load_data
from greatgame.models import Event

logger = logging.getLogger(__name__)

CARRIED = ("asserted", "reported", "negated")
RETOLD = {"ASSAULT", "FIGHT", "PROTEST"}  # a violent event told again later happened when first told


@functools.lru_cache(maxsize=1)
def _story_offsets() -> tuple[re.Pattern[str], dict[str, int]]:
    offsets = {k.lower(): int(v) for k, v in load_data("dates.yaml")["story_relative"].items()}
    alt = "|".join(re.escape(k) for k in sorted(offsets, key=len, reverse=True))
    return re.compile(rf"\b({alt})\b", re.IGNORECASE), offsets


def story_offset(text: str) -> int | None:
    """Days from the story's date named by a phrase of the sentence ('the next day' -> 1)."""
    rx, offsets = _story_offsets()
    mt = rx.search(text)
    return offsets[mt.group(1).lower()] if mt else None


def carry_dates(events: list[Event], before: list[Event], anchor: Any, text: str) -> None:
    """Give the undated past events of one sentence the story's date (see the module docstring)."""
    dated = [e for e in before if e.date is not None and e.modality in ("asserted", "reported")]
    days = [e for e in dated if e.date_precision == "day"]
    shift = story_offset(text)
    for ev in events:
        if ev.date is not None or ev.modality not in CARRIED:
            continue
        same = [e for e in days if e.type == ev.type] if ev.type in RETOLD else []
        last = same[-1] if same else (days[-1] if days else None)  # "claimed the attack": the attack's day
        when = (last.date, last.date_end, last.date_precision) if last else None
        if when is None and anchor is not None:
            when = (anchor.date, anchor.date_end, anchor.precision)
        if when is None:
            continue
        if (
            shift is not None
            and when[2] == "day"
            and dt.date.min + dt.timedelta(days=9) < when[0] < dt.date.max - dt.timedelta(days=9)
        ):
            ev.date, ev.date_end, ev.date_precision = when[0] + dt.timedelta(days=shift), None, "day"
        else:
            ev.date, ev.date_end, ev.date_precision = when
