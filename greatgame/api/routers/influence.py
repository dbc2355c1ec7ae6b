"""/api/influence: influence of outside powers in one country (docs/influence.md)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from greatgame.analysis.influence import add_blocs, influence_table
from greatgame.analysis.weights import load_weights
from greatgame.api.deps import StoreDep, records
from greatgame.api.schemas import Freq, InfluenceOut, IsoDate

router = APIRouter(prefix="/api/influence", tags=["influence"])


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
    frame = store.events(country=country, context=domain, since=since, until=until)
    table = influence_table(frame, country, freq=freq, powers=chosen, domain=domain, by_domain=by_domain,
                            bootstrap=bootstrap, clusters=clusters, diversity=diversity)  # fmt: skip
    catalogue = request.app.state.get_catalogue()
    if catalogue is not None and not table.empty:
        table = add_blocs(table, catalogue)
    if not evidence:
        table = table.drop(columns=["event_ids", "planned_event_ids"])
    return {"country": country, "freq": freq, "powers": [p for p in chosen if p != country], "rows": records(table)}
