"""The coder reads a story, not lone sentences: group references, summits, pairs, several events."""

import datetime as dt

import pytest

from greatgame.models import Document, DocumentMeta

PUB = dt.date(2024, 7, 9)  # a Tuesday


@pytest.fixture(scope="module")
def code(catalogue):
    """Annotate (full parse) and code one text; returns the Document."""
    from greatgame.config import Settings
    from greatgame.events import Coder
    from greatgame.nlp import Annotator

    annotator = Annotator(Settings(fast_path=False, workers=1), catalogue)
    coder = Coder(catalogue)

    def run(text, title=None, published=PUB):
        doc = Document(DocumentMeta(id="t", published=published, title=title), text)
        doc = next(iter(annotator.annotate([doc])))
        coder.code(doc)
        return doc

    return run


def ids(side):
    return {a.id for a in side} | {a.country for a in side if a.country}


def events_in(doc, words):
    return [e for e in doc.events if words in e.sentence]


def test_the_leaders_of_a_summit_are_its_organisation(code):
    doc = code(
        "Leaders of the Shanghai Cooperation Organisation met in Astana on Monday for their annual summit. "
        "The leaders signed a declaration on regional security."
    )
    signed = [e for e in events_in(doc, "The leaders signed") if e.type == "AGREE"]
    assert signed and "SCO" in ids(signed[0].source)
    assert signed[0].date == dt.date(2024, 7, 8)  # the story's date, told once in the lead


def test_attending_a_summit_targets_the_organisation(code):
    doc = code(
        "Leaders of the Collective Security Treaty Organization met in Almaty on Monday. "
        "Kyrgyz President Sadyr Japarov also attended."
    )
    attended = [e for e in events_in(doc, "also attended") if e.type == "CONSULT"]
    assert attended and "sadyr-japarov" in ids(attended[0].source)
    assert "CSTO" in ids(attended[0].target)


def test_both_sides_are_the_parties_of_the_talks(code):
    doc = code(
        "Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat Mirziyoyev in Tashkent "
        "on Monday. Both sides agreed to expand trade."
    )
    agreed = [e for e in events_in(doc, "Both sides") if e.type == "AGREE"]
    assert agreed
    assert {"KAZ", "UZB"} <= ids(agreed[0].source) | ids(agreed[0].target)


def test_two_named_parties_meeting_are_source_and_target(code):
    doc = code("Kazakhstan and Uzbekistan held talks in Tashkent on border trade.")
    talks = [e for e in doc.events if e.type == "CONSULT"]
    assert talks and ids(talks[0].source) == {"KAZ"} and "UZB" in ids(talks[0].target)


def test_one_event_per_clause(code):
    doc = code("Tokayev visited Tashkent on Monday and signed a treaty of cooperation with Uzbekistan.")
    assert {"CONSULT", "AGREE"} <= {e.type for e in doc.events}


@pytest.mark.parametrize(
    "text, typ",
    [
        ("Kazakhstan removed the Taliban from its list of banned organisations.", "CONCEDE"),
        ("Tajik troops resumed fire along the border with Kyrgyzstan.", "FIGHT"),
        ("Belarus became a full member of the Shanghai Cooperation Organisation.", "AGREE"),
        ("Uzbekistan adopted the Samarkand Declaration with Kazakhstan.", "AGREE"),
        ("Kyrgyzstan and Tajikistan signed a ceasefire agreement.", "CONCEDE"),
        ("Tajik President Emomali Rahmon telephoned Putin to offer his condolences.", "SUPPORT"),
    ],
)
def test_new_verb_classes(code, text, typ):
    assert typ in {e.type for e in code(text).events}


def test_membership_is_an_agreement_with_the_organisation(code):
    doc = code("Belarus became a full member of the Shanghai Cooperation Organisation.")
    ev = next(e for e in doc.events if e.type == "AGREE")
    assert "BLR" in ids(ev.source) and "SCO" in ids(ev.target)


def test_words_of_an_organisations_name_are_no_event(code):
    doc = code("Kyrgyzstan is a member of the Collective Security Treaty Organization.")
    assert not [e for e in doc.events if e.type == "AGREE" and e.trigger == "Treaty"]


def test_headline_is_not_coded_twice(code):
    title = "Kazakhstan and Uzbekistan sign border treaty"
    doc = code(
        title + "\n\nKazakhstan and Uzbekistan signed a border treaty in Astana on Monday.", title=title
    )
    assert doc.events and all(e.sentence != title for e in doc.events)


def test_a_date_in_another_clause_is_not_the_event_date(code):
    doc = code(
        "Hungarian Prime Minister Viktor Orban attended the summit of the Organization of Turkic States on Friday; "
        "Hungary has held observer status in the organisation since 2018."
    )
    attended = [e for e in doc.events if e.type == "CONSULT"]
    assert attended and attended[0].date == dt.date(2024, 7, 5)


def test_ethnic_groups_are_not_their_namesake_state(code):
    doc = code("Serb forces killed three ethnic Albanians in a gunbattle in southern Serbia.")
    assert doc.events and all("ALB" not in ids(e.target) | ids(e.source) for e in doc.events)
