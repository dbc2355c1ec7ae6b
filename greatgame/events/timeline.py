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

from greatgame.events.dates import ELSEWHEN
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


def story_offset_span(text: str) -> tuple[int, int] | None:
    """Where in the sentence the phrase of ``story_offset`` stands (character offsets), if any."""
    mt = _story_offsets()[0].search(text)
    return (mt.start(), mt.end()) if mt else None


def carry_dates(
    events: list[Event], before: list[Event], anchor: Any, text: str, announced: set[int] | None = None,
    elsewhere: set[int] | None = None,
) -> None:  # fmt: skip
    """Give the undated past events of one sentence the story's date (see the module docstring).

    ``announced`` holds the ``id()`` of planned events an actor announced in the past ("X announced
    that it would provide ..."): they take the day of the announcement. ``elsewhere`` holds those
    whose clause does not hold the sentence's 'the next day' ("X claimed the attack, and four men
    were arrested the next day": the claim is not counted on).
    """
    announced, elsewhere = announced or set(), elsewhere or set()
    dated = [e for e in before if e.date is not None and e.modality in ("asserted", "reported")]
    offset = story_offset(text)
    for ev in events:
        shift = None if id(ev) in elsewhere else offset
        if ev.date_precision == ELSEWHEN:  # "two years after fighting killed dozens": not the story's day
            ev.date_precision = "none"
            continue
        if ev.date is not None or (ev.modality not in CARRIED and id(ev) not in announced):
            continue
        # not from a less central clause of its own sentence ("X, who met Y on Wednesday, attended")
        days = [e for e in dated if _one_day(e) and not _subordinate(e, ev)]
        if shift is None:  # "the next day" counts on from the recalled day
            days = [e for e in days if not _flashback(e, ev, days, anchor)] or days
            days = [e for e in days if not _arrival_before(e, ev, days, anchor)] or days
        same = [e for e in days if e.type == ev.type] if ev.type in RETOLD else []
        last = same[-1] if same else _latest(days, ev)  # "claimed the attack": the attack's day
        when = (last.date, last.date_end, last.date_precision) if last else None
        meeting_day = _story_day(days, anchor) if _after_the_meeting(text) else None
        if meeting_day is not None:  # "speaking after the summit": the story's meeting, not the visit before
            when = (meeting_day, None, "day")
        here = last is not None and last.sentence_index == ev.sentence_index
        if last is not None and _ended_span(last) and (ev.type != "CONSULT" or here):
            # "ended a two-day summit on Friday, with Iran signing": Friday; "wrapped up his visit on
            # Tuesday. He said ...": Tuesday (a part of the meeting itself takes its span)
            when = (last.date_end, None, "day")
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


def _ended_span(ev: Event) -> bool:
    """A meeting dated back from the day it ended ('ended a two-day summit on Friday')."""
    return ev.date_end is not None and (ev.trigger or "").lower().startswith(ENDING)


def _flashback(other: Event, ev: Event, days: list[Event], anchor: Any) -> bool:
    """``other`` recalls a day well before the story's own, told in an earlier sentence.

    "Leaders met on Monday. The summit came three weeks after X and Y signed a treaty on 13 March.
    The presidents also discussed water": the discussion is Monday's, not the recalled treaty's.
    """
    first = days[0].date if days else None
    story_day = anchor.date if anchor is not None and anchor.date is not None else first
    if story_day is None or other.date is None or other.sentence_index == ev.sentence_index:
        return False
    return (story_day - other.date).days > MEETING_DAYS


def _arrival_before(other: Event, ev: Event, days: list[Event], anchor: Any) -> bool:
    """``other`` is a visitor's late arrival before the story's day: the visit's acts fall on the story's day.

    "X and Y signed a treaty on Tuesday. X arrived on Monday evening for a state visit. The two
    presidents held talks": Tuesday's talks, not Monday's (the evening leaves no time for them).
    """
    words, late = _arrivals()
    if other.sentence_index == ev.sentence_index or (other.trigger or "").lower() not in words:
        return False
    if not late & set(re.findall(r"[a-z]+", (other.sentence or "").lower())):
        return False  # "arrived on Thursday. He held talks": on the arrival's day
    first = days[0].date if days else None
    story_day = anchor.date if anchor is not None and anchor.date is not None else first
    return story_day is not None and other.date is not None and other.date < story_day


@functools.lru_cache(maxsize=1)
def _arrivals() -> tuple[frozenset[str], frozenset[str]]:
    table = load_data("dates.yaml")["arrivals"]
    return frozenset(w.lower() for w in table["words"]), frozenset(w.lower() for w in table["late"])


def _story_day(days: list[Event], anchor: Any) -> Any:
    """The story's own day: the dateline's, else the first dated event's."""
    if anchor is not None and anchor.date is not None and anchor.precision == "day":
        return anchor.date
    return days[0].date if days else None


def _after_the_meeting(text: str) -> bool:
    """The sentence places its act after the meeting the story is about ('speaking after the summit')."""
    low = " ".join(text.lower().split())
    return any(p in low for p in _after_meeting_phrases())


@functools.lru_cache(maxsize=1)
def _after_meeting_phrases() -> tuple[str, ...]:
    return tuple(p.lower() for p in load_data("dates.yaml")["after_story_meeting"])


def _one_day(ev: Event) -> bool:
    """A day or a meeting of a few days, not a week ('arrived last week') or a month."""
    if ev.date_precision != "day" or ev.date is None:
        return False
    return ev.date_end is None or (ev.date_end - ev.date).days <= MEETING_DAYS


MEETING_DAYS = 3


def _subordinate(other: Event, ev: Event) -> bool:
    """``other`` is told in the same sentence as ``ev``, in a less central clause (a lower confidence)."""
    return other.sentence_index == ev.sentence_index and other.confidence < ev.confidence


def _latest(days: list[Event], ev: Event) -> Event | None:
    """The event of the latest dated sentence whose date an undated event takes.

    In that sentence the story's own act, not a violent event it recalls ('expressed condolences
    over the attack committed on 22 March': the condolences' day), and the act of its main clause.
    """
    if not days:
        return None
    last = [e for e in days if e.sentence_index == days[-1].sentence_index]
    if ev.type not in RETOLD:
        last = [e for e in last if e.type not in RETOLD] or last
    return max(reversed(last), key=lambda e: e.confidence)  # its main clause; the last of equals


ENDING = ("wrap", "end", "conclude", "close", "finish")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SPAN_HERE = re.compile(r"\b(two|three|four|five|2|3|4|5)-day\b", re.IGNORECASE)
_SPAN_AFTER = re.compile(
    r"\bover (two|three|four|five) days\b|\b(?:which|that) (?:began|opened|started) on ("
    + "|".join(_WEEKDAYS)
    + r")\b",
    re.IGNORECASE,
)


def date_span_start(ev: Event, text: str, after: str) -> None:
    """A meeting 'wrapped up' or 'ended' on day D is dated from its first day, D its last.

    The length comes from the sentence ('ended a two-day summit') or the next lines ('over two
    days', 'the visit, which began on Sunday').
    """
    trig = (ev.trigger or "").lower()
    if ev.type != "CONSULT" or ev.date_precision != "day" or ev.date is None or not trig.startswith(ENDING):
        return
    if ev.date_end is not None:  # the span is known already
        return
    end, start = ev.date, None
    here = _SPAN_HERE.search(text)
    later = _SPAN_AFTER.search(after)
    if here:
        start = end - dt.timedelta(days=_NUMBERS[here.group(1).lower()] - 1)
    elif later and later.group(1):
        start = end - dt.timedelta(days=_NUMBERS[later.group(1).lower()] - 1)
    elif later:
        back = (end.weekday() - _WEEKDAYS.index(later.group(2).lower())) % 7
        start = end - dt.timedelta(days=back)
    if start is not None and start < end:
        ev.date, ev.date_end = start, end
