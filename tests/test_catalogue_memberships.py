"""Dated memberships of blocs: members, observers, partners."""

import datetime as dt

import pytest

D = dt.date


@pytest.mark.parametrize(
    ("subject", "obj", "day", "relation", "expected"),
    [
        ("UZB", "CSTO", D(2010, 1, 1), "member_of", True),
        ("UZB", "CSTO", D(2013, 1, 1), "member_of", False),
        ("UZB", "CSTO", D(2000, 1, 1), "member_of", False),
        ("IRN", "SCO", D(2023, 7, 5), "member_of", True),
        ("IRN", "SCO", D(2023, 7, 3), "member_of", False),
        ("IRN", "SCO", D(2023, 7, 3), "observer_of", True),
        ("HUN", "OTS", D(2024, 1, 1), "observer_of", True),
        ("HUN", "OTS", D(2024, 1, 1), "member_of", False),
        ("GBR", "EU", D(2019, 12, 31), "member_of", True),
        ("GBR", "EU", D(2020, 2, 1), "member_of", False),
        ("FIN", "NATO", D(2023, 4, 3), "member_of", False),
        ("FIN", "NATO", D(2023, 4, 4), "member_of", True),
        ("SWE", "NATO", D(2024, 3, 7), "member_of", True),
        ("GEO", "CIS", D(2010, 1, 1), "member_of", False),
        ("KGZ", "EAEU", D(2015, 8, 12), "member_of", True),
        ("KGZ", "EAEU", D(2015, 8, 11), "member_of", False),
    ],
)
def test_is_member_on_a_date(catalogue, subject, obj, day, relation, expected):
    assert catalogue.is_member(subject, obj, on=day, relation=relation) is expected


def test_membership_records_carry_dates_and_notes(catalogue):
    spells = catalogue.memberships(subject="UZB", object="CSTO")
    assert len(spells) == 2
    assert all(m.start and m.end and m.start < m.end for m in spells)
    armenia = catalogue.memberships(subject="ARM", object="CSTO", on=D(2025, 1, 1))
    assert armenia and "froz" in (armenia[0].note or "")


def test_members_of_a_bloc_on_a_date(catalogue):
    members = {m.subject for m in catalogue.memberships(object="OTS", on=D(2020, 1, 1), relation="member_of")}
    assert members == {"AZE", "KAZ", "KGZ", "TUR", "UZB"}
    founders = {
        m.subject for m in catalogue.memberships(object="OTS", on=D(2010, 1, 1), relation="member_of")
    }
    assert "UZB" not in founders and founders < members


def test_partnership_for_peace_partners_are_not_members(catalogue):
    assert catalogue.is_member("KAZ", "NATO", on=D(2020, 1, 1), relation="partner_of")
    assert not catalogue.is_member("KAZ", "NATO", on=D(2020, 1, 1))


def test_year_precision_dates_cover_the_whole_year(catalogue):
    # "2003" as a start means the first day of 2003 (OSCE partner AFG).
    assert catalogue.is_member("AFG", "OSCE", on=D(2003, 1, 1), relation="partner_of")
    assert not catalogue.is_member("AFG", "OSCE", on=D(2002, 12, 31), relation="partner_of")
