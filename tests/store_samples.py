"""Hand-made Documents for the store, analysis and API tests (no spaCy needed)."""

from __future__ import annotations

import datetime as dt

from greatgame.models import (
    Actor,
    ActorRef,
    Document,
    DocumentMeta,
    EntitySpan,
    Event,
    Location,
    Mention,
    Relation,
    Sentence,
    Statement,
)

KINDS = {"RUS": "state", "UZB": "state", "CHN": "state", "USA": "state", "KAZ": "state", "EU": "igo",
         "TUR": "state", "sergey-lavrov": "person", "FRA": "state"}  # fmt: skip
COUNTRY = {"sergey-lavrov": "RUS", "EU": None}


def ref(actor_id: str) -> ActorRef:
    """An event side for a catalogue id, with its country and kind."""
    return ActorRef(actor_id, COUNTRY.get(actor_id, actor_id), KINDS.get(actor_id, "state"), actor_id.title())


def event(
    type_: str,
    source: str | list[str],
    target: str | list[str],
    date: str | None = "2025-04-22",
    modality: str = "asserted",
    confidence: float = 1.0,
    role: str = "fact",
    context: list[str] | None = None,
    sentence_index: int = 0,
) -> dict:
    """Keyword arguments for one event; ``make_document`` fills sentence and offsets."""
    return {
        "type": type_,
        "source": [source] if isinstance(source, str) else source,
        "target": [target] if isinstance(target, str) else target,
        "date": date,
        "modality": modality,
        "confidence": confidence,
        "role": role,
        "context": context or [],
        "sentence_index": sentence_index,
    }


def make_document(doc_id: str = "004_x.txt", events: list[dict] | None = None, published: str | None = "2025-04-21",
                  text: str | None = None, title: str = "Russia Seeks to Deepen Ties") -> Document:  # fmt: skip
    """A document with one sentence per event (or two default sentences), actors, a statement."""
    events = events if events is not None else [event("CONSULT", "sergey-lavrov", "UZB", context=["military"])]
    sentences_text = [f"Sentence {i} about {e['type'].lower()} between the parties." for i, e in enumerate(events)]
    sentences_text = sentences_text or ["Nothing happened.", "Still nothing."]
    if text is None:
        text = " ".join(sentences_text)
    sentences, pos = [], 0
    for i, s in enumerate(sentences_text):
        start = text.find(s, pos)
        start = start if start >= 0 else 0
        end = start + len(s)
        role = events[i]["role"] if i < len(events) else "fact"
        ents = [EntitySpan("Sentence", "MISC", start, start + 8, None)]
        sentences.append(Sentence(i, start, end, text[start:end], ents, role, parsed=i % 2 == 0))
        pos = end
    evs = []
    for i, e in enumerate(events):
        s = sentences[i]
        evs.append(
            Event(
                type=e["type"], source=[ref(a) for a in e["source"]], target=[ref(a) for a in e["target"]],
                sentence=s.text, sentence_index=s.index, char_start=s.start, char_end=s.end,
                mode="visit" if e["type"] == "CONSULT" else None, context=e["context"],
                date=dt.date.fromisoformat(e["date"]) if e["date"] else None,
                date_precision="day" if e["date"] else "none",
                location=Location("Tashkent", "UZB", 41.3, 69.28) if i == 0 else None,
                modality=e["modality"], attributed_to="author", confidence=e["confidence"],
                sentence_role=e["role"], trigger="meets",
            )  # fmt: skip
        )
    ids = sorted({a for e in events for a in e["source"] + e["target"]})
    actors = [Actor(a, a.title(), KINDS.get(a, "state"), COUNTRY.get(a, a), None, 2) for a in ids]
    mentions = [Mention(a, 0, 8, "Sentence", 0, "name") for a in ids]
    meta = DocumentMeta(
        id=doc_id, title=title, published=dt.date.fromisoformat(published) if published else None,
        publisher="Media Office", author="A. Writer", genre="news", url=f"https://example.org/{doc_id}",
        path=f"/data/{doc_id}",
    )  # fmt: skip
    relations = [Relation("UZB", "member_of", "SCO", sentences[0].text, 0, sentences[0].start, sentences[0].end)]
    statements = [Statement("sergey-lavrov", "Minister of Foreign Affairs", "We value our partners.",
                            [{"id": "UZB", "stance": "positive"}], 0, sentences[0].start, sentences[0].end,
                            meta.published)]  # fmt: skip
    doc = Document(meta, text, sentences, actors, mentions, relations, evs, statements)
    doc.parses = {0: object()}  # stands in for a spaCy Doc: the store must ignore it
    return doc
