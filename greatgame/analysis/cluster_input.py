"""StoryEvents for clustering, from extraction records or stored events.

The coder dates an event whose sentence names no time by the story around it (the dateline, the
sentence before); a time named only in a non-restrictive relative clause (", which took power in
August 2021,") dates that clause, not the sentence, unless the event's year is the one it names.
When such a sentence tells a standing state of affairs or an earlier happening ("Kazakhstan has
not recognised ...", "Earlier, ...", the present perfect "Astana has hosted ...";
``fallback_background`` and ``perfect_participles`` in ``data/cluster_words.yaml``), that date is
not the event's: the event is taken as undated (and, with a ``background`` phrase, as background,
kept apart from the happening its document tells).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from greatgame.analysis.cluster_model import StoryEvent, iter_ids
from greatgame.analysis.cluster_text import BACKGROUND, FALLBACK_BACKGROUND, TIME, tokens


def parse_day(value: Any) -> tuple[dt.date | None, dt.date | None, str]:
    """A date, ISO string (``2022``, ``2022-01``, ``2022-01-05``) or Timestamp -> (first, last, precision)."""
    if value is None or value != value:  # None, NaN, NaT
        return None, None, "none"
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value, "day"
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31), "year"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            y, m = map(int, text.split("-"))
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month"
        d = dt.date.fromisoformat(text[:10])
        return d, d, "day"
    except ValueError:
        return None, None, "none"


def _event_range(date, date_end, precision, published) -> tuple[dt.date | None, dt.date | None, bool, bool]:
    """(lo, hi, precise, anchored); an undated event falls back to its document's date."""
    lo, hi, prec = parse_day(date)
    if lo is not None:
        if prec == "day" and precision in ("month", "year"):
            lo, hi, prec = parse_day(lo.isoformat()[: 7 if precision == "month" else 4])
        _, end_hi, _ = parse_day(date_end)
        if end_hi is not None and end_hi > hi:
            hi = end_hi
        return lo, hi, prec == "day", True
    pub, _, _ = parse_day(published)
    return pub, pub, False, False


_RELATIVE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*(?:[,;]|$)", re.IGNORECASE)


def _main(sentence: str) -> str:
    """A sentence without its non-restrictive relative clauses (", which took power in August 2021,")."""
    return _RELATIVE.sub(",", sentence)


def make_event(
    id: str, doc: str, type: str, source: Sequence[dict], target: Sequence[dict], sentence: str = "",
    date=None, date_end=None, date_precision: str | None = None, published=None,
    location: dict | None = None, outlet: str | None = None, title: str | None = None,
) -> StoryEvent:  # fmt: skip
    """A StoryEvent from contract-shaped parts (``source``/``target``: ``{"id", "country"}`` dicts).

    An actor without a country (a bloc, an armed group) stands for itself among the countries.
    """
    sides = [a for a in list(source or []) + list(target or []) if isinstance(a.get("id"), str)]
    actors = frozenset(a["id"] for a in sides)
    countries = frozenset(
        a["country"] if isinstance(a.get("country"), str) and a["country"] else a["id"] for a in sides
    )
    lo, hi, precise, anchored = _event_range(date, date_end, date_precision, published)
    text = sentence or ""
    fallback = anchored and not TIME.search(_main(text)) and (lo is None or str(lo.year) not in text)
    if fallback and FALLBACK_BACKGROUND.search(text):
        # a date from the story around a sentence that names no time of its own, telling a standing
        # state of affairs ("has not recognised", "has hosted") or an earlier happening ("Earlier, ..."):
        # the story's date is not the event's, which is undated
        lo, hi, precise, anchored = _event_range(None, None, None, published)
    loc = location or {}
    return StoryEvent(
        id=id, doc=doc, type=str(type).upper(), actors=actors, countries=countries,
        lo=lo, hi=hi, precise=precise, anchored=anchored,
        place=(loc.get("name") or "").lower() or None, place_country=loc.get("country"),
        outlet=outlet, sentence=sentence or "", tokens=tokens(sentence or ""), title=title or "",
        background=not anchored and bool(BACKGROUND.search(sentence or "")),
        published=parse_day(published)[0] if parse_day(published)[2] == "day" else None,
        fallback=fallback and anchored,
    )  # fmt: skip


def events_from_records(records: Iterable[dict[str, Any]]) -> list[StoryEvent]:
    """StoryEvents from extraction records (``greatgame extract`` lines); ids are ``<doc>:<n>``."""
    out = []
    for rec in records:
        meta = rec.get("doc") or {}
        for n, e in enumerate(rec.get("events") or []):
            out.append(
                make_event(
                    e.get("id") or f"{meta.get('id')}:{n}",
                    meta.get("id"),
                    e["type"],
                    e.get("source") or [],
                    e.get("target") or [],
                    e.get("sentence") or "",
                    e.get("date"),
                    e.get("date_end"),
                    e.get("date_precision"),
                    meta.get("published"),
                    e.get("location"),
                    meta.get("publisher"),
                    meta.get("title"),
                )  # fmt: skip
            )
    return out


def _side(ids, countries) -> list[dict]:
    ctry = list(countries) if countries is not None and not isinstance(countries, float) else []
    return [{"id": i, "country": ctry[k] if k < len(ctry) else None} for k, i in enumerate(iter_ids(ids))]


def event_from_row(e: dict[str, Any]) -> StoryEvent:
    """A StoryEvent from one stored event with its document's columns (``doc_published``, ...)."""
    name = e.get("location_name")
    loc = {"name": name, "country": e.get("location_country")} if isinstance(name, str) and name else None
    title = e.get("doc_title") if isinstance(e.get("doc_title"), str) else None
    return make_event(
        e["id"],
        e["doc"],
        e["type"],
        _side(e["source_ids"], e["source_countries"]),
        _side(e["target_ids"], e["target_countries"]),
        e.get("sentence") or "",
        e.get("date"),
        e.get("date_end"),
        e.get("date_precision"),
        e.get("doc_published"),
        loc,
        e.get("doc_publisher") if isinstance(e.get("doc_publisher"), str) else None,
        title,
    )  # fmt: skip


def events_from_frame(df) -> list[StoryEvent]:
    """StoryEvents from a store events DataFrame (``Store.events()``)."""
    return [event_from_row(e) for e in df.to_dict("records")]
