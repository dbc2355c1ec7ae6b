"""Forces or aid promised or approved with no destination named go to the country the story happens in."""

import datetime as dt

import pytest
from event_helpers import coder, events, ids

PUB = dt.date(2022, 1, 7)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_troops_a_bloc_would_send_go_to_the_datelines_country(code):
    doc = code(
        "BISHKEK, Jan 7 (Steppe Wire) — Protests spread across Kyrgyzstan on Friday. "
        "Russia, Russia's allies and Russian media followed the protests closely. "
        "The chairman of the Collective Security Treaty Organization (CSTO) said overnight that the "
        "alliance would send peacekeepers for a few weeks."
    )
    promised = [e for e in doc.events if "send" in e.sentence]
    assert promised and ids(promised[0].source) == ["CSTO"] and ids(promised[0].target) == ["KGZ"]


def test_a_parliament_approving_a_deployment_sends_it_to_the_datelines_country(code):
    doc = code(
        "BISHKEK, Jan 7 (Steppe Wire) — Protests spread across Kyrgyzstan on Friday. "
        "Russia, Russia's allies and Russian media followed the protests closely. "
        "Tajikistan's parliament approved the deployment of a Tajik battalion on Friday."
    )
    approved = [e for e in events(doc, "AGREE") if "approved" in e.sentence]
    assert approved and ids(approved[0].source) == ["TJK"] and ids(approved[0].target) == ["KGZ"]


def test_soldiers_fleeing_go_to_the_other_state_the_sentence_names(code):
    doc = code(
        "BISHKEK, Jan 7 (Steppe Wire) — Protests spread across Kyrgyzstan on Friday. "
        "Last week Turkmen President Serdar Berdimuhamedov closed the border crossings after more than "
        "500 Afghan soldiers fled across the frontier."
    )
    fled = [e for e in doc.events if e.trigger == "fled"]
    assert fled and ids(fled[0].source) == ["AFG"] and ids(fled[0].target) == ["TKM"]


def test_the_nationality_of_troops_deployed_is_not_where_they_go(code):
    doc = code(
        "BISHKEK, Jan 7 (Steppe Wire) — Protests spread across Kyrgyzstan on Friday. "
        "The CSTO said 2,000 troops were being deployed, most of them Russian."
    )
    deployed = [e for e in doc.events if e.trigger == "deployed"]
    assert deployed and ids(deployed[0].target) == ["KGZ"]
