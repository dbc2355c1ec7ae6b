"""/api/summary: counts for a first look at the database."""

from __future__ import annotations

from fastapi import APIRouter

from greatgame.api.deps import StoreDep, record
from greatgame.api.schemas import SummaryOut

router = APIRouter(prefix="/api/summary", tags=["summary"])


@router.get("", response_model=SummaryOut, summary="Counts of documents, events and actors")
def summary(store: StoreDep):
    """Rows per table, events by type, quad class and modality, first and last event day."""
    return record(store.summary())
