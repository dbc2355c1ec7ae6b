"""Story clusters: one real-world happening, told by several outlets or again in follow-ups.

An event is one sentence's report; a *cluster* is the happening behind several such reports (a
summit, a visit, a clash), with all its evidence. Counting clusters instead of events keeps
whoever publishes most from looking most active. The parts:

* ``cluster_input.py``: StoryEvents from extraction records or stored events;
* ``cluster_accounts.py``, ``cluster_match.py``: a document's events grouped into accounts,
  accounts of different documents matched on date window, shared actors and places, text
  similarity and tone, and joined by average linkage;
* ``cluster_blocks.py``: the timeline cut into blocks of days, clustered in order, each with the
  clusters of the days before it as seeds (bounded memory, the same result however the store
  was filled) and cluster ids that stay put;
* ``cluster_store.py``: the store, clustered incrementally after every ingest.

This module holds what readers use: ``cluster_events`` (in memory), ``clustered`` and
``clustered_page`` (one item per cluster for the API), and the weights that make the influence
index count each cluster or act once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from greatgame.analysis.cluster_blocks import cluster_id, cluster_in_memory
from greatgame.analysis.cluster_input import events_from_frame, events_from_records, make_event, parse_day
from greatgame.analysis.cluster_model import ClusterParams, StoryEvent, iter_ids, load_params
from greatgame.analysis.cluster_store import (
    recluster,
    refresh_sources,
    require_writable,
    sources_stale,
    update_clusters,
)
from greatgame.analysis.periods import as_date

logger = logging.getLogger(__name__)

__all__ = [
    "ClusterParams", "StoryEvent", "act_weights", "cluster_events", "cluster_id", "cluster_weight_sql",
    "cluster_weights", "clustered", "clustered_page", "events_from_frame", "events_from_records", "load_params",
    "make_event", "parse_day", "recluster", "refresh_sources", "require_writable", "sources_stale",
    "update_clusters",
]  # fmt: skip


def cluster_events(events: Sequence[StoryEvent], params: ClusterParams | None = None) -> dict[str, str]:
    """Event id -> cluster id for every event (a lone event is a cluster of one).

    The same grouping and ids as clustering a fresh store holding these events.
    """
    return cluster_in_memory(events, params or load_params())


def act_weights(events, diversity: bool = False):
    """Each event's weight when every act of a story counts once (pandas, as ``event_weights``).

    An act is the reports in one cluster with the same type, class of modality and countries on
    each side; each of its n reports weighs 1/n. With ``diversity`` an act of a story told by k
    distinct outlets weighs ``1 + ln k`` in total. Rows without a ``cluster`` column or value
    weigh 1 (times the diversity of their single outlet: 1).
    """
    import numpy as np
    import pandas as pd

    if events.empty or "cluster" not in events:
        return pd.Series(1.0, index=events.index, dtype=float)
    cluster = events["cluster"].where(events["cluster"].notna(), events["id"])
    factual = events["modality"].isin(["asserted", "reported"])
    kind = events["modality"].where(~factual, "factual")

    def side(ids, countries) -> str:
        ids, ctry = (
            iter_ids(ids),
            list(countries) if countries is not None and not isinstance(countries, float) else [],
        )
        keys = {(ctry[k] if k < len(ctry) and isinstance(ctry[k], str) else i) for k, i in enumerate(ids)}
        return "|".join(sorted(keys))

    src = [side(i, c) for i, c in zip(events["source_ids"], events["source_countries"], strict=True)]
    tgt = [side(i, c) for i, c in zip(events["target_ids"], events["target_countries"], strict=True)]
    key = pd.Series(list(zip(cluster, events["type"], kind, src, tgt, strict=True)), index=events.index)
    weight = 1.0 / key.map(key.value_counts())
    if diversity:
        outlet = events["doc_publisher"].where(events["doc_publisher"].notna(), events["doc"])
        k = cluster.map(pd.DataFrame({"c": cluster, "o": outlet}).groupby("c")["o"].nunique())
        weight = weight * (1.0 + np.log(k.astype(float)))
    return weight.astype(float)


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


def cluster_weight_sql(diversity: bool = False) -> str:
    """SQL for a relation ``(id, cluster_weight)`` over the stored events: ``cluster_weights`` in DuckDB.

    Join it to ``events`` on ``id`` and multiply an event's weight by ``cluster_weight`` so that
    each cluster counts once (with ``diversity``: ``1 + ln(outlets)`` times). Events without a
    cluster weigh 1.
    """
    spread = "(1 + ln(greatest(coalesce(c.outlets, 1), 1)))" if diversity else "1.0"
    return f"""
        SELECT e.id, {spread} / count(*) OVER (PARTITION BY coalesce(e.cluster, e.id)) AS cluster_weight
        FROM events e LEFT JOIN event_clusters c ON c.id = e.cluster"""


def clustered_page(
    store, limit: int | None = 50, offset: int = 0, **filters
) -> tuple[list[dict[str, Any]], int]:
    """One page of clusters (newest first) among the events matching ``filters``, and their total.

    ``filters`` are those of ``Store.events``. A cluster is chosen when one of its events matches;
    its ``evidence`` then lists all its events. Events not yet clustered count as clusters of one.
    """
    from greatgame.store.queries import event_filters

    where, params = event_filters(**filters)
    groups = f"""SELECT coalesce(e.cluster, e.id) AS k, max(coalesce(e.date, d.published)) AS last
                 FROM events e JOIN documents d ON d.id = e.doc{where} GROUP BY k"""
    total = int(store.con.execute(f"SELECT count(*) FROM ({groups})", params).fetchone()[0])
    page = " ORDER BY last DESC NULLS LAST, k" + (" LIMIT ? OFFSET ?" if limit is not None else " OFFSET ?")
    extra = [int(limit), int(offset)] if limit is not None else [int(offset)]
    keys = [r[0] for r in store.con.execute(groups + page, params + extra).fetchall()]
    if not keys:
        return [], total
    ids = store.con.execute(
        "SELECT id FROM events WHERE list_contains(?::VARCHAR[], coalesce(cluster, id))", [keys]
    ).fetchall()
    order = {k: n for n, k in enumerate(keys)}
    items = clustered(store.events(ids=[i for (i,) in ids]))
    return sorted(items, key=lambda it: order.get(it["cluster"], len(order))), total


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def clustered(events) -> list[dict[str, Any]]:
    """One item per cluster of an events DataFrame (``Store.events()``), with all its evidence.

    Each item: ``cluster``, ``types``, ``first_day``, ``last_day``, ``n_events``, ``n_documents``,
    ``n_outlets``, ``actors``, and ``evidence`` (document, publisher, event id, type, sentence,
    its index, role and offsets of every report), newest cluster first.
    """
    from greatgame.catalogue.outlets import load_outlets

    outlets = load_outlets()
    if events.empty:
        return []
    key = events["cluster"].where(events["cluster"].notna(), events["id"])
    items = []
    for cid, part in events.assign(_k=key).groupby("_k", sort=False):
        days = [d for d in (as_date(x) for x in part["day"].tolist()) if d is not None]
        pubs = {
            (outlets.resolve(p).id if isinstance(p, str) else doc)
            for p, doc in zip(part["doc_publisher"], part["doc"], strict=True)
        }
        actors = sorted({a for col in ("source_ids", "target_ids") for v in part[col] for a in iter_ids(v)})
        items.append({
            "cluster": cid, "types": sorted(set(part["type"])),
            "first_day": min(days) if days else None, "last_day": max(days) if days else None,
            "n_events": len(part), "n_documents": part["doc"].nunique(), "n_outlets": len(pubs), "actors": actors,
            "evidence": [
                {"event": r["id"], "doc": r["doc"], "doc_title": _text(r.get("doc_title")),
                 "publisher": _text(r.get("doc_publisher")),
                 "type": r["type"], "sentence": r["sentence"], "sentence_idx": int(r["sentence_idx"]),
                 "sentence_role": r["sentence_role"],
                 "char_start": int(r["char_start"]), "char_end": int(r["char_end"]), "day": as_date(r.get("day"))}
                for r in part.to_dict("records")
            ],
        })  # fmt: skip
    items.sort(key=lambda it: (it["last_day"] is not None, str(it["last_day"] or "")), reverse=True)
    return items
