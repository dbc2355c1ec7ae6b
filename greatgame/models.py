"""Plain data classes shared by every stage, and the record shape of the extraction contract.

Nothing here imports a subpackage or a third-party NLP library: the store, the API and the
scorers see only these classes (or the dicts ``to_record`` makes of them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

GENRES = ("news", "commentary", "press_release", "op_ed", "statement", "other")
MODALITIES = ("asserted", "reported", "planned", "hypothetical", "negated")
PRECISIONS = ("day", "month", "year", "none")
SENTENCE_ROLES = ("fact", "speech", "commentary", "appeal", "boilerplate")
ACTOR_KINDS = ("state", "igo", "ngo", "armed_group", "movement", "party", "person", "company", "media", "other")

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION",
    "PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
)  # fmt: skip

QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal_cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), "material_cooperation"),
    **dict.fromkeys(("DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION"), "verbal_conflict"),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"), "material_conflict"),
}


@dataclass
class RawDocument:
    """A document as read from disk, before cleaning.

    ``kind`` is ``txt``, ``md``, ``html`` or ``jsonl``. ``given`` holds fields a JSONL line
    supplied (``published``, ``title``, ``url``, ``publisher``); they win over inference.
    """

    id: str
    kind: str
    content: str
    path: str | None = None
    given: dict[str, Any] = field(default_factory=dict)

    def content_hash(self) -> str:
        """SHA-256 of the raw content: the identity used to skip documents already stored."""
        return hashlib.sha256(self.content.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class DocumentMeta:
    """Metadata of one document, as the contract's ``doc`` object plus bookkeeping fields."""

    id: str
    title: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    author: str | None = None
    genre: str = "news"
    language: str = "en"
    url: str | None = None
    path: str | None = None
    content_hash: str | None = None
    hijri: str | None = None  # the Hijri date as written in the header, when there is one
    notes: list[str] = field(default_factory=list)  # what metadata extraction noticed (e.g. date conflicts)

    def to_record(self) -> dict[str, Any]:
        """The contract's ``doc`` object."""
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "publisher": self.publisher,
            "author": self.author,
            "genre": self.genre,
            "language": self.language,
            "url": self.url,
            "notes": list(self.notes),
        }


@dataclass
class EntitySpan:
    """A named entity found by the statistical NER or the catalogue ruler (document offsets)."""

    text: str
    label: str
    start: int
    end: int
    actor_id: str | None = None


@dataclass
class Sentence:
    """A sentence of the cleaned text, with its offsets and its named entities."""

    index: int
    start: int
    end: int
    text: str
    entities: list[EntitySpan] = field(default_factory=list)
    role: str = "fact"
    parsed: bool = False  # whether the full statistical parse ran on it


@dataclass
class Actor:
    """An actor as it appears in one document (the contract's ``actors`` items)."""

    id: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    mentions: int = 0

    def to_record(self) -> dict[str, Any]:
        """The contract's actor object (``role`` left out when unknown)."""
        rec = {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country}
        if self.role:
            rec["role"] = self.role
        rec["mentions"] = self.mentions
        return rec


@dataclass
class Mention:
    """One place in the text that refers to a catalogue (or new) actor."""

    actor_id: str
    start: int
    end: int
    text: str
    sentence: int
    how: str = "name"  # name | alias | demonym | capital | seat | title | coref | ner


@dataclass
class ActorRef:
    """A source or target of an event."""

    id: str
    country: str | None = None
    kind: str | None = None
    name: str | None = None

    def to_record(self) -> dict[str, Any]:
        """Contract shape: ``id`` and ``country``, plus ``kind`` and ``name`` when known."""
        rec: dict[str, Any] = {"id": self.id, "country": self.country}
        if self.kind:
            rec["kind"] = self.kind
        if self.name:
            rec["name"] = self.name
        return rec


@dataclass
class Location:
    """Where an event took place."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_record(self) -> dict[str, Any]:
        """Contract shape, with coordinates when the catalogue has them."""
        rec: dict[str, Any] = {"name": self.name, "country": self.country}
        if self.lat is not None and self.lon is not None:
            rec["lat"], rec["lon"] = self.lat, self.lon
        return rec


@dataclass
class Relation:
    """A membership or observer relation stated in the text."""

    subject: str
    relation: str
    object: str
    sentence: str
    sentence_index: int
    char_start: int
    char_end: int
    negated: bool = False

    def to_record(self) -> dict[str, Any]:
        """Contract shape."""
        return {
            "subject": self.subject,
            "relation": self.relation,
            "object": self.object,
            "sentence": self.sentence,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "negated": self.negated,
        }


@dataclass
class Event:
    """One PLOVER event, pointing back to its sentence."""

    type: str
    source: list[ActorRef]
    target: list[ActorRef]
    sentence: str
    sentence_index: int
    char_start: int
    char_end: int
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str = "none"
    location: Location | None = None
    modality: str = "asserted"
    attributed_to: str = "author"
    confidence: float = 0.5
    sentence_role: str = "fact"
    trigger: str | None = None

    @property
    def quad(self) -> str:
        """The PLOVER quad class of the event type."""
        return QUAD[self.type]

    def to_record(self) -> dict[str, Any]:
        """Contract shape."""
        return {
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "source": [a.to_record() for a in self.source],
            "target": [a.to_record() for a in self.target],
            "date": self.date.isoformat() if self.date else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "date_precision": self.date_precision,
            "location": self.location.to_record() if self.location else None,
            "modality": self.modality,
            "attributed_to": self.attributed_to,
            "confidence": round(float(self.confidence), 3),
            "sentence_role": self.sentence_role,
            "trigger": self.trigger,
            "sentence": self.sentence,
            "char_start": self.char_start,
            "char_end": self.char_end,
        }


@dataclass
class Statement:
    """A quote or reported statement, with its speaker and its stance toward the actors in it."""

    speaker: str | None
    speaker_role: str | None
    quote: str
    about: list[dict[str, str]]  # [{"id": "USA", "stance": "negative"}]
    sentence_index: int
    char_start: int
    char_end: int
    date: dt.date | None = None

    def to_record(self) -> dict[str, Any]:
        """Record shape (an addition to the contract)."""
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        return d


@dataclass
class Document:
    """A document through all stages: metadata, cleaned text, sentences, actors and events."""

    meta: DocumentMeta
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    parses: dict[int, Any] = field(default_factory=dict, repr=False)  # sentence index -> parse, transient

    @property
    def id(self) -> str:
        """The document id."""
        return self.meta.id

    def to_record(self) -> dict[str, Any]:
        """The extraction record of the contract (one JSON line of ``greatgame extract``)."""
        return {
            "doc": self.meta.to_record(),
            "actors": [a.to_record() for a in self.actors],
            "relations": [r.to_record() for r in self.relations],
            "events": [e.to_record() for e in self.events],
            "statements": [s.to_record() for s in self.statements],
            "sentences": [
                {
                    "index": s.index,
                    "start": s.start,
                    "end": s.end,
                    "role": s.role,
                    "entities": [
                        {"text": e.text, "label": e.label, "start": e.start, "end": e.end, "actor": e.actor_id}
                        for e in s.entities
                    ],
                }
                for s in self.sentences
            ],
        }


@dataclass
class Failure:
    """A document that could not be processed, with the reason in words a user understands."""

    doc_id: str
    reason: str
    path: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The contract's error line."""
        return {"doc": {"id": self.doc_id}, "error": self.reason}
