"""/api/documents: paged list, and one document with its text, sentences and events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from greatgame.api.deps import Paging, StoreDep, event_item, record, records, statement_item
from greatgame.api.schemas import DocumentDetail, DocumentPage, IsoDate

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=DocumentPage, summary="Documents, newest first")
def list_documents(
    paging: Annotated[Paging, Depends()],
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="substring of title or id")] = None,
    publisher: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[IsoDate | None, Query(description="published on or after")] = None,
    until: Annotated[IsoDate | None, Query(description="published on or before")] = None,
):
    """Documents without their text, with counts of sentences and events."""
    filters = {"q": q, "publisher": publisher, "since": since, "until": until}
    rows = records(store.documents(limit=paging.page_size, offset=paging.offset, **filters))
    return paging.wrap(rows, store.count_documents(**filters))


@router.get("/{doc_id}", response_model=DocumentDetail, summary="One document with event spans")
def get_document(doc_id: str, store: StoreDep):
    """The cleaned text, sentences with their roles, and events with the offsets of their sentence."""
    from greatgame.catalogue.outlets import load_outlets

    found = store.document(doc_id)
    meta = record(found["meta"])
    outlet = load_outlets().resolve(meta.get("publisher")) if isinstance(meta.get("publisher"), str) else None
    return {
        **meta,
        "outlet": outlet.to_record() if outlet is not None else None,
        "text": found["text"],
        "sentences": records(found["sentences"]),
        "events": [event_item(r) for r in records(found["events"])],
        "actors": records(found["actors"]),
        "statements": [statement_item(r) for r in records(found["statements"])],
    }

