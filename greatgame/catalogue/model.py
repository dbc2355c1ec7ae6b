"""The plain records of the actor catalogue and the small text and date helpers they share."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import unicodedata
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

RELATIONS = ("member_of", "observer_of", "partner_of", "candidate_of")
ORG_KINDS = ("igo", "ngo", "armed_group", "movement", "party", "company", "media", "other")
PLACE_KINDS = (
    "capital", "city", "region", "border_area", "training_ground", "base", "corridor", "port", "other",
)  # fmt: skip
HOW_ORDER = ("name", "alias", "acronym", "demonym", "capital", "seat", "surname")

STATE_ID = re.compile(r"^[A-Z]{3}$")
ORG_ID = re.compile(r"^[A-Z][A-Z0-9_]+$")
PERSON_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

_FOLD_MAP = str.maketrans(
    {"’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"',
     "–": "-", "—": "-", "‐": "-", "ı": "i", "ə": "a", "Ə": "A", "ø": "o", "Ø": "O", "ß": "ss"}
)  # fmt: skip


@dataclass
class Office:
    """One office held by one person: ``of`` (state or organisation id), ``kind``, ``role`` and dates.

    ``start`` is the first day and ``end`` the last day in office (``None``: unknown start / still
    in office). ``person`` is the holder's id.
    """

    of: str
    kind: str
    role: str
    start: dt.date | None = None
    end: dt.date | None = None
    person: str = ""
    start_precision: str = field(default="day", repr=False, compare=False)
    end_precision: str = field(default="day", repr=False, compare=False)

    def active(self, on: dt.date) -> bool:
        """Whether the office was held on that day (both ends inclusive)."""
        return _within(on, self.start, self.end)


@dataclass
class Membership:
    """A dated relation ``subject relation object`` (e.g. ``UZB member_of CSTO``)."""

    subject: str
    relation: str
    object: str
    start: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None
    src: str = field(default="", repr=False, compare=False)

    def active(self, on: dt.date) -> bool:
        """Whether the relation held on that day (both ends inclusive)."""
        return _within(on, self.start, self.end)


@dataclass
class Entry:
    """Any catalogue actor: a state, an organisation or group, or a person."""

    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: str | None = None
    seats: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    surname: str | None = None
    capital_aliases: list[str] = field(default_factory=list)
    former_names: list[str] = field(default_factory=list)
    official_name: str | None = None
    founded: dt.date | None = None
    dissolved: dt.date | None = None
    headquarters: str | None = None
    parent: str | None = None
    successor: str | None = None
    note: str | None = None
    source: str = ""


@dataclass(frozen=True)
class AliasHit:
    """One surface form of an actor. ``how``: name | alias | demonym | capital | seat | surname | acronym."""

    text: str
    actor_id: str
    how: str


@dataclass
class Place:
    """A named place; ``country`` is a state id, or a list of them for corridors and shared areas."""

    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = "other"
    country: str | list[str] | None = None
    lat: float | None = None
    lon: float | None = None
    src: str = field(default="", repr=False, compare=False)


@dataclass
class Ambiguity:
    """A surface form deliberately shared by several actors, with the rule for choosing."""

    text: str
    candidates: list[str]
    prefer: str | None
    rule: str = ""


def _within(on: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or start <= on) and (end is None or on <= end)


def parse_date(value: object, *, end: bool = False) -> dt.date | None:
    """Read a catalogue date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (or a YAML date / int).

    A partial date means its first day, or its last day when ``end`` is true. ``None`` stays
    ``None``. Raises ``ValueError`` for anything else.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m or (m.group(3) and not m.group(2)):
        raise ValueError(f"'{text}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        first = dt.date(year, int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a calendar date ({exc})") from exc
    if day:
        return first
    if month:
        if not end:
            return first
        nxt = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)


def date_precision(value: object) -> str:
    """``day``, ``month`` or ``year``: how precise a catalogue date as written is."""
    if value is None or isinstance(value, dt.date):
        return "day"
    n = len(str(value).strip())
    return "year" if n <= 4 else "month" if n <= 7 else "day"


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold accents and typographic punctuation away, keeping case (``Türkiye`` -> ``Turkiye``)."""
    text = text.translate(_FOLD_MAP)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def alias_key(text: str) -> str:
    """The lookup key of a surface form.

    Accents and quote styles are folded, spaces collapsed and a leading "the" dropped. A single
    word keeps its case (so "US" is not "us"); a form of several words is lower-cased.
    """
    t = " ".join(fold(text).split())
    if t[:4].lower() == "the " and len(t) > 4:
        t = t[4:]
    return t.lower() if " " in t else t


def plural(demonym: str) -> str | None:
    """The plural noun of a demonym (``Uzbek`` -> ``Uzbeks``), or None when it takes none."""
    if " " in demonym and not demonym.split()[-1][:1].isupper():
        return None
    if demonym.endswith(
        ("ese", "ish", "ss", "sh", "tch", "ench", "x", "s", "z", "ch")
    ) and not demonym.endswith("ech"):
        return None
    if demonym.endswith(("man", "woman")):
        return demonym[:-2] + "en"
    return demonym + "s"
