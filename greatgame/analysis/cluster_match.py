"""Story clustering, steps 2 and 3: documents' accounts matched into happenings.

2. **Matching accounts.** Accounts of different documents are compared when they share an
   actor (id or country) or a place and their dates fit, and their pooled sentences reach a
   minimum TF-IDF cosine (lower when they name the same place); the evidence score adds that
   cosine, actor and country overlap and the same place, and subtracts a gap in tone (an
   account of fighting is not an account of a summit). Each account's main parties (the countries
   in at least ``core_share`` of its events) must take part in the other: a border war whose
   report mentions a summit in the same town is not the summit; a bloc at the heart of one
   account (in half its events) must take part in the other. Accounts with a year-only date
   are not matched, and one dated only to a month must overlap the other's days (the date window
   is for reports dated to the day). The same outlet's follow-ups may refer back
   ``followup_window_days``.
3. **Linkage.** Average linkage (the default) joins two groups of accounts while the mean score
   over all their pairs reaches the threshold, so a chain of weak links does not snowball;
   single linkage (union-find) is available too. Then a group made only of later mentions of a
   dated happening (undated background among them, but not alone) joins the group of its strongest
   link.

Events may come *seeded*: already in a cluster (from an earlier block of days, see
``cluster_blocks.py``). Seeded events keep their clusters: new accounts may join a seeded cluster,
but two seeded clusters are never joined. Step 1 is in ``cluster_accounts.py``; the knobs live in
``data/clusters.yaml`` (``ClusterParams``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import logging
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from greatgame.analysis.cluster_accounts import Account, accounts, seeded_accounts
from greatgame.analysis.cluster_model import ClusterParams, StoryEvent, gap, is_bloc, is_state, jaccard
from greatgame.analysis.cluster_text import TfIdf
from greatgame.analysis.linkage import UnionFind, average_linkage

logger = logging.getLogger(__name__)


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
    if p.bloc_share and (_absent_bloc(a, b, p) or _absent_bloc(b, a, p)):
        return None  # the bloc whose meeting one account tells takes no part in the other
    reach = p.followup_window_days if (a.outlet is not None and a.outlet == b.outlet) else p.window_days
    limit = reach if (a.anchored and b.anchored) else p.undated_window_days
    if a.anchored and b.anchored and not (a.precise and b.precise):
        limit = 0  # a happening dated only to a month is in that month ("in April" is not a May summit)
    if gap(a.lo, a.hi, b.lo, b.hi) > limit:
        return None
    floor = p.min_text_same_place if (a.places & b.places) else p.min_text
    if p.min_text_same_actor is not None and any(not is_state(x) for x in a.actors & b.actors):
        floor = min(floor, p.min_text_same_actor)  # the same person or group named in both
    return floor


def _absent_bloc(a: Account, b: Account, p: ClusterParams) -> bool:
    """Whether a bloc (CSTO, EU) in two or more and at least ``bloc_share`` of a's events is (almost) absent from b.

    Almost: in less than ``bloc_other_share`` of b's events (0: in none of them).
    """
    n, m = len(a.members), len(b.members)
    return any(
        k[0] == "@"
        and c >= max(p.bloc_share * n, 2)
        and b.parties.get(k, 0) <= p.bloc_other_share * m
        and is_bloc(k[1:])
        for k, c in a.parties.items()
    )


def account_score(a: Account, b: Account, text: float, p: ClusterParams, who: float = 0.0) -> float | None:
    """Evidence that two documents' accounts tell one happening; None when they cannot."""
    floor = can_match(a, b, p)
    if floor is None or text < floor:
        return None
    w = p.weights
    score = w.get("text", 1.0) * text + w.get("countries", 0.0) * jaccard(a.countries, b.countries)
    score += w.get("actors", 0.0) * jaccard(a.actors, b.actors) + w.get("who", 0.0) * who
    if a.places & b.places:
        score += w.get("same_place", 0.0)
    return score + w.get("tone_gap", 0.0) * abs(a.conflict - b.conflict)


def candidate_pairs(
    accs: Sequence[Account], p: ClusterParams, seeded: Sequence[bool] | None = None
) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) of accounts of different documents sharing a country or place, near enough in time.

    The same outlet's accounts are paired within ``followup_window_days``, others within the
    date windows; pairs of two ``seeded`` accounts are left out. Yielded in order, one account at
    a time, so that memory holds the candidates of one account, not of all.
    """
    spans = [(a.hi - a.lo).days for a in accs if a.lo is not None and not a.vague]
    widest = dt.timedelta(days=max(spans, default=0))
    index: dict[object, tuple[list[dt.date], list[int]]] = {}
    for n in sorted(range(len(accs)), key=lambda n: (accs[n].lo or dt.date.min, n)):
        acc = accs[n]
        if acc.lo is None or acc.vague:
            continue  # undated or dated only to a year: matches nothing
        for k in _keys(acc):
            los, ids = index.setdefault(k, ([], []))
            los.append(acc.lo)
            ids.append(n)
    near = dt.timedelta(days=max(p.window_days, p.undated_window_days))
    far = dt.timedelta(days=max(p.followup_window_days, p.undated_window_days))
    cap = p.max_candidates
    for i, acc in enumerate(accs):
        if acc.lo is None or acc.vague or (seeded is not None and seeded[i]):
            continue
        found: set[int] = set()
        for k in _keys(acc):
            reach = far if isinstance(k, tuple) else near
            los, ids = index[k]
            lo = bisect.bisect_left(los, acc.lo - reach - widest)
            hi = bisect.bisect_right(los, acc.hi + reach)
            if hi - lo > cap:  # a crowded key (a country on a busy day): the reports nearest in time
                mid = bisect.bisect_left(los, acc.lo, lo, hi)
                lo = max(lo, min(mid - cap // 2, hi - cap))
                hi = lo + cap
            found.update(ids[lo:hi])
        for j in sorted(found):
            if j != i and accs[j].doc != acc.doc and (j > i or (seeded is not None and seeded[j])):
                yield (i, j) if i < j else (j, i)


def _keys(acc: Account) -> list[object]:
    keys: list[object] = [*acc.countries, *("@" + x for x in acc.places)]
    return keys + [(acc.outlet, k) for k in keys] if acc.outlet else keys


def scores(
    accs: Sequence[Account], p: ClusterParams, seeded: Sequence[bool] | None = None
) -> dict[tuple[int, int], float]:
    """The evidence score of every candidate pair of accounts that can be one happening.

    Pairs of two ``seeded`` accounts (both already in clusters) are not scored.
    """
    text = TfIdf([a.tokens for a in accs])
    who = TfIdf([_who(a) for a in accs]) if p.weights.get("who") else None
    out = {}
    for _, pairs in itertools.groupby(candidate_pairs(accs, p, seeded), key=_owner(seeded)):
        kept = []
        for i, j in pairs:
            if can_match(accs[i], accs[j], p) is None:
                continue  # cheap checks first: most candidates fail on dates or parties
            s = account_score(accs[i], accs[j], text.cosine(i, j), p, who.cosine(i, j) if who else 0.0)
            if s is not None:
                kept.append((s, i, j))
        if len(kept) > p.max_pairs:  # keep an account's strongest links (bounded memory on crowded days)
            kept = sorted(kept, key=lambda x: (-x[0], x[1], x[2]))[: p.max_pairs]
        out.update(((i, j), s) for s, i, j in kept)
    return out


def _owner(seeded: Sequence[bool] | None):
    """The account a candidate pair was found for: its unseeded side (the first when both are)."""
    return lambda pair: pair[0] if seeded is None or not seeded[pair[0]] else pair[1]


def single_linkage(
    accs: Sequence[Account], pair_scores: dict[tuple[int, int], float], p: ClusterParams,
    fixed: Sequence[Sequence[int]] = (),
) -> list[list[int]]:  # fmt: skip
    """Single linkage: union-find over the pairs reaching the threshold, strongest first.

    A join that would make a cluster span more than ``max_span_days`` (same outlet:
    ``followup_window_days``) is refused, as is one joining two of the ``fixed`` groups.
    """
    uf = UnionFind(len(accs))
    span = {n: (a.lo, a.hi) if a.anchored and a.lo is not None else None for n, a in enumerate(accs)}
    for group in fixed:
        for n in group[1:]:
            uf.union(group[0], n)
    for group in fixed:
        root, known = uf.find(group[0]), [span[n] for n in group if span[n]]
        span[root] = (min(s[0] for s in known), max(s[1] for s in known)) if known else None
    locked = {uf.find(g[0]) for g in fixed}
    for _s, i, j in sorted(
        ((s, i, j) for (i, j), s in pair_scores.items() if s >= p.threshold), reverse=True
    ):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or (ri in locked and rj in locked):
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
        if ri in locked or rj in locked:
            locked.add(uf.find(ri))
    return uf.groups()


def is_mention(acc: Account, p: ClusterParams) -> bool:
    """Whether an account tells, in a piece published ``mention_days`` or more after it, a dated happening."""
    if p.background_mentions and acc.background:
        return True
    return (
        acc.anchored
        and acc.hi is not None
        and acc.published is not None
        and (acc.published - acc.hi).days >= p.mention_days
    )


def attach_mentions(
    accs: Sequence[Account],
    parts: list[list[int]],
    pair_scores: dict[tuple[int, int], float],
    p: ClusterParams,
    seeded: Sequence[bool],
) -> list[list[int]]:
    """Join each group made only of later mentions to the group of its strongest link.

    A piece written weeks later names an old happening in a sentence or two: its words and
    parties are a small part of the happening's reports, so the mean over all their pairs stays
    low, but its best link says where it belongs. Groups holding seeded or first-hand accounts
    are left as they are, as are groups of undated background only (a standing state of affairs,
    "Russia has not recognised ...", tells no happening); a mention group joins at most one other
    group.
    """
    where = {n: g for g, part in enumerate(parts) for n in part}
    best: dict[int, tuple[float, int]] = {}
    for (i, j), s in pair_scores.items():
        if s < p.threshold or where[i] == where[j]:
            continue
        for a, b in ((i, j), (j, i)):
            g = where[a]
            if s > best.get(g, (0.0, -1))[0] and not all(is_mention(accs[n], p) for n in parts[where[b]]):
                best[g] = (s, where[b])
    out = [list(part) for part in parts]
    for g, part in enumerate(parts):
        if all(accs[n].background for n in part):
            continue  # a standing state of affairs alone tells no happening (it may join with a mention)
        if g in best and all(is_mention(accs[n], p) and not seeded[n] for n in part):
            out[best[g][1]] += part
            out[g] = []
    return [part for part in out if part]


def group_events(
    events: Sequence[StoryEvent], p: ClusterParams, seeds: Sequence[str | None] | None = None
) -> list[list[int]]:
    """Indices of the events, grouped into happenings (steps 1 to 3).

    ``seeds[i]``, when given and not None, is the cluster event i is already in: such events stay
    in their clusters, which new events may join but which are never joined to each other.
    """
    if seeds is None:
        seeds = [None] * len(events)
    free = [i for i, s in enumerate(seeds) if s is None]
    accs = accounts(events, p, free)
    accs += seeded_accounts(events, [i for i, s in enumerate(seeds) if s is not None], seeds, p)
    label = [seeds[a.members[0]] for a in accs]
    by_label: dict[str, list[int]] = defaultdict(list)
    for n, lab in enumerate(label):
        if lab is not None:
            by_label[lab].append(n)
    fixed = list(by_label.values())
    pair_scores = scores(accs, p, [lab is not None for lab in label])
    if p.linkage == "average":
        weights = [len(a.members) ** p.size_power for a in accs] if p.size_power else None
        parts = average_linkage(len(accs), pair_scores, p.threshold, weights, fixed)
    else:
        parts = single_linkage(accs, pair_scores, p, fixed)
    if p.mention_days:
        parts = attach_mentions(accs, parts, pair_scores, p, [lab is not None for lab in label])
    logger.debug("clustered %d events: %d accounts, %d scored pairs, %d clusters",
                 len(events), len(accs), len(pair_scores), len(parts))  # fmt: skip
    return [[i for n in part for i in accs[n].members] for part in parts]
