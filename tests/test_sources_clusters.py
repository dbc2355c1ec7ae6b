"""Story clusters: one happening told by several outlets, or again in follow-ups, is one cluster."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from store_samples import event, make_document

from greatgame.analysis.clusters import (
    cluster_events,
    cluster_id,
    cluster_weight_sql,
    cluster_weights,
    clustered,
    clustered_page,
    events_from_records,
    make_event,
    recluster,
    refresh_sources,
    sources_stale,
)
from greatgame.store import Store

RUS, UZB, KAZ, CHN = ({"id": c, "country": c} for c in ("RUS", "UZB", "KAZ", "CHN"))
LAVROV = {"id": "sergey-lavrov", "country": "RUS"}
TASHKENT = {"name": "Tashkent", "country": "UZB"}


def ev(
    eid, doc, type_, src, tgt, sentence, date=None, published="2025-04-22", outlet="A", place=None, title=""
):
    """A StoryEvent; ``doc`` is the document id, ``outlet`` its publisher."""
    return make_event(eid, doc, type_, src, tgt, sentence, date, None, "day" if date else "none", published,
                      place, outlet, title)  # fmt: skip


def visit_reports():
    """Lavrov's visit to Tashkent told by two outlets, and a different visit a month later."""
    return [
        ev("a:0", "a", "CONSULT", [LAVROV], [UZB], "Russian Foreign Minister Sergey Lavrov held talks in Tashkent "
           "with Uzbek officials on Tuesday.", "2025-04-22", outlet="Eurasia Wire Service", place=TASHKENT),
        ev("a:1", "a", "AGREE", [RUS], [UZB], "Lavrov and his Uzbek counterpart signed a plan of consultations "
           "for 2025-2026 in Tashkent.", "2025-04-22", outlet="Eurasia Wire Service", place=TASHKENT),
        ev("b:0", "b", "CONSULT", [LAVROV], [UZB], "Sergey Lavrov arrived in Tashkent on Tuesday for talks on "
           "security and trade with the Uzbek leadership.", "2025-04-22", "2025-04-23", outlet="Steppe Wire",
           place=TASHKENT),
        ev("b:1", "b", "AGREE", [RUS], [UZB], "The ministers signed a plan of consultations between the two "
           "foreign ministries in Tashkent.", "2025-04-22", "2025-04-23", outlet="Steppe Wire", place=TASHKENT),
        ev("c:0", "c", "CONSULT", [CHN], [KAZ], "Chinese Foreign Minister Wang Yi held talks in Astana with "
           "Kazakh officials on Thursday.", "2025-05-22", "2025-05-22", outlet="Eurasia Wire Service",
           place={"name": "Astana", "country": "KAZ"}),
    ]  # fmt: skip


def test_two_outlets_reporting_one_visit_make_one_cluster():
    clusters = cluster_events(visit_reports())
    assert len({clusters[i] for i in ("a:0", "a:1", "b:0", "b:1")}) == 1


def test_a_different_visit_a_month_later_is_another_cluster():
    clusters = cluster_events(visit_reports())
    assert clusters["c:0"] != clusters["a:0"]


def test_a_follow_up_referring_back_joins_the_cluster():
    follow_up = ev("d:0", "d", "CONSULT", [LAVROV], [UZB], "Lavrov's visit to Tashkent is therefore significant: "
                   "the talks with the Uzbek leadership on security and trade went further than before.",
                   None, "2025-04-29", outlet="Eurasia Wire Service", place=TASHKENT)  # fmt: skip
    clusters = cluster_events(visit_reports() + [follow_up])
    assert clusters["d:0"] == clusters["a:0"]


def test_same_words_far_apart_in_time_stay_apart():
    later = ev("e:0", "e", "CONSULT", [LAVROV], [UZB], "Russian Foreign Minister Sergey Lavrov held talks in "
               "Tashkent with Uzbek officials on Tuesday.", "2025-09-16", "2025-09-16", outlet="Steppe Wire",
               place=TASHKENT)  # fmt: skip
    clusters = cluster_events(visit_reports() + [later])
    assert clusters["e:0"] != clusters["a:0"]


def test_cluster_id_is_a_hash_of_the_earliest_event_and_stays_when_reports_join():
    first = cluster_events(visit_reports())
    assert first["a:0"] == cluster_id("a:0")
    late = ev("z:0", "z", "CONSULT", [LAVROV], [UZB], "Sergey Lavrov held talks in Tashkent with the Uzbek "
              "leadership on security and trade.", "2025-04-22", "2025-04-24", outlet="Caspian Daily",
              place=TASHKENT)  # fmt: skip
    again = cluster_events(visit_reports() + [late])
    assert again["z:0"] == again["a:0"] == first["a:0"]


def test_year_only_mentions_do_not_join_other_outlets_clusters():
    vague = ev("v:0", "v", "CONSULT", [LAVROV], [UZB], "Lavrov held talks in Tashkent with Uzbek officials.",
               "2025", "2025-12-30", outlet="Caspian Daily", place=TASHKENT)  # fmt: skip
    clusters = cluster_events(visit_reports() + [vague])
    assert clusters["v:0"] != clusters["a:0"]


KGZ, TJK, ARM, AZE, IRN = ({"id": c, "country": c} for c in ("KGZ", "TJK", "ARM", "AZE", "IRN"))
SCO = {"id": "SCO", "country": None}
NUKUS = {"name": "Nukus", "country": "UZB"}


def summit_and_war():
    """A summit in one town and, on the same days, a border war whose report mentions the summit."""
    summit = [
        ev(f"{d}:{n}", d, t, src, tgt, text, "2026-05-14", outlet=d, place=NUKUS)
        for d in ("s1", "s2")
        for n, (t, src, tgt, text) in enumerate([
            ("CONSULT", [SCO], [UZB], "Leaders of the bloc opened their summit in Nukus under the Uzbek chair."),
            ("CONSULT", [CHN], [RUS], "The Chinese and Russian leaders met on the sidelines of the summit in Nukus."),
            ("AGREE", [SCO], [IRN], "The summit in Nukus admitted Iran as a full member of the bloc."),
        ])
    ]  # fmt: skip
    war = [
        ev("w:0", "w", "FIGHT", [ARM], [AZE], "Armenian and Azerbaijani troops fought with artillery along "
           "their border for a second day.", "2026-05-14", outlet="w"),
        ev("w:1", "w", "FIGHT", [AZE], [ARM], "Azerbaijan accused Armenian forces of shelling its villages.",
           "2026-05-14", outlet="w"),
        ev("w:2", "w", "CONSULT", [ARM], [AZE, UZB], "Both leaders, attending the summit in Nukus, agreed to "
           "talk there while their armies fought.", "2026-05-14", outlet="w", place=NUKUS),
    ]  # fmt: skip
    return summit + war


def test_a_war_told_beside_a_summit_is_not_the_summit():
    clusters = cluster_events(summit_and_war())
    assert clusters["s1:0"] == clusters["s2:2"]  # the two summit reports are one happening
    assert clusters["w:0"] == clusters["w:1"] != clusters["s1:0"]  # the war is another


def unrest_with_troops(foreign_troops: bool):
    """Unrest at home told with a neighbour's troops sent in (or only its words)."""
    home = [
        ev("u:0", "u", "PROTEST", [KGZ], [], "Protesters filled the squares of the capital over fuel prices.",
           "2026-02-03", published="2026-02-05", outlet="u"),
        ev("u:1", "u", "COERCE", [KGZ], [KGZ], "Police detained hundreds of protesters overnight.", "2026-02-04",
           published="2026-02-05", outlet="u"),
    ]  # fmt: skip
    if foreign_troops:
        abroad = [
            ev("u:2", "u", "MOBILIZE", [TJK], [KGZ], "Tajik troops crossed into Kyrgyzstan to guard airports "
               "at the government's request.", "2026-02-05", published="2026-02-05", outlet="u"),
            ev("u:3", "u", "AID", [RUS], [KGZ], "Russian transport planes flew in soldiers and supplies for the "
               "mission.", "2026-02-05", published="2026-02-05", outlet="u"),
        ]  # fmt: skip
    else:
        abroad = [
            ev("u:2", "u", "DISAPPROVE", [TJK], [KGZ], "Tajikistan criticised the violence.", "2026-02-05",
               published="2026-02-05", outlet="u"),
            ev("u:3", "u", "CONSULT", [RUS], [KGZ], "The Russian president telephoned his Kyrgyz counterpart.",
               "2026-02-05", published="2026-02-05", outlet="u"),
        ]  # fmt: skip
    return home + abroad


def test_unrest_and_foreign_troops_sent_against_it_are_two_happenings():
    clusters = cluster_events(unrest_with_troops(foreign_troops=True))
    assert clusters["u:0"] == clusters["u:1"] != clusters["u:2"] == clusters["u:3"]


def test_foreign_words_about_unrest_stay_with_the_unrest():
    clusters = cluster_events(unrest_with_troops(foreign_troops=False))
    assert len({clusters[f"u:{n}"] for n in range(4)}) == 1


def test_an_undated_mention_of_last_year_is_background():
    report = visit_reports()[:2] + [
        ev("a:2", "a", "CONSULT", [LAVROV], [UZB], "Lavrov also visited Samarkand last year.", None,
           outlet="Eurasia Wire Service"),
    ]  # fmt: skip
    clusters = cluster_events(report)
    assert clusters["a:0"] == clusters["a:1"] != clusters["a:2"]


def test_records_give_events_their_contract_ids():
    record = {"doc": {"id": "x.txt", "published": "2025-04-22", "publisher": "TASS", "title": "T"},
              "events": [{"type": "CONSULT", "source": [LAVROV], "target": [UZB], "sentence": "Lavrov met.",
                          "date": "2025-04-22", "date_precision": "day", "location": TASHKENT}]}  # fmt: skip
    (only,) = events_from_records([record])
    assert (only.id, only.lo, only.outlet, only.place) == (
        "x.txt:0",
        dt.date(2025, 4, 22),
        "TASS",
        "tashkent",
    )


# -- the store ---------------------------------------------------------------------------------


@pytest.fixture()
def store(tmp_path):
    docs = []
    for doc_id, publisher in (("a.txt", "Eurasia Wire Service"), ("b.txt", "Steppe Wire")):
        doc = make_document(doc_id, events=[event("CONSULT", "sergey-lavrov", "UZB", "2025-04-22")])
        doc.meta.publisher, doc.meta.content_hash = publisher, f"hash-{doc_id}"
        docs.append(doc)
    other = make_document(
        "c.txt", events=[event("CONSULT", "CHN", "KAZ", "2025-06-30")], published="2025-06-30"
    )
    with Store(tmp_path / "c.duckdb") as st:
        for d in docs + [other]:
            st.write_document(d)
        yield st


def test_recluster_writes_cluster_ids_and_the_cluster_table(store):
    assert recluster(store) == 2
    events = store.events()
    assert events["cluster"].notna().all()
    by_doc = dict(zip(events["doc"], events["cluster"], strict=True))
    assert by_doc["a.txt"] == by_doc["b.txt"] != by_doc["c.txt"]
    row = store.con.execute("SELECT events, documents, outlets FROM event_clusters WHERE id = ?",
                            [by_doc["a.txt"]]).fetchone()  # fmt: skip
    assert row == (2, 2, 2)
    assert recluster(store) == 2  # rerunnable, same answer


def test_clustered_view_has_one_item_per_cluster_with_its_evidence(store):
    recluster(store)
    items = clustered(store.events())
    assert len(items) == 2
    visit = next(it for it in items if it["n_events"] == 2)
    assert {e["doc"] for e in visit["evidence"]} == {"a.txt", "b.txt"} and visit["n_outlets"] == 2
    assert all(e["sentence"] and e["sentence_role"] for e in visit["evidence"])


def test_cluster_weights_count_each_cluster_once(store):
    recluster(store)
    events = store.events()
    weights = cluster_weights(events)
    assert weights.sum() == pytest.approx(2.0)
    diverse = cluster_weights(events, diversity=True)
    assert diverse.sum() > weights.sum()  # a happening told by two outlets weighs more


def test_cluster_weights_in_sql_match_the_dataframe_version(store):
    recluster(store)
    for diversity in (False, True):
        sql = store.con.execute(
            f"SELECT id, cluster_weight FROM ({cluster_weight_sql(diversity)})"
        ).fetchall()
        events = store.events()
        frame = dict(zip(events["id"], cluster_weights(events, diversity=diversity), strict=True))
        assert {i: pytest.approx(w) for i, w in sql} == frame


def test_clustered_pages_pick_clusters_by_filter_and_show_all_their_evidence(store):
    recluster(store)
    items, total = clustered_page(store, limit=1, offset=0)
    assert total == 2 and len(items) == 1
    assert items[0]["first_day"] == dt.date(2025, 6, 30)  # newest first
    second, _ = clustered_page(store, limit=1, offset=1)
    assert second[0]["n_events"] == 2 and second[0]["cluster"] != items[0]["cluster"]
    only, total = clustered_page(store, actor="sergey-lavrov")
    assert total == 1 and {e["doc"] for e in only[0]["evidence"]} == {"a.txt", "b.txt"}


def test_refresh_sources_fills_outlets_and_clusters(store):
    assert refresh_sources(store) == {"outlets": 3, "clusters": 2}
    outlets = dict(store.con.execute("SELECT doc, outlet FROM document_outlets").fetchall())
    assert outlets["a.txt"] == "eurasia-wire-service" and outlets["b.txt"] == "steppe-wire"
    assert store.con.execute("SELECT max(outlets) FROM event_clusters").fetchone()[0] == 2


def test_writing_clusters_needs_a_writable_store_and_copes_with_no_events(tmp_path):
    from greatgame.errors import StoreError

    path = tmp_path / "empty.duckdb"
    with Store(path) as st:
        assert refresh_sources(st) == {"outlets": 0, "clusters": 0}
    with Store(path, read_only=True) as st, pytest.raises(StoreError, match="read-only"):
        recluster(st)


# -- the influence index counts each act of a story once ----------------------------------------


def test_influence_counts_two_reports_of_one_visit_once(store):
    from greatgame.analysis.influence import influence_query, influence_table

    before = influence_query(store, "UZB", freq="year", powers=["RUS"], bootstrap=0)
    recluster(store)
    after = influence_query(store, "UZB", freq="year", powers=["RUS"], bootstrap=0)
    per_event = influence_query(store, "UZB", freq="year", powers=["RUS"], bootstrap=0, clusters=False)
    diverse = influence_query(store, "UZB", freq="year", powers=["RUS"], bootstrap=0, diversity=True)
    (b,), (a,), (p,), (d,) = (t["engagement"].tolist() for t in (before, after, per_event, diverse))
    assert b == pytest.approx(p)  # without clusters every report counts: nothing changes
    assert a == pytest.approx(p / 2)  # two outlets, one visit
    assert d == pytest.approx(a * (1 + math.log(2)))  # told by two outlets: 1 + ln 2
    assert after["n_events"].tolist() == per_event["n_events"].tolist() == [2]  # events are still counted
    frame = influence_table(store.events(), "UZB", freq="year", powers=["RUS"], bootstrap=0)
    assert frame["engagement"].tolist() == pytest.approx([a])  # the DataFrame path agrees


def test_influence_from_the_facts_table_counts_stories_too(store):
    from greatgame.analysis.facts import build_facts
    from greatgame.analysis.influence import influence_query

    recluster(store)
    events_path = influence_query(store, "UZB", freq="year", powers=["RUS"], bootstrap=0)
    build_facts(store)
    facts_path = influence_query(store, "UZB", freq="year", powers=["RUS"], bootstrap=0)
    assert facts_path["engagement"].tolist() == pytest.approx(events_path["engagement"].tolist())


def test_different_acts_of_one_story_each_count(tmp_path):
    from greatgame.analysis.influence import influence_query

    acts = [event("CONSULT", "RUS", "UZB", "2025-04-22"), event("AGREE", "RUS", "UZB", "2025-04-22")]
    with Store(tmp_path / "acts.duckdb") as st:
        st.write_document(make_document("a.txt", events=acts))
        recluster(st)
        assert st.con.execute("SELECT count(DISTINCT cluster) FROM events").fetchone()[0] == 1
        counted = influence_query(st, "UZB", freq="year", powers=["RUS"], bootstrap=0)
        plain = influence_query(st, "UZB", freq="year", powers=["RUS"], bootstrap=0, clusters=False)
        assert counted["engagement"].tolist() == pytest.approx(plain["engagement"].tolist())


def test_ingest_fills_outlets_and_clusters_once(tmp_path, monkeypatch):
    from greatgame import pipeline

    with Store(tmp_path / "i.duckdb") as st:
        st.write_document(make_document("a.txt", events=[event("CONSULT", "RUS", "UZB")]))
        assert sources_stale(st)
        assert pipeline.finish_ingest(st) == {"outlets": 1, "clusters": 1}
        assert not sources_stale(st)
        assert pipeline.finish_ingest(st) is None  # nothing new: nothing recomputed
