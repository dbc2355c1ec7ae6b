"""Sentence roles: only facts and speech carry events."""

import pytest

from greatgame.events.lexicon import load_lexicon
from greatgame.events.roles import role_scores, sentence_role


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


@pytest.mark.parametrize(
    "text",
    [
        "Subscribe to our newsletter. All rights reserved.",
        "Brothers, we must rise up and reject these traitors!",
        "Tashkent should publish the figures, and it is clear that the deal is a farce?",
        "Lavrov said on Monday that 300 troops arrived in Dushanbe.",
        "A quiet sentence about nothing in particular.",
    ],
)
def test_every_matching_cue_adds_its_weight_once(text):
    lex = load_lexicon()
    expected = {
        role: float(lex.roles[role].get("weight", 1.0)) * sum(1 for rx in lex.role_rx[role] if rx.search(text))
        + float(lex.roles[role].get("weak_weight", 0.5))
        * sum(1 for rx in lex.role_weak_rx.get(role, []) if rx.search(text))
        for role in lex.role_rx
    }
    assert role_scores(text, lex) == pytest.approx(expected)
    assert role_scores(text, lex) == pytest.approx(expected)  # asked again (the coder does): same scores
