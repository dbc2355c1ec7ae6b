"""Infinitives on nouns: what a decision grants is told (the bloc's act), what someone is in no
hurry to do is told as not done, and what an agreement is to build stays no event of its own."""

import datetime as dt

import pytest
from event_helpers import coder, ids, summary

PUB = dt.date(2023, 11, 4)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_the_decision_to_grant_a_status_is_the_blocs_act(code):
    doc = code(
        "Leaders of the Organization of Turkic States met in Astana on Friday. The Organization of Turkic "
        "States summit was its tenth. The Kyrgyz President welcomed the decision to grant observer status "
        "to Turkmenistan."
    )
    granted = [e for e in doc.events if e.type == "AGREE" and "TKM" in ids(e.target)]
    assert granted and ids(granted[0].source) == ["OTS"], summary(doc)


def test_in_no_hurry_to_recognise_is_a_negated_recognition_by_the_subject(code):
    doc = code(
        "A Kazakh envoy told reporters that Astana was in no hurry to recognise the Taliban government."
    )
    found = [e for e in doc.events if e.type == "SUPPORT"]
    assert found and found[0].modality == "negated" and ids(found[0].source) == ["KAZ"], summary(doc)


def test_an_agreement_to_build_a_railway_tells_no_building(code):
    doc = code("Uzbekistan and Kyrgyzstan signed an agreement to build a railway on Friday.")
    assert [e.type for e in doc.events] == ["AGREE"], summary(doc)
