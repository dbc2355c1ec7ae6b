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
from dataclasses import dataclass

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
    cues = _cues(lex)
    strong, weak = _counts(text, cues)
    return {role: cue.weight * strong[role] + cue.weak_weight * weak[role] for role, cue in cues.items()}


@dataclass(frozen=True)
class _RoleCues:
    """One role's cues, compiled once per lexicon.

    ``any_strong`` / ``any_weak`` join the role's cues in one alternation: a sentence none of them
    matches (most sentences, for most roles) costs one search instead of one per cue, and only
    a sentence it matches has its cues counted one by one.
    """

    weight: float
    weak_weight: float
    strong: tuple[re.Pattern[str], ...]
    weak: tuple[re.Pattern[str], ...]
    any_strong: re.Pattern[str] | None
    any_weak: re.Pattern[str] | None


_COMPILED: dict[int, tuple[Lexicon, dict[str, _RoleCues]]] = {}


def _cues(lex: Lexicon) -> dict[str, _RoleCues]:
    """The compiled cues of ``lex``, built on its first use (a lexicon's cues do not change once loaded)."""
    hit = _COMPILED.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    cues = {
        role: _RoleCues(
            weight=float(lex.roles[role].get("weight", 1.0)),
            weak_weight=float(lex.roles[role].get("weak_weight", 0.5)),
            strong=tuple(patterns),
            weak=tuple(lex.role_weak_rx.get(role, [])),
            any_strong=_any(patterns),
            any_weak=_any(lex.role_weak_rx.get(role, [])),
        )
        for role, patterns in lex.role_rx.items()
    }
    _COMPILED[id(lex)] = (lex, cues)
    return cues


def _any(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern that matches where any of ``patterns`` does (None: none to join, or they cannot be joined)."""
    flags = {p.flags for p in patterns}
    if len(flags) != 1:
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags.pop())
    except re.error:  # a cue that cannot sit in an alternation (a global inline flag): count them one by one
        return None


def _counts(text: str, cues: dict[str, _RoleCues]) -> tuple[dict[str, int], dict[str, int]]:
    """How many strong and how many weak cues of every role ``text`` matches."""
    key = (text, id(cues))
    hit = _LAST.get(key)
    if hit is not None:
        return hit
    strong = {role: _count(text, c.strong, c.any_strong) for role, c in cues.items()}
    weak = {role: _count(text, c.weak, c.any_weak) for role, c in cues.items()}
    if len(_LAST) >= _LAST_SIZE:
        _LAST.clear()
    _LAST[key] = (strong, weak)
    return strong, weak


_LAST: dict[tuple[str, int], tuple[dict[str, int], dict[str, int]]] = {}
_LAST_SIZE = 256  # sentences remembered: the coder asks sentence_role, then commentary_by_default


def _count(text: str, patterns: tuple[re.Pattern[str], ...], any_rx: re.Pattern[str] | None) -> int:
    """How many of ``patterns`` match ``text``; ``any_rx`` (their alternation) rules out none at once."""
    if not patterns or (any_rx is not None and not any_rx.search(text)):
        return 0
    return sum(1 for rx in patterns if rx.search(text))


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
    elif "appeal" in scores:  # advice to governments is an appeal only in opinion pieces
        cues = _cues(lex)
        scores["appeal"] -= cues["appeal"].weak_weight * _counts(text, cues)[1]["appeal"]
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
