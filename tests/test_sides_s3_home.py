"""Home affairs and acts aimed at a country the clause names only indirectly."""

import datetime as dt

import pytest
from event_helpers import coder, ids

PUB = dt.date(2024, 10, 7)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_a_referendum_to_build_the_countrys_plant_is_the_countrys_own_affair(code):
    doc = code(
        "Russia's Rosatom and China's CNNC have both offered to build reactors in Uzbekistan. "
        "Uzbekistan voted in Sunday's referendum to build the country's first hydropower cascade, "
        "with 64% of voters in favour."
    )
    voted = [e for e in doc.events if e.trigger == "voted"]
    assert voted and ids(voted[0].source) == ["UZB"] and ids(voted[0].target) == ["UZB"]


def test_a_countrys_neighbours_closing_their_borders_act_towards_it(code):
    doc = code(
        "TASHKENT, Oct 7 (Steppe Wire) — Afghanistan's northern neighbours tightened controls on their "
        "borders on Monday as the fighting spread."
    )
    tightened = [e for e in doc.events if e.trigger == "tightened"]
    assert tightened and ids(tightened[0].target) == ["AFG"]


def test_people_evacuated_with_no_agent_are_evacuated_by_their_own_state(code):
    doc = code(
        "Fighting broke out on the Kyrgyz-Tajik border on Monday. "
        "Both sides used mortars, and more than 20,000 people on the Tajik side were evacuated."
    )
    evacuated = [e for e in doc.events if e.trigger == "evacuated"]
    assert evacuated and ids(evacuated[0].source) == ["TJK"] and ids(evacuated[0].target) == ["TJK"]


def test_foreigners_arrested_in_a_story_of_another_country_are_arrested_by_its_police(code):
    doc = code(
        "Gunmen attacked a concert hall near Moscow on Friday. Russia mourned the victims, and Russian "
        "officials blamed Ukraine. Four Uzbek citizens were arrested the next day.",
        genre="commentary",
    )
    arrested = [e for e in doc.events if e.trigger == "arrested"]
    assert arrested and ids(arrested[0].source) == ["RUS"] and ids(arrested[0].target) == ["UZB"]
