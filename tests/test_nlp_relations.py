"""Membership, observer and partner relations stated in text."""

from __future__ import annotations

import datetime as dt

import pytest

from greatgame.config import Settings
from greatgame.models import Document, DocumentMeta


@pytest.fixture(scope="module")
def relations(nlp_model, catalogue):
    from greatgame.nlp import Annotator

    annotator = Annotator(Settings(workers=1), catalogue)

    def run(text: str) -> set[tuple[str, str, str, bool]]:
        doc = Document(DocumentMeta(id="r.txt", published=dt.date(2024, 1, 10)), text)
        doc = next(iter(annotator.annotate([doc])))
        for r in doc.relations:
            sentence = doc.sentences[r.sentence_index]
            assert (r.char_start, r.char_end) == (sentence.start, sentence.end)
            assert r.sentence == doc.text[r.char_start : r.char_end]
        return {(r.subject, r.relation, r.object, r.negated) for r in doc.relations}

    return run


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Hungary and Turkmenistan have observer status in the Organization of Turkic States.",
            {("HUN", "observer_of", "OTS", False), ("TKM", "observer_of", "OTS", False)},
        ),
        ("Iran became a full member of the SCO in 2023.", {("IRN", "member_of", "SCO", False)}),
        ("Belarus joined the SCO at the Astana summit.", {("BLR", "member_of", "SCO", False)}),
        ("Uzbekistan left the CSTO in 2012.", {("UZB", "member_of", "CSTO", True)}),
        ("Armenia froze its participation in the CSTO.", {("ARM", "member_of", "CSTO", True)}),
        ("Uzbekistan is not a member of the CSTO.", {("UZB", "member_of", "CSTO", True)}),
        (
            "Officials said Uzbekistan's full membership in the EAEU is not on the agenda.",
            {("UZB", "member_of", "EAEU", True)},
        ),
        (
            "Kyrgyzstan, a member of the Russia-led Collective Security Treaty Organization and the "
            "Eurasian Economic Union, hosted the talks.",
            {("KGZ", "member_of", "CSTO", False), ("KGZ", "member_of", "EAEU", False)},
        ),
        (
            "The leaders agreed to grant dialogue partner status to Egypt and Qatar.",
            {("EGY", "partner_of", "SCO", False), ("QAT", "partner_of", "SCO", False)},
        ),
    ],
)
def test_stated_relations(relations, text, expected):
    if "SCO" not in text and "partner" in text:
        text = "The SCO summit opened in Dushanbe. " + text  # the organisation the document is about
    assert relations(text) == expected


def test_these_two_countries_are_the_last_two_states(relations):
    text = (
        "Leaders of Kazakhstan, Hungary and Turkmenistan met the OTS secretary-general. "
        "These two countries have observer status in the organisation."
    )
    assert relations(text) == {("HUN", "observer_of", "OTS", False), ("TKM", "observer_of", "OTS", False)}


def test_members_listed_after_the_organisation(relations):
    text = "The SCO now comprises China, Russia and India. Iran has been an observer in the SCO since 2005, as has Belarus since 2015."
    assert relations(text) == {
        ("CHN", "member_of", "SCO", False),
        ("RUS", "member_of", "SCO", False),
        ("IND", "member_of", "SCO", False),
        ("IRN", "observer_of", "SCO", False),
        ("BLR", "observer_of", "SCO", False),
    }


def test_no_relation_without_membership_language(relations):
    assert relations("Russia and China held talks on the sidelines of the SCO summit.") == set()
