"""The event coder on real annotated documents: types, actors, dates, places, modality, statements."""

import datetime as dt

import pytest
from event_helpers import coder

PUB = dt.date(2025, 4, 21)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def codes(side, catalogue):
    return {a.id for a in side} | {a.country for a in side if a.country}


def top(doc):
    return max(doc.events, key=lambda e: e.confidence)


def test_reception_and_signing_give_consult_and_agree(code, catalogue):
    doc = code(
        "Uzbek Defence Minister Bakhodir Kurbanov received a delegation headed by Russian Defence Minister "
        "Andrei Belousov on 22/1/2025; the two signed the 2025 Cooperation Plan."
    )
    by_type = {e.type: e for e in doc.events}
    assert {"CONSULT", "AGREE"} <= set(by_type)
    for ev in (by_type["CONSULT"], by_type["AGREE"]):
        assert {"RUS", "UZB"} <= codes(ev.source, catalogue) | codes(ev.target, catalogue)
        assert ev.date == dt.date(2025, 1, 22) and ev.date_precision == "day"
    assert "UZB" in codes(by_type["CONSULT"].source, catalogue)
    assert "RUS" in codes(by_type["CONSULT"].target, catalogue)


def test_announced_visit_is_a_planned_consult_with_a_date_range(code):
    ev = top(code("Lavrov will visit Tashkent on 22–23 April."))
    assert ev.type == "CONSULT" and ev.modality == "planned" and ev.mode == "visit"
    assert [a.id for a in ev.source] == ["sergey-lavrov"]
    assert (ev.date, ev.date_end) == (dt.date(2025, 4, 22), dt.date(2025, 4, 23))
    assert ev.location is not None and ev.location.name == "Tashkent" and ev.location.country == "UZB"


def test_reported_rejection_is_attributed_to_the_speaker(code, catalogue):
    ev = top(code("Lavrov said Russia considers US bases unacceptable."))
    assert ev.type == "REJECT" and ev.modality == "reported" and ev.attributed_to == "sergey-lavrov"
    assert "RUS" in codes(ev.source, catalogue) and "USA" in codes(ev.target, catalogue)
    assert ev.sentence_role == "speech"


@pytest.mark.parametrize(
    "text",
    ["Russia is doomed.", "The Tajik regime is nothing but a puppet of Moscow and its days are numbered."],
)
def test_opinion_yields_no_event(code, text):
    doc = code(text)
    assert doc.events == []
    assert doc.sentences[0].role == "commentary"


@pytest.mark.parametrize(
    "text, typ, modality",
    [
        ("Kazakhstan could impose sanctions on Kyrgyzstan if talks fail.", "SANCTION", "hypothetical"),
        ("Tajikistan did not sign the agreement with Kyrgyzstan.", "AGREE", "negated"),
        ("President Mirziyoyev is scheduled to visit China next month.", "CONSULT", "planned"),
        ("Kyrgyz police arrested twelve members of Hizb ut-Tahrir in Osh.", "COERCE", "asserted"),
        (  # what officials say happened is reported (docs/corpus-annotation.md), though no actor names them
            "Turkmenistan refused to join the CSTO exercises, officials in Ashgabat said.",
            "REJECT",
            "reported",
        ),
    ],
)
def test_modality(code, text, typ, modality):
    ev = top(code(text))
    assert ev.type == typ
    assert ev.modality == modality


def test_hypothetical_proposal(code):
    ev = top(code("Uzbekistan hopes to sign a transit agreement with Afghanistan."))
    assert ev.type == "AGREE" and ev.modality == "hypothetical"


def test_exercises_held_jointly_are_cooperation_alone_a_show_of_force(code, catalogue):
    joint = top(
        code(
            "Uzbekistan and Russia held joint exercises at the Termez training ground from July 30 to August 10."
        )
    )
    assert joint.type == "COOPERATE"
    assert {"UZB", "RUS"} <= codes(joint.source, catalogue) | codes(joint.target, catalogue)
    assert joint.location.name == "Termez training ground" and joint.location.lat is not None
    assert (joint.date, joint.date_end) == (dt.date(2024, 7, 30), dt.date(2024, 8, 10))
    alone = top(code("Russia held military exercises in Tajikistan on Monday."))
    assert alone.type == "MOBILIZE"


def test_particles_change_the_type(code, catalogue):
    ev = top(code("Kazakhstan called on Kyrgyzstan to reopen the border."))
    assert ev.type == "DEMAND"
    assert "KGZ" in codes(ev.target, catalogue)


def test_without_publication_date_relative_dates_are_null(code):
    ev = top(code("Kazakhstan and China signed a gas agreement on Sunday.", published=None))
    assert ev.type == "AGREE" and ev.date is None and ev.date_precision == "none"


def test_quote_becomes_a_statement_with_speaker_role_and_stance(code):
    doc = code(
        "Shavkat Mirziyoyev met Kassym-Jomart Tokayev in Samarkand on Sunday. "
        '"Our friendship with Kazakhstan is strong and our cooperation is fruitful," Mirziyoyev said.'
    )
    assert any(e.type == "CONSULT" and e.location and e.location.name == "Samarkand" for e in doc.events)
    st = doc.statements[0]
    assert st.speaker == "shavkat-mirziyoyev" and st.speaker_role
    assert {"id": "KAZ", "stance": "positive"} in st.about


def test_negative_stance(code):
    doc = code('"The deployment of US bases in Central Asia is unacceptable," Sergey Lavrov said.')
    st = doc.statements[0]
    assert st.speaker == "sergey-lavrov"
    assert {"id": "USA", "stance": "negative"} in st.about


def test_confidence_ranks_the_main_event_first(code):
    doc = code(
        "Israeli troops shelled Gaza on Monday after Palestinian militants fired rockets, the army said."
    )
    assert len(doc.events) >= 1
    assert all(0.0 <= e.confidence <= 1.0 for e in doc.events)
    assert top(doc).trigger == "shelled"


def test_an_undated_past_event_takes_the_date_of_the_story(code):
    doc = code(
        "Kazakhstan and Uzbekistan held talks in Astana on 12 March 2025. "
        "The two sides signed a water agreement. Tokayev will visit Tashkent."
    )
    signed = next(e for e in doc.events if e.type == "AGREE")
    assert signed.date == dt.date(2025, 3, 12)
    planned = next(e for e in doc.events if e.modality == "planned")
    assert planned.date is None
