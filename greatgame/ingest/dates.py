"""Reading dates from header lines: Gregorian (numeric and with month names) and Hijri.

Nothing is guessed: a date must have a day, a month and a year, and must exist in its
calendar ("31/02/2024" is rejected). Words live in ``data/dates.yaml``.

Numeric dates are read by their shape: ``2022/12/06`` is year/month/day; with the year last,
a first number above 12 makes it day/month/year and a second number above 12 month/day/year.
When both are 12 or less (``03/04/2025``), the order another numeric date of the same document
shows wins; without one, day/month/year is taken (the order of most of the sources this tool reads).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass

from hijridate import Hijri

from greatgame.ingest.resources import load

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text: the Gregorian date it means, what was written, and its calendar."""

    date: dt.date | None  # None for a day and month without a year
    text: str
    start: int
    calendar: str  # gregorian | hijri
    month: int = 0
    day: int = 0


def _flex(variant: str) -> str:
    out = []
    for ch in variant:
        if ch in "'’":
            out.append("['’ʿʾ`]?")
        elif ch in " -":
            out.append(r"[\s\-]*")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load("dates")
    greg = {v: int(k) for k, vs in data["gregorian_months"].items() for v in vs}
    hij = {v: int(k) for k, vs in data["hijri_months"].items() for v in vs}
    gm = "|".join(
        sorted((re.escape(v) + (r"\.?" if len(v) <= 4 else "") for v in greg), key=len, reverse=True)
    )
    hm = "|".join(sorted((_flex(v) for v in hij), key=len, reverse=True))
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    return {
        "ymd": re.compile(
            r"(?<![\d/.\-])(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?![\d/.\-]?\d)"
        ),
        "xxy": re.compile(r"(?<![\d/.\-])(?P<a>\d{1,2})([-/.])(?P<b>\d{1,2})\2(?P<year>\d{4})(?!\d)"),
        "hijri": re.compile(
            rf"\b{day}\s+(?:of\s+)?(?P<month>{hm})\s*,?\s+{year}(?:\s*(?:AH|A\.H\.|H)\b)?", re.I
        ),
        "dmy": re.compile(rf"\b{day}\s+(?:of\s+)?(?P<month>{gm})(?![\w])\s*,?\s+{year}(?!\d)", re.I),
        "mdy": re.compile(rf"\b(?P<month>{gm})(?![\w])\s+{day}\s*,?\s+{year}(?!\d)", re.I),
        "md": re.compile(rf"\b(?P<month>{gm})(?![\w])\s+{day}(?![\d:])", re.I),
        "dm": re.compile(rf"\b{day}\s+(?:of\s+)?(?P<month>{gm})(?![\w])", re.I),
    }


@functools.cache
def _month_tables() -> tuple[dict[str, int], dict[str, int]]:
    data = load("dates")
    greg = {v: int(k) for k, vs in data["gregorian_months"].items() for v in vs}
    hij = {_key(v): int(k) for k, vs in data["hijri_months"].items() for v in vs}
    return greg, hij


def _key(name: str) -> str:
    return re.sub(r"[^a-zçşğüöı]", "", name.lower())


def _in_range(year: int, calendar: str) -> bool:
    lo, hi = load("dates")[f"{calendar}_years"]
    return lo <= year <= hi


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a Hijri (Umm al-Qura) date, or None when it does not exist."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def numeric_order(text: str) -> str | None:
    """``dmy`` or ``mdy`` when a numeric date in ``text`` shows the order unambiguously."""
    for m in _patterns()["xxy"].finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 >= b:
            return "dmy"
        if b > 12 >= a:
            return "mdy"
    return None


def find_dates(text: str, order_hint: str | None = None) -> list[FoundDate]:
    """Every complete, existing date written in ``text``, in order of appearance.

    A day and month without a year (a wire dateline such as "Nov 3") comes back with
    ``date=None`` so that the caller can see it but not use it as a date.
    """
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind in ("hijri", "ymd", "xxy", "dmy", "mdy", "md", "dm"):
        for m in _patterns()[kind].finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            item = _read(kind, m, order_hint)
            taken.append(m.span())
            if item is not None:
                found.append(item)
    return sorted(found, key=lambda f: f.start)


def _read(kind: str, m: re.Match[str], order_hint: str | None) -> FoundDate | None:
    greg, hij = _month_tables()
    text, start = m.group(0), m.start()
    if kind == "hijri":
        year, month, day = int(m.group("year")), hij.get(_key(m.group("month"))), int(m.group("day"))
        if month is None or not _in_range(year, "hijri"):
            return None
        date = hijri_to_gregorian(year, month, day)
        return FoundDate(date, text, start, "hijri", month, day) if date else _rejected(text)
    if kind in ("md", "dm"):
        month, day = greg[m.group("month").lower().rstrip(".")], int(m.group("day"))
        if _make(2000, month, day) is None:  # 2000 is a leap year: only impossible days fail
            return _rejected(text)
        return FoundDate(None, text, start, "gregorian", month, day)
    year = int(m.group("year"))
    if kind == "ymd":
        month, day = int(m.group("month")), int(m.group("day"))
        calendar = "hijri" if _in_range(year, "hijri") and not _in_range(year, "gregorian") else "gregorian"
        if calendar == "hijri":
            date = hijri_to_gregorian(year, month, day)
            return FoundDate(date, text, start, "hijri", month, day) if date else _rejected(text)
    elif kind == "xxy":
        month, day = _order(int(m.group("a")), int(m.group("b")), m.group(2), order_hint)
    else:
        month, day = greg[m.group("month").lower().rstrip(".")], int(m.group("day"))
    if not _in_range(year, "gregorian"):
        return None
    date = _make(year, month, day)
    return FoundDate(date, text, start, "gregorian", month, day) if date else _rejected(text)


def _order(a: int, b: int, sep: str, hint: str | None) -> tuple[int, int]:
    """(month, day) of the first two numbers of a numeric date with the year last."""
    if a > 12:
        return b, a
    if b > 12:
        return a, b
    if hint == "mdy" and sep != ".":
        return a, b
    return b, a


def _rejected(text: str) -> None:
    logger.info("ignoring '%s': no such date", text)
    return None
