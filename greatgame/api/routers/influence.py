"""/api/influence: influence of outside powers in one country (docs/influence.md)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Annotated

from fastapi import APIRouter, Query, Request

from greatgame.analysis.influence import add_blocs, influence_query
from greatgame.analysis.weights import load_weights
from greatgame.api.deps import StoreDep, records
from greatgame.api.schemas import Freq, InfluenceOut, IsoDate

router = APIRouter(prefix="/api/influence", tags=["influence"])


class _Answers:
    """The last answers, by the state of the database file and the parameters (thread-safe LRU).

    The bootstrap makes an influence table the dearest answer of the API, and the same tables
    are asked for again and again (the dashboard, several analysts); the figures depend only on
    the data (the bootstrap seed is fixed), so an answer is reused while the file is unchanged.
    """

    def __init__(self, size: int = 128):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict = {}  # key -> lock held while one request computes it

    def get_or_compute(self, key, compute):
        """The answer for ``key``: stored, or computed once while concurrent askers wait for it."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            pending = self._pending.setdefault(key, threading.Lock())
        with pending:
            with self._lock:
                if key in self._items:
                    return self._items[key]
            try:
                value = compute()
            finally:
                with self._lock:
                    self._pending.pop(key, None)
            with self._lock:
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            return value


_CACHE = _Answers()


@router.get("", response_model=InfluenceOut, summary="Influence of outside powers in a country")
def influence(
    request: Request,
    store: StoreDep,
    country: Annotated[str, Query(min_length=2, max_length=64, description="target country id, e.g. UZB")],
    freq: Annotated[Freq, Query()] = "quarter",
    powers: Annotated[list[str] | None, Query(description="powers to compare (default RUS, CHN, USA, EU, TUR)")] = None,
    domain: Annotated[str | None, Query(max_length=64, description="only events of this context")] = None,
    by_domain: Annotated[bool, Query(description="one row per context instead of all together")] = False,
    since: Annotated[IsoDate | None, Query()] = None,
    until: Annotated[IsoDate | None, Query()] = None,
    bootstrap: Annotated[int, Query(ge=0, le=1000, description="bootstrap resamples for the bands (0 = none)")] = 200,
    evidence: Annotated[bool, Query(description="include the ids of the events behind each row")] = False,
    clusters: Annotated[bool, Query(description="count each act of a story once, however many reports tell it")] = True,
    diversity: Annotated[bool, Query(description="with clusters: an act told by k outlets counts 1 + ln k")] = False,
):
    """Engagement, share and alignment per power, domain and period, with bootstrap bands."""
    country = country.upper()
    chosen = [p.upper() for p in powers] if powers else list(load_weights().powers)
    fingerprint = getattr(store, "fingerprint", None)
    key = (fingerprint, country, freq, tuple(chosen), domain, by_domain, since, until, bootstrap, clusters, diversity,
           id(request.app.state.get_catalogue()))  # fmt: skip
    cacheable = fingerprint is not None and not evidence  # evidence can be millions of ids: not kept
    def compute() -> dict:
        return _compute(request, store, country, chosen, freq, domain, by_domain, since, until, bootstrap, evidence,
                        clusters, diversity)  # fmt: skip

    return _CACHE.get_or_compute(key, compute) if cacheable else compute()


def _compute(request, store, country, chosen, freq, domain, by_domain, since, until, bootstrap, evidence, clusters,
             diversity) -> dict:  # fmt: skip
    table = influence_query(store, country, freq=freq, powers=chosen, domain=domain, since=since, until=until,
                            by_domain=by_domain, bootstrap=bootstrap, evidence=evidence, clusters=clusters,
                            diversity=diversity)  # fmt: skip
    catalogue = request.app.state.get_catalogue()
    if catalogue is not None and not table.empty:
        table = add_blocs(table, catalogue)
    if not evidence:
        table = table.drop(columns=["event_ids", "planned_event_ids"])
    return {"country": country, "freq": freq, "powers": [p for p in chosen if p != country], "rows": records(table)}
