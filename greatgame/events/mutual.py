"""Events between the parties of one subject: 'X and Y met', 'both leaders pledged', 'X and Y led the talks'.

``reciprocal`` makes the first named party the source and the others the target; ``not_a_place``
keeps the place where they met from becoming their counterpart.
"""

from __future__ import annotations

import logging
from typing import Any

from greatgame.events.participants import SentenceActors, Side
from greatgame.events.syntax import child, counted_words, subject_token
from greatgame.events.triggers import Trigger, lemma

logger = logging.getLogger(__name__)

SYMMETRIC = {"meet", "talk", "discuss", "negotiate", "agree", "sign", "clash", "fight", "cooperate", "consult",
             "exchange", "trade", "confer", "hold"}  # fmt: skip
MEETING_VERBS = {"attend", "participate", "take", "join", "host", "gather", "convene", "chair", "represent"}
MEETING_NOUNS = {"summit", "meeting", "session", "talks", "forum", "conference", "gathering", "ceremony",
                 "negotiations", "consultations", "summits", "meetings"}  # fmt: skip


def _said_of_two(tok: Any) -> bool:
    """The clause's subject speaks of two ('both leaders', 'the two sides')."""
    subj, _ = subject_token(tok)
    return subj is not None and bool(counted_words(subj.subtree) & {"two", "both"})


def reciprocal(trig: Trigger, src: Side, tgt: Side) -> tuple[Side, Side]:
    """'X and Y met / held talks / clashed': X is the source and Y the target."""
    joint = trig.kind == "noun" or (trig.type in ("AGREE", "CONSULT", "COOPERATE") and _said_of_two(trig.token))
    if src.how == "pair" and joint and not tgt and len(src.ids) == 2:  # "both leaders pledged ..."
        return Side(src.ids[:1], src.how), Side(src.ids[1:], "reciprocal")
    if tgt or len(src.ids) < 2 or trig.kind == "noun" or src.how not in ("parse", "pair"):
        return src, tgt
    talks = trig.type == "CONSULT" and lemma(trig.token) not in MEETING_VERBS and _talks_object(trig.token)
    if lemma(trig.token) not in SYMMETRIC and trig.type != "COOPERATE" and not talks and not (
        trig.pattern.type is None and trig.type in ("CONSULT", "FIGHT")
    ):
        return src, tgt
    return Side(src.ids[:1], src.how), Side(src.ids[1:], "reciprocal")


TALKS_NOUNS = {"talks", "negotiations", "consultations", "dialogue", "conversation", "discussions"}


def _talks_object(tok: Any) -> bool:
    """'X and Y led / began / resumed the talks': talks between them."""
    obj = child(tok, "dobj")
    return obj is not None and obj.lower_ in TALKS_NOUNS


LOCATIVE_PREPS = {"in", "at", "near", "from", "along", "across", "inside", "outside", "around", "within"}


def not_a_place(trig: Trigger, src: Side, tgt: Side, sa: SentenceActors) -> Side:
    """No target for the named parties of a shared act when it is only where they are.

    'X and Y met at a summit in Z', 'began joint exercises near the border with Z': they act with
    each other (``reciprocal``), not with Z.
    """
    if len(src.ids) > 1 and src.how in ("parse", "pair") and tgt.how == "parse" and _shared_act(trig):
        if all(_only_located(trig.token, sa, a) for a in tgt.ids):
            return Side([], "none")
    return tgt


def _shared_act(trig: Trigger) -> bool:
    """A meeting, an agreement or cooperation: something the doers of a plural subject do together."""
    return trig.type in ("CONSULT", "COOPERATE") or (trig.type == "AGREE" and lemma(trig.token) in SYMMETRIC)


def _only_located(tok: Any, sa: SentenceActors, actor: str) -> bool:
    """Every mention of ``actor`` under ``tok`` lies in a phrase of place.

    'met at a summit in Uzbekistan', 'a few kilometres from the border with Z'; not 'at the summit
    of the SCO' (a meeting is no place: its organisation takes part).
    """
    found = False
    for i in sorted(sa.by_token):
        if actor not in sa.ids_at(i):
            continue
        cur, located = sa.parse[i], False
        while cur.head.i != cur.i and cur.i != tok.i:  # (a token is never "is" its head: compare indices)
            if cur.dep_ == "prep" and lemma(cur) in LOCATIVE_PREPS:
                obj = child(cur, "pobj")
                located = located or (obj is not None and obj.lower_ not in MEETING_NOUNS)
            cur = cur.head
        if cur.i != tok.i:
            continue  # not under the trigger
        if not located:
            return False
        found = True
    return found
