"""Whether a clause tells an event: the tests the coder runs on every trigger before coding it.

A trigger word is not always an event. An appeal, the author's advice, an open question, an
event noun that only restates one already told, a clause that adds the toll of an event, or a
verb in an opinion piece that characterises rather than tells are no events of their own.
"""

from __future__ import annotations

from typing import Any

from greatgame.events.lexicon import Lexicon
from greatgame.events.modality import CLAIMING, claimed
from greatgame.events.triggers import Trigger, lemma, noun_type, under_speech

NESTED_CLAUSES = {"relcl", "acl"}
NOMINAL_DEPS = {"amod", "compound", "dobj", "pobj", "attr", "nsubj", "nsubjpass", "appos"}
OPINION_AUX = {"should", "ought", "must"}


def reports_event(trig: Trigger, lex: Lexicon, genre: str = "news") -> bool:
    """False for clauses that tell no event.

    An appeal ('Raise your voices against ...'), the author's advice ('Brussels should fund ...'),
    an open question ('whether X will ...'), or an event noun that only restates one ('It was his
    first visit', 'The attack was the deadliest').
    """
    tok = trig.token
    clause = tok if trig.kind != "noun" else tok.head
    root = tok.sent.root
    if (
        root.tag_ == "VB"
        and root.i == tok.sent.start
        and not any(c.dep_.startswith("nsubj") for c in root.children)
    ):
        return False
    if trig.kind == "verb" and any(c.lower_ in OPINION_AUX for c in tok.children if c.dep_ == "aux"):
        if under_speech(tok, lex) is None:
            return False
    if (
        any(c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children)
        or tok.sent[0].lower_ == "whether"
    ):
        return False
    if trig.kind == "noun" and _looks_back(tok):  # "The meeting came days after ...": the story's own event
        return False
    if trig.kind == "noun" and lemma(tok.head) == "be":  # "The attack was the deadliest", "It was his visit"
        if tok.dep_ == "attr" or (tok.dep_ == "nsubj" and any(c.dep_ == "attr" for c in tok.head.children)):
            return False
    if (
        trig.kind == "verb" and genre in ("commentary", "op_ed") and _opinion_present(trig, lex)
    ):  # "the rulers sell to whoever pays"
        return False
    if trig.kind == "verb" and _restating_clause(tok):  # "..., killing dozens", "... to build a railway"
        return False
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":  # "fire without warning"
        return False
    if trig.kind == "verb" and tok.dep_ in NOMINAL_DEPS:  # "banned organisations", "the dead and wounded"
        return False
    if trig.kind == "verb" and tok.dep_ == "acl" and any(c.lower_ == "to" for c in tok.children):
        return decided(tok, lex)  # "an agreement to build a railway": what was agreed, not an event of its own
    return True


def decided(tok: Any, lex: Lexicon) -> bool:
    """An infinitive on a noun of deciding ('the decision to grant X') or of refusing ('in no hurry to').

    The decision is the act of granting; 'no hurry to recognise X' is not recognising X (negated).
    """
    noun = tok.head
    if lemma(noun) in set(lex.modality["decision_nouns"]):
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    return lemma(noun) in set(lex.modality["refusal_nouns"]) and refused(tok)


def refused(tok: Any) -> bool:
    """'in no hurry to recognise X', 'has no intention to send troops': the act is not done."""
    return tok.dep_ == "acl" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.head.children)


def purpose(tok: Any, head: Trigger | None = None) -> bool:
    """An infinitive that gives the purpose of the act of its head ('sent troops to defend X').

    When the head's act is coded, the purpose is part of it, not an event of its own ('will meet X
    to discuss Y'); when it is not, the purpose may be the event ('dispatched inspectors to monitor').
    The parser also attaches a purpose as an open complement ('telephoned X to offer condolences');
    that is a purpose only when the head is no verb that governs its complement ('agreed to X').
    """
    if tok.head.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children
    ):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    if tok.dep_ == "advcl":
        return True
    governs = head is not None and head.pattern.control is not None
    return tok.dep_ == "xcomp" and head is not None and head.kind == "verb" and not governs


RELATING = {"come", "follow", "coincide", "precede", "last"}


def _looks_back(tok: Any) -> bool:
    """'The meeting came days after X', 'The summit coincided with Y': the event already told, placed in time."""
    return (
        tok.dep_ == "nsubj"
        and lemma(tok.head) in RELATING
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
        and not any(c.dep_ in ("amod", "compound", "poss", "prep") for c in tok.children)
    )


def tells(trig: Trigger) -> bool:
    """A clause in the past, the perfect or the progressive: it tells what happened or is happening.

    In a sentence of commentary only such clauses are events ("the bloc did not send a single
    soldier"), not the author's judgements in the simple present or the future.
    """
    tok = trig.token if trig.kind != "noun" else trig.token.head
    while tok.dep_ in ("xcomp", "conj") and tok.head is not tok and tok.tag_ not in ("VBD", "VBZ", "VBP"):
        tok = tok.head
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and auxes & {"has", "have", "had", "was", "were"}):
        return True
    if tok.tag_ == "VB" and "did" in auxes:  # "did not send a single soldier", "only then did they sign"
        return True
    return tok.tag_ == "VBG" and bool(auxes & {"is", "are", "was", "were"})


CASUALTY = {"kill", "wound", "injure"}


def _restating_clause(tok: Any) -> bool:
    """A clause that adds to an event already told.

    Its toll ('fought ..., killing dozens', 'fighting that killed dozens') or the charge in an
    accusation ('accused X of failing to ...').
    """
    low = lemma(tok)
    if (
        low in CASUALTY
        and tok.dep_ in ("advcl", "relcl", "conj")
        and tok.head.dep_ != "ROOT"
        or (low in CASUALTY and tok.dep_ == "advcl")
    ):
        return True
    return low == "fail" and tok.dep_ == "pcomp"


def _opinion_present(trig: Trigger, lex: Lexicon) -> bool:
    """In an opinion piece, a verb in the present tense (not reported) characterises, it does not tell."""
    tok = trig.token
    if under_speech(tok, lex) is not None:
        return False
    tags = {tok.tag_} | {c.tag_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VBG" and bool(tags & {"VBZ", "VBP"}))


def restated(trig: Trigger, triggers: list[Trigger]) -> bool:
    """An event noun inside the clause of a verb of the same type names that verb's event.

    'took part in the summit', 'signed the agreement'; so does a participle clause of the same
    type that goes on with the verb's act ('lifted the ban, removing it from the list'), and an
    event noun joined to a verb's object is, like the object, what the verb acts on.
    """
    tok = trig.token
    if (
        trig.kind == "verb" and tok.dep_ == "advcl" and tok.tag_ == "VBG" and not _own_subject(tok)
    ):  # "lifted the ban, removing it from ..."
        return any(o.kind == "verb" and o.type == trig.type and o.token.i == tok.head.i for o in triggers)
    if trig.kind != "noun":
        return False
    if _shares_object(tok, triggers):  # "rules out the participation ... and the deployment of bases"
        return True
    return any(
        o.kind != "noun"
        and o.type == trig.type
        and trig.token in o.token.subtree
        and o.token.dep_ not in NESTED_CLAUSES
        for o in triggers
    )


def _own_subject(tok: Any) -> bool:
    """A participle right after a noun of its own: 'with Iran signing X and the bloc starting Y'.

    The noun is the participle's subject (the parser often joins it to the noun before), so the
    participle tells another doer's act, not more of its head's.
    """
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) or stray_subject(tok) is not None


def stray_subject(tok: Any) -> Any:
    """The noun right before a participle the parser joined elsewhere, its subject in fact, or None."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or prev is None or prev.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    return prev if prev.dep_ in ("conj", "nsubj", "appos") else None


def _shares_object(tok: Any, triggers: list[Trigger]) -> bool:
    """An event noun joined to the object of a verb trigger: what the verb acts on, like the first."""
    if tok.dep_ != "conj":
        return False
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.dep_ not in ("dobj", "nsubjpass"):
        return False
    return any(o.kind == "verb" and o.token.i == first.head.i for o in triggers)


DEFINITE = {"the", "this", "that", "these", "those"}


def _bare_definite(noun: Any) -> bool:
    """'the talks', 'the fighting': a definite noun with nothing that names who took part."""
    children = list(noun.children)
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children) and all(
        c.dep_ in ("det", "punct") for c in children
    )


def told_before(trig: Trigger, earlier: set[str], lex: Lexicon) -> bool:
    """A bare definite event noun that points back at an event the document told.

    'Only after the summit did ...', 'Russia wanted the fighting to end', 'had decided to hold the
    summit online': the event is the one already coded (same type or mode), mentioned again. A
    sentence about the event itself ('The talks were held at the residence') tells more of it. ``earlier`` holds the types and modes of
    the events coded so far.
    """
    tok = trig.token
    if trig.type not in earlier and (trig.mode is None or trig.mode not in earlier):
        return False
    if claimed(tok) is not None or lemma(tok) in CLAIMING:  # "IS claimed the attack": the claim names the doer
        return False
    if trig.kind == "noun":  # the subject of the sentence tells more of it: "The clashes began on ..."
        return _bare_definite(tok) and not (tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT")
    if trig.kind != "verb" or trig.pattern.type is not None or any(c.dep_ == "agent" for c in tok.children):
        return False  # not a light verb: the verb itself is the act
    noun = next((c for c in tok.children if c.dep_ == "dobj"), None)  # "The talks were held at X" tells more
    return noun is not None and _bare_definite(noun) and noun_type(noun, lex)[0] is not None
