"""The in-memory actor catalogue and its queries (aliases, dated offices and memberships, places)."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict

from greatgame.catalogue.model import (
    HOW_ORDER,
    AliasHit,
    Ambiguity,
    Entry,
    Membership,
    Office,
    Place,
    alias_key,
    fold,
    plural,
)

logger = logging.getLogger(__name__)


class Catalogue:
    """States, organisations and people with their surface forms, offices and memberships.

    Build it with :func:`greatgame.catalogue.load_catalogue`. Dates passed as ``on`` are
    ``datetime.date``; ``on=None`` means today for the "who/what is ... " questions
    (``holder``, ``role_of``, ``is_member``) and "any date" for the listing ones
    (``offices_of``, ``memberships``).
    """

    def __init__(
        self,
        entries: list[Entry],
        memberships: list[Membership],
        titles: dict[str, str],
        office_kinds: list[str],
        places: list[Place],
        ambiguities: list[Ambiguity],
        problems: list[str],
    ):
        self._entries: dict[str, Entry] = {}
        self._duplicates: list[Entry] = []
        for e in entries:
            if e.id in self._entries:
                self._duplicates.append(e)
            else:
                self._entries[e.id] = e
        self._memberships = memberships
        self._titles = titles
        self._office_kinds = office_kinds
        self._places = places
        self._ambiguities = {alias_key(a.text): a for a in ambiguities}
        self._load_problems = problems
        self._aliases = self._build_aliases()
        self._index: dict[str, list[AliasHit]] = defaultdict(list)
        self._index_ci: dict[str, list[AliasHit]] = defaultdict(list)
        for hit in self._aliases:
            self._index[alias_key(hit.text)].append(hit)
            self._index_ci[alias_key(hit.text).lower()].append(hit)
        self._holders: dict[tuple[str, str], list[Office]] = defaultdict(list)
        for e in self._entries.values():
            for o in e.offices:
                self._holders[(o.of, o.kind)].append(o)
        self._place_index = self._build_place_index()

    # ------------------------------------------------------------------ entries
    def get(self, actor_id: str) -> Entry | None:
        """The entry of an actor id (state, organisation, group or person), or None."""
        return self._entries.get(actor_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> list[Entry]:
        """Every actor entry."""
        return list(self._entries.values())

    def states(self) -> list[Entry]:
        """Every state, current and former."""
        return [e for e in self._entries.values() if e.kind == "state"]

    def organisations(self) -> list[Entry]:
        """Every organisation, movement, group, company, medium and national body."""
        return [e for e in self._entries.values() if e.kind not in ("state", "person")]

    def people(self) -> list[Entry]:
        """Every person."""
        return [e for e in self._entries.values() if e.kind == "person"]

    # ------------------------------------------------------------------ surface forms
    def _build_aliases(self) -> list[AliasHit]:
        hits: list[AliasHit] = []
        for e in self._entries.values():
            forms: list[tuple[str, str]] = [(e.name, "name")]
            if e.official_name:
                forms.append((e.official_name, "name"))
            forms += [(a, "acronym" if _is_acronym(a) else "alias") for a in e.aliases]
            if e.kind not in ("state", "person") and _is_acronym(e.id):
                forms.append((e.id, "acronym"))
            for d in e.demonyms:
                forms.append((d, "demonym"))
                if plural(d):
                    forms.append((plural(d), "demonym"))  # type: ignore[arg-type]
            forms += [(c, "capital") for c in ([e.capital] if e.capital else []) + e.capital_aliases]
            forms += [(s, "seat") for s in e.seats]
            if e.kind == "person" and e.surname:
                forms.append((e.surname, "surname"))
            seen: set[tuple[str, str]] = set()
            for text, how in forms:
                for variant in dict.fromkeys((text, fold(text))):
                    if (variant, e.id) not in seen:
                        seen.add((variant, e.id))
                        hits.append(AliasHit(variant, e.id, how))
        return hits

    def alias_table(self) -> list[AliasHit]:
        """Every surface form of every actor (accent-folded variants and plural demonyms included)."""
        return list(self._aliases)

    def lookup(self, text: str) -> list[AliasHit]:
        """Actors a surface form names: exact match, case-insensitive only for several words.

        A leading "the" and accents are ignored. When several actors share the form, the one
        preferred by ``ambiguities.yaml`` comes first; then names before aliases before demonyms etc.
        """
        key = alias_key(text)
        return self._rank(key, self._index.get(key, []))

    def lookup_ci(self, text: str) -> list[AliasHit]:
        """Like :meth:`lookup` but case-insensitive for single words too (for user queries)."""
        key = alias_key(text).lower()
        return self._rank(key, self._index_ci.get(key, []))

    def _rank(self, key: str, hits: list[AliasHit]) -> list[AliasHit]:
        best: dict[str, AliasHit] = {}
        for h in hits:
            old = best.get(h.actor_id)
            if old is None or HOW_ORDER.index(h.how) < HOW_ORDER.index(old.how):
                best[h.actor_id] = h
        amb = self._ambiguities.get(key) or self._ambiguities.get(_singular_key(key))
        prefer = amb.prefer if amb else None
        return sorted(best.values(), key=lambda h: (h.actor_id != prefer, HOW_ORDER.index(h.how)))

    def ambiguity(self, text: str) -> Ambiguity | None:
        """The deliberate-ambiguity rule for a surface form, if ``ambiguities.yaml`` lists it."""
        key = alias_key(text)
        return self._ambiguities.get(key) or self._ambiguities.get(_singular_key(key))

    def ambiguities(self) -> list[Ambiguity]:
        """Every deliberate ambiguity listed in ``ambiguities.yaml``."""
        return list(self._ambiguities.values())

    def demonym_country(self, word: str) -> str | None:
        """The state a demonym points to (``Uzbek`` -> ``UZB``, ``Iraqis`` -> ``IRQ``), or None."""
        for hit in self.lookup(word):
            if hit.how == "demonym":
                return hit.actor_id
        return None

    # ------------------------------------------------------------------ offices
    def office_titles(self) -> dict[str, str]:
        """Every title phrase (lower-case) mapped to its office kind."""
        return dict(self._titles)

    def office_kinds(self) -> list[str]:
        """Every office kind of ``offices.yaml``, in file order."""
        return list(self._office_kinds)

    def office_kind(self, title: str) -> str | None:
        """The office kind a title phrase names (``Foreign Minister`` -> ``foreign_minister``)."""
        key = " ".join(fold(title).lower().split())
        key = key[4:] if key.startswith("the ") else key
        for variant in (key, key.replace("defense", "defence"), key.replace("defence", "defense")):
            if variant in self._titles:
                return self._titles[variant]
        return None

    def holder(self, of: str, kind: str, on: dt.date | None = None) -> Entry | None:
        """Who held office ``kind`` of ``of`` on that day (today by default); the latest appointee wins."""
        on = on or dt.date.today()
        active = [o for o in self._holders.get((of, kind), []) if o.active(on)]
        if not active:
            return None
        best = max(active, key=lambda o: o.start or dt.date.min)
        return self._entries.get(best.person)

    def holders(self, of: str, kind: str) -> list[Office]:
        """Every tenure of office ``kind`` of ``of``, oldest first."""
        return sorted(self._holders.get((of, kind), []), key=lambda o: o.start or dt.date.min)

    def offices_of(self, person_id: str, on: dt.date | None = None) -> list[Office]:
        """The offices of a person: all of them, or those held on the day ``on``."""
        e = self._entries.get(person_id)
        if e is None:
            return []
        return [o for o in e.offices if on is None or o.active(on)]

    def role_of(self, person_id: str, on: dt.date | None = None) -> str | None:
        """The person's human-readable role on that day (today by default); the latest appointment wins."""
        active = self.offices_of(person_id, on or dt.date.today())
        if not active:
            return None
        return max(active, key=lambda o: o.start or dt.date.min).role

    def country_of(self, actor_id: str, on: dt.date | None = None) -> str | None:
        """The state an actor belongs to: itself for a state, ``country`` otherwise.

        A person without a ``country`` gets the state of an office held on that day, if any.
        """
        e = self._entries.get(actor_id)
        if e is None:
            return None
        if e.kind == "state":
            return e.id
        if e.country:
            return e.country
        for o in self.offices_of(actor_id, on):
            owner = self._entries.get(o.of)
            if owner is not None and owner.kind == "state":
                return owner.id
        return None

    # ------------------------------------------------------------------ memberships
    def memberships(
        self,
        subject: str | None = None,
        object: str | None = None,  # noqa: A002 - the name of the contract field
        on: dt.date | None = None,
        relation: str | None = None,
    ) -> list[Membership]:
        """Dated relations filtered by subject, object, relation and the day they held (any if None)."""
        return [
            m
            for m in self._memberships
            if (subject is None or m.subject == subject)
            and (object is None or m.object == object)
            and (relation is None or m.relation == relation)
            and (on is None or m.active(on))
        ]

    def is_member(
        self,
        subject: str,
        object: str,  # noqa: A002
        on: dt.date | None = None,
        relation: str = "member_of",
    ) -> bool:
        """Whether ``subject relation object`` held on that day (today by default)."""
        return bool(self.memberships(subject, object, on or dt.date.today(), relation))

    # ------------------------------------------------------------------ places
    def _build_place_index(self) -> dict[str, Place]:
        index: dict[str, Place] = {}
        for e in self.states():
            if e.capital:
                cap = Place(e.capital, list(e.capital_aliases), "capital", e.id)
                for n in [e.capital, *e.capital_aliases]:
                    index.setdefault(_place_key(n), cap)
        for p in self._places:  # places.yaml wins over capitals from states.yaml
            for n in [p.name, *p.aliases]:
                index[_place_key(n)] = p
        return index

    def place(self, name: str) -> Place | None:
        """The place a name or alias refers to (case- and accent-insensitive), or None."""
        return self._place_index.get(_place_key(name))

    def places(self) -> list[Place]:
        """Every place of ``places.yaml``."""
        return list(self._places)

    # ------------------------------------------------------------------ search and check
    def search(self, query: str) -> list[Entry]:
        """Entries matching a query (id, name, alias, demonym, capital, seat), best matches first."""
        q = fold(query).strip().lower()
        if not q:
            return []
        scored: dict[str, int] = {}
        if q.upper() in self._entries or q in self._entries:
            scored[q.upper() if q.upper() in self._entries else q] = 0
        for hit in self.lookup_ci(query):
            scored.setdefault(hit.actor_id, 1)
        for hit in self._aliases:
            t = hit.text.lower()
            if q in t:
                rank = 2 if t.startswith(q) else 3
                scored[hit.actor_id] = min(scored.get(hit.actor_id, 9), rank)
        for e in self._entries.values():
            if q in e.id.lower():
                scored[e.id] = min(scored.get(e.id, 9), 3)
        order = sorted(scored, key=lambda i: (scored[i], self._entries[i].kind == "person", i))
        return [self._entries[i] for i in order]

    def check(self) -> list[str]:
        """Problems found in the data (empty list: the catalogue is consistent)."""
        from greatgame.catalogue.check import check_catalogue

        return check_catalogue(self)


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and " " not in text


def _place_key(name: str) -> str:
    key = " ".join(fold(name).lower().split())
    return key[4:] if key.startswith("the ") else key


def _singular_key(key: str) -> str:
    if key.endswith("men"):
        return key[:-3] + "man"
    return key[:-1] if key.endswith("s") else key
