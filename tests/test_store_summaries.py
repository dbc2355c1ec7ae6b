"""The query columns and summary tables give the figures of the base-table queries, and go stale on write."""

from __future__ import annotations

import datetime as dt
import importlib

import duckdb
import numpy as np
import pandas as pd
import pytest
from store_samples import event, make_document

from greatgame.analysis import facts, influence_cube
from greatgame.store import Store, aggregates
from greatgame.store import migrate as migrations

influence = importlib.import_module("greatgame.analysis.influence")

BANDS = ["share_lo", "share_hi", "alignment_lo", "alignment_hi"]


def _docs():
    yield make_document("a.txt", published="2025-01-20", events=[
        event("CONSULT", "RUS", "UZB", date="2025-01-03", context=["military"]),
        event("FIGHT", "RUS", "UZB", date=None, confidence=0.75),           # undated: the document's day
        event("CONSULT", "sergey-lavrov", "UZB", date="2025-02-14", context=["military", "economic"]),
        event("AID", "CHN", "UZB", date="2025-02-27", modality="reported", context=["economic"]),
        event("SUPPORT", "UZB", ["CHN", "RUS"], date="2025-03-30", confidence=0.5),
    ])  # fmt: skip
    yield make_document("b.txt", published="2025-04-02", events=[
        event("AGREE", "CHN", "UZB", date="2025-04-16", modality="planned"),
        event("DISAPPROVE", "USA", "UZB", date="2025-05-01", role="commentary"),
        event("SANCTION", "USA", "UZB", date="2025-05-31", confidence=0.9),
        event("AID", "USA", "UZB", date="2025-06-01", modality="negated"),
        event("THREATEN", "UZB", "USA", date="2025-06-15", modality="hypothetical"),
        event("FIGHT", "RUS", "KAZ", date="2025-06-20"),
    ])  # fmt: skip


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.write_documents(list(_docs()))
        yield s


def _fast(monkeypatch, store):
    facts.refresh_summaries(store)
    monkeypatch.setattr(influence_cube, "MIN_EVENTS", 0)  # the cube serves even this small store


def test_events_carry_day_actors_and_keys(store):
    rows = store.con.execute("SELECT id, day, actors, keys FROM events ORDER BY id").fetchall()
    by_id = {r[0]: r[1:] for r in rows}
    assert by_id["a.txt:0"] == (dt.date(2025, 1, 3), ["RUS", "UZB"], ["RUS", "UZB"])
    assert by_id["a.txt:1"][0] == dt.date(2025, 1, 20)  # undated event: its document's date
    assert by_id["a.txt:2"][1:] == (["UZB", "sergey-lavrov"], ["RUS", "UZB", "sergey-lavrov"])
    # the filters read them: Lavrov's event is Russia's, and the undated one falls in January
    assert "a.txt:2" in set(store.events(country="RUS")["id"])
    assert set(store.events(since=dt.date(2025, 1, 10), until=dt.date(2025, 1, 31))["id"]) == {"a.txt:1"}


def test_migration_fills_the_columns_of_stored_events(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    old = [m for m in migrations.known_migrations() if m.name < "0003"]
    monkeypatch.setattr(migrations, "known_migrations", lambda: old)
    migrations.migrate(con)
    con.execute("INSERT INTO documents (id, content_hash, published, text, ingested_at) "
                "VALUES ('d', 'h', DATE '2024-03-05', 'x', now())")  # fmt: skip
    con.execute("""INSERT INTO events (id, doc, sentence_idx, type, quad, context, source_ids, source_countries,
                   target_ids, target_countries, date, date_precision, modality, attributed_to, confidence,
                   sentence_role, sentence, char_start, char_end)
                   VALUES ('d:0', 'd', 0, 'CONSULT', 'verbal_cooperation', [], ['sergey-lavrov'], ['RUS'], ['UZB'],
                           ['UZB'], NULL, 'none', 'asserted', 'author', 1.0, 'fact', 's', 0, 1)""")  # fmt: skip
    con.close()
    monkeypatch.undo()
    with Store(path) as s:
        row = s.con.execute("SELECT day, actors, keys FROM events").fetchone()
        assert row == (dt.date(2024, 3, 5), ["UZB", "sergey-lavrov"], ["RUS", "UZB", "sergey-lavrov"])
        assert s.count_events(country="RUS", since=dt.date(2024, 3, 1)) == 1


WINDOWS = [(None, None), (dt.date(2025, 2, 1), None), (dt.date(2025, 1, 15), dt.date(2025, 5, 31)),
           (dt.date(2025, 2, 10), dt.date(2025, 2, 20)), (None, dt.date(2025, 6, 10))]  # fmt: skip


@pytest.mark.parametrize("kw", [
    {}, {"freq": "month"}, {"freq": "year", "by_domain": True}, {"domain": "military"},
    {"powers": ["RUS", "CHN", "USA", "KAZ"]},
])  # fmt: skip
@pytest.mark.parametrize("window", WINDOWS)
def test_influence_from_the_cube_equals_the_events_query(store, monkeypatch, kw, window):
    since, until = window
    base = influence.influence_query(store, "UZB", since=since, until=until, **kw)
    _fast(monkeypatch, store)
    powers = influence._powers(kw.get("powers"), "UZB", influence.load_weights())
    assert influence_cube.plan(store, "UZB", powers, influence.load_weights(), False, True, False, False, since, until)
    fast = influence.influence_query(store, "UZB", since=since, until=until, **kw)
    pd.testing.assert_frame_equal(fast.drop(columns=BANDS), base.drop(columns=BANDS), rtol=1e-12)
    assert (fast[BANDS].isna() == base[BANDS].isna()).all().all()
    assert fast["n_events"].sum() > 0 or base["n_events"].sum() == 0


def test_cube_is_left_when_it_cannot_answer_or_is_stale(store, monkeypatch):
    _fast(monkeypatch, store)
    weights = influence.load_weights()
    assert influence_cube.plan(store, "UZB", ["RUS"], weights, False, True, False, False, None, None)
    assert influence_cube.plan(store, "UZB", ["RUS"], weights, True, True, False, False, None, None) is None  # evidence
    assert influence_cube.plan(store, "UZB", ["sergey-lavrov"], weights, False, True, False, False, None, None) is None
    with_ids = influence.influence_query(store, "UZB", evidence=True)
    assert set().union(*with_ids["event_ids"]) >= {"a.txt:0", "a.txt:2", "b.txt:2"}  # figures keep their evidence
    store.write_document(make_document("c.txt", events=[event("AID", "CHN", "UZB", date="2025-02-03")]))
    assert influence_cube.plan(store, "UZB", ["RUS"], weights, False, True, False, False, None, None) is None
    assert aggregates.current(store.con) is None
    table = influence.influence_query(store, "UZB", freq="month", powers=["CHN"])
    assert table.loc[table["period"] == "2025-02", "n_events"].sum() == 2  # the new event counts at once
    facts.refresh_summaries(store)
    assert influence_cube.plan(store, "UZB", ["RUS"], weights, False, True, False, False, None, None)


@pytest.mark.parametrize("window", WINDOWS)
def test_network_from_edge_months_equals_the_events_query(store, window):
    since, until = window
    base_edges, base_names = store.edges(since=since, until=until), store.actor_names(["RUS", "UZB", "nobody"])
    store.refresh_aggregates()
    assert aggregates.current(store.con) is not None
    pd.testing.assert_frame_equal(store.edges(since=since, until=until), base_edges, rtol=1e-12)
    pd.testing.assert_frame_equal(store.actor_names(["RUS", "UZB", "nobody"]), base_names)


def test_events_page_is_newest_first_and_counts_match(store):
    page = store.events(limit=3, offset=1)
    everything = store.events()
    assert list(page["id"]) == list(everything["id"][1:4])
    assert list(everything["day"]) == sorted(everything["day"], reverse=True)
    assert store.count_events(actor="RUS", since=dt.date(2025, 2, 1)) == 2  # SUPPORT (to RUS) and FIGHT on KAZ
    assert list(page["doc_title"].unique()) == ["Russia Seeks to Deepen Ties"]


def test_bands_do_not_depend_on_duckdb_group_order(store):
    groups = store.con.execute(
        influence.list_groups_sql(influence._store_relation(None, None), "quarter", ["RUS", "CHN", "USA"], False, None,
                                  influence.load_weights(), False, False),
        {"country": "UZB", "p0": "RUS", "p1": "CHN", "p2": "USA"},
    ).df()  # fmt: skip
    a = influence.bootstrap_bands(groups, ["RUS", "CHN", "USA"], "quarter")
    b = influence.bootstrap_bands(groups.iloc[::-1].reset_index(drop=True), ["RUS", "CHN", "USA"], "quarter")
    assert a.keys() == b.keys()
    np.testing.assert_array_equal(np.array(list(a.values())), np.array(list(b.values())))  # NaN == NaN here


@pytest.mark.parametrize("filters", [{}, {"country": "UZB"}, {"actor": ["RUS", "USA"], "until": dt.date(2025, 5, 31)}])
def test_deep_pages_read_only_their_days_and_match_the_plain_pages(store, monkeypatch, filters):
    from greatgame.store import queries

    store.write_document(make_document("u.txt", published=None, events=[event("AID", "CHN", "UZB", date=None)] * 3))
    everything = store.events(**filters)
    monkeypatch.setattr(queries, "DEEP_PAGE", 0)  # every page goes through the per-day counts
    for limit in (1, 2, 4):
        for offset in range(0, len(everything) + 2):
            page = store.events(limit=limit, offset=offset, **filters)
            assert list(page["id"]) == list(everything["id"][offset : offset + limit]), (limit, offset)


def test_cube_counts_story_weights_and_goes_stale_when_they_change(store, monkeypatch):
    # two reports of one act (as story clustering writes them): each weighs a half
    store.con.execute("CREATE TABLE event_weights AS SELECT * FROM (VALUES ('a.txt:0', 0.5, 2), ('a.txt:2', 0.5, 2)) "
                      "v(id, act_weight, outlets)")  # fmt: skip
    base = influence.influence_query(store, "UZB", freq="month", bootstrap=0)
    _fast(monkeypatch, store)
    weights = influence.load_weights()
    assert influence_cube.plan(store, "UZB", ["RUS"], weights, False, True, False, False, None, None)
    fast = influence.influence_query(store, "UZB", freq="month", bootstrap=0)
    pd.testing.assert_frame_equal(fast, base, rtol=1e-12)
    rus = fast[(fast["power"] == "RUS") & (fast["period"] == "2025-01")].iloc[0]
    assert rus["engagement"] == pytest.approx(0.5 * 1.0 + 2 * 2 * 0.75)  # half a CONSULT, a whole FIGHT
    store.con.execute("UPDATE event_weights SET act_weight = 1.0 / 3 WHERE id = 'a.txt:0'")  # reclustered
    assert influence_cube.plan(store, "UZB", ["RUS"], weights, False, True, False, False, None, None) is None
    assert influence_cube.plan(store, "UZB", ["RUS"], weights, False, False, False, False, None, None) is None
