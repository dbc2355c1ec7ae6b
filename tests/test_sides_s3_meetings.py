"""Who meets whom: a bloc's summit city, the people heading a bloc, 'they' after a meeting."""

import datetime as dt

import pytest
from event_helpers import coder, ids

PUB = dt.date(2023, 10, 13)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_not_coming_to_the_city_of_a_blocs_summit_is_aimed_at_the_bloc_too(code):
    doc = code(
        "DUSHANBE, Oct 13 (Steppe Wire) — Leaders of the Commonwealth of Independent States (CIS) met in "
        "Dushanbe on Friday. Azerbaijani President Ilham Aliyev did not travel to Dushanbe."
    )
    absent = [e for e in doc.events if "did not travel" in e.sentence]
    assert absent and "CIS" in ids(absent[0].target) and absent[0].modality == "negated"


def test_the_heads_of_a_bloc_named_in_apposition_are_the_people(code):
    doc = code(
        "The heads of the European Union, Antonio Costa and Ursula von der Leyen, sat in Astana with "
        "Kazakh President Kassym-Jomart Tokayev on Friday."
    )
    sat = [e for e in doc.events if e.trigger == "sat"]
    assert sat and ids(sat[0].source) == ["antonio-costa", "ursula-von-der-leyen"]


def test_they_after_a_meeting_are_both_parties(code):
    doc = code(
        "Kazakh President Kassym-Jomart Tokayev met Chinese President Xi Jinping in Astana on Friday. "
        "They announced a comprehensive strategic partnership."
    )
    announced = [e for e in doc.events if "announced" in e.sentence]
    assert announced and {"kassym-jomart-tokayev", "xi-jinping"} <= set(ids(announced[0].source))
