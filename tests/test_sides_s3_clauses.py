"""Targets from the trigger's own phrases: not the doer of a clause inside them, not the doer's own bloc."""

import datetime as dt

import pytest
from event_helpers import coder, events, ids

PUB = dt.date(2025, 4, 4)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_who_names_a_thing_inside_the_object_is_not_the_target(code):
    doc = code(
        "Russian President Vladimir Putin met the leaders of Kazakhstan and Uzbekistan in Astana on Friday. "
        "Putin called for joint work against what Moscow calls foreign interference."
    )
    called = [e for e in events(doc, "DEMAND") if "called" in e.sentence]
    assert called and "RUS" not in ids(called[0].target)


def test_a_name_after_a_relative_clause_without_comma_belongs_to_that_clause(code):
    doc = code(
        "Kazakh President Kassym-Jomart Tokayev greeted the guests on the same steps on which he received "
        "Vladimir Putin last year and Xi Jinping earlier."
    )
    received = [e for e in events(doc, "CONSULT") if "xi-jinping" in ids(e.target)]
    assert received and "vladimir-putin" in ids(received[0].target)
    assert ids(received[0].source) == ["kassym-jomart-tokayev"] and received[0].trigger == "received"


def test_the_head_of_a_bloc_does_not_act_towards_the_bloc(code):
    doc = code(
        "Leaders of the European Union met the presidents of Kazakhstan, Kyrgyzstan, Tajikistan, "
        "Turkmenistan and Uzbekistan in Samarkand on Friday. "
        "Ursula von der Leyen announced an investment package under the EU's Global Gateway programme."
    )
    announced = [e for e in events(doc, "AGREE") if "announced" in e.sentence]
    assert announced and "EU" not in ids(announced[0].target)


def test_a_signed_memorandum_of_a_states_obligations_is_that_states_act(code):
    doc = code(
        "Leaders of the Collective Security Treaty Organization (CSTO) met in Minsk on Friday. "
        "A memorandum of commitments of the Republic of Serbia to obtain the status of a CSTO observer was signed."
    )
    signed = [e for e in events(doc, "AGREE") if "memorandum" in e.sentence]
    assert signed and ids(signed[0].source) == ["SRB"] and ids(signed[0].target) == ["CSTO"]


def test_a_decision_adopted_to_start_a_procedure_is_aimed_at_whom_the_procedure_is_for(code):
    doc = code(
        "Leaders of the Collective Security Treaty Organization (CSTO) met in Minsk on Friday. "
        "A decision was adopted to open the procedure for the accession of Mongolia."
    )
    adopted = [e for e in events(doc, "AGREE") if "decision" in e.sentence]
    assert adopted and "MNG" in ids(adopted[0].target)


def test_a_first_subject_hung_on_a_fronted_day_still_acts(code):
    doc = code(
        "On Wednesday Tajikistan and Afghanistan's Taliban authorities held a ceremony at the border near Panj "
        "to mark the start of work on the Afghan section of the power line."
    )
    marked = [e for e in doc.events if e.trigger == "mark"]
    assert marked and ids(marked[0].source)[:1] == ["TJK"]


def test_credentials_of_a_named_envoy_are_his(code):
    doc = code(
        "Kazakhstan's Foreign Ministry said it had accepted the credentials of the Taliban's envoy, "
        "Abdul Rahman Shirzad, on Monday."
    )
    accepted = [e for e in doc.events if e.trigger == "accepted"]
    assert accepted and ids(accepted[0].target) == ["abdul-rahman-shirzad"]


def test_the_neighbouring_country_is_the_state_named_before_it(code):
    doc = code(
        "ANKARA, July 2 (Steppe Wire) — Turkish troops held drills on Friday near the border "
        "with Syria, as Islamic State militants pressed an offensive across the east of the neighbouring country."
    )
    raids = [e for e in doc.events if e.trigger == "pressed"]
    assert raids and ids(raids[0].target) == ["SYR"]
