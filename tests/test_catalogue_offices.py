"""Dated offices: the same title names different people on different days."""

import datetime as dt

import pytest

D = dt.date


@pytest.mark.parametrize(
    ("of", "kind", "day", "person"),
    [
        ("RUS", "defence_minister", D(2023, 6, 1), "sergei-shoigu"),
        ("RUS", "defence_minister", D(2025, 1, 22), "andrey-belousov"),
        ("TKM", "president", D(2021, 6, 1), "gurbanguly-berdimuhamedow"),
        ("TKM", "president", D(2023, 6, 1), "serdar-berdimuhamedow"),
        ("RUS", "foreign_minister", D(2010, 1, 1), "sergey-lavrov"),
    ],
)
def test_holder_depends_on_the_date(catalogue, of, kind, day, person):
    holder = catalogue.holder(of=of, kind=kind, on=day)
    assert holder is not None and holder.id == person


def test_same_title_phrase_resolves_to_different_people_over_time(catalogue):
    kind = catalogue.office_kind("Defence Minister")
    assert kind == catalogue.office_kind("defense minister") == "defence_minister"
    before = catalogue.holder("RUS", kind, D(2023, 6, 1))
    after = catalogue.holder("RUS", kind, D(2025, 1, 22))
    assert before.id != after.id


def test_no_holder_before_the_first_known_tenure(catalogue):
    assert catalogue.holder("TKM", "president", D(1800, 1, 1)) is None


def test_role_of_follows_the_career(catalogue):
    # Putin was prime minister in 2010 and president in 2020.
    assert "Prime Minister" in catalogue.role_of("vladimir-putin", D(2010, 1, 1))
    assert "President" in catalogue.role_of("vladimir-putin", D(2020, 1, 1))
    assert catalogue.role_of("vladimir-putin", D(1950, 1, 1)) is None


def test_offices_of_on_a_date_is_a_subset_of_all_offices(catalogue):
    everything = catalogue.offices_of("sergey-lavrov")
    today = catalogue.offices_of("sergey-lavrov", on=D(2024, 1, 1))
    assert today and all(o in everything for o in today)
    assert {o.kind for o in today} == {"foreign_minister"}


def test_country_of_people_states_and_bodies(catalogue):
    assert catalogue.country_of("sergey-lavrov") == "RUS"
    assert catalogue.country_of("UZB") == "UZB"
    assert catalogue.country_of("FSB") == "RUS"
    assert catalogue.country_of("CSTO") is None
    assert catalogue.country_of("no-such-actor") is None


def test_office_titles_map_lower_case_phrases(catalogue):
    titles = catalogue.office_titles()
    assert titles["foreign minister"] == "foreign_minister"
    assert all(t == t.lower() for t in titles)
    assert catalogue.office_kind("the Foreign Minister") == "foreign_minister"
    assert catalogue.office_kind("Grand Vizier of Nothing") is None
