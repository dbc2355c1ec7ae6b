"""Descriptions and habits: clauses with an event word that tell no single event.

News prose mixes the events of the day with background: what an institution is and does ("The
OTS brings together Turkey, Azerbaijan ...", "joint exercises are held in accordance with the
doctrine", "a constitution which allows the president to run again"). A material act in the
simple present, with no date that pins it to a day, is such a description when it is a meeting,
a practice named by an event noun, or the doing of something that cannot act. A state of affairs
between two actors ("Tajikistan hosts Russia's base") is still coded, and so are acts of speech
in the present ("The ministry condemns ..."): saying so is the act.
"""

from __future__ import annotations

import logging
from typing import Any

from greatgame.events.lexicon import Lexicon
from greatgame.events.triggers import Trigger

logger = logging.getLogger(__name__)

IN_FORCE = {"COERCE", "SANCTION"}  # measures that, still in force, are coded (corpus-annotation rule 3)
MATERIAL_TYPES = {"CONSULT", "COOPERATE", "AID", "MOBILIZE", "FIGHT", "ASSAULT", "COERCE", "SANCTION",
                  "CONCEDE", "RETREAT", "INVESTIGATE", "PROTEST"}  # fmt: skip
PERSONAL = {"it", "they", "he", "she", "we", "i", "you", "who"}
RELATIVE = {"which", "that", "who"}
POINTING = {"it", "them", "him", "her", "its", "their", "both", "each", "other"}
CLAUSES = {"relcl", "acl", "advcl", "ccomp", "conj", "parataxis"}
AGENT_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
PRESENT_TAGS = {"VBZ", "VBP"}
PRESENT_BE = {"is", "are", "am", "'s", "'re"}
TIME_ENTS = {"DATE", "TIME"}
HABIT_WORDS = {"regular", "annual", "periodic", "frequent", "routine", "occasional", "biennial", "yearly",
               "monthly", "weekly", "such"}  # fmt: skip
SPANS = {"years", "decades", "months", "weeks", "year", "decade", "centuries"}
FREQUENCY = {"every", "each", "annually", "yearly", "monthly", "weekly", "daily", "regularly", "usually"}
TIME_WORDS = {"today", "tonight", "tomorrow", "now", "monday", "tuesday", "wednesday", "thursday",
              "friday", "saturday", "sunday"}  # fmt: skip


def simple_present(tok: Any) -> bool:
    """'brings', 'keep', 'are held': the simple present, active or passive, of a verb."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ in PRESENT_TAGS:
        return all(a.lower_ in ("do", "does") for a in auxes)
    if tok.tag_ == "VBN":
        return len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].lower_ in PRESENT_BE
    return False


def dated(tok: Any) -> bool:
    """A time expression on the verb itself ('opens on Friday', 'continues today').

    A frequency ('every year', 'annually') is no date: it makes the act a habit.
    """
    for c in tok.children:
        if c.dep_ not in ("npadvmod", "prep", "advmod", "tmod", "obl"):
            continue
        words = {t.lower_ for t in c.subtree}
        if words & FREQUENCY:
            continue
        if any(t.ent_type_ in TIME_ENTS or t.lower_ in TIME_WORDS for t in c.subtree):
            return True
    return False


def subject(tok: Any) -> Any:
    """The subject of a verb: its own, its head's for a conjunct, the noun a relative clause describes."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and tok.dep_ == "conj" and tok.head is not tok:
        return subject(tok.head)
    if subj is not None and subj.lower_ in RELATIVE and tok.dep_ == "relcl":
        return tok.head
    return subj


def inanimate(subj: Any, sa: Any, lex: Lexicon) -> bool:
    """A subject that names no actor, no person and no body of people ('the constitution', 'the borders')."""
    if subj is None or subj.lower_ in PERSONAL or subj.pos_ == "PRON":
        return False
    if subj.i in sa.by_token or sa.np_actors(subj):
        return False
    if subj.ent_type_ in AGENT_ENTS or subj.pos_ == "PROPN" or subj.tag_ == "CD":
        return False
    return subj.lemma_.lower() not in set(lex.modality["agent_nouns"])


def habitual_noun(tok: Any) -> bool:
    """'its regular annual summits', 'such exercises': event nouns that name a practice."""
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "det", "predet")}
    return tok.tag_ in ("NNS", "NNPS") and bool(mods & HABIT_WORDS)


def background(tok: Any, lex: Lexicon) -> bool:
    """An ongoing situation named as context, not an event of its own.

    'a reference to Russia's war in Ukraine', 'the fallout of the war and of Western sanctions',
    'under Western sanctions'. A bounded happening named as a reference point ('since the
    invasion') is still told.
    """
    if tok.lemma_.lower() not in set(lex.modality["situation_nouns"]) and tok.lower_ not in set(
        lex.modality["situation_nouns"]
    ):
        return False
    cur = tok
    while cur.dep_ == "conj" and cur.head is not cur:
        cur = cur.head
    if cur.dep_ != "pobj":
        return False
    prep = cur.head
    while prep.dep_ == "conj" and prep.head is not prep:  # "the fallout of the war and of sanctions"
        prep = prep.head
    if prep.lower_ in set(lex.modality["context_preps"]):
        return True
    return prep.lower_ in ("of", "to") and prep.head.lemma_.lower() in set(lex.modality["context_nouns"])


def held_state(tok: Any, lex: Lexicon) -> bool:
    """'Armenia's membership in the CSTO had not deterred X': a state someone holds, not the joining."""
    return tok.lemma_.lower() in set(lex.modality["state_nouns"]) and any(
        c.dep_ == "poss" for c in tok.children
    )


def lasting(tok: Any) -> bool:
    """A perfect with 'since' or 'for' a span: what has held for a time ('has listed X since 2003')."""
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in tok.children)
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if not perfect or (obj is not None and any(t.tag_ == "CD" for t in obj.subtree)):
        return False  # "have killed at least eight leaders since July": a tally of acts
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("since", "for")):
        words = {t.lower_ for t in prep.subtree}
        dates = any(c.dep_ == "pobj" and (c.ent_type_ == "DATE" or c.tag_ == "CD") for c in prep.children)
        if (prep.lower_ == "since" and dates) or (prep.lower_ == "for" and words & SPANS):
            return True  # not "has tightened the rules since the attack": a change, told
    return False


def describes(trig: Trigger, lex: Lexicon, sa: Any) -> bool:
    """A material act in the simple present with no date that describes rather than tells."""
    tok = trig.token
    if trig.kind == "noun":
        return habitual_noun(tok) or background(tok, lex) or held_state(tok, lex)
    if trig.kind != "verb":
        return False
    if record(tok) or (tok.dep_ in ("advcl", "xcomp") and record(tok.head)):
        return True  # "It has never before sent troops (to defend ...)"
    if characterises(tok) or attitude(tok, lex):
        return True
    if tok.lemma_.lower() in set(lex.modality["trade_verbs"]) and progressive(tok) and not dated(tok):
        return True  # "wheat, which Afghanistan has been importing": a trade that holds
    if trig.type not in MATERIAL_TYPES or trig.intent:
        return False
    if lasting(tok):  # "has listed the Taliban as terrorists since 2003": a standing state
        return True
    if not simple_present(tok) or dated(tok):
        return False
    if trig.type in lex.modality["habitual_types"]:  # "The OTS brings together ...", "They meet yearly"
        return True
    subj = subject(tok)
    if subj is None:
        return False
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if passive:  # "joint exercises are held ...": a practice, named by its event noun
        return subj.lemma_.lower() in lex.nouns or subj.lower_ in lex.nouns
    if trig.type in IN_FORCE:  # 'holds activists in camps': a coercive measure still in force is told
        return inanimate(subj, sa, lex) or not _counterpart(tok, subj, sa, lex)
    return True  # 'Russia keeps bases in Armenia', 'sells grain to Afghanistan': a standing arrangement


def present(tok: Any) -> bool:
    """The present tense, simple or progressive ('seeks', 'does not seek', 'is seeking')."""
    if simple_present(tok):
        return True
    return tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in PRESENT_BE for c in tok.children)


def progressive(tok: Any) -> bool:
    """'is importing', 'has been importing': an act going on."""
    return tok.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in PRESENT_BE | {"been"} for c in tok.children
    )


def record(tok: Any) -> bool:
    """'It has never before sent troops (to defend ...)': a perfect with 'never' sums up a record, no act."""
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in tok.children)
    return perfect and any(c.dep_ in ("neg", "advmod") and c.lower_ == "never" for c in tok.children)


DEICTIC = {"this", "that", "it", "he", "she", "they", "these", "those"}


def characterises(tok: Any) -> bool:
    """A relative clause on what a pronoun is said to be: the writer's portrait of an actor.

    'This is the same Russia whose army killed ..., and which bombed ...', 'It is a regime that
    jails its critics': what the actor is, told by its record, not a report of those acts.
    """
    cur = tok
    relative = any(c.dep_ == "nsubj" and c.lower_ in ("which", "who") for c in tok.children)
    while cur.dep_ == "conj" and cur.head is not cur and cur.head.lemma_.lower() != "be":
        cur = cur.head
    if cur.dep_ == "relcl":
        copula = cur.head.head if cur.head.dep_ == "attr" else None
    else:  # "..., and which bombed ...": the parser joined the second relative clause to the copula
        copula = cur.head if cur.dep_ == "conj" and relative else None
    if copula is None or copula.lemma_.lower() != "be":
        return False
    subj = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ in DEICTIC


def attitude(tok: Any, lex: Lexicon) -> bool:
    """'Turkmenistan is not seeking membership': wanting something, in the present, is a policy line."""
    if tok.lemma_.lower() not in set(lex.modality["attitude_verbs"]) or not present(tok) or dated(tok):
        return False
    subj = subject(tok)
    if subj is not None and subj.lower_ in ("we", "i"):  # "We want respect": said to someone's face
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)


def _head_noun(tok: Any) -> bool:
    return tok.pos_ == "NOUN" and tok.dep_ not in ("amod", "compound")


def _counterpart(tok: Any, subj: Any, sa: Any, lex: Lexicon) -> bool:
    """Whether the verb's own clause names someone besides the subject.

    'hosts Russia's base', 'sells grain to Afghanistan', 'keeps bases in both', 'holds hundreds of
    activists in camps' do; 'supplies 40% of the world's uranium' does not: a description of the
    subject alone.
    """
    people = set(lex.modality["agent_nouns"])
    skip = {t.i for t in subj.subtree}
    stack = [c for c in tok.children if c.i not in skip]
    while stack:
        t = stack.pop()
        if t.i in sa.by_token or t.lower_ in POINTING or (_head_noun(t) and t.lower_ in people):
            return True
        stack += [c for c in t.children if c.dep_ not in CLAUSES]
    return False
