"""Token helpers for trigger recognition, and the Trigger record the coder passes around.

Lemmas with regular de-inflections, objects (a relative pronoun stands for its antecedent),
particles, and the keys under which pattern files list objects ("joint exercises", "treaty of
friendship", "call-up"); the shapes of a clause that decide a trigger (a to-clause, a place, a
person named by title, what a signed text does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from greatgame.events.lexicon import Lexicon, Pattern


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


def child_dep(tok: Any, *deps: str) -> Any:
    """The first child of ``tok`` with one of these dependency labels, or None."""
    return next((c for c in tok.children if c.dep_ in deps), None)


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


def particle(verb: Any, c: Any) -> bool:
    """A particle of the verb, also where the parser made it an adverb ('which X forces took back')."""
    if c.dep_ == "prt":
        return True
    return c.dep_ == "advmod" and c.lower_ in PARTICLE_ADVERBS and c.i > verb.i


def obj_keys(obj: Any) -> list[str]:
    """The keys an object is listed under in the pattern files, most specific first."""
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


def lookup_keys(table: dict[str, Any], keys: list[str]) -> tuple[bool, Any]:
    """(found, value) for the first key the table holds: a value of None still counts as found."""
    for k in keys:
        if k in table:
            return True, table[k]
    return False, None


def local_clause(tok: Any, skip_self: bool = False) -> list[Any]:
    """The clause of a verb without its sub-clauses (subject, objects, prepositional phrases)."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [
            c for c in t.children if c.dep_ not in ("ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp")
        ]
    return out


PLACES = {"GPE", "LOC", "FAC"}


def document_says(tok: Any) -> Any:
    """The participle that tells what a signed text does ('the declaration endorsing X', 'a statement condemning Y')."""
    obj = object_of(tok)
    heads = [obj] + [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children] if obj is not None else []
    return next((c for h in heads for c in h.children if c.dep_ == "acl" and c.tag_ == "VBG"), None)


def to_clause(tok: Any) -> Any:
    """The to-infinitive a verb governs, also where the parser made it an adverbial clause."""
    for c in tok.children:
        if c.dep_ == "xcomp" or (c.dep_ == "advcl" and child_dep(c, "aux") is not None and child_dep(c, "aux").lower_ == "to"):
            return c
    return None


def to_place(tok: Any, pat: Pattern, kinds: set[str] = PLACES, names: set[int] = frozenset()) -> bool:
    """A prepositional object of the verb that is a named place ('came to Bishkek').

    ``names`` are the tokens of catalogue names: the fast path runs no recogniser on a sentence
    whose every name the catalogue knows, so "Dushanbe" there has no entity label.
    """
    return any(
        (o.ent_type_ in kinds or o.i in names) and o.pos_ == "PROPN"
        for p in tok.children
        if p.dep_ == "prep" and lemma(p) in pat.target_preps
        for o in p.children
        if o.dep_ == "pobj"
    )


def leader(obj: Any, lex: Lexicon) -> bool:
    """A named person, or one named by a title ('President Kassym-Jomart Tokayev'), not a group or the press."""
    if obj is None or obj.pos_ != "PROPN":
        return False
    titles = {lemma(t) for t in obj.subtree if t.i < obj.i}
    return obj.ent_type_ == "PERSON" or bool(titles & lex.person_titles)



def people(obj: Any) -> bool:
    """A person or a people as object ('dismissed Minister X', 'welcomed the Europeans')."""
    return obj.ent_type_ in ("PERSON", "NORP") or (obj.pos_ == "PROPN" and not obj.ent_type_)


def present_in(tok: Any, lex: Lexicon, names: set[int] = frozenset()) -> bool:
    """'X was in <a named place>' with a leader as X, and nothing else said of him."""
    if lemma(tok) != "be" or child_dep(tok, "attr", "acomp", "xcomp", "ccomp", "advcl", "expl", "auxpass") is not None:
        return False
    subj = child_dep(tok, "nsubj")
    # the recogniser often takes a capital for an organisation; a person is not "in" an organisation
    return subj is not None and leader(subj, lex) and to_place(tok, lex.presence, PLACES | {"ORG"}, names)


def existential(tok: Any) -> bool:
    """A participle in 'there are dead and wounded': it names people, it tells no act."""
    head = tok.head
    return (
        tok.tag_ == "VBN"
        and tok.dep_ == "conj"
        and lemma(head) == "be"
        and child_dep(head, "expl") is not None
        and child_dep(tok, "nsubj", "nsubjpass", "aux", "auxpass", "dobj") is None
    )


def gerund_noun(tok: Any, lex: Lexicon) -> bool:
    """A gerund used as a noun ('shooting broke out') is read as the event noun."""
    return (
        tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and tok.lower_ in lex.nouns
    )




def stray_infinitive(verb: Any) -> Any:
    """The to-infinitive a verb governs that the parser hung on the end of its object.

    'ordered the four - identified as A, B and C - to be held in detention': 'to be held' is
    what was ordered, not a clause about C.
    """
    obj = child_dep(verb, "dobj")
    if obj is None:
        return None
    found = [t for t in obj.subtree if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX")
             and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)]  # fmt: skip
    return found[-1] if found and found[-1].i > obj.i + 1 else None
