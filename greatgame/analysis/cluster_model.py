"""What story clustering works on: its knobs (``ClusterParams``) and one event (``StoryEvent``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from greatgame.models import QUAD


@dataclass(frozen=True)
class ClusterParams:
    """The knobs of story clustering (shipped values in ``data/clusters.yaml``)."""

    window_days: int = 3
    undated_window_days: int = 10
    followup_window_days: int = 45
    max_span_days: int = 60
    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.2
    min_text: float = 0.2
    min_text_same_place: float = 0.1
    min_text_same_actor: float | None = None
    same_doc_needs_actor: bool = False
    place_clash_min_text: float = 0.5
    linkage: str = "average"
    scope_split_min: int = 0
    scope_split_material: bool = False
    scope_split_share: float = 0.0
    split_stops: bool = False
    war_types: tuple[str, ...] = ()
    doc_linkage: str = "single"
    size_power: float = 0.0
    doc_base: float = 0.5
    doc_actors: float = 0.5
    doc_threshold: float = 0.5
    title_weight: int = 0
    background_apart: bool = True
    account_place_guard: bool = False
    core_share: float = 0.0
    bloc_share: float = 0.0
    bloc_other_share: float = 0.0
    mention_days: int = 0
    background_mentions: bool = False
    block_days: int = 28
    max_candidates: int = 200
    max_pairs: int = 30

    @property
    def reach_days(self) -> int:
        """How many days apart two documents' publication may be and their reports still be compared."""
        return max(self.window_days, self.followup_window_days) + self.undated_window_days


@lru_cache(maxsize=1)
def load_params() -> ClusterParams:
    """The shipped clustering parameters."""
    text = (resources.files("greatgame.analysis") / "data" / "clusters.yaml").read_text(encoding="utf-8")
    return ClusterParams(**(yaml.safe_load(text) or {}))


@dataclass
class StoryEvent:
    """What clustering needs to know of one event."""

    id: str
    doc: str
    type: str
    actors: frozenset[str]
    countries: frozenset[str]
    lo: dt.date | None = None  # the days the event may have happened on
    hi: dt.date | None = None
    precise: bool = False  # dated to the day
    anchored: bool = False  # lo/hi come from the event's own date, not its document's
    place: str | None = None
    place_country: str | None = None
    outlet: str | None = None
    sentence: str = ""
    tokens: Counter = field(default_factory=Counter)
    title: str = ""  # the document's title (pooled into its main account with ``title_weight``)
    background: bool = False  # undated, in a sentence about a standing state of affairs
    published: dt.date | None = None  # the document's publication day
    fallback: bool = False  # dated, but its sentence names no time: the date came from the story around it

    @property
    def quad(self) -> str:
        """The PLOVER quad class."""
        return QUAD.get(self.type, "")


@lru_cache(maxsize=4096)
def is_state(code: str) -> bool:
    """Whether an actor key is a state's ISO alpha-3 code (OTS or SCO are blocs, not states)."""
    import pycountry

    if len(code) != 3 or not code.isupper():
        return False
    return (
        pycountry.countries.get(alpha_3=code) is not None
        or pycountry.historic_countries.get(alpha_3=code) is not None
    )


@lru_cache(maxsize=4096)
def is_bloc(code: str) -> bool:
    """Whether an actor key is an intergovernmental organisation of the catalogue (CSTO, EU, SCO)."""
    from greatgame.catalogue import load_catalogue

    entry = load_catalogue().get(code)
    return entry is not None and entry.kind == "igo"


@lru_cache(maxsize=4096)
def is_town(name: str | None) -> bool:
    """Whether a place name is narrower than a country (Batken, Samarkand; not Uzbekistan)."""
    import pycountry

    if not name:
        return False
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return True
    return False


def jaccard(a: frozenset, b: frozenset) -> float:
    """Overlap of two sets (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def gap(lo1, hi1, lo2, hi2) -> int:
    """Days between two ranges of days (0 when they overlap)."""
    return max((lo2 - hi1).days, (lo1 - hi2).days, 0)


def iter_ids(values: Iterable[Any]) -> list[str]:
    """Non-empty strings of a list-like cell (pandas may give arrays, NaN or None)."""
    if values is None or (isinstance(values, float) and values != values):
        return []
    return [v for v in values if isinstance(v, str) and v]
