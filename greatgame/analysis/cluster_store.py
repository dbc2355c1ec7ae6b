"""Story clusters in the store: incremental, block by block, with stable ids.

``update_clusters(store)`` clusters what is new (events whose ``cluster`` is NULL) the way
``cluster_blocks.py`` describes: the blocks of days holding new documents are reclustered with
their context, then every later block whose context changed. Only one block and its context
(``block_days`` + ``reach_days`` of documents) is held in memory at a time, so a store of
millions of events is never loaded wholesale. The result groups events exactly as clustering
the whole store at once would (``recluster``), and a cluster keeps its id while most of its
reports stay together. Everything runs in one transaction: a run that stops half-way leaves
the clusters as they were, and the next run redoes it.

``event_clusters`` (one row per cluster) and ``event_weights`` (each act of a story counts
once, for the influence index) are rewritten for the clusters that changed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Iterator

from greatgame.analysis.cluster_blocks import block_of, block_start, label_block
from greatgame.analysis.cluster_input import event_from_row
from greatgame.analysis.cluster_model import ClusterParams, load_params
from greatgame.store.queries import OPINION_ROLES

logger = logging.getLogger(__name__)

_COLUMNS = ("id", "doc", "type", "source_ids", "source_countries", "target_ids", "target_countries", "sentence",
            "date", "date_end", "date_precision", "location_name", "location_country", "cluster",
            "doc_published", "doc_publisher", "doc_title", "day")  # fmt: skip
_LOAD = """SELECT e.id, e.doc, e.type, e.source_ids, e.source_countries, e.target_ids, e.target_countries,
                  e.sentence, e.date, e.date_end, e.date_precision, e.location_name, e.location_country,
                  e.cluster, d.published, d.publisher, d.title, g.day
           FROM gg_event_day g JOIN events e ON e.id = g.id JOIN documents d ON d.id = e.doc"""


def require_writable(store) -> None:
    """Raise a StoreError naming the fix when ``store`` is open read-only."""
    from greatgame.errors import StoreError

    if getattr(store, "read_only", False):
        raise StoreError(
            f"database {store.path} is open read-only: open it writable (Store(path)) to store clusters and outlets"
        )


def _temp_rows(
    con, name: str, columns: str, rows: list[tuple], chunk: int = 500, replace: bool = True
) -> None:
    if replace:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({columns})")
    for k in range(0, len(rows), chunk):
        part = rows[k : k + chunk]
        marks = ", ".join(["(" + ", ".join("?" * len(part[0])) + ")"] * len(part))
        con.execute(f"INSERT INTO {name} VALUES {marks}", [v for r in part for v in r])


def _rows(con, sql: str, params: list) -> Iterator[dict]:
    cur = con.execute(sql, params)
    while batch := cur.fetchmany(5000):
        yield from (dict(zip(_COLUMNS, r, strict=True)) for r in batch)


class _Run:
    """One clustering run over the store: which blocks to redo, and what changed."""

    def __init__(self, store, p: ClusterParams):
        self.con, self.p = store.con, p
        self.reach = dt.timedelta(days=p.reach_days)
        self.changed_until: dt.date | None = None  # the latest day of an event that changed cluster
        self.con.execute(
            """CREATE OR REPLACE TEMP TABLE gg_event_day AS
               SELECT e.id, e.doc, coalesce(CASE e.date_precision WHEN 'month' THEN date_trunc('month', e.date)
                                                                 WHEN 'year' THEN date_trunc('year', e.date)
                                                                 ELSE e.date END, d.published)::DATE AS day
               FROM events e JOIN documents d ON d.id = e.doc ORDER BY day"""
        )
        self.con.execute("CREATE OR REPLACE TEMP TABLE gg_touched (id VARCHAR)")

    def write(
        self, labels: dict[str, str], old: dict[str, str | None], day_of: dict[str, dt.date | None]
    ) -> None:
        """Store the labels that differ from ``old``; note the clusters touched and the latest day changed."""
        changed = sorted((i, c) for i, c in labels.items() if old.get(i) != c)
        if not changed:
            return
        _temp_rows(self.con, "gg_assign", "id VARCHAR, cluster VARCHAR", changed)
        self.con.execute("UPDATE events SET cluster = a.cluster FROM gg_assign a WHERE events.id = a.id")
        touched = {(c,) for _, c in changed} | {(old[i],) for i, _ in changed if old.get(i)}
        _temp_rows(self.con, "gg_touched", "id VARCHAR", sorted(touched), replace=False)
        days = [day_of[i] for i, _ in changed if day_of.get(i) is not None]
        if days:
            self.changed_until = max([*days, self.changed_until] if self.changed_until else days)

    def taken(self, before: dt.date):
        """Which ids events before the day ``before`` hold (a block may not reuse them)."""

        def check(ids: set[str]) -> set[str]:
            if not ids:
                return set()
            rows = self.con.execute(
                """SELECT DISTINCT e.cluster FROM events e JOIN gg_event_day g ON g.id = e.id
                   WHERE g.day < ? AND list_contains(?::VARCHAR[], e.cluster)""",
                [before, sorted(ids)],
            ).fetchall()
            return {r[0] for r in rows}

        return check

    def block(self, block: int) -> None:
        """Recluster one block's events with their context."""
        start = block_start(block, self.p)
        end = block_start(block + 1, self.p)
        rows = list(_rows(self.con, _LOAD + " WHERE g.day >= ? AND g.day < ? ORDER BY e.doc, e.id",
                          [start - self.reach, end]))  # fmt: skip
        own = [r for r in rows if r["day"] >= start or r["cluster"] is None]
        ctx = [r for r in rows if r["day"] < start and r["cluster"] is not None]
        events = [event_from_row(r) for r in own + ctx]
        seeds = [None] * len(own) + [r["cluster"] for r in ctx]
        old = [r["cluster"] for r in own] + [None] * len(ctx)
        labels = label_block(events, seeds, self.p, old, self.taken(start))
        self.write(labels, {r["id"]: r["cluster"] for r in own}, {r["id"]: r["day"] for r in own})

    def undated(self, everything: bool, chunk: int = 500) -> None:
        """Events without any day: clustered document by document."""
        where = " WHERE g.day IS NULL"
        if not everything:
            where += " AND g.doc IN (SELECT doc FROM events WHERE cluster IS NULL)"
        docs = [
            r[0]
            for r in self.con.execute(
                f"SELECT DISTINCT g.doc FROM gg_event_day g{where} ORDER BY 1"
            ).fetchall()
        ]
        for k in range(0, len(docs), chunk):
            rows = list(_rows(self.con, _LOAD + " WHERE g.day IS NULL AND list_contains(?::VARCHAR[], g.doc)"
                              " ORDER BY e.doc, e.id", [docs[k : k + chunk]]))  # fmt: skip
            for _, group in itertools.groupby(rows, key=lambda r: r["doc"]):
                own = list(group)
                events = [event_from_row(r) for r in own]
                labels = label_block(events, [None] * len(own), self.p, [r["cluster"] for r in own])
                self.write(labels, {r["id"]: r["cluster"] for r in own}, {})

    def blocks(self, everything: bool) -> None:
        """Every block holding new events, then every later block whose context changed."""
        cond = "" if everything else " AND g.id IN (SELECT id FROM events WHERE cluster IS NULL)"
        dirty = {block_of(d, self.p) for (d,) in self.con.execute(
            f"SELECT DISTINCT g.day FROM gg_event_day g WHERE g.day IS NOT NULL{cond}").fetchall()}  # fmt: skip
        if not dirty:
            return
        later = self.con.execute(
            "SELECT DISTINCT g.day FROM gg_event_day g WHERE g.day >= ? ORDER BY 1",
            [block_start(min(dirty), self.p)],
        ).fetchall()
        done = 0
        for block in sorted({block_of(d, self.p) for (d,) in later}):
            start = block_start(block, self.p)
            if block in dirty or (
                self.changed_until is not None and self.changed_until >= start - self.reach
            ):
                self.block(block)
                done += 1
        logger.info("reclustered %d blocks of %d days", done, self.p.block_days)

    def summaries(self) -> None:
        """Rewrite the ``event_clusters`` rows and ``event_weights`` of the touched clusters."""
        con = self.con
        con.execute("CREATE OR REPLACE TEMP TABLE gg_touched_ids AS SELECT DISTINCT id FROM gg_touched")
        con.execute("DELETE FROM event_clusters WHERE id IN (SELECT id FROM gg_touched_ids)")
        con.execute(
            """INSERT INTO event_clusters
               SELECT e.cluster, arg_min(e.id, coalesce(e.date, d.published, DATE '9999-12-31')::VARCHAR || e.id),
                      count(*), count(DISTINCT e.doc), count(DISTINCT coalesce(o.outlet, d.publisher, e.doc)),
                      min(coalesce(e.date, d.published)), max(coalesce(e.date_end, e.date, d.published)),
                      list_sort(list_distinct(list(e.type))), ?
               FROM events e JOIN documents d ON d.id = e.doc
               LEFT JOIN document_outlets o ON o.doc = e.doc
               WHERE e.cluster IN (SELECT id FROM gg_touched_ids) GROUP BY e.cluster""",
            [dt.datetime.now()],
        )
        has_weights = con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'event_weights' AND NOT temporary"
        ).fetchone()[0]
        if not has_weights:
            con.execute(_ACT_WEIGHTS_SQL.format(head="CREATE TABLE event_weights AS", where=""),
                        list(OPINION_ROLES))  # fmt: skip
            return
        con.execute("""DELETE FROM event_weights WHERE id IN
                       (SELECT id FROM events WHERE cluster IN (SELECT id FROM gg_touched_ids))""")
        con.execute(
            _ACT_WEIGHTS_SQL.format(head="INSERT INTO event_weights",
                                    where=" AND e.cluster IN (SELECT id FROM gg_touched_ids)"),
            list(OPINION_ROLES),
        )  # fmt: skip


# The reports of one act: the same cluster, type, class of modality and countries on each side
# (an actor without a country stands for itself). Opinion sentences are left out, as in the index.
_ACT_KEY = """coalesce(e.cluster, e.id), e.type,
    CASE WHEN e.modality IN ('asserted', 'reported') THEN 'factual' ELSE e.modality END,
    list_sort(list_distinct(list_transform(list_zip(e.source_ids, e.source_countries), lambda x: coalesce(x[2], x[1])))),
    list_sort(list_distinct(list_transform(list_zip(e.target_ids, e.target_countries), lambda x: coalesce(x[2], x[1]))))"""

# ``event_weights``: for every event that is one of several reports of an act, or whose story
# several outlets told, its share of the act (1/n) and its story's number of outlets. Events
# without a row weigh 1. The influence index joins it.
_ACT_WEIGHTS_SQL = (
    """{head}
SELECT id, act_weight, outlets FROM (
    SELECT e.id, 1.0 / count(*) OVER (PARTITION BY """
    + _ACT_KEY.replace("{", "{{").replace("}", "}}")
    + """) AS act_weight,
           coalesce(c.outlets, 1) AS outlets
    FROM events e LEFT JOIN event_clusters c ON c.id = e.cluster
    WHERE e.sentence_role NOT IN ("""
    + ", ".join("?" * len(OPINION_ROLES))
    + """){where}
) WHERE act_weight < 1 OR outlets > 1"""
)


def update_clusters(store, params: ClusterParams | None = None, everything: bool = False) -> int:
    """Cluster the events not yet in a cluster (``everything``: recluster all); returns how many clusters there are.

    One transaction; ids of clusters that keep most of their reports stay the same.
    """
    require_writable(store)
    run = _Run(store, params or load_params())
    con = store.con
    con.begin()
    try:
        run.blocks(everything)
        run.undated(everything)
        run.summaries()
        con.commit()
    except Exception:
        con.rollback()
        raise
    finally:
        for name in ("gg_event_day", "gg_touched", "gg_touched_ids", "gg_assign"):
            con.execute(f"DROP TABLE IF EXISTS {name}")
    return int(con.execute("SELECT count(*) FROM event_clusters").fetchone()[0])


def recluster(store, params: ClusterParams | None = None) -> int:
    """Recluster every event of the store (after the knobs changed); ids stay where reports stay together."""
    return update_clusters(store, params, everything=True)


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
    """After an ingest: attribute documents to outlets, then cluster the new events.

    Returns ``{"outlets": n, "clusters": m}``. May be rerun: with nothing new, nothing changes.
    """
    from greatgame.analysis.outlets import write_outlets

    n_outlets = write_outlets(store)
    return {"outlets": n_outlets, "clusters": update_clusters(store, params)}
