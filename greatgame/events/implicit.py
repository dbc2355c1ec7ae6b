"""Targets a clause implies without naming them in the trigger's own phrases.

* What a judgement or a demand is about, told in a complement clause ("X questioned why
  Kazakhstan needed outside help": Kazakhstan);
* the possessor of a relational subject ("Afghanistan's neighbours tightened their borders");
* the people of a country named only by what they do ("rejected talks with the protesters",
  "urged voters to reject the plan"): the doer's own country, unless the phrase names another;
  as the doers ("voters approved the plan"), the country where the story happens.

Both come before the story's fallback target, which guesses from the rest of the document.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from greatgame.events.lexicon import load_data
from greatgame.events.participants import SentenceActors, Side
from greatgame.events.syntax import subject_token

logger = logging.getLogger(__name__)

COMPLEMENT_DEPS = {"ccomp"}
NESTED = {"relcl", "acl", "advcl", "appos"}


@functools.lru_cache(maxsize=1)
def population_nouns() -> frozenset[str]:
    """Nouns that name the people of a country by what they do ('protesters', 'voters')."""
    return frozenset(str(w).lower() for w in load_data("implicit.yaml")["population_nouns"])


def complement_target(tok: Any, sa: SentenceActors, source: list[str]) -> Side:
    """The actor a complement clause of the trigger is about: its subject first, else its first actor.

    "questioned why Kazakhstan needed outside help" -> Kazakhstan. Only a clause governed by the
    trigger itself, never a relative or adverbial clause (another event's).
    """
    for comp in (c for c in tok.children if c.dep_ in COMPLEMENT_DEPS):
        subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        ids = [a for a in (sa.np_with_conj(subj) if subj is not None else []) if a not in source]
        if ids:
            return Side(ids, "parse")
    return Side([], "none")


def population_target(tok: Any, sa: SentenceActors, home: list[str]) -> Side:
    """The doer's country for an act aimed at its own people ('rejected talks with the protesters').

    The people must be named in the trigger's objects (a direct object, an object of a preposition,
    an infinitive's subject) and their phrase names no actor of its own.
    """
    if not home:
        return Side([], "none")
    for obj in _objects(tok):
        words = [t for t in obj.subtree if t.dep_ not in NESTED]
        if any(t.i in sa.by_token for t in words):
            continue
        if any(t.lower_ in population_nouns() and t.pos_ in ("NOUN", "PROPN") for t in words):
            return Side(home[:1], "place")
    return Side([], "none")


def population_source(subj: Any, sa: SentenceActors, where: list[str], act: Any = None) -> Side:
    """'Voters approved the plant', '71% of voters backed it': the country where it happens."""
    words = [t for t in subj.subtree if t.dep_ not in NESTED]
    if not where or any(t.i in sa.by_token for t in words):
        return Side([], "none")
    if any(t.lower_ in population_nouns() and t.pos_ in ("NOUN", "PROPN") for t in words):
        return Side(where[:1], "people")
    if any(_who_voted(t, act) for t in words):  # "71% of those who took part in the referendum backed it"
        return Side(where[:1], "people")
    return Side([], "none")


@functools.lru_cache(maxsize=1)
def ballot_words() -> frozenset[str]:
    """Words of a poll ('referendum', 'voted'): who took part in one are the voters."""
    return frozenset(str(w).lower() for w in load_data("implicit.yaml")["ballot_words"])


def _who_voted(tok: Any, act: Any) -> bool:
    """'those who took part in the referendum', 'people who voted': a pronoun or 'people' defined by a poll.

    Not for the act of the relative clause itself (the taking part is no act of the country).
    """
    if tok.lower_ not in ("those", "people", "everyone"):
        return False
    rel = [c for c in tok.children if c.dep_ == "relcl"]
    if any(act is not None and act in r.subtree for r in rel):
        return False
    return any(w.lower_ in ballot_words() for r in rel for w in r.subtree)


TOPIC_PREPS = {("as", "for"), ("as", "to")}


def topic_source(subj: Any, sa: SentenceActors) -> Side:
    """'As for Dushanbe, it has hosted ...': the pronoun subject is the topic the sentence opens with."""
    if subj.lower_ not in ("it", "they"):
        return Side([], "none")
    first = subj.sent[0]
    nxt = subj.doc[first.i + 1] if first.i + 1 < subj.sent.end else None
    if nxt is None or (first.lower_, nxt.lower_) not in TOPIC_PREPS:
        return Side([], "none")
    obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    ids = sa.np_with_conj(obj) if obj is not None and obj.i < subj.i else []
    return Side(ids, "pronoun" if ids else "none")


def fought_with_side(tok: Any, fought: list[str], sa: SentenceActors, country: Any) -> Side:
    """'Bishkek cancelled ... after the clashes with Tajikistan': the state of the governing clause's subject.

    Only for a fight 'with' a named side, and only when that subject is of one other state.
    """
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep" or not any(c.lower_ == "with" for c in tok.children):
        return Side([], "none")
    subj = subject_token(prep.head)[0]
    named = {country(a) for a in sa.np_with_conj(subj)} - {None, *fought} if subj is not None else set()
    return Side(list(named), "parse") if len(named) == 1 else Side([], "none")


def _objects(tok: Any) -> list[Any]:
    out = [c for c in tok.children if c.dep_ in ("dobj", "dative", "obj")]
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def deontic_source(tok: Any, sa: SentenceActors, spk: list[str]) -> Side:
    """'X concluded/said that Y must ...': X makes the demand."""
    if spk:
        return Side(list(spk), "speaker")
    subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    ids = sa.np_with_conj(subj) if subj is not None else []
    return Side(ids, "parse" if ids else "none")


@functools.lru_cache(maxsize=1)
def arrangement_nouns() -> frozenset[str]:
    """Nouns of arrangements between parties ('partnership', 'recognition'): see implicit.yaml."""
    return frozenset(str(w).lower() for w in load_data("implicit.yaml")["arrangement_nouns"])


def arrangement_subject(subj: Any, sa: SentenceActors) -> bool:
    """'The partnership would bring ...', 'official recognition would give ...': an arrangement naming no party."""
    if subj.lemma_.lower() not in arrangement_nouns() and subj.lower_ not in arrangement_nouns():
        return False
    return not any(t.i in sa.by_token for t in subj.subtree)


def care_source(tok: Any, tgt: list[str], country: Any) -> Side:
    """'People on the Kyrgyz side were evacuated': with no agent, the country of the people cared for."""
    care = {str(w).lower() for w in load_data("implicit.yaml")["care_verbs"]}
    if tok.lemma_.lower() not in care or not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return Side([], "none")
    states = {country(a) or a for a in tgt}
    return Side(list(states), "people") if len(states) == 1 else Side([], "none")  # a home affair: at home


def possessor_target(tok: Any, sa: SentenceActors, source: list[str]) -> Side:
    """'Afghanistan's northern neighbours tightened their borders': aimed at the possessor, Afghanistan."""
    subj = subject_token(tok)[0]
    relational = {str(w).lower() for w in load_data("implicit.yaml")["relational_nouns"]}
    if subj is None or subj.lower_ not in relational:
        return Side([], "none")
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    ids = [a for a in sa.np_with_conj(owner) if a not in source] if owner is not None else []
    return Side(ids, "parse" if ids else "none")


NEIGHBOURING = {"neighbouring", "neighboring", "adjacent"}


def neighbouring_country(tok: Any, sa: SentenceActors, exclude: set[str], country: Any) -> Side:
    """'... from the border with Afghanistan, as fighters pressed across the north of the neighbouring country'.

    A phrase 'the neighbouring country' among the trigger's objects is the last state named before it
    in the sentence that is not one of the doers' or the story's own (``exclude``).
    """
    for obj in (t for o in _objects(tok) for t in o.subtree):
        if obj.lower_ not in ("country", "state") or not any(c.lower_ in NEIGHBOURING for c in obj.children):
            continue
        before = [country(a) or a for i, a in sorted(sa.by_token.items()) if i < obj.i]
        states = [c for c in before if c not in exclude and c.isupper() and len(c) == 3]
        if states:
            return Side(states[-1:], "parse")
    return Side([], "none")
