"""Story clustering, step 1: the events of one document grouped into *accounts*.

An account is what one document tells of one happening. Two events of a document belong
together when their dates fit (day-dated within ``window_days``; undated events sit at the
publication date; so are those a late commentary dates only by its publication day, see ``_loose``)
and they do not happen in two different countries. Undated background ("has
long", "since", "remains") stays apart, as do undated mentions of "last year", "earlier this
month", "years ago". An account holding both a domestic affair (all actors of one state) and an
international one, each with ``scope_split_min`` events and ``scope_split_share`` of the account or
more, is split when the international part holds a material act linking the home state with another
state (troops sent, aid), unless that act is fighting between them (``war_types``): a border war's
evacuations and ceasefire, whose coded events often name only one side, are the war's. Before
that, a trip's other stop told in a report (talks in one country the day before a summit in
another, ``split_stops``) is split off.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from greatgame.analysis.cluster_model import (
    ClusterParams,
    StoryEvent,
    gap,
    is_bloc,
    is_state,
    is_town,
    jaccard,
)
from greatgame.analysis.cluster_text import TfIdf, tokens
from greatgame.analysis.linkage import UnionFind, average_linkage

# -- step 1: accounts within a document -------------------------------------------------------


def _same_account(
    a: StoryEvent, b: StoryEvent, text: float, p: ClusterParams, loose: frozenset[str] = frozenset()
) -> bool:
    """Whether two events of one document tell the same happening (events of ``loose`` count as undated)."""
    if p.background_apart and (a.background or b.background):
        return False
    if a.lo is None or b.lo is None:
        return True
    a_dated, b_dated = a.anchored and a.id not in loose, b.anchored and b.id not in loose
    if a_dated and b_dated:
        fits = gap(a.lo, a.hi, b.lo, b.hi) <= p.window_days
    elif a_dated or b_dated:
        undated, dated = (a, b) if not a_dated else (b, a)
        fits = -p.window_days <= (undated.lo - dated.hi).days <= p.undated_window_days
    else:
        fits = True
    return fits and not (_placed_apart(a, b) and text < p.place_clash_min_text)


def _placed_apart(a: StoryEvent, b: StoryEvent) -> bool:
    """Whether two events are placed in different countries."""
    return bool(a.place_country and b.place_country and a.place_country != b.place_country)


def _loose(events: Sequence[StoryEvent], members: list[int], p: ClusterParams) -> frozenset[str]:
    """Events of a late document whose date is only its publication day: as good as undated.

    A commentary published days after the happening it tells dates the sentences that name no
    time by its own publication day (the coder's fallback); when none of its events dated by their
    own sentence is within ``window_days`` of that day, such a date says nothing.
    """
    own = [events[i] for i in members if events[i].anchored and not events[i].fallback]
    pub = events[members[0]].published
    if pub is None or not own or any(gap(e.lo, e.hi, pub, pub) <= p.window_days for e in own):
        return frozenset()
    return frozenset(
        events[i].id for i in members if events[i].fallback and events[i].lo == pub == events[i].hi
    )


def _split_stops(events: Sequence[StoryEvent], members: list[int], p: ClusterParams) -> list[list[int]]:
    """Split off a trip's other stop: events dated and placed by their own sentences in another country, on other days.

    "Xi arrived in Samarkand for the summit after a state visit to Kazakhstan, where he held talks in
    Astana on Wednesday": the account's main day is the one most of its events are dated to; events
    placed in a country where none of the main day's events is placed, and dated to other days,
    are another happening.
    """
    if not p.split_stops or len(members) < 3:
        return [members]
    own = [i for i in members if events[i].anchored and events[i].precise and not events[i].fallback]
    days = Counter(events[i].lo for i in members if events[i].anchored and events[i].lo is not None)
    if not own or not days:
        return [members]
    main = days.most_common(1)[0][0]
    at_main = {
        events[i].place_country
        for i in own
        if events[i].lo <= main <= events[i].hi and events[i].place_country
    }
    if not at_main:
        return [members]
    stop = [i for i in own if events[i].place_country and events[i].place_country not in at_main
            and not events[i].lo <= main <= events[i].hi]  # fmt: skip
    if not stop or len(stop) == len(members):
        return [members]
    rest = [i for i in members if i not in set(stop)]
    return [rest, stop]


def _intervenes(e: StoryEvent, home: frozenset[str]) -> bool:
    """A material act linking the home state with another state or a bloc (troops sent, aid given, fighting)."""
    return (
        e.quad.startswith("material")
        and bool(e.countries & home)
        and any(is_state(c) or is_bloc(c) for c in e.countries - home)
    )


def _fights(e: StoryEvent, home: frozenset[str], p: ClusterParams) -> bool:
    """Violence between the home state and another state (a border war, not an intervention)."""
    return e.type in p.war_types and bool(e.countries & home) and any(is_state(c) or is_bloc(c) for c in e.countries - home)


def _split_scope(events: Sequence[StoryEvent], members: list[int], p: ClusterParams) -> list[list[int]]:
    """Split an account into a domestic affair and the rest when it holds enough of both."""
    if p.scope_split_min <= 0:
        return [members]
    home: dict[str, list[int]] = defaultdict(list)
    for i in members:
        only = next(iter(events[i].countries)) if len(events[i].countries) == 1 else None
        if only and is_state(only):
            home[only].append(i)
    if not home:
        return [members]
    domestic = max(home.values(), key=len)
    others = [i for i in members if i not in set(domestic)]
    least = max(p.scope_split_min, p.scope_split_share * len(members))
    if len(domestic) < least or len(others) < least:
        return [members]
    home_state = events[domestic[0]].countries
    if p.scope_split_material and not any(_intervenes(events[i], home_state) for i in others):
        return [members]  # foreign words only (condolences, a call, criticism) belong to the affair
    if any(_fights(events[i], home_state, p) for i in others):
        return [members]  # a war between the home state and another: its home front is the war's
    return [domestic, others]


@dataclass
class Account:
    """The events of one document that tell one happening, with their pooled evidence."""

    members: list[int]
    doc: str
    outlet: str | None
    actors: frozenset[str]
    countries: frozenset[str]
    lo: dt.date | None
    hi: dt.date | None
    anchored: bool
    places: frozenset[str]
    tokens: Counter
    vague: bool  # dated only to a year (or wider): too vague to match another outlet's report
    conflict: float  # share of conflict events
    # how many of its events each actor (#id) and country (@code) takes part in
    parties: Counter = field(default_factory=Counter)
    core: frozenset[str] = frozenset()  # the countries taking part in at least ``core_share`` of its events
    published: dt.date | None = None  # its document's publication day
    background: bool = False  # undated background only (a standing state of affairs)
    precise: bool = True  # dated to the day (not only to a month or a season)


def _account(events: Sequence[StoryEvent], members: list[int]) -> Account:
    evs = [events[i] for i in members]
    dated = [e for e in evs if e.anchored and e.precise] or [e for e in evs if e.anchored] or evs
    los = [e.lo for e in dated if e.lo is not None]
    his = [e.hi for e in dated if e.hi is not None]
    bag: Counter = Counter()
    for e in evs:
        bag.update(e.tokens)
    return Account(
        members=members, doc=evs[0].doc, outlet=evs[0].outlet,
        actors=frozenset().union(*(e.actors for e in evs)), countries=frozenset().union(*(e.countries for e in evs)),
        lo=min(los) if los else None, hi=max(his) if his else None, anchored=any(e.anchored for e in dated),
        places=frozenset(e.place for e in evs if e.place), tokens=bag,
        vague=bool(los) and all(e.anchored and (e.hi - e.lo).days > 62 for e in dated),
        conflict=sum(e.quad.endswith("conflict") for e in evs) / len(evs),
        parties=Counter(k for e in evs for k in {"#" + a for a in e.actors} | {"@" + c for c in e.countries}),
        published=evs[0].published,
        background=all(e.background for e in evs),
        precise=any(e.precise for e in dated),
    )  # fmt: skip


def _join_placed(uf: UnionFind, events: Sequence[StoryEvent], links, p: ClusterParams) -> None:
    """Join linked events of one document, most similar first.

    With ``account_place_guard``, two groups placed only in towns of different countries (a
    visit to one capital, then a summit in another) are not joined unless the text says they
    are one (``place_clash_min_text``).
    """
    places: dict[int, set[str]] = {}
    for _, i, j in links:
        for k in (i, j):
            e = events[k]
            places[k] = {e.place_country} if e.place_country and is_town(e.place) else set()
    for text, i, j in links:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        a, b = places.get(ri, set()), places.get(rj, set())
        if p.account_place_guard and a and b and not (a & b) and text < p.place_clash_min_text:
            continue
        uf.union(ri, rj)
        places[uf.find(ri)] = a | b


def _join_average(
    uf: UnionFind, events: Sequence[StoryEvent], members: list[int], links, p: ClusterParams
) -> None:
    """Join one document's events by average linkage over the pairs that fit in time.

    A fitting pair scores ``doc_base`` plus its text cosine plus ``doc_actors`` times the overlap
    of its countries; pairs that do not fit count 0, so a group joins another only when most of
    their pairs fit and agree.
    """
    local = {i: k for k, i in enumerate(members)}
    pair_scores = {}
    for text, i, j in links:
        a, b = events[i], events[j]
        s = p.doc_base + text + p.doc_actors * jaccard(a.countries, b.countries)
        pair_scores[(local[i], local[j])] = s
    for group in average_linkage(len(members), pair_scores, p.doc_threshold):
        for k in group[1:]:
            uf.union(members[group[0]], members[k])


def _keys(e: StoryEvent) -> set[str]:
    return set(e.actors) | set(e.countries) | ({"@" + e.place} if e.place else set())


def accounts(
    events: Sequence[StoryEvent], p: ClusterParams, only: Sequence[int] | None = None
) -> list[Account]:
    """Step 1: every document's events (or those of the indices ``only``) grouped into the happenings it tells."""
    chosen = list(range(len(events))) if only is None else list(only)
    pos = {i: n for n, i in enumerate(chosen)}
    tfidf = TfIdf([events[i].tokens for i in chosen])
    uf = UnionFind(len(events))
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i in chosen:
        by_doc[events[i].doc].append(i)
    for members in by_doc.values():
        links, loose = [], _loose(events, members, p)
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if p.same_doc_needs_actor and not (_keys(events[i]) & _keys(events[j])):
                    continue
                text = tfidf.cosine(pos[i], pos[j])
                if _same_account(events[i], events[j], text, p, loose):
                    links.append((text, i, j))
        if p.doc_linkage == "average":
            _join_average(uf, events, members, links, p)
        else:
            _join_placed(uf, events, sorted(links, reverse=True), p)
    groups = [g for g in uf.groups() if g[0] in pos]
    out = [_account(events, m) for group in groups for g in _split_stops(events, group, p)
           for m in _split_scope(events, g, p)]  # fmt: skip
    for acc in out:
        set_core(acc, p.core_share)
    main: dict[str, Account] = {}
    for acc in out:
        if acc.doc not in main or len(acc.members) > len(main[acc.doc].members):
            main[acc.doc] = acc
    for acc in main.values():
        lead = tokens(events[acc.members[0]].title)
        acc.tokens = acc.tokens + Counter({w: c * p.title_weight for w, c in lead.items()})
    return out


def set_core(acc: Account, share: float) -> None:
    """An account's main parties: the countries taking part in at least ``share`` of its events."""
    n = len(acc.members)
    acc.core = frozenset(k[1:] for k, c in acc.parties.items() if k[0] == "@" and c >= share * n)


def seeded_accounts(
    events: Sequence[StoryEvent], members: Sequence[int], seeds: Sequence[str], p: ClusterParams
):
    """Accounts of events already in clusters: one per document and cluster."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in members:
        groups[(events[i].doc, seeds[i])].append(i)
    out = []
    for key in sorted(groups, key=lambda k: (k[0], events[groups[k][0]].id)):
        acc = _account(events, groups[key])
        set_core(acc, p.core_share)
        out.append(acc)
    return out
