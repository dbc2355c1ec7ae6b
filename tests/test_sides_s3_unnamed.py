"""Parties a clause leaves unnamed: an event noun of the story, a clash named as a reference point."""

import datetime as dt

import pytest
from event_helpers import coder, events, ids

PUB = dt.date(2024, 5, 14)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_work_that_could_begin_is_the_speakers_side_of_the_story(code):
    doc = code(
        "BISHKEK, May 14 (Steppe Wire) — Kyrgyzstan and Tajikistan signed an agreement on a new road on Monday. "
        "Tajik officials say construction could begin next spring."
    )
    begin = [e for e in doc.events if "construction" in e.sentence]
    assert begin and ids(begin[0].source) == ["TJK"] and ids(begin[0].target) == ["KGZ"]


def test_talks_that_will_continue_are_the_datelines_country_with_the_other_party(code):
    doc = code(
        "ASTANA, May 14 (Steppe Wire) — Kazakhstan chose Rosatom to build a power plant near Lake Balkhash. "
        "Talks on the price of the plant will continue in the coming months."
    )
    talks = [e for e in events(doc, "CONSULT") if "Talks" in e.sentence]
    assert talks and ids(talks[0].source) == ["KAZ"] and ids(talks[0].target) == ["ROSATOM"]


def test_an_agreement_that_only_covers_something_is_no_step_taken(code):
    doc = code(
        "BISHKEK, May 14 (Steppe Wire) — Kyrgyzstan and Tajikistan signed a border treaty on Monday. "
        "The treaty covers the whole frontier."
    )
    assert not [e for e in doc.events if "covers" in e.sentence]


def test_clashes_a_dispute_led_to_are_fought_by_the_storys_two_states(code):
    doc = code(
        "Kassym-Jomart Tokayev and Sadyr Japarov signed a water-sharing deal in Almaty on 2 May, "
        "ending a quarrel that had led to violent clashes in 2019."
    )
    fight = events(doc, "FIGHT")[0]
    assert {a.country for a in fight.source + fight.target} == {"KAZ", "KGZ"}
