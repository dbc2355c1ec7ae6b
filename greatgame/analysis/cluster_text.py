"""Text for story clustering: content words of a sentence and a small TF-IDF cosine."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from importlib import resources

import yaml

_WORDS = yaml.safe_load(
    (resources.files("greatgame.analysis") / "data" / "cluster_words.yaml").read_text("utf-8")
)
_STOP = frozenset(_WORDS["stopwords"].split())


def _phrase(text: str) -> str:
    """A background phrase as a regex: whole words, spaces as any whitespace, a trailing comma kept."""
    words = text.rstrip(",").split()
    body = r"\s+".join(re.escape(w) for w in words)
    return body + (r"(?=,)" if text.endswith(",") else r"\b")


def _phrases(key: str) -> re.Pattern[str]:
    """Any of the phrases of a list of ``cluster_words.yaml``, matched as whole words, case-insensitively."""
    return re.compile(
        r"\b(?:" + "|".join(_phrase(t) for t in sorted(_WORDS[key], key=len, reverse=True)) + ")",
        re.IGNORECASE,
    )


BACKGROUND = _phrases("background")
_PARTICIPLES = "|".join(re.escape(w) for w in _WORDS["perfect_participles"].split())
PERFECT = re.compile(rf"\b(?:has|have)\s+(?:\w+ly\s+)?(?:\w+ed|{_PARTICIPLES})\b", re.IGNORECASE)
FALLBACK_BACKGROUND = re.compile(
    f"{_phrases('fallback_background').pattern}|{PERFECT.pattern}", re.IGNORECASE
)
TIME = re.compile("|".join(f"(?:{t})" for t in _WORDS["time_expressions"]), re.IGNORECASE)
_NAMEISH = re.compile(r"[A-Za-z][A-Za-z'\-]+")


def _stem(word: str) -> str:
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> Counter:
    """Content words of a sentence, stemmed; names (capitalised inside the sentence) count twice."""
    out: Counter = Counter()
    for n, raw in enumerate(_NAMEISH.findall(text or "")):
        w = raw.lower().strip("'-")
        if len(w) > 2 and w not in _STOP:
            out[_stem(w)] += 2 if (n > 0 and raw[0].isupper()) else 1
    return out


class TfIdf:
    """A small TF-IDF over bags of words: unit-length sparse vectors and their cosine."""

    def __init__(self, bags: Sequence[Counter]):
        df: Counter = Counter()
        for bag in bags:
            df.update(bag.keys())
        n = max(len(bags), 1)
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        self.vectors = [self._vector(b) for b in bags]

    def _vector(self, bag: Counter) -> dict[str, float]:
        vec = {w: (1 + math.log(c)) * self.idf.get(w, 1.0) for w, c in bag.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def cosine(self, i: int, j: int) -> float:
        """Cosine similarity of bags i and j."""
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(w, 0.0) for w, v in a.items())
