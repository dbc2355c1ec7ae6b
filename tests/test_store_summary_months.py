"""After an ingest the summary tables rebuild only the months that changed, and match a full rebuild."""

from __future__ import annotations

import pytest
from store_samples import event, make_document

from greatgame.analysis import facts
from greatgame.store import Store


def _first():
    yield make_document("a.txt", published="2025-01-20", events=[
        event("CONSULT", "RUS", "UZB", date="2025-01-03", context=["military"]),
        event("FIGHT", "RUS", "UZB", date=None, confidence=0.75),
        event("AID", "CHN", "UZB", date="2025-02-27", modality="reported", context=["economic"]),
    ])  # fmt: skip
    yield make_document("b.txt", published=None, events=[
        event("SANCTION", "USA", "UZB", date="2025-05-31", confidence=0.9),
        event("SUPPORT", "UZB", ["CHN", "RUS"], date=None),  # no day at all
        event("FIGHT", "RUS", "KAZ", date="2025-06-20"),
    ])  # fmt: skip


def _tables(store) -> dict[str, list[tuple]]:
    con = store.con
    return {
        "edge_months": sorted(con.execute("SELECT * FROM edge_months").fetchall(), key=repr),
        "actor_labels": sorted(con.execute("SELECT * FROM actor_labels").fetchall(), key=repr),
        "influence_cube": sorted(con.execute("SELECT * FROM influence_cube").fetchall(), key=repr),
    }


def _rebuilt_in_full(store) -> dict[str, list[tuple]]:
    facts.refresh_summaries(store, force=True)
    return _tables(store)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "m.duckdb") as s:
        s.write_documents(list(_first()))
        first = facts.refresh_summaries(s)
        assert first["aggregates"]["months"] == "all" and first["influence_cube"]["months"] == "all"
        yield s


def test_new_events_rebuild_only_their_month(store):
    store.write_documents([make_document("c.txt", published="2025-06-02", events=[
        event("CONSULT", "CHN", "KAZ", date="2025-06-05"), event("AGREE", "KAZ", "CHN", date="2025-06-06"),
    ])])  # fmt: skip
    done = facts.refresh_summaries(store)
    assert done["aggregates"]["months"] == 1 and done["influence_cube"]["months"] == 1
    incremental = _tables(store)
    assert ("CHN", "KAZ") in {(r[1], r[2]) for r in incremental["edge_months"]}
    assert incremental == _rebuilt_in_full(store)


def test_a_replaced_document_rebuilds_the_months_it_left_and_entered(store):
    store.write_documents([make_document("a.txt", published="2025-01-20", text="A corrected version.", events=[
        event("CONSULT", "RUS", "UZB", date="2025-03-03"),
    ])])  # fmt: skip
    done = facts.refresh_summaries(store)
    assert done["aggregates"]["months"] == 3  # January and February emptied, March filled
    incremental = _tables(store)
    assert not [r for r in incremental["edge_months"] if r[0] is not None and r[0].month in (1, 2)]
    assert incremental == _rebuilt_in_full(store)


def test_undated_events_are_a_month_of_their_own(store):
    store.write_documents([make_document("d.txt", published=None, events=[event("REJECT", "KAZ", "RUS", date=None)])])
    done = facts.refresh_summaries(store)
    assert done["aggregates"]["months"] == 1
    assert _tables(store) == _rebuilt_in_full(store)


def test_a_changed_story_weight_rebuilds_its_month_of_the_cube(store):
    con = store.con
    con.execute("CREATE TABLE event_weights AS SELECT id, 1.0::DOUBLE AS act_weight, 1 AS outlets FROM events")
    facts.refresh_summaries(store, force=True)
    con.execute("UPDATE event_weights SET act_weight = 0.5 WHERE id = (SELECT id FROM events WHERE type = 'AID')")
    done = facts.refresh_summaries(store)
    assert done["influence_cube"]["months"] == 1
    assert _tables(store) == _rebuilt_in_full(store)


def test_nothing_changed_means_nothing_rebuilt(store):
    assert facts.refresh_summaries(store) == {}
