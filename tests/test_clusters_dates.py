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
    ]  # fmt: skip
    clusters = cluster_events(events)
    assert clusters["w:0"] == clusters["w:1"] == clusters["w:2"]
    assert clusters["w:3"] != clusters["w:0"]
    assert clusters["w:4"] != clusters["w:0"]
    assert events[3].background and not events[3].anchored


def test_a_sentence_naming_its_own_time_keeps_its_date():
    e = ev(3, "REJECT", [UZB], [RUS], "On Thursday Uzbekistan said it has not joined the Russian-led bloc.")
    assert e.anchored and not e.background
    assert cluster_events(visit() + [e])["w:3"] == cluster_events(visit() + [e])["w:0"]
