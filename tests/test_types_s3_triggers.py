"""Session 3 trigger and type rules: verdicts a speaker reports, committed attacks, accepted loans,
recognition, exits, questions and refused service.

Each case runs the real annotator and coder on a sentence written for the test and checks what a
reader of the sentence would code.
"""

import datetime as dt

import pytest
from event_helpers import coder, ids

PUB = dt.date(2025, 4, 21)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def find(doc, typ):
    return [e for e in doc.events if e.type == typ]


def test_regrettable_that_is_the_speakers_criticism_of_the_judged(code):
    doc = code("Aliyev told Erdogan on Monday that it was regrettable that Armenia had not signed the peace treaty.")
    [ev] = find(doc, "DISAPPROVE")
    assert ids(ev.source) == ["ilham-aliyev"]
    assert ids(ev.target) == ["ARM"]
    assert ev.modality == "reported"


def test_disappointing_that_said_by_a_leader(code):
    doc = code("Tokayev said it was disappointing that Kyrgyzstan had closed the border.")
    [ev] = find(doc, "DISAPPROVE")
    assert ids(ev.source) == ["kassym-jomart-tokayev"]
    assert ids(ev.target) == ["KGZ"]


def test_no_time_for_war_told_to_a_leader_criticises_him(code):
    doc = code("Erdogan told Putin in Ankara that this was no time for war.")
    [ev] = find(doc, "DISAPPROVE")
    assert ids(ev.source) == ["recep-tayyip-erdogan"]
    assert ids(ev.target) == ["vladimir-putin"]
    assert find(doc, "CONSULT"), "telling a leader face to face is still a meeting"


def test_the_meeting_a_verdict_was_told_at_stays_a_meeting(code):
    doc = code("Erdogan told Putin at their meeting in Ankara that this was not an era of war.")
    assert find(doc, "DISAPPROVE")
    assert find(doc, "CONSULT")


def test_a_verdict_by_the_press_is_no_event(code):
    doc = code("Reporters said it was regrettable that the talks had been cancelled.")
    assert not find(doc, "DISAPPROVE")


def test_a_judgement_without_a_judged_clause_is_no_criticism(code):
    doc = code("Tokayev said the harvest was disappointing this year.")
    assert not find(doc, "DISAPPROVE")


def test_committing_an_attack_is_the_attack_not_a_promise(code):
    doc = code("Gunmen committed an attack on a school in Moscow on Friday.")
    assert [e.type for e in doc.events] == ["ASSAULT"]
    assert ids(doc.events[0].target) == ["RUS"]


def test_accepting_loans_is_the_lenders_aid(code):
    doc = code("Kyrgyzstan accepted Chinese loans for the new road.")
    [ev] = find(doc, "AID")
    assert ids(ev.source) == ["CHN"]
    assert ids(ev.target) == ["KGZ"]
    assert not find(doc, "AGREE")


def test_granting_recognition_is_support(code):
    doc = code("Russia granted formal recognition to the Taliban government on Thursday.")
    [ev] = find(doc, "SUPPORT")
    assert ids(ev.source) == ["RUS"]
    assert ids(ev.target) == ["TALIBAN"]
    assert not find(doc, "AID")


def test_withdrawing_recognition_reduces_relations(code):
    doc = code("Georgia withdrew its recognition of the government in Minsk on Friday.")
    assert find(doc, "SANCTION")
    assert not find(doc, "RETREAT")


def test_an_exit_from_an_alliance_is_a_sanction(code):
    doc = code("Armenia announced its exit from the CSTO on Friday.")
    [ev] = find(doc, "SANCTION")
    assert ids(ev.source) == ["ARM"]
    assert ids(ev.target) == ["CSTO"]


def test_believed_to_be_behind_is_an_accusation(code):
    doc = code("Tokayev said he believed Kyrgyzstan was behind the explosion.")
    [ev] = find(doc, "DISAPPROVE")
    assert ids(ev.source) == ["kassym-jomart-tokayev"]
    assert ids(ev.target) == ["KGZ"]


def test_a_question_holds_no_act_of_its_own(code):
    doc = code("Blinken questioned why Kazakhstan needed outside help to restore order.")
    assert [e.type for e in doc.events] == ["DISAPPROVE"]


def test_a_refusal_of_purpose_keeps_its_purpose_clause(code):
    doc = code("Uzbekistan refused to send troops to restore order in Kazakhstan.")
    assert [e.type for e in doc.events] == ["REJECT"]


def test_refused_service_is_no_rejection(code):
    doc = code("Migrants from Tajikistan were refused service in shops in Moscow.")
    assert not find(doc, "REJECT")


def test_dismissed_from_their_jobs_is_no_political_event(code):
    doc = code("Migrants from Tajikistan were dismissed from their jobs in Moscow last week.")
    assert not doc.events


def test_operations_against_protesters_are_repression(code):
    doc = code("Kazakh police took part in operations against protesters in Almaty on Wednesday.")
    assert [e.type for e in doc.events] == ["COERCE"]


def test_a_withdrawal_from_an_alliance_is_a_sanction(code):
    doc = code("Armenia completed its withdrawal from the CSTO on Friday.")
    [ev] = find(doc, "SANCTION")
    assert ids(ev.source) == ["ARM"]
    assert not find(doc, "RETREAT")


def test_a_withdrawal_of_troops_stays_a_retreat(code):
    doc = code("Russia completed the withdrawal of its troops from Kazakhstan on Thursday.")
    assert [e.type for e in doc.events] == ["RETREAT"]


def test_a_hostile_act_someone_says_they_will_not_do_is_no_threat(code):
    doc = code("Russia said its troops would not take part in operations against protesters in Kazakhstan.")
    assert not find(doc, "THREATEN")
    [ev] = find(doc, "COERCE")
    assert ev.modality == "negated"


def test_an_act_a_speaker_labels_as_aggression_is_coded(code):
    doc = code("Aliyev said the report ignored what Baku calls Armenian aggression against Azerbaijani villages.")
    [ev] = find(doc, "FIGHT")
    assert ids(ev.source) == ["ARM"]
    assert ids(ev.target) == ["AZE"]
    assert ev.modality == "reported"


def test_condemning_an_attack_does_not_repeat_the_attack(code):
    doc = code("Tokayev condemned the attack on the Kyrgyz embassy in Astana.")
    assert [e.type for e in doc.events] == ["DISAPPROVE"]


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("Armenia withdrew from the CSTO on Friday.", "SANCTION"),
        ("Uzbekistan quit the CSTO in 2012.", "SANCTION"),
        ("Russia withdrew its troops from Kazakhstan under the CSTO mandate.", "RETREAT"),
        ("The last CSTO troops left Kazakhstan on Wednesday.", "RETREAT"),
    ],
)
def test_leaving_a_bloc_is_a_sanction_and_troops_leaving_a_retreat(code, text, typ):
    assert [e.type for e in code(text).events] == [typ]


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("Turkey brokered a grain deal between Russia and Ukraine in July.", "CONSULT"),
        ("Azerbaijani forces repelled an Armenian attack near Lachin on Tuesday.", "FIGHT"),
        ("Militants ambushed an Afghan army convoy in Kunduz on Monday.", "ASSAULT"),
        ("Tajik troops ambushed Kyrgyz border guards near Batken.", "FIGHT"),
        ("Kazakhstan nationalised the assets of a Russian bank on Friday.", "COERCE"),
        ("Tajikistan and Kyrgyzstan normalised relations in 2025.", "SUPPORT"),
        ("Uzbekistan shut its border with Afghanistan on Sunday.", "SANCTION"),
        ("Gunmen detonated a bomb at a bus stop in Kabul.", "ASSAULT"),
        ("Russia invited Tokayev to Moscow for talks.", "CONSULT"),
    ],
)
def test_common_verbs_of_the_plover_types(code, text, typ):
    assert typ in [e.type for e in code(text).events]


def test_a_characterisation_in_the_present_is_no_persecution_event(code):
    doc = code("Modi, whose government persecutes the Muslims of Kashmir, met Putin in Samarkand on Friday.")
    assert "COERCE" not in [e.type for e in doc.events]


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("Hostilities between Armenia and Azerbaijan resumed on Tuesday.", "FIGHT"),
        ("An incursion by Tajik troops into Kyrgyzstan was reported on Monday.", "FIGHT"),
        ("Kazakhstan completed the evacuation of its citizens from Israel on Sunday.", "AID"),
    ],
)
def test_event_nouns_name_their_type(code, text, typ):
    assert typ in [e.type for e in code(text).events]


@pytest.mark.parametrize(
    ("text", "typ", "source", "target"),
    [
        ("The World Bank approved a 50 million dollar grant for Kyrgyzstan.", "AID", "WORLD_BANK", "KGZ"),
        ("Russia allocated 10 million dollars to Tajikistan for border security.", "AID", "RUS", "TJK"),
        ("Russia resumed arms deliveries to Tajikistan.", "AID", "RUS", "TJK"),
        ("Russia began gas deliveries to Uzbekistan on Saturday.", "COOPERATE", "RUS", "UZB"),
        ("Japan pledged 100 million dollars in aid to Kyrgyzstan on Monday.", "AGREE", "JPN", "KGZ"),
    ],
)
def test_aid_given_or_arranged_and_aid_pledged(code, text, typ, source, target):
    [ev] = find(code(text), typ)
    assert source in ids(ev.source)
    assert target in ids(ev.target)


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("Kazakhstan summoned the Russian ambassador over the remarks.", "DISAPPROVE"),
        ("Kyrgyz prosecutors summoned the journalist for questioning.", "COERCE"),
        ("Kazakhstan put its army on high alert.", "MOBILIZE"),
    ],
)
def test_summons_and_alerts(code, text, typ):
    assert [e.type for e in code(text).events] == [typ]


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("Putin spoke by phone with Tokayev on Monday.", "CONSULT"),
        ("Tokayev spoke by telephone to Erdogan.", "CONSULT"),
        ("Uzbekistan turned down the Russian proposal for a gas union.", "REJECT"),
    ],
)
def test_phrasal_verbs_of_talks_and_refusal(code, text, typ):
    assert [e.type for e in code(text).events] == [typ]


def test_speaking_to_reporters_is_no_meeting(code):
    assert not code("Putin spoke to reporters in Astana.").events


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("China and Kyrgyzstan set up a joint venture to mine gold.", "COOPERATE"),
        ("Turkmenistan resumed gas supplies to Russia.", "COOPERATE"),
        ("Uzbekistan and Turkey agreed last year to expand trade, and on Monday they boosted investment.", "COOPERATE"),
        ("Kazakhstan joined the Chinese Belt and Road initiative.", "AGREE"),
    ],
)
def test_cooperation_carried_out_and_joined(code, text, typ):
    assert typ in [e.type for e in code(text).events]


def test_a_record_is_no_event(code):
    assert not code("The CSTO has never before sent troops to defend a member government.").events


def test_a_negated_act_is_still_coded(code):
    [ev] = code("Russia did not send troops to Armenia in 2022.").events
    assert ev.modality == "negated"


@pytest.mark.parametrize(
    "text",
    [
        "Uzbek businesses have been asking Bishkek for the railway since the 1990s.",
        "Afghanistan has been importing Russian wheat since 2022.",
        "Kyrgyzstan has been buying Russian fuel for years.",
    ],
)
def test_a_practice_kept_up_for_years_is_no_event(code, text):
    assert not code(text).events


def test_a_demand_told_in_the_present_is_still_a_demand(code):
    assert [e.type for e in code("Kazakhstan demands compensation from Russia.").events] == ["DEMAND"]


def test_what_a_crowd_does_in_a_riot_is_the_protest(code):
    doc = code("Kazakh protesters stormed the mayor's office in Almaty, set fire to the building and seized the airport.")
    assert [e.type for e in doc.events] == ["PROTEST"]


def test_police_setting_fire_is_repression(code):
    assert [e.type for e in code("Kyrgyz police set fire to the houses of Tajik villagers.").events] == ["COERCE"]


def test_an_order_to_hold_people_is_their_detention(code):
    doc = code(
        "A Moscow court ordered the two men — identified as Ali Karimov and Rustam Nazarov, both citizens of "
        "Tajikistan — to be held in pre-trial detention for two months."
    )
    assert "COERCE" in [e.type for e in doc.events]
    assert "DEMAND" not in [e.type for e in doc.events]
