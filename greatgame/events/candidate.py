"""A cheap check whether a sentence can hold an event (the annotator's fast path).

It must never drop a sentence the coder would code, so it errs on the side of yes: any word
that starts with the stem of a trigger, object or cue word in the pattern files, or a modal
verb (the coder turns "X must ..." into a demand), makes the sentence a candidate. So does
"was (also) in <Name>": a leader's presence in a named place is a visit (verbs.yaml, presence).
"""

from __future__ import annotations

import functools
import re

from greatgame.events.lexicon import load_data, load_lexicon

PRESENCE = re.compile(r"\b(?:was|were|is|are)\s+(?:\w+ly\s+|also\s+|still\s+|already\s+)?in\s+[A-Z]")
EXTRA = ("must", "should", "will", "would", "ready", "willing", "has to", "have to", "had to", "need to")


def _stem(word: str) -> str:
    """A prefix that every inflected form of the word starts with (deny -> den: denied, denies)."""
    word = word.lower().replace("_", " ").strip()
    word = word.split()[0] if word else word
    if len(word) >= 4 and word.endswith(("y", "e")):
        return word[:-1]
    if len(word) > 4 and word.endswith("s"):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=1)
def _regex() -> re.Pattern[str]:
    lex = load_lexicon()
    stems = {_stem(w) for w in lex.trigger_words() if w and w.strip()} | set(EXTRA)
    for pat in lex.verbs.values():
        for words in pat.cues.values():
            stems |= {_stem(w) for w in words}
    stems |= {w.lower() for w in load_data("irregular.yaml")["forms"]}
    stems = {s for s in stems if len(s) >= 3}
    alt = "|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})", re.IGNORECASE)


def is_candidate(sentence_text: str) -> bool:
    """True when the sentence may report an event and should get the full parse."""
    return bool(_regex().search(sentence_text) or PRESENCE.search(sentence_text))
