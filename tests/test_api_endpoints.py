"""The HTTP API over a small hand-made database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from fastapi.testclient import TestClient
from store_samples import event, make_document

from greatgame.api import create_app
from greatgame.config import Settings
from greatgame.store import Store


@dataclass
class FakeEntry:
    id: str
    name: str
    kind: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    offices: list = field(default_factory=list)


@dataclass
class FakeMembership:
    subject: str
    relation: str
    object: str
    start: dt.date | None
    end: dt.date | None


class FakeCatalogue:
    """Just what the API uses: get, offices_of, memberships."""

    entries = {"UZB": FakeEntry("UZB", "Uzbekistan", "state", "UZB", ["Uzbek Republic"]),
               "SCO": FakeEntry("SCO", "Shanghai Cooperation Organisation", "igo", None)}  # fmt: skip
    links = [FakeMembership("UZB", "member_of", "SCO", dt.date(2001, 6, 15), None),
             FakeMembership("UZB", "member_of", "CSTO", dt.date(1994, 4, 20), dt.date(2012, 6, 28))]  # fmt: skip

    def get(self, actor_id):
        return self.entries.get(actor_id)

    def offices_of(self, actor_id, on=None):
        return []

    def memberships(self, subject=None, object=None, on=None, relation=None):
        found = [m for m in self.links if subject in (None, m.subject) and object in (None, m.object)]
        if on is not None:
            found = [m for m in found if (m.start is None or m.start <= on) and (m.end is None or on <= m.end)]
        return found


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "t.duckdb"
    with Store(path) as s:
        s.write_document(make_document(events=[
            event("CONSULT", "sergey-lavrov", "UZB", date="2025-04-22", context=["military"]),
            event("AID", "CHN", ["UZB", "KAZ"], date="2025-05-02"),
            event("FIGHT", "RUS", "UZB", date="2025-08-03", modality="reported"),
        ]))  # fmt: skip
        s.write_document(make_document("b.txt", published="2024-01-01", title="Older",
                                       events=[event("DEMAND", "USA", "UZB", date=None)]))  # fmt: skip
    return TestClient(create_app(Settings(db=path), catalogue=FakeCatalogue()))


def test_documents_are_paged_newest_first(client):
    body = client.get("/api/documents", params={"page_size": 1}).json()
    assert body["total"] == 2 and body["page_size"] == 1
    assert [d["id"] for d in body["items"]] == ["004_x.txt"]
    second = client.get("/api/documents", params={"page_size": 1, "page": 2}).json()
    assert [d["id"] for d in second["items"]] == ["b.txt"]


def test_document_has_text_roles_and_event_spans(client):
    doc = client.get("/api/documents/004_x.txt").json()
    assert len(doc["sentences"]) == 3 and doc["sentences"][0]["role"] == "fact"
    for e in doc["events"]:
        assert doc["text"][e["char_start"] : e["char_end"]] == e["sentence"]
        assert e["cluster"] is None
    assert doc["statements"][0]["about"] == [{"id": "UZB", "stance": "positive"}]


def test_events_filters(client):
    def ids(**params):
        return {e["type"] for e in client.get("/api/events", params=params).json()["items"]}

    assert ids(country="RUS") == {"CONSULT", "FIGHT"}
    assert ids(type=["AID", "FIGHT"]) == {"AID", "FIGHT"}
    assert ids(context="military") == {"CONSULT"}
    assert ids(modality="reported") == {"FIGHT"}
    assert ids(since="2025-05-01", until="2025-06-30") == {"AID"}
    assert ids(actor="USA") == {"DEMAND"}  # undated event, dated by its document
    item = client.get("/api/events", params={"type": "AID"}).json()["items"][0]
    assert [t["id"] for t in item["target"]] == ["UZB", "KAZ"]


def test_page_size_has_a_maximum(client):
    r = client.get("/api/events", params={"page_size": 10_000})
    assert r.status_code == 422 and "page_size" in r.json()["error"]["message"]


def test_actors_list_and_search(client):
    body = client.get("/api/actors", params={"q": "lav"}).json()
    assert [a["id"] for a in body["items"]] == ["sergey-lavrov"]
    assert body["items"][0]["events"] == 1


def test_actor_detail_from_catalogue_with_memberships_on_a_date(client):
    now = client.get("/api/actors/UZB", params={"date": "2025-01-01"}).json()
    assert now["name"] == "Uzbekistan" and now["in_catalogue"] is True
    assert [m["object"] for m in now["memberships"]] == ["SCO"]
    then = client.get("/api/actors/UZB", params={"date": "2010-01-01"}).json()
    assert {m["object"] for m in then["memberships"]} == {"SCO", "CSTO"}
    assert now["seen"]["events"] == 4 and len(now["recent_events"]) == 4
    bloc = client.get("/api/actors/SCO").json()
    assert [m["subject"] for m in bloc["members"]] == ["UZB"] and bloc["seen"] is None


def test_actor_seen_but_not_in_catalogue(client):
    body = client.get("/api/actors/sergey-lavrov").json()
    assert body["in_catalogue"] is False and body["country"] == "RUS"


def test_influence_endpoint(client):
    body = client.get("/api/influence", params={"country": "uzb", "powers": ["RUS", "CHN"],
                                                 "evidence": "true", "bootstrap": 10}).json()  # fmt: skip
    assert body["country"] == "UZB" and body["powers"] == ["RUS", "CHN"]
    q2 = {r["power"]: r for r in body["rows"] if r["period"] == "2025-Q2"}
    assert q2["RUS"]["share"] + q2["CHN"]["share"] == pytest.approx(1.0)
    assert q2["CHN"]["event_ids"] == ["004_x.txt:1"]
    plain = client.get("/api/influence", params={"country": "UZB"}).json()
    assert all(r["event_ids"] is None for r in plain["rows"])


def test_network_and_statements_and_summary(client):
    net = client.get("/api/network", params={"until": "2025-06-30"}).json()
    assert {(e["source"], e["target"]) for e in net["edges"]} >= {("CHN", "KAZ"), ("sergey-lavrov", "UZB")}
    assert ("RUS", "UZB") not in {(e["source"], e["target"]) for e in net["edges"]}
    assert {n["id"] for n in net["nodes"]} >= {"CHN", "KAZ", "UZB"}
    st = client.get("/api/statements", params={"about": "UZB"}).json()
    assert st["total"] == 2
    summary = client.get("/api/summary").json()
    assert summary["counts"]["documents"] == 2 and summary["events_by_type"]["FIGHT"] == 1


def test_openapi_lists_every_resource(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/documents", "/api/documents/{doc_id}", "/api/actors", "/api/actors/{actor_id}",
              "/api/events", "/api/influence", "/api/network", "/api/statements", "/api/summary"):  # fmt: skip
        assert p in paths
