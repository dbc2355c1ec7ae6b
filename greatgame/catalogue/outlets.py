"""The outlet catalogue: who publishes a document, and whom the publisher belongs to.

``data/outlets.yaml`` lists outlets (news agencies, state media, ministries' press services,
movements' media offices) with the names they sign with, their affiliation (``state_media``,
``government``, ``movement``, ``independent``, ``wire``, ``think_tank``, ``ngo``), the actor that
owns them, their country and language. ``resolve`` maps a document's publisher string to an
outlet: exact name, then a normalised name, then the longest catalogue name contained in the
string, then a close fuzzy match; an unknown publisher gets a slug id and affiliation
``unknown``, so every document still has an outlet.
"""

from __future__ import annotations

import difflib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

logger = logging.getLogger(__name__)

AFFILIATIONS = (
    "state_media",
    "government",
    "movement",
    "independent",
    "wire",
    "think_tank",
    "ngo",
    "unknown",
)
_FUZZY_CUTOFF = 0.9


@dataclass(frozen=True)
class Outlet:
    """One publisher as the analyst should see it."""

    id: str
    name: str
    names: tuple[str, ...] = ()
    affiliation: str = "unknown"
    owner: str | None = None  # catalogue actor id of the owner (state, government, movement)
    owner_name: str | None = None
    actor: str | None = None  # the outlet's own catalogue id, when it has one
    country: str | None = None
    language: str | None = None
    parent: str | None = None
    sample: bool = False
    known: bool = True

    def to_record(self) -> dict:
        """A JSON-ready dict (for the API)."""
        return {
            "id": self.id, "name": self.name, "names": list(self.names), "affiliation": self.affiliation,
            "owner": self.owner, "owner_name": self.owner_name, "actor": self.actor, "country": self.country,
            "language": self.language, "parent": self.parent, "known": self.known,
        }  # fmt: skip


def slug(text: str) -> str:
    """A lower-case ASCII slug (``Ala-Too Herald`` -> ``ala-too-herald``)."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "unknown"


def normalise(text: str) -> str:
    """A publisher string reduced for matching: lower case, ``&`` as ``and``, no punctuation or ``the``."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    t = t.replace("&", " and ").replace("u.s.", "us")
    t = re.sub(r"[^a-z0-9./+]+", " ", t)
    words = [w for w in t.split() if w not in ("the",)]
    return " ".join(words)


@dataclass
class OutletCatalogue:
    """All known outlets and a resolver from publisher strings."""

    outlets: list[Outlet]
    _by_id: dict[str, Outlet] = field(default_factory=dict, repr=False)
    _exact: dict[str, Outlet] = field(default_factory=dict, repr=False)
    _norm: dict[str, Outlet] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for o in self.outlets:
            self._by_id[o.id] = o
            for name in (o.name, *o.names):
                self._exact.setdefault(name.strip().lower(), o)
                self._norm.setdefault(normalise(name), o)

    def get(self, outlet_id: str) -> Outlet | None:
        """The outlet with this id, or None."""
        return self._by_id.get(outlet_id)

    def resolve(self, publisher: str | None) -> Outlet | None:
        """The outlet behind a publisher string; None only when there is no publisher."""
        if publisher is None or not str(publisher).strip():
            return None
        text = str(publisher).strip()
        hit = self._exact.get(text.lower()) or self._norm.get(normalise(text))
        if hit:
            return hit
        hit = self._contained(normalise(text)) or self._fuzzy(normalise(text))
        if hit:
            return hit
        return Outlet(id=slug(text), name=text, names=(text,), affiliation="unknown", known=False)

    def _contained(self, norm: str) -> Outlet | None:
        """The longest multi-word catalogue name found whole inside the publisher string."""
        best, best_len = None, 0
        padded = f" {norm} "
        for name, outlet in self._norm.items():
            if len(name.split()) >= 2 and len(name) > best_len and f" {name} " in padded:
                best, best_len = outlet, len(name)
        return best

    def _fuzzy(self, norm: str) -> Outlet | None:
        close = difflib.get_close_matches(norm, list(self._norm), n=1, cutoff=_FUZZY_CUTOFF)
        return self._norm[close[0]] if close else None

    def check(self, catalogue=None) -> list[str]:
        """Problems in the outlet data: duplicate ids or names, unknown affiliations or actor ids."""
        problems, seen = [], {}
        for o in self.outlets:
            if o.id in seen:
                problems.append(f"outlets.yaml: outlet id '{o.id}' is defined twice")
            seen[o.id] = o
            if o.affiliation not in AFFILIATIONS:
                problems.append(
                    f"outlets.yaml: {o.id}: affiliation '{o.affiliation}' is not one of {AFFILIATIONS}"
                )
            if o.parent and o.parent not in self._by_id:
                problems.append(f"outlets.yaml: {o.id}: parent '{o.parent}' is not an outlet")
            for key in ("owner", "actor", "country"):
                value = getattr(o, key)
                if catalogue is not None and value and catalogue.get(value) is None:
                    problems.append(f"outlets.yaml: {o.id}: {key} '{value}' is not in the actor catalogue")
        names: dict[str, str] = {}
        for o in self.outlets:
            for n in {normalise(x) for x in (o.name, *o.names)}:
                if n in names and names[n] != o.id:
                    problems.append(f"outlets.yaml: name '{n}' belongs to both {names[n]} and {o.id}")
                names[n] = o.id
        return problems


def _outlet(rec: dict) -> Outlet:
    names = [str(n) for n in rec.get("names") or []]
    return Outlet(
        id=str(rec["id"]), name=str(rec.get("name") or names[0]), names=tuple(names),
        affiliation=rec.get("affiliation", "unknown"), owner=rec.get("owner"), owner_name=rec.get("owner_name"),
        actor=rec.get("actor"), country=rec.get("country"), language=rec.get("language"),
        parent=rec.get("parent"), sample=bool(rec.get("sample", False)),
    )  # fmt: skip


@lru_cache(maxsize=1)
def load_outlets() -> OutletCatalogue:
    """The shipped outlet catalogue (cached)."""
    text = (resources.files("greatgame.catalogue") / "data" / "outlets.yaml").read_text(encoding="utf-8")
    return OutletCatalogue([_outlet(r) for r in yaml.safe_load(text) or []])
