"""Small helpers on tokens: person-name runs, slugs, place-versus-government tests."""

from __future__ import annotations

import re

from greatgame.nlp.resources import lexicon
from greatgame.nlp.ruler import fold

QUALIFIERS = frozenset(
    "deputy first acting former then outgoing incoming new vice interim senior chief ex late "
    "caretaker retired second".split()
)
LED = frozenset("led backed brokered sponsored allied aligned friendly installed dominated".split())
BYLINE = frozenset("by written reporting reported editing edited compiled photo text story author".split())


def slug(name: str) -> str:
    """Lower-case ASCII slug of a person's name: "Kassym-Jomart Tokayev" -> "kassym-jomart-tokayev"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def is_name_word(tok) -> bool:
    """Whether ``tok`` can be a word of a person's name (capitalised, alphabetic, not a function word)."""
    text = tok.text
    if not text[:1].isupper() or not text.replace("'", "").replace("’", "").isalpha():
        return False
    if text.isupper() and len(text) > 1:
        return False
    return text.lower() not in lexicon("linking")["not_names"]


def name_run(doc, i: int, limit: int, max_words: int = 4) -> int:
    """End (exclusive) of the run of name words starting at token ``i`` (``i`` when none)."""
    particles = lexicon("linking")["name_particles"]
    j, words = i, 0
    while j < limit and words < max_words:
        tok = doc[j]
        if is_name_word(tok):
            words += 1
            j += 1
        elif (
            tok.text == "-" and j > i and j + 1 < limit and not tok.whitespace_ and not doc[j - 1].whitespace_
        ):
            j += 1
        elif tok.lower_ in particles and j + 1 < limit and words > 0:
            j += 1
        else:
            break
    while j > i and not is_name_word(doc[j - 1]):
        j -= 1
    return j


def name_words(span) -> int:
    """Number of name words in a span."""
    return sum(1 for t in span if is_name_word(t))


def is_place_use(doc, start: int, end: int, sent_start: int) -> bool:
    """Whether a capital or seat at ``doc[start:end]`` names a place rather than the government.

    A place: after a locative word ("in Tashkent", "in the Kremlin") or a word of motion and "to"
    or "from" ("flew to Moscow"; but "bow to Moscow" is the government), in capitals
    (a dateline "TASHKENT, July 30"), in a compound ("Moscow-based"; but "Moscow-led" is the
    government) or modifying a noun ("the Tashkent summit").
    """
    words = lexicon("linking")
    text = doc[start:end].text
    if text.isupper() and len(text) > 4:
        return True
    j = start - 1
    if j >= sent_start and doc[j].lower_ in ("the", "a", "an"):
        j -= 1
    if j >= sent_start and doc[j].lower_ in words["locative"]:
        return True
    if j > sent_start and doc[j].lower_ in ("to", "from") and doc[j - 1].lower_ in words["motion"]:
        return True
    if is_compound(doc, start, end):
        return True
    if end < len(doc) and doc[end].lower_ in words["place_heads"]:
        return True
    return False


def is_byline(doc, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    """Whether a name is an author credit: "By Leyla Mammadova", "... · by Nadia Ferris"."""
    first = sent_start
    while first < start and doc[first].is_punct:
        first += 1
    if doc[first].lower_ in BYLINE and sent_end - sent_start <= 14:
        return True
    before = doc[start - 1].lower_ if start > sent_start else ""
    rest = [t for t in doc[end:sent_end] if not t.is_punct]
    return before == "by" and not rest


def is_compound(doc, start: int, end: int) -> bool:
    """Whether a name is the first half of a hyphenated adjective ("Soviet-era", "Moscow-based").

    "Moscow-led" or "Russia-backed" still point to the actor; "Russia-Ukraine" is two names.
    """
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return False
    nxt = doc[end + 1]
    return nxt.text[:1].islower() and nxt.lower_ not in LED
