"""A light language guess: the script of the letters, then the share of common function words."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from greatgame.ingest.resources import load

_WORD = re.compile(r"[^\W\d_]+(?:['’‘][^\W\d_]+)?")


def char_script(ch: str) -> str | None:
    """The script of one letter: latin, cyrillic, arabic, other; None for a non-letter."""
    if not ch.isalpha():
        return None
    if ch.isascii():
        return "latin"
    name = unicodedata.name(ch, "")
    for script in ("LATIN", "CYRILLIC", "ARABIC"):
        if name.startswith(script):
            return script.lower()
    return "other"


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script ``text`` holds."""
    return Counter(s for s in map(char_script, text) if s)


def main_script(text: str) -> str | None:
    """The script most letters of ``text`` are in, or None when it has no letters."""
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


def latin_share(text: str) -> float:
    """The share of the letters of ``text`` that are Latin (1.0 when it has no letters)."""
    counts = script_counts(text)
    total = sum(counts.values())
    return counts["latin"] / total if total else 1.0


def detect_language(text: str) -> str:
    """An ISO 639-1 code for ``text`` (``en`` when nothing tells otherwise)."""
    data = load("languages")
    sample = text[:20000]
    script = main_script(sample) or "latin"
    if script in ("cyrillic", "arabic"):
        for lang, letters in data["script_markers"].get(script, {}).items():
            hits = sum(sample.count(c) for c in letters)
            if hits >= max(3, len(sample) // 2000):
                return lang
        return data["script_default"][script]
    if script != "latin":
        return "und"
    return _latin_language(sample, data["stopwords"]) or data["script_default"]["latin"]


def _latin_language(text: str, stopwords: dict[str, list[str]]) -> str | None:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return None
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in set(ws)) / len(words) for lang, ws in stopwords.items()}
    lang, score = max(scores.items(), key=lambda kv: kv[1])
    if score < 0.05:
        return None
    return lang.split("_")[0]
