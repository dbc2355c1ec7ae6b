"""Sentence roles: a limit ('no more than ten days') is no sneer, a noun opening a sentence
('Work has not started') is no order; the commentary and the appeal they look like still are."""

import pytest

from greatgame.events.lexicon import load_lexicon
from greatgame.events.roles import sentence_role


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Tokayev announced on Tuesday that the withdrawal would take no more than ten days.", "speech"),
        ("The regime in Bishkek is no more than a puppet of Moscow.", "commentary"),
        ("Work on the Afghan section has not started.", "fact"),
        ("Work for the freedom of your brothers!", "appeal"),
    ],
)
def test_the_role_of_a_sentence(lex, text, role):
    assert sentence_role(text, lex, "news") == role
