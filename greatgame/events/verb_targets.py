"""Targets of a verb trigger from its own clause: objects, prepositional phrases, what it governs.

``verb_targets`` tries, in order, the indirect object, the pattern's own prepositions, the direct
object, the usual target prepositions, the act the verb governs and its parties, and last every
actor under the object. ``purpose_targets`` reads the purpose clause of a passive act ("a decision
was adopted to start the procedure for X"); ``bound_party`` who a signed document binds.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from greatgame.events.syntax import RELATIVES, child, first_nonempty, prep_objects
from greatgame.events.triggers import Trigger

if TYPE_CHECKING:
    from greatgame.events.participants import SentenceActors

logger = logging.getLogger(__name__)

BINDING_NOUNS = {"obligation", "commitment", "undertaking", "pledge", "guarantee"}  # of the party they bind
DEFAULT_TARGET_PREPS = [
    "to",
    "with",
    "against",
    "on",
    "from",
    "into",
    "toward",
    "towards",
    "at",
    "for",
    "over",
    "of",
    "in",
]


def verb_targets(tok: Any, trig: Trigger, sa: SentenceActors, source: list[str]) -> list[str]:
    """The target of a verb trigger from its own clause (see the module docstring), minus ``source``."""
    cands: list[list[str]] = []
    obj = child(tok, "dobj", "obj", "attr", "oprd")
    if obj is not None and obj.lower_ in RELATIVES and tok.dep_ == "relcl":  # "the summit, which X attended"
        obj = tok.head
    dative = child(tok, "dative", "iobj")
    if dative is not None and dative.pos_ in ("NOUN", "PROPN", "PRON"):
        cands.append(sa.np_with_conj(dative))
    preps = list(dict.fromkeys([*trig.pattern.target_preps, *DEFAULT_TARGET_PREPS]))
    if trig.pattern.target_preps:
        cands += [sa.np_with_conj(o) for o in prep_objects(tok, trig.pattern.target_preps)]
    if obj is not None:
        cands.append(sa.np_with_conj(obj))
    cands += [sa.np_with_conj(o) for o in prep_objects(tok, preps)]
    content = trig.content
    if content is not None:
        subj = child(content, "nsubj", "nsubjpass")
        cands.append(sa.np_with_conj(subj) if subj is not None else [])
        if content.pos_ in ("NOUN", "PROPN"):
            cands.append(sa.np_with_conj(content))
        cobj = child(content, "dobj", "obj", "dative")
        cands.append(sa.np_with_conj(cobj) if cobj is not None else [])
        cands += [sa.np_with_conj(o) for o in prep_objects(content, preps)]
        cands.append(sa.subtree_actors(content, set(source)))
    if obj is None:  # "could use the base to help defend Tajikistan": the governed verb's object
        for verb in (c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            vobj = child(verb, "dobj")
            cands.append(sa.np_with_conj(vobj) if vobj is not None else [])
    if obj is not None:
        cands.append(sa.subtree_actors(obj, set(source)))
    return first_nonempty(cands, source)


def purpose_targets(tok: Any, sa: SentenceActors, source: list[str]) -> list[str]:
    """The object of the purpose clause of a passive act ('was adopted to start the procedure for X')."""
    for verb in (c for c in tok.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"):
        if not any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
            continue
        for obj in [child(verb, "dobj"), *prep_objects(verb, ["for", "to", "with"])]:
            ids = [a for a in sa.np_with_conj(obj) if a not in source] if obj is not None else []
            if ids:
                return ids
    return []


def bound_party(subj: Any, sa: SentenceActors) -> list[str]:
    """Who a signed document binds: 'the Memorandum of Obligations of Iran', 'Iran's commitments'."""
    for tok in subj.subtree:
        if tok.lower_.rstrip("s") not in BINDING_NOUNS:  # "Obligations" (in a title, no lemma)
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        owner = owner if owner is not None else next(iter(prep_objects(tok, ["of"])), None)
        ids = sa.np_with_conj(owner) if owner is not None else []
        if ids:
            return ids
    return []
