"""One event for each: a happening told once for several parties or places that each had their own.

"Kazakhstan and Kyrgyzstan removed the movement from their own lists" tells two removals, "held
meetings in Astana and Cholpon-Ata" two meetings (docs/corpus-annotation.md, "One event per
happening").
"""

from __future__ import annotations

from dataclasses import replace

from greatgame.events.lexicon import Lexicon
from greatgame.events.triggers import Trigger, noun_type
from greatgame.models import Event

EACH_OWN = {"own", "respective"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}


def _places_apart(trig: Trigger, lex: Lexicon) -> int:
    """'held meetings in Astana and Cholpon-Ata': a plural event told in several places, one per place.

    The event noun (the trigger, or the object of its verb) must be plural: 'met in Astana and
    Bishkek' may be one meeting that moved, 'meetings in Astana and Bishkek' are two.
    """
    tok = trig.token
    noun = tok if trig.kind == "noun" else next((c for c in tok.children if c.dep_ == "dobj"), None)
    if noun is None or noun.tag_ not in ("NNS", "NNPS") or noun_type(noun, lex)[0] is None:
        return 1
    for prep in (t for t in noun.subtree if t.dep_ == "prep" and t.lower_ == "in"):
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if place is None or place.ent_type_ not in PLACE_ENTS:
            continue
        parts = [place] + [c for c in place.conjuncts if c.pos_ == "PROPN"]
        if len(parts) > 1:
            return len(parts)
    return 1


def one_each(trig: Trigger, ev: Event, lex: Lexicon) -> list[Event]:
    """'X and Y removed the movement from their own lists': each did it on its own, one event each."""
    places = _places_apart(trig, lex)
    if places > 1:
        return [ev] + [replace(ev) for _ in range(places - 1)]
    if trig.kind != "verb" or len(ev.source) < 2:
        return [ev]
    own = any(
        t.lower_ in EACH_OWN and t.dep_ == "amod" and any(c.dep_ == "poss" and c.lower_ == "their" for c in t.head.children)
        for c in trig.token.children
        if c.dep_ in ("dobj", "prep")
        for t in c.subtree
    )
    return [replace(ev, source=[ref]) for ref in ev.source] if own else [ev]
