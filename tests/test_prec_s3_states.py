"""Clauses that tell no event: a record summed up with 'never', a writer's portrait of an actor
by what it did, and wanting something in the present (a policy line). Acts told next to them stay."""

import datetime as dt

import pytest
from event_helpers import coder, summary

PUB = dt.date(2024, 9, 3)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_a_record_with_never_is_no_event_nor_is_its_purpose(code):
    doc = code("The Eurasian Economic Union has never sent inspectors to audit a member government.")
    assert doc.events == [], summary(doc)


def test_a_negated_act_in_the_past_is_still_coded(code):
    doc = code("Kazakhstan did not send troops to Tajikistan on Monday.")
    assert [e.modality for e in doc.events if e.type == "MOBILIZE"] == ["negated"], summary(doc)


def test_a_portrait_of_an_actor_by_its_record_is_no_event(code):
    doc = code("This is the same China whose army invaded Vietnam in 1979, and which shelled Taiwan's islands.")
    assert doc.events == [], summary(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Mongolia, which is neutral, is not a member and is not seeking membership.",
        "Azerbaijan wants full membership of the Organization of Turkic States.",
    ],
)
def test_wanting_something_in_the_present_is_a_policy_line(code, text):
    doc = code(text)
    assert doc.events == [], summary(doc)


def test_wanting_to_do_something_is_still_coded(code):
    doc = code("The European Union said it wants to hold a summit with the five Central Asian states.")
    assert any(e.type in ("CONSULT", "AGREE") for e in doc.events), summary(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Kazakh President Kassym-Jomart Tokayev praised Uzbekistan on Monday, a remark read as a reference "
        "to Russia's war in Ukraine.",
        "Tokayev praised Uzbekistan on Monday for helping the region cope with the fallout of the war and "
        "of Western sanctions on Russia.",
    ],
)
def test_an_ongoing_war_named_as_context_is_no_event(code, text):
    doc = code(text)
    assert "SUPPORT" in {e.type for e in doc.events}, summary(doc)
    assert not {e.type for e in doc.events} & {"FIGHT", "SANCTION"}, summary(doc)


def test_a_bounded_happening_named_as_a_reference_point_is_coded(code):
    doc = code("Trade between Kazakhstan and Russia has grown since Russia's invasion of Ukraine in February 2022.")
    assert "FIGHT" in {e.type for e in doc.events}, summary(doc)


def test_a_states_membership_named_as_a_fact_is_no_joining(code):
    doc = code("Tajikistan's membership in the Collective Security Treaty Organization did not deter the Taliban.")
    assert "AGREE" not in {e.type for e in doc.events}, summary(doc)


def test_applying_for_membership_is_still_coded(code):
    doc = code("Mongolia applied for membership in the Shanghai Cooperation Organisation on Monday.")
    assert "AGREE" in {e.type for e in doc.events} or "DEMAND" in {e.type for e in doc.events}, summary(doc)


def test_a_trade_going_on_is_a_relationship_not_an_event(code):
    doc = code("Traders said the ruling would help pay for Kazakh wheat, which Afghanistan has been importing for years.")
    assert not [e for e in doc.events if e.type in ("COOPERATE", "AID")], summary(doc)
