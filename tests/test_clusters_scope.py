"""Story clusters: when one report tells a domestic affair and a foreign act, and when it does not."""

from __future__ import annotations

from greatgame.analysis.clusters import cluster_events, make_event

KAZ, KGZ, RUS, TJK, UZB = ({"id": c, "country": c} for c in ("KAZ", "KGZ", "RUS", "TJK", "UZB"))
ISIS = {"id": "ISIS", "country": None}
CSTO = {"id": "CSTO", "country": None}


def ev(n, type_, src, tgt, sentence, date, doc="w", published="2026-04-10"):
    """One event of a wire report, dated to the day."""
    return make_event(
        f"{doc}:{n}", doc, type_, src, tgt, sentence, date, None, "day", published, None, "Wire A"
    )


def test_unrest_and_the_foreign_troops_sent_against_it_are_two_stories():
    events = [
        ev(0, "PROTEST", [UZB], [], "Thousands protested in Andijan on Monday over fuel prices.", "2026-04-06"),
        ev(1, "COERCE", [UZB], [], "Police detained hundreds of protesters on Tuesday.", "2026-04-07"),
        ev(2, "FIGHT", [UZB], [], "Security forces fired on crowds in Andijan on Wednesday.", "2026-04-08"),
        ev(3, "COERCE", [UZB], [], "The government imposed a curfew on Wednesday.", "2026-04-08"),
        ev(4, "MOBILIZE", [RUS], [UZB], "Russia flew paratroopers to Tashkent on Thursday.", "2026-04-09"),
        ev(5, "AID", [KAZ], [UZB], "Kazakhstan sent a police unit to guard airports on Thursday.", "2026-04-09"),
        ev(6, "MOBILIZE", [RUS], [UZB], "Russian troops took over guarding power stations.", "2026-04-09"),
    ]  # fmt: skip
    clusters = cluster_events(events)
    assert clusters["w:0"] == clusters["w:3"]
    assert clusters["w:4"] == clusters["w:6"]
    assert clusters["w:0"] != clusters["w:4"]


def test_unrest_and_a_blocs_peacekeepers_sent_against_it_are_two_stories():
    events = [
        ev(0, "PROTEST", [KGZ], [], "Crowds marched on the government house in Osh on Monday.", "2026-04-06"),
        ev(1, "COERCE", [KGZ], [], "Police arrested dozens of marchers on Tuesday.", "2026-04-07"),
        ev(2, "COERCE", [KGZ], [], "The president declared a state of emergency on Tuesday.", "2026-04-07"),
        ev(3, "DEMAND", [KGZ], [CSTO], "The president asked the Russian-led alliance for help on Tuesday.",
           "2026-04-07"),
        ev(4, "MOBILIZE", [CSTO], [KGZ], "The alliance flew a peacekeeping battalion to Osh on Wednesday.",
           "2026-04-08"),
        ev(5, "COERCE", [CSTO], [KGZ], "The peacekeepers took over guarding the airport on Wednesday.",
           "2026-04-08"),
    ]  # fmt: skip
    clusters = cluster_events(events)
    assert clusters["w:0"] == clusters["w:2"]
    assert clusters["w:3"] == clusters["w:4"] == clusters["w:5"]
    assert clusters["w:0"] != clusters["w:4"]


def test_a_border_war_and_its_evacuations_are_one_story():
    events = [
        ev(0, "FIGHT", [KGZ], [TJK], "Kyrgyz and Tajik troops exchanged artillery fire on Tuesday.", "2026-04-07"),
        ev(1, "FIGHT", [TJK], [KGZ], "Tajik forces shelled two Kyrgyz villages on Wednesday.", "2026-04-08"),
        ev(2, "AID", [KGZ], [], "Kyrgyz officials evacuated twenty thousand villagers on Wednesday.", "2026-04-08"),
        ev(3, "CONCEDE", [KGZ], [], "A ceasefire was signed on Thursday.", "2026-04-09"),
        ev(4, "COERCE", [KGZ], [], "Bishkek closed its border crossings on Thursday.", "2026-04-09"),
    ]  # fmt: skip
    clusters = cluster_events(events)
    assert len({clusters[e.id] for e in events}) == 1


def test_two_home_sentences_of_a_long_attack_report_stay_with_it():
    events = [
        ev(0, "ASSAULT", [ISIS], [RUS], "Islamic State gunmen attacked a shopping centre in Kazan on Friday.", "2026-04-03"),
        ev(1, "COERCE", [RUS], [], "A court charged three men on Sunday.", "2026-04-05"),
        ev(2, "COERCE", [RUS], [], "The men were detained on Saturday near the border.", "2026-04-04"),
        ev(3, "COOPERATE", [KAZ], [RUS], "Kazakhstan shared intelligence on the suspects on Saturday.",
           "2026-04-04"),
        ev(4, "SUPPORT", [TJK], [RUS], "Tajikistan's president telephoned Moscow on Saturday with condolences.",
           "2026-04-04"),
        ev(5, "CONSULT", [TJK], [RUS], "The two leaders agreed on Saturday to work together against terrorism.",
           "2026-04-04"),
        ev(6, "AID", [UZB], [RUS], "Uzbekistan sent doctors to Kazan on Saturday.", "2026-04-04"),
        ev(7, "SUPPORT", [KGZ], [RUS], "Kyrgyzstan declared a day of mourning on Sunday.", "2026-04-05"),
    ]  # fmt: skip
    clusters = cluster_events(events)
    assert len({clusters[e.id] for e in events}) == 1


def test_a_trips_earlier_stop_told_in_a_summit_report_is_its_own_story():
    chn = {"id": "CHN", "country": "CHN"}
    samarkand, astana = {"name": "Samarkand", "country": "UZB"}, {"name": "Astana", "country": "KAZ"}

    def placed(n, doc, type_, src, tgt, sentence, date, place, published):
        return make_event(
            f"{doc}:{n}", doc, type_, src, tgt, sentence, date, None, "day", published, place, doc
        )

    trip = (
        "Xi arrived in Samarkand on Thursday for the summit after a state visit to Kazakhstan, where he held "
        "talks with Tokayev in Astana on Wednesday."
    )
    events = [
        placed(0, "s", "CONSULT", [chn], [UZB], trip, "2026-09-17",
               samarkand, "2026-09-18"),
        placed(1, "s", "CONSULT", [chn], [KAZ], trip,
               "2026-09-16", astana, "2026-09-18"),
        placed(2, "s", "AGREE", [chn], [UZB], "Xi and Mirziyoyev signed trade deals on Thursday.", "2026-09-17",
               None, "2026-09-18"),
        placed(3, "s", "CONSULT", [RUS], [chn], "Putin met Xi on the sidelines of the summit on Thursday.",
               "2026-09-17", None, "2026-09-18"),
    ]  # fmt: skip
    clusters = cluster_events(events)
    assert clusters["s:0"] == clusters["s:2"] == clusters["s:3"]
    assert clusters["s:1"] != clusters["s:0"]
