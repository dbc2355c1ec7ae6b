"""/api/statements: quotes and reported statements, with speaker and stances."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from greatgame.api.deps import Paging, StoreDep, records, statement_item
from greatgame.api.schemas import IsoDate, StatementPage

router = APIRouter(prefix="/api/statements", tags=["statements"])


@router.get("", response_model=StatementPage, summary="Statements, newest first")
def list_statements(
    paging: Annotated[Paging, Depends()],
    store: StoreDep,
    speaker: Annotated[str | None, Query(description="speaker actor id")] = None,
    about: Annotated[str | None, Query(description="actor id the statement is about")] = None,
    doc: Annotated[str | None, Query(description="document id")] = None,
    since: Annotated[IsoDate | None, Query()] = None,
    until: Annotated[IsoDate | None, Query()] = None,
):
    """Quotes with the speaker's role and the stance toward each actor they are about."""
    filters = {"speaker": speaker, "about": about, "doc": doc, "since": since, "until": until}
    rows = records(store.statements(limit=paging.page_size, offset=paging.offset, **filters))
    return paging.wrap([statement_item(r) for r in rows], store.count_statements(**filters))
