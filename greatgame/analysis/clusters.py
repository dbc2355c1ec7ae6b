"""Story clusters: one real-world happening, told by several outlets or again in follow-ups.

An event is one sentence's report; a *cluster* is the happening behind several such reports (a
summit, a visit, a clash), with all its evidence. Counting clusters instead of events keeps
whoever publishes most from looking most active. How reports are matched is described in
``cluster_match.py``: events of one document are grouped into accounts, accounts of different
documents are matched on date window, shared actors and places, text similarity and tone, and
joined by average linkage. A cluster's id is a hash of its earliest event's id (earliest by date,
then id), so it stays the same when later reports join.

``cluster_events`` works on StoryEvents made from extraction records (``events_from_records``)
or from a store DataFrame (``events_from_frame``). ``recluster(store)`` writes the ids into
``events.cluster`` and the ``event_clusters`` table; ``clustered`` and ``cluster_weights`` serve
the API and the influence index (one item or one unit of weight per cluster).
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable, Sequence
from typing import Any

from greatgame.analysis.cluster_match import (
    BACKGROUND,
    ClusterParams,
    StoryEvent,
    group_events,
    iter_ids,
    load_params,
    tokens,
)
from greatgame.analysis.periods import as_date
from greatgame.store.queries import OPINION_ROLES

logger = logging.getLogger(__name__)

__all__ = [
    "ClusterParams", "StoryEvent", "act_weights", "cluster_events", "cluster_id", "cluster_weight_sql", "cluster_weights", "clustered",
    "clustered_page", "refresh_sources", "sources_stale",
    "events_from_frame", "events_from_records", "load_params", "make_event", "recluster", "write_clusters",
]  # fmt: skip


# -- building StoryEvents ---------------------------------------------------------------------


def parse_day(value: Any) -> tuple[dt.date | None, dt.date | None, str]:
    """A date, ISO string (``2022``, ``2022-01``, ``2022-01-05``) or Timestamp -> (first, last, precision)."""
    if value is None or value != value:  # None, NaN, NaT
        return None, None, "none"
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value, "day"
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31), "year"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            y, m = map(int, text.split("-"))
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month"
        d = dt.date.fromisoformat(text[:10])
        return d, d, "day"
    except ValueError:
        return None, None, "none"


def _event_range(date, date_end, precision, published) -> tuple[dt.date | None, dt.date | None, bool, bool]:
    """(lo, hi, precise, anchored); an undated event falls back to its document's date."""
    lo, hi, prec = parse_day(date)
    if lo is not None:
        if prec == "day" and precision in ("month", "year"):
            lo, hi, prec = parse_day(lo.isoformat()[: 7 if precision == "month" else 4])
        _, end_hi, _ = parse_day(date_end)
        if end_hi is not None and end_hi > hi:
            hi = end_hi
        return lo, hi, prec == "day", True
    pub, _, _ = parse_day(published)
    return pub, pub, False, False


def make_event(
    id: str, doc: str, type: str, source: Sequence[dict], target: Sequence[dict], sentence: str = "",
    date=None, date_end=None, date_precision: str | None = None, published=None,
    location: dict | None = None, outlet: str | None = None, title: str | None = None,
) -> StoryEvent:  # fmt: skip
    """A StoryEvent from contract-shaped parts (``source``/``target``: ``{"id", "country"}`` dicts).

    An actor without a country (a bloc, an armed group) stands for itself among the countries.
    """
    sides = [a for a in list(source or []) + list(target or []) if isinstance(a.get("id"), str)]
    actors = frozenset(a["id"] for a in sides)
    countries = frozenset(
        a["country"] if isinstance(a.get("country"), str) and a["country"] else a["id"] for a in sides
    )
    lo, hi, precise, anchored = _event_range(date, date_end, date_precision, published)
    loc = location or {}
    return StoryEvent(
        id=id, doc=doc, type=str(type).upper(), actors=actors, countries=countries,
        lo=lo, hi=hi, precise=precise, anchored=anchored,
        place=(loc.get("name") or "").lower() or None, place_country=loc.get("country"),
        outlet=outlet, sentence=sentence or "", tokens=tokens(sentence or ""), title=title or "",
        background=not anchored and bool(BACKGROUND.search(sentence or "")),
    )  # fmt: skip


def events_from_records(records: Iterable[dict[str, Any]]) -> list[StoryEvent]:
    """StoryEvents from extraction records (``greatgame extract`` lines); ids are ``<doc>:<n>``."""
    out = []
    for rec in records:
        meta = rec.get("doc") or {}
        for n, e in enumerate(rec.get("events") or []):
            out.append(
                make_event(
                    e.get("id") or f"{meta.get('id')}:{n}",
                    meta.get("id"),
                    e["type"],
                    e.get("source") or [],
                    e.get("target") or [],
                    e.get("sentence") or "",
                    e.get("date"),
                    e.get("date_end"),
                    e.get("date_precision"),
                    meta.get("published"),
                    e.get("location"),
                    meta.get("publisher"),
                    meta.get("title"),
                )  # fmt: skip
            )
    return out


def _side(ids, countries) -> list[dict]:
    ctry = list(countries) if countries is not None and not isinstance(countries, float) else []
    return [{"id": i, "country": ctry[k] if k < len(ctry) else None} for k, i in enumerate(iter_ids(ids))]


def events_from_frame(df) -> list[StoryEvent]:
    """StoryEvents from a store events DataFrame (``Store.events()``)."""
    out = []
    for e in df.to_dict("records"):
        name = e.get("location_name")
        loc = {"name": name, "country": e.get("location_country")} if isinstance(name, str) and name else None
        title = e.get("doc_title") if isinstance(e.get("doc_title"), str) else None
        out.append(
            make_event(
                e["id"],
                e["doc"],
                e["type"],
                _side(e["source_ids"], e["source_countries"]),
                _side(e["target_ids"], e["target_countries"]),
                e.get("sentence") or "",
                e.get("date"),
                e.get("date_end"),
                e.get("date_precision"),
                e.get("doc_published"),
                loc,
                e.get("doc_publisher") if isinstance(e.get("doc_publisher"), str) else None,
                title,
            )  # fmt: skip
        )
    return out


def cluster_id(first_event_id: str) -> str:
    """The stable id of a cluster: a hash of its earliest event's id."""
    return "c" + hashlib.sha1(first_event_id.encode("utf-8")).hexdigest()[:12]


def _earliest(events: Sequence[StoryEvent], members: list[int]) -> str:
    return min((events[i].lo or dt.date.max, events[i].id) for i in members)[1]


def cluster_events(events: Sequence[StoryEvent], params: ClusterParams | None = None) -> dict[str, str]:
    """Event id -> cluster id for every event (a lone event is a cluster of one)."""
    out: dict[str, str] = {}
    for members in group_events(events, params or load_params()):
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


def require_writable(store) -> None:
    """Raise a StoreError naming the fix when ``store`` is open read-only."""
    from greatgame.errors import StoreError

    if getattr(store, "read_only", False):
        raise StoreError(
            f"database {store.path} is open read-only: open it writable (Store(path)) to store clusters and outlets"
        )


# The reports of one act: the same cluster, type, class of modality and countries on each side
# (an actor without a country stands for itself). Opinion sentences are left out, as in the index.
_ACT_KEY = """coalesce(e.cluster, e.id), e.type,
    CASE WHEN e.modality IN ('asserted', 'reported') THEN 'factual' ELSE e.modality END,
    list_sort(list_distinct(list_transform(list_zip(e.source_ids, e.source_countries), lambda x: coalesce(x[2], x[1])))),
    list_sort(list_distinct(list_transform(list_zip(e.target_ids, e.target_countries), lambda x: coalesce(x[2], x[1]))))"""

# ``event_weights``: for every event that is one of several reports of an act, or whose story
# several outlets told, its share of the act (1/n) and its story's number of outlets. Events
# without a row weigh 1. Rebuilt with the clusters; the influence index joins it.
_ACT_WEIGHTS_SQL = f"""
CREATE OR REPLACE TABLE event_weights AS
SELECT id, act_weight, outlets FROM (
    SELECT e.id, 1.0 / count(*) OVER (PARTITION BY {_ACT_KEY}) AS act_weight,
           coalesce(c.outlets, 1) AS outlets
    FROM events e LEFT JOIN event_clusters c ON c.id = e.cluster
    WHERE e.sentence_role NOT IN ({", ".join("?" * len(OPINION_ROLES))})
) WHERE act_weight < 1 OR outlets > 1"""


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
        ids, ctry = iter_ids(ids), list(countries) if countries is not None and not isinstance(countries, float) else []
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


def write_clusters(store, assignment: dict[str, str]) -> int:
    """Write event id -> cluster id into ``events.cluster`` and rebuild ``event_clusters``.

    One transaction; values travel as parameters. Returns the number of clusters written.
    """
    import datetime as _dt

    require_writable(store)
    con = store.con
    con.begin()
    try:
        if not assignment:
            con.execute("UPDATE events SET cluster = NULL WHERE cluster IS NOT NULL")
            con.execute("DELETE FROM event_clusters")
            con.execute(_ACT_WEIGHTS_SQL, list(OPINION_ROLES))
            con.commit()
            return 0
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
        con.execute(_ACT_WEIGHTS_SQL, list(OPINION_ROLES))
        con.commit()
    except Exception:
        con.rollback()
        raise
    return int(con.execute("SELECT count(*) FROM event_clusters").fetchone()[0])


def recluster(store, params: ClusterParams | None = None) -> int:
    """Cluster every event of the store and write the clusters; returns how many there are."""
    events = events_from_frame(store.events())
    return write_clusters(store, cluster_events(events, params))


def sources_stale(store) -> bool:
    """Whether a stored document lacks its outlet row or an event its cluster (refresh needed)."""
    return bool(
        store.con.execute(
            """SELECT EXISTS (SELECT 1 FROM documents d WHERE NOT EXISTS
                                (SELECT 1 FROM document_outlets o WHERE o.doc = d.id))
                   OR EXISTS (SELECT 1 FROM events WHERE cluster IS NULL)"""
        ).fetchone()[0]
    )


def refresh_sources(store, params: ClusterParams | None = None) -> dict[str, int]:
    """After an ingest: attribute documents to outlets, then recluster every event.

    Returns ``{"outlets": n, "clusters": m}``. Both steps recompute from scratch and may be rerun.
    """
    from greatgame.analysis.outlets import write_outlets

    n_outlets = write_outlets(store)
    return {"outlets": n_outlets, "clusters": recluster(store, params)}


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
