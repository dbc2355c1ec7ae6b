"""Find the words of a parsed sentence that report events, and their PLOVER type.

A trigger is a verb, an event noun or a predicative adjective from the pattern files. Light
verbs ("hold", "stage", "sign") take their type from the object; particles and prepositions
can change it ("call on" -> DEMAND); governing verbs ("refuse to", "threaten to") absorb the
clause they govern; commissive ones ("offer to", "ready to") become AGREE or THREATEN by
what is offered.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from greatgame.events.lexicon import Lexicon, Pattern
from greatgame.models import QUAD

logger = logging.getLogger(__name__)

NO_ACT = {"comment", "elaborate", "speculate", "say", "disclose"}
TIME_PREPS = {"during", "after", "before", "since", "until", "amid", "following", "ahead", "despite"}
HOSTILE = {"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "THREATEN"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"}
OBJ_DEPS = {"dobj", "obj", "attr", "oprd"}


@dataclass
class Trigger:
    """One event word with its resolved type."""

    token: Any  # spaCy Token
    type: str
    strength: float
    pattern: Pattern
    kind: str  # verb | noun | adj | deontic | future
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    content: Any = None  # the governed clause (xcomp/ccomp), if any
    intent: bool = False  # AGREE/THREATEN made of a stated intention
    own_intent: bool = False  # a meeting the speaker says they will hold


def lemma(tok: Any) -> str:
    """Lower-case lemma, with the plain lower form as fallback for odd lemmas."""
    return (tok.lemma_ or tok.text).lower()


def forms(tok: Any) -> list[str]:
    """The lemma and a few regular de-inflections of the word.

    Lookups must not depend on a lemmatiser slip ('hopes' -> 'hop').
    """
    low = tok.text.lower()
    out = [lemma(tok), low]
    if low.endswith("ies"):
        out.append(low[:-3] + "y")
    if low.endswith(("s", "d")):
        out.append(low[:-1])
    if low.endswith(("es", "ed")):
        out.append(low[:-2])
    if low.endswith("ing"):
        out += [low[:-3], low[:-3] + "e"]
    return out


def lookup(table: dict[str, Any], tok: Any) -> Any:
    """The entry of ``table`` for the first form of ``tok`` it holds."""
    for f in forms(tok):
        if f in table:
            return table[f]
    return None


RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}


def antecedent(word: Any, verb: Any) -> Any:
    """The noun a relative pronoun stands for ('the town, which X took back': the town)."""
    if word.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.i != verb.i:
        return verb.head
    return word


def object_of(tok: Any) -> Any:
    """The direct object of a verb (or the passive subject, which is its logical object).

    A relative pronoun stands for its antecedent: in 'the CSTO, which it left', 'left' has the CSTO.
    """
    for c in tok.children:
        if c.dep_ in ("dobj", "obj"):
            return antecedent(c, tok)
    for c in tok.children:
        if c.dep_ == "nsubjpass":
            return c
    for c in tok.children:  # "became a member"
        if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN"):
            return c
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "a summit chaired by X": the summit
        return tok.head
    return None


PARTICLE_ADVERBS = {"back", "out", "off", "down", "up", "over", "away", "in"}


def _particle(verb: Any, c: Any) -> bool:
    """A particle of the verb, also where the parser made it an adverb ('which X forces took back')."""
    if c.dep_ == "prt":
        return True
    return c.dep_ == "advmod" and c.lower_ in PARTICLE_ADVERBS and c.i > verb.i


def _obj_keys(obj: Any) -> list[str]:
    keys = []
    mods = [c for c in obj.children if c.dep_ in ("compound", "amod")]
    for m in mods:
        keys.append(f"{m.text.lower()} {obj.text.lower()}")
    for prep in obj.children:  # "treaty of friendship"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            keys += [f"{obj.text.lower()} of {p.text.lower()}" for p in prep.children if p.dep_ == "pobj"]
    doc = obj.doc
    if obj.i + 2 < len(doc) and doc[obj.i + 1].text == "-":  # "call-up", "cease-fire"
        keys.append(f"{obj.text}-{doc[obj.i + 2].text}".lower())
    keys += [obj.text.lower(), lemma(obj)]
    return keys


def _lookup(table: dict[str, Any], keys: list[str]) -> tuple[bool, Any]:
    for k in keys:
        if k in table:
            return True, table[k]
    return False, None


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
    return pat.type, pat


def _local(tok: Any, skip_self: bool = False) -> list[Any]:
    """The clause of a verb without its sub-clauses (subject, objects, prepositional phrases)."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [
            c for c in t.children if c.dep_ not in ("ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp")
        ]
    return out


def _cue_type(tok: Any, pat: Pattern) -> str | None:
    scope = list(tok.subtree) if pat.cue_scope == "tree" else _local(tok)
    if tok.dep_ in ("xcomp", "conj", "advcl") or not any(c.dep_.startswith("nsubj") for c in tok.children):
        for s in tok.head.children:
            if s.dep_ in ("nsubj", "nsubjpass"):
                scope += list(s.subtree)
    if tok.dep_ == "relcl" and tok.head.i != tok.i:  # "the CSTO, which it left": the CSTO is in the clause
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
    if obj is not None and _lookup(pat.objects, _obj_keys(obj)) == (True, None):
        return None, strength, mode  # "handing over the chair": no event, whatever the particle
    if pat.transitive and obj is None:  # "while the villages burned"
        return None, strength, mode
    subj = child_dep(tok, "nsubj")
    if subj is not None and lemma(antecedent(subj, tok)) in pat.no_subjects:  # "where the borders meet"
        return None, strength, mode
    for c in tok.children:
        if _particle(tok, c) and lemma(c) in pat.particles:
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
        keys = _obj_keys(obj)
        found, otyp = _lookup(pat.objects, keys)
        if not found and pat.person_object and _people(obj):
            return pat.person_object, max(strength, 0.7), mode
        if found:
            npat = lex.nouns.get(keys[-1])
            return otyp, max(strength, 0.8), (npat.mode if npat and npat.mode else mode)
        if pat.type is None:
            ntyp, npat = noun_type(obj, lex)
            if ntyp:
                return ntyp, 0.75, npat.mode if npat else None
    return typ, strength, mode


def _people(obj: Any) -> bool:
    """A person or a people as object ('dismissed Minister X', 'welcomed the Europeans')."""
    return obj.ent_type_ in ("PERSON", "NORP") or (obj.pos_ == "PROPN" and not obj.ent_type_)


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


COOPERATIVE_MATERIAL = {"AID", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"}
FUTURE_AUX = {"will", "shall", "'ll", "would", "wo"}
POSSIBLE_AUX = {"could", "might", "may"}
DECIDED_ACTS = {"AID", "CONCEDE"}  # "X announced that it would provide / that Y would be dropped": the act itself
DEONTIC_AUX = {"must", "should"}


def aux_words(tok: Any) -> set[str]:
    """Auxiliaries and particles of a verb ("will", "must", "not", "to"...), lower case."""
    words = {c.text.lower() for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")}
    if tok.dep_ == "xcomp" and tok.head.lemma_ in ("have", "need"):
        words |= {"must"}
    if tok.dep_ == "xcomp" and lemma(tok.head) in ASPECT_VERBS:  # "would continue to support"
        words |= {c.text.lower() for c in tok.head.children if c.dep_ in ("aux", "auxpass", "neg")}
    return words


ASPECT_VERBS = {"continue", "keep", "begin", "start", "go"}


def _joint_plan(tok: Any) -> bool:
    """Several doers ('A, B and C will hold exercises'): an arrangement between them, not one side's promise."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(c.dep_ == "conj" for c in subj.children)


PERFECT_AUX = {"had", "has", "have"}


def speaker_conj(tok: Any, lex: Lexicon) -> Any:
    """The speech verb a misattached conjunct belongs to, or None.

    'X said the bloc had become ... and called for Y': 'called' (simple past, no subject of its
    own) cannot share the perfect of 'had become'; it is X's own act, next to 'said'. Nor can it
    share a copula that describes ('X said Turkey was a close partner and called for Y').
    """
    head = tok.head
    if tok.dep_ != "conj" or tok.tag_ != "VBD" or child_dep(tok, "nsubj", "nsubjpass") is not None:
        return None
    perfect = head.tag_ == "VBN" and bool({c.lower_ for c in head.children} & PERFECT_AUX)
    copula = lemma(head) == "be" and child_dep(head, "attr", "acomp") is not None  # "said Y was a partner and called"
    if head.dep_ != "ccomp" or not (perfect or copula):
        return None
    verb = head.head
    return verb if lemma(verb) in set(lex.modality["speech_verbs"]) and verb.tag_ == "VBD" else None


def child_dep(tok: Any, *deps: str) -> Any:
    """The first child of ``tok`` with one of these dependency labels, or None."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def under_speech(tok: Any, lex: Lexicon) -> Any:
    """The reporting verb whose clause holds this token, or None."""
    speech = set(lex.modality["speech_verbs"])
    if speaker_conj(tok, lex) is not None:  # the speaker's own act, not what they say
        return None
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("ROOT",) or cur.head.i == cur.i:
            return None
        if cur.dep_ in ("ccomp", "parataxis", "conj", "xcomp", "advcl") or cur.head.dep_ == "ROOT":
            if lemma(cur.head) in speech and cur.dep_ in ("ccomp", "parataxis"):
                return cur.head
        cur = cur.head
    return None


def _object_trigger(tok: Any, pat: Pattern, lex: Lexicon) -> Trigger | None:
    """A pass-through or commissive verb whose object names the event ('resumed fire', 'offered condolences')."""
    found, typ = _pobject_type(tok, pat)  # "kept in custody"
    if found and typ is not None:
        return Trigger(tok, typ, max(pat.strength, 0.75), pat, "verb", pat.mode, list(pat.context))
    obj = object_of(tok)
    if obj is None or not pat.objects:
        return None
    found, typ = _lookup(pat.objects, _obj_keys(obj))
    if not found or typ is None:
        return None
    return Trigger(tok, typ, max(pat.strength, 0.75), pat, "verb", pat.mode, list(pat.context))


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
            found, typ = _lookup(pat.pobjects, [f"{lemma(p)} {o.lower_}", f"{lemma(p)} {lemma(o)}"])
            if found:
                return True, typ
    return False, None


def _no_event_object(tok: Any, pat: Pattern) -> bool:
    """An object the pattern marks as no event ('the attack committed on 22 March' is no promise)."""
    obj = object_of(tok)
    return obj is not None and _lookup(pat.objects, _obj_keys(obj)) == (True, None)


def _intended_trigger(tok: Any, pat: Pattern, lex: Lexicon) -> Trigger | None:
    """A verb that reports an event only as what someone says they will or could do."""
    auxes = aux_words(tok)
    if not auxes & (FUTURE_AUX | POSSIBLE_AUX) or under_speech(tok, lex) is None or "not" in auxes:
        return None
    typ = pat.intended or ""
    return Trigger(tok, typ, pat.strength, pat, "verb", pat.mode, list(pat.context), intent=True)


def _verb_trigger(tok: Any, pat: Pattern, lex: Lexicon) -> Trigger | None:
    if pat.control in ("pass", "commissive"):
        trig = _object_trigger(tok, pat, lex)
        if trig is not None or pat.control == "pass" or _no_event_object(tok, pat):
            return trig
    if pat.control == "simulate":
        return None
    if pat.intended:  # "Russia would respond": a threat when stated as intention, else nothing
        return _intended_trigger(tok, pat, lex)
    if pat.control == "speech":
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
    content = _content(tok) if pat.control == "govern" else None
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


def _intent(trig: Trigger, lex: Lexicon) -> None:
    """'X will give Y a grant' said by X is a promise (AGREE); 'X would boycott Y' a threat."""
    tok = trig.token
    if trig.kind != "verb" or trig.intent:
        return
    auxes = aux_words(tok)
    marks = {t.text.lower() for t in tok.subtree if t.dep_ == "mark"}
    conditional = bool(marks & {"unless", "if"})
    verb = under_speech(tok, lex)
    decided = verb is not None and lemma(verb) in ("announce", "declare", "decide")
    hedged = bool(auxes & POSSIBLE_AUX) and not auxes & FUTURE_AUX
    if not (verb is not None or conditional):
        return
    if not auxes & FUTURE_AUX and not (hedged and verb is not None):  # "X could ... if": the author's guess
        return
    if trig.type in HOSTILE or (conditional and trig.type in ("RETREAT", "SANCTION")):
        if trig.type == "MOBILIZE" and (hedged or not conditional):  # "troops would join them": a plan told
            return
        if conditional or not decided:  # "X said Russia could use its missile against Y": a threat
            trig.type, trig.intent = "THREATEN", True
    elif hedged or "not" in auxes or "n't" in auxes:  # "X said Y could help", "it will not help": no promise
        return
    elif trig.type in COOPERATIVE_MATERIAL and not _joint_plan(tok) and not (decided and trig.type in DECIDED_ACTS):
        trig.type, trig.intent = "AGREE", True  # "X said it would help Y": a promise
    elif trig.type == "CONSULT" and verb is not None:
        trig.own_intent = True  # AGREE if the speaker is the one who will meet (decided by the coder)


JOURNALISTIC = {"report", "quote", "confirm", "announce", "declare", "write", "tweet", "post", "reveal", "inform"}
PRONOUNS = {"he", "she", "they", "it", "we"}


def _reproach(trig: Trigger, lex: Lexicon, names: set[int]) -> Trigger | None:
    """'X said the alliance had failed to help', '... had not fulfilled its obligations': X's criticism.

    The event is the speaker's: it sits on the reporting verb, with the reported clause as its
    content (whose subject is the one criticised). The speaker must be a party (an actor or a
    pronoun for one, or the subject of the clause 'saying ...' hangs on), not the press
    ('sources reported that ...').
    """
    tok, kind = trig.token, trig.pattern.reproach
    clause = tok.head if tok.dep_ == "conj" else tok  # "said that A ... but that B were behind it"
    if kind is None or trig.kind != "verb" or clause.dep_ != "ccomp":
        return None
    if kind == "negated" and child_dep(tok, "neg") is None:
        return None
    verb = clause.head
    speech = set(lex.modality["speech_verbs"]) - JOURNALISTIC
    if lemma(verb) not in speech or child_dep(tok, "nsubj", "nsubjpass") is None:
        return None
    speaker = child_dep(verb, "nsubj") or (child_dep(verb.head, "nsubj") if verb.dep_ == "advcl" else None)
    if speaker is None or not (speaker.lower_ in PRONOUNS or {t.i for t in speaker.subtree} & names):
        return None
    pat = Pattern(lemma=lemma(verb), type="DISAPPROVE", strength=0.7)
    return Trigger(verb, "DISAPPROVE", 0.7, pat, "verb", None, [], tok)


def _deontic(tok: Any, lex: Lexicon) -> Trigger | None:
    """'X said (that) Y must do Z' is a demand of X on Y."""
    if tok.pos_ not in ("VERB", "AUX") or not (aux_words(tok) & DEONTIC_AUX):
        return None
    if tok.dep_ not in ("ccomp",) or tok.head.pos_ not in ("VERB",):
        return None
    pat = Pattern(lemma="must", type="DEMAND", strength=0.75)
    return Trigger(tok, "DEMAND", 0.75, pat, "deontic", None, [], tok)


def _absorbed(trig: Trigger) -> set[int]:
    """Tokens whose own event is part of this trigger's (its content and its objects)."""
    out: set[int] = set()
    agreed_that = trig.intent and trig.content is not None and trig.content.dep_ == "ccomp"
    if (
        trig.content is not None and not agreed_that
    ):  # "agreed that the summit would be held in X": two events
        stack = [trig.content]
        while stack:
            t = stack.pop()
            out.add(t.i)
            stack += [c for c in t.children if c.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep", "ccomp")]
    if trig.content is not None and trig.content.dep_ == "ccomp" and trig.pattern.control == "govern":
        for c in trig.token.children:  # "demands that Y cease fire, withdraw its units": both demanded
            if c.dep_ == "conj" and c.tag_ == "VB" and c.i > trig.content.i and child_dep(c, "nsubj") is None:
                out |= {t.i for t in c.subtree}
    for c in trig.token.children:
        if c.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "attr", "dative", "oprd"):
            out.add(c.i)
            if c.dep_ in ("dobj", "obj"):  # "rules out the participation ... and the deployment ..."
                out |= {k.i for k in c.conjuncts}
        if c.dep_ in ("prep", "agent") and c.lower_ not in TIME_PREPS:  # "during his visit" is its own event
            out |= {p.i for p in c.children if p.dep_ == "pobj"}
    return out


def _noun_trigger(tok: Any, typ: str, pat: Pattern, taken: set[int], lex: Lexicon) -> Trigger:
    """An event noun, or the verb that carries it.

    As the object of a verb that is no trigger ("issued an ultimatum") the verb carries it,
    so that its subject and prepositions give source and target; not a verb that only places
    it in time ("the trip followed Putin's visits to China").
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
        and lemma(head) not in lex.relating
    ):
        light = Pattern(lemma=lemma(head), type=typ, strength=0.7, mode=pat.mode, context=list(pat.context))
        return Trigger(head, typ, 0.7, light, "verb", pat.mode, list(pat.context))
    return Trigger(tok, typ, 0.45, pat, "noun", pat.mode, list(pat.context))


def _gerund_noun(tok: Any, lex: Lexicon) -> bool:
    """A gerund used as a noun ('shooting broke out') is read as the event noun."""
    return (
        tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and tok.lower_ in lex.nouns
    )


def _rehearsed(sent: Any, lex: Lexicon) -> set[int]:
    """Acts that are only practised or simulated ('the drills would practise destroying armed groups')."""
    out: set[int] = set()
    for tok in sent:
        pat = lex.verbs.get(lemma(tok))
        if tok.pos_ == "VERB" and pat is not None and pat.control == "simulate":
            for c in tok.children:
                if c.dep_ in ("xcomp", "ccomp", "dobj", "obj"):
                    out |= {t.i for t in c.subtree}
    return out


def _voided(sent: Any, lex: Lexicon) -> set[int]:
    """Objects a verb's pattern marks as no event: no event noun either ('to meet growing demand')."""
    out: set[int] = set()
    for tok in sent:
        pat = lookup(lex.verbs, tok) if tok.pos_ in ("VERB", "AUX") else None
        obj = object_of(tok) if pat is not None and pat.objects else None
        if obj is not None and _lookup(pat.objects, _obj_keys(obj)) == (True, None):
            out.add(obj.i)
    return out


def find_triggers(sent: Any, lex: Lexicon, names: set[int] | None = None) -> list[Trigger]:
    """Every trigger of one parsed sentence, the absorbed ones removed, in text order.

    ``names`` are the tokens of actor names: "Treaty" in "Collective Security Treaty
    Organization" or "Cooperation" in "Shanghai Cooperation Organisation" is no event.
    """
    names = names or set()
    found: list[Trigger] = []
    rehearsed = _rehearsed(sent, lex)
    for tok in sent:
        if tok.i in rehearsed:
            continue
        trig = None
        if _gerund_noun(tok, lex):
            continue
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            trig = _deontic(tok, lex)
            pat = lookup(lex.verbs, tok)
            if trig is None and pat is not None:
                trig = _verb_trigger(tok, pat, lex)
        elif tok.pos_ in ("ADJ", "VERB") and lemma(tok) in lex.adjectives:
            trig = _adj_trigger(tok, lex.adjectives[lemma(tok)], lex)
        if trig is None:
            trig = _stance_trigger(tok, lex)
        if trig is None and tok.pos_ == "VERB" and (pat := lookup(lex.verbs, tok)) is not None and pat.reproach:
            trig = Trigger(tok, pat.type or "", pat.strength, pat, "verb")  # only as what a speaker reproaches
        if trig is None and lemma(tok) == "be" and any(
            c.dep_ == "prep" and c.lower_ in lex.accusing_preps for c in tok.children
        ):  # "X said Y was behind the attack"
            trig = Trigger(tok, "", 0.7, Pattern(lemma="be", reproach="always"), "verb")
        if trig is not None:
            trig = _reproach(trig, lex, names) or trig
            if trig.type:
                _intent(trig, lex)
                found.append(trig)
    absorbed = _voided(sent, lex)
    for trig in found:
        absorbed |= _absorbed(trig) - {trig.token.i}
    verbs = [t for t in found if t.token.i not in absorbed]
    taken = absorbed | {t.token.i for t in verbs}
    nouns = []
    for tok in sent:
        if (
            (tok.pos_ in ("NOUN", "PROPN") or _gerund_noun(tok, lex))
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
