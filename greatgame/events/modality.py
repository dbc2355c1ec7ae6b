"""Modality (asserted, reported, planned, hypothetical, negated) and attribution of an event."""

from __future__ import annotations

import logging
from typing import Any

from greatgame.events.lexicon import Lexicon
from greatgame.events.participants import SentenceActors, child
from greatgame.events.triggers import Trigger, forms, lemma, under_speech

logger = logging.getLogger(__name__)

HYPO_AUX = {"would", "could", "might", "may", "can"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
NEXT_WORDS = {"next", "upcoming", "forthcoming"}


def speaker(tok: Any, sa: SentenceActors, lex: Lexicon) -> tuple[list[str], Any]:
    """Actors who say the clause holding ``tok`` ('X said ...', 'according to X'), and the verb."""
    verb = under_speech(tok, lex) or _claimed(tok)
    if verb is not None:
        subj = child(verb, "nsubj", "nsubjpass")
        if subj is not None:
            ids = sa.np_with_conj(subj) or sa.subtree_actors(subj, set())[:1]
            return ids, verb
        agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
        if agent:
            return sa.np_with_conj(agent[0]), verb
        return [], verb
    for t in tok.doc:
        if t.lower_ == "according" and t.i + 1 < len(tok.doc) and tok.doc[t.i + 1].lower_ == "to":
            obj = child(tok.doc[t.i + 1], "pobj")
            if obj is not None:
                return sa.np_with_conj(obj) or sa.subtree_actors(obj, set())[:1], t
            return [], t
    return [], None


CHARGING = {"accuse", "blame", "charge"}
CLAIMING = {"claim"}


def _claimed(tok: Any) -> Any:
    """The verb of a charge or a claim the event is the content of.

    'X accused Y of shelling Z' (the shelling is X's account), 'X claimed the attack'.
    """
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ == "of":
        verb = tok.head.head
        return verb if lemma(verb) in CHARGING else None
    cur = tok
    for _ in range(3):  # 'claimed (responsibility for) the attack'
        if cur.dep_ not in ("dobj", "pobj", "prep") or cur.head is cur:
            return None
        cur = cur.head
        if cur.pos_ == "VERB":
            return cur if lemma(cur) in CLAIMING and tok.pos_ == "NOUN" else None
    return None


def _governors(tok: Any, depth: int = 4) -> list[Any]:
    out, cur = [], tok
    for _ in range(depth):
        if cur.dep_ in ("xcomp", "ccomp", "acomp", "pcomp") and cur.head is not cur:
            cur = cur.head
            out.append(cur)
        else:
            break
    return out


def _negated(trig: Trigger) -> bool:
    tok = trig.token
    if trig.kind == "deontic":  # "X should not hesitate": the demand is made all the same
        return False
    if (
        trig.type == "REJECT"
        and trig.kind == "verb"
        and lemma(tok) in ("refuse", "reject", "decline", "fail", "deny")
    ):
        return any(c.dep_ == "neg" for c in tok.children)
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children):
        return True
    obj = child(tok, "dobj", "nsubjpass")
    if obj is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
        return True
    return False


def modality(trig: Trigger, speaker_ids: list[str], lex: Lexicon) -> str:
    """The contract's modality of the event this trigger reports."""
    tok = trig.token
    if _negated(trig):
        return "negated"
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    govs = _governors(tok)
    gov_lemmas = {f for g in govs for f in forms(g)}
    for g in govs:
        auxes |= {c.lower_ for c in g.children if c.dep_ in ("aux", "auxpass")}
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    if tok.dep_ == "advcl":
        marks |= {c.lower_ for c in tok.children if c.dep_ == "mark"}
    hypo_heads = set(lex.modality["hypothetical_heads"])
    if marks & set(lex.modality["hypothetical_marks"]) or gov_lemmas & hypo_heads:
        return "hypothetical"
    if trig.kind == "noun" and any(c.dep_ == "amod" and c.lower_ in NEXT_WORDS for c in tok.children):
        return "planned"  # "the next summit is due in X"
    if "would" in auxes and _future_in_past(tok, lex):  # "agreed that the summit would be held in X"
        auxes = (auxes - {"would"}) | {"will"}
    if not trig.intent and auxes & HYPO_AUX:
        return "hypothetical"
    planned_heads = set(lex.modality["planned_heads"]) - {"announce", "decide"}
    if not trig.intent and (auxes & FUTURE_AUX or gov_lemmas & planned_heads or _is_to(tok)):
        return "planned"
    if speaker_ids:
        return "reported"
    return "asserted"


def _future_in_past(tok: Any, lex: Lexicon) -> bool:
    """'would' in a clause someone said, agreed or announced: the future seen from then."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "ccomp":
            return lemma(cur.head) in set(lex.modality["speech_verbs"]) | {
                "agree",
                "decide",
                "expect",
                "hope",
            }
        if cur.dep_ not in ("xcomp", "conj") or cur.head is cur:
            return False
        cur = cur.head
    return False


def _is_to(tok: Any) -> bool:
    """'X is to visit Y' / 'X is due to visit Y' / 'X is going to ...'."""
    if tok.dep_ != "xcomp":
        return False
    head = tok.head
    return lemma(head) in ("be", "due", "go", "set", "schedule") and any(
        c.lower_ == "to" for c in tok.children
    )
