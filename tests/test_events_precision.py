"""What is not an event: background descriptions, the same happening told twice, conditions,
open questions, and event words that only describe a noun. Real events next to them stay."""

import datetime as dt

import pytest
from event_helpers import coder, ids, summary

PUB = dt.date(2024, 6, 12)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def test_a_bloc_described_in_the_present_is_no_meeting(code):
    doc = code("The Shanghai Cooperation Organisation brings together China, Russia, India and Pakistan.")
    assert doc.events == [], summary(doc)


@pytest.mark.parametrize(
    "practice",
    [
        "The Kazakh Defence Ministry stresses that joint exercises with foreign partners are held in "
        "accordance with the military doctrine.",
        "The Kazakh Defence Ministry says that such exercises are held every year.",
    ],
)
def test_a_practice_in_the_present_is_no_second_exercise(code, practice):
    doc = code("Kazakh and Russian troops began joint exercises near Almaty on Monday. " + practice)
    assert [e.trigger for e in doc.events] == ["began"], summary(doc)


def test_a_statement_in_the_present_is_still_coded(code):
    doc = code("The Ministry of Foreign Affairs of Kazakhstan condemns the attack on the Kazakh embassy in Kabul.")
    assert "DISAPPROVE" in {e.type for e in doc.events}, summary(doc)


@pytest.mark.parametrize(
    "text",
    ["Kyrgyzstan hosts a Russian air base at Kant.", "Kazakhstan sells grain to Afghanistan."],
)
def test_a_standing_arrangement_is_no_event(code, text):
    # docs/corpus-annotation.md, rule 3: hosting a base or a habitual trade relationship is a state
    assert code(text).events == [], summary(code(text))


def test_a_summit_and_the_clause_naming_its_host_give_one_event_by_the_host(code):
    doc = code(
        "Foreign ministers of the Commonwealth of Independent States met in Minsk on Friday for a summit "
        "hosted by Belarusian President Alexander Lukashenko."
    )
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert len(consult) == 1, summary(doc)
    assert ids(consult[0].source) == ["alexander-lukashenko"]


def test_taking_part_in_a_summit_held_under_a_chair_is_one_event_of_the_participant(code):
    doc = code(
        "Uzbek President Shavkat Mirziyoyev took part in the summit of the Organization of Turkic States, "
        "held in Astana under the chairmanship of Kazakh President Kassym-Jomart Tokayev."
    )
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert len(consult) == 1, summary(doc)
    assert ids(consult[0].source) == ["shavkat-mirziyoyev"]


def test_a_leader_staying_away_and_the_state_sending_nobody_is_one_negated_event(code):
    doc = code(
        "Azerbaijani President Ilham Aliyev did not attend the CIS summit and Baku sent no delegation."
    )
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert len(consult) == 1, summary(doc)
    assert consult[0].modality == "negated" and ids(consult[0].source) == ["ilham-aliyev"]


def test_the_purpose_of_a_meeting_is_no_second_meeting(code):
    doc = code(
        "Lavrov met Tajik Foreign Minister Sirojiddin Muhriddin in Dushanbe to discuss border security."
    )
    assert [e.trigger for e in doc.events if e.type == "CONSULT"] == ["met"], summary(doc)


def test_a_purpose_is_the_event_when_the_act_it_serves_is_none(code):
    doc = code("The IAEA dispatched inspectors to Iran to monitor the Bushehr plant.")
    assert "INVESTIGATE" in {e.type for e in doc.events}, summary(doc)


def test_the_condition_of_a_hypothetical_is_not_told(code):
    doc = code("Kazakhstan could close its border with Kyrgyzstan if Bishkek imposed new tariffs.")
    assert [(e.type, e.modality) for e in doc.events] == [("SANCTION", "hypothetical")], summary(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Uzbekistan has not said whether it plans to recognise the Taliban government.",
        "Beijing sees Islamabad as a partner in fighting the Taliban.",
    ],
)
def test_an_open_question_or_an_act_inside_a_noun_phrase_is_no_event(code, text):
    doc = code(text)
    assert doc.events == [], summary(doc)


def test_a_participle_describing_the_people_arrested_is_no_event(code):
    doc = code("Kyrgyz police detained three men trained in Syria.")
    assert [e.type for e in doc.events] == ["COERCE"], summary(doc)


@pytest.mark.parametrize(
    "text, typ",
    [
        ("Kyrgyzstan demands that Tajikistan cease fire and withdraw its troops from Kyrgyz territory.", "DEMAND"),
        ("Putin warned the West against allowing Kyiv to strike Russia with its missiles.", "THREATEN"),
        ("Pakistani Interior Minister Aftab Sherpao allowed opposition leader Fazl-ur-Rehman to hold a rally "
         "in Karachi.", "CONCEDE"),
    ],
)  # fmt: skip
def test_what_is_demanded_warned_against_or_allowed_has_not_happened(code, text, typ):
    doc = code(text)
    assert [e.type for e in doc.events] == [typ], summary(doc)


def test_a_present_act_that_names_no_one_else_describes_its_doer(code):
    doc = code(
        "Kazakhstan, a member of the Eurasian Economic Union and of the Shanghai Cooperation Organisation, "
        "supplies around 40% of the world's uranium."
    )
    assert doc.events == [], summary(doc)


def test_a_summit_told_again_and_a_rehearsed_scenario_add_no_events(code):
    doc = code(
        "Leaders of the Collective Security Treaty Organization met in Minsk on Thursday for a summit hosted "
        "by Belarusian President Alexander Lukashenko. Russian President Vladimir Putin and Kazakh President "
        "Kassym-Jomart Tokayev attended the summit. Only after the summit did Putin meet Tokayev. "
        "Russian and Tajik troops began joint exercises near Dushanbe on Tuesday. The Russian Defence Ministry "
        "said the troops would practise destroying armed groups crossing the border."
    )
    assert [e.trigger for e in doc.events if e.type == "CONSULT"] == ["hosted", "attended", "meet"], summary(
        doc
    )
    assert "FIGHT" not in {e.type for e in doc.events}, summary(doc)


def test_a_call_made_to_offer_condolences_holds_both_acts(code):
    doc = code("Rahmon telephoned Putin on Saturday to offer condolences.")
    assert [e.type for e in doc.events] == ["CONSULT", "SUPPORT"], summary(doc)


@pytest.mark.parametrize(
    "text, typ",
    [
        ("Russia's Defence Ministry published a statement that Russian and Tajik troops had begun joint "
         "exercises.", "COOPERATE"),
        ("The Head of State stressed that Kazakhstan supports the accession of Uzbekistan to the Eurasian "
         "Economic Union.", "SUPPORT"),
        ("Islamic State claimed responsibility for the attack on the concert hall in Moscow.", "ASSAULT"),
    ],
)  # fmt: skip
def test_what_someone_states_or_claims_is_reported(code, text, typ):
    doc = code(text)
    assert [(e.type, e.modality) for e in doc.events] == [(typ, "reported")], summary(doc)


def test_a_hostile_intention_denied_is_an_assurance_the_speakers_report(code):
    doc = code("Tajik officials say they do not intend to close the border with Afghanistan.")
    assert [(e.type, e.modality) for e in doc.events] == [("AGREE", "reported")], summary(doc)


def test_a_cooperative_intention_denied_is_a_negated_act(code):
    doc = code("Uzbek officials say they do not intend to join the Eurasian Economic Union.")
    assert ("AGREE", "negated") in [(e.type, e.modality) for e in doc.events], summary(doc)


def test_a_state_that_has_held_since_a_date_is_background(code):
    doc = code(
        "Russia removed the Taliban from its list of terrorist organisations on Friday. "
        "The movement had been banned in Russia since 2003."
    )
    assert [e.type for e in doc.events] == ["CONCEDE"], summary(doc)


def test_a_tally_since_a_date_is_still_told(code):
    doc = code("US drone strikes have killed at least eight al-Qaeda leaders in Yemen since July.")
    assert doc.events, summary(doc)


def test_a_commentary_tells_what_a_bloc_did_not_do(code):
    # "did not send": a past act, negated; the author's judgement around it is no event
    doc = code(
        "The CSTO, of which both countries are members, did not send a single soldier to stop the bloodshed.",
        genre="commentary",
    )
    assert [(e.type, e.modality) for e in doc.events] == [("MOBILIZE", "negated")], summary(doc)


def test_neither_nor_as_subject_negates_the_act(code):
    doc = code("Neither Russia nor China attended the summit in Washington on Friday.")
    assert [(e.type, e.modality) for e in doc.events] == [("CONSULT", "negated")], summary(doc)
