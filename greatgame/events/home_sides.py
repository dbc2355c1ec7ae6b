"""Sides of a home affair or a clash that the clause leaves open: the country it happens in, the other side.

* ``domestic_source``: a home affair with no named doer ("516 people had been detained") is the
  act of the country of its target, of the one state the sentence names, or of the story's country.
* ``home_target``: a home affair with no named target happens where it takes place, where foreign
  forces or aid arrive (the one other state the sentence names outside the clause, else the
  story's country), or at the doer's home.
* ``opponent``: the other side of a clash or truce.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from greatgame.events.participants import SentenceActors, Side
from greatgame.events.story import Story
from greatgame.events.triggers import Trigger

logger = logging.getLogger(__name__)

Country = Callable[[str], "str | None"]


def opponent(src: Side, countries: list[str], sa: SentenceActors, story: Story, country: Country,
             clash: bool) -> Side:  # fmt: skip
    """The other side of a clash or truce: another state the sentence names, else the story's pair.

    The story's pair only for a clash or truce as such ("fighting in April", "a truce"), not
    for one side's act ("attackers were killed").
    """
    mine = set(src.ids) | set(countries)
    named = [country(a) for t in sorted(sa.by_token) for a in sa.ids_at(t)]
    others = [c for c in dict.fromkeys(c for c in named if c) if c not in mine]
    if len(others) == 1:
        return Side(others, "parse")
    for pair in reversed(story.pairs if clash else []):
        states = [country(a) or a for a in pair]
        if mine & set(states):
            rest = [a for a in dict.fromkeys(states) if a not in mine]
            if rest:
                return Side(rest, "story")
    return Side([], "none")


def home_target(trig: Trigger, src: Side, place: Any, story: Story, home: str | None, sa: SentenceActors | None,
                country: Country) -> Side:  # fmt: skip
    """A home affair's target (see the module docstring); ``home``: the story's country, if it has one."""
    own = [c for c in (country(a) for a in src.ids) if c]
    if place is not None and place.country:
        return Side([place.country], "place")
    if trig.type in ("MOBILIZE", "AID", "RETREAT"):
        inside = {t.i for t in trig.token.subtree}  # the forces' own description: "troops, most of them Russian"
        named = [country(a) or a for i, a in sa.by_token.items() if i not in inside] if sa is not None else []
        others = [c for c in dict.fromkeys(named) if c not in own + src.ids]
        if len(others) == 1 and home:  # "Tajik President X ordered ... after Afghan soldiers fled across it"
            return Side(others, "parse")
        if home and home not in own + src.ids:
            return Side([home], "story")  # "Russian paratroopers landed" in a story from Almaty
    if own:
        return Side(own[:1], "place")
    where = [c for c in story.where() if c not in src.ids]
    return Side(where[:1], "story" if where else "none")


def domestic_source(tgt: Side, sa: SentenceActors, story: Story, country: Country, fight: bool = False) -> Side:
    """A home affair with no named doer: the country of the target, or the one state named.

    Fighting with no doer between two named states ("clashes in X's region bordering Y") is
    between them.
    """
    countries = {country(a) for a in tgt.ids} - {None}
    if len(countries) == 1:
        return Side(list(countries), "place")
    named = list(dict.fromkeys(c for c in (country(a) for a in sa.by_token.values()) if c))
    if len(named) == 1:
        return Side(named, "place")
    if fight and len(named) == 2:
        return Side(named, "pair")
    if not named and story.where():  # "516 people had been detained": the story's country
        return Side(story.where()[:1], "place")
    return Side([], "none")
