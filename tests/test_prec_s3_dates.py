"""Dates a reader gets from the surrounding text: the year the text gave a month, the story's day
when no publication date is known, and the day of the act an infinitive of purpose belongs to."""

import datetime as dt

import pytest
from event_helpers import coder, dated, summary

PUB = dt.date(2025, 4, 10)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_a_day_without_a_year_takes_the_year_the_text_gave_its_month(code):
    doc = code(
        "Uzbekistan and Tajikistan resumed border talks on Tuesday after the clashes of October 2023. "
        "In that fighting, which began on 12 October, Tajik troops shelled Uzbek border posts."
    )
    assert (dt.date(2023, 10, 12), "day") in dated(doc, "FIGHT") + dated(doc, "ASSAULT"), summary(doc)


def test_a_day_without_a_year_and_no_earlier_mention_takes_the_publication_year(code):
    doc = code("Tajik troops shelled Uzbek border posts on 2 March.")
    assert dated(doc, "FIGHT") + dated(doc, "ASSAULT") == [(dt.date(2025, 3, 2), "day")], summary(doc)


def test_without_a_publication_date_a_month_is_read_against_the_story_day(code):
    doc = code(
        "Kazakh President Kassym-Jomart Tokayev hosted the leaders of the bloc in Astana on 12 August 2024. "
        "Tokayev, speaking for the first time since Russia's invasion of Ukraine in February, thanked the partners for their support.",
        published=None,
    )
    assert (dt.date(2024, 2, 1), "month") in dated(doc, "PROTEST") + dated(doc, "FIGHT") + dated(
        doc, "ASSAULT"
    ), summary(doc)


def test_an_infinitive_of_purpose_takes_the_day_of_its_act(code):
    doc = code(
        "On Monday Kazakhstan and Uzbekistan held a ceremony at the border near Saryagash to mark "
        "the start of work on a joint trade centre."
    )
    days = {e.date for e in doc.events}
    assert days == {dt.date(2025, 4, 7)}, summary(doc)


def test_what_a_statement_published_on_a_day_says_happened_takes_that_day(code):
    doc = code(
        "On 02/03/2025, the Kazakh Defence Ministry published a statement that Kazakh and Kyrgyz troops "
        "had begun joint exercises near Issyk-Kul."
    )
    found = [e for e in doc.events if e.type in ("COOPERATE", "MOBILIZE")]
    assert found and {e.date for e in found} == {dt.date(2025, 3, 2)}, summary(doc)


def test_the_next_day_counts_on_only_for_the_clause_it_belongs_to(code):
    doc = code(
        "On Friday, 4 April, gunmen attacked a border post in Batken. "
        "The Islamic State group claimed the attack, and Kyrgyz police arrested two men the next day."
    )
    claim = [e for e in doc.events if e.type == "ASSAULT" and e.modality == "reported"]
    arrest = [e for e in doc.events if e.type == "COERCE"]
    assert claim and claim[0].date == dt.date(2025, 4, 4), summary(doc)
    assert arrest and arrest[0].date == dt.date(2025, 4, 5), summary(doc)


def test_what_is_said_after_a_visit_wrapped_up_on_a_day_is_of_that_day(code):
    doc = code(
        "Kazakh President Kassym-Jomart Tokayev wrapped up a three-day state visit to Uzbekistan on "
        "Wednesday. Tokayev said Kazakhstan would respond to any threat to its borders."
    )
    said = [e for e in doc.events if e.sentence.startswith("Tokayev said")]
    assert said and {e.date for e in said} == {dt.date(2025, 4, 9)}, summary(doc)


def test_a_measure_that_remained_in_force_is_dated_when_reported(code):
    doc = code(
        "Kyrgyz police detained dozens of protesters in Osh on Saturday. "
        "Internet access in the region remained restricted."
    )
    held = [e for e in doc.events if e.sentence.startswith("Internet")]
    assert held and {e.date for e in held} == {PUB}, summary(doc)
