"""Sentence roles: only facts and speech carry events."""

import pytest

from greatgame.events.lexicon import load_lexicon
from greatgame.events.roles import sentence_role


@pytest.mark.parametrize(
    "text, role",
    [
        ("Uzbekistan and Russia signed a cooperation plan in Tashkent on Monday.", "fact"),
        ("Lavrov said Russia considers US bases unacceptable.", "speech"),
        ("Russia is doomed.", "commentary"),
        ("The regime in Dushanbe is nothing but a puppet of Moscow.", "commentary"),
        ("Brothers, we must rise up and reject these traitors!", "appeal"),
        ("Subscribe to our newsletter. All rights reserved.", "boilerplate"),
    ],
)
def test_sentence_roles(text, role):
    assert sentence_role(text, load_lexicon()) == role


def test_a_news_sentence_with_a_charged_word_stays_a_fact():
    text = "Uganda granted asylum to rebels wanted at home on treason charges, a UN official said on Friday."
    assert sentence_role(text, load_lexicon()) in ("fact", "speech")
