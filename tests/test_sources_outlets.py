"""Outlets: publisher strings resolve to catalogue outlets, and outlet profiles add up."""

from __future__ import annotations

import pytest
import yaml
from store_samples import event, make_document

from greatgame.analysis import outlets as profiles
from greatgame.catalogue.outlets import load_outlets, normalise, slug
from greatgame.store import Store


@pytest.mark.parametrize(
    "publisher, outlet, affiliation",
    [
        ("Eurasia Wire Service", "eurasia-wire-service", "wire"),
        ("TASS", "tass", "state_media"),
        ("ITAR-TASS", "tass", "state_media"),
        ("the Associated Press", "ap", "wire"),
        ("Radio Ozodlik", "ozodlik", "state_media"),
        ("Corridors and Chokepoints", "corridors-and-chokepoints", "think_tank"),
        ("U.S. Department of State", "us-state-spokesperson", "government"),
        ("Bakhtar News Agency", "bakhtar", "state_media"),
    ],
)
def test_known_publishers_resolve_by_name_or_alias(publisher, outlet, affiliation):
    hit = load_outlets().resolve(publisher)
    assert (hit.id, hit.affiliation, hit.known) == (outlet, affiliation, True)


def test_a_movement_office_in_another_country_resolves_to_the_movement():
    hit = load_outlets().resolve("Media Office of the Steppe Dawn Movement in Kazakhstan")
    assert hit.affiliation == "movement"
    assert hit.owner_name == "Steppe Dawn Movement"


def test_a_misspelt_publisher_is_matched_fuzzily():
    assert load_outlets().resolve("Eurasia Newswir").id == "eurasia-newswire"


def test_an_unknown_publisher_gets_a_slug_and_unknown_affiliation():
    hit = load_outlets().resolve("The Pamir Evening Courier")
    assert (hit.id, hit.affiliation, hit.known) == ("the-pamir-evening-courier", "unknown", False)
    assert load_outlets().resolve(None) is None and load_outlets().resolve("  ") is None


def test_state_media_point_to_their_owner_in_the_actor_catalogue(catalogue):
    outlets = load_outlets()
    assert outlets.check(catalogue) == []
    for o in outlets.outlets:
        if o.affiliation in ("state_media", "government") and o.owner:
            assert catalogue.get(o.owner) is not None, o.id
    assert outlets.get("xinhua").owner == "CHN" and outlets.get("kazinform").owner == "KAZ"


def test_every_publisher_of_the_sample_corpus_is_in_the_catalogue(corpus_dir):
    publishers = set()
    for f in (corpus_dir / "gold").glob("*.yaml"):
        publishers.add((yaml.safe_load(f.read_text(encoding="utf-8")).get("meta") or {}).get("publisher"))
    missing = [p for p in publishers if p and not load_outlets().resolve(p).known]
    assert missing == []


def test_normalise_and_slug():
    assert normalise("The Nuclear & Power Eurasia") == "nuclear and power eurasia"
    assert slug("Ala-Too Herald!") == "ala-too-herald"


# -- profiles on a hand-made store ----------------------------------------------------------------


def _doc(doc_id, publisher, genre, roles, events, published="2024-03-01"):
    doc = make_document(doc_id, events=events, published=published)
    doc.meta.publisher, doc.meta.genre, doc.meta.content_hash = publisher, genre, f"hash-{doc_id}"
    for sent, role in zip(doc.sentences, roles, strict=False):
        sent.role = role
    doc.statements = []
    return doc


@pytest.fixture()
def store(tmp_path):
    docs = [
        _doc("w1", "Eurasia Wire Service", "news", ["fact", "fact"],
             [event("CONSULT", "RUS", "UZB", "2024-03-01"), event("AGREE", "RUS", "UZB", "2024-03-01")]),
        _doc("w2", "Eurasia Wire Service", "news", ["speech"], [event("COOPERATE", "CHN", "KAZ", "2024-03-02")]),
        _doc("m1", "Media Office of the Unity Call Movement in Uzbekistan", "commentary",
             ["fact", "commentary", "commentary", "appeal"],
             [event("COERCE", "RUS", "UZB", "2024-03-03"), event("THREATEN", "USA", "UZB", "2024-03-03"),
              event("DISAPPROVE", "RUS", "UZB", "2024-03-03"), event("DEMAND", "UZB", "RUS", "2024-03-03")]),
    ]  # fmt: skip
    with Store(tmp_path / "p.duckdb") as st:
        for d in docs:
            st.write_document(d)
        yield st


def test_outlet_table_counts_documents_events_and_commentary(store):
    table = profiles.outlets(store).set_index("id")
    wire, movement = table.loc["eurasia-wire-service"], table.loc["unity-call-media-office-uzb"]
    assert (wire["documents"], wire["events"], wire["commentary_share"]) == (2, 3, 0.0)
    assert (movement["documents"], movement["events"]) == (1, 4)
    assert movement["commentary_share"] == pytest.approx(3 / 4, abs=0.001)  # commentary and appeal
    assert movement["affiliation"] == "movement" and movement["genres"] == {"commentary": 1}


def test_profile_gives_stance_top_actors_and_roles(store):
    p = profiles.profile(store, "unity-call-media-office-uzb", powers=("RUS", "USA"))
    assert p["n_documents"] == 1 and p["sentence_roles"] == {"fact": 1, "commentary": 2, "appeal": 1}
    stance = p["stance"].set_index("power")
    assert stance.loc["RUS", "stance"] < 0 and stance.loc["RUS", "events"] == 3
    wire = profiles.profile(store, "eurasia-wire-service", powers=("RUS", "CHN"))["stance"].set_index("power")
    assert wire.loc["RUS", "stance"] == 1.0 and wire.loc["CHN", "event_tone"] == 1.0
    assert set(p["top_actors"]["actor_id"]) >= {"RUS", "UZB"}
    assert profiles.profile(store, "no-such-outlet") is None


def test_write_outlets_fills_the_tables(store):
    assert profiles.write_outlets(store) == 2
    rows = store.con.execute("SELECT doc, outlet FROM document_outlets ORDER BY doc").fetchall()
    assert rows == [
        ("m1", "unity-call-media-office-uzb"),
        ("w1", "eurasia-wire-service"),
        ("w2", "eurasia-wire-service"),
    ]
    assert profiles.write_outlets(store) == 2  # rerunnable
