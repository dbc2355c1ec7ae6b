"""Read queries of the store, each returning a pandas DataFrame (or a dict of them).

All values reach DuckDB as parameters; only fixed column and table names are written into SQL.
An event's ``day`` is its own date, or the document's publication date when the event has none;
``since`` and ``until`` filter on ``day`` (both inclusive). ``day`` is stored on the event row
(with ``actors`` and ``keys``, the ids and the ids and countries on either side), so no event
query joins the documents to filter or sort.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

logger = logging.getLogger(__name__)

OPINION_ROLES = ("commentary", "appeal")  # sentence roles whose events are opinion, not fact

_EVENT_SELECT = """
SELECT e.id, e.doc, e.sentence_idx, e.type, e.quad, e.mode, e.context,
       e.source_ids, e.source_countries, e.target_ids, e.target_countries,
       e.date, e.date_end, e.date_precision, e.day,
       e.location_name, e.location_country, e.location_lat, e.location_lon,
       e.modality, e.attributed_to, e.confidence, e.sentence_role, e.trigger,
       e.sentence, e.char_start, e.char_end, e.cluster,
       d.title AS doc_title, d.publisher AS doc_publisher, d.url AS doc_url, d.published AS doc_published
FROM events e JOIN documents d ON d.id = e.doc
"""

_EVENT_ORDER = " ORDER BY e.day DESC NULLS LAST, e.doc, e.char_start, e.id"

_PAGE_IDS = "SELECT e.id, e.doc, e.day FROM events e"

DEEP_PAGE = 1000  # pages ending further than this from the first row are narrowed to their days first


def _page_rows(page: list[tuple]) -> tuple[str, list[Any]]:
    """SQL and parameters reading the full rows of a page's (id, doc, day) triples, in page order.

    The page's events and documents are picked first, each by id (and the events also by the
    page's range of days, so zone maps skip the rest of the table), then joined: a join
    written over the whole tables makes DuckDB scan them.
    """
    ids, docs = [r[0] for r in page], sorted({r[1] for r in page})
    days = [r[2] for r in page if r[2] is not None]
    span, params = "", list(ids)
    if days and len(days) == len(page):
        span, params = " AND day BETWEEN ? AND ?", params + [min(days), max(days)]
    elif days:
        span, params = " AND (day >= ? OR day IS NULL)", params + [min(days)]
    select = _EVENT_SELECT.replace("FROM events e JOIN documents d", "FROM page_events e JOIN page_docs d")
    sql = f"""
        WITH page_events AS MATERIALIZED (SELECT * FROM events WHERE id IN ({", ".join("?" * len(ids))}){span}),
             page_docs AS MATERIALIZED (SELECT id, title, publisher, url, published FROM documents
                                        WHERE id IN ({", ".join("?" * len(docs))}))
        {select}{_EVENT_ORDER}"""
    return sql, params + docs


def _as_list(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if v is not None]


def _in(column: str, values: list[str], where: list[str], params: list[Any]) -> None:
    if values:
        where.append(f"{column} IN ({', '.join('?' * len(values))})")
        params.extend(values)


def _window(day: str, since: Any, until: Any, where: list[str], params: list[Any]) -> None:
    """The day expression lies between ``since`` and ``until`` (either may be None)."""
    if since is not None:
        where.append(f"{day} >= ?")
        params.append(since)
    if until is not None:
        where.append(f"{day} <= ?")
        params.append(until)


def _any_contains(column: str, values: list[str], where: list[str], params: list[Any]) -> None:
    """The list column holds one of the values (``list_contains`` per value: fast scans)."""
    where.append("(" + " OR ".join(f"list_contains({column}, ?)" for _ in values) + ")")
    params.extend(values)


def _plain_dates(*values: Any) -> bool:
    """Whether each value is None or a date (not a datetime or string): the summary tables' windows."""
    return all(v is None or (isinstance(v, dt.date) and not isinstance(v, dt.datetime)) for v in values)


def _page(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    if limit is None:
        return (" OFFSET ?", [offset]) if offset else ("", [])
    return " LIMIT ? OFFSET ?", [int(limit), int(offset)]


def event_filters(
    actor: str | Iterable[str] | None = None,
    country: str | Iterable[str] | None = None,
    type: str | Iterable[str] | None = None,
    quad: str | Iterable[str] | None = None,
    context: str | Iterable[str] | None = None,
    modality: str | Iterable[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    doc: str | None = None,
    ids: Iterable[str] | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) for the event filters; each filter may be a list.

    ``actor`` matches an actor id on either side; ``country`` matches an actor's country or id
    on either side; ``context`` matches when any listed context is among the event's contexts.
    Every filter reads the ``events`` row itself (``actors``: the ids on either side; ``keys``: the
    ids and countries on either side; ``day``), never another table, so a filtered scan needs no join.
    """
    where: list[str] = []
    params: list[Any] = []
    actors = _as_list(actor)
    if actors:  # the event's own lists: no join with event_actors (a semi-join on 10 M ids is slow)
        _any_contains("e.actors", actors, where, params)
    countries = _as_list(country)
    if countries:
        _any_contains("e.keys", countries, where, params)
    _in("e.type", [t.upper() for t in _as_list(type)], where, params)
    _in("e.quad", _as_list(quad), where, params)
    _in("e.modality", _as_list(modality), where, params)
    contexts = _as_list(context)
    if contexts:  # list_contains per value: several times faster than list_has_any on a long scan
        _any_contains("e.context", contexts, where, params)
    _window("e.day", since, until, where, params)
    if doc is not None:
        where.append("e.doc = ?")
        params.append(doc)
    if ids is not None:
        where.append("list_contains(?::VARCHAR[], e.id)")
        params.append(list(ids))
    return (" WHERE " + " AND ".join(where)) if where else "", params


class QueryMixin:
    """Queries of a ``Store`` (needs ``self.con``, an open DuckDB connection)."""

    con: Any

    def _df(self, sql: str, params: list[Any] | None = None):
        return self.con.execute(sql, params or []).df()

    def _scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        return self.con.execute(sql, params or []).fetchone()[0]

    # -- documents -------------------------------------------------------------------------

    def _document_where(self, q, publisher, genre, since, until) -> tuple[str, list[Any]]:
        where, params = [], []
        if q:
            where.append("(contains(lower(d.title), lower(?)) OR contains(lower(d.id), lower(?)))")
            params += [q, q]
        if publisher:
            where.append("d.publisher = ?")
            params.append(publisher)
        _in("d.genre", _as_list(genre), where, params)
        if since is not None:
            where.append("d.published >= ?")
            params.append(since)
        if until is not None:
            where.append("d.published <= ?")
            params.append(until)
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def documents(self, q=None, publisher=None, genre=None, since=None, until=None, limit=None, offset=0):
        """Documents (without their text), newest first, with their counts of sentences and events.

        ``q`` matches a substring of the title or id, case-insensitively.
        """
        where, params = self._document_where(q, publisher, genre, since, until)
        page, pparams = _page(limit, offset)
        sql = f"""
            SELECT d.id, d.title, d.published, d.publisher, d.author, d.genre, d.language, d.url,
                   d.path, d.content_hash, d.ingested_at, length(d.text) AS chars,
                   (SELECT count(*) FROM sentences s WHERE s.doc = d.id) AS sentences,
                   (SELECT count(*) FROM events e WHERE e.doc = d.id) AS events
            FROM documents d{where}
            ORDER BY d.published DESC NULLS LAST, d.id{page}"""
        return self._df(sql, params + pparams)

    def count_documents(self, q=None, publisher=None, genre=None, since=None, until=None) -> int:
        """How many documents ``documents`` would return without paging."""
        where, params = self._document_where(q, publisher, genre, since, until)
        return int(self._scalar(f"SELECT count(*) FROM documents d{where}", params))

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document with everything found in it; ``NotFound`` for an unknown id.

        Returns ``meta`` (dict), ``text``, and DataFrames ``sentences``, ``events``, ``actors``,
        ``statements``.
        """
        from greatgame.store.store import NotFound

        row = self.con.execute("SELECT * FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise NotFound(f"no document with id '{doc_id}': list ids with `GET /api/documents`")
        cols = [c[0] for c in self.con.description]
        meta = dict(zip(cols, row, strict=True))
        text = meta.pop("text")
        return {
            "meta": meta,
            "text": text,
            "sentences": self._df("SELECT * FROM sentences WHERE doc = ? ORDER BY idx", [doc_id]),
            "events": self.events(doc=doc_id),
            "actors": self._df("SELECT * FROM actors_in_doc WHERE doc = ? ORDER BY mentions DESC, actor_id", [doc_id]),
            "statements": self.statements(doc=doc_id),
        }

    # -- actors ----------------------------------------------------------------------------

    def actors(self, q=None, kind=None, country=None, limit=None, offset=0):
        """Actors seen in the database, most mentioned first.

        Each with its most common name, kind and country, and counts of documents, mentions and
        events. ``q`` matches a substring of id or name.
        """
        where, params = self._actor_where(q, kind, country)
        page, pparams = _page(limit, offset)
        return self._df(_ACTORS_SQL.format(where=where) + " ORDER BY mentions DESC, id" + page, params + pparams)

    def count_actors(self, q=None, kind=None, country=None) -> int:
        """How many actors ``actors`` would return without paging."""
        where, params = self._actor_where(q, kind, country)
        return int(self._scalar(f"SELECT count(*) FROM ({_ACTORS_SQL.format(where=where)})", params))

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        """The summary row of one actor seen in the database, or None."""
        df = self._df(_ACTORS_SQL.format(where=" WHERE id = ?"), [actor_id])
        return None if df.empty else df.iloc[0].to_dict()

    def _actor_where(self, q, kind, country) -> tuple[str, list[Any]]:
        where, params = [], []
        if q:
            where.append("(contains(lower(id), lower(?)) OR contains(lower(name), lower(?)))")
            params += [q, q]
        _in("kind", _as_list(kind), where, params)
        _in("country", _as_list(country), where, params)
        return (" WHERE " + " AND ".join(where)) if where else "", params

    # -- events ----------------------------------------------------------------------------

    def events(self, limit=None, offset=0, **filters):
        """Events with their document's title, publisher and date; filters as ``event_filters``.

        With a ``limit`` (a page), the page's ids are found first from the few columns that
        sort them, then only those rows are read in full (late materialisation).
        """
        where, params = event_filters(**filters)
        if limit is None:
            page, pparams = _page(limit, offset)
            return self._df(_EVENT_SELECT + where + _EVENT_ORDER + page, params + pparams)
        limit, offset = int(limit), int(offset)
        sql = _PAGE_IDS + where + _EVENT_ORDER + " LIMIT ? OFFSET ?"
        if offset + limit > DEEP_PAGE and not self._keeps_top_rows(sql, params + [limit, offset]):
            where, params, offset = self._deep_page(where, params, limit, offset)
            sql = _PAGE_IDS + where + _EVENT_ORDER + " LIMIT ? OFFSET ?"
        page = self.con.execute(sql, params + [limit, offset]).fetchall()
        if not page:
            return self._df(_EVENT_SELECT + " WHERE false")
        return self._df(*_page_rows(page))

    def _keeps_top_rows(self, sql: str, params: list[Any]) -> bool:
        """Whether DuckDB plans the page as a top-N (keeping only the first rows), not a full sort."""
        plan = "".join(str(r[-1]) for r in self.con.execute("EXPLAIN " + sql, params).fetchall())
        return "TOP_N" in plan.upper().replace(" ", "_")

    def _deep_page(self, where: str, params: list[Any], limit: int, offset: int) -> tuple[str, list[Any], int]:
        """Narrow a deep page to the days it spans: (where, params, offset within those days).

        Far from the first rows DuckDB sorts every matching event instead of keeping the top
        rows; counting the matching events per day (one scan of a few columns) tells which days
        hold the page, and the page query then reads only those days (zone maps skip the rest).
        """
        days = self.con.execute(f"SELECT e.day, count(*) FROM events e{where} GROUP BY e.day "
                                "ORDER BY e.day DESC NULLS LAST", params).fetchall()  # fmt: skip
        before, first, last = 0, None, None
        for n, (_day, count) in enumerate(days):
            if before >= offset + limit:
                break
            if first is None and before + count > offset:
                first, skipped = n, before
            last = n
            before += count
        if getattr(self, "read_only", False):  # nothing can change the answer: count_events reuses it
            self._counted = (where, list(params), sum(c for _, c in days))
        if first is None:  # past the end
            return where + (" AND" if where else " WHERE") + " false", params, 0
        newest, oldest = days[first][0], days[last][0]
        if newest is None:
            span, extra = "e.day IS NULL", []
        elif oldest is None:
            span, extra = "(e.day <= ? OR e.day IS NULL)", [newest]
        else:
            span, extra = "e.day BETWEEN ? AND ?", [oldest, newest]
        return where + (" AND " if where else " WHERE ") + span, params + extra, offset - skipped

    def count_events(self, **filters) -> int:
        """How many events ``events`` would return without paging."""
        where, params = event_filters(**filters)
        counted = getattr(self, "_counted", None)
        if counted is not None and counted[:2] == (where, params):  # a deep page of a read-only store counted them
            return int(counted[2])
        return int(self._scalar("SELECT count(*) FROM events e" + where, params))

    def event_actors(self, **filters):
        """One row per (event, side, actor) for the events matching the filters."""
        where, params = event_filters(**filters)
        sql = f"""
            SELECT a.event, a.side, a.actor_id, a.country, a.kind, a.name
            FROM event_actors a
            WHERE a.event IN (SELECT e.id FROM events e{where})
            ORDER BY a.event, a.side, a.actor_id"""
        return self._df(sql, params)

    def edges(self, since=None, until=None, factual_only: bool = True):
        """Actor-to-actor links: one row per (source, target, quad) with count and summed confidence.

        With ``factual_only`` (the default) only asserted and reported events outside opinion
        sentences count, as in the influence index. Reads the whole months of the window from the
        ``edge_months`` summary table when it is current (``greatgame.store.aggregates``), and the
        events of cut months (or of every month, without it) from their own id lists.
        """
        from greatgame.store import aggregates

        if factual_only and _plain_dates(since, until) and aggregates.current(self.con) is not None:
            first, last, pieces = aggregates.split_window(since, until)
            cond, params = aggregates.month_filter(first, last)
            parts = [f"SELECT source, target, quad, count, weight FROM edge_months WHERE {cond}"]
            for lo, hi in pieces:
                parts.append(f"SELECT source, target, quad, count, weight FROM ({aggregates.edge_rows_sql('e.day BETWEEN ? AND ?')})")
                params += [lo, hi]
            sql = f"""SELECT source, target, quad, sum(count)::BIGINT AS count, sum(weight) AS weight
                      FROM ({" UNION ALL ".join(parts)}) GROUP BY ALL ORDER BY source, target, quad"""
            return self._df(sql, params)
        where, params = event_filters(since=since, until=until)
        conds = ["true"] + ([where.removeprefix(" WHERE ")] if where else [])
        if factual_only:
            conds.append("e.modality IN ('asserted', 'reported')")
            conds.append(f"e.sentence_role NOT IN ({', '.join('?' * len(OPINION_ROLES))})")
            params += list(OPINION_ROLES)
        sql = f"""
            WITH ev AS (SELECT e.quad, e.confidence, e.source_ids, e.target_ids FROM events e
                        WHERE {" AND ".join(conds)})
            SELECT s.source, t.target, ev.quad, count(*) AS count, sum(ev.confidence) AS weight
            FROM ev, unnest(list_distinct(ev.source_ids)) AS s(source), unnest(list_distinct(ev.target_ids)) AS t(target)
            WHERE s.source <> t.target
            GROUP BY ALL ORDER BY source, target, quad"""
        return self._df(sql, params)

    def actor_names(self, ids: Iterable[str]):
        """Name, kind and country of the given actor ids as seen in the documents (as ``actors``)."""
        from greatgame.store import aggregates

        source = "actor_labels" if aggregates.current(self.con) is not None else f"({aggregates.ACTOR_LABELS_SQL})"
        sql = f"SELECT id, name, kind, country FROM {source} WHERE list_contains(?::VARCHAR[], id) ORDER BY id"
        return self._df(sql, [sorted(set(ids))])

    # -- statements ------------------------------------------------------------------------

    def statements(self, speaker=None, about=None, doc=None, since=None, until=None, limit=None, offset=0):
        """Quotes and reported statements with speaker and stances; ``about`` matches an actor id."""
        where, params = self._statement_where(speaker, about, doc, since, until)
        page, pparams = _page(limit, offset)
        sql = f"""
            SELECT s.doc, s.idx, s.speaker, s.speaker_role, s.quote, s.about_ids, s.about_stances,
                   s.sentence_idx, s.char_start, s.char_end, s.date,
                   coalesce(s.date, d.published) AS day, d.title AS doc_title
            FROM statements s JOIN documents d ON d.id = s.doc{where}
            ORDER BY day DESC NULLS LAST, s.doc, s.idx{page}"""
        return self._df(sql, params + pparams)

    def count_statements(self, speaker=None, about=None, doc=None, since=None, until=None) -> int:
        """How many statements ``statements`` would return without paging."""
        where, params = self._statement_where(speaker, about, doc, since, until)
        return int(self._scalar(f"SELECT count(*) FROM statements s JOIN documents d ON d.id = s.doc{where}", params))

    def _statement_where(self, speaker, about, doc, since, until) -> tuple[str, list[Any]]:
        where, params = [], []
        if speaker:
            where.append("s.speaker = ?")
            params.append(speaker)
        if about:
            where.append("list_contains(s.about_ids, ?)")
            params.append(about)
        if doc:
            where.append("s.doc = ?")
            params.append(doc)
        _window("coalesce(s.date, d.published)", since, until, where, params)
        return (" WHERE " + " AND ".join(where)) if where else "", params

    # -- summary ---------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Counts for a first look: rows per table, events by type, quad and modality, date range."""
        counts = {
            t: int(self._scalar(f"SELECT count(*) FROM {t}"))
            for t in ("documents", "sentences", "mentions", "relations", "events", "statements")
        }
        counts["actors"] = int(self._scalar("SELECT count(DISTINCT actor_id) FROM actors_in_doc"))

        def by(column: str) -> dict[str, int]:
            rows = self.con.execute(f"SELECT {column}, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
            return {str(k): int(v) for k, v in rows}

        first, last = self.con.execute("SELECT min(day), max(day) FROM events").fetchone()
        return {
            "counts": counts,
            "events_by_type": by("type"),
            "events_by_quad": by("quad"),
            "events_by_modality": by("modality"),
            "first_event": first,
            "last_event": last,
        }


_ACTORS_SQL = """
SELECT * FROM (
    SELECT a.actor_id AS id,
           first(a.name ORDER BY a.mentions DESC, a.doc) AS name,
           first(a.kind ORDER BY a.mentions DESC, a.doc) AS kind,
           first(a.country ORDER BY a.country IS NULL, a.mentions DESC, a.doc) AS country,
           count(DISTINCT a.doc) AS documents,
           sum(a.mentions)::BIGINT AS mentions,
           coalesce(max(ev.events), 0)::BIGINT AS events
    FROM actors_in_doc a
    LEFT JOIN (SELECT actor_id, count(DISTINCT event) AS events FROM event_actors GROUP BY actor_id) ev
           ON ev.actor_id = a.actor_id
    GROUP BY a.actor_id
){where}"""
