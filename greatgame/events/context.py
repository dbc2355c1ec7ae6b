"""Context labels of an event (military, economic, diplomatic, energy, ...) from keyword lists."""

from __future__ import annotations

from typing import Any

from greatgame.events.lexicon import Lexicon
from greatgame.events.triggers import Trigger


def event_context(trig: Trigger, parse: Any, lex: Lexicon) -> list[str]:
    """The pattern's own context plus every label whose keywords occur in the sentence."""
    words = {t.lower_ for t in parse} | {t.lemma_.lower() for t in parse}
    labels = list(trig.context)
    for label, keys in lex.context.items():
        if label not in labels and words & set(keys):
            labels.append(label)
    return labels
