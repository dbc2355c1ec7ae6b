"""Events told by reference to an earlier one.

"Kyrgyzstan did the same", "Tajikistan has not followed suit", "Kazakhstan had taken the same
step": such a clause repeats the act of the latest event of the story (its type, mode and target) with
a new doer: its subject.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from greatgame.events.participants import SentenceActors, child
from greatgame.events.triggers import lemma
from greatgame.models import Event

logger = logging.getLogger(__name__)

SAME_WORDS = {"same", "similar", "likewise"}


def same_act_verbs(parse: Any) -> list[Any]:
    """Verbs of the sentence that say 'did the same' rather than name an act."""
    out = []
    for tok in parse:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        obj = child(tok, "dobj", "obj")
        low = lemma(tok)
        near = [t for c in tok.children if c.dep_ not in ("nsubj", "ccomp", "conj") for t in [c, *c.children]]
        if low == "do" and any(t.lower_ in SAME_WORDS for t in near):  # "did the same (last year)"
            out.append(tok)
        elif low == "take" and obj is not None and any(c.lower_ in SAME_WORDS for c in obj.children):
            out.append(tok)
        elif low == "follow" and (
            obj is None and child(tok, "nsubj") is not None or (obj is not None and obj.lower_ == "suit")
        ):
            out.append(tok)
    return out


def repeat(last: Event, verb: Any, sa: SentenceActors, refs: Any) -> Event | None:
    """The act of ``last`` done again by the subject of ``verb`` (None when it names no actor)."""
    subj = child(verb, "nsubj", "nsubjpass")
    ids = sa.np_with_conj(subj) if subj is not None else []
    ids = [a for a in ids if a not in {x.id for x in last.source}]
    if not ids:
        return None
    ev = copy.copy(last)
    ev.source = refs(ids)
    ev.target = [t for t in last.target if t.id not in ids]
    ev.modality = "negated" if any(c.dep_ == "neg" for c in verb.children) else "asserted"
    ev.attributed_to = "author"
    ev.trigger = verb.text
    ev.confidence = min(last.confidence, 0.6)
    ev.date = ev.date_end = None
    ev.date_precision = "none"
    return ev


__all__ = ["repeat", "same_act_verbs"]


EMBEDDING = {"relcl", "advcl", "ccomp", "conj", "acl"}


def sentence_antecedent(pron: Any, sa: Any) -> list[str]:
    """The subject of the sentence's main clause for a pronoun subject of a clause embedded in it.

    "Uzbekistan is not a member of the CSTO, which it left in 2012": "it" is Uzbekistan. Only
    a subject named before the pronoun that agrees with it ("it": a state or body, "he"/"she": a
    person) and is not the antecedent of the relative clause the pronoun sits in.
    """
    if pron.lower_ not in ("it", "he", "she", "they"):
        return []
    clause, embedded, antecedents = pron.head, False, set()
    while clause.head.i != clause.i:
        if clause.dep_ in EMBEDDING:
            embedded = True
        if clause.dep_ == "relcl":
            antecedents |= set(sa.np_with_conj(clause.head))
        clause = clause.head
    main = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not embedded or main is None or main.i >= pron.i or main.lower_ in PRONOUN_WORDS:
        return []
    ids = [a for a in sa.np_with_conj(main) if a not in antecedents]
    people = [a for a in ids if a.islower()]
    if pron.lower_ in ("he", "she"):
        return people[:1] if len(people) == 1 else []
    if pron.lower_ == "it":
        return ids if len(ids) == 1 and not people else []
    return ids if len(ids) > 1 else []


PRONOUN_WORDS = {"it", "he", "she", "they", "we", "i", "you", "who", "which", "that"}
