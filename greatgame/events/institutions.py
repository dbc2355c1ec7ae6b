"""State bodies named without their state: "the Interior Ministry said", "a Moscow court charged".

A ministry, the authorities, the police or a court with no state in its phrase belong to the
city named in the phrase ("a Moscow court" -> RUS) or, failing that, to the story's home country.
Likewise "the bloc", "the alliance" or "a Russian-led alliance" with no name of its own is the
story's organisation. The coder lays that actor onto the body's head word, so that source,
target and speaker see it.
"""

from __future__ import annotations

import logging
from typing import Any

from greatgame.events.lexicon import load_data
from greatgame.events.participants import SentenceActors
from greatgame.events.places import catalogue_place

logger = logging.getLogger(__name__)


def _words(key: str) -> set[str]:
    return {w.lower() for w in load_data("institutions.yaml")[key]}


BODIES = _words("bodies")
FOREIGN = _words("foreign")
ORG_NOUNS = _words("organisations")


def mark_institutions(
    parse: Any, sa: SentenceActors, home: str | None, catalogue: Any, org: str | None = None
) -> None:
    """Give every state body of the sentence with no actor in its phrase its state (the bloc its org)."""
    if org:
        _mark_org(parse, sa, org)
    for tok in parse:
        if tok.lower_ not in BODIES or tok.pos_ not in ("NOUN", "PROPN") or tok.i in sa.by_token:
            continue
        if tok.dep_ in ("compound", "amod", "poss") or sa.np_actors(tok):
            continue  # "Interior Ministry officials": the head word carries it
        if any(c.dep_ == "poss" or c.lower_ in FOREIGN for c in tok.children):
            continue  # "its parliament", "Western governments": not the home state's
        state = _city_state(tok, catalogue) or home
        if state:
            sa.by_token[tok.i] = state


def _city_state(tok: Any, catalogue: Any) -> str | None:
    """The country of a city in the body's phrase ('a Moscow court', 'police in Almaty')."""
    words = [c for c in tok.children if c.dep_ in ("compound", "nmod")]
    words += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children]
    for w in words:
        place = catalogue_place(catalogue, w.text)
        country = getattr(place, "country", None) if place is not None else None
        if isinstance(country, list):
            country = country[0] if country else None
        if country:
            return country
    return None


def _mark_org(parse: Any, sa: SentenceActors, org: str) -> None:
    """'The bloc had failed', 'troops from a Russian-led alliance': the story's organisation.

    Only a phrase with the definite article, or one described as led by someone ("Russian-led"),
    and no actor named in it otherwise ("the alliance of X and Y" names its own).
    """
    for tok in parse:
        if tok.lower_ not in ORG_NOUNS or tok.pos_ not in ("NOUN", "PROPN") or tok.i in sa.by_token:
            continue
        if tok.dep_ == "compound" or any(c.dep_ == "amod" and c.lower_ in FOREIGN for c in tok.children):
            continue  # "alliance members", "the Western alliance": not the story's organisation
        led = any(c.dep_ in ("amod", "compound") and _led(c) for c in tok.children)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        if led or (definite and not sa.np_actors(tok)):
            sa.by_token[tok.i] = org


def _led(tok: Any) -> bool:
    """'Russian-led', 'China-led': a compound adjective ending in 'led'."""
    return tok.lower_ == "led" or tok.lower_.endswith("-led") or any(c.lower_ == "led" for c in tok.children)
