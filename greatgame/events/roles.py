"""The role of a sentence: fact, speech, commentary, appeal or boilerplate.

A small cue-weighted classifier: every cue (a regular expression from ``data/roles.yaml``) adds
its role's weight, and the best-scoring role wins; a sentence without cues is a fact. Events
are coded only from fact and speech sentences.
"""

from __future__ import annotations

import logging

from greatgame.events.lexicon import Lexicon

logger = logging.getLogger(__name__)

EVENT_ROLES = ("fact", "speech")


def role_scores(text: str, lex: Lexicon) -> dict[str, float]:
    """Score of every role for one sentence."""
    scores = dict.fromkeys(lex.role_rx, 0.0)
    for role, patterns in lex.role_rx.items():
        weight = float(lex.roles[role].get("weight", 1.0))
        for rx in patterns:
            if rx.search(text):
                scores[role] += weight
        weak = float(lex.roles[role].get("weak_weight", 0.5))
        scores[role] += weak * sum(1 for rx in lex.role_weak_rx.get(role, []) if rx.search(text))
    return scores


def sentence_role(text: str, lex: Lexicon, genre: str = "news") -> str:
    """The role of one sentence; opinion genres lean towards commentary."""
    scores = role_scores(text.strip(), lex)
    if genre in ("commentary", "op_ed"):
        scores["commentary"] = scores.get("commentary", 0.0) * 1.5
    best = max(scores, key=lambda r: scores[r])
    if scores[best] <= 0:
        return "fact"
    if best == "fact":
        return "fact"
    if best == "speech" and scores.get("fact", 0) >= scores["speech"]:
        return "fact"
    return best
