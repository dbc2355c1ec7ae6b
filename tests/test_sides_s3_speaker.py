"""What a speaker says an arrangement or 'the country' will do is the speaker's own side's promise."""

import datetime as dt

import pytest
from event_helpers import coder, ids

PUB = dt.date(2025, 6, 2)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_a_partnership_that_would_bring_investment_is_the_speakers_promise(code):
    doc = code(
        "Japanese Prime Minister Shigeru Ishiba visited Tashkent on Monday. "
        "Ishiba said the partnership would help bring new capital to Uzbekistan."
    )
    promised = [e for e in doc.events if "partnership" in e.sentence]
    assert promised and ids(promised[0].source) == ["shigeru-ishiba"] and ids(promised[0].target) == ["UZB"]


def test_what_the_country_will_do_said_by_its_leader_is_his(code):
    doc = code(
        "ASTANA, June 2 (Steppe Wire) — Kazakhstan will build a second nuclear plant. "
        "President Kassym-Jomart Tokayev said the country would pick the safest technology on offer."
    )
    picked = [e for e in doc.events if "pick" in e.sentence]
    assert picked and ids(picked[0].source) == ["kassym-jomart-tokayev"]
