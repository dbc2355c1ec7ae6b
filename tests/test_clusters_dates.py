"""Story clusters: dates the coder took from the story around a sentence."""

from __future__ import annotations

from greatgame.analysis.clusters import cluster_events, make_event

KAZ, RUS, UZB, USA = ({"id": c, "country": c} for c in ("KAZ", "RUS", "UZB", "USA"))


def ev(n, type_, src, tgt, sentence, date="2026-05-14", doc="w", published="2026-05-14"):
    """One event of a wire report, dated to the day (by its sentence or, for the coder, by the story)."""
    return make_event(
        f"{doc}:{n}", doc, type_, src, tgt, sentence, date, None, "day", published, None, "Wire A"
    )


def visit():
    return [
        ev(
            0, "CONSULT", [USA], [UZB], "The US secretary of state met Uzbek leaders in Tashkent on Thursday."
        ),
        ev(1, "AGREE", [USA], [UZB], "The two sides signed a memorandum on critical minerals."),
        ev(2, "SUPPORT", [USA], [UZB], "The secretary praised Tashkent's reforms at a news conference."),
    ]


def test_a_standing_state_of_affairs_dated_by_the_story_stays_apart_from_it():
    events = visit() + [
        ev(3, "SUPPORT", [UZB], [RUS], "Uzbekistan has not recognised Russia's annexation of Ukrainian regions."),
        ev(4, "CONSULT", [KAZ], [UZB], "Earlier, Kazakhstan and Uzbekistan agreed to link their power grids."),
        ev(5, "SUPPORT", [UZB], [RUS], "Uzbekistan has not recognised the council, which took power in March 2024."),
        ev(6, "COOPERATE", [KAZ], [RUS], "Kazakhstan remains Russia's largest trading partner in the region."),
    ]  # fmt: skip
    clusters = cluster_events(events)
    assert clusters["w:0"] == clusters["w:1"] == clusters["w:2"]
    assert clusters["w:3"] != clusters["w:0"]
    assert clusters["w:4"] != clusters["w:0"]
    assert clusters["w:5"] != clusters["w:0"]  # the date in the relative clause is not the sentence's
    assert clusters["w:6"] != clusters["w:0"]
    assert events[3].background and not events[3].anchored


def test_a_sentence_naming_its_own_time_keeps_its_date():
    e = ev(3, "REJECT", [UZB], [RUS], "On Thursday Uzbekistan said it has not joined the Russian-led bloc.")
    assert e.anchored and not e.background
    assert cluster_events(visit() + [e])["w:3"] == cluster_events(visit() + [e])["w:0"]


def test_a_late_commentarys_sentences_dated_only_by_its_publication_stay_with_its_story():
    kgz, tjk = {"id": "KGZ", "country": "KGZ"}, {"id": "TJK", "country": "TJK"}
    pub = "2026-05-20"
    events = [
        ev(0, "FIGHT", [kgz], [tjk], "On Wednesday fighting broke out again on the Kyrgyz-Tajik border.",
           "2026-05-13", "c", pub),
        ev(1, "FIGHT", [tjk], [kgz], "Both armies shelled villages along the border on Wednesday.", "2026-05-13",
           "c", pub),
        ev(2, "AID", [kgz], [], "On Thursday officials evacuated thousands of villagers.", "2026-05-14", "c", pub),
        ev(3, "CONCEDE", [kgz], [], "Only after days of killing did the security chiefs sign a ceasefire.", pub,
           "c", pub),
    ]  # fmt: skip
    clusters = cluster_events(events)
    assert len({clusters[e.id] for e in events}) == 1


def test_a_meeting_told_as_in_april_is_not_a_summit_on_the_first_days_of_may():
    chn, rus = {"id": "CHN", "country": "CHN"}, {"id": "RUS", "country": "RUS"}
    april = make_event(
        "a:0",
        "a",
        "CONSULT",
        [UZB],
        [chn, rus],
        "In April, Uzbekistan hosted the Chinese and Russian foreign ministers in Samarkand.",
        "2026-04",
        None,
        "month",
        "2026-05-04",
        None,
        "A",
    )
    may = make_event("m:0", "m", "CONSULT", [chn], [UZB, rus], "Chinese, Russian and Uzbek ministers met in "
                     "Samarkand on Saturday.", "2026-05-02", None, "day", "2026-05-02", None, "B")  # fmt: skip
    clusters = cluster_events([april, may])
    assert clusters["a:0"] != clusters["m:0"]


def test_another_outlets_standing_state_of_affairs_does_not_join_the_story():
    tokayev = {"id": "kassym-jomart-tokayev", "country": "KAZ"}
    events = [
        ev(0, "CONSULT", [tokayev], [UZB], "Tokayev held talks with Uzbek leaders in Tashkent on Thursday on "
           "water and trade.", doc="a"),
        ev(1, "AGREE", [tokayev], [UZB], "Tokayev and Mirziyoyev signed a water-sharing accord on Thursday.",
           doc="a"),
        ev(0, "CONSULT", [KAZ], [UZB], "The presidents of Kazakhstan and Uzbekistan met in Tashkent on Thursday.",
           doc="c"),
        ev(1, "AGREE", [KAZ], [UZB], "Kazakhstan and Uzbekistan signed agreements on trade and transit in Tashkent "
           "on Thursday.", doc="c"),
        make_event("b:0", "b", "REJECT", [tokayev], [], "Tokayev has long refused to share water from the Syr "
                   "Darya with Uzbekistan.", None, None, "none", "2026-05-14", None, "Wire B"),
    ]  # fmt: skip
    clusters = cluster_events(events)
    assert events[-1].background
    assert clusters["a:0"] == clusters["c:0"] != clusters["b:0"]


def test_a_later_pieces_present_perfect_is_not_dated_by_the_old_visit_it_recalls():
    late = "2026-07-10"
    events = visit() + [
        ev(0, "CONSULT", [USA], [UZB], "When the US secretary of state came to Tashkent on 14 May, he met Uzbek "
           "leaders.", "2026-05-14", "l", late),
        ev(1, "SUPPORT", [USA], [UZB], "The United States has praised Tashkent's reforms.", "2026-05-14", "l", late),
    ]  # fmt: skip
    clusters = cluster_events(events)
    assert clusters["l:0"] == clusters["w:0"]
    assert clusters["l:1"] != clusters["w:0"]
