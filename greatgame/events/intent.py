"""Speech, intention and criticism around a trigger.

What a speaker says they will do ("X said it would help Y" is a promise, "... would strike Y" a
threat), what they demand ("Y must ..."), and what they reproach others with ("X said Y had
failed to ...", "... Y was behind the attack"): the clause a trigger sits in decides.
"""

from __future__ import annotations

from typing import Any

from greatgame.events.lexicon import Lexicon, Pattern
from greatgame.events.words import Trigger, child_dep, lemma, lookup

HOSTILE = {"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "THREATEN"}
COOPERATIVE_MATERIAL = {"AID", "COOPERATE", "RETREAT", "CONCEDE"}  # "would support Y" stays a stance (SUPPORT)
FUTURE_AUX = {"will", "shall", "'ll", "would", "wo"}
POSSIBLE_AUX = {"could", "might", "may"}
DECIDED_ACTS = {"CONCEDE"}  # "X announced that Y would be dropped": the act itself; announced aid is a promise
DEONTIC_AUX = {"must", "should"}
ASPECT_VERBS = {"continue", "keep", "begin", "start", "go"}


def aux_words(tok: Any) -> set[str]:
    """Auxiliaries and particles of a verb ("will", "must", "not", "to"...), lower case."""
    words = {c.text.lower() for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")}
    if tok.dep_ == "xcomp" and tok.head.lemma_ in ("have", "need"):
        words |= {"must"}
    if tok.dep_ == "xcomp" and lemma(tok.head) in ASPECT_VERBS:  # "would continue to support"
        words |= {c.text.lower() for c in tok.head.children if c.dep_ in ("aux", "auxpass", "neg")}
    verb = tok.head.head
    if tok.dep_ == "acl" and tok.head.dep_ == "dobj" and lemma(verb) in ASPECT_VERBS:  # "would continue its efforts to mediate"
        words |= {c.text.lower() for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
    return words


def _joint_plan(tok: Any) -> bool:
    """Several doers ('A, B and C will hold exercises'): an arrangement between them, not one side's promise."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(c.dep_ == "conj" for c in subj.children)


def _renounced(tok: Any, lex: Lexicon) -> bool:
    """A hostile act someone does not intend, plan or want to do.

    ('would not attack' is left to the negation: the modality module reads it as negated.)
    """
    head = tok.head
    pat = lex.verbs.get(lemma(head))
    intends = pat is not None and pat.control == "pass" and (pat.future or pat.hypothetical)
    return tok.dep_ == "xcomp" and intends and child_dep(head, "neg") is not None


def _continued(tok: Any) -> bool:
    """'would continue to support Y': a pledge to go on doing something, not only a stance."""
    return tok.dep_ == "xcomp" and lemma(tok.head) in ASPECT_VERBS


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


def intended_trigger(tok: Any, pat: Pattern, lex: Lexicon) -> Trigger | None:
    """A verb that reports an event only as what someone says they will or could do."""
    auxes = aux_words(tok)
    if not auxes & (FUTURE_AUX | POSSIBLE_AUX) or under_speech(tok, lex) is None or "not" in auxes:
        return None
    typ = pat.intended or ""
    return Trigger(tok, typ, pat.strength, pat, "verb", pat.mode, list(pat.context), intent=True)


def apply_intent(trig: Trigger, lex: Lexicon) -> None:
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
    if trig.type in HOSTILE and verb is not None and not conditional and _renounced(tok, lex):
        trig.type, trig.intent = "AGREE", True  # "they say they do not intend to threaten Y": an assurance
        return
    if not auxes & FUTURE_AUX and not (hedged and verb is not None):  # "X could ... if": the author's guess
        return
    if trig.type in HOSTILE and not conditional and auxes & {"not", "n't"}:
        return  # "the force would not take part in operations against protesters": the act, negated
    if trig.type in HOSTILE or (conditional and trig.type in ("RETREAT", "SANCTION")):
        if trig.type == "MOBILIZE" and (hedged or not conditional):  # "troops would join them": a plan told
            return
        if conditional or not decided:  # "X said Russia could use its missile against Y": a threat
            trig.type, trig.intent = "THREATEN", True
    elif hedged or "not" in auxes or "n't" in auxes:  # "X said Y could help", "it will not help": no promise
        return
    elif trig.type == "SUPPORT" and not _continued(tok):  # "X said China would always support Y": a stance
        trig.intent = verb is not None
    elif (
        trig.type in COOPERATIVE_MATERIAL | {"SUPPORT"}
        and not _joint_plan(tok)
        and not (decided and trig.type in DECIDED_ACTS)
    ):  # "X said it would help Y", "... would continue to support Y": a promise
        trig.type, trig.intent = "AGREE", True
    elif trig.type == "CONSULT" and verb is not None:
        trig.own_intent = True  # AGREE if the speaker is the one who will meet (decided by the coder)


JOURNALISTIC = {"report", "quote", "confirm", "announce", "declare", "write", "tweet", "post", "reveal", "inform"}
PRONOUNS = {"he", "she", "they", "it", "we"}


def reproach(trig: Trigger, lex: Lexicon, names: set[int]) -> Trigger | None:
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
    if lemma(verb) in lex.belief_verbs and verb.dep_ == "ccomp":  # "X said they believed Y was behind it"
        verb = verb.head
    if child_dep(tok, "nsubj", "nsubjpass") is None or not _party_speaks(verb, lex, names):
        return None
    pat = Pattern(lemma=lemma(verb), type="DISAPPROVE", strength=0.7)
    return Trigger(verb, "DISAPPROVE", 0.7, pat, "verb", None, [], tok)


def _party_speaks(verb: Any, lex: Lexicon, names: set[int]) -> bool:
    """A reporting verb (not the press's) whose speaker is a party: an actor, or a pronoun for one."""
    speech = set(lex.modality["speech_verbs"]) - JOURNALISTIC
    if lemma(verb) not in speech:
        return False
    speaker = child_dep(verb, "nsubj") or (child_dep(verb.head, "nsubj") if verb.dep_ in ("advcl", "conj") else None)
    return speaker is not None and (speaker.lower_ in PRONOUNS or bool({t.i for t in speaker.subtree} & names))


def judgement(tok: Any, lex: Lexicon, names: set[int]) -> Trigger | None:
    """A speaker's verdict told as a reported clause: the speaker's criticism (DISAPPROVE).

    'X told the leaders that it was regrettable that the alliance had not helped': an evaluative
    adjective (``reproach`` in the adjectives of nouns.yaml) judging a that-clause; the judged
    clause holds the target. 'X told Y that this was no time for war': a reported copula that
    denies a hostile act its place, said to the addressee, who is the target.
    """
    pat = lookup(lex.adjectives, tok) if tok.pos_ in ("ADJ", "VERB") else None
    if pat is not None and pat.reproach:
        copula = tok.head if tok.dep_ == "acomp" else tok
        judged = next((c for c in [*tok.children, *copula.children] if c.dep_ == "ccomp"
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)  # fmt: skip
        if judged is None or (copula is not tok and lemma(copula) != "be"):  # "it seemed regrettable": no verdict told
            return None
    elif lemma(tok) == "be" and _denies_hostile(tok, lex):
        copula, judged = tok, None
        if child_dep(copula.head, "dobj") is None:  # said to someone: the addressee is the one criticised
            return None
    else:
        return None
    if copula.dep_ != "ccomp" or not _party_speaks(copula.head, lex, names):
        return None
    if judged is not None:  # the verdict's own clause: what it judges is its target, the speaker its source
        verdict = Pattern(lemma=lemma(copula), type="DISAPPROVE", strength=0.6)
        return Trigger(copula, "DISAPPROVE", 0.6, verdict, "verb", None, [], judged)
    verb = copula.head
    verdict = Pattern(lemma=lemma(verb), type="DISAPPROVE", strength=0.6, control="speech")
    return Trigger(verb, "DISAPPROVE", 0.6, verdict, "verb", None, [], judged)


def _denies_hostile(copula: Any, lex: Lexicon) -> bool:
    """'... is not an era of war', '... was no time for violence': the predicate names a hostile act."""
    attr = child_dep(copula, "attr")
    if attr is None:
        return False
    if child_dep(copula, "neg") is None and not any(c.dep_ == "det" and c.lower_ == "no" for c in attr.children):
        return False
    nouns = [p for c in attr.children if c.dep_ == "prep" and c.lower_ in ("of", "for") for p in c.children]
    return any((n := lookup(lex.nouns, p)) is not None and n.type in HOSTILE for p in nouns)


def deontic(tok: Any, lex: Lexicon) -> Trigger | None:
    """'X said (that) Y must do Z' is a demand of X on Y."""
    if tok.pos_ not in ("VERB", "AUX") or not (aux_words(tok) & DEONTIC_AUX):
        return None
    if tok.dep_ not in ("ccomp",) or tok.head.pos_ not in ("VERB",):
        return None
    if lemma(tok) in ("be", "become", "remain") and child_dep(tok, "attr") is not None:
        return None  # "the valley should become a zone of peace": a wish, no act demanded
    pat = Pattern(lemma="must", type="DEMAND", strength=0.75)
    return Trigger(tok, "DEMAND", 0.75, pat, "deontic", None, [], tok)
