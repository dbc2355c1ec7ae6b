"""Sides of an event named by a noun: 'Russia's invasion of Ukraine', 'the meeting of G7 leaders'."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from greatgame.events.syntax import child, first_nonempty, prep_objects
from greatgame.events.triggers import Trigger, lemma

if TYPE_CHECKING:
    from greatgame.events.participants import SentenceActors

logger = logging.getLogger(__name__)


def _noun_sides(tok: Any, sa: SentenceActors) -> tuple[list[str], list[str]]:
    source: list[str] = []
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in sa.by_token:
            pair = _hyphenated(c, sa)
            if pair:  # "the joint Uzbek-Russian exercise": the first named with the other
                return pair[:1], pair[1:]
            source = sa.np_with_conj(c)
            break
    if not source:
        by = prep_objects(tok, ["by"])
        source = sa.np_with_conj(by[0]) if by else []
    if not source and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
        before = [
            a for i, a in sorted(sa.by_token.items()) if i < tok.i
        ]  # "Russia's position ... since its invasion"
        source = before[-1:] if before else []
    preps = ["against", "with", "on", "to", "between", "in"]
    if any(c.dep_ == "poss" for c in tok.children):  # "Russia's invasion of Ukraine"
        preps = ["of", *preps]
    targets = [sa.np_with_conj(o) for o in prep_objects(tok, preps)]
    held = held_in(tok)
    if held is not None:  # "X remains in custody", "kept X in detention": X is the one held
        who = child(held, "dobj") if lemma(held) in ("keep", "hold", "place", "put", "take") else None
        who = who if who is not None else child(held, "nsubj", "nsubjpass")
        targets.insert(0, sa.np_with_conj(who) if who is not None else [])
    return source, first_nonempty(targets, source)


def _hyphenated(mod: Any, sa: SentenceActors) -> list[str]:
    """The actors of a hyphenated modifier naming two parties ('Uzbek-Russian', 'Kyrgyz-Tajik'), in order."""
    parts = [t for t in mod.subtree if t.i in sa.by_token]
    joined = any(t.tag_ == "HYPH" or t.text in ("-", "–") for t in mod.subtree)
    ids = list(dict.fromkeys(sa.by_token[t.i] for t in sorted(parts, key=lambda t: t.i)))
    return ids if joined and len(ids) > 1 else []


HOLDING_VERBS = {"remain", "stay", "be", "keep", "hold", "place", "put", "take"}


def held_in(tok: Any) -> Any:
    """The verb of 'remains in custody' / 'was placed under arrest' for an event noun, or None."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "under", "into"):
        return None
    verb = tok.head.head
    return verb if lemma(verb) in HOLDING_VERBS and verb.pos_ in ("VERB", "AUX") else None


ADDRESSING = {"tell", "assure", "inform", "ask", "urge", "remind", "promise", "thank"}


def _addressed_at(tok: Any, sa: SentenceActors) -> tuple[list[str], list[str]]:
    """'X told Y at their meeting that ...': the meeting is X's with Y."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "during"):
        return [], []
    verb = tok.head.head
    if lemma(verb) not in ADDRESSING:
        return [], []
    subj, obj = child(verb, "nsubj"), child(verb, "dobj", "dative")
    if subj is None or obj is None:
        return [], []
    src, tgt = sa.np_with_conj(subj), sa.np_with_conj(obj)
    return (src, tgt) if src and tgt else ([], [])


def noun_trigger_sides(trig: Trigger, sa: SentenceActors) -> tuple[list[str], list[str]]:
    """Source and target ids of an event noun (its possessor, 'by' and 'of' phrases, objects)."""
    if trig.type == "CONSULT":
        src, tgt = _addressed_at(trig.token, sa)
        if src:
            return src, tgt
    src, tgt = _noun_sides(trig.token, sa)
    if not src and trig.type == "CONSULT":  # "the meeting of G7 leaders": theirs
        of = prep_objects(trig.token, ["of"])
        src = sa.np_with_conj(of[0]) if of else []
        tgt = [a for a in tgt if a not in src]
    if not src and trig.mode == "exercise":  # "the joint exercise of the armies of X, Y and Z": theirs
        of = prep_objects(trig.token, ["of"])
        src = (sa.np_with_conj(of[0]) or sa.subtree_actors(of[0], set())) if of else []
        tgt = [a for a in tgt if a not in src]
        if len(src) > 1 and not tgt:  # a joint act: the first named with the others
            src, tgt = src[:1], src[1:]
    if not src and trig.pattern.target_preps:  # "the withdrawal of Russian troops from X": theirs, away from X
        of = prep_objects(trig.token, ["of"])
        src = sa.np_with_conj(of[0]) if of else []
        moved = [sa.np_with_conj(o) for o in prep_objects(trig.token, trig.pattern.target_preps)]
        tgt = [a for a in first_nonempty(moved, tgt) if a not in src]
    return src, tgt
