"""Response models of the HTTP API, so that /openapi.json describes every field precisely."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION",
    "PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
]  # fmt: skip
Quad = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
Modality = Literal["asserted", "reported", "planned", "hypothetical", "negated"]
Freq = Literal["month", "quarter", "year"]


def _iso_date_only(value):
    """Accept only ``YYYY-MM-DD`` (pydantic alone would also take numbers as Unix times)."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected a date like 2025-04-21")
    if isinstance(value, int | float):
        raise ValueError("expected a date like 2025-04-21")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]


class ErrorDetail(BaseModel):
    """What went wrong: the error's class name and a message saying what to do."""

    type: str = Field(description="error class, e.g. UnknownActor, NotFound, ValidationError")
    message: str


class ErrorBody(BaseModel):
    """The one shape of every error response."""

    error: ErrorDetail


class Page(BaseModel):
    """Paging fields shared by the list responses."""

    page: int = Field(ge=1)
    page_size: int = Field(ge=1)
    total: int = Field(ge=0, description="items matching the filters, over all pages")


class DocumentSummary(BaseModel):
    """A document without its text."""

    id: str
    title: str | None
    published: dt.date | None
    publisher: str | None
    author: str | None
    genre: str | None
    language: str | None
    url: str | None
    chars: int
    sentences: int
    events: int


class DocumentPage(Page):
    """A page of documents, newest first."""

    items: list[DocumentSummary]


class SentenceOut(BaseModel):
    """A sentence with its offsets in the cleaned text and its role."""

    idx: int
    start: int
    end: int
    text: str
    role: str
    parsed: bool


class ActorRefOut(BaseModel):
    """One actor on one side of an event."""

    id: str
    country: str | None


class LocationOut(BaseModel):
    """Where an event took place."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None


class EventOut(BaseModel):
    """One PLOVER event with the sentence it came from (offsets into the document's text)."""

    id: str
    doc: str
    sentence_idx: int
    type: str
    quad: str
    mode: str | None
    context: list[str]
    source: list[ActorRefOut]
    target: list[ActorRefOut]
    date: dt.date | None
    date_end: dt.date | None
    date_precision: str
    day: dt.date | None = Field(description="the event's date, else its document's publication date")
    location: LocationOut | None
    modality: str
    attributed_to: str
    confidence: float
    sentence_role: str
    trigger: str | None
    sentence: str
    char_start: int
    char_end: int
    cluster: str | None = Field(
        description="id of the event's story cluster (the happening it reports; see /api/events?clustered=true); "
        "null until the database's clusters are refreshed after an ingest"
    )
    doc_title: str | None
    doc_publisher: str | None
    doc_url: str | None


class EventPage(Page):
    """A page of events, newest first."""

    items: list[EventOut]


class EvidenceOut(BaseModel):
    """One report of a story cluster: the event and the sentence and document it came from."""

    event: str
    doc: str
    doc_title: str | None
    publisher: str | None
    type: str
    sentence: str
    sentence_idx: int
    sentence_role: str
    char_start: int
    char_end: int
    day: dt.date | None


class ClusterOut(BaseModel):
    """One story cluster: a real-world happening with every report of it."""

    cluster: str = Field(description="stable id: a hash of the earliest event's id")
    types: list[str]
    first_day: dt.date | None
    last_day: dt.date | None
    n_events: int
    n_documents: int
    n_outlets: int = Field(description="distinct outlets reporting it")
    actors: list[str]
    evidence: list[EvidenceOut]


class ClusterPage(Page):
    """A page of story clusters, newest first (``/api/events?clustered=true``); ``total`` counts clusters."""

    items: list[ClusterOut]


class OutletSummary(BaseModel):
    """An outlet seen in the database, with its counts."""

    id: str
    name: str
    affiliation: str
    owner: str | None
    country: str | None
    language: str | None
    known: bool = Field(description="false: not in the outlet catalogue (the id is a slug of the publisher)")
    documents: int
    events: int
    sentences: int
    commentary_share: float = Field(description="commentary and appeal sentences over all sentences")
    genres: dict[str, int]


class OutletPage(Page):
    """A page of outlets, most documents first."""

    items: list[OutletSummary]


class OutletInfo(BaseModel):
    """An outlet as the catalogue describes it."""

    id: str
    name: str
    names: list[str]
    affiliation: str
    owner: str | None
    owner_name: str | None
    actor: str | None
    country: str | None
    language: str | None
    parent: str | None
    known: bool


class OutletDocument(BaseModel):
    """A document of an outlet."""

    doc: str
    title: str | None = None
    publisher: str | None
    genre: str | None
    published: dt.date | None
    events: int


class TopActorOut(BaseModel):
    """An actor an outlet mentions often."""

    actor_id: str
    name: str | None
    kind: str | None
    documents: int
    mentions: int


class StanceRow(BaseModel):
    """An outlet's stance toward one power in one period (-1 hostile .. +1 friendly)."""

    power: str
    period: str
    statements: int
    statement_stance: float | None
    events: int
    event_tone: float | None
    stance: float


class OutletDetail(BaseModel):
    """One outlet: catalogue fields, counts, sentence roles, genres, top actors, stance, documents."""

    outlet: OutletInfo
    n_documents: int
    n_events: int
    sentence_roles: dict[str, int]
    commentary_share: float
    genres: dict[str, int]
    top_actors: list[TopActorOut]
    stance: list[StanceRow]
    freq: Freq
    documents: list[OutletDocument]


class DocActorOut(BaseModel):
    """An actor as it appears in one document."""

    actor_id: str
    name: str
    kind: str
    country: str | None
    role: str | None
    mentions: int


class StatementOut(BaseModel):
    """A quote or reported statement with its speaker and stances."""

    doc: str
    idx: int
    speaker: str | None
    speaker_role: str | None
    quote: str
    about: list[dict[str, str | None]]
    sentence_idx: int
    char_start: int
    char_end: int
    date: dt.date | None
    day: dt.date | None
    doc_title: str | None


class StatementPage(Page):
    """A page of statements, newest first."""

    items: list[StatementOut]


class DocumentDetail(BaseModel):
    """A document: metadata, cleaned text, sentences with roles, events with spans, actors, quotes."""

    id: str
    title: str | None
    published: dt.date | None
    publisher: str | None
    outlet: OutletInfo | None = Field(default=None, description="the outlet the publisher resolves to")
    author: str | None
    genre: str | None
    language: str | None
    url: str | None
    content_hash: str
    text: str
    sentences: list[SentenceOut]
    events: list[EventOut]
    actors: list[DocActorOut]
    statements: list[StatementOut]


class ActorSummary(BaseModel):
    """An actor seen in the database, with how often."""

    id: str
    name: str
    kind: str
    country: str | None
    documents: int
    mentions: int
    events: int


class ActorPage(Page):
    """A page of actors, most mentioned first."""

    items: list[ActorSummary]


class OfficeOut(BaseModel):
    """An office held by a person."""

    of: str | None
    kind: str | None
    role: str | None
    start: dt.date | None
    end: dt.date | None


class MembershipOut(BaseModel):
    """A membership or observer status of an actor in a bloc."""

    subject: str
    relation: str
    object: str
    start: dt.date | None
    end: dt.date | None


class ActorDetail(BaseModel):
    """An actor: catalogue entry (offices, memberships on ``date``), counts and recent events."""

    id: str
    name: str
    kind: str
    country: str | None
    in_catalogue: bool
    aliases: list[str]
    date: dt.date | None = Field(description="the day offices and memberships are given for; null = all")
    offices: list[OfficeOut]
    memberships: list[MembershipOut]
    members: list[MembershipOut] = Field(description="for a bloc: who belongs to it")
    seen: ActorSummary | None
    recent_events: list[EventOut]


class InfluenceRow(BaseModel):
    """The influence of one power in the country, in one domain and period."""

    power: str
    country: str
    domain: str
    period: str
    period_start: dt.date
    period_end: dt.date
    engagement: float
    share: float | None
    share_lo: float | None
    share_hi: float | None
    alignment: float | None
    alignment_lo: float | None
    alignment_hi: float | None
    cooperation: float
    conflict: float
    n_events: int
    n_cooperation: int
    n_conflict: int
    n_planned: int
    planned_engagement: float
    n_hypothetical: int
    hypothetical_engagement: float
    n_negated: int
    shared_blocs: list[str] | None = None
    observer_blocs: list[str] | None = None
    event_ids: list[str] | None = Field(default=None, description="with evidence=true: the events behind the row")
    planned_event_ids: list[str] | None = None


class InfluenceOut(BaseModel):
    """Influence of outside powers in one country."""

    country: str
    freq: Freq
    powers: list[str]
    rows: list[InfluenceRow]


class NodeOut(BaseModel):
    """An actor in the network."""

    id: str
    name: str
    kind: str
    country: str | None


class EdgeOut(BaseModel):
    """Events from one actor to another in one quad class."""

    source: str
    target: str
    quad: str
    count: int
    weight: float


class NetworkOut(BaseModel):
    """The actor network over a time window."""

    since: dt.date | None
    until: dt.date | None
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class SummaryOut(BaseModel):
    """Counts for a first look at the database."""

    counts: dict[str, int]
    events_by_type: dict[str, int]
    events_by_quad: dict[str, int]
    events_by_modality: dict[str, int]
    first_event: dt.date | None
    last_event: dt.date | None
