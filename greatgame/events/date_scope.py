"""Which words of a sentence date an event: its own clause, its noun phrase, the event it happens within.

``dates.clause_dates`` looks for date expressions among the character offsets these return.
"""

from __future__ import annotations

from typing import Any

NESTED = {"relcl", "acl", "appos", "advcl", "ccomp", "conj", "parataxis", "csubj", "pcomp"}
NOUN_PATH = {"pobj", "prep", "dobj", "nsubj", "nsubjpass", "compound", "attr", "npadvmod", "poss", "acomp"}


def clause(tok: Any) -> set[int]:
    """Character offsets of the tokens of ``tok``'s own clause (its nested clauses left out)."""
    out, stack = set(), [tok]
    while stack:
        t = stack.pop()
        out.add(t.idx)
        stack += [
            c for c in t.children if (c.dep_ not in NESTED or c.pos_ not in ("VERB", "AUX")) and not since_event(c)
        ]
    return out


def since_event(tok: Any) -> bool:
    """'Since the attack on the hall in March last year, Moscow has tightened ...': the attack's date, not the act's."""
    return tok.dep_ == "prep" and tok.lower_ == "since" and any(
        c.dep_ == "pobj" and c.pos_ == "NOUN" and not c.ent_type_ for c in tok.children
    )


def noun_phrase(tok: Any) -> set[int]:
    """An event noun's phrase with its participle or relative clause.

    'a truce agreed on Wednesday', 'the attack committed on 22 March', 'the exercise that began on 30 July'.
    """
    out = clause(tok)
    for c in tok.children:
        if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD"):
            out |= clause(c)
        if c.dep_ == "relcl" and any(
            s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("that", "which") for s in c.children
        ):  # "the exercise that began on 30 July"
            out |= clause(c)
    return out


def verb_of(tok: Any) -> Any:
    """An event noun takes the date of the clause it sits in ('at a summit in Istanbul on Friday')."""
    cur = tok
    for _ in range(4):
        gerund = cur is tok and cur.tag_ == "VBG"  # "shooting broke out on ..."
        if (cur.pos_ in ("VERB", "AUX") and not gerund) or cur.head is cur or cur.dep_ not in NOUN_PATH:
            break
        cur = cur.head
    return cur


SAYING = {"say", "tell", "announce", "report", "state", "add", "claim", "confirm", "note", "declare"}


PRESENT_AUX = {"is", "are", "am", "'s", "'re"}


def present_tense(trigger: Any) -> bool:
    """'The talks continue on Friday', 'X is visiting Y on Monday': a present tense of what is to come.

    Not a telling ('says on Monday'), which news tells in the present of the past.
    """
    verb = verb_of(trigger)
    if verb.lemma_.lower() in SAYING:
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in PRESENT_AUX for c in verb.children)


def bare_clause(tok: Any) -> bool:
    """A clause put beside its head with no word of its own time ('after', 'because', 'if').

    "In that fighting, which began on 14 September, both sides used tanks, and 40,000 people were
    evacuated": the evacuation happened within the fighting the sentence opens with.
    """
    return tok.dep_ in ("ccomp", "conj", "parataxis") and not any(c.dep_ in ("mark", "advmod") for c in tok.children)


FRAME_PREPS = {"in", "during", "amid", "throughout"}


def frame(verb: Any, fronted: bool = False) -> set[int]:
    """An event a clause's act happens within, dated in its own phrase.

    'In that fighting, which began on 14 September, both sides used tanks': the fighting's day.
    ``fronted``: only a frame put before the verb, which covers the whole sentence that follows.
    """
    out: set[int] = set()
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in FRAME_PREPS):
        if fronted and prep.i > verb.i:
            continue
        for noun in (p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN"):
            out |= noun_phrase(noun)
    return out
