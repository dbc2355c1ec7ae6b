"""The store keeps what it is given: a hand-made Document goes in and comes back out."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from store_samples import event, make_document

from greatgame.errors import StoreError
from greatgame.store import NotFound, Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_document_round_trip_keeps_text_sentences_events_and_spans(store):
    doc = make_document(events=[event("CONSULT", "sergey-lavrov", "UZB", context=["military"]),
                                event("AID", "CHN", ["UZB", "KAZ"], date=None)])  # fmt: skip
    assert store.write_document(doc) is True
    back = store.document(doc.id)
    assert back["text"] == doc.text
    assert back["meta"]["title"] == doc.meta.title
    assert back["meta"]["published"] == doc.meta.published
    assert list(back["sentences"]["role"]) == [s.role for s in doc.sentences]
    events = back["events"].sort_values("id")
    assert list(events["type"]) == ["CONSULT", "AID"]
    first = events.iloc[0]
    assert doc.text[first["char_start"] : first["char_end"]] == first["sentence"]
    assert list(first["context"]) == ["military"]
    assert list(first["source_countries"]) == ["RUS"]
    assert first["location_name"] == "Tashkent"
    assert first["cluster"] is None
    assert list(events.iloc[1]["target_ids"]) == ["UZB", "KAZ"]
    assert back["statements"].iloc[0]["quote"] == doc.statements[0].quote
    assert set(back["actors"]["actor_id"]) == {a.id for a in doc.actors}


def test_writing_the_same_content_twice_changes_nothing(store):
    doc = make_document()
    assert store.write_document(doc) is True
    before = store.summary()["counts"]
    assert store.write_document(doc) is False
    renamed = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, id="copy.txt"))
    assert store.write_document(renamed) is False  # same content under another id: a duplicate
    assert store.summary()["counts"] == before
    assert store.has_document(store.document(doc.id)["meta"]["content_hash"])


def test_new_version_of_a_document_replaces_the_old_one(store):
    store.write_document(make_document(events=[event("CONSULT", "RUS", "UZB"), event("AID", "CHN", "UZB")]))
    newer = make_document(events=[event("FIGHT", "RUS", "UZB")])
    assert store.write_document(newer) is True
    assert store.count_documents() == 1
    events = store.events()
    assert list(events["type"]) == ["FIGHT"]
    assert store.document(newer.id)["text"] == newer.text
    assert len(store.event_actors()) == 2


def test_event_filters_select_by_actor_country_type_context_and_dates(store):
    store.write_document(make_document(events=[
        event("CONSULT", "sergey-lavrov", "UZB", date="2025-01-10", context=["military"]),
        event("AID", "CHN", "KAZ", date="2025-03-01", context=["economic"]),
        event("FIGHT", "RUS", "UZB", date="2025-06-01", modality="reported"),
    ]))  # fmt: skip
    assert store.count_events(country="RUS") == 2  # the state itself and its minister
    assert store.count_events(actor="RUS") == 1
    assert store.count_events(type="aid") == 1
    assert store.count_events(quad=["verbal_cooperation", "material_conflict"]) == 2
    assert store.count_events(context="military") == 1
    assert store.count_events(modality="reported") == 1
    assert store.count_events(since=dt.date(2025, 2, 1), until=dt.date(2025, 3, 31)) == 1
    page = store.events(limit=2, offset=0)
    assert list(page["type"]) == ["FIGHT", "AID"]  # newest first


def test_unknown_document_is_not_found(store):
    with pytest.raises(NotFound, match="no document"):
        store.document("nope.txt")


def test_read_only_store_refuses_writes_and_missing_file(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as s:
        s.write_document(make_document())
    with Store(path, read_only=True) as ro:
        assert ro.count_documents() == 1
        with pytest.raises(StoreError, match="read-only"):
            ro.write_document(make_document("other.txt", text="Different text."))
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_ignores_parses(store):
    doc = make_document()
    doc.parses = {0: object(), 1: lambda: None}
    assert store.write_document(doc) is True
