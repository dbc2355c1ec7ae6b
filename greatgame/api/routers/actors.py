"""/api/actors: actors seen in the database, and one actor's catalogue entry and recent events."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from greatgame.api.deps import Paging, StoreDep, event_item, record, records
from greatgame.api.schemas import ActorDetail, ActorPage, IsoDate
from greatgame.errors import UnknownActor

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("", response_model=ActorPage, summary="Actors seen in the database")
def list_actors(
    paging: Annotated[Paging, Depends()],
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="substring of id or name")] = None,
    kind: Annotated[str | None, Query(max_length=40)] = None,
    country: Annotated[str | None, Query(max_length=64)] = None,
):
    """Actors with their number of documents, mentions and events, most mentioned first."""
    rows = records(store.actors(q=q, kind=kind, country=country, limit=paging.page_size, offset=paging.offset))
    return paging.wrap(rows, store.count_actors(q=q, kind=kind, country=country))


@router.get("/{actor_id}", response_model=ActorDetail, summary="One actor")
def get_actor(
    request: Request,
    store: StoreDep,
    actor_id: str,
    date: Annotated[IsoDate | None, Query(description="give offices and memberships on this day (default: all)")] = None,
    events: Annotated[int, Query(ge=0, le=200, description="how many recent events to include")] = 20,
):
    """Catalogue entry (offices, memberships on ``date``), counts in the database, recent events.

    404 when neither the catalogue nor the database knows the id.
    """
    catalogue = request.app.state.get_catalogue()
    entry = catalogue.get(actor_id) if catalogue is not None else None
    seen = store.actor(actor_id)
    if entry is None and seen is None:
        raise UnknownActor(actor_id)
    recent = records(store.events(actor=actor_id, limit=events)) if events else []
    body: dict[str, Any] = {
        "id": actor_id, "in_catalogue": entry is not None, "date": date,
        "seen": record(seen) if seen is not None else None,
        "recent_events": [event_item(r) for r in recent],
        **_catalogue_part(catalogue, entry, actor_id, date, seen),
    }  # fmt: skip
    return body


def _catalogue_part(catalogue, entry, actor_id: str, date: dt.date | None, seen: dict | None) -> dict[str, Any]:
    if entry is None:
        return {"name": seen["name"], "kind": seen["kind"], "country": seen["country"],
                "aliases": [], "offices": [], "memberships": [], "members": []}  # fmt: skip
    if date is not None:
        offices = catalogue.offices_of(actor_id, on=date)
    else:
        offices = list(getattr(entry, "offices", None) or [])
    return {
        "name": entry.name,
        "kind": entry.kind,
        "country": entry.country,
        "aliases": sorted(getattr(entry, "aliases", None) or []),
        "offices": [_fields(o, ("of", "kind", "role", "start", "end")) for o in offices],
        "memberships": [_membership(m) for m in catalogue.memberships(subject=actor_id, on=date)],
        "members": [_membership(m) for m in catalogue.memberships(object=actor_id, on=date)],
    }


def _fields(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    if isinstance(obj, dict):
        return {n: obj.get(n) for n in names}
    return {n: getattr(obj, n, None) for n in names}


def _membership(m: Any) -> dict[str, Any]:
    return _fields(m, ("subject", "relation", "object", "start", "end"))
