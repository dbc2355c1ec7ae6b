"""How reports are matched to happenings: the parts of story clustering (``clusters.py``).

1. **Accounts.** The events of one document are grouped into *accounts*, one per happening the
   document tells: two events of a document belong together when their dates fit (day-dated
   within ``window_days``; undated events sit at the publication date) and they do not happen
   in two different countries. Undated background ("has long", "since", "remains") stays
   apart, as do undated mentions of "last year", "earlier this month", "years ago". An account
   holding both a domestic affair (all actors of one state) and an international one, each with
   ``scope_split_min`` events or more, is split when the international part holds a material act
   linking the home state with another state (troops sent, aid, fighting).
2. **Matching accounts.** Accounts of different documents are compared when they share an
   actor (id or country) or a place and their dates fit, and their pooled sentences reach a
   minimum TF-IDF cosine (lower when they name the same place); the evidence score adds that
   cosine, actor and country overlap and the same place, and subtracts a gap in tone (an
   account of fighting is not an account of a summit). Each account's main parties (the countries
   in at least ``core_share`` of its events) must take part in the other: a border war whose
   report mentions a summit in the same town is not the summit. Accounts with a year-only date
   are not matched. The same outlet's follow-ups may refer back ``followup_window_days``.
3. **Linkage.** Average linkage (the default) joins two groups of accounts while the mean score
   over all their pairs reaches the threshold, so a chain of weak links does not snowball;
   single linkage (union-find) is available too.

The knobs live in ``data/clusters.yaml`` (``ClusterParams``).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from greatgame.analysis.linkage import UnionFind, average_linkage
from greatgame.models import QUAD

logger = logging.getLogger(__name__)

_STOP = frozenset(
    """the a an and or of to in on at for with by from as is was were are be been has had have that this
    which who whom whose it its their his her they he she we our not but also after before over into
    than then there said says say told would will could can may more most other such some any all two
    one new first last week day days monday tuesday wednesday thursday friday saturday sunday""".split()
)
BACKGROUND = re.compile(
    r"\b(since|has long|have long|for years|for decades|remains?|has repeatedly|have repeatedly|has been|"
    r"have been|has said|have said|has not|have not|keeps|is not|are not|whose|which has|who has|"
    r"last year|last month|in recent years|in recent months|earlier this|earlier in|earlier last|years? ago)\b",
    re.IGNORECASE,
)
_NAMEISH = re.compile(r"[A-Za-z][A-Za-z'\-]+")


@dataclass(frozen=True)
class ClusterParams:
    """The knobs of story clustering (shipped values in ``data/clusters.yaml``)."""

    window_days: int = 3
    undated_window_days: int = 10
    followup_window_days: int = 45
    max_span_days: int = 60
    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.2
    min_text: float = 0.2
    min_text_same_place: float = 0.1
    min_text_same_actor: float | None = None
    same_doc_needs_actor: bool = False
    place_clash_min_text: float = 0.5
    linkage: str = "average"
    scope_split_min: int = 0
    scope_split_material: bool = False
    doc_linkage: str = "single"
    size_power: float = 0.0
    doc_base: float = 0.5
    doc_actors: float = 0.5
    doc_threshold: float = 0.5
    title_weight: int = 0
    background_apart: bool = True
    account_place_guard: bool = False
    core_share: float = 0.0


@lru_cache(maxsize=1)
def load_params() -> ClusterParams:
    """The shipped clustering parameters."""
    text = (resources.files("greatgame.analysis") / "data" / "clusters.yaml").read_text(encoding="utf-8")
    return ClusterParams(**(yaml.safe_load(text) or {}))


@dataclass
class StoryEvent:
    """What clustering needs to know of one event."""

    id: str
    doc: str
    type: str
    actors: frozenset[str]
    countries: frozenset[str]
    lo: dt.date | None = None  # the days the event may have happened on
    hi: dt.date | None = None
    precise: bool = False  # dated to the day
    anchored: bool = False  # lo/hi come from the event's own date, not its document's
    place: str | None = None
    place_country: str | None = None
    outlet: str | None = None
    sentence: str = ""
    tokens: Counter = field(default_factory=Counter)
    title: str = ""  # the document's title (pooled into its main account with ``title_weight``)
    background: bool = False  # undated, in a sentence about a standing state of affairs

    @property
    def quad(self) -> str:
        """The PLOVER quad class."""
        return QUAD.get(self.type, "")


@lru_cache(maxsize=4096)
def is_state(code: str) -> bool:
    """Whether an actor key is a state's ISO alpha-3 code (OTS or SCO are blocs, not states)."""
    import pycountry

    if len(code) != 3 or not code.isupper():
        return False
    return (
        pycountry.countries.get(alpha_3=code) is not None
        or pycountry.historic_countries.get(alpha_3=code) is not None
    )


# -- building StoryEvents ---------------------------------------------------------------------


def _stem(word: str) -> str:
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> Counter:
    """Content words of a sentence, stemmed; names (capitalised inside the sentence) count twice."""
    out: Counter = Counter()
    for n, raw in enumerate(_NAMEISH.findall(text or "")):
        w = raw.lower().strip("'-")
        if len(w) > 2 and w not in _STOP:
            out[_stem(w)] += 2 if (n > 0 and raw[0].isupper()) else 1
    return out


# -- similarity -------------------------------------------------------------------------------


class TfIdf:
    """A small TF-IDF over bags of words: unit-length sparse vectors and their cosine."""

    def __init__(self, bags: Sequence[Counter]):
        df: Counter = Counter()
        for bag in bags:
            df.update(bag.keys())
        n = max(len(bags), 1)
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        self.vectors = [self._vector(b) for b in bags]

    def _vector(self, bag: Counter) -> dict[str, float]:
        vec = {w: (1 + math.log(c)) * self.idf.get(w, 1.0) for w, c in bag.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def cosine(self, i: int, j: int) -> float:
        """Cosine similarity of bags i and j."""
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(w, 0.0) for w, v in a.items())


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _gap(lo1, hi1, lo2, hi2) -> int:
    return max((lo2 - hi1).days, (lo1 - hi2).days, 0)


# -- step 1: accounts within a document -------------------------------------------------------


def _same_account(a: StoryEvent, b: StoryEvent, text: float, p: ClusterParams) -> bool:
    """Whether two events of one document tell the same happening."""
    if p.background_apart and (a.background or b.background):
        return False
    if a.lo is None or b.lo is None:
        return True
    if a.anchored and b.anchored:
        fits = _gap(a.lo, a.hi, b.lo, b.hi) <= p.window_days
    elif a.anchored or b.anchored:
        undated, dated = (a, b) if not a.anchored else (b, a)
        fits = -p.window_days <= (undated.lo - dated.hi).days <= p.undated_window_days
    else:
        fits = True
    clash = bool(a.place_country and b.place_country and a.place_country != b.place_country)
    return fits and not (clash and text < p.place_clash_min_text)


def _intervenes(e: StoryEvent, home: frozenset[str]) -> bool:
    """A material act linking the home state with another state (troops sent, aid given, fighting)."""
    return (
        e.quad.startswith("material")
        and bool(e.countries & home)
        and any(is_state(c) for c in e.countries - home)
    )


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
    if len(domestic) < p.scope_split_min or len(others) < p.scope_split_min:
        return [members]
    home_state = events[domestic[0]].countries
    if p.scope_split_material and not any(_intervenes(events[i], home_state) for i in others):
        return [members]  # foreign words only (condolences, a call, criticism) belong to the affair
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
            places[k] = {e.place_country} if e.place_country and _is_town(e.place) else set()
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
        s = p.doc_base + text + p.doc_actors * _jaccard(a.countries, b.countries)
        pair_scores[(local[i], local[j])] = s
    for group in average_linkage(len(members), pair_scores, p.doc_threshold):
        for k in group[1:]:
            uf.union(members[group[0]], members[k])


@lru_cache(maxsize=4096)
def _is_town(name: str | None) -> bool:
    """Whether a place name is narrower than a country (Batken, Samarkand; not Uzbekistan)."""
    import pycountry

    if not name:
        return False
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return True
    return False


def _keys(e: StoryEvent) -> set[str]:
    return set(e.actors) | set(e.countries) | ({"@" + e.place} if e.place else set())


def accounts(events: Sequence[StoryEvent], p: ClusterParams) -> list[Account]:
    """Step 1: every document's events grouped into the happenings it tells."""
    tfidf = TfIdf([e.tokens for e in events])
    uf = UnionFind(len(events))
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        by_doc[e.doc].append(i)
    for members in by_doc.values():
        links = []
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if p.same_doc_needs_actor and not (_keys(events[i]) & _keys(events[j])):
                    continue
                text = tfidf.cosine(i, j)
                if _same_account(events[i], events[j], text, p):
                    links.append((text, i, j))
        if p.doc_linkage == "average":
            _join_average(uf, events, members, links, p)
        else:
            _join_placed(uf, events, sorted(links, reverse=True), p)
    out = [_account(events, m) for group in uf.groups() for m in _split_scope(events, group, p)]
    for acc in out:
        _set_core(acc, p.core_share)
    main: dict[str, Account] = {}
    for acc in out:
        if acc.doc not in main or len(acc.members) > len(main[acc.doc].members):
            main[acc.doc] = acc
    for acc in main.values():
        lead = tokens(events[acc.members[0]].title)
        acc.tokens = acc.tokens + Counter({w: c * p.title_weight for w, c in lead.items()})
    return out


# -- step 2 and 3: matching accounts across documents -----------------------------------------


def _set_core(acc: Account, share: float) -> None:
    n = len(acc.members)
    acc.core = frozenset(k[1:] for k, c in acc.parties.items() if k[0] == "@" and c >= share * n)


def _who(acc: Account) -> Counter:
    return acc.parties + Counter("^" + x for x in acc.places)


def can_match(a: Account, b: Account, p: ClusterParams) -> float | None:
    """The text cosine two accounts need to be one happening; None when nothing could make them one."""
    if (
        a.vague
        or b.vague
        or a.lo is None
        or b.lo is None
        or not (a.countries & b.countries or a.places & b.places)
    ):
        return None
    if p.core_share and not (a.core & b.countries and b.core & a.countries):
        return None  # each account's main parties must take part in the other (a war is not a summit)
    reach = p.followup_window_days if (a.outlet is not None and a.outlet == b.outlet) else p.window_days
    limit = reach if (a.anchored and b.anchored) else p.undated_window_days
    if _gap(a.lo, a.hi, b.lo, b.hi) > limit:
        return None
    floor = p.min_text_same_place if (a.places & b.places) else p.min_text
    if p.min_text_same_actor is not None and any(not is_state(x) for x in a.actors & b.actors):
        floor = min(floor, p.min_text_same_actor)  # the same person or group named in both
    return floor


def account_score(a: Account, b: Account, text: float, p: ClusterParams, who: float = 0.0) -> float | None:
    """Evidence that two documents' accounts tell one happening; None when they cannot."""
    floor = can_match(a, b, p)
    if floor is None or text < floor:
        return None
    w = p.weights
    score = w.get("text", 1.0) * text + w.get("countries", 0.0) * _jaccard(a.countries, b.countries)
    score += w.get("actors", 0.0) * _jaccard(a.actors, b.actors) + w.get("who", 0.0) * who
    if a.places & b.places:
        score += w.get("same_place", 0.0)
    return score + w.get("tone_gap", 0.0) * abs(a.conflict - b.conflict)


def _sweep(groups: dict, accs: Sequence[Account], days: int, pairs: set[tuple[int, int]]) -> None:
    reach = dt.timedelta(days=days)
    for members in groups.values():
        members.sort(key=lambda n: accs[n].lo)
        for x, i in enumerate(members):
            end = accs[i].hi + reach
            for j in members[x + 1 :]:
                if accs[j].lo > end:
                    break
                if accs[i].doc != accs[j].doc:
                    pairs.add((min(i, j), max(i, j)))


def candidate_pairs(accs: Sequence[Account], p: ClusterParams) -> set[tuple[int, int]]:
    """Pairs of accounts of different documents sharing a country or place, near enough in time.

    The same outlet's accounts are paired within ``followup_window_days``, others within the
    date windows.
    """
    by_key: dict[str, list[int]] = defaultdict(list)
    by_outlet_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, acc in enumerate(accs):
        if acc.lo is None:
            continue
        for k in acc.countries | {"@" + x for x in acc.places}:
            by_key[k].append(n)
            if acc.outlet:
                by_outlet_key[(acc.outlet, k)].append(n)
    pairs: set[tuple[int, int]] = set()
    _sweep(by_key, accs, max(p.window_days, p.undated_window_days), pairs)
    _sweep(by_outlet_key, accs, max(p.followup_window_days, p.undated_window_days), pairs)
    return pairs


def scores(accs: Sequence[Account], p: ClusterParams) -> dict[tuple[int, int], float]:
    """The evidence score of every candidate pair of accounts that can be one happening."""
    text = TfIdf([a.tokens for a in accs])
    who = TfIdf([_who(a) for a in accs]) if p.weights.get("who") else None
    out = {}
    for i, j in candidate_pairs(accs, p):
        if can_match(accs[i], accs[j], p) is None:
            continue  # cheap checks first: most candidates fail on dates or parties
        s = account_score(accs[i], accs[j], text.cosine(i, j), p, who.cosine(i, j) if who else 0.0)
        if s is not None:
            out[(i, j)] = s
    return out


def single_linkage(
    accs: Sequence[Account], pair_scores: dict[tuple[int, int], float], p: ClusterParams
) -> list[list[int]]:
    """Single linkage: union-find over the pairs reaching the threshold, strongest first.

    A join that would make a cluster span more than ``max_span_days`` (same outlet:
    ``followup_window_days``) is refused.
    """
    uf = UnionFind(len(accs))
    span = {n: (a.lo, a.hi) if a.anchored and a.lo is not None else None for n, a in enumerate(accs)}
    for _s, i, j in sorted(
        ((s, i, j) for (i, j), s in pair_scores.items() if s >= p.threshold), reverse=True
    ):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        a, b = span[ri], span[rj]
        joined = (min(a[0], b[0]), max(a[1], b[1])) if a and b else (a or b)
        same_outlet = accs[i].outlet is not None and accs[i].outlet == accs[j].outlet
        if (
            a
            and b
            and (joined[1] - joined[0]).days > (p.followup_window_days if same_outlet else p.max_span_days)
        ):
            continue
        uf.union(ri, rj)
        span[uf.find(ri)] = joined
    return uf.groups()


def group_events(events: Sequence[StoryEvent], p: ClusterParams) -> list[list[int]]:
    """Indices of the events, grouped into happenings (steps 1 to 3)."""
    accs = accounts(events, p)
    pair_scores = scores(accs, p)
    if p.linkage == "average":
        weights = [len(a.members) ** p.size_power for a in accs] if p.size_power else None
        parts = average_linkage(len(accs), pair_scores, p.threshold, weights)
    else:
        parts = single_linkage(accs, pair_scores, p)
    logger.info("clustered %d events: %d accounts, %d scored pairs, %d clusters",
                len(events), len(accs), len(pair_scores), len(parts))  # fmt: skip
    return [[i for n in part for i in accs[n].members] for part in parts]


def iter_ids(values: Iterable[Any]) -> list[str]:
    """Non-empty strings of a list-like cell (pandas may give arrays, NaN or None)."""
    if values is None or (isinstance(values, float) and values != values):
        return []
    return [v for v in values if isinstance(v, str) and v]
