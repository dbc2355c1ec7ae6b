"""Story clustering block by block: bounded memory, the same clusters however the store was filled.

Every event has a *day*: its own date (the first day it may have happened on), or its document's
publication date when it has none. The timeline is cut into fixed blocks of ``block_days``
(counted from 0001-01-01, so a block never depends on what else is stored) and the blocks are
clustered in order. A block's events are clustered together with its *context*: the events of
the ``reach_days`` before the block, which keep the clusters an earlier block gave them
(*seeds*): the block's reports may join those clusters, but two of them are never joined.
Events without any day are clustered document by document (nothing dates them to match another).

So a block's clusters depend only on its own events, its context's events and how the context
was clustered. That is why an incremental run (see ``cluster_store.py``) gives the same
grouping as clustering everything at once: it reclusters the blocks holding new events, then
every later block whose context changed, in order. What it gives up: one document's events of
the same happening that fall on both sides of a block's first day become two accounts.

Labels: a group joining a seeded cluster takes its id. Any other group keeps the id most of its
events had before (so a user's link to a cluster survives new reports), if no other group of the
block and no event before the block holds it; otherwise it gets ``cluster_id`` of its earliest
event.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from greatgame.analysis.cluster_match import group_events
from greatgame.analysis.cluster_model import ClusterParams, StoryEvent


def cluster_id(first_event_id: str) -> str:
    """The id of a new cluster: a hash of its earliest event's id."""
    return "c" + hashlib.sha1(first_event_id.encode("utf-8")).hexdigest()[:12]


def block_of(day: dt.date, p: ClusterParams) -> int:
    """The block a document's day falls in."""
    return (day.toordinal() - 1) // p.block_days


def block_start(block: int, p: ClusterParams) -> dt.date:
    """The first day of a block."""
    return dt.date.fromordinal(block * p.block_days + 1)


def event_day(e: StoryEvent) -> dt.date | None:
    """Where an event sits on the timeline: its own first day, else its document's publication date."""
    return e.lo if e.lo is not None else e.published


def _earliest(events: Sequence[StoryEvent], members: Iterable[int]) -> list[int]:
    return sorted(members, key=lambda i: (events[i].lo or dt.date.max, events[i].id))


def label_block(
    events: Sequence[StoryEvent],
    seeds: Sequence[str | None],
    p: ClusterParams,
    old: Sequence[str | None] | None = None,
    taken: Callable[[set[str]], set[str]] | None = None,
) -> dict[str, str]:
    """Cluster ids for the unseeded events of one block (event id -> cluster id).

    ``seeds[i]``: the cluster of context event i (None for the block's own events); ``old[i]``:
    the cluster a block event had before, if any; ``taken(ids)``: which of ``ids`` events
    outside the block and its context already hold (they cannot be given to a new group).
    """
    groups = [sorted(g) for g in group_events(events, p, seeds)]
    used = {s for s in seeds if s is not None}
    out: dict[str, str] = {}
    free: list[list[int]] = []
    for g in groups:
        seed = next((seeds[i] for i in g if seeds[i] is not None), None)
        mine = [i for i in g if seeds[i] is None]
        if not mine:
            continue
        if seed is None:
            free.append(mine)
        else:
            out.update((events[i].id, seed) for i in mine)
    wanted = []
    for n, g in enumerate(free):
        counts = Counter(old[i] for i in g if old is not None and old[i] is not None)
        wanted += [(-c, lab, n) for lab, c in counts.items()]
    blocked = (
        taken({lab for _, lab, _ in wanted} | {cluster_id(events[i].id) for g in free for i in g})
        if taken
        else set()
    )
    named: dict[int, str] = {}
    for _, lab, n in sorted(wanted):
        if n not in named and lab not in used and lab not in blocked:
            named[n] = lab
            used.add(lab)
    for n, g in enumerate(free):
        if n not in named:
            order = _earliest(events, g)
            named[n] = next((cluster_id(events[i].id) for i in order
                             if cluster_id(events[i].id) not in used and cluster_id(events[i].id) not in blocked),
                            cluster_id(events[order[0]].id) + f"-{n}")  # fmt: skip
            used.add(named[n])
        out.update((events[i].id, named[n]) for i in g)
    return out


def cluster_in_memory(events: Sequence[StoryEvent], p: ClusterParams) -> dict[str, str]:
    """Event id -> cluster id for every event, block by block (what the store gets at once)."""
    ordered = sorted(events, key=lambda e: (e.doc, e.id))
    out: dict[str, str] = {}
    undated: dict[str, list[StoryEvent]] = defaultdict(list)
    blocks: dict[int, list[StoryEvent]] = defaultdict(list)
    for e in ordered:
        day = event_day(e)
        if day is None:
            undated[e.doc].append(e)
        else:
            blocks[block_of(day, p)].append(e)
    for doc in sorted(undated):
        out.update(label_block(undated[doc], [None] * len(undated[doc]), p))
    dated = sorted((event_day(e), e.doc, e.id, e) for e in ordered if event_day(e) is not None)
    days = [d[0] for d in dated]
    reach = dt.timedelta(days=p.reach_days)
    for block in sorted(blocks):
        start = block_start(block, p)
        ctx = sorted((d[3] for d in dated[bisect.bisect_left(days, start - reach) : bisect.bisect_left(days, start)]),
                     key=lambda e: (e.doc, e.id))  # fmt: skip
        own = blocks[block]
        out.update(label_block(own + ctx, [None] * len(own) + [out[e.id] for e in ctx], p))
    return out
