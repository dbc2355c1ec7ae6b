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
    verb = under_speech(tok, lex) or claimed(tok)
    if verb is not None:
        subj = child(verb, "nsubj", "nsubjpass")
        if subj is not None:
            ids = sa.np_with_conj(subj) or sa.subtree_actors(subj, set())[:1]
            return ids, verb
        agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
        if agent:
            return sa.np_with_conj(agent[0]), verb
        return [], verb
    noun = _speech_noun(tok, lex)
    if noun is not None:  # "X published a statement that ...", "X's claim that ..."
        holder = child(noun, "poss") or (child(noun.head, "nsubj") if noun.dep_ == "dobj" else None)
        if holder is None:
            return [], noun
        return sa.np_with_conj(holder) or sa.subtree_actors(holder, set())[:1], noun
    for t in tok.doc:
        if t.lower_ == "according" and t.i + 1 < len(tok.doc) and tok.doc[t.i + 1].lower_ == "to":
            obj = child(tok.doc[t.i + 1], "pobj")
            if obj is not None:
                return sa.np_with_conj(obj) or sa.subtree_actors(obj, set())[:1], t
            return [], t
    return [], None


def _speech_noun(tok: Any, lex: Lexicon) -> Any:
    """The noun of saying ('statement', 'claim') whose 'that' clause holds ``tok``, or None."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("acl", "ccomp") and cur.head.pos_ == "NOUN":
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in cur.children):
                return cur.head if lemma(cur.head) in set(lex.modality["speech_nouns"]) else None
            return None
        if cur.dep_ not in ("conj", "xcomp") or cur.head is cur:
            return None
        cur = cur.head
    return None


CHARGING = {"accuse", "blame", "charge"}
CLAIMING = {"claim"}


def claimed(tok: Any) -> Any:
    """The verb of a charge or a claim the event is the content of.

    'X accused Y of shelling Z' (the shelling is X's account), 'X claimed the attack'.
    """
    if tok.dep_ == "pcomp" and tok.head.lower_ == "of" and tok.head.dep_ in ("prep", "conj"):
        prep = tok.head
        while prep.dep_ == "conj" and prep.head.lower_ == "of":  # "accused X of using ... and of shelling"
            prep = prep.head
        verb = prep.head
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
    if trig.intent and trig.type == "AGREE" and trig.token.dep_ == "xcomp":
        return False  # "they do not intend to close the border": the negation made it an assurance
    if (
        trig.type == "REJECT"
        and trig.kind == "verb"
        and lemma(tok) in ("refuse", "reject", "decline", "fail", "deny")
    ):
        return any(c.dep_ == "neg" for c in tok.children)
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children):
        return True
    if tok.dep_ == "acl" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.head.children):
        return True  # "in no hurry to recognise X"
    obj = child(tok, "dobj", "nsubjpass")
    if obj is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
        return True
    subj = child(tok, "nsubj", "nsubjpass")
    if subj is not None and (subj.left_edge.lower_ == "neither" or any(c.lower_ == "neither" for c in subj.children)):
        return True  # "Neither X nor Y was selected", "Neither South Korea's KHNP nor ..."
    return (
        tok.dep_ == "xcomp"
        and lemma(tok.head) in INTENDING
        and any(c.dep_ == "neg" for c in tok.head.children)
    )


def _abstained(tok: Any, lex: Lexicon) -> bool:
    """'refrained from condemning Y', 'abstained on votes condemning Y': the act was not done."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("pcomp", "pobj", "prep", "acl", "xcomp") or cur.head is cur:
            return False
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return lemma(cur) in set(lex.modality["abstention_heads"])
    return False


INTENDING = {"intend", "plan", "want", "mean", "seek", "aim"}  # "do not intend to threaten": no threat


def modality(
    trig: Trigger, speaker_ids: list[str], lex: Lexicon, said_by: Any = None, source_ids: Any = ()
) -> str:
    """The contract's modality of the event this trigger reports.

    ``said_by`` is the verb of saying whose content the trigger is (or None), ``source_ids`` the
    doers of the event: a clause someone is said to have said is reported even when the speaker is
    named by a title or a pronoun ('the Head of State stressed that ...').
    """
    if _negated(trig) or _abstained(trig.token, lex):
        return "negated"
    tok = _clause_verb(trig)
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")} | _when_of(tok)
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
    if trig.kind == "noun" and any(c.dep_ == "amod" and c.lower_ in NEXT_WORDS for c in trig.token.children):
        return "planned"  # "the next summit is due in X"
    if "would" in auxes and _future_in_past(tok, lex):  # "agreed that the summit would be held in X"
        auxes = (auxes - {"would"}) | {"will"}
    if not trig.intent and auxes & HYPO_AUX:
        return "hypothetical"
    planned_heads = set(lex.modality["planned_heads"]) - {"announce", "decide"}
    if not trig.intent and (auxes & FUTURE_AUX or gov_lemmas & planned_heads or _is_to(tok)):
        return "planned"
    saying = said_by is not None and lemma(said_by) in set(lex.modality["speech_verbs"]) | set(
        lex.modality["speech_nouns"]
    )
    if _plain_saying(trig, lex):  # "Pashinyan said the alliance had failed ...": his reproach, as he put it
        return "reported"
    if not speaker_ids and not saying:  # "men accused of the attack": the attack itself is no one's account
        return "reported" if _claim(trig) else "asserted"
    if _own_speech_act(trig) or _aside(tok, said_by) or _joined(tok, said_by):  # "X said ..., accusing Y"
        return "asserted"
    if lemma(said_by) in ANNOUNCING and source_ids and set(source_ids) <= set(speaker_ids):
        return "asserted"  # "Russia announced that it had recognised X": the announcement is the act
    return "reported"


ANNOUNCING = {"announce", "declare", "proclaim"}
TIME_LINKS = {"before", "after", "until", "till", "when", "while", "once"}
SPEECH_ACT_TYPES = {"DISAPPROVE", "SUPPORT", "DEMAND", "REJECT", "THREATEN"}


def _clause_verb(trig: Trigger) -> Any:
    """The word whose tense and mood are the event's.

    An event noun's verb when the noun is its subject or object ('the summit would take place in
    X'), else the trigger itself.
    """
    tok = trig.token
    if (
        trig.kind == "noun"
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
        and tok.head.pos_ in ("VERB", "AUX")
    ):
        return tok.head
    return tok


def _when_of(tok: Any) -> set[str]:
    """The future of the clause a time clause belongs to ('will travel to X before flying to Y')."""
    head = None
    if tok.dep_ == "pcomp" and tok.head.lower_ in TIME_LINKS:
        head = tok.head.head
    elif tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_LINKS for c in tok.children):
        head = tok.head
    if head is None or head.pos_ not in ("VERB", "AUX"):
        return set()
    return {c.lower_ for c in head.children if c.dep_ == "aux"} & FUTURE_AUX


def _own_speech_act(trig: Trigger) -> bool:
    """A participle of speaking next to what was said: 'said X, accusing Y of Z', '..., calling for Z'."""
    tok = trig.token
    return (
        trig.kind == "verb"
        and trig.type in SPEECH_ACT_TYPES
        and tok.tag_ == "VBG"
        and tok.dep_ in ("advcl", "conj")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)
    )


def _plain_saying(trig: Trigger, lex: Lexicon) -> bool:
    """An event coded on a verb that only says ('said', 'saying'), made of the clause said.

    'X said the bloc had failed Y', '..., saying the alliance had not helped': the verb names no
    act of its own (unlike 'accused', 'praised'), so the event is what X said: reported.
    """
    tok, cur = trig.token, trig.content
    if trig.kind != "verb" or cur is None:
        return False
    while cur.dep_ == "conj" and cur.head is not cur:  # "said that A ... but that B were behind it"
        cur = cur.head
    return cur.dep_ == "ccomp" and cur.head.i == tok.i and lemma(tok) in set(lex.modality["plain_speech_verbs"])


def _aside(tok: Any, said_by: Any) -> bool:
    """A relative clause inside what was said: the writer's description ('..., who are barred from ...')."""
    cur = tok
    for _ in range(8):
        if said_by is None or cur.i == said_by.i or cur.head is cur:
            return False
        if cur.dep_ == "relcl":
            return True
        cur = cur.head
    return False


def _joined(tok: Any, said_by: Any) -> bool:
    """A clause the parser hung under a verb of saying though 'and' joins it.

    'They announced X and Y promised Z': Y's promise is no content of the announcement.
    """
    if said_by is None or tok.dep_ != "ccomp" or tok.head.i != said_by.i:
        return False
    first = min(t.i for t in tok.subtree)
    cc = tok.doc[first - 1] if first > 0 else None
    return cc is not None and cc.dep_ == "cc" and cc.head.pos_ not in ("VERB", "AUX")


def _claim(trig: Trigger) -> bool:
    """'X claimed responsibility for the attack': the attack is X's account of it."""
    return trig.kind == "verb" and lemma(trig.token) in CLAIMING and trig.pattern.type != trig.type


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
