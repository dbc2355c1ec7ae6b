"""Event words embedded where they tell no event of their own.

* a condition ("face life imprisonment if convicted", "could send troops if Tajikistan requested
  help"): the event is the consequence, coded as hypothetical; the condition is not told;
* an open question, however deep ("did not say whether it planned to recognise X");
* a word that describes a noun rather than tells: a participle with no doer ("a law adopted
  last year", "terrorists trained abroad"), a gerund inside a noun phrase ("a partner in
  fighting X"), a bare participle used as an adjective ("there are dead and wounded");
* a scenario rehearsed ("the troops will practise destroying armed groups");
* the alternative not taken ("hold the summit online rather than host the leaders");
* a free relative that names a thing by an act ("what they signed", "what Yerevan calls
  aggression"): the writer's way of naming, not a report.
"""

from __future__ import annotations

import logging
from typing import Any

from greatgame.events.lexicon import Lexicon
from greatgame.events.triggers import Trigger, lemma

logger = logging.getLogger(__name__)

CLAUSE_DEPS = {"ROOT", "advcl", "ccomp", "xcomp", "relcl", "acl", "parataxis", "pcomp", "csubj", "conj"}
CONDITION_MARKS = {"if", "unless"}
QUESTION_MARKS = {"whether"}
EXAMPLES = {"including", "like", "as"}  # "clashes, including fighting in April": an event told


def _clauses(tok: Any, depth: int = 8) -> list[Any]:
    """The heads of the clauses that hold ``tok``, innermost first."""
    out, cur = [], tok
    for _ in range(depth):
        if cur.dep_ in CLAUSE_DEPS and cur.pos_ in ("VERB", "AUX", "NOUN") or cur.dep_ == "ROOT":
            out.append(cur)
        if cur.dep_ == "ROOT" or cur.head is cur:
            break
        cur = cur.head
    return out


def _marks(tok: Any) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "mark"}


def in_condition(tok: Any) -> bool:
    """Inside an 'if' or 'unless' clause (the clause the condition is made of, not its consequence)."""
    return any(_marks(c) & CONDITION_MARKS for c in _clauses(tok))


def in_question(tok: Any) -> bool:
    """Inside a 'whether' clause, at any depth."""
    return any(_marks(c) & QUESTION_MARKS for c in _clauses(tok))


def _agentless_participle(tok: Any) -> bool:
    """'a law adopted last year': a past participle on a noun, no doer named ('by X')."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN":
        return False
    return not any(c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)


def _gerund_in_noun(tok: Any) -> bool:
    """'a partner in fighting X': a gerund that belongs to a noun phrase, not to a clause."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ == "pcomp"
        and tok.head.dep_ == "prep"
        and tok.head.lower_ not in EXAMPLES
        and tok.head.head.pos_ in ("NOUN", "PROPN")
    )


def _adjectival(tok: Any) -> bool:
    """'there are dead and wounded': a bare past participle next to a copula, an adjective."""
    if tok.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    return tok.dep_ in ("conj", "acomp") and lemma(tok.head) == "be"


def _alternative(tok: Any) -> bool:
    """'... rather than host the leaders', 'instead of sending troops': the act not chosen."""
    doc = tok.doc
    if tok.dep_ == "conj":
        than = [c for c in tok.head.children if c.dep_ == "cc" and c.lower_ == "than" and c.i < tok.i]
        return any(c.i > 0 and doc[c.i - 1].lower_ == "rather" for c in than)
    if tok.dep_ == "pcomp" and tok.head.lower_ == "of":
        return tok.head.i > 0 and doc[tok.head.i - 1].lower_ == "instead"
    return False


def _free_relative(tok: Any) -> bool:
    """'what they signed', 'what he called bandits': the act is inside a free relative.

    'what' comes before the act; in 'signed what they call a treaty' the act is outside it.
    """
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ == "what" and c.i < tok.i for c in tok.children)


def rehearsed(tok: Any, lex: Lexicon) -> bool:
    """The complement of a verb of rehearsal ('practise locating and destroying X')."""
    heads = set(lex.modality["rehearsal_heads"])
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "ccomp", "conj", "dobj", "pcomp") or cur.head is cur:
            return False
        cur = cur.head
        if lemma(cur) in heads:
            return True
    return False


def embedded(trig: Trigger, lex: Lexicon) -> bool:
    """Whether the trigger sits where no event is told (see the module docstring)."""
    tok = trig.token
    if in_question(tok) or in_condition(tok) or rehearsed(tok, lex):
        return True
    if trig.kind != "verb":
        return False
    return (
        _agentless_participle(tok)
        or _gerund_in_noun(tok)
        or _adjectival(tok)
        or _alternative(tok)
        or _free_relative(tok)
    )
