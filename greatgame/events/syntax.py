"""Parse helpers for the sides of an event: a clause's subject, objects of prepositions.

``subject_token`` finds who does what a clause says, climbing through governed, co-ordinated and
relative clauses ("X, who hosted ...", "accused X of shelling ...", "the first country to
recognise ..."); ``prep_objects`` the objects of given prepositions, leaving out phrases that only
set the scene ("on the sidelines of X").
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from greatgame.events.lexicon import load_data
from greatgame.events.triggers import lemma

logger = logging.getLogger(__name__)


def child(tok: Any, *deps: str) -> Any:
    """First child of ``tok`` with one of the dependency labels.

    Of several subjects (a dateline misparsed as one: "Astana (Agency) - X met Y") the one
    nearest before the verb.
    """
    found = [c for c in tok.children if c.dep_ in deps]
    if len(found) > 1 and all(d.startswith(("nsubj", "csubj")) for d in deps):
        before = [c for c in found if c.i < tok.i]
        named = [c for c in before if c.pos_ not in ("PRON", "DET")]  # "X, Y and Z each held talks"
        return (named or before or found)[-1]
    return found[0] if found else None


SETTING_NOUNS = {"sideline", "sidelines", "margin", "margins", "fringe", "fringes", "eve"}


def is_setting(tok: Any) -> bool:
    """The object of a phrase that only sets the scene ('on the sidelines of X')."""
    return tok.dep_ == "pobj" and tok.lower_ in SETTING_NOUNS


def prep_objects(tok: Any, preps: list[str]) -> list[Any]:
    """Objects of the given prepositions under ``tok``, in the order of ``preps``.

    A phrase that only sets the scene ("on the sidelines of the UN assembly", "on the eve of the
    summit") names no participant: it is left out.
    """
    found = []
    for p in preps:
        for c in tok.children:
            if c.dep_ in ("prep", "agent", "dative") and lemma(c) == p:
                obj = child(c, "pobj", "pcomp")
                if obj is not None and obj.lower_ not in SETTING_NOUNS:
                    found.append(obj)
    return found


def subject_token(tok: Any) -> tuple[Any, bool]:
    """The grammatical subject of a clause (climbing xcomp/conj/advcl), and whether it is passive."""
    cur = tok
    for _ in range(5):
        subj = child(cur, "nsubj", "csubj")
        if subj is not None and cur.dep_ == "relcl" and _relative(subj):  # "X, who hosted ..."
            return _among(cur.head), False
        if subj is not None:
            return subj, False
        subj = child(cur, "nsubjpass")
        if subj is not None and cur is tok and cur.dep_ == "relcl" and _relative(subj):
            return cur.head, True  # "the Taliban, who had been designated a terrorist organisation"
        if subj is not None:
            return subj, True
        prep = _first_prep(cur.head) if cur.dep_ == "pcomp" else None
        if prep is not None and lemma(prep.head) in ACCUSING:
            doer = child(prep.head, "dobj")  # "accused Tajik forces of using ... and of shelling": the forces
            if doer is not None:
                return doer, False
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp") and cur.head is not cur:
            cur = cur.head
            continue
        if cur.dep_ == "prep" and cur.pos_ == "ADP" and cur.head is not cur:  # "... before flying to X"
            cur = cur.head
            continue
        if cur.dep_ == "acl" and any(
            c.lower_ == "to" for c in cur.children
        ):  # "the first country to recognise"
            head = cur.head
            return (child(head.head, "nsubj") if head.dep_ == "attr" else head), False
        if cur.dep_ == "acl" and cur.tag_ == "VBD" and cur.head.pos_ == "PROPN":
            return cur.head, False  # "On 23/03/2024 Rahmon rushed to ...": a finite verb misparsed as a modifier
        if cur.dep_ == "acl" and cur.head is not cur:  # "a delegation headed by X"
            return None, False
        if cur is tok and cur.dep_ == "relcl" and child(cur, "auxpass") is not None:
            return cur.head, True  # "ordered the four ... to be held": the four are held
        if cur.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            head = cur.head  # "Russia became the first country to recognise ...": Russia recognises
            if head.dep_ == "dobj" and head.pos_ == "NOUN":  # "X will set up a company to build ...": X
                return child(head.head, "nsubj"), False
            return (child(head.head, "nsubj") if head.dep_ == "attr" else head), False
        if cur.dep_ == "relcl":
            return _among(cur.head), False
        break
    for c in cur.children:  # "On 6 June China, Kyrgyzstan and Uzbekistan signed ...": a misparsed subject
        if c.dep_ == "prep" and c.i < cur.i and c.i == cur.sent.start:
            obj = child(c, "pobj")
            if obj is not None and obj.pos_ == "PROPN" and any(x.dep_ == "conj" for x in obj.children):
                return obj, False
    return None, False


def _among(antecedent: Any) -> Any:
    """'X and Y were among the ministers who attended': X and Y attended."""
    prep = antecedent.head
    if antecedent.dep_ == "pobj" and prep.lower_ == "among" and lemma(prep.head) == "be":
        subj = child(prep.head, "nsubj")
        if subj is not None:
            return subj
    return antecedent


def _first_prep(tok: Any) -> Any:
    """The first of co-ordinated prepositions ('of using ... and of shelling'), or None."""
    while tok.dep_ == "conj" and tok.head is not tok and tok.pos_ == "ADP":
        tok = tok.head
    return tok if tok.dep_ == "prep" else None


RELATIVES = {"who", "which", "that"}


ACCUSING = {
    "accuse",
    "blame",
    "charge",
    "suspect",
    "condemn",
    "criticize",
    "criticise",
    "thank",
    "praise",
    "commend",
}


def _relative(subj: Any) -> bool:
    """'who' / 'which' as a subject, or 'whose army' (the relative's own actor is its antecedent)."""
    return subj.lower_ in RELATIVES or any(c.dep_ == "poss" and c.lower_ == "whose" for c in subj.children)


def first_nonempty(candidates: list[list[str]], exclude: list[str]) -> list[str]:
    """The first list of candidates with an actor left once ``exclude`` is taken out."""
    for ids in candidates:
        kept = [a for a in ids if a not in exclude]
        if kept:
            return kept
    return []


def prep_object_governor(tok: Any) -> Any:
    """The verb whose prepositional object a participle clause modifies ('abstained on votes condemning X').

    None when the clause hangs elsewhere.
    """
    head = tok.head if tok.dep_ == "acl" else None
    if head is None or head.dep_ != "pobj" or head.head.dep_ != "prep":
        return None
    verb = head.head.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def counted_words(tokens: Any) -> set[str]:
    """The lower-cased words of ``tokens`` but the numbers that measure time.

    The "two" of "a two-day visit" or "for two weeks" speaks of no two sides.
    """
    units = _time_units()
    toks = list(tokens)
    out = set()
    for tok in toks:
        nxt = tok.nbor(2) if tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-" else None
        measured = tok.head.lemma_.lower() in units or (nxt is not None and nxt.lemma_.lower() in units)
        if not (tok.like_num and measured):
            out.add(tok.lower_)
    return out


@functools.lru_cache(maxsize=1)
def _time_units() -> frozenset[str]:
    return frozenset(load_data("dates.yaml")["elapsed"]["units"])
