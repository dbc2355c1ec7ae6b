"""Two joined clauses about different parties tell two happenings; one clause that names no one,
or a doer told twice, still tells one. A purpose with no doer of its own acts for its clause's doer."""

import datetime as dt

import pytest
from event_helpers import coder, ids, summary

PUB = dt.date(2024, 7, 5)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_a_memorandum_signed_and_a_decision_adopted_about_other_states_are_two_events(code):
    doc = code(
        "Leaders of the Shanghai Cooperation Organisation met in Astana on Thursday. A memorandum on the "
        "accession of Mongolia was signed, and a decision was adopted to start the procedure for the "
        "admission of Azerbaijan."
    )
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert len(agree) == 2, summary(doc)
    assert any("AZE" in ids(e.target) for e in agree), summary(doc)


def test_a_statement_and_a_package_of_documents_signed_are_one_event(code):
    doc = code(
        "Kazakh President Kassym-Jomart Tokayev and Uzbek President Shavkat Mirziyoyev signed a joint "
        "statement in Tashkent, and a package of trade documents was signed."
    )
    assert len([e for e in doc.events if e.type == "AGREE"]) == 1, summary(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Turkish President Recep Tayyip Erdogan arrived in Tashkent on Tuesday and held talks with "
        "Uzbek President Shavkat Mirziyoyev.",
        "Turkish President Recep Tayyip Erdogan arrived in Tashkent on Tuesday and was received by "
        "Uzbek President Shavkat Mirziyoyev.",
    ],
)
def test_arriving_and_meeting_the_host_is_one_visit_by_the_visitor(code, text):
    doc = code(text)
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert len(consult) == 1, summary(doc)
    assert ids(consult[0].source) == ["recep-tayyip-erdogan"], summary(doc)


def test_an_arrival_told_in_a_relative_clause_is_an_event_of_its_own(code):
    doc = code(
        "Uzbek President Shavkat Mirziyoyev held talks with Turkish President Recep Tayyip Erdogan, "
        "who arrived in Tashkent on Monday."
    )
    assert len([e for e in doc.events if e.type == "CONSULT"]) == 2, summary(doc)


def test_a_participle_after_a_subject_of_its_own_tells_that_subjects_act(code):
    doc = code(
        "Leaders of the Shanghai Cooperation Organisation ended their summit in Astana on Thursday, with "
        "Mongolia signing a memorandum on its obligations as a future member and the bloc starting the "
        "procedure to admit Azerbaijan."
    )
    admit = [e for e in doc.events if e.type == "AGREE" and "AZE" in ids(e.target)]
    assert admit and ids(admit[0].source) == ["SCO"], summary(doc)


def test_a_participle_that_goes_on_with_its_act_is_no_second_event(code):
    doc = code("Kazakhstan lifted its ban on the movement on Monday, removing it from the list of terrorist groups.")
    assert len([e for e in doc.events if e.type == "CONCEDE"]) == 1, summary(doc)


def test_states_acting_each_on_their_own_give_one_event_each(code):
    doc = code("Uzbekistan and Turkmenistan removed the Taliban from their own lists of banned organisations.")
    concede = [e for e in doc.events if e.type == "CONCEDE"]
    assert sorted(ids(e.source)[0] for e in concede) == ["TKM", "UZB"], summary(doc)


def test_states_acting_together_give_one_event(code):
    doc = code("Uzbekistan and Turkmenistan removed the Taliban from the list of banned organisations.")
    assert len([e for e in doc.events if e.type == "CONCEDE"]) == 1, summary(doc)


def test_meetings_in_two_places_are_two_events(code):
    doc = code("Last year the European Union held meetings with the five Central Asian states in Bishkek and Dushanbe.")
    assert len([e for e in doc.events if e.type == "CONSULT"]) == 2, summary(doc)


def test_a_meeting_told_by_a_verb_in_two_places_stays_one(code):
    doc = code("Last year the European Union met the five Central Asian states in Bishkek and Dushanbe.")
    assert len([e for e in doc.events if e.type == "CONSULT"]) == 1, summary(doc)
