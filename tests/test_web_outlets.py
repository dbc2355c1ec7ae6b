"""Outlet pages, the outlet badge of a document and the events page's "one row per story" toggle.

A small hand-made database (no spaCy) whose outlets and story clusters are filled by
``refresh_sources``, as an ingest does; each page names its JSON twin and keeps the strict rules
of the dashboard (no inline script or style, everything escaped).
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient
from test_web_pages import _elements, _json_link
from test_web_samples import PAYLOADS, hand_made_documents, hostile_document, make_story

from greatgame.analysis.clusters import refresh_sources
from greatgame.api import create_app
from greatgame.config import Settings
from greatgame.store import Store

# A second outlet's report of the Lavrov visit of the hand-made stories: one story, two outlets.
ECHO = ("echo_lavrov_tashkent.txt", "Lavrov in Tashkent for talks", "2024-02-13", "TASS", [
    ("Russian Foreign Minister Sergey Lavrov held talks in Tashkent with Uzbek officials on Monday.", "fact",
     [("CONSULT", ["sergey-lavrov"], ["UZB"], ["diplomatic"], "asserted")]),
    ("Lavrov and Uzbek officials signed an energy cooperation agreement in Tashkent.", "fact",
     [("AGREE", ["RUS"], ["UZB"], ["economic"], "asserted")]),
])  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("web_outlets") / "outlets.duckdb"
    with Store(path) as store:
        for doc in [*hand_made_documents(), hostile_document(), make_story(*ECHO)]:
            store.write_document(doc)
        refresh_sources(store)
    return TestClient(create_app(Settings(db=path)))


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("path", ["/outlets", "/outlets/tass", "/outlets/tass?freq=quarter",
                                  "/events?clustered=true", "/events?clustered=true&country=UZB"])  # fmt: skip
def test_page_names_its_json_twin_and_keeps_the_rules(client, path):
    page = client.get(path)
    assert page.status_code == 200, path
    twin = _json_link(page.text)
    assert twin.startswith("/api/") and client.get(twin).status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for tag, attrs in _elements(page.text):
        assert tag != "style" and "style" not in attrs, f"inline style on {path}"
        assert not [a for a in attrs if a.startswith("on")], f"inline handler on <{tag}> in {path}"
        assert tag != "script" or attrs.get("src"), f"inline script on {path}"


def test_outlet_list_shows_every_outlet_with_its_affiliation(client):
    api = client.get("/api/outlets").json()
    html = client.get("/outlets").text
    assert api["total"] == len(api["items"]) >= 2
    for o in api["items"]:
        assert f'href="/outlets/{o["id"]}"' in html
    tass = next(o for o in api["items"] if o["id"] == "tass")
    assert tass["affiliation"] == "state_media" and tass["owner"] == "RUS"
    assert 'class="badge outlet aff-state_media"' in html
    state_only = client.get("/outlets?affiliation=state_media").text
    assert "TASS" in state_only and "Central Asia Wire" not in state_only


def test_outlet_page_gives_counts_roles_actors_stance_and_documents(client):
    api = client.get("/api/outlets/tass").json()
    html = client.get("/outlets/tass").text
    text = _text(html)
    assert api["n_documents"] == 1 and api["outlet"]["owner"] == "RUS"
    assert "Lavrov in Tashkent for talks" in text
    assert sum(api["sentence_roles"].values()) == 2 and api["sentence_roles"].get("fact") == 2
    assert api["top_actors"][0]["actor_id"] == "UZB"  # mentioned in both sentences
    assert 'href="/actors/sergey-lavrov"' in html
    # stance toward Russia: two cooperation events, so +1 in 2024
    rus = [r for r in api["stance"] if r["power"] == "RUS"]
    assert rus and rus[0]["period"] == "2024" and rus[0]["stance"] == 1.0
    assert "+1.00" in text and "stance-positive" in html
    assert 'href="/documents/echo_lavrov_tashkent.txt"' in html


def test_unknown_outlet_is_a_404_in_both_forms(client):
    api = client.get("/api/outlets/no-such-outlet")
    assert api.status_code == 404
    assert api.json()["error"]["type"] == "NotFound" and "/api/outlets" in api.json()["error"]["message"]
    page = client.get("/outlets/no-such-outlet")
    assert page.status_code == 404 and "/api/outlets" in unescape(page.text)


def test_document_page_shows_the_outlet_and_its_affiliation(client):
    detail = client.get("/api/documents/echo_lavrov_tashkent.txt").json()
    assert detail["outlet"]["id"] == "tass" and detail["outlet"]["affiliation"] == "state_media"
    html = client.get("/documents/echo_lavrov_tashkent.txt").text
    assert 'href="/outlets/tass"' in html and "state media" in html


def test_events_carry_their_cluster_and_the_id_filter_picks_events(client):
    items = client.get("/api/events", params={"page_size": 200}).json()["items"]
    assert items and all(e["cluster"] for e in items)
    picked = [items[0]["id"], items[-1]["id"]]
    got = client.get("/api/events", params=[("id", i) for i in picked]).json()
    assert sorted(e["id"] for e in got["items"]) == sorted(picked) and got["total"] == 2
    too_many = client.get("/api/events", params=[("id", f"x{n}") for n in range(501)])
    assert too_many.status_code == 400 and too_many.json()["error"]["type"] == "UsageError"


def test_one_row_per_story_counts_each_happening_once(client):
    events = client.get("/api/events", params={"page_size": 200}).json()
    stories = client.get("/api/events", params={"clustered": "true", "page_size": 200}).json()
    assert stories["total"] == len({e["cluster"] for e in events["items"]}) < events["total"]
    assert sum(c["n_events"] for c in stories["items"]) == events["total"]
    visit = next(c for c in stories["items"] if "echo_lavrov_tashkent.txt" in {ev["doc"] for ev in c["evidence"]})
    assert {ev["doc"] for ev in visit["evidence"]} == {"echo_lavrov_tashkent.txt", "web_lavrov_tashkent.txt"}
    assert visit["n_outlets"] == 2
    html = client.get("/events?clustered=true").text
    assert html.count('class="event-card cluster-card"') == min(stories["total"], 50)
    assert f"{stories['total']} stories" in _text(html)
    assert 'name="clustered" value="true" checked' in html
    for ev in visit["evidence"]:
        assert f'href="/documents/{ev["doc"]}#s-{ev["sentence_idx"]}"' in html
    plain = client.get("/events").text
    assert 'name="clustered" value="true" >' in plain or 'name="clustered" value="true">' in plain


def test_hostile_publisher_is_escaped_on_the_outlet_pages(client):
    html = client.get("/outlets").text
    for payload in PAYLOADS:
        assert payload not in html
    hostile = next(o for o in client.get("/api/outlets").json()["items"] if o["id"].startswith("publisher-"))
    assert hostile["known"] is False and hostile["affiliation"] == "unknown"
    page = client.get(f"/outlets/{hostile['id']}")
    assert page.status_code == 200
    assert all(payload not in page.text for payload in PAYLOADS)
    assert hostile["name"] in _text(page.text)  # shown as text
