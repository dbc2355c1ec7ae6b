"""/api/outlets: who publishes, and one outlet's profile (roles, top actors, stance, documents)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from greatgame.api.deps import Paging, StoreDep, records
from greatgame.api.schemas import Freq, OutletDetail, OutletPage
from greatgame.store import NotFound

router = APIRouter(prefix="/api/outlets", tags=["outlets"])

AFFILIATION_HELP = "state_media, government, movement, independent, wire, think_tank, ngo or unknown"


@router.get("", response_model=OutletPage, summary="Outlets seen in the database")
def list_outlets(
    paging: Annotated[Paging, Depends()],
    store: StoreDep,
    affiliation: Annotated[str | None, Query(max_length=40, description=AFFILIATION_HELP)] = None,
):
    """Outlets with their documents, events, commentary share and genres, most documents first."""
    from greatgame.analysis.outlets import outlets

    table = outlets(store)
    if affiliation:
        table = table[table["affiliation"] == affiliation]
    rows = records(table.iloc[paging.offset : paging.offset + paging.page_size])
    return paging.wrap(rows, len(table))


@router.get("/{outlet_id}", response_model=OutletDetail, summary="One outlet's profile")
def get_outlet(
    store: StoreDep,
    outlet_id: Annotated[str, Path(max_length=200)],
    freq: Annotated[Freq, Query(description="period of the stance rows")] = "year",
    documents: Annotated[int, Query(ge=0, le=1000, description="how many of its newest documents to list")] = 100,
) -> dict[str, Any]:
    """Catalogue fields, sentence roles, genres, top actors, stance per power and period, documents.

    404 when no stored document comes from the outlet.
    """
    from greatgame.analysis.outlets import profile

    found = profile(store, outlet_id, freq=freq)
    if found is None:
        raise NotFound(f"no document of outlet '{outlet_id}' in the database: see /api/outlets for the outlets")
    return {**found, "freq": freq, "top_actors": records(found["top_actors"]), "stance": records(found["stance"]),
            "documents": records(found["documents"].head(documents))}  # fmt: skip
