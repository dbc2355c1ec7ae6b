"""A reproach coded on a verb that only says ('said', 'saying') is what the speaker said: reported,
attributed to the speaker; a verb that names the act ('accused') stays the author's assertion."""

import datetime as dt

import pytest
from event_helpers import coder, summary

PUB = dt.date(2024, 5, 20)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


@pytest.mark.parametrize(
    "text",
    [
        "Kyrgyz President Sadyr Japarov said the Collective Security Treaty Organization had not "
        "fulfilled its obligations to Kyrgyzstan.",
        "Kyrgyz President Sadyr Japarov left the meeting early, saying the Collective Security Treaty "
        "Organization had failed to stand by Kyrgyzstan.",
    ],
)
def test_a_reproach_made_by_saying_is_reported_and_attributed_to_the_speaker(code, text):
    doc = code(text)
    found = [e for e in doc.events if e.type == "DISAPPROVE"]
    assert found, summary(doc)
    assert {(e.modality, e.attributed_to) for e in found} == {("reported", "sadyr-japarov")}, summary(doc)


def test_an_accusation_is_the_authors_assertion(code):
    doc = code("Kyrgyz President Sadyr Japarov accused the Collective Security Treaty Organization of inaction.")
    found = [e for e in doc.events if e.type == "DISAPPROVE"]
    assert found and all(e.modality == "asserted" for e in found), summary(doc)


def test_neither_before_a_possessive_negates_the_act(code):
    doc = code("Neither Russia's Rosatom nor China's CNNC was selected by Uzbekistan to build the plant.")
    assert doc.events and all(e.modality == "negated" for e in doc.events if e.type == "COOPERATE"), summary(doc)


def test_every_charge_of_an_accusation_is_the_accusers_account(code):
    doc = code(
        "Kyrgyzstan accused Tajik forces of using mortars against Kyrgyz villages and of shelling the "
        "airport in Batken."
    )
    fight = [e for e in doc.events if e.type in ("FIGHT", "ASSAULT")]
    assert fight and all(e.modality == "reported" for e in fight), summary(doc)


def test_a_purpose_told_for_planned_talks_is_planned(code):
    doc = code(
        "Russian President Vladimir Putin will pay a state visit to Kazakhstan on 26-27 May. During the "
        "visit, the Heads of State will hold talks to discuss the partnership between Kazakhstan and Russia."
    )
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert consult and all(e.modality == "planned" for e in consult), summary(doc)
