"""Sentence roles: facts and speech carry events; commentary, appeals and boilerplate do not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from greatgame.events.lexicon import load_lexicon
from greatgame.events.roles import sentence_role
from greatgame.models import RawDocument

ROOT = Path(__file__).resolve().parents[1]
ROLES_DIR = ROOT / "tests" / "data" / "roles"


@pytest.mark.parametrize(
    "text, genre, role",
    [
        ("Kazakh and Chinese border guards held a joint patrol near the Khorgos crossing on Tuesday.", "news", "fact"),
        ("Chinese Foreign Minister Wang Yi arrived in Astana for a two-day visit.", "news", "fact"),
        ("Lavrov told reporters that Moscow saw no alternative to the CSTO.", "news", "speech"),
        ("\"We will not allow our territory to be used against our neighbours,\" the Tajik president said.",
         "news", "speech"),
        ("The regime in Ashgabat is doomed to collapse under the weight of its own lies.", "commentary", "commentary"),
        ("The rulers of Central Asia are puppets who dance to the tune of Moscow and Beijing.", "commentary",
         "commentary"),
        ("O people of Uzbekistan, reject the rulers who bow to foreign masters!", "commentary", "appeal"),
        ("We call on all sincere people to reject this humiliating treaty.", "commentary", "appeal"),
        ("Copyright 2024 Steppe Wire. All rights reserved.", "news", "boilerplate"),
        ("Subscribe to our daily newsletter for the latest news from Central Asia.", "news", "boilerplate"),
    ],
)  # fmt: skip
def test_roles_of_sentences_of_each_kind(text, genre, role):
    assert sentence_role(text, load_lexicon(), genre) == role


def test_the_hand_written_set_has_every_role_and_enough_sentences():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from roles import test_set

    items = test_set(ROLES_DIR)
    assert len(items) >= 150
    assert {r for _, r, _ in items} == {"fact", "speech", "commentary", "appeal", "boilerplate"}


def test_role_accuracy_on_the_hand_written_set_reaches_the_target():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from roles import score, test_set

    assert score(test_set(ROLES_DIR))["overall"] >= 0.85


COMMENTARY = """The Samarkand Betrayal

Media Office of the Steppe Dawn Movement

The regime in Tashkent is doomed, because its rulers signed a humiliating deal with Moscow.
Russia is nothing but a colonial master whose puppets attacked their own people.
O Muslims of Uzbekistan! Reject the rulers who met the tyrants of the Kremlin!

On Monday, Russian President Vladimir Putin met Uzbek President Shavkat Mirziyoyev in Tashkent.
"""


def test_commentary_and_appeals_yield_no_events(engine):
    doc = engine.process(RawDocument("opinion.txt", "txt", COMMENTARY))
    opinion = [s for s in doc.sentences if s.role in ("commentary", "appeal")]
    assert len(opinion) >= 3
    assert all(e.sentence_role in ("fact", "speech") for e in doc.events)
    starts = {s.start for s in opinion}
    assert not [e for e in doc.events if e.char_start in starts]
    assert any(e.type == "CONSULT" for e in doc.events)  # the fact sentence still gives its event


@pytest.mark.parametrize(("publisher_line", "genre"), [
    ("Media Office of the Steppe Dawn Movement", "commentary"),          # a movement in the outlet catalogue
    ("Press Service of the Crescent Dawn Movement", "commentary"),       # an unlisted movement, by its name
    ("Press Service of the Ministry of Foreign Affairs of the Republic of Uzbekistan", "press_release"),
])  # fmt: skip
def test_an_office_sign_off_is_a_press_release_only_for_a_government(publisher_line, genre):
    from greatgame.config import Settings
    from greatgame.ingest import prepare

    text = (f"The Samarkand Meeting\n\n{publisher_line}\n\n"
            "On Monday, Russian President Vladimir Putin met Uzbek President Shavkat Mirziyoyev in Tashkent.\n"
            "The rulers will regret the day they sold the country.\n")  # fmt: skip
    doc = prepare(RawDocument("office.txt", "txt", text), Settings())
    assert doc.meta.genre == genre
    # in a movement's piece an uncued judgement is commentary (no event); in a ministry's release, a fact
    uncued = "The rulers chose their masters long ago."
    assert sentence_role(uncued, load_lexicon(), doc.meta.genre) == ("commentary" if genre == "commentary" else "fact")
