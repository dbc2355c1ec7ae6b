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
