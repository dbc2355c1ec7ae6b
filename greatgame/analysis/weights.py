"""The weight table of the influence index, read from ``analysis/data/weights.yaml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from greatgame.errors import GreatGameError
from greatgame.models import PLOVER_TYPES, QUAD

COOPERATION = ("verbal_cooperation", "material_cooperation")
CONFLICT = ("verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class Weights:
    """Quad-class weights, per-type intensities, default powers and EU members."""

    quad: dict[str, float]
    intensity: dict[str, float]
    powers: tuple[str, ...]
    eu_members: frozenset[str]

    def of(self, event_type: str, confidence: float) -> float:
        """Weight of one event: quad weight x type intensity x confidence."""
        quad = QUAD.get(event_type)
        if quad is None:
            return 0.0
        return self.quad[quad] * self.intensity[event_type] * float(confidence)

    @staticmethod
    def sign(event_type: str) -> int:
        """+1 for a cooperative event type, -1 for a conflictual one, 0 for an unknown type."""
        quad = QUAD.get(event_type)
        return 1 if quad in COOPERATION else -1 if quad in CONFLICT else 0


@functools.cache
def load_weights() -> Weights:
    """The shipped weight table (cached); raises if it misses a class or a type."""
    text = (resources.files("greatgame.analysis") / "data" / "weights.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    quad = {k: float(v) for k, v in data["quad"].items()}
    intensity = {k: float(v) for k, v in data["intensity"].items()}
    missing = (set(QUAD.values()) - set(quad)) | (set(PLOVER_TYPES) - set(intensity))
    if missing:
        raise GreatGameError(
            f"analysis/data/weights.yaml lacks weights for {', '.join(sorted(missing))}: add them to the file"
        )
    return Weights(quad, intensity, tuple(data["powers"]), frozenset(data["eu_members"]))
