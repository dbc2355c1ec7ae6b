"""The text behind `greatgame actors [QUERY]`."""

import datetime as dt

from greatgame.catalogue import explain


def test_explain_a_state_shows_aliases_and_dated_memberships(catalogue):
    text = explain(catalogue, "Uzbekistan")
    assert text.startswith("UZB")
    assert "Toshkent" in text
    assert "member_of CSTO  2006-08-16 .. 2012-12-19" in text


def test_explain_an_alias_finds_the_actor(catalogue):
    assert explain(catalogue, "Kremlin").startswith("RUS")
    assert "OTS" in explain(catalogue, "turkic council").split("\n")[0]


def test_explain_a_person_lists_offices_with_dates(catalogue):
    text = explain(catalogue, "sergei-shoigu", on=dt.date(2023, 6, 1))
    assert "defence_minister" in text and "2012-11-06" in text
    assert "role on 2023-06-01: Minister of Defence" in text


def test_explain_a_title_lists_the_holders_over_time(catalogue):
    text = explain(catalogue, "Russian defence minister", on=dt.date(2023, 6, 1))
    assert "Office defence_minister of RUS" in text
    assert text.index("Sergei Shoigu") < text.index("Andrey Belousov")
    assert "on 2023-06-01: Sergei Shoigu" in text


def test_explain_a_bloc_lists_members_and_observers(catalogue):
    text = explain(catalogue, "OTS")
    assert "members:" in text and "observers:" in text and "HUN" in text


def test_explain_without_query_summarises_and_unknown_query_says_so(catalogue):
    assert "states" in explain(catalogue)
    assert "No catalogue entry" in explain(catalogue, "zzqxj")
