"""Dependencies shared by the routers: a read-only store per request, paging, row conversion."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from greatgame.store import Store

MAX_PAGE_SIZE = 200
LOCK_TIMEOUT = 2.0  # seconds a request waits for a writer to release the database


async def get_store(request: Request) -> AsyncIterator[Store]:
    """A read-only Store for one request: a cursor of the app's shared connection (``api.reader``).

    The shared connection is closed when idle and at least every few seconds under load, so a
    writer can take the lock; a request that meets the writer waits LOCK_TIMEOUT seconds, then
    gets ``DatabaseLocked`` (503).
    """
    reader = request.app.state.reader
    store = await reader.acquire(request.app.state.settings.db, LOCK_TIMEOUT)
    try:
        yield store
    finally:
        reader.release(store)


class Paging:
    """``page`` (from 1) and ``page_size`` (at most MAX_PAGE_SIZE) query parameters."""

    def __init__(
        self,
        page: int = Query(1, ge=1, le=1_000_000, description="page number, from 1"),
        page_size: int = Query(50, ge=1, le=MAX_PAGE_SIZE, description=f"items per page, at most {MAX_PAGE_SIZE}"),
    ):
        self.page = page
        self.page_size = page_size

    @property
    def offset(self) -> int:
        """Rows to skip."""
        return (self.page - 1) * self.page_size

    def wrap(self, items: list, total: int) -> dict[str, Any]:
        """The paged response body."""
        return {"items": items, "page": self.page, "page_size": self.page_size, "total": total}


def plain(value: Any) -> Any:
    """A DataFrame cell as a JSON-ready Python value (NaN/NaT -> None, Timestamp -> date)."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "tolist") and not isinstance(value, str):  # NumPy scalar or array
        value = value.tolist()
        if isinstance(value, list):
            return [plain(v) for v in value]
        return plain(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime):
        import pandas as pd

        return None if value is pd.NaT else value.date()
    if value.__class__.__name__ == "NaTType":
        return None
    return value


def record(row: dict[str, Any]) -> dict[str, Any]:
    """One dict made JSON-ready."""
    return {k: plain(v) for k, v in row.items()}


def records(df) -> list[dict[str, Any]]:
    """DataFrame rows as JSON-ready dicts."""
    return [record(row) for row in df.to_dict("records")]


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """An events row shaped as ``EventOut``: sides as lists of {id, country}, location nested."""
    out = dict(row)
    for side in ("source", "target"):
        ids, countries = row.get(f"{side}_ids") or [], row.get(f"{side}_countries") or []
        out[side] = [{"id": i, "country": c} for i, c in zip(ids, countries, strict=False)]
    out["location"] = None
    if row.get("location_name"):
        out["location"] = {"name": row["location_name"], "country": row.get("location_country"),
                           "lat": row.get("location_lat"), "lon": row.get("location_lon")}  # fmt: skip
    out["context"] = row.get("context") or []
    return out


def statement_item(row: dict[str, Any]) -> dict[str, Any]:
    """A statements row shaped as ``StatementOut`` (``about`` as a list of {id, stance})."""
    out = dict(row)
    ids, stances = row.get("about_ids") or [], row.get("about_stances") or []
    out["about"] = [{"id": i, "stance": s} for i, s in zip(ids, stances, strict=False)]
    return out


StoreDep = Annotated[Store, Depends(get_store)]
