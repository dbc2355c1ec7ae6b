"""/api/events: events filtered by actor, country, type, quad, context, modality, dates and ids.

With ``clustered=true``, one item per story cluster with all its evidence.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from greatgame.api.deps import Paging, StoreDep, event_item, record, records
from greatgame.api.schemas import ClusterPage, EventPage, EventType, IsoDate, Modality, Quad
from greatgame.errors import UsageError

router = APIRouter(prefix="/api/events", tags=["events"])

MAX_IDS = 500


class EventFilters:
    """The event filters as query parameters; list filters may repeat (``?type=AID&type=AGREE``)."""

    def __init__(
        self,
        actor: Annotated[list[str] | None, Query(description="actor id on either side")] = None,
        country: Annotated[list[str] | None, Query(description="country of an actor on either side (or its id)")] = None,
        type: Annotated[list[EventType] | None, Query(description="PLOVER event type")] = None,
        quad: Annotated[list[Quad] | None, Query(description="quad class")] = None,
        context: Annotated[list[str] | None, Query(description="any of these contexts")] = None,
        modality: Annotated[list[Modality] | None, Query()] = None,
        since: Annotated[IsoDate | None, Query(description="event day on or after (date, else document date)")] = None,
        until: Annotated[IsoDate | None, Query(description="event day on or before")] = None,
        doc: Annotated[str | None, Query(description="document id")] = None,
        id: Annotated[list[str] | None, Query(description=f"any of these event ids (at most {MAX_IDS})")] = None,
    ):
        if id is not None and len(id) > MAX_IDS:
            raise UsageError(f"{len(id)} event ids given: ask for at most {MAX_IDS} per request")
        self.values = {"actor": actor, "country": country, "type": type, "quad": quad, "context": context,
                       "modality": modality, "since": since, "until": until, "doc": doc, "ids": id}  # fmt: skip


@router.get("", response_model=EventPage | ClusterPage, summary="Events (or story clusters), newest first")
def list_events(
    paging: Annotated[Paging, Depends()],
    filters: Annotated[EventFilters, Depends()],
    store: StoreDep,
    clustered: Annotated[
        bool, Query(description="one item per story cluster (with its evidence) instead of one per event")
    ] = False,
):
    """Events with their sentence, document and story ``cluster``.

    With ``clustered=true`` each item is a cluster (a happening) among the matching events, with
    the ``evidence`` of every report of it (documents and sentences); ``total`` counts clusters.
    """
    if clustered:
        from greatgame.analysis.clusters import clustered_page

        items, total = clustered_page(store, limit=paging.page_size, offset=paging.offset, **filters.values)
        return paging.wrap([{**record(it), "evidence": [record(ev) for ev in it["evidence"]]} for it in items], total)
    rows = records(store.events(limit=paging.page_size, offset=paging.offset, **filters.values))
    return paging.wrap([event_item(r) for r in rows], store.count_events(**filters.values))
