"""Timelines and networks from the notebook API."""

from __future__ import annotations

import pytest
from store_samples import event, make_document

from greatgame import analysis as gg
from greatgame.errors import UsageError
from greatgame.store import Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as s:
        s.write_document(make_document(events=[
            event("CONSULT", "sergey-lavrov", "UZB", date="2025-01-10"),
            event("CONSULT", "RUS", "UZB", date="2025-01-20"),
            event("FIGHT", "RUS", "UZB", date="2025-03-05", modality="planned"),
            event("AID", "CHN", "KAZ", date="2025-03-06", role="commentary"),
        ]))  # fmt: skip
    return path


def test_timeline_counts_events_per_month_and_quad(db):
    t = gg.timeline(db, country="RUS", freq="month")
    jan = t[(t["period"] == "2025-01") & (t["quad"] == "verbal_cooperation")].iloc[0]
    assert jan["n_events"] == 2
    march = t[t["period"] == "2025-03"].iloc[0]
    assert (march["n_events"], march["n_planned"]) == (0, 1)
    assert "material_cooperation" not in set(gg.timeline(db, freq="month")["quad"])  # opinion left out


def test_timeline_rejects_unknown_frequency(db):
    with pytest.raises(UsageError, match="quarter"):
        gg.timeline(db, freq="fortnight")


def test_network_edges_and_graph(db):
    edges = gg.network(db)
    assert set(zip(edges["source"], edges["target"], strict=True)) == {("sergey-lavrov", "UZB"), ("RUS", "UZB")}
    assert edges.loc[edges["source"] == "sergey-lavrov", "source_country"].iloc[0] == "RUS"
    g = gg.network_graph(db)
    assert g.number_of_edges() == 2 and g.nodes["sergey-lavrov"]["kind"] == "person"


def test_events_and_documents_frames(db):
    assert len(gg.events(db, type="CONSULT")) == 2
    assert list(gg.documents(db)["id"]) == ["004_x.txt"]
    assert gg.statements(db, about="UZB")["speaker"].tolist() == ["sergey-lavrov"]
