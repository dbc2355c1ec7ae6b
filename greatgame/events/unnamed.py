"""Parties a clause leaves unnamed, found in the story or in the rest of the sentence.

* An event noun that is the subject of a clause saying it takes place, with no doer named
  ("Construction could begin later this year", "Talks on the financing will continue",
  "Full membership in the EAEU is not on the agenda" is no such clause): a step of the story's
  own business.
  Whoever says so does it when the clause is reported ("Kyrgyz officials say construction could
  begin": Kyrgyzstan); else the country the story happens in (its dateline). The target is then
  the story's counterpart, as for any act with no named target.
* A clash named as a reference point ("after the fighting", "a dispute that led to deadly
  clashes in 2021"): a bounded happening of the story, fought by the parties of the story's
  latest clash, else by the two states of its latest bilateral event.
* A hostile act aimed at a named place ("bandits attacked Almaty"), or judged ("praised the
  reconstruction of Shusha"): the country of that place.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from greatgame.events.lexicon import load_data
from greatgame.events.participants import SentenceActors, Side
from greatgame.events.places import catalogue_place
from greatgame.events.triggers import Trigger, lemma

logger = logging.getLogger(__name__)

STORY_NOUN_TYPES = {"CONSULT", "COOPERATE", "AGREE", "AID"}
REFERENCE_PREPS = {"after", "since", "before", "during", "following", "amid", "until"}
OUTCOME_VERBS = {"lead", "result", "escalate", "spiral", "descend", "erupt", "turn"}


@functools.lru_cache(maxsize=1)
def happening_verbs() -> frozenset[str]:
    """Verbs that say an event named by their subject takes place ('talks will continue')."""
    return frozenset(str(w).lower() for w in load_data("implicit.yaml")["happening_verbs"])


def story_noun_source(trig: Trigger, sa: SentenceActors, spk: list[str], home: str | None) -> Side:
    """The doer of an event noun subject that names no party (see the module docstring)."""
    tok = trig.token
    if trig.kind != "noun" or trig.type not in STORY_NOUN_TYPES or tok.dep_ not in ("nsubj", "nsubjpass"):
        return Side([], "none")
    verbs = [tok.head, *(c for c in tok.head.children if c.dep_ == "xcomp")]  # "are expected to last"
    if not any(lemma(v) in happening_verbs() for v in verbs):  # "the treaty covers ...": no step taken
        return Side([], "none")
    if spk:
        return Side(list(spk), "speaker")
    return Side([home], "place") if home else Side([], "none")


def reference_point(tok: Any) -> bool:
    """A noun that dates or explains another clause: 'after the fighting', 'led to clashes'."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    prep = tok.head
    return prep.lower_ in REFERENCE_PREPS or (prep.lower_ in ("to", "in") and lemma(prep.head) in OUTCOME_VERBS)


def story_fight_source(trig: Trigger, sa: SentenceActors, fights: list[list[str]], pair: list[str],
                       country: Any) -> Side:  # fmt: skip
    """The side that fought a clash named as a reference point with no party named."""
    tok = trig.token
    if trig.kind != "noun" or trig.type != "FIGHT" or not reference_point(tok):
        return Side([], "none")
    if any(t.i in sa.by_token for t in tok.subtree):
        return Side([], "none")
    if fights:
        return Side(fights[-1][:1], "story")
    states = {country(a) or a for a in pair}
    if len(pair) == 2 and len(states) == 2:  # two states (or their leaders) at odds over the clash
        return Side(pair[:1], "story")
    return Side([], "none")


def judged_place(trig: Trigger, catalogue: Any, countries: list[str]) -> Side:
    """'X praised the reconstruction of Shusha': the country of the place judged."""
    obj = next((c for c in trig.token.children if c.dep_ == "dobj"), None)
    if obj is None or trig.kind != "verb":
        return Side([], "none")
    for tok in obj.subtree:
        if tok.pos_ != "PROPN":
            continue
        place = catalogue_place(catalogue, tok.text)
        country = place.country if place is not None else None
        if isinstance(country, str) and country not in countries:
            return Side([country], "place")
    return Side([], "none")


def aimed_at_place(trig: Trigger, catalogue: Any, countries: list[str]) -> Side:
    """A hostile act aimed at a named place ('attacked Almaty', 'against centres in Kyiv'): its country."""
    verbs = [trig.token, *(c for c in trig.token.children if c.dep_ == "xcomp")]
    places = [[c] for v in verbs for c in v.children if c.dep_ == "dobj"]  # the object itself is the place
    places += [list(p.subtree) for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ == "against"]
    for toks in places:
        for tok in toks:
            place = catalogue_place(catalogue, tok.text) if tok.pos_ == "PROPN" else None
            country = getattr(place, "country", None)
            if isinstance(country, str) and country not in countries:
                return Side([country], "place")
    return Side([], "none")
