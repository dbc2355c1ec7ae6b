"""The coder reads a story, not lone sentences: group references, summits, pairs, several events."""

import datetime as dt

import pytest
from event_helpers import coder

PUB = dt.date(2024, 7, 9)  # a Tuesday


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def code_genre(code, text, genre="commentary"):
    return code(text, genre=genre)


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


def test_a_reported_judgement_is_support_or_disapproval(code):
    doc = code("Tokayev said Russia was a strategic partner and ally of Kazakhstan.")
    ev = next(e for e in doc.events if e.type == "SUPPORT")
    assert "kassym-jomart-tokayev" in ids(ev.source) and "RUS" in ids(ev.target)
    assert ev.modality == "reported" and ev.attributed_to == "kassym-jomart-tokayev"


def test_doing_the_same_repeats_the_act_with_a_new_doer(code):
    doc = code(
        "Kazakhstan removed the Taliban from its list of banned organisations in December 2023, "
        "and Kyrgyzstan did the same last year."
    )
    repeated = [e for e in doc.events if "KGZ" in ids(e.source)]
    assert repeated and repeated[0].type == "CONCEDE" and "TALIBAN" in ids(repeated[0].target)
    assert repeated[0].date == dt.date(2023, 1, 1) and repeated[0].date_precision == "year"


def test_an_appeal_to_both_sides_targets_the_parties(code):
    doc = code(
        "Kyrgyz and Tajik troops clashed on the border on Friday. "
        "The Kremlin urged both sides to settle the situation by peaceful means."
    )
    urged = next(e for e in doc.events if e.type == "DEMAND")
    assert "RUS" in ids(urged.source) and {"KGZ", "TJK"} <= ids(urged.target)


def test_the_host_of_a_summit_is_its_source(code):
    doc = code(
        "Leaders of the Shanghai Cooperation Organisation met in Astana on Thursday for a summit hosted by "
        "Kazakh President Kassym-Jomart Tokayev."
    )
    hosted = [e for e in doc.events if e.trigger == "hosted"]
    assert hosted and "kassym-jomart-tokayev" in ids(hosted[0].source) and "SCO" in ids(hosted[0].target)


def test_the_next_day_counts_from_the_story_date(code):
    doc = code(
        "Protests broke out in Nukus on 1 July. "
        "President Shavkat Mirziyoyev withdrew the amendments the next day and declared a state of emergency."
    )
    later = [e for e in doc.events if "the next day" in e.sentence]
    assert {"CONCEDE", "COERCE"} <= {e.type for e in later}
    assert all(e.date == dt.date(2024, 7, 2) for e in later)


def test_last_month_names_of_the_past_year():
    from greatgame.events.dates import find_dates

    hits = find_dates("Last July Putin called the Taliban allies.", dt.date(2025, 7, 4))
    assert (hits[0].date, hits[0].precision) == (dt.date(2024, 7, 1), "month")
    hits = find_dates("fighting in April last year", dt.date(2022, 9, 16))
    assert hits[0].date == dt.date(2021, 4, 1)


def test_advice_and_appeals_are_no_events(code):
    assert not code("Brussels should fund ferries and port capacity directly.").events
    assert not code("Raise your voices against the rulers who serve Moscow.").events


def test_present_tense_characterisation_in_commentary_is_no_event(code):
    doc = code("The rulers sell the region's gas to whoever pays.", published=PUB)
    opinion = code_genre(code, "The rulers sell the region's gas to whoever pays, and Moscow approves.")
    assert all(e.trigger != "sell" for e in opinion.events)
    assert any(e.trigger == "sell" for e in doc.events) or not doc.events


def test_agreeing_that_a_summit_will_be_held_is_two_events(code):
    doc = code(
        "Leaders of the Organization of Turkic States met in Istanbul on Friday. "
        "The leaders agreed that the next summit would be held in Uzbekistan next year."
    )
    later = [e for e in doc.events if "next summit" in e.sentence]
    assert {"AGREE", "CONSULT"} <= {e.type for e in later}
    held = next(e for e in later if e.type == "CONSULT")
    assert held.modality == "planned" and "UZB" in ids(held.target) and held.date == dt.date(2025, 1, 1)
