"""Dates of events: absolute forms, ranges, relative dates, precision, and refusal to guess."""

import datetime as dt

import pytest

from greatgame.events.dates import find_dates

PUB = dt.date(2025, 4, 21)  # a Monday


def first(text, published=PUB, future=False):
    hits = find_dates(text, published, future)
    return (hits[0].date, hits[0].date_end, hits[0].precision) if hits else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("on 31/07/2021", dt.date(2021, 7, 31)),
        ("on 22/1/ 2025", dt.date(2025, 1, 22)),
        ("on 22/1/2025", dt.date(2025, 1, 22)),
        ("on 17 April 2024", dt.date(2024, 4, 17)),
        ("on April 17, 2024", dt.date(2024, 4, 17)),
        ("on 2024-04-17", dt.date(2024, 4, 17)),
        ("on the 11th of November 2023", dt.date(2023, 11, 11)),
    ],
)
def test_absolute_day_dates_in_any_common_order(text, expected):
    assert first(text) == (expected, None, "day")


def test_day_month_without_year_takes_the_publication_year_or_the_one_before():
    assert first("on April 17") == (dt.date(2025, 4, 17), None, "day")
    assert first("on the 11th of November") == (dt.date(2024, 11, 11), None, "day")
    assert first("on the 11th of November", future=True) == (dt.date(2025, 11, 11), None, "day")


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("from July 30 to August 10, 2024", dt.date(2024, 7, 30), dt.date(2024, 8, 10)),
        ("on the 22-23 of April", dt.date(2025, 4, 22), dt.date(2025, 4, 23)),
        ("on 22–23 April", dt.date(2025, 4, 22), dt.date(2025, 4, 23)),
    ],
)
def test_ranges_give_start_and_end(text, start, end):
    assert first(text, future=True) == (start, end, "day")


def test_relative_days_resolve_against_publication():
    assert first("yesterday") == (dt.date(2025, 4, 20), None, "day")
    assert first("on Sunday") == (dt.date(2025, 4, 20), None, "day")
    assert first("on Sunday", future=True) == (dt.date(2025, 4, 27), None, "day")
    assert first("next week") == (dt.date(2025, 4, 28), dt.date(2025, 5, 4), "day")


def test_relative_months_and_years_have_coarse_precision():
    assert first("earlier this month") == (dt.date(2025, 4, 1), None, "month")
    assert first("last year") == (dt.date(2024, 1, 1), None, "year")
    assert first("in 2019") == (dt.date(2019, 1, 1), None, "year")
    assert first("in March 2022") == (dt.date(2022, 3, 1), None, "month")


def test_no_publication_date_means_no_relative_date():
    assert first("on Sunday", published=None) is None
    assert first("yesterday", published=None) is None
    assert first("on April 17", published=None) is None
    assert first("on 17 April 2024", published=None) == (dt.date(2024, 4, 17), None, "day")


@pytest.mark.parametrize("text", ["on 31/02/2024", "on 30 February 2023", "from May 10 to May 2"])
def test_impossible_dates_are_rejected(text):
    assert first(text) is None


def test_a_weekend_is_its_saturday_and_sunday():
    assert first("crossed the border over the weekend") == (dt.date(2025, 4, 19), dt.date(2025, 4, 20), "day")
    assert first("will meet at the weekend", future=True) == (dt.date(2025, 4, 26), dt.date(2025, 4, 27), "day")


@pytest.mark.parametrize(
    "text, future, start, end",
    [
        ("the summit will be held in the autumn", True, dt.date(2025, 9, 1), dt.date(2025, 11, 30)),
        ("they met last winter", False, dt.date(2024, 12, 1), dt.date(2025, 2, 28)),
        ("talks resume next spring", True, dt.date(2026, 3, 1), dt.date(2026, 5, 31)),
        ("in the summer of 2022", False, dt.date(2022, 6, 1), dt.date(2022, 8, 31)),
    ],
)
def test_a_season_is_a_span_of_months(text, future, start, end):
    assert first(text, future=future) == (start, end, "month")


def test_the_fall_of_a_city_is_no_season():
    assert first("after the fall of Kabul") is None


def test_a_clause_attached_to_the_end_of_a_meeting_takes_the_day_it_ended(code_text):
    doc = code_text(
        "SAMARKAND, Sept 16, 2022 (Eurasia Wire Service) — Leaders of the Shanghai Cooperation Organisation "
        "ended a two-day summit in Samarkand on Friday, with Iran signing a memorandum on its obligations as a "
        "future member.",
        published=dt.date(2022, 9, 16),
    )
    signed = [e for e in doc.events if e.type == "AGREE"]
    assert signed and signed[0].date == dt.date(2022, 9, 16) and signed[0].date_end is None


def test_an_undated_act_after_a_recalled_day_keeps_the_storys_day(code_text):
    doc = code_text(
        "ASTANA, May 6, 2024 (Steppe Wire) — Kazakh President Kassym-Jomart Tokayev met Uzbek President "
        "Shavkat Mirziyoyev in Astana on Monday. "
        "The meeting came a month after the two countries signed a water treaty in Tashkent on 2 April. "
        "The presidents also discussed transport links.",
        published=dt.date(2024, 5, 6),
    )
    talks = [e for e in doc.events if e.type == "CONSULT" and "also discussed" in e.sentence]
    assert talks and talks[0].date == dt.date(2024, 5, 6)


def test_the_next_day_counts_from_the_recalled_day(code_text):
    doc = code_text(
        "ASTANA, May 6, 2024 (Steppe Wire) — Kazakh President Kassym-Jomart Tokayev met Uzbek President "
        "Shavkat Mirziyoyev in Astana on Monday. "
        "Protesters clashed with police in Nukus on 1 July 2022. "
        "Mirziyoyev declared a state of emergency in Karakalpakstan the next day.",
        published=dt.date(2024, 5, 6),
    )
    emergency = [e for e in doc.events if "state of emergency" in e.sentence]
    assert emergency and emergency[0].date == dt.date(2022, 7, 2)


def test_an_event_years_before_the_clause_is_dated_back_by_that_length(code_text):
    doc = code_text(
        "TASHKENT, June 10, 2024 (Steppe Wire) — Uzbekistan and Kyrgyzstan opened a new border crossing on "
        "Monday, two and a half years after fighting between their border guards killed four people.",
        published=dt.date(2024, 6, 10),
    )
    old = [e for e in doc.events if e.type in ("FIGHT", "ASSAULT")]
    assert old and all((e.date, e.date_precision) == (dt.date(2021, 12, 1), "month") for e in old)


def test_an_event_after_a_measured_gap_keeps_its_own_date(code_text):
    doc = code_text(
        "The summit came less than three weeks after Japarov and Rahmon signed a border treaty in Bishkek "
        "on 13 March.",
        published=dt.date(2025, 3, 31),
    )
    signed = [e for e in doc.events if e.type == "AGREE"]
    assert signed and signed[0].date == dt.date(2025, 3, 13)


def test_an_act_within_a_dated_event_takes_that_events_day(code_text):
    doc = code_text(
        "Kyrgyz and Tajik officials met in Batken on Monday. "
        "In that fighting, which began on 14 September and spread along the frontier, Kyrgyz and Tajik troops "
        "used tanks and drones.",
        published=dt.date(2022, 9, 20),
    )
    fought = [e for e in doc.events if e.type == "FIGHT"]
    assert fought and fought[0].date == dt.date(2022, 9, 14)


def test_a_promise_reported_on_a_past_weekday_is_dated_that_day(code_text):
    doc = code_text(
        "In Astana on Wednesday, Xi told Kazakh President Kassym-Jomart Tokayev that China would always "
        "support Kazakhstan's independence.",
        published=dt.date(2022, 9, 16),  # a Friday
    )
    backed = [e for e in doc.events if e.type == "SUPPORT"]
    assert backed and backed[0].date == dt.date(2022, 9, 14)


def test_a_when_clause_takes_the_years_it_is_attached_to(code_text):
    doc = code_text(
        "Tokayev said the bloc had not kept its promises to Kazakhstan in 2019 and 2020, when Kyrgyz forces "
        "attacked Kazakh border posts.",
        published=dt.date(2024, 2, 22),
    )
    attacks = [e for e in doc.events if e.trigger == "attacked"]
    assert attacks and attacks[0].date == dt.date(2019, 1, 1) and attacks[0].date_precision == "year"


def test_an_accusation_added_to_a_dated_statement_takes_its_date(code_text):
    doc = code_text(
        "Pashinyan said in February that Armenia had frozen its participation in the alliance, accusing it "
        "of failing to help Armenia.",
        published=dt.date(2024, 11, 28),
    )
    accused = [e for e in doc.events if e.trigger == "accusing"]
    assert accused and (accused[0].date, accused[0].date_precision) == (dt.date(2024, 2, 1), "month")


def test_an_event_with_a_month_but_no_publication_date_takes_the_year_of_the_story_day(code_text):
    doc = code_text(
        "Putin met Xi in Moscow on 4 July 2023. Putin, in his first appearance abroad since the Wagner mutiny "
        "in June, thanked his partners for their support.",
        published=None,
    )
    mutiny = [e for e in doc.events if e.trigger == "mutiny"]
    assert mutiny and (mutiny[0].date, mutiny[0].date_precision) == (dt.date(2023, 6, 1), "month")
    thanks = [e for e in doc.events if e.trigger == "thanked"]
    assert thanks and thanks[0].date == dt.date(2023, 7, 4)


def test_an_act_since_an_earlier_event_is_not_dated_by_that_event(code_text):
    doc = code_text(
        "Since the attack on the concert hall in March last year, Russia has detained hundreds of Tajik migrants.",
        published=dt.date(2025, 2, 10),
    )
    held = [e for e in doc.events if e.trigger == "detained"]
    assert held and held[0].date is None


def test_what_happened_before_a_dated_act_does_not_take_its_day(code_text):
    doc = code_text(
        "Russian troops arrived in Kazakhstan on Thursday after President Kassym-Jomart Tokayev asked the "
        "CSTO for help.",
        published=dt.date(2022, 1, 6),
    )
    asked = [e for e in doc.events if e.trigger == "asked"]
    assert asked and asked[0].date is None


def test_talks_after_an_arrival_for_a_visit_are_on_the_storys_day(code_text):
    doc = code_text(
        "ASTANA, October 14, 2025 (Steppe Wire) — Chinese President Xi Jinping and Kazakh President "
        "Kassym-Jomart Tokayev on Tuesday signed a treaty on water use.\n\n"
        "Xi arrived in Astana on Monday evening for a three-day state visit.\n\n"
        "The two presidents held talks on energy.",
        published=dt.date(2025, 10, 14),
    )
    talks = [e for e in doc.events if e.type == "CONSULT" and "talks" in e.sentence][-1]
    assert talks.date == dt.date(2025, 10, 14)


def test_talks_after_an_arrival_in_the_day_are_on_the_arrivals_day(code_text):
    doc = code_text(
        "ASTANA, October 14, 2025 (Steppe Wire) — Chinese President Xi Jinping and Kazakh President "
        "Kassym-Jomart Tokayev on Tuesday signed a treaty on water use.\n\n"
        "Xi arrived in Astana on Monday for a two-day state visit. He held talks with Tokayev on energy.",
        published=dt.date(2025, 10, 14),
    )
    talks = [e for e in doc.events if e.type == "CONSULT" and "talks" in e.sentence][-1]
    assert talks.date == dt.date(2025, 10, 13)


def test_words_spoken_after_the_summit_are_of_the_summits_day(code_text):
    doc = code_text(
        "BISHKEK, June 12, 2025 (Steppe Wire) — Leaders of the Shanghai Cooperation Organisation met in "
        "Bishkek on Thursday.\n\n"
        "Xi Jinping arrived on Wednesday and held talks with Sadyr Japarov.\n\n"
        "Speaking to reporters after the summit, Xi said China would build a railway to Kyrgyzstan.",
        published=dt.date(2025, 6, 12),
    )
    said = [e for e in doc.events if "railway" in e.sentence]
    assert said and all(e.date == dt.date(2025, 6, 12) for e in said)
