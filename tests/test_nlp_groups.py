"""Phrases that name a whole group of states are a mention of every member."""

from __future__ import annotations

import datetime as dt

import pytest

from greatgame.config import Settings
from greatgame.models import Document, DocumentMeta

FIVE = {"KAZ", "KGZ", "TJK", "TKM", "UZB"}


@pytest.fixture(scope="module")
def annotate(nlp_model, catalogue):
    from greatgame.nlp import Annotator

    annotator = Annotator(Settings(workers=1, fast_path=False), catalogue)

    def run(text: str) -> Document:
        doc = Document(DocumentMeta(id="t.txt", published=dt.date(2023, 6, 1)), text)
        return next(iter(annotator.annotate([doc])))

    return run


def group_ids(doc: Document) -> set[str]:
    return {m.actor_id for m in doc.mentions if m.how == "group"}


def test_the_central_asian_states_are_all_five(annotate):
    doc = annotate("Japan pledged loans to the Central Asian states on Friday.")
    assert group_ids(doc) == FIVE


def test_some_central_asian_states_are_not_all_five(annotate):
    doc = annotate("Japan pledged loans to several Central Asian states on Friday.")
    assert group_ids(doc) == set()


def test_afghanistans_northern_neighbours(annotate):
    doc = annotate("Afghanistan's northern neighbours closed their borders on Monday.")
    assert group_ids(doc) == {"UZB", "TJK", "TKM"}


def test_the_five_countries_only_in_a_story_about_central_asia(annotate):
    about = annotate("Leaders of Central Asia met in Tokyo. Japan offered the five countries new loans.")
    other = annotate("Leaders of the Andes met in Lima. Spain offered the five countries new loans.")
    assert group_ids(about) == FIVE
    assert group_ids(other) == set()
