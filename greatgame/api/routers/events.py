"""/api/events: events filtered by actor, country, type, quad, context, modality and dates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from greatgame.api.deps import Paging, StoreDep, event_item, records
from greatgame.api.schemas import EventPage, EventType, IsoDate, Modality, Quad

router = APIRouter(prefix="/api/events", tags=["events"])


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
    ):
        self.values = {"actor": actor, "country": country, "type": type, "quad": quad, "context": context,
                       "modality": modality, "since": since, "until": until, "doc": doc}  # fmt: skip


@router.get("", response_model=EventPage, summary="Events, newest first")
def list_events(
    paging: Annotated[Paging, Depends()], filters: Annotated[EventFilters, Depends()], store: StoreDep
):
    """Events with their sentence and document; ``cluster`` is always null for now."""
    rows = records(store.events(limit=paging.page_size, offset=paging.offset, **filters.values))
    return paging.wrap([event_item(r) for r in rows], store.count_events(**filters.values))
