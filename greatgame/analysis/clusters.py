"""Story clusters: the same happening, told by several outlets or again in follow-ups, counted once.

An event is one sentence's report; a *cluster* is the real-world happening behind several such
reports (a summit, a visit, a clash) with all its evidence. Clustering runs in three steps:

1. **Blocking.** Only pairs that share an actor (id or country) or a place, and whose dates fit
   (day-dated events within ``window_days``; month- or year-dated ones overlapping; undated
   events placed at their document's publication date), are compared at all.
2. **Matching.** Events of one document are linked when they fit in time and share an actor or
   a place (one article usually tells one happening), unless one is a domestic affair and the
   other an international one (the unrest in a country versus the foreign troops sent there).
   Events of different documents are linked when their evidence score, a weighted sum of the
   sentences' TF-IDF cosine, actor overlap, same type, same place and same day, reaches the
   threshold. The same outlet's follow-ups may refer back further in time when the text agrees.
3. **Union-find** joins the links into clusters. A cluster's id is a hash of its earliest event's
   id (earliest by date, then id), so it stays the same when later reports join the cluster.

Parameters live in ``data/clusters.yaml``. ``cluster_events`` works on store DataFrames or
extraction records; ``write_clusters`` / ``recluster`` put the ids into the store.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
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

from greatgame.models import QUAD

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z][a-z'\-]+")
_STOP = frozenset(
    """the a an and or of to in on at for with by from as is was were are be been has had have that this
    which who whom whose it its their his her they he she we our not but also after before over into
    than then there said says say told would will could can may more most other such some any all two
    one new first last week day days monday tuesday wednesday thursday friday saturday sunday""".split()
)


@dataclass(frozen=True)
class ClusterParams:
    """The knobs of story clustering (defaults from ``data/clusters.yaml``)."""

    window_days: int = 3
    undated_window_days: int = 10
    followup_window_days: int = 45
    coarse_slack_days: int = 0
    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.75
    same_doc_min_text: float = 0.0
    scope_clash_min_text: float = 0.5
    min_text: float = 0.15
    coarse_min_text: float = 0.3
    same_doc_needs_actor: bool = False
    max_span_days: int = 21
    title_weight: int = 2
    place_clash_min_text: float = 0.5
    linkage: str = "single"  # single (union-find) | average
    scope_split_min: int = 0


@lru_cache(maxsize=1)
def load_params() -> ClusterParams:
    """The shipped clustering parameters."""
    text = (resources.files("greatgame.analysis") / "data" / "clusters.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return ClusterParams(**data)


@dataclass
class StoryEvent:
    """What clustering needs to know of one event."""

    id: str
    doc: str
    type: str
    actors: frozenset[str]
    countries: frozenset[str]
    lo: dt.date | None = None  # the range of days the event may have happened on
    hi: dt.date | None = None
    precise: bool = False  # day precision
    anchored: bool = False  # lo/hi come from the event's own date (not the document's)
    place: str | None = None
    place_country: str | None = None
    outlet: str | None = None
    sentence: str = ""
    tokens: Counter = field(default_factory=Counter)
    two_sided: bool = False  # both a source and a target are known
    title: str = ""  # the document's title (pooled into the document's main account)

    @property
    def quad(self) -> str:
        """The PLOVER quad class."""
        return QUAD.get(self.type, "")

    @property
    def domestic(self) -> str | None:
        """The state both sides belong to, when the event is a domestic affair (no bloc, no foreigner)."""
        if not self.two_sided or len(self.countries) != 1:
            return None
        (only,) = self.countries
        return only if _is_state(only) else None


@lru_cache(maxsize=4096)
def _is_state(code: str) -> bool:
    """Whether an actor key is a state's ISO alpha-3 code (OTS or SCO are blocs, not states)."""
    import pycountry

    if len(code) != 3 or not code.isupper():
        return False
    return pycountry.countries.get(alpha_3=code) is not None or (
        pycountry.historic_countries.get(alpha_3=code) is not None
    )


# -- dates ------------------------------------------------------------------------------------


def _parse_day(value: Any) -> tuple[dt.date | None, dt.date | None, str]:
    """A date, ISO string (``2022``, ``2022-01``, ``2022-01-05``) or Timestamp -> range and precision."""
    if value is None or value != value:  # None, NaN, NaT
        return None, None, "none"
    if hasattr(value, "to_pydatetime"):
        try:
            value = value.to_pydatetime().date()
        except ValueError:  # NaT
            return None, None, "none"
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value, "day"
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            y = int(text)
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            y, m = map(int, text.split("-"))
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month"
        d = dt.date.fromisoformat(text[:10])
        return d, d, "day"
    except ValueError:
        return None, None, "none"


def _event_range(date, date_end, precision: str | None, published) -> tuple[dt.date | None, dt.date | None, bool, bool]:
    """(lo, hi, precise, anchored) of an event; undated events fall back to their document's date."""
    lo, hi, prec = _parse_day(date)
    if lo is not None:
        if prec == "day" and precision in ("month", "year"):
            lo, hi, prec = _parse_day(lo.isoformat()[: 7 if precision == "month" else 4])
        _, end_hi, _ = _parse_day(date_end)
        if end_hi is not None and end_hi > hi:
            hi = end_hi
        return lo, hi, prec == "day", True
    pub, _, _ = _parse_day(published)
    if pub is None:
        return None, None, False, False
    return pub, pub, False, False


# -- building StoryEvents ---------------------------------------------------------------------


def _tokens(text: str) -> Counter:
    """Content words of a sentence, stemmed; names (capitalised inside the sentence) count twice."""
    out: Counter = Counter()
    for n, raw in enumerate(re.findall(r"[A-Za-z][A-Za-z'\-]+", text)):
        w = raw.lower().strip("'-")
        if len(w) <= 2 or w in _STOP:
            continue
        out[_stem(w)] += 2 if (n > 0 and raw[0].isupper()) else 1
    return out


def _stem(word: str) -> str:
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _keys(ids: Iterable[Any], countries: Iterable[Any]) -> tuple[frozenset[str], frozenset[str]]:
    ids_ = [str(i) for i in ids if isinstance(i, str) and i]
    ctry = [str(c) for c in countries if isinstance(c, str) and c]
    # an actor without a country (a bloc, an armed group) stands for itself among the countries
    bare = [i for i, c in zip(ids_, list(countries) + [None] * len(ids_), strict=False) if not isinstance(c, str) or not c]
    return frozenset(ids_), frozenset(ctry + bare)


def make_event(
    id: str, doc: str, type: str, source: Sequence[dict], target: Sequence[dict], sentence: str = "",
    date=None, date_end=None, date_precision: str | None = None, published=None,
    location: dict | None = None, outlet: str | None = None, title: str | None = None,
) -> StoryEvent:  # fmt: skip
    """A StoryEvent from contract-shaped parts (``source``/``target`` are ``{"id", "country"}`` dicts)."""
    sides = list(source or []) + list(target or [])
    actors, countries = _keys([a.get("id") for a in sides], [a.get("country") for a in sides])
    lo, hi, precise, anchored = _event_range(date, date_end, date_precision, published)
    loc = location or {}
    return StoryEvent(
        id=id, doc=doc, type=str(type).upper(), actors=actors, countries=countries,
        lo=lo, hi=hi, precise=precise, anchored=anchored,
        place=(loc.get("name") or "").lower() or None, place_country=loc.get("country"),
        outlet=outlet, sentence=sentence or "", tokens=_tokens(sentence or ""),
        two_sided=bool(source) and bool(target), title=title or "",
    )  # fmt: skip


def events_from_records(records: Iterable[dict[str, Any]]) -> list[StoryEvent]:
    """StoryEvents from extraction records (``greatgame extract`` lines); ids are ``<doc>:<n>``."""
    out = []
    for rec in records:
        meta = rec.get("doc") or {}
        for n, e in enumerate(rec.get("events") or []):
            out.append(
                make_event(
                    e.get("id") or f"{meta.get('id')}:{n}", meta.get("id"), e["type"],
                    e.get("source") or [], e.get("target") or [], e.get("sentence") or "",
                    e.get("date"), e.get("date_end"), e.get("date_precision"), meta.get("published"),
                    e.get("location"), meta.get("publisher"), meta.get("title"),
                )  # fmt: skip
            )
    return out


def _seq(value) -> list:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return list(value)


def events_from_frame(df) -> list[StoryEvent]:
    """StoryEvents from a store events DataFrame (``Store.events()``)."""
    out = []
    for e in df.to_dict("records"):
        src = [{"id": i, "country": c} for i, c in zip(_seq(e["source_ids"]), _seq(e["source_countries"]), strict=False)]
        tgt = [{"id": i, "country": c} for i, c in zip(_seq(e["target_ids"]), _seq(e["target_countries"]), strict=False)]
        name = e.get("location_name")
        loc = {"name": name, "country": e.get("location_country")} if isinstance(name, str) and name else None
        out.append(
            make_event(
                e["id"], e["doc"], e["type"], src, tgt, e.get("sentence") or "",
                e.get("date"), e.get("date_end"), e.get("date_precision"), e.get("doc_published"),
                loc, e.get("doc_publisher"), e.get("doc_title") if isinstance(e.get("doc_title"), str) else None,
            )  # fmt: skip
        )
    return out


# -- similarity -------------------------------------------------------------------------------


class TfIdf:
    """A small TF-IDF over the events' sentences: unit-length sparse vectors and their cosine."""

    def __init__(self, docs: Sequence[Counter]):
        df: Counter = Counter()
        for tokens in docs:
            df.update(tokens.keys())
        n = max(len(docs), 1)
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        self.vectors = [self._vector(t) for t in docs]

    def _vector(self, tokens: Counter) -> dict[str, float]:
        vec = {w: (1 + math.log(c)) * self.idf.get(w, 1.0) for w, c in tokens.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def cosine(self, i: int, j: int) -> float:
        """Cosine similarity of sentences i and j."""
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(w, 0.0) for w, v in a.items())


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _gap(a: StoryEvent, b: StoryEvent) -> int | None:
    """Days between the two events' ranges (0 when they overlap); None when one has no date."""
    if a.lo is None or b.lo is None:
        return None
    if a.hi < b.lo:
        return (b.lo - a.hi).days
    if b.hi < a.lo:
        return (a.lo - b.hi).days
    return 0


# -- matching ---------------------------------------------------------------------------------


def _keys_of(e: StoryEvent) -> set[str]:
    keys = set(e.actors) | set(e.countries)
    if e.place:
        keys.add("@" + e.place)
    return keys


def _dates_fit(a: StoryEvent, b: StoryEvent, p: ClusterParams, reach: int) -> bool:
    """Whether the two events can be one happening in time (``reach``: allowed gap for dated pairs)."""
    gap = _gap(a, b)
    if gap is None:
        return a.doc == b.doc
    if a.anchored and b.anchored:
        limit = reach if (a.precise and b.precise) else max(p.coarse_slack_days, reach - p.window_days)
        return gap <= limit
    if not a.anchored and not b.anchored:
        return gap <= p.undated_window_days
    undated, dated = (a, b) if not a.anchored else (b, a)
    # an undated report happened on or before its publication day
    back = (undated.lo - dated.hi).days
    ahead = (dated.lo - undated.lo).days
    return back <= p.undated_window_days + reach - p.window_days and ahead <= p.window_days


def _scope_clash(a: StoryEvent, b: StoryEvent) -> bool:
    return (a.domestic is None) != (b.domestic is None)


def _place_clash(a: StoryEvent, b: StoryEvent) -> bool:
    return bool(a.place_country and b.place_country and a.place_country != b.place_country)


def _score(a: StoryEvent, b: StoryEvent, text: float, w: dict[str, float]) -> float:
    """Evidence that two events of different documents are one happening."""
    score = w.get("text", 1.0) * text
    score += w.get("actors", 0.0) * _jaccard(a.actors, b.actors)
    score += w.get("countries", 0.0) * _jaccard(a.countries, b.countries)
    if a.type == b.type:
        score += w.get("same_type", 0.0)
    elif a.quad == b.quad:
        score += w.get("same_quad", 0.0)
    if a.place and a.place == b.place:
        score += w.get("same_place", 0.0)
    if a.precise and b.precise and a.anchored and b.anchored and a.lo == b.lo:
        score += w.get("same_day", 0.0)
    if _place_clash(a, b):
        score += w.get("place_clash", 0.0)
    return score


def linked(a: StoryEvent, b: StoryEvent, text: float, p: ClusterParams) -> bool:
    """Whether two candidate events (sharing an actor or a place) are reports of one happening."""
    if _scope_clash(a, b) and text < p.scope_clash_min_text:
        return False
    if a.doc == b.doc:
        return _dates_fit(a, b, p, p.window_days) and text >= p.same_doc_min_text and not (
            _place_clash(a, b) and text < p.place_clash_min_text
        )
    follow_up = a.outlet is not None and a.outlet == b.outlet and text >= p.scope_clash_min_text
    if not _dates_fit(a, b, p, p.followup_window_days if follow_up else p.window_days):
        return False
    exact = a.precise and b.precise and a.anchored and b.anchored
    if text < (p.min_text if exact else p.coarse_min_text):
        return False
    return _score(a, b, text, p.weights) >= p.threshold


def candidate_pairs(events: Sequence[StoryEvent], p: ClusterParams) -> set[tuple[int, int]]:
    """Index pairs worth comparing: same document, or a shared actor/place within the widest window."""
    pairs: set[tuple[int, int]] = set()
    by_doc: dict[str, list[int]] = defaultdict(list)
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        by_doc[e.doc].append(i)
        if e.lo is not None:
            for k in _keys_of(e):
                by_key[k].append(i)
    for members in by_doc.values():
        for x, i in enumerate(members):
            ki = _keys_of(events[i])
            pairs.update((i, j) for j in members[x + 1 :] if ki & _keys_of(events[j]))
    reach = max(p.followup_window_days, p.undated_window_days + p.window_days)
    for members in by_key.values():
        members.sort(key=lambda i: events[i].lo)
        for x, i in enumerate(members):
            end = events[i].hi + dt.timedelta(days=reach)
            for j in members[x + 1 :]:
                if events[j].lo > end:
                    break
                pairs.add((min(i, j), max(i, j)))
    return pairs


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def cluster_id(first_event_id: str) -> str:
    """The stable id of a cluster: a hash of its earliest event's id."""
    return "c" + hashlib.sha1(first_event_id.encode("utf-8")).hexdigest()[:12]


def _earliest(events: Sequence[StoryEvent], members: list[int]) -> str:
    far = dt.date.max
    return min((events[i].lo or far, events[i].id) for i in members)[1]


@dataclass
class _Segment:
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
    vague: bool = False  # dated only to a year: too vague to match another outlet's report


def _segment(events: Sequence[StoryEvent], members: list[int]) -> _Segment:
    evs = [events[i] for i in members]
    dated = [e for e in evs if e.anchored and e.precise] or [e for e in evs if e.anchored] or evs
    los = [e.lo for e in dated if e.lo is not None]
    his = [e.hi for e in dated if e.hi is not None]
    tokens: Counter = Counter()
    for e in evs:
        tokens.update(e.tokens)
    return _Segment(
        members=members, doc=evs[0].doc, outlet=evs[0].outlet,
        actors=frozenset().union(*(e.actors for e in evs)),
        countries=frozenset().union(*(e.countries for e in evs)),
        lo=min(los) if los else None, hi=max(his) if his else None,
        anchored=any(e.anchored for e in dated), places=frozenset(e.place for e in evs if e.place),
        tokens=tokens, vague=bool(los) and all(e.anchored and (e.hi - e.lo).days > 62 for e in dated),
    )  # fmt: skip


def _segments_fit(a: _Segment, b: _Segment, p: ClusterParams, reach: int) -> bool:
    if a.lo is None or b.lo is None:
        return False
    gap = max((b.lo - a.hi).days, (a.lo - b.hi).days, 0)
    if a.anchored and b.anchored:
        return gap <= reach
    return gap <= p.undated_window_days


def _entity_tokens(seg: _Segment) -> Counter:
    """Who and where of an account, for an IDF-weighted cosine (a shared rare actor says more)."""
    out: Counter = Counter()
    out.update("#" + a for a in seg.actors)
    out.update("@" + c for c in seg.countries)
    out.update("^" + x for x in seg.places)
    return out


def _segment_score(a: _Segment, b: _Segment, text: float, p: ClusterParams, who: float = 0.0) -> float | None:
    """Evidence that two documents' accounts are one happening, or None when they cannot be.

    They cannot be when one is dated only to a year, when they share no actor or place, or when
    their dates do not fit; else the score adds the text cosine, actor overlap and same place.
    """
    if a.vague or b.vague or not (a.countries & b.countries or a.places & b.places):
        return None
    follow_up = a.outlet is not None and a.outlet == b.outlet
    if not _segments_fit(a, b, p, p.followup_window_days if follow_up else p.window_days):
        return None
    if text < p.min_text:
        return None
    w = p.weights
    score = w.get("text", 1.0) * text + w.get("countries", 0.0) * _jaccard(a.countries, b.countries)
    score += w.get("actors", 0.0) * _jaccard(a.actors, b.actors) + w.get("who", 0.0) * who
    if a.places & b.places:
        score += w.get("same_place", 0.0)
    return score


def _average_linkage(n: int, scores: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Agglomerative clustering: merge the two groups with the best mean pair score while it
    reaches ``threshold``; pairs without a score count as 0, so a chain of weak links is not enough."""
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[tuple[int, int], float] = dict(scores)
    while True:
        best, pair = threshold, None
        for (i, j), total in sums.items():
            mean = total / (len(groups[i]) * len(groups[j]))
            if mean >= best:
                best, pair = mean, (i, j)
        if pair is None:
            return list(groups.values())
        i, j = pair
        groups[i] += groups.pop(j)
        merged: dict[tuple[int, int], float] = {}
        for (x, y), total in sums.items():
            if (x, y) == (i, j):
                continue
            x, y = (i if x == j else x), (i if y == j else y)
            key = (min(x, y), max(x, y))
            merged[key] = merged.get(key, 0.0) + total
        sums = merged


def _guarded_union(uf: _UnionFind, segs: Sequence[_Segment], links: Iterable[tuple[int, int]], p: ClusterParams) -> None:
    """Join linked accounts, strongest link first, unless the joined cluster would span too long.

    Chains of links can drift (a summit, the next month's follow-up, the one after that); a
    cluster whose dated accounts span more than ``max_span_days`` is not one happening. The same
    outlet's follow-ups may stretch a cluster to ``followup_window_days``.
    """
    span: dict[int, tuple[dt.date, dt.date] | None] = {
        n: (s.lo, s.hi) if s.anchored and s.lo is not None else None for n, s in enumerate(segs)
    }
    for i, j in links:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        a, b = span[ri], span[rj]
        joined = (min(a[0], b[0]), max(a[1], b[1])) if a and b else (a or b)
        same_outlet = segs[i].outlet is not None and segs[i].outlet == segs[j].outlet
        limit = p.followup_window_days if same_outlet else p.max_span_days
        if joined and a and b and (joined[1] - joined[0]).days > limit:
            continue
        uf.union(ri, rj)
        span[uf.find(ri)] = joined


def _split_scope(events: Sequence[StoryEvent], members: list[int], p: ClusterParams) -> list[list[int]]:
    """Split one document's account into a domestic affair and an international one when it
    holds enough of both (unrest in a country, and the foreign troops sent there)."""
    if p.scope_split_min <= 0:
        return [members]
    home: dict[str, list[int]] = defaultdict(list)
    for i in members:
        e = events[i]
        if len(e.countries) == 1 and _is_state(next(iter(e.countries))):
            home[next(iter(e.countries))].append(i)
    if not home:
        return [members]
    country, domestic = max(home.items(), key=lambda kv: len(kv[1]))
    others = [i for i in members if i not in set(domestic)]
    if len(domestic) < p.scope_split_min or len(others) < p.scope_split_min:
        return [members]
    return [domestic, others]


def _doc_segments(events: Sequence[StoryEvent], p: ClusterParams, tfidf: TfIdf) -> list[_Segment]:
    """Step 1: the events of each document grouped into the happenings it tells."""
    uf = _UnionFind(len(events))
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        by_doc[e.doc].append(i)
    for members in by_doc.values():
        for x, i in enumerate(members):
            ki = _keys_of(events[i])
            for j in members[x + 1 :]:
                shared = bool(ki & _keys_of(events[j])) or not p.same_doc_needs_actor
                if shared and linked(events[i], events[j], tfidf.cosine(i, j), p):
                    uf.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[uf.find(i)].append(i)
    segs = [_segment(events, m) for part in groups.values() for m in _split_scope(events, part, p)]
    main: dict[str, _Segment] = {}
    for seg in segs:
        if seg.doc not in main or len(seg.members) > len(main[seg.doc].members):
            main[seg.doc] = seg
    for seg in main.values():
        seg.tokens = seg.tokens + Counter({w: c * p.title_weight for w, c in _tokens(events[seg.members[0]].title).items()})
    return segs


def _segment_pairs(segs: Sequence[_Segment], p: ClusterParams) -> set[tuple[int, int]]:
    by_key: dict[str, list[int]] = defaultdict(list)
    for n, s in enumerate(segs):
        if s.lo is not None:
            for k in s.countries | {"@" + x for x in s.places}:
                by_key[k].append(n)
    reach = max(p.followup_window_days, p.undated_window_days + p.window_days)
    pairs: set[tuple[int, int]] = set()
    for members in by_key.values():
        members.sort(key=lambda n: segs[n].lo)
        for x, i in enumerate(members):
            end = segs[i].hi + dt.timedelta(days=reach)
            for j in members[x + 1 :]:
                if segs[j].lo > end:
                    break
                if segs[i].doc != segs[j].doc:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def cluster_events(events: Sequence[StoryEvent], params: ClusterParams | None = None) -> dict[str, str]:
    """Event id -> cluster id for every event (a lone event is a cluster of one)."""
    p = params or load_params()
    tfidf = TfIdf([e.tokens for e in events])
    segs = _doc_segments(events, p, tfidf)
    seg_tfidf = TfIdf([s.tokens for s in segs])
    who = TfIdf([_entity_tokens(s) for s in segs])
    pairs = _segment_pairs(segs, p)
    scores = {}
    for i, j in pairs:
        score = _segment_score(segs[i], segs[j], seg_tfidf.cosine(i, j), p, who.cosine(i, j))
        if score is not None:
            scores[(i, j)] = score
    links = list(scores)
    if p.linkage == "average":
        parts = _average_linkage(len(segs), scores, p.threshold)
    else:
        uf = _UnionFind(len(segs))
        ordered = sorted(((s, i, j) for (i, j), s in scores.items() if s >= p.threshold), reverse=True)
        _guarded_union(uf, segs, [(i, j) for _, i, j in ordered], p)
        by_root: dict[int, list[int]] = defaultdict(list)
        for n in range(len(segs)):
            by_root[uf.find(n)].append(n)
        parts = list(by_root.values())
    groups = {k: [i for n in part for i in segs[n].members] for k, part in enumerate(parts)}
    logger.info("clustered %d events: %d accounts, %d candidate pairs, %d links, %d clusters",
                len(events), len(segs), len(pairs), len(links), len(groups))  # fmt: skip
    out: dict[str, str] = {}
    for members in groups.values():
        cid = cluster_id(_earliest(events, members))
        out.update((events[i].id, cid) for i in members)
    return out


# -- the store --------------------------------------------------------------------------------


def _temp_rows(con, name: str, columns: str, rows: list[tuple], chunk: int = 500) -> None:
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({columns})")
    for k in range(0, len(rows), chunk):
        part = rows[k : k + chunk]
        marks = ", ".join(["(" + ", ".join("?" * len(part[0])) + ")"] * len(part))
        con.execute(f"INSERT INTO {name} VALUES {marks}", [v for r in part for v in r])


def write_clusters(store, assignment: dict[str, str]) -> int:
    """Write event id -> cluster id into ``events.cluster`` and rebuild ``event_clusters``.

    One transaction; values travel as parameters. Returns the number of clusters written.
    """
    import datetime as _dt

    con = store.con
    con.begin()
    try:
        _temp_rows(con, "gg_assign", "id VARCHAR, cluster VARCHAR", sorted(assignment.items()))
        con.execute("UPDATE events SET cluster = NULL WHERE cluster IS NOT NULL")
        con.execute("UPDATE events SET cluster = a.cluster FROM gg_assign a WHERE events.id = a.id")
        con.execute("DELETE FROM event_clusters")
        con.execute(
            """INSERT INTO event_clusters
               SELECT e.cluster, arg_min(e.id, coalesce(e.date, d.published, DATE '9999-12-31')::VARCHAR || e.id),
                      count(*), count(DISTINCT e.doc), count(DISTINCT coalesce(o.outlet, d.publisher, e.doc)),
                      min(coalesce(e.date, d.published)), max(coalesce(e.date_end, e.date, d.published)),
                      list_sort(list_distinct(list(e.type))), ?
               FROM events e JOIN documents d ON d.id = e.doc
               LEFT JOIN document_outlets o ON o.doc = e.doc
               WHERE e.cluster IS NOT NULL GROUP BY e.cluster""",
            [_dt.datetime.now()],
        )
        con.execute("DROP TABLE gg_assign")
        con.commit()
    except Exception:
        con.rollback()
        raise
    return int(con.execute("SELECT count(*) FROM event_clusters").fetchone()[0])


def recluster(store, params: ClusterParams | None = None) -> int:
    """Cluster every event of the store and write the clusters; returns how many there are."""
    events = events_from_frame(store.events())
    return write_clusters(store, cluster_events(events, params))


def cluster_weights(events, diversity: bool = False):
    """A weight per event row so that each cluster counts once (pandas Series aligned to ``events``).

    Each event of a cluster of n reports weighs 1/n. With ``diversity`` a cluster told by k
    distinct outlets weighs ``1 + log(k)`` in total instead of 1. Rows without a cluster weigh 1.
    """
    import numpy as np
    import pandas as pd

    if events.empty:
        return pd.Series([], dtype=float)
    key = events["cluster"].where(events["cluster"].notna(), events["id"])
    size = key.map(key.value_counts())
    weight = 1.0 / size
    if diversity:
        outlet = events["doc_publisher"].where(events["doc_publisher"].notna(), events["doc"])
        k = key.map(pd.DataFrame({"k": key, "o": outlet}).groupby("k")["o"].nunique())
        weight = weight * (1.0 + np.log(k.astype(float)))
    return weight.astype(float)


def clustered(events) -> list[dict[str, Any]]:
    """One item per cluster of an events DataFrame (``Store.events()``), with all its evidence.

    Each item: ``cluster``, ``types``, ``first_day``, ``last_day``, ``n_events``, ``n_documents``,
    ``n_outlets``, ``actors``, and ``evidence`` (document, publisher, event id, type, sentence,
    sentence role and offsets of every report), newest cluster first.
    """
    from greatgame.catalogue.outlets import load_outlets

    outlets = load_outlets()
    if events.empty:
        return []
    key = events["cluster"].where(events["cluster"].notna(), events["id"])
    items = []
    for cid, part in events.assign(_k=key).groupby("_k", sort=False):
        days = [d for d in part["day"].tolist() if d is not None and d == d]
        pubs = {(outlets.resolve(p).id if isinstance(p, str) else doc) for p, doc in zip(part["doc_publisher"], part["doc"], strict=True)}
        actors = sorted({a for col in ("source_ids", "target_ids") for v in part[col] for a in _seq(v) if a})
        items.append({
            "cluster": cid, "types": sorted(set(part["type"])),
            "first_day": min(days) if days else None, "last_day": max(days) if days else None,
            "n_events": len(part), "n_documents": part["doc"].nunique(), "n_outlets": len(pubs), "actors": actors,
            "evidence": [
                {"event": r["id"], "doc": r["doc"], "doc_title": r.get("doc_title"), "publisher": r.get("doc_publisher"),
                 "type": r["type"], "sentence": r["sentence"], "sentence_role": r["sentence_role"],
                 "char_start": r["char_start"], "char_end": r["char_end"], "day": r.get("day")}
                for r in part.to_dict("records")
            ],
        })  # fmt: skip
    items.sort(key=lambda it: (it["last_day"] is not None, str(it["last_day"] or "")), reverse=True)
    return items
