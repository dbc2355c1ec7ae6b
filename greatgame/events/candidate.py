"""A cheap check whether a sentence can hold an event or a statement (the annotator's fast path).

The coder finds an event only at a word its lexicon lists (a trigger verb, noun or adjective, a
stance word under a verb of saying, a modal of obligation, "behind" in "X said Y was behind the
attack", "did the same"), or at "was in <Name>" (a leader's presence in a named place is a
visit). So a sentence is a candidate when one of its words is an inflected form of such a lemma,
when it holds one of the lexicon's multi-word entries, when it matches the presence shape, or when
it quotes someone (a quote is kept as a statement). Every other sentence skips the statistical
parse. The forms are generated from the lexicon files (regular inflections, spelling with the
final consonant doubled) and from the irregular forms given by the caller (the pipeline passes
those of the spaCy model's lemmatizer tables: ``greatgame.nlp.irregular_forms``), so a new
lexicon entry needs nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from greatgame.events.intent import DEONTIC_AUX
from greatgame.events.lexicon import Lexicon, load_lexicon
from greatgame.events.roles import EVENT_ROLES, commentary_by_default, sentence_role

PRESENCE = re.compile(r"\b(?:was|were|is|are)\s+(?:\w+ly\s+|also\s+|still\s+|already\s+)?in\s+[A-Z]")
QUOTE = re.compile(r"[\"“”«»„]")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SAME_ACT = ("same",)  # "... and Kyrgyzstan did the same"
VOWELS = set("aeiou")
CARRIERS = ("speech", "pass", "simulate")  # verb controls that tell an event only through an object


def inflections(lemma: str) -> set[str]:
    """The regular forms of an English verb or noun: -s/-es/-ies, -ed/-d/-ied, -ing, doubled consonant."""
    w = lemma.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if w.endswith("e"):
        out.add(w[:-1] + "ing")
    if len(w) >= 3 and w[-1] not in VOWELS | {"w", "x", "y"} and w[-2] in VOWELS and w[-3] not in VOWELS:
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # plan -> planned, planning; also British "cancelled"
    if w.endswith("ic"):
        out |= {w + "ked", w + "king"}  # panic -> panicked
    return out


def lexicon_lemmas(lex: Lexicon) -> set[str]:
    """Every lemma at which the coder can find an event (see the module docstring).

    A verb that only reports, begins or keeps something ("announce", "begin", "keep": control
    speech, pass or simulate) starts an event only with one of its listed objects ("announce a
    deal", "keep bases in custody"), so those objects count instead of the verb.
    """
    words = {k for k, p in lex.verbs.items() if p.control not in CARRIERS or p.reproach}
    words |= set(lex.nouns) | set(lex.adjectives)
    for p in lex.verbs.values():
        if p.control in CARRIERS:
            words |= set(p.objects) | {k.split()[-1] for k in p.pobjects}
    words |= set(lex.stance.get("positive") or []) | set(lex.stance.get("negative") or [])
    words |= set(lex.accusing_preps) | set(DEONTIC_AUX) | set(SAME_ACT)
    return {w.lower().replace("_", " ").strip() for w in words if w and w.strip()}


class CandidateFilter:
    """``filter(text, genre)`` is True when the sentence may report an event or quote someone.

    A sentence the coder would skip for its role - the author's commentary (unless it narrates
    what happened), an appeal to the reader, boilerplate (see roles.py) - is no candidate either,
    unless it quotes someone.
    """

    def __init__(self, lex: Lexicon | None = None, irregular: Mapping[str, Iterable[str]] | None = None):
        lemmas = lexicon_lemmas(lex or load_lexicon())
        single = {w for w in lemmas if " " not in w}
        forms: set[str] = set()
        for w in single:
            forms |= inflections(w)
            forms |= set((irregular or {}).get(w, ()))
        self.lex = lex or load_lexicon()
        self.forms = frozenset(forms)
        phrases = sorted({w for w in lemmas if " " in w}, key=len, reverse=True)
        self.phrases = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")", re.I) if phrases else None

    def __call__(self, text: str, genre: str | None = None) -> bool:
        """Whether the sentence ``text`` (of a document of this genre) should get the full parse."""
        if QUOTE.search(text):
            return True
        if not self.mentions_event(text):
            return False
        role = sentence_role(text, self.lex, genre or "news")
        return role in EVENT_ROLES or (role == "commentary" and commentary_by_default(text, self.lex, genre or "news"))

    def mentions_event(self, text: str) -> bool:
        """Whether a word of the sentence is a form of a lexicon lemma (or the presence shape matches)."""
        if not self.forms.isdisjoint(w.lower() for w in WORD.findall(text)):
            return True
        return bool(PRESENCE.search(text) or (self.phrases and self.phrases.search(text)))


