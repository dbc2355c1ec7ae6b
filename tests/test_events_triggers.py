"""Trigger recognition: which words report an event and of which PLOVER type.

Each case is a sentence a reader codes without hesitation; the test runs the real annotator and
coder and looks at the types (and, where the construction decides it, the sides) of the events.
"""

import datetime as dt

import pytest
from event_helpers import coder

from greatgame.events.lexicon import PatternFileError, _pattern

PUB = dt.date(2025, 4, 21)


@pytest.fixture(scope="module")
def code(code_text):
    return coder(code_text, PUB)


def types(doc):
    return [e.type for e in doc.events]


def sides(ev):
    return {a.id for a in ev.source} | {a.country for a in ev.source if a.country}, {a.id for a in ev.target} | {
        a.country for a in ev.target if a.country
    }


def one(doc, typ):
    found = [e for e in doc.events if e.type == typ]
    assert found, f"no {typ} event in {types(doc)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        # a particle the parser made an adverb, in a relative clause
        ("The leaders met in Lachin, which Azerbaijani forces took back in 2020.", "FIGHT"),
        # 'called for' with a passive infinitive clause
        ("Tokayev called for the sanctions on Kazakh banks to be lifted.", "DEMAND"),
        # 'work with' as a stated intention is a promise
        ("Blinken said the United States would work with Kazakhstan on critical minerals.", "AGREE"),
        # a possible use of force, said by the side that has it, is a threat
        ("Putin said Russia could use its new missiles against Ukraine.", "THREATEN"),
        # a stated retaliation
        ("Lavrov said Russia would respond to any deployment of US forces in Central Asia.", "THREATEN"),
        # prepositional object decides the type
        ("Xi Jinping's government holds hundreds of Uighur activists in camps.", "COERCE"),
        # people as the object of 'welcome' are guests
        ("Shavkat Mirziyoyev welcomed the Europeans in Samarkand on Friday.", "CONSULT"),
        ("The European Union and Uzbekistan announced a strategic partnership on Friday.", "AGREE"),
        ("Russian troops took up positions around Almaty airport on Friday.", "MOBILIZE"),
        ("Tajik forces entered Kyrgyz territory on Friday.", "FIGHT"),
        ("Police in Almaty said dozens of attackers had been killed overnight.", "ASSAULT"),
    ],
)
def test_construction_gives_the_type(code, text, typ):
    assert typ in types(code(text)), types(code(text))


def test_relative_pronoun_object_is_its_antecedent(code):
    ev = one(code("Georgia has not returned to the CIS, which Tbilisi left in 2009."), "SANCTION")
    assert "GEO" in sides(ev)[0] and "CIS" in sides(ev)[1]


def test_a_demand_covers_every_act_demanded(code):
    doc = code("Kyrgyzstan demands that Tajikistan immediately cease fire, withdraw its units and pay damages.")
    assert types(doc).count("DEMAND") == 1
    assert "RETREAT" not in types(doc) and "AID" not in types(doc)


def test_negated_help_is_no_promise(code):
    doc = code("Kazakhstan has said it will not help Russia circumvent Western sanctions.")
    assert "AGREE" not in types(doc)
    assert one(doc, "AID").modality == "negated"


@pytest.mark.parametrize(
    "text",
    [
        "Russia's Defence Ministry said the troops would practise destroying illegal armed groups.",
        "The presidents signed a treaty defining the point where the borders of their countries meet.",
        "Kazakhstan said the line would shorten the route for goods from China to Europe.",
        "The agreement is meant to reduce Kazakhstan's dependence on China for minerals.",
        "Islamic State claimed responsibility for the attack shortly after it took place.",
    ],
)
def test_no_event_of_the_wrong_kind(code, text):
    bad = {"FIGHT", "COERCE", "CONSULT", "AGREE", "SANCTION", "CONCEDE"}
    assert not bad & set(types(code(text))) - {"ASSAULT"}, types(code(text))


def test_what_only_places_an_event_in_time_does_not_carry_it(code):
    doc = code("The trip to Tashkent followed Putin's visits to China and Belarus earlier in May.")
    ev = one(doc, "CONSULT")
    assert ev.trigger == "visits"


def test_unknown_type_in_a_new_pattern_field_is_reported():
    with pytest.raises(PatternFileError, match="HOLD"):
        _pattern("hold", {"pobjects": {"in camps": "HOLD"}}, "verbs.yaml")


def test_a_party_saying_another_failed_it_criticises_it(code):
    ev = one(code("Pashinyan said Russia had not fulfilled its obligations to Armenia."), "DISAPPROVE")
    source, target = sides(ev)
    assert "nikol-pashinyan" in source and "RUS" in target


def test_the_press_reporting_a_failure_criticises_nobody(code):
    doc = code("Kazakhstan and Kyrgyzstan failed to agree on the border, officials reported.")
    assert "DISAPPROVE" not in types(doc) and "REJECT" in types(doc)


def test_saying_another_was_behind_an_attack_accuses_it(code):
    ev = one(code("Lavrov said that Britain was behind the attack on the pipeline."), "DISAPPROVE")
    source, target = sides(ev)
    assert "sergey-lavrov" in source and "GBR" in target


def test_there_are_dead_and_wounded_names_victims_not_an_attack(code):
    doc = code("As a result of the shelling there are dead and wounded among the servicemen of the Kyrgyz Republic.")
    assert "ASSAULT" not in types(doc)


def test_help_governs_the_act_helped(code):
    doc = code("Russia has said it could use its base to help defend Tajikistan if the border situation deteriorated.")
    assert "SUPPORT" not in types(doc)
    assert "TJK" in sides(one(doc, "AID"))[1]


@pytest.mark.parametrize(
    ("text", "typ", "absent"),
    [
        # announcing aid, a loan or investment is a promise: nothing has been given yet
        ("At the meeting, Blinken announced an additional 25 million dollars for Central Asia.", "AGREE", "AID"),
        ("Von der Leyen announced a 12 billion euro investment package for Kazakhstan.", "AGREE", "AID"),
        # a referendum that carries a proposal is support for it
        ("Kazakhstan voted in Sunday's referendum to build the country's first nuclear power plant.",
         "SUPPORT", "COOPERATE"),
        # a stance someone says they will always hold stays a stance
        ("Xi told Tokayev that China would always support Kazakhstan's sovereignty.", "SUPPORT", "AGREE"),
        # going on doing it is a pledge
        ("Tokayev said Kazakhstan would continue to support the organisation's work.", "AGREE", None),
    ],
)  # fmt: skip
def test_promises_stances_and_votes(code, text, typ, absent):
    found = types(code(text))
    assert typ in found and absent not in found, found


def test_a_visit_not_made_is_a_negated_meeting(code):
    ev = one(code("Armenian Prime Minister Nikol Pashinyan did not come to Bishkek."), "CONSULT")
    assert ev.modality == "negated"
    assert "nikol-pashinyan" in sides(ev)[0]


@pytest.mark.parametrize(
    "text",
    [
        "The summit came less than three weeks after the two presidents signed the treaty.",
        "Sadyr Japarov came to power in 2021.",
        "Tashkent has so far avoided any talk of foreign troops on its soil.",
    ],
)
def test_no_meeting_without_one(code, text):
    assert "CONSULT" not in types(code(text)), types(code(text))


def test_telling_a_leader_face_to_face_is_a_meeting_and_what_was_said_is_coded_too(code):
    doc = code("In Astana on Wednesday, Xi told Kazakh President Kassym-Jomart Tokayev that China would always "
               "support Kazakhstan's sovereignty.")  # fmt: skip
    meeting = one(doc, "CONSULT")
    assert "xi-jinping" in sides(meeting)[0] and "kassym-jomart-tokayev" in sides(meeting)[1]
    assert one(doc, "SUPPORT").modality == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Tokayev told his guests that the Turkic states should build a common transport space.",
        "Zamir Kabulov told a Russian radio station that Moscow was in no hurry.",
    ],
)
def test_telling_a_group_or_the_press_is_no_meeting(code, text):
    assert "CONSULT" not in types(code(text)), types(code(text))


def test_saying_one_does_not_intend_a_hostile_act_is_an_assurance(code):
    doc = code("The Taliban say they do not intend to threaten Afghanistan's northern neighbours.")
    assert "THREATEN" not in types(doc)
    assert one(doc, "AGREE").modality == "reported"


@pytest.mark.parametrize(
    ("text", "typ", "absent"),
    [
        # the purpose of a procedure is the procedure, not an act of its own
        ("The Shanghai Cooperation Organisation began the procedure to admit Belarus.", "AGREE", "RETREAT"),
        # condolences sent are sympathy, not aid
        ("Rahmon sent condolences to Putin after the attack.", "SUPPORT", "AID"),
        # people killed in unrest died in fighting between the state and the crowd
        ("Eighteen people were killed and 243 injured in unrest in Uzbekistan's region of Karakalpakstan, "
         "the authorities said.",
         "FIGHT", "ASSAULT"),
        # pressing an offensive is fighting, not a demand
        ("Taliban fighters pressed an offensive across the north of Afghanistan.", "FIGHT", "DEMAND"),
        # sending peacekeepers, announced, is a promise of help, not a deployment told
        ("Pashinyan announced that the CSTO would send peacekeeping forces to Kazakhstan.", "AGREE", "MOBILIZE"),
        ("Kazakhstan objected to the new railway.", "DISAPPROVE", None),
        # what a signed text does is what signing it does
        ("India did not sign the paragraph of the declaration endorsing China's Belt and Road Initiative.",
         "SUPPORT", "AGREE"),
        # closing a nuclear test site winds down a military activity
        ("Kazakhstan closed the Semipalatinsk test site in 1991.", "RETREAT", "SANCTION"),
    ],
)  # fmt: skip
def test_the_object_or_the_setting_decides(code, text, typ, absent):
    found = types(code(text))
    assert typ in found and absent not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Russia, Kazakhstan's closest ally, still lists the Taliban as a terrorist organisation.",
        "The Taliban had been banned in Russia since 2003.",
        "Russia has listed the Taliban as a terrorist organisation since 2003.",
        "Tajikistan hosts Russia's 201st military base, its largest installation abroad.",
        "Kazakhstan sells grain and flour to Afghanistan.",
    ],
)
def test_a_standing_state_is_no_event(code, text):
    assert not {"COERCE", "COOPERATE"} & set(types(code(text))), types(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Russia banned the Taliban in 2003.",
        "Migrants without papers are now barred from opening bank accounts in Russia, the Interior Ministry said.",
    ],
)
def test_the_act_that_starts_a_state_is_an_event(code, text):
    assert "COERCE" in types(code(text)), types(code(text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Organization of Turkic States brings together Turkey, Azerbaijan, Kazakhstan and Uzbekistan.",
         "CONSULT"),
        ("The leaders said the Fergana Valley should become a zone of peace and prosperity.", "DEMAND"),
        ("Parliament passed a law last year that allows such bans to be lifted.", "CONCEDE"),
    ],
)  # fmt: skip
def test_descriptions_and_wishes_are_no_acts(code, text, absent):
    assert absent not in types(code(text)), types(code(text))


def test_a_leader_who_was_in_a_capital_was_there_on_a_visit(code):
    ev = one(code("Pakistani Prime Minister Imran Khan was also in Dushanbe."), "CONSULT")
    assert "imran-khan" in sides(ev)[0] and "TJK" in sides(ev)[1]


@pytest.mark.parametrize(
    "text",
    ["Kazakhstan was in talks with Russia.", "Imran Khan was in Dushanbe to attend the summit."],
)
def test_being_somewhere_for_another_act_is_that_act_only(code, text):
    assert "was" not in [e.trigger for e in code(text).events]


def test_calling_off_joint_exercises_refuses_military_cooperation(code):
    doc = code("Astana cancelled joint military exercises with Russia that were planned for the spring.")
    assert types(doc) == ["REJECT"]
    assert sides(one(doc, "REJECT")) == ({"KAZ"}, {"RUS"})


def test_a_cancelled_visit_still_reduces_relations(code):
    assert types(code("The Kyrgyz foreign minister cancelled a planned visit to Tajikistan.")) == ["SANCTION"]


def test_a_ceremony_marking_the_start_of_works_is_cooperation(code):
    doc = code("Turkmenistan and Iran held a ceremony at the border to mark the start of work on the new railway.")
    assert sides(one(doc, "COOPERATE")) == ({"TKM"}, {"IRN"})


def test_marking_an_anniversary_is_no_event(code):
    assert code("Kazakhstan and Kyrgyzstan marked the anniversary of the treaty with a concert.").events == []


def test_an_attack_by_unnamed_gunmen_has_no_source(code):
    doc = code("On Friday evening gunmen opened fire on worshippers at a mosque near Dushanbe.")
    ev = one(doc, "ASSAULT")
    assert ev.source == [] and "TJK" in sides(ev)[1]


def test_a_claim_after_the_attack_is_the_claimants_and_the_toll_is_no_second_attack(code):
    doc = code(
        "On Friday evening gunmen opened fire on worshippers at a mosque near Dushanbe. "
        "Around 40 people were killed. The Islamic State group claimed the attack."
    )
    assert [(e.type, [a.id for a in e.source], e.modality) for e in doc.events] == [
        ("ASSAULT", [], "asserted"),
        ("ASSAULT", ["ISIS"], "reported"),
    ]


def test_refraining_from_condemning_is_a_negated_criticism(code):
    ev = one(code("India refrained from condemning Russia."), "DISAPPROVE")
    assert ev.modality == "negated" and sides(ev) == ({"IND"}, {"RUS"})


def test_condolences_carried_by_a_call_go_the_calls_way(code):
    doc = code("Tokayev telephoned Erdogan with condolences on Monday.")
    assert sorted(types(doc)) == ["CONSULT", "SUPPORT"]
    assert sides(one(doc, "SUPPORT")) == ({"kassym-jomart-tokayev", "KAZ"}, {"recep-tayyip-erdogan", "TUR"})


def test_earning_transit_fees_is_cooperation_with_the_seller(code):
    doc = code("Georgia, which buys Azerbaijani oil, will earn transit fees.")
    ev = next(e for e in doc.events if e.type == "COOPERATE")
    assert sides(ev) == ({"GEO"}, {"AZE"})


def test_the_withdrawal_of_troops_from_a_country_is_their_retreat_from_it(code):
    ev = next(e for e in code("The withdrawal of Russian troops from Tajikistan began on Monday.").events if e.type == "RETREAT")
    assert sides(ev) == ({"RUS"}, {"TJK"})


def test_warning_a_state_about_a_planned_attack_is_a_tip_off_not_a_threat(code):
    doc = code("Kazakhstan had warned Kyrgyzstan about a possible attack on the embassy.")
    assert types(doc) == ["COOPERATE"] and sides(doc.events[0]) == ({"KAZ"}, {"KGZ"})
    assert types(code("Russia warned Ukraine of a strong response.")) == ["THREATEN"]


def test_a_loan_received_is_the_lenders_aid_to_the_receiver(code):
    ev = next(e for e in code("Tajikistan received a loan from Iran.").events if e.type == "AID")
    assert sides(ev) == ({"IRN"}, {"TJK"})


def test_choosing_a_motto_is_no_cooperation(code):
    assert code('Uzbekistan chose "Silk Road Forward" as the motto of its presidency.').events == []
