"""Turn a ``Document`` into rows for each table (plain tuples, in column order).

Only the plain dataclasses of ``greatgame.models`` are read; ``doc.parses`` (spaCy objects) is
never touched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from greatgame.models import QUAD, Document, Event

DOC_COLUMNS = (
    "id", "content_hash", "title", "published", "publisher", "author", "genre", "language",
    "url", "path", "hijri", "text", "ingested_at",
)  # fmt: skip

EVENT_COLUMNS = (
    "id", "doc", "sentence_idx", "type", "quad", "mode", "context",
    "source_ids", "source_countries", "target_ids", "target_countries",
    "date", "date_end", "date_precision",
    "location_name", "location_country", "location_lat", "location_lon",
    "modality", "attributed_to", "confidence", "sentence_role", "trigger",
    "sentence", "char_start", "char_end", "cluster", "day", "actors", "keys",
)  # fmt: skip


def content_hash(doc: Document) -> str:
    """The document's content hash: the one ingest set, else SHA-256 of the cleaned text."""
    if doc.meta.content_hash:
        return doc.meta.content_hash
    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def event_id(doc_id: str, n: int) -> str:
    """Stable id of the n-th event of a document: ``<doc id>:<n>``."""
    return f"{doc_id}:{n}"


def document_row(doc: Document, chash: str, now: dt.datetime) -> tuple:
    """The ``documents`` row."""
    m = doc.meta
    return (
        m.id, chash, m.title, m.published, m.publisher, m.author, m.genre, m.language,
        m.url, m.path, m.hijri, doc.text, now,
    )  # fmt: skip


def sentence_rows(doc: Document) -> list[tuple]:
    """The ``sentences`` rows."""
    return [(doc.id, s.index, s.start, s.end, s.text, s.role, bool(s.parsed)) for s in doc.sentences]


def entity_rows(doc: Document) -> list[tuple]:
    """The ``entities`` rows (named entities of every sentence)."""
    return [
        (doc.id, s.index, e.start, e.end, e.text, e.label, e.actor_id) for s in doc.sentences for e in s.entities
    ]


def mention_rows(doc: Document) -> list[tuple]:
    """The ``mentions`` rows."""
    return [(doc.id, m.actor_id, m.start, m.end, m.text, m.sentence, m.how) for m in doc.mentions]


def actor_rows(doc: Document) -> list[tuple]:
    """The ``actors_in_doc`` rows; an actor listed twice keeps one row with summed mentions."""
    merged: dict[str, list[Any]] = {}
    for a in doc.actors:
        if a.id in merged:
            merged[a.id][-1] += a.mentions
        else:
            merged[a.id] = [doc.id, a.id, a.name, a.kind, a.country, a.role, a.mentions]
    return [tuple(r) for r in merged.values()]


def relation_rows(doc: Document) -> list[tuple]:
    """The ``relations`` rows."""
    return [
        (doc.id, r.subject, r.relation, r.object, r.sentence, r.sentence_index, r.char_start, r.char_end, r.negated)
        for r in doc.relations
    ]


def _sorted_distinct(*lists: list) -> list[str]:
    return sorted({v for values in lists for v in values if v is not None})


def _event_row(doc_id: str, eid: str, e: Event, published: dt.date | None) -> tuple:
    """The ``events`` row; ``day``, ``actors`` and ``keys`` are what the read queries filter on."""
    loc = e.location
    ids = ([a.id for a in e.source], [a.id for a in e.target])
    countries = ([a.country for a in e.source], [a.country for a in e.target])
    return (
        eid, doc_id, e.sentence_index, e.type, QUAD.get(e.type, "unknown"), e.mode, list(e.context),
        [a.id for a in e.source], [a.country for a in e.source],
        [a.id for a in e.target], [a.country for a in e.target],
        e.date, e.date_end, e.date_precision,
        loc.name if loc else None, loc.country if loc else None,
        loc.lat if loc else None, loc.lon if loc else None,
        e.modality, e.attributed_to, float(e.confidence), e.sentence_role, e.trigger,
        e.sentence, e.char_start, e.char_end, None,
        e.date or published, _sorted_distinct(*ids), _sorted_distinct(*ids, *countries),
    )  # fmt: skip


def event_rows(doc: Document) -> tuple[list[tuple], list[tuple]]:
    """The ``events`` rows and the ``event_actors`` rows (one per event side and actor)."""
    events, sides = [], []
    for n, e in enumerate(doc.events):
        eid = event_id(doc.id, n)
        events.append(_event_row(doc.id, eid, e, doc.meta.published))
        for side, refs in (("source", e.source), ("target", e.target)):
            for a in refs:
                sides.append((eid, doc.id, side, a.id, a.country, a.kind, a.name))
    return events, sides


def statement_rows(doc: Document) -> list[tuple]:
    """The ``statements`` rows; ``about`` is split into parallel id and stance lists."""
    return [
        (
            doc.id, n, s.speaker, s.speaker_role, s.quote,
            [a.get("id") for a in s.about], [a.get("stance") for a in s.about],
            s.sentence_index, s.char_start, s.char_end, s.date,
        )  # fmt: skip
        for n, s in enumerate(doc.statements)
    ]


def table_rows(doc: Document, chash: str, now: dt.datetime) -> dict[str, list[tuple]]:
    """Every table's rows for one document, in the order they should be inserted."""
    events, sides = event_rows(doc)
    return {
        "documents": [document_row(doc, chash, now)],
        "sentences": sentence_rows(doc),
        "entities": entity_rows(doc),
        "mentions": mention_rows(doc),
        "actors_in_doc": actor_rows(doc),
        "relations": relation_rows(doc),
        "events": events,
        "event_actors": sides,
        "statements": statement_rows(doc),
    }
