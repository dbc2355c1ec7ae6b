"""The influence index on small hand-made event sets, with the answer worked out by hand."""

from __future__ import annotations

import math

import pytest
from store_samples import event, make_document

from greatgame import analysis as gg
from greatgame.analysis.influence import influence_table
from greatgame.analysis.weights import Weights, load_weights
from greatgame.models import PLOVER_TYPES
from greatgame.store import Store

# Simple weights so the sums can be done by hand: verbal 1, material 2, every type 1 but FIGHT 2.
SIMPLE = Weights(
    quad={"verbal_cooperation": 1.0, "material_cooperation": 2.0, "verbal_conflict": 1.0, "material_conflict": 2.0},
    intensity={**dict.fromkeys(PLOVER_TYPES, 1.0), "FIGHT": 2.0},
    powers=("RUS", "CHN", "USA"),
    eu_members=frozenset({"FRA", "DEU"}),
)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        s.write_document(make_document(events=[
            event("CONSULT", "RUS", "UZB", confidence=1.0, context=["military"]),    # RUS coop 1
            event("FIGHT", "RUS", "UZB", confidence=0.75),                           # RUS conflict 2*2*.75 = 3
            event("CONSULT", "sergey-lavrov", "UZB", confidence=1.0),                # RUS (its minister) coop 1
            event("AID", "CHN", "UZB", modality="reported", context=["economic"]),  # CHN coop 2
            event("SUPPORT", "UZB", "CHN"),                                          # CHN (inbound) coop 1
            event("AGREE", "CHN", "UZB", modality="planned"),                        # CHN planned 1
            event("AGREE", "USA", "UZB", modality="hypothetical"),                   # USA hypothetical 1
            event("AID", "USA", "UZB", modality="negated"),                          # USA negated
            event("DISAPPROVE", "USA", "UZB", role="commentary"),                    # opinion: nothing
            event("AID", "FRA", "UZB"),                                              # EU only via members
            event("FIGHT", "RUS", "KAZ"),                                            # other country
            event("CONSULT", "RUS", "UZB", date="2025-07-02"),                       # next quarter
        ]))  # fmt: skip
        yield s


def _table(store, **kw):
    kw.setdefault("powers", ["RUS", "CHN", "USA"])
    return influence_table(store.events(country="UZB"), "UZB", weights=SIMPLE, **kw)


def _row(table, power, period="2025-Q2", domain="all"):
    rows = table[(table["power"] == power) & (table["period"] == period) & (table["domain"] == domain)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_engagement_alignment_and_share_by_hand(store):
    table = _table(store)
    rus, chn, usa = (_row(table, p) for p in ("RUS", "CHN", "USA"))
    assert rus["engagement"] == pytest.approx(1 + 3 + 1)
    assert rus["alignment"] == pytest.approx((2 - 3) / 5)
    assert chn["engagement"] == pytest.approx(2 + 1)
    assert chn["alignment"] == pytest.approx(1.0)
    assert rus["share"] == pytest.approx(5 / 8)
    assert chn["share"] == pytest.approx(3 / 8)
    assert usa["share"] == 0 and math.isnan(usa["alignment"])
    assert (rus["n_events"], rus["n_cooperation"], rus["n_conflict"]) == (3, 2, 1)


def test_planned_hypothetical_and_negated_are_counted_apart(store):
    table = _table(store)
    chn, usa = _row(table, "CHN"), _row(table, "USA")
    assert (chn["n_planned"], chn["planned_engagement"]) == (1, pytest.approx(1.0))
    assert chn["n_events"] == 2  # the planned AGREE is not among the stated events
    assert (usa["n_hypothetical"], usa["n_negated"], usa["n_events"]) == (1, 1, 0)
    assert usa["engagement"] == 0


def test_commentary_never_counts(store):
    usa = _row(_table(store), "USA")
    counted = usa["n_events"] + usa["n_planned"] + usa["n_hypothetical"] + usa["n_negated"]
    assert counted == 2  # hypothetical AGREE and negated AID; the opinion DISAPPROVE is nowhere


def test_every_row_links_to_its_events(store):
    table = _table(store)
    rus = _row(table, "RUS")
    events = store.events(ids=rus["event_ids"])
    assert sorted(events["type"]) == ["CONSULT", "CONSULT", "FIGHT"]
    assert set(store.events(ids=_row(table, "CHN")["planned_event_ids"])["modality"]) == {"planned"}


def test_periods_and_domains(store):
    table = _table(store)
    assert _row(table, "RUS", period="2025-Q3")["engagement"] == pytest.approx(1.0)
    assert _row(table, "RUS", period="2025-Q3")["share"] == pytest.approx(1.0)
    by_domain = _table(store, by_domain=True)
    assert _row(by_domain, "RUS", domain="military")["engagement"] == pytest.approx(1.0)
    assert _row(by_domain, "CHN", domain="economic")["share"] == pytest.approx(1.0)
    yearly = _table(store, freq="year")
    assert _row(yearly, "RUS", period="2025")["engagement"] == pytest.approx(6.0)


def test_eu_members_count_only_when_asked(store):
    events = store.events(country="UZB")
    without = influence_table(events, "UZB", powers=["EU", "RUS"], weights=SIMPLE)
    with_members = influence_table(events, "UZB", powers=["EU", "RUS"], weights=SIMPLE, eu_members=True)
    assert _row(without, "EU")["engagement"] == 0
    assert _row(with_members, "EU")["engagement"] == pytest.approx(2.0)


def test_bootstrap_bands_are_reproducible_and_bracket_sensible_values(store):
    first, second = _table(store, seed=7), _table(store, seed=7)
    cols = ["share_lo", "share_hi", "alignment_lo", "alignment_hi"]
    assert first[cols].equals(second[cols])
    rus = _row(first, "RUS")
    assert 0 <= rus["share_lo"] <= rus["share"] <= rus["share_hi"] <= 1
    assert -1 <= rus["alignment_lo"] <= rus["alignment_hi"] <= 1
    only_rus = _row(first, "RUS", period="2025-Q3")
    assert only_rus["share_lo"] == only_rus["share_hi"] == 1.0


def test_shipped_weights_cover_every_type_and_notebook_api_runs(store):
    weights = load_weights()
    assert set(weights.intensity) >= set(PLOVER_TYPES)
    table = gg.influence(store, "uzb", bootstrap=20, blocs=False)
    rus = _row(table, "RUS")
    cons = weights.of("CONSULT", 1.0)
    fight = weights.of("FIGHT", 0.75)
    assert rus["engagement"] == pytest.approx(2 * cons + fight)
    assert rus["alignment"] == pytest.approx((2 * cons - fight) / (2 * cons + fight))


def test_country_without_events_gives_an_empty_table(store):
    table = gg.influence(store, "TKM", bootstrap=0, blocs=False)
    assert table.empty and "share" in table.columns


def test_bloc_columns_say_what_power_and_country_share_on_the_period_end(store, catalogue):
    from greatgame.analysis.influence import add_blocs

    table = add_blocs(_table(store, freq="year"), catalogue)
    rus = _row(table, "RUS", period="2025")
    assert {"SCO", "CIS"} <= set(rus["shared_blocs"])
    assert "CSTO" not in rus["shared_blocs"]  # Uzbekistan left the CSTO in 2012
    assert "EAEU" in rus["observer_blocs"]  # Uzbekistan observes the EAEU, Russia is a member
    usa = _row(table, "USA", period="2025")
    assert "SCO" not in usa["shared_blocs"]


@pytest.mark.parametrize("kw", [{}, {"freq": "year", "by_domain": True}, {"powers": ["EU", "RUS"], "eu_members": True}])
def test_compact_facts_table_gives_the_same_figures_and_goes_stale_on_write(store, kw):
    import dataclasses
    import importlib

    from greatgame.analysis import facts

    influence = importlib.import_module("greatgame.analysis.influence")
    kw = {"powers": ["RUS", "CHN", "USA"], **kw}
    direct = influence.influence_query(store, "UZB", weights=SIMPLE, evidence=True, **kw)
    facts.build_facts(store, weights=dataclasses.replace(SIMPLE, powers=("RUS", "CHN", "USA", "EU")))
    assert facts.plan(store, kw["powers"], kw.get("by_domain", False), None, SIMPLE, kw.get("eu_members", False))
    cached = influence.influence_query(store, "UZB", weights=SIMPLE, evidence=True, **kw)
    cols = ["power", "domain", "period", "engagement", "share", "alignment", "n_events", "n_planned", "n_negated"]
    assert cached[cols].equals(direct[cols]) or cached[cols].round(12).equals(direct[cols].round(12))
    assert list(cached["event_ids"]) == list(direct["event_ids"])
    store.write_document(make_document("005_y.txt", events=[event("AID", "CHN", "UZB")]))
    assert facts.plan(store, kw["powers"], False, None, SIMPLE, False) is None  # stale: reads the events again
    after = influence.influence_query(store, "UZB", weights=SIMPLE, **kw)
    assert after.loc[after["power"] == "RUS", "n_events"].sum() == direct.loc[direct["power"] == "RUS", "n_events"].sum()
    if "CHN" in kw["powers"]:
        assert after.loc[after["power"] == "CHN", "n_events"].sum() == direct.loc[direct["power"] == "CHN", "n_events"].sum() + 1
