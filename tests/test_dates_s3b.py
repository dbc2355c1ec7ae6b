"""Dates a reader works out from tense and from the sentence before: a weekday in the present
tense is the coming one, and 'two days later' counts from the day the previous sentence told."""

import datetime as dt

import pytest
from event_helpers import coder, dated, summary

PUB = dt.date(2025, 4, 9)  # a Wednesday


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_a_weekday_in_the_present_tense_is_the_coming_one(code):
    doc = code(
        "ASTANA, April 9 (Reuters) - Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President "
        "Shavkat Mirziyoyev in Astana on Wednesday. The talks continue on Friday, when the two leaders are "
        "expected to sign a water agreement."
    )
    assert dated(doc, "CONSULT") == [(PUB, "day"), (dt.date(2025, 4, 11), "day")], summary(doc)


def test_a_weekday_in_the_past_tense_is_the_last_one(code):
    doc = code("Tokayev met Mirziyoyev in Tashkent on Monday.")
    assert dated(doc, "CONSULT") == [(dt.date(2025, 4, 7), "day")], summary(doc)


def test_a_meeting_told_in_the_present_with_a_weekday_is_to_come(code):
    doc = code("Tokayev meets Mirziyoyev in Tashkent on Monday.")
    assert dated(doc, "CONSULT") == [(dt.date(2025, 4, 14), "day")], summary(doc)


def test_an_act_told_within_the_fighting_the_sentence_opens_with_takes_its_day(code):
    doc = code(
        "BISHKEK, April 9, 2025 (Reuters) - Kyrgyzstan and Tajikistan signed a border treaty on Tuesday. "
        "Talks gained pace after the border clashes of May 2023. "
        "In those clashes, which broke out on 3 May and spread along the whole Isfara section of the border, "
        "both armies used tanks, artillery and drones, and more than 30,000 residents on the Tajik side were evacuated. "
        "A ceasefire was signed two days later."
    )
    assert dated(doc, "AID") == [(dt.date(2023, 5, 3), "day")], summary(doc)
    assert dated(doc, "CONCEDE") == [(dt.date(2023, 5, 5), "day")], summary(doc)
