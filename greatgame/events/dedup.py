"""One event per happening: the same act told twice in one sentence is coded once.

A sentence often names one happening in two clauses: "Armenian Prime Minister Nikol Pashinyan
did not attend and Yerevan sent no delegation", "leaders of the bloc met in Astana for a summit
hosted by President Tokayev", "X took part in the summit, held in Istanbul under the chairmanship
of Y". Two events are the same happening when they have the same type, both or neither negated,
and one's sides cover the other's (a person stands for the state they serve), or when one is a clause
describing the event noun of the other ("a summit hosted by X", "who hosted the meeting"). An
infinitive of purpose is part of the act it is the purpose of ("will meet X to discuss Y"), and
what a demand or a threat asks for is part of the demand.
"""

from __future__ import annotations

import logging
from typing import Any

from greatgame.events.lexicon import Lexicon
from greatgame.events.telling import purpose
from greatgame.events.triggers import Trigger, lemma, noun_type
from greatgame.models import ActorRef, Event

logger = logging.getLogger(__name__)

DESCRIBING = {"acl", "relcl"}
ARGUMENT_DEPS = {"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "npadvmod", "appos"}
DEFINITE = {"the", "this", "that"}
COLLECTIVE_KINDS = {"igo"}

Pair = tuple[Trigger, Event]


def _stands_for(a: ActorRef, b: ActorRef) -> bool:
    """The same actor, or a person and the state whose country they are."""
    if a.id == b.id:
        return True
    return (a.kind == "state" and b.country == a.id) or (b.kind == "state" and a.country == b.id)


def _covers(big: list[ActorRef], small: list[ActorRef]) -> bool:
    return all(any(_stands_for(x, y) for x in big) for y in small)


def same_sides(a: Event, b: Event) -> bool:
    """Sources that cover each other one way, and targets one within the other (or one unnamed).

    A person stands for their state as a source ('Pashinyan did not attend and Yerevan sent no
    delegation'), not as a target: 'talks with Tokayev' and 'a meeting of the five ministers'
    are two meetings.
    """
    if not (_covers(a.source, b.source) or _covers(b.source, a.source)):
        return False
    ta, tb = {r.id for r in a.target}, {r.id for r in b.target}
    return ta <= tb or tb <= ta


def _reaches(tok: Any, goal: Any, steps: int = 4) -> bool:
    """Whether ``tok`` is an argument of ``goal``'s clause: its head chain meets ``goal`` in a few steps."""
    cur = tok
    for _ in range(steps):
        if cur.dep_ not in ARGUMENT_DEPS or cur.head is cur:
            return False
        cur = cur.head
        if cur.i == goal.i:
            return True
    return False


def describes_noun_of(clause: Trigger, main: Trigger, lex: Lexicon) -> bool:
    """``clause`` tells of the event noun that is an argument of ``main``: one happening.

    'took part in the summit, held in Istanbul', 'met for a summit hosted by X' (the noun the
    clause hangs on), '... met X, who hosted the meeting' (a definite event noun as its object).
    """
    tok = clause.token
    if clause.kind != "verb" or tok.dep_ not in DESCRIBING or tok.i == main.token.i:
        return False
    noun = tok.head
    if noun_type(noun, lex)[0] == main.type and (_reaches(noun, main.token) or noun.i == main.token.i):
        return True
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return (
        obj is not None
        and main.token.head.i != obj.i  # "who attended the meeting hosted by X": the host clause hangs on it
        and noun_type(obj, lex)[0] == main.type
        and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children)
    )


def same_happening(a: Pair, b: Pair, lex: Lexicon) -> bool:
    """Whether two events of one sentence tell the same happening."""
    (ta, ea), (tb, eb) = a, b
    if ea.type != eb.type:
        return False
    if describes_noun_of(ta, tb, lex) or describes_noun_of(tb, ta, lex):
        return True
    negated = (ea.modality == "negated") != (eb.modality == "negated")  # "has not signed, but will"
    if negated or ta.intent != tb.intent:  # "signed a treaty and promised to expand trade": two acts
        return False
    if _one_visit(a, b, lex):
        return True
    return not _other_objects(ta, tb) and not _other_parties(ta, tb) and same_sides(ea, eb)


NAME_ENTS = {"GPE", "ORG", "NORP", "PERSON", "LOC"}


def _clause_names(verb: Any, other: Any) -> set[str]:
    """The names in a clause outside its doer: its object, its passive subject, its complements."""
    skip = {t.i for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
    skip |= {t.i for t in other.subtree} if other.i in {t.i for t in verb.subtree} else set()
    return {t.lower_ for t in verb.subtree if t.i not in skip and t.ent_type_ in NAME_ENTS}


def _joined(a: Any, b: Any) -> bool:
    return (b.dep_ == "conj" and b.head.i == a.i) or (a.dep_ == "conj" and a.head.i == b.i)


def _other_parties(a: Trigger, b: Trigger) -> bool:
    """Two joined clauses, each with a subject of its own, about different parties: two acts.

    'The memorandum on Iran's membership was signed, and a decision was adopted to admit Belarus'.
    One clause naming no one ('signed a joint statement, and a package of documents was signed')
    or a doer told twice ('Pashinyan did not attend and Yerevan sent no delegation') is one act.
    """
    ta, tb = a.token, b.token
    if a.kind != "verb" or b.kind != "verb" or not _joined(ta, tb):
        return False
    if not all(any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in (ta, tb)):
        return False
    na, nb = _clause_names(ta, tb), _clause_names(tb, ta)
    return bool(na) and bool(nb) and not na & nb


def _traveller(a: Pair, b: Pair, lex: Lexicon) -> Pair | None:
    """Of two tellings, the one coded on a verb of coming ('arrived', 'travelled'), if any."""
    travel = set(lex.modality["travel_verbs"])
    return next((p for p in (a, b) if p[0].kind == "verb" and lemma(p[0].token) in travel), None)


def _one_visit(a: Pair, b: Pair, lex: Lexicon) -> bool:
    """A coming to a country and a meeting there with the same parties: one visit.

    'X arrived in Astana and held talks with Tokayev', 'X arrived in the capital and was received
    by Tokayev': the visitor and the host (or the host's state) on either side.
    """
    (ta, ea), (tb, eb) = a, b
    if ea.type != "CONSULT" or _traveller(a, b, lex) is None or not _joined(ta.token, tb.token):
        return False  # "held talks with Putin, who arrived on Tuesday": the arrival told of its own
    pa, pb = ea.source + ea.target, eb.source + eb.target
    return bool(pa) and bool(pb) and _covers(pa, pb) and _covers(pb, pa)


def _other_objects(a: Trigger, b: Trigger) -> bool:
    """One verb told twice of different things: 'signed a statement, and ministers signed agreements'.

    Two verbs on two objects ('signed the declaration and approved the document') are one act.
    """
    oa = next((c for c in a.token.children if c.dep_ == "dobj"), None)
    ob = next((c for c in b.token.children if c.dep_ == "dobj"), None)
    if a.kind != "verb" or b.kind != "verb" or oa is None or ob is None or lemma(a.token) != lemma(b.token):
        return False
    return oa.lemma_.lower() != ob.lemma_.lower()


def _collective(ev: Event) -> bool:
    return bool(ev.source) and all(r.kind in COLLECTIVE_KINDS for r in ev.source)


def keep_second(first: Pair, second: Pair, lex: Lexicon) -> bool:
    """Which of two tellings of one happening to keep.

    Of a clause describing an event noun and the clause the noun belongs to, the main clause,
    unless it names only the bloc ('Leaders of the CIS met for a summit hosted by Japarov': the
    host is the one who acted); otherwise the fuller telling (see ``_fullness``).
    """
    (t1, e1), (t2, e2) = first, second
    if _one_visit(first, second, lex):  # the visitor's coming: the visitor is the doer
        return _traveller(first, second, lex) is second
    if describes_noun_of(t1, t2, lex) or describes_noun_of(t2, t1, lex):
        main_first = not describes_noun_of(t1, t2, lex)
        main, other = (e1, e2) if main_first else (e2, e1)
        keep_other = _collective(main) and bool(other.source) and not _collective(other)
        return keep_other if main_first else not keep_other
    return _fullness(e2) > _fullness(e1)


def _fullness(ev: Event) -> tuple[bool, bool, float]:
    """How full a telling is: a doer, then a target, then the coder's confidence.

    'launched the procedure to admit Iran': the purpose names Iran, the launch no one.
    """
    return (bool(ev.source), bool(ev.target), ev.confidence)


ASKING = {"DEMAND", "THREATEN"}
CONTENT_DEPS = {"ccomp", "xcomp", "pcomp", "prep", "pobj", "dobj", "conj"}


def _bare_infinitive(tok: Any) -> bool:
    """A base-form verb with no subject joined to a finite one: it cannot share its tense."""
    return (
        tok.tag_ == "VB"
        and tok.head.tag_ in ("VBZ", "VBD", "VBP")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children)
    )


def asked_for(trig: Trigger, told: list[Pair], lex: Lexicon) -> bool:
    """An act that a coded demand, threat or permission is about: it has not happened.

    'X demanded that Y withdraw its troops', 'X warned Y against allowing Z to strike', 'X allowed
    Y to hold a rally'.
    """
    permits = set(lex.modality["permission_heads"])
    asking = {t.token.i for t, e in told if e.type in ASKING}
    cur = trig.token
    for _ in range(6):
        if cur.dep_ not in CONTENT_DEPS or cur.head is cur:
            return False
        if cur.dep_ == "conj" and cur.head.i in asking:  # "demanded X and threatened Y": an act of its own,
            return _bare_infinitive(cur)  # unless the parser hung a demanded 'withdraw' on 'demands'

        cur = cur.head
        if cur.i in asking or (cur.pos_ == "VERB" and lemma(cur) in permits):
            return True
    return False


def admit(told: list[Pair], pair: Pair, lex: Lexicon) -> None:
    """Add a coded event to the sentence's events, unless it tells a happening already there.

    Of two tellings of one happening the better one stays (see ``keep_second``).
    """
    trig, ev = pair
    if asked_for(trig, told, lex):  # "demanded that Y withdraw", "warned against allowing Y to strike"
        return
    served = next((i for i, (t, _) in enumerate(told) if t.token.i == trig.token.head.i), None)
    if served is not None and trig.kind == "verb" and purpose(trig.token, told[served][0]):
        if told[served][1].type != ev.type:
            if trig.token.dep_ == "advcl":
                return  # "sent troops to protect X": what the sending is for
            told.append(pair)  # "telephoned X to offer condolences": an act of its own in the call
            return
        twin: int | None = served  # "travelled to X to meet Y": one meeting, told twice
    else:
        twin = next((i for i, p in enumerate(told) if same_happening(p, pair, lex)), None)
    if twin is None:
        told.append(pair)
    elif keep_second(told[twin], pair, lex):
        if twin == served:  # "will hold talks to discuss X": the purpose told as its act is
            ev.modality = told[twin][1].modality
        told.pop(twin)
        told.append(pair)
