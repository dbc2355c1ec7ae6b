"""Story clusters: a bloc's summit is not other talks in its town that week."""

from __future__ import annotations

import dataclasses

from greatgame.analysis.clusters import cluster_events, load_params, make_event

CHN, KGZ, KAZ, RUS, SCO = ({"id": c, "country": c} for c in ("CHN", "KGZ", "KAZ", "RUS", "SCO"))
SCO = {"id": "SCO", "country": None}
BISHKEK = {"name": "Bishkek", "country": "KGZ"}


def ev(eid, doc, type_, src, tgt, sentence, date, published, outlet, place=None):
    """A StoryEvent dated to the day (``date`` None: undated, at its publication day)."""
    return make_event(eid, doc, type_, src, tgt, sentence, date, None, "day" if date else "none", published,
                      place, outlet)  # fmt: skip


def summit_and_visit():
    """An SCO summit report naming the host's talks with Xi the day before, and a report of those talks."""
    return [
        ev("s:0", "s", "CONSULT", [SCO], [KGZ], "Leaders of the Shanghai Cooperation Organisation gathered in "
           "Bishkek on Friday for the bloc's annual summit.", "2026-06-12", "2026-06-12", "Wire A", BISHKEK),
        ev("s:1", "s", "AGREE", [SCO], [RUS, KAZ], "The SCO leaders adopted a declaration on regional security "
           "at the close of the summit.", "2026-06-12", "2026-06-12", "Wire A", BISHKEK),
        ev("s:2", "s", "CONSULT", [SCO], [CHN], "The SCO summit heard Chinese President Xi Jinping call for "
           "closer trade ties.", "2026-06-12", "2026-06-12", "Wire A", BISHKEK),
        ev("s:3", "s", "CONSULT", [KGZ], [CHN], "Xi had held talks with Kyrgyz President Sadyr Japarov in "
           "Bishkek the day before the summit.", "2026-06-11", "2026-06-12", "Wire A", BISHKEK),
        ev("v:0", "v", "CONSULT", [KGZ], [CHN], "Kyrgyz President Sadyr Japarov held talks with Chinese "
           "President Xi Jinping in Bishkek on Thursday during a state visit.", "2026-06-11", "2026-06-11",
           "Wire B", BISHKEK),
        ev("v:1", "v", "AGREE", [KGZ], [CHN], "Japarov and Xi signed agreements on a railway and on trade in "
           "Bishkek.", "2026-06-11", "2026-06-11", "Wire B", BISHKEK),
        ev("v:2", "v", "COOPERATE", [CHN], [KGZ], "China and Kyrgyzstan agreed to expand trade and railway "
           "links.", "2026-06-11", "2026-06-11", "Wire B", BISHKEK),
    ]  # fmt: skip


def test_a_blocs_summit_and_talks_in_its_town_the_day_before_are_two_stories():
    clusters = cluster_events(summit_and_visit())
    assert clusters["s:0"] == clusters["s:1"]
    assert clusters["v:0"] == clusters["v:1"]
    assert clusters["s:0"] != clusters["v:0"]


def test_without_the_bloc_check_the_summit_and_the_visit_run_together():
    params = dataclasses.replace(load_params(), bloc_share=0.0)
    clusters = cluster_events(summit_and_visit(), params)
    assert clusters["s:0"] == clusters["v:0"]


def test_two_reports_of_a_blocs_summit_stay_one_story():
    events = summit_and_visit()[:3] + [
        ev("t:0", "t", "CONSULT", [SCO], [KGZ], "The Shanghai Cooperation Organisation summit opened in Bishkek "
           "on Friday with leaders of the bloc.", "2026-06-12", "2026-06-13", "Wire C", BISHKEK),
        ev("t:1", "t", "AGREE", [SCO], [RUS], "The SCO leaders signed a declaration on security.", "2026-06-12",
           "2026-06-13", "Wire C", BISHKEK),
    ]  # fmt: skip
    clusters = cluster_events(events)
    assert clusters["s:0"] == clusters["t:0"] == clusters["t:1"]


def test_an_undated_sentence_opening_with_earlier_is_background():
    e = ev("x:0", "x", "CONCEDE", [KAZ], [RUS], "Earlier, Kazakhstan lifted its own ban.", None, "2026-06-12",
           "Wire A")  # fmt: skip
    assert e.background
    assert not ev("x:1", "x", "CONCEDE", [KAZ], [RUS], "Kazakhstan lifted its ban.", None, "2026-06-12",
                  "Wire A").background  # fmt: skip


def month(eid, doc, type_, src, tgt, sentence, month_, published, outlet):
    """A StoryEvent dated only to a month."""
    return make_event(eid, doc, type_, src, tgt, sentence, month_, None, "month", published, None, outlet)


def blast_and_later_mention():
    """A blast at a Dushanbe market told by four outlets, and an essay naming it two months later."""
    TJK, AFG = {"id": "TJK", "country": "TJK"}, {"id": "AFG", "country": "AFG"}
    return [
        ev("a:0", "a", "ASSAULT", [], [TJK], "A bomb exploded at a market in Dushanbe on Monday, killing "
           "eleven shoppers.", "2026-03-09", "2026-03-09", "Wire A"),
        ev("a:1", "a", "INVESTIGATE", [TJK], [], "Tajik police detained three suspects after the market "
           "explosion.", "2026-03-10", "2026-03-10", "Wire A"),
        ev("b:0", "b", "ASSAULT", [], [TJK], "Eleven people died when a bomb went off in a crowded market "
           "of the Tajik capital.", "2026-03-09", "2026-03-10", "Wire B"),
        ev("b:1", "b", "DISAPPROVE", [TJK], [AFG], "Tajikistan blamed militants based across the Afghan border "
           "for the bombing.", "2026-03-10", "2026-03-10", "Wire B"),
        ev("c:0", "c", "ASSAULT", [], [TJK], "The Korvon market bombing in Dushanbe killed eleven shoppers and "
           "wounded dozens.", "2026-03-09", "2026-03-11", "Wire C"),
        ev("c:1", "c", "CONSULT", [TJK], [AFG], "Tajik officials summoned the Afghan envoy over the market "
           "bombing.", "2026-03-11", "2026-03-11", "Wire C"),
        ev("e:0", "e", "ASSAULT", [], [TJK], "A blast at a busy Dushanbe market killed eleven people, the "
           "Tajik interior ministry said.", "2026-03-09", "2026-03-09", "Wire E"),
        ev("e:1", "e", "INVESTIGATE", [TJK], [], "Investigators in Dushanbe said three suspects were held over "
           "the blast.", "2026-03-10", "2026-03-10", "Wire E"),
        month("d:0", "d", "ASSAULT", [], [TJK], "Since the Korvon bombing in March, Dushanbe has tightened "
              "checks on traders.", "2026-03", "2026-05-20", "Essays"),
        ev("d:1", "d", "COERCE", [TJK], [], "Dushanbe police now check traders' papers every morning.",
           "2026-05-18", "2026-05-20", "Essays"),
    ]  # fmt: skip


def test_a_later_piece_naming_an_old_happening_joins_its_story():
    clusters = cluster_events(blast_and_later_mention())
    assert clusters["d:0"] == clusters["a:0"] == clusters["b:0"] == clusters["c:0"]
    assert clusters["d:1"] != clusters["a:0"]


def test_without_mentions_the_later_piece_stays_alone():
    clusters = cluster_events(blast_and_later_mention(), dataclasses.replace(load_params(), mention_days=0))
    assert clusters["d:0"] != clusters["a:0"]
