"""Where an event happened: 'in Samarkand', 'at the Termez training ground' -> Location."""

from __future__ import annotations

import logging
from typing import Any

from greatgame.models import Location

logger = logging.getLogger(__name__)

PLACE_PREPS = {"in", "at", "near", "outside", "inside"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def catalogue_place(catalogue: Any, name: str) -> Any:
    """The catalogue place of that name (with or without "the"), or None."""
    finder = getattr(catalogue, "place", None)
    if finder is None:
        return None
    for cand in (name, name.removeprefix("the ").strip()):
        hit = finder(cand)
        if hit is not None:
            return hit
    return None


def _to_location(place: Any, name: str) -> Location:
    country = place.country
    if isinstance(country, list):  # corridors crossing several states
        country = country[0] if country else None
    return Location(name=place.name or name, country=country, lat=place.lat, lon=place.lon)


def _phrase(tok: Any) -> str:
    """The words of a prepositional object without determiners ('the Termez training ground')."""
    toks = [t for t in tok.subtree if t.dep_ not in ("det", "punct", "prep", "pobj") or t is tok]
    toks = [t for t in toks if t.i <= tok.i]
    return " ".join(t.text for t in toks)


def find_place(parse: Any, sent: Any, sa: Any, catalogue: Any) -> Location | None:
    """The first place named after 'in/at/near' in the sentence, or None.

    A catalogue place gives coordinates and country; a state named there gives its country;
    any other GPE the statistical model found gives a name only.
    """
    for top in parse:
        if top.dep_ != "pobj" or top.head.lower_ not in PLACE_PREPS:
            continue
        for tok in _place_words(top):
            found = _locate(tok, sa, catalogue)
            if found is not None:
                return found
    return None


def clause_place(trigger: Any, sa: Any, catalogue: Any) -> Location | None:
    """The place named in the trigger's own clause, or None.

    'Officials in Baku said the summit would take place in Bishkek': Bishkek for the summit. An
    event noun looks in its own phrase, then in the clause of the verb it belongs to.
    """
    heads = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head is not trigger:
        heads.append(trigger.head)
    for head in heads:
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in PLACE_PREPS:
                continue
            for top in (p for p in c.children if p.dep_ == "pobj"):
                for tok in _place_words(top):
                    found = _locate(tok, sa, catalogue)
                    if found is not None:
                        return found
    return None


def visited_place(trigger: Any, catalogue: Any) -> Location | None:
    """The place a visit goes to ('will visit Tashkent', 'travelled to Samarkand')."""
    objs = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    objs += [
        p
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ in ("to", "in")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for obj in objs:
        for name in (_phrase(obj), obj.text):
            place = catalogue_place(catalogue, name)
            if place is not None:
                return _to_location(place, name)
    return None


def _place_words(top: Any) -> list[Any]:
    """The object of 'in/at' and the places nested in it ('in a sector of eastern Beirut')."""
    out, tok = [top], top
    for _ in range(3):
        nxt = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("of", "in")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if not nxt:
            break
        tok = nxt[0]
        out.append(tok)
    return out


def _locate(tok: Any, sa: Any, catalogue: Any) -> Location | None:
    if True:
        name = _phrase(tok)
        place = catalogue_place(catalogue, name) or catalogue_place(catalogue, tok.text)
        if place is not None:
            return _to_location(place, name)
        actor = sa.by_token.get(tok.i)
        if actor is not None:
            entry = catalogue.get(actor)
            if entry is not None and entry.kind == "state":
                return Location(name=entry.name, country=entry.id)
            country = catalogue.country_of(actor) if entry is not None and entry.kind != "person" else None
            if country and entry is not None and tok.ent_type_ in PLACE_LABELS:
                return Location(name=name, country=country)
            return None
        if tok.ent_type_ in PLACE_LABELS:
            return Location(name=name, country=None)
    return None
