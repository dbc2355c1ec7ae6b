"""The publication date of a document: from given fields, page metadata or the header zone.

Order: a date the caller gave; page metadata (HTML, markdown front matter); an explicitly
labelled line ("Published: ..."); a date in the header zone; a dateline with a year. When a
header holds both a Hijri and a Gregorian date, the Hijri one is converted and the two are
checked against each other; if they disagree the Gregorian date is trusted and a note says so.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass, field

from greatgame.ingest.dates import FoundDate, find_dates, numeric_order
from greatgame.ingest.header import Zones
from greatgame.ingest.lines import Line
from greatgame.ingest.resources import load, searchable

logger = logging.getLogger(__name__)


@dataclass
class DateResult:
    """The publication date, the Hijri date as written, and notes on how it was decided."""

    date: dt.date | None = None
    hijri: str | None = None
    source: str | None = None
    notes: list[str] = field(default_factory=list)


@functools.cache
def _label_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("dates")
    published = "|".join(data["published_labels"])
    other = "|".join(data["other_labels"])
    return (
        re.compile(rf"^\W*(?:{published})\s*[:\-–]?\s*(?P<rest>.+)$", re.I),
        re.compile(rf"\b(?:{other})\b", re.I),
    )


def publication_date(zones: Zones, all_lines: list[Line], doc_id: str) -> DateResult:
    """Read the publication date from the lines of a document (see the module docstring)."""
    order = numeric_order("\n".join(ln.text for ln in zones.kept))
    labelled = _labelled(all_lines, order)
    if labelled:
        return _decide(labelled, "published line", doc_id)
    for line in zones.header:
        if _label_patterns()[1].search(searchable(line.text)):
            continue
        found = find_dates(line.text, order)
        if any(f.date for f in found):
            return _decide(found, "header", doc_id)
    if zones.first_body is not None:
        found = dateline_dates(zones.first_body.text, order)
        if any(f.date for f in found):
            return _decide(found, "dateline", doc_id)
    return DateResult()


def _labelled(lines: list[Line], order: str | None) -> list[FoundDate]:
    published, _ = _label_patterns()
    for line in lines:
        m = published.match(line.text)
        if m and len(line.text.split()) <= 20:
            found = find_dates(m.group("rest"), order)
            if any(f.date for f in found):
                return found
    return []


def dateline_dates(text: str, order: str | None = None) -> list[FoundDate]:
    """Dates in the dateline that opens a paragraph ("Tashkent, 22 January 2025 — ...")."""
    place = r"[A-ZÀ-Ö][^\s,]*(?:[ /][A-ZÀ-Ö][^\s,]*){0,3},"
    m = re.match(rf"^({place}.{{0,70}}?)\s[—–-]{{1,2}}\s", text) or re.match(
        rf"^({place}[^.!?]{{0,30}}?\d{{4}})\b", text
    )
    return find_dates(m.group(1), order) if m else []


def _decide(found: list[FoundDate], source: str, doc_id: str) -> DateResult:
    hijri = next((f for f in found if f.calendar == "hijri" and f.date), None)
    greg = next((f for f in found if f.calendar == "gregorian" and f.date), None)
    result = DateResult(source=source, hijri=hijri.text if hijri else None)
    if greg and hijri:
        tolerance = load("dates")["hijri_tolerance_days"]
        gap = abs((greg.date - hijri.date).days)
        if gap > tolerance:
            note = (
                f"the Hijri date '{hijri.text}' ({hijri.date}) and the Gregorian date '{greg.text}' "
                f"disagree by {gap} days; the Gregorian date was trusted"
            )
            logger.warning("%s: %s", doc_id, note)
            result.notes.append(note)
        result.date = greg.date
    elif greg:
        result.date = greg.date
    elif hijri:
        result.date = hijri.date
        result.notes.append(f"published date converted from the Hijri date '{hijri.text}' (Umm al-Qura)")
    return result
