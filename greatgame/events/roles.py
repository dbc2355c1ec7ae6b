"""The role of a sentence: fact, speech, commentary, appeal or boilerplate.

A small cue-weighted classifier: every cue (a regular expression from ``data/roles.yaml``) adds
its role's weight, and the best-scoring role wins; a sentence without cues is a fact. Two rules
come before and after the cues: a line shaped like a sign-off or a menu ("Media Office of ...",
"Press Service of ...", "Home | News | ...") is boilerplate, and in opinion genres (commentary,
op-ed) a sentence no fact or speech cue speaks for leans to commentary, and advice to a
government ("Tashkent should ...") counts as an appeal. Events are coded only from fact and
speech sentences.
"""

from __future__ import annotations

import logging
import re

from greatgame.events.lexicon import Lexicon

logger = logging.getLogger(__name__)

EVENT_ROLES = ("fact", "speech")
OPINION_GENRES = ("commentary", "op_ed")
OPINION_PRIOR = 0.5  # commentary score an uncued sentence of an opinion piece starts with
_HEADING = re.compile(
    r"^(central )?(media office|press service|press office|information service|office of|ministry of|"
    r"embassy of|department of)\b",
    re.IGNORECASE,
)
_FACTY = re.compile(
    r"\b(\d+|yesterday|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last (week|month|year))\b",
    re.IGNORECASE,
)


def is_heading(text: str) -> bool:
    """A sign-off or menu line: an organisation's name without sentence punctuation, or ``a | b | c``."""
    t = text.strip()
    if t.count("|") >= 2:
        return True
    return bool(_HEADING.search(t)) and not re.search(r"[.!?]\s*$", t) and len(t.split()) <= 16


def role_scores(text: str, lex: Lexicon) -> dict[str, float]:
    """Score of every role for one sentence (strong cues and weak cues)."""
    scores = dict.fromkeys(lex.role_rx, 0.0)
    for role, patterns in lex.role_rx.items():
        weight = float(lex.roles[role].get("weight", 1.0))
        weak = float(lex.roles[role].get("weak_weight", 0.5))
        scores[role] += weight * sum(1 for rx in patterns if rx.search(text))
        scores[role] += weak * sum(1 for rx in lex.role_weak_rx.get(role, []) if rx.search(text))
    return scores


def sentence_role(text: str, lex: Lexicon, genre: str = "news") -> str:
    """The role of one sentence; opinion genres lean towards commentary and appeals."""
    text = text.strip()
    if is_heading(text):
        return "boilerplate"
    scores = role_scores(text, lex)
    if genre in OPINION_GENRES:
        scores["commentary"] = scores.get("commentary", 0.0) * 1.5
        if not _FACTY.search(text) and not scores.get("speech") and not scores.get("fact"):
            scores["commentary"] += OPINION_PRIOR
    else:  # advice to governments is an appeal only in opinion pieces
        weak = float(lex.roles.get("appeal", {}).get("weak_weight", 0.5))
        scores["appeal"] = scores.get("appeal", 0.0) - weak * sum(
            1 for rx in lex.role_weak_rx.get("appeal", []) if rx.search(text)
        )
    best = max(scores, key=lambda r: scores[r])
    if scores[best] <= 0 or best == "fact":
        return "fact"
    if best == "speech" and scores.get("fact", 0) >= scores["speech"]:
        return "fact"
    return best


def commentary_by_default(text: str, lex: Lexicon, genre: str) -> bool:
    """Whether a sentence of an opinion piece is commentary only by the genre's default.

    No commentary or appeal cue speaks for it: it was labelled so because opinion pieces lean
    that way. Such a sentence may still narrate what happened ("the bloc did not send a single
    soldier"); the coder relabels it a fact when it finds a clause that tells an event.
    """
    if genre not in OPINION_GENRES or is_heading(text):
        return False
    scores = role_scores(text.strip(), lex)
    return not scores.get("commentary") and not scores.get("appeal")
