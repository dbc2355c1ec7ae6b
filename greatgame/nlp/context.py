"""What the linker remembers while it reads one document: who was mentioned last, and new people."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from dataclasses import dataclass, field

from greatgame.nlp.ruler import fold

PRONOUN_REACH = 2  # a pronoun refers back at most this many sentences
HEAD_KINDS = frozenset({"president", "head_of_state", "monarch", "emir", "supreme_leader"})
LEADER_KINDS = HEAD_KINDS | {"prime_minister", "leader", "chancellor", "chief_executive"}
# holders are only guessed without a date when the office had one holder over this span
UNDATED_SPAN = (dt.date(2020, 1, 1), dt.date(2025, 12, 31))


@dataclass
class NewPerson:
    """A person (or organisation) the catalogue does not know, as the text introduces them."""

    id: str
    name: str
    country: str | None = None
    role: str | None = None
    kinds: set[str] = field(default_factory=set)  # office kinds, from the titles they were given
    kind: str = "person"  # or company / other, for an organisation the catalogue lacks


@dataclass
class Context:
    """Running state of the linker over one document."""

    date: dt.date | None
    persons: list[tuple[str, int]] = field(default_factory=list)  # (actor id, sentence index)
    states: list[str] = field(default_factory=list)
    orgs: Counter = field(default_factory=Counter)
    new_people: dict[str, NewPerson] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)  # folded surname -> new person id
    doc_orgs: Counter = field(default_factory=Counter)  # organisations named anywhere in the document

    def add_new_person(self, person: NewPerson) -> NewPerson:
        """Register an uncatalogued person (merging with an earlier mention of the same id)."""
        known = self.new_people.get(person.id)
        if known is None:
            self.new_people[person.id] = known = person
        else:
            known.country = known.country or person.country
            known.role = known.role or person.role
            known.kinds |= person.kinds
        if person.kind == "person":
            self.surnames.setdefault(fold(person.name.split()[-1]), person.id)
        return known

    def add_new_actor(self, actor: NewPerson) -> NewPerson:
        """Register an uncatalogued organisation."""
        return self.add_new_person(actor)

    def last_person(self, sentence: int, accept=None, reach: int | None = None) -> str | None:
        """The most recently mentioned person that ``accept(id)`` allows, within ``reach`` sentences."""
        for pid, sent in reversed(self.persons):
            if reach is not None and sentence - sent > reach:
                return None
            if accept is None or accept(pid):
                return pid
        return None


def kind_matches(wanted: str, kinds: set[str]) -> bool:
    """Whether an office noun of kind ``wanted`` can refer to someone holding ``kinds``."""
    if wanted in kinds:
        return True
    if wanted == "minister":
        return any("minister" in k for k in kinds)
    if wanted in HEAD_KINDS:
        return bool(kinds & HEAD_KINDS)
    if wanted == "leader":
        return bool(kinds & LEADER_KINDS)
    return False


class Offices:
    """Office look-ups against the catalogue, with the rule for documents without a date."""

    def __init__(self, catalogue):
        self.cat = catalogue
        self._undated = functools.lru_cache(maxsize=4096)(self._undated_holder)

    def holder(self, of: str, kind: str, on: dt.date | None):
        """Who held ``kind`` of ``of`` on ``on``; undated: only an office with one holder 2020-2025."""
        if on is not None:
            return self.cat.holder(of=of, kind=kind, on=on)
        return self._undated(of, kind)

    def _undated_holder(self, of: str, kind: str):
        first, last = UNDATED_SPAN
        seen = set()
        day = first
        found = None
        while day <= last:
            entry = self.cat.holder(of=of, kind=kind, on=day)
            seen.add(entry.id if entry is not None else None)
            found = entry or found
            if len(seen) > 1:
                return None
            day += dt.timedelta(days=45)
        return found if seen == {found.id if found else None} else None

    def kinds(self, person_id: str, on: dt.date | None) -> set[str]:
        """Office kinds a catalogue person held on ``on`` (any time when undated)."""
        return {o.kind for o in self.cat.offices_of(person_id, on=on)}

    def offices(self, person_id: str, on: dt.date | None) -> list:
        """Offices (of, kind) a catalogue person held on ``on``."""
        return list(self.cat.offices_of(person_id, on=on))
