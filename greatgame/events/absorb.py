"""What is no event of its own: the clause a trigger governs, objects marked as none, rehearsals.

"Refused to sign" is one REJECT, not a REJECT and an AGREE; "reduce its dependence" leaves
"dependence" no event noun; "the drills would practise destroying armed groups" destroys nobody.
"""

from __future__ import annotations

from typing import Any

from greatgame.events.lexicon import Lexicon
from greatgame.events.words import (
    Trigger,
    child_dep,
    lemma,
    local_clause,
    lookup,
    lookup_keys,
    obj_keys,
    object_of,
)

TIME_PREPS = {"during", "after", "before", "since", "until", "amid", "following", "ahead", "despite"}


def absorbed(trig: Trigger, lex: Lexicon | None = None) -> set[int]:
    """Tokens whose own event is part of this trigger's (its content and its objects).

    A hostile act a labelling verb names ("what Yerevan calls Azerbaijani aggression") is not: the
    label is the speaker's accusation, and what it says happened is an event of its own.
    """
    out: set[int] = set()
    agreed_that = trig.intent and trig.content is not None and trig.content.dep_ == "ccomp"
    if (
        trig.content is not None and not agreed_that
    ):  # "agreed that the summit would be held in X": two events
        stack = [trig.content]
        while stack:
            t = stack.pop()
            out.add(t.i)
            stack += [
                c
                for c in t.children
                if (c.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep", "ccomp") or _purpose(c))
                and not (c.dep_ == "prep" and c.lower_ in TIME_PREPS)  # "failing to help during the fighting"
            ]
    if trig.content is not None and trig.content.dep_ == "ccomp" and trig.pattern.control == "govern":
        for c in trig.token.children:  # "demands that Y cease fire, withdraw its units": both demanded
            if c.dep_ == "conj" and c.tag_ == "VB" and c.i > trig.content.i and child_dep(c, "nsubj") is None:
                out |= {t.i for t in c.subtree}
    speaks = trig.pattern.control == "speech"  # "told Putin at their meeting that ...": the meeting is its own
    for c in trig.token.children:
        if c.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "attr", "dative", "oprd"):
            if _labelled_act(trig, c, lex):
                continue
            out.add(c.i)
            if c.dep_ in ("dobj", "obj"):  # "rules out the participation ... and the deployment ..."
                out |= {k.i for k in c.conjuncts}
        if c.dep_ in ("prep", "agent") and c.lower_ not in TIME_PREPS and not speaks:  # "during his visit" is its own event
            out |= {p.i for p in c.children if p.dep_ == "pobj"}
        if c.dep_ == "prep" and c.lower_ == "in":  # "provide 26 billion yuan in financing", "assist in evacuating"
            out |= {p.i for p in c.children if p.dep_ == "pcomp"}
    return out


LABELLED = {"FIGHT", "ASSAULT", "COERCE"}


def _labelled_act(trig: Trigger, obj: Any, lex: Lexicon | None) -> bool:
    """The hostile act a verb of calling names when it accuses ('calls X aggression', 'called it an invasion')."""
    if lex is None or trig.type != "DISAPPROVE" or trig.pattern.type is not None or obj.dep_ not in ("oprd", "attr", "dobj"):
        return False
    pat = lookup(lex.nouns, obj)
    return pat is not None and pat.type in LABELLED


def _purpose(tok: Any) -> bool:
    """A to-infinitive of purpose ('needed help to restore order'): part of the act it serves."""
    aux = child_dep(tok, "aux")
    return tok.dep_ == "advcl" and aux is not None and aux.lower_ == "to"


def rehearsed(sent: Any, lex: Lexicon) -> set[int]:
    """Acts that are only practised or simulated ('the drills would practise destroying armed groups')."""
    out: set[int] = set()
    for tok in sent:
        pat = lex.verbs.get(lemma(tok))
        if tok.pos_ == "VERB" and pat is not None and pat.control == "simulate":
            for c in tok.children:
                if c.dep_ in ("xcomp", "ccomp", "dobj", "obj"):
                    out |= {t.i for t in c.subtree}
    return out


def voided(sent: Any, lex: Lexicon) -> set[int]:
    """Objects a verb's pattern marks as no event: no event noun either ('to meet growing demand')."""
    out: set[int] = set()
    for tok in sent:
        pat = lookup(lex.verbs, tok) if tok.pos_ in ("VERB", "AUX") else None
        obj = object_of(tok) if pat is not None and pat.objects else None
        if obj is not None and lookup_keys(pat.objects, obj_keys(obj)) == (True, None):
            out.add(obj.i)
    return out


PRESENT = {"VBZ", "VBP"}
SPAN_PREPS = {"since", "for"}


def standing_state(tok: Any) -> bool:
    """A verb told as a state that holds, not as an act.

    'still lists X', 'lists X' or 'is banned' in the present, and the perfect with 'since' or 'for'
    ('has hosted the base for years', 'had been banned since 2003'). The act that starts the state
    ('banned the movement in 2003', 'are now barred from ...') is an event.
    """
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    adverbs = {c.lower_ for c in tok.children if c.dep_ == "advmod"}
    if "still" in adverbs:
        return True
    if "now" in adverbs:  # "who are now barred from ...": the measure has just been taken
        return False
    perfect = any(lemma(a) == "have" for a in auxes)
    if perfect and any(t.dep_ == "prep" and t.lower_ in SPAN_PREPS for t in local_clause(tok)):
        return True
    if tok.tag_ in PRESENT and not auxes:
        return True
    return tok.tag_ == "VBN" and len(auxes) == 1 and auxes[0].tag_ in PRESENT and auxes[0].dep_ == "auxpass"


def ongoing(tok: Any) -> bool:
    """An activity told as going on for a span: 'have been asking for it since the 1990s'.

    The perfect progressive with 'since' or 'for' describes a standing practice or demand, not an act.
    """
    auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    progressive = tok.tag_ == "VBG" and "been" in auxes and bool(auxes & {"has", "have", "had"})
    spans = [o for t in local_clause(tok) if t.dep_ == "prep" and t.lower_ in SPAN_PREPS
             for o in t.children if o.dep_ == "pobj"]  # fmt: skip
    return progressive and any(_long_span(o) for o in spans)


def _long_span(obj: Any) -> bool:
    """'since 2022', 'since the 1990s', 'for years', 'since independence' (not 'since Monday')."""
    year = obj.lower_.removesuffix("s")
    return (year.isdigit() and len(year) == 4) or lemma(obj) in LONG_SPANS


LONG_SPANS = {"year", "decade", "month", "independence", "century"}


def records(sent: Any) -> set[int]:
    """An actor's record, not an act: 'it has never (before) sent troops to defend ...'.

    A characterisation by what an actor has or has not done so far is the author's description;
    the verb and what it governs tell no event.
    """
    out: set[int] = set()
    for tok in sent:
        adverbs = {c.lower_ for c in tok.children if c.dep_ in ("advmod", "neg")}
        perfect = any(c.dep_ == "aux" and lemma(c) == "have" for c in tok.children)
        if tok.pos_ == "VERB" and "never" in adverbs and perfect:
            out |= {t.i for t in tok.subtree}
    return out
