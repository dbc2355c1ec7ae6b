"""Linking through the Annotator: metonymy, titles and dates, back-references, new people."""

from __future__ import annotations

import datetime as dt

import pytest

from greatgame.config import Settings
from greatgame.models import Document, DocumentMeta


@pytest.fixture(scope="module")
def annotate(nlp_model, catalogue):
    from greatgame.nlp import Annotator

    annotator = Annotator(Settings(workers=1), catalogue)

    def run(text: str, published: str | None = "2023-06-01") -> Document:
        date = dt.date.fromisoformat(published) if published else None
        doc = Document(DocumentMeta(id="t.txt", published=date), text)
        return next(iter(annotator.annotate([doc])))

    return run


def mentioned(doc: Document, text: str) -> set[str]:
    """Actor ids of the mentions whose text contains ``text``."""
    return {m.actor_id for m in doc.mentions if text in m.text}


def test_capital_as_speaker_is_the_state_but_in_capital_is_a_place(annotate):
    doc = annotate("Moscow said it would respond. The talks were held in Tashkent on Friday.")
    assert mentioned(doc, "Moscow") == {"RUS"}
    assert "UZB" not in {a.id for a in doc.actors}
    places = [e for s in doc.sentences for e in s.entities if e.label == "PLACE"]
    assert [(p.text, p.actor_id) for p in places] == [("Tashkent", "UZB")]


def test_seat_of_government_and_dateline(annotate):
    doc = annotate("TASHKENT, July 30 — The Kremlin welcomed the decision.")
    assert mentioned(doc, "Kremlin") == {"RUS"}
    assert {a.id for a in doc.actors} == {"RUS"}


def test_demonym_is_the_state(annotate):
    doc = annotate("Uzbek and Russian troops began joint exercises.")
    assert {a.id for a in doc.actors} == {"UZB", "RUS"}


def test_soviet_era_is_no_actor_mention(annotate):
    doc = annotate("The gas flows through a Soviet-era pipeline.")
    assert doc.actors == []


@pytest.mark.parametrize(
    "published, holder",
    [("2023-06-01", "sergei-shoigu"), ("2025-03-01", "andrey-belousov")],
)
def test_title_alone_resolves_to_the_holder_on_the_document_date(annotate, published, holder):
    doc = annotate("The Russian Defence Minister arrived in Minsk for talks.", published)
    assert mentioned(doc, "Defence Minister") == {holder}
    actor = next(a for a in doc.actors if a.id == holder)
    assert actor.kind == "person" and actor.country == "RUS" and actor.role


def test_title_with_name_and_of_country(annotate):
    doc = annotate(
        "The meeting was attended by the President of the Republic of Kazakhstan Kassym-Jomart Tokayev "
        "and Secretary of State Antony Blinken."
    )
    ids = {a.id for a in doc.actors}
    assert {"kassym-jomart-tokayev", "KAZ", "antony-blinken"} <= ids


def test_undated_document_resolves_only_a_single_holder(annotate):
    doc = annotate("The Russian Defence Minister arrived in Minsk for talks.", None)
    assert mentioned(doc, "Defence Minister") == set()  # Shoigu and Belousov both held it


def test_back_references_surname_title_and_pronoun(annotate):
    text = (
        "Russian Foreign Minister Sergey Lavrov arrived in Tashkent on Monday. "
        "Lavrov met Uzbek officials. The minister later visited Samarkand. He said the talks went well."
    )
    doc = annotate(text)
    assert mentioned(doc, "Lavrov") == {"sergey-lavrov"}
    assert [m.actor_id for m in doc.mentions if m.text == "minister"] == ["sergey-lavrov"]
    assert [m.actor_id for m in doc.mentions if m.text == "He"] == ["sergey-lavrov"]
    assert next(a for a in doc.actors if a.id == "sergey-lavrov").mentions == 4


def test_uncatalogued_person_takes_country_and_role_from_the_title(annotate):
    doc = annotate("Tajik Deputy Foreign Minister Farrukh Sharipov met the delegation. Sharipov said little.")
    person = next(a for a in doc.actors if a.kind == "person")
    assert person.id == "farrukh-sharipov"
    assert person.country == "TJK"
    assert "Deputy Foreign Minister" in (person.role or "")
    assert person.mentions == 2


def test_author_byline_is_not_an_actor(annotate):
    doc = annotate("Uzbekistan hosted the summit.\n\nBy Leyla Mammadova")
    assert {a.id for a in doc.actors} == {"UZB"}


def test_mention_offsets_point_into_the_text(annotate):
    doc = annotate("On Friday, Kazakh President Kassym-Jomart Tokayev met Xi Jinping in Astana.")
    assert doc.mentions
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
    for s in doc.sentences:
        for e in s.entities:
            assert doc.text[e.start : e.end] == e.text


def test_a_blocs_own_council_is_not_the_un_security_council(annotate):
    doc = annotate(
        "The leaders attended a session of the Collective Security Council of the CSTO in Minsk. "
        "Later the UN Security Council met in New York."
    )
    assert mentioned(doc, "Collective Security Council") == {"CSTO"}  # a branch counts for its parent
    assert mentioned(doc, "UN Security Council") == {"UN"}
