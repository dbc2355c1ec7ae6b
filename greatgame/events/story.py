"""What a document is about as a whole: its organisation, the host, the participants, the date.

News reports of a summit name the organisation once or twice and then speak of "the leaders",
"the heads of state" or "the bloc"; a bilateral visit speaks of "the two sides". The story
collects, while the coder walks through the sentences, whom such phrases refer to:

* ``org``: the organisation the document is about (the most mentioned intergovernmental body,
  named at least twice; ``meeting_org`` makes do with one mention, for "X also attended");
* ``host``: who hosts the meeting ("X hosted", "a summit hosted by X");
* ``participants``: who attends or meets (sources and targets of meetings, in order).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from greatgame.models import Document, Event

logger = logging.getLogger(__name__)

ORG_KINDS = {"igo"}
MEETING_MODES = {"summit", "meeting", "talks", "visit", "host", "negotiation", "consultation"}


@dataclass
class Story:
    """The actors a document's group references point at (see the module docstring)."""

    org: str | None = None
    host: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    pairs: list[list[str]] = field(default_factory=list)  # the parties of bilateral events, latest last
    states: list[str] = field(default_factory=list)  # states of the document, most mentioned first
    home: str | None = None  # the country where the story happens (its dateline)
    meeting_org: str | None = None  # the organisation a meeting of the story belongs to (named once will do)
    acting: set[str] = field(default_factory=set)  # organisations party to a meeting of the story, or in its title
    fights: list[list[str]] = field(default_factory=list)  # the sides of the story's clashes, latest last

    def remember(self, ev: Event) -> None:
        """Learn hosts, participants and the latest pair of parties from a coded event."""
        src, tgt = [a.id for a in ev.source], [a.id for a in ev.target]
        if ev.type == "CONSULT" and ev.modality in ("asserted", "reported"):
            if ev.mode == "host" or (ev.trigger or "").lower().startswith("host"):
                self.host = [a for a in src if a != self.org] or self.host
            for a in src + tgt:
                if a != self.org and a not in self.participants and a not in self.host:
                    self.participants.append(a)
        if ev.type == "CONSULT" and ev.modality in ("asserted", "reported"):  # its meetings
            self.acting |= {a for a in (self.org, self.meeting_org) if a in src + tgt}
        parties = [a for a in dict.fromkeys(src + tgt) if a != self.org]
        if len(parties) == 2:
            self.pairs.append(parties)
        if ev.type == "FIGHT" and src and tgt and ev.modality in ("asserted", "reported"):
            self.fights.append([*src[:1], *[a for a in tgt if a not in src][:1]])

    def bloc(self) -> str | None:
        """The organisation 'the leaders' speak for: only one the story shows at work.

        A bilateral state visit that mentions a bloc's summit to come ("will take part in the
        session of the CSTO") is no meeting of that bloc: its heads of state are the two parties.
        """
        return self.org if self.org in self.acting else None

    def meeting_bloc(self, named: list[str]) -> str | None:
        """The organisation a meeting with no named counterpart belongs to: one at work in the story or named here."""
        org = self.meeting_org
        return org if org is not None and (org in self.acting or org in named) else None

    def group(self) -> list[str]:
        """'The leaders', 'the heads of state': the organisation (see ``bloc``) and who took part."""
        out = [self.bloc()] if self.bloc() else []
        return list(dict.fromkeys(out + self.host + self.participants))

    def counterpart(self, source: list[str], countries: list[str], bilateral: bool = False) -> list[str]:
        """Whom an act with no named target is aimed at.

        The summit's organisation, the other party of the latest bilateral event of the source,
        or the document's main state. An act said to be bilateral ('called for more bilateral
        trade') is aimed at the other party first.
        """
        mine = set(source) | set(countries)
        if self.bloc() and self.org not in mine and not bilateral:
            return [self.org]
        for pair in reversed(self.pairs):
            if mine & set(pair):
                others = [a for a in pair if a not in mine]
                if others:
                    return others
        if self.org and self.org not in mine:
            return [self.org]
        return [a for a in self.states if a not in mine][:1]

    def where(self) -> list[str]:
        """The story's countries, its home first."""
        return list(dict.fromkeys(([self.home] if self.home else []) + self.states))

    def pair(self) -> list[str]:
        """'The two sides', 'both countries': the parties of the latest bilateral event."""
        return list(self.pairs[-1]) if self.pairs else []


def story_of(doc: Document, catalogue: Any) -> Story:
    """The story of a document before any sentence is coded: its main organisation."""
    counts: dict[str, int] = {}
    for m in doc.mentions:
        entry = catalogue.get(m.actor_id)
        if entry is not None and entry.kind in ORG_KINDS:
            counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
    title = (doc.meta.title or "").lower()
    for a in doc.actors:
        entry = catalogue.get(a.id)
        if entry is None or entry.kind not in ORG_KINDS:
            continue
        names = [entry.name, *(entry.aliases or []), a.id]
        if any(n and re.search(rf"\b{re.escape(n.lower())}\b", title) for n in names):
            counts[a.id] = counts.get(a.id, 0) + 2
    best = max(counts, key=lambda k: counts[k], default=None)
    org = best if best is not None and counts[best] >= 2 else None
    mentions = {a: sum(1 for m in doc.mentions if m.actor_id == a) for a in counts}
    titled = {a for a in counts if counts[a] > mentions[a]}
    states = sorted((a for a in doc.actors if a.kind == "state"), key=lambda a: -a.mentions)
    home = _dateline_country(doc, catalogue) or _title_country(doc, catalogue) or _title_person_country(doc)
    return Story(org=org, states=[a.id for a in states], meeting_org=org or best, home=home, acting=titled)


def _title_country(doc: Document, catalogue: Any) -> str | None:
    """The first state, or city of a state, the title names ('Troops leave Kazakhstan' -> KAZ)."""
    title = doc.meta.title or ""
    best: tuple[int, str] | None = None
    for a in doc.actors:
        entry = catalogue.get(a.id)
        if a.kind != "state" or entry is None:
            continue
        for name in [entry.name, *(entry.aliases or []), *(entry.demonyms or [])]:
            mt = re.search(rf"\b{re.escape(name)}\b", title) if name else None
            if mt and (best is None or mt.start() < best[0]):
                best = (mt.start(), a.id)
    finder = getattr(catalogue, "place", None)
    for mt in re.finditer(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\b", title) if finder else []:
        country = getattr(finder(mt.group(0)), "country", None)  # "Tashkent keeps every door open"
        if isinstance(country, str) and (best is None or mt.start() < best[0]):
            best = (mt.start(), country)
    return best[1] if best else None


def _title_person_country(doc: Document) -> str | None:
    """The country of the first person the title names by surname ('Tokayev orders ...' -> KAZ)."""
    title = doc.meta.title or ""
    best: tuple[int, str] | None = None
    for a in doc.actors:
        if a.kind != "person" or not a.country or not a.name:
            continue
        mt = re.search(rf"\b{re.escape(a.name.split()[-1])}\b", title)
        if mt and (best is None or mt.start() < best[0]):
            best = (mt.start(), a.country)
    return best[1] if best else None


DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'-]{2,40}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:/[A-Z .'-]+)*\s*(?:,|\()", re.M
)


def _dateline_country(doc: Document, catalogue: Any) -> str | None:
    """The country of the dateline city ('ALMATY, Jan 6 (Agency) - ...')."""
    finder = getattr(catalogue, "place", None)
    for mt in DATELINE.finditer(doc.text[:2000]):
        name = mt.group(1).strip().title()
        place = finder(name) if finder else None
        country = getattr(place, "country", None)
        if isinstance(country, list):
            country = country[0] if country else None
        if country:
            return country
        for hit in catalogue.lookup(name) if hasattr(catalogue, "lookup") else []:
            entry = catalogue.get(hit.actor_id)
            if entry is not None and entry.kind == "state":
                return entry.id
    return None
