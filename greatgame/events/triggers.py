"""Find the words of a parsed sentence that report events, and their PLOVER type.

A trigger is a verb, an event noun or a predicative adjective from the pattern files. Light
verbs ("hold", "stage", "sign") take their type from the object; particles and prepositions
can change it ("call on" -> DEMAND); governing verbs ("refuse to", "threaten to") absorb the
clause they govern; commissive ones ("offer to", "ready to") become AGREE or THREATEN by
what is offered.
"""

from __future__ import annotations

import logging
from typing import Any

from greatgame.events.absorb import absorbed as absorbed_by
from greatgame.events.absorb import ongoing, records, rehearsed, standing_state, voided
from greatgame.events.intent import (
    DEONTIC_AUX,
    FUTURE_AUX,
    HOSTILE,
    POSSIBLE_AUX,
    apply_intent,
    aux_words,
    deontic,
    intended_trigger,
    judgement,
    reproach,
    speaker_conj,
    under_speech,
)
from greatgame.events.lexicon import Lexicon, Pattern
from greatgame.events.words import (
    Trigger,
    antecedent,
    child_dep,
    document_says,
    existential,
    forms,
    gerund_noun,
    leader,
    lemma,
    local_clause,
    lookup,
    lookup_keys,
    obj_keys,
    object_of,
    particle,
    people,
    present_in,
    stray_infinitive,
    to_clause,
    to_place,
)
from greatgame.models import QUAD

logger = logging.getLogger(__name__)

__all__ = [  # what the coder's other modules take from here
    "DEONTIC_AUX", "FUTURE_AUX", "HOSTILE", "POSSIBLE_AUX", "Trigger", "aux_words", "child_dep", "commissive_type",
    "content_type", "find_triggers", "forms", "lemma", "lookup", "noun_type", "object_of", "quad_of",
    "speaker_conj", "under_speech", "verb_type",
]  # fmt: skip

NO_ACT = {"comment", "elaborate", "speculate", "say", "disclose"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"}
OBJ_DEPS = {"dobj", "obj", "attr", "oprd"}


def noun_type(tok: Any, lex: Lexicon) -> tuple[str | None, Pattern | None]:
    """Type of an event noun, with compound modifiers ("air strike", "joint exercises") applied."""
    pat = lex.nouns.get(tok.text.lower()) or lex.nouns.get(lemma(tok))
    if pat is None:
        return None, None
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.text.lower() in pat.compounds:
            return pat.compounds[c.text.lower()], pat
        if c.dep_ in ("compound", "amod", "nmod") and lemma(c) in pat.compounds:
            return pat.compounds[lemma(c)], pat
    if pat.cues:  # "operations against protesters", "withdrawal from the alliance": the phrase after it
        words = {w for c in tok.children if c.dep_ == "prep" for t in c.subtree for w in (t.lower_, lemma(t))}
        for typ, cue_words in pat.cues.items():
            if words & {w.lower() for w in cue_words}:
                return typ, pat
    return pat.type, pat


def _cue_type(tok: Any, pat: Pattern) -> str | None:
    scope = list(tok.subtree) if pat.cue_scope == "tree" else local_clause(tok)
    if tok.dep_ in ("xcomp", "conj", "advcl") or not any(c.dep_.startswith("nsubj") for c in tok.children):
        head = tok.head
        while head.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in head.children):
            head = head.head  # "crowds stormed, set fire to X and seized Y": the first verb's subject
        for s in head.children:
            if s.dep_ in ("nsubj", "nsubjpass"):
                scope += list(s.subtree)
    for c in tok.children:  # "were killed and 243 injured in unrest": the phrase after the last verb is shared
        if c.dep_ == "conj" and c.pos_ == "VERB":
            scope += [t for p in c.children if p.dep_ == "prep" for t in p.subtree]
    if tok.dep_ in ("relcl", "acl") and tok.head.i != tok.i:  # "the CSTO, which it left", "the procedure to admit X"
        scope.append(tok.head)
    if pat.cue_scope == "subject":
        scope = [t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree] or scope
    words = {t.text.lower() for t in scope} | {lemma(t) for t in scope}
    for typ, cue_words in pat.cues.items():
        if words & {w.lower() for w in cue_words}:
            return typ
    return None


def verb_type(tok: Any, pat: Pattern, lex: Lexicon) -> tuple[str | None, float, str | None]:
    """Resolve the type of a verb pattern on this token: particles, prepositions, objects, cues."""
    typ, strength, mode = pat.type, pat.strength, pat.mode
    obj = object_of(tok)
    if obj is not None and lookup_keys(pat.objects, obj_keys(obj)) == (True, None):
        return None, strength, mode  # "handing over the chair": no event, whatever the particle
    if pat.transitive and obj is None:  # "while the villages burned"
        return None, strength, mode
    if pat.places and not to_place(tok, pat):  # "came to Bishkek", not "came to power" or "came after"
        found, ptyp = _pobject_type(tok, pat)
        return (ptyp if found else None), strength, mode
    subj = child_dep(tok, "nsubj")
    if subj is not None and lemma(antecedent(subj, tok)) in pat.no_subjects:  # "where the borders meet"
        return None, strength, mode
    for c in tok.children:
        if particle(tok, c) and lemma(c) in pat.particles:
            return pat.particles[lemma(c)], max(strength, 0.8), mode
        if c.dep_ in ("prep", "prt") and lemma(c) in pat.preps:
            return pat.preps[lemma(c)], max(strength, 0.8), mode
    for c in tok.children:  # "called for trade to be increased": 'for' marks the clause
        if c.dep_ in ("advcl", "ccomp"):
            mark = child_dep(c, "mark")
            if mark is not None and lemma(mark) in pat.preps and mark.i == tok.i + 1:
                return pat.preps[lemma(mark)], max(strength, 0.8), mode
    found, ptyp = _pobject_type(tok, pat)  # "holds Muslims in camps"
    if found:
        return ptyp, max(strength, 0.75), mode
    for p in (c for c in tok.children if c.dep_ == "prep" and lemma(c) in pat.via):
        for obj in (o for o in p.children if o.dep_ == "pobj"):
            ntyp, npat = noun_type(obj, lex)
            if ntyp and ntyp != "CONSULT":
                return ntyp, 0.75, npat.mode if npat else mode
    cue = _cue_type(tok, pat)
    if cue:
        return cue, max(strength, 0.7), mode
    obj = object_of(tok)
    if obj is not None:
        keys = obj_keys(obj)
        found, otyp = lookup_keys(pat.objects, keys)
        if not found and pat.person_object and people(obj):
            return pat.person_object, max(strength, 0.7), mode
        if found:
            npat = lex.nouns.get(keys[-1])
            return otyp, max(strength, 0.8), (npat.mode if npat and npat.mode else mode)
        if pat.type is None:
            ntyp, npat = noun_type(obj, lex)
            if ntyp:
                return ntyp, 0.75, npat.mode if npat else None
    if typ is None and pat.clause and to_clause(tok) is not None:  # "voted to build the plant"
        return pat.clause, max(strength, 0.7), mode
    return typ, strength, mode


def _content(tok: Any) -> Any:
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp"):
            return c
    for c in tok.children:  # "agreed to a plan", "opposed to mediation", "warned against allowing"
        if c.dep_ == "prep" and lemma(c) in ("to", "on", "against"):
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    return p
    return None


def _content_type(content: Any, lex: Lexicon) -> str | None:
    if content is None:
        return None
    pat = lex.verbs.get(lemma(content))
    if content.pos_ in ("VERB", "AUX") and pat is not None:
        if pat.control == "pass":
            inner = _content(content)
            return _content_type(inner, lex) if inner is not None else None
        if pat.control in (None, "govern", "commissive") and (
            pat.type or pat.objects or pat.particles or pat.cues
        ):
            return verb_type(content, pat, lex)[0]
    if content.pos_ in ("NOUN", "PROPN"):
        return noun_type(content, lex)[0]
    return None


def content_type(content: Any, lex: Lexicon) -> str | None:
    """The type of the act a governing verb or adjective is about ('ready to impose martial law')."""
    return _content_type(content, lex)


def commissive_type(content: Any, lex: Lexicon, default: str = "AGREE") -> str:
    """AGREE for offering a cooperative act, THREATEN for announcing a hostile one."""
    inner = _content_type(content, lex)
    if inner in HOSTILE:
        return "THREATEN"
    return default


def _object_trigger(tok: Any, pat: Pattern, lex: Lexicon) -> Trigger | None:
    """A pass-through or commissive verb whose object names the event ('resumed fire', 'offered condolences')."""
    found, typ = _pobject_type(tok, pat)  # "kept in custody"
    if found and typ is not None:
        return Trigger(tok, typ, max(pat.strength, 0.75), pat, "verb", pat.mode, list(pat.context))
    obj = object_of(tok)
    if obj is None or not pat.objects:
        return None
    found, typ = lookup_keys(pat.objects, obj_keys(obj))
    if not found or typ is None:
        return None
    purpose = to_clause(tok)  # "began the procedure to admit Belarus": the admission is the procedure
    return Trigger(tok, typ, max(pat.strength, 0.75), pat, "verb", pat.mode, list(pat.context), purpose)


def _pobject_type(tok: Any, pat: Pattern) -> tuple[bool, Any]:
    """The type a prepositional object gives the verb ('held in camps').

    The phrase may hang on the verb or, by a common misattachment, on its object ('holds
    hundreds of activists in camps').
    """
    if not pat.pobjects:
        return False, None
    obj = object_of(tok)
    heads = [tok] + ([obj] if obj is not None and obj.head.i == tok.i else [])
    for p in (c for h in heads for c in h.children if c.dep_ == "prep"):
        for o in (o for o in p.children if o.dep_ == "pobj"):
            found, typ = lookup_keys(pat.pobjects, [f"{lemma(p)} {o.lower_}", f"{lemma(p)} {lemma(o)}"])
            if found:
                return True, typ
    return False, None


def _no_event_object(tok: Any, pat: Pattern) -> bool:
    """An object the pattern marks as no event ('the attack committed on 22 March' is no promise)."""
    obj = object_of(tok)
    return obj is not None and lookup_keys(pat.objects, obj_keys(obj)) == (True, None)


def _verb_trigger(tok: Any, pat: Pattern, lex: Lexicon) -> Trigger | None:
    if pat.control in ("pass", "commissive"):
        trig = _object_trigger(tok, pat, lex)
        if trig is not None or pat.control == "pass" or _no_event_object(tok, pat):
            return trig
    if pat.control == "simulate":
        return None
    if pat.intended:  # "Russia would respond": a threat when stated as intention, else nothing
        return intended_trigger(tok, pat, lex)
    if pat.control == "speech":
        if pat.person_object and leader(object_of(tok), lex):  # "Xi told President Tokayev that ...": they met
            return Trigger(tok, pat.person_object, 0.6, pat, "verb", pat.mode, list(pat.context))
        if pat.type is None and not pat.objects:
            return None
        typ, strength, mode = verb_type(tok, pat, lex)
        return Trigger(tok, typ, strength, pat, "verb", mode, list(pat.context)) if typ else None
    if pat.control == "commissive":
        content = _content(tok)
        typ = commissive_type(content, lex, pat.type or "AGREE")
        return Trigger(tok, typ, pat.strength, pat, "verb", pat.mode, list(pat.context), content, intent=True)
    typ, strength, mode = verb_type(tok, pat, lex)
    if typ is None:
        return None
    content = (_content(tok) or stray_infinitive(tok)) if pat.control == "govern" else None
    if content is None and pat.clause:
        content = to_clause(tok)
    if content is None and pat.contents and (said := document_says(tok)) is not None:
        content = said  # "signed the paragraph endorsing the Belt and Road": what the text does
    if content is not None and lemma(content) in NO_ACT:  # "declined to comment"
        return None
    if content is not None and pat.contents:  # "ordered the forces to shoot": the act ordered
        typ = pat.contents.get(_content_type(content, lex) or "", typ)
    return Trigger(tok, typ, strength, pat, "verb", mode, list(pat.context), content)


def _adj_trigger(tok: Any, pat: Pattern, lex: Lexicon) -> Trigger | None:
    if pat.judgement and tok.dep_ in ("amod", "compound", "nmod"):  # "illegal crossings" judges nobody
        return None
    if pat.control == "commissive":
        content = _content(tok)
        if content is None:
            return None
        return Trigger(tok, commissive_type(content, lex), 0.8, pat, "adj", None, [], content, intent=True)
    if pat.type is None:
        return None
    return Trigger(tok, pat.type, pat.strength, pat, "adj", pat.mode, list(pat.context), _content(tok))


COPULAS = {"be", "become", "remain"}


def _stance_trigger(tok: Any, lex: Lexicon) -> Trigger | None:
    """A judgement the speaker passes on the subject of a reported copula clause.

    'X said Y was a strategic partner' is SUPPORT, '... Y was a threat' DISAPPROVE.
    """
    head = tok.head
    if tok.dep_ not in ("attr", "acomp") or lemma(head) not in COPULAS or head.i == tok.i:
        return None
    if any(c.dep_ == "neg" for c in head.children) or under_speech(head, lex) is None:
        return None
    if aux_words(head) & DEONTIC_AUX:  # "the valley should become a zone of peace": a wish, not a judgement
        return None
    nouns = [tok] + [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    words = {lemma(n) for n in nouns} | {lemma(c) for n in nouns for c in n.children if c.dep_ == "amod"}
    if words & set(lex.stance["negative"]):
        typ = "DISAPPROVE"
    elif words & set(lex.stance["positive"]):
        typ = "SUPPORT"
    else:
        return None
    pat = Pattern(lemma=lemma(tok), type=typ, strength=0.6, judgement=True)
    return Trigger(tok, typ, 0.6, pat, "adj")


def _noun_trigger(tok: Any, typ: str, pat: Pattern, taken: set[int], lex: Lexicon) -> Trigger:
    """An event noun, or the verb that carries it.

    As the object of a verb that is no trigger ("issued an ultimatum") the verb carries it,
    so that its subject and prepositions give source and target; not a verb that only places
    it in time ("the trip followed Putin's visits to China") or addresses it ("told the summit").
    """
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB" and head.head.i not in taken:
        if pat.type == "CONSULT":  # "raised the canal with X in talks": the talks are the doer's
            head = head.head
            light = Pattern(
                lemma=lemma(head), type=typ, strength=0.6, mode=pat.mode, context=list(pat.context)
            )
            return Trigger(head, typ, 0.6, light, "verb", pat.mode, list(pat.context))
    if (
        tok.dep_ == "dobj"
        and head.pos_ in ("VERB", "AUX")
        and head.i not in taken
        and lemma(head) not in lex.not_light
    ):
        light = Pattern(lemma=lemma(head), type=typ, strength=0.7, mode=pat.mode, context=list(pat.context))
        return Trigger(head, typ, 0.7, light, "verb", pat.mode, list(pat.context))
    return Trigger(tok, typ, 0.45, pat, "noun", pat.mode, list(pat.context))


def find_triggers(sent: Any, lex: Lexicon, names: set[int] | None = None) -> list[Trigger]:
    """Every trigger of one parsed sentence, the absorbed ones removed, in text order.

    ``names`` are the tokens of actor names: "Treaty" in "Collective Security Treaty
    Organization" or "Cooperation" in "Shanghai Cooperation Organisation" is no event.
    """
    names = names or set()
    found: list[Trigger] = []
    practised = rehearsed(sent, lex) | records(sent)  # "the drills would practise ...", "has never sent ..."
    for tok in sent:
        if tok.i in practised:
            continue
        trig = None
        if gerund_noun(tok, lex) or existential(tok):
            continue
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            trig = deontic(tok, lex)
            pat = lookup(lex.verbs, tok)
            if trig is None and pat is not None:
                trig = _verb_trigger(tok, pat, lex)
        elif tok.pos_ in ("ADJ", "VERB") and lemma(tok) in lex.adjectives:
            trig = _adj_trigger(tok, lex.adjectives[lemma(tok)], lex)
        if trig is None:
            trig = _stance_trigger(tok, lex)
        if trig is None and tok.pos_ == "VERB" and (pat := lookup(lex.verbs, tok)) is not None and pat.reproach:
            trig = Trigger(tok, pat.type or "", pat.strength, pat, "verb")  # only as what a speaker reproaches
        if trig is None and lex.presence is not None and present_in(tok, lex, names):  # "Imran Khan was also in Dushanbe"
            trig = Trigger(tok, lex.presence.type or "", lex.presence.strength, lex.presence, "verb", lex.presence.mode,
                           list(lex.presence.context))  # fmt: skip
        if trig is None and lemma(tok) == "be" and any(
            c.dep_ == "prep" and c.lower_ in lex.accusing_preps for c in tok.children
        ):  # "X said Y was behind the attack"
            trig = Trigger(tok, "", 0.7, Pattern(lemma="be", reproach="always"), "verb")
        if trig is None:
            trig = judgement(tok, lex, names)  # "X told Y that it was regrettable that ..."
        if trig is not None and (trig.type in trig.pattern.standing and standing_state(trig.token) or ongoing(tok)):
            trig = None  # "still lists the Taliban as a terrorist organisation", "have been asking since": no event
        if trig is not None:
            trig = reproach(trig, lex, names) or trig
            if trig.type:
                apply_intent(trig, lex)
                found.append(trig)
    absorbed = voided(sent, lex) | practised
    for trig in found:
        absorbed |= absorbed_by(trig, lex) - {trig.token.i}
    verbs = [t for t in found if t.token.i not in absorbed]
    taken = absorbed | {t.token.i for t in verbs}
    taken -= {t.i for t in sent if t.dep_ == "pobj" and (p := lookup(lex.nouns, t)) is not None and p.standalone}
    nouns = []
    for tok in sent:
        if (
            (tok.pos_ in ("NOUN", "PROPN") or gerund_noun(tok, lex))
            and tok.i not in taken
            and tok.i not in names
        ):
            typ, pat = noun_type(tok, lex)
            if typ and pat is not None:
                nouns.append(_noun_trigger(tok, typ, pat, taken, lex))
    return sorted(verbs + nouns, key=lambda t: t.token.i)


def quad_of(typ: str) -> str:
    """Quad class of a type (for callers that only hold the name)."""
    return QUAD[typ]
