"""State bodies named without their state: "the Interior Ministry said", "a Moscow court charged".

A ministry, the authorities, the police or a court with no state in its phrase belong to the
city named in the phrase ("a Moscow court" -> RUS) or, failing that, to the story's home country.
The coder lays that state onto the body's head word, so that source, target and speaker see it.
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


def mark_institutions(parse: Any, sa: SentenceActors, home: str | None, catalogue: Any) -> None:
    """Give every state body of the sentence with no actor in its phrase its state."""
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
