"""What a clause tells of its own parties: passive, chaired by, a meeting object, 'their own'."""

from __future__ import annotations

from typing import Any

from greatgame.events.mutual import MEETING_NOUNS
from greatgame.events.syntax import child
from greatgame.events.triggers import Trigger, content_type, lemma, noun_type, verb_type

TRUCE_WORDS = {"truce", "ceasefire", "cease-fire", "armistice"}

OWN_BODIES = {"company", "corporation", "firm", "movement"}  # the bloc, the group: the story's organisation


def own_body(subj: Any) -> bool:
    """'the company', 'the movement' with nothing else in the phrase: the speaker's own body."""
    return (
        subj.lower_ in OWN_BODIES
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
        and all(c.dep_ in ("det", "punct") for c in subj.children)
    )


def the_country(subj: Any) -> bool:
    """'the country', 'the government' with nothing else in the phrase: the speaker's own, said by its people."""
    return (
        subj.lower_ in ("country", "government")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
        and all(c.dep_ in ("det", "punct") for c in subj.children)
    )


def their_own(tok: Any) -> bool:
    """The object is the doers' own ('praised their partnership'): each judges the other."""
    obj = child(tok, "dobj")
    return obj is not None and any(c.dep_ == "poss" and c.lower_ == "their" for c in obj.children)


OWN_CLAUSE_STOP = {"advcl", "relcl", "acl", "ccomp", "parataxis", "conj"}


def the_countrys_own(tok: Any) -> bool:
    """What the clause acts on belongs to 'the country' of its doers.

    'voters backed building the country's first dam', 'voted in a referendum to build the country's
    first plant': a home affair, not one of another state.
    """
    todo = [c for c in tok.children if (c.dep_ not in OWN_CLAUSE_STOP or _purpose(c)) and c.dep_ != "nsubj"]
    while todo:
        cur = todo.pop()
        if cur.dep_ == "poss" and cur.lower_ == "country" and any(d.lower_ == "the" for d in cur.children):
            return True
        todo += [c for c in cur.children if c.dep_ not in OWN_CLAUSE_STOP or _purpose(c)]
    return False


def _purpose(clause: Any) -> bool:
    """An infinitive saying what the act is for ('voted in a referendum to build ...')."""
    return clause.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def two_sided(trig: Trigger) -> bool:
    """A clash or a truce: it has another side."""
    return trig.type == "FIGHT" or (trig.type == "CONCEDE" and lemma(trig.token) in TRUCE_WORDS)


CHAIR_WORDS = {"chairmanship", "chairman", "presidency", "auspices", "leadership"}


def chaired_by(tok: Any) -> Any:
    """The head of a meeting named in its clause ('under the chairmanship of X', 'received by X')."""
    clause = [tok, *(c for c in tok.children if c.dep_ in ("xcomp", "advcl", "conj"))]
    for verb in clause:
        for p in (c for c in verb.children if c.dep_ in ("prep", "agent")):
            for obj in (o for o in p.children if o.dep_ == "pobj"):
                if p.lower_ == "under" and obj.lower_ in CHAIR_WORDS:
                    return next((x for q in obj.children if q.lower_ == "of" for x in q.children), None)
                if p.lower_ == "by" and lemma(verb) in ("receive", "welcome", "greet", "host"):
                    return obj
    return None


def passive(tok: Any) -> bool:
    """A passive clause: 'was signed', 'had been detained', 'a summit chaired by X'."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN"
    )


def meeting_subject(tok: Any) -> bool:
    """A meeting noun as the subject of its clause ('the next summit is due in X')."""
    return tok.lower_ in MEETING_NOUNS and tok.dep_ in ("nsubj", "nsubjpass")


def meeting_object(tok: Any) -> bool:
    """The verb's object or passive subject is a meeting ('attended the summit', 'the talks were held')."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "pobj") and c.lower_ in MEETING_NOUNS:
            return True
        if c.dep_ == "prep" and any(p.lower_ in MEETING_NOUNS for p in c.children if p.dep_ == "pobj"):
            return True
    return tok.dep_ == "acl" and tok.head.lower_ in MEETING_NOUNS


SENDING = {"MOBILIZE", "AID"}


def sends(trig: Trigger, lex: Any) -> bool:
    """A promise or approval of sending forces or aid ('the bloc would send troops', 'approved the deployment').

    The act promised is the trigger's content, or the verb itself when it is promised ("would send").
    """
    if trig.intent:
        if trig.content is not None:
            return content_type(trig.content, lex) in SENDING
        return trig.kind == "verb" and verb_type(trig.token, trig.pattern, lex)[0] in SENDING
    obj = child(trig.token, "dobj")
    return trig.type == "AGREE" and obj is not None and obj.pos_ == "NOUN" and noun_type(obj, lex)[0] in SENDING
