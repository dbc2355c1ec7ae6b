"""The web dashboard: HTML pages and their static files, each page with a JSON twin under /api.

Pages are rendered on the server by calling the very functions the JSON routes use, so what a
person sees is what a script fetches from the twin named in the page's "JSON" link. Charts are
drawn in the browser by small scripts (greatgame/web/static/*.js) from the same JSON.

Safety: rendering autoescapes every value (``greatgame.api.render``); the scripts write text only
through ``textContent``; and ``greatgame.api.headers.SecurityHeaders`` gives every response a strict
Content-Security-Policy (no inline script or style, nothing from elsewhere).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from greatgame.api.deps import Paging
from greatgame.api.layout import network_layout, role_shares, stance_grid
from greatgame.api.render import QUADS, WEB, name_of
from greatgame.api.render import page as _page
from greatgame.api.render import twin as _twin
from greatgame.api.routers import actors as actors_api
from greatgame.api.routers import documents as documents_api
from greatgame.api.routers import events as events_api
from greatgame.api.routers import network as network_api
from greatgame.api.routers import outlets as outlets_api
from greatgame.api.routers import statements as statements_api
from greatgame.api.routers import summary as summary_api
from greatgame.catalogue.outlets import AFFILIATIONS
from greatgame.models import MODALITIES, PLOVER_TYPES
from greatgame.store import NotFound, Store

router = APIRouter(include_in_schema=False)

CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB", "AFG")
PAGE_SIZE = 50
TABLE_EDGES = 25  # links listed under the network drawing (all of them are in the JSON)
_STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".svg": "image/svg+xml"}  # fmt: skip
_STATIC_NAME = re.compile(r"[a-z0-9_-]+\.(css|js|svg)")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ID = re.compile(r"[\w.:#@+-]{1,200}")





# -- static files ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _static_bytes(name: str) -> bytes | None:
    path = WEB / "static" / name
    return path.read_bytes() if path.is_file() else None


@router.get("/static/{name}")
def static_file(name: str) -> Response:
    """A stylesheet, script or icon of the dashboard (no directories, no other kinds)."""
    body = _static_bytes(name) if _STATIC_NAME.fullmatch(name) else None
    if body is None:
        raise HTTPException(404, f"no static file '{name}'")
    kind = _STATIC_TYPES[name[name.rindex(".") :]]
    return Response(body, media_type=kind, headers={"Cache-Control": "public, max-age=600"})


@router.get("/favicon.ico")
def favicon() -> Response:
    """The icon browsers ask for on their own."""
    return static_file("favicon.svg")


# -- pages -------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def overview(request: Request):
    """Counts, the countries of the region, the most mentioned actors, the newest documents."""

    def build(store: Store) -> dict[str, Any]:
        countries = [{"id": c, "name": name_of(request.app.state.get_catalogue(), c),
                      "events": store.count_events(country=c)} for c in CENTRAL_ASIA]  # fmt: skip
        return {
            "title": "Overview", "json_url": "/api/summary", "summary": summary_api.summary(store=store),
            "countries": countries,
            "states": actors_api.list_actors(paging=_paging(1, 40), kind="state", store=store)["items"],
            "actors": actors_api.list_actors(paging=_paging(1, 15), store=store)["items"],
            "documents": _documents(store, _paging(1, 10)),
        }  # fmt: skip

    return _page(request, "overview.html", build)


def _documents(store: Store, paging: Paging, q: str | None = None) -> dict[str, Any]:
    return documents_api.list_documents(paging=paging, q=q, store=store)


@router.get("/documents", response_class=HTMLResponse)
def document_list(request: Request, page: str = "1", q: str = ""):
    """Documents, newest first, with a title search."""
    paging = _paging(_page_number(page), PAGE_SIZE)
    q = q.strip()[:200]

    def build(store: Store) -> dict[str, Any]:
        result = _documents(store, paging, q or None)
        return {"title": "Documents", "q": q, "result": result, "pager": _pager(request, paging, result["total"]),
                "json_url": _twin("/api/documents", {"q": q, "page": paging.page})}  # fmt: skip

    return _page(request, "documents.html", build)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str):
    """The cleaned text, one row per sentence with its role, event sentences highlighted."""

    def build(store: Store) -> dict[str, Any]:
        doc = documents_api.get_document(doc_id=doc_id, store=store)
        return {"title": doc["title"] or doc["id"], "doc": doc, "rows": sentence_rows(doc),
                "json_url": f"/api/documents/{quote(doc_id, safe='')}"}  # fmt: skip

    return _page(request, "document.html", build)


def sentence_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The document as rows: each sentence with its events and text pieces (``mark`` = trigger).

    Text between sentences that is not blank becomes a row of its own; a blank line before a
    sentence starts a new paragraph.
    """
    text, rows, pos = doc["text"], [], 0
    by_sentence: dict[int, list[dict]] = {}
    for e in doc["events"]:
        by_sentence.setdefault(e["sentence_idx"], []).append(e)
    for s in sorted(doc["sentences"], key=lambda s: s["start"]):
        gap = text[pos : s["start"]]
        if gap.strip():
            rows.append({"idx": None, "role": "other", "pieces": [(gap.strip(), False)], "events": [],
                         "paragraph": True})  # fmt: skip
        events = by_sentence.get(s["idx"], [])
        triggers = [e["trigger"] for e in events if e.get("trigger")]
        rows.append({"idx": s["idx"], "role": s["role"], "events": events, "paragraph": "\n\n" in gap or not rows,
                     "pieces": _marked(text[s["start"] : s["end"]], triggers)})  # fmt: skip
        pos = max(pos, s["end"])
    if text[pos:].strip():
        rows.append({"idx": None, "role": "other", "pieces": [(text[pos:].strip(), False)], "events": [],
                     "paragraph": True})  # fmt: skip
    return rows


def _marked(sentence: str, triggers: list[str]) -> list[tuple[str, bool]]:
    """Split a sentence into (text, is_trigger) pieces, marking the first occurrence of each trigger."""
    spans = []
    for trig in triggers:
        m = re.search(r"\b" + re.escape(trig) + r"\b", sentence, flags=re.IGNORECASE)
        if m:
            spans.append((m.start(), m.end()))
    pieces, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        pieces += [(sentence[pos:start], False), (sentence[start:end], True)]
        pos = end
    pieces.append((sentence[pos:], False))
    return [p for p in pieces if p[0]]


@router.get("/actors", response_class=HTMLResponse)
def actor_list(request: Request, page: str = "1", q: str = "", kind: str = ""):
    """Actors seen in the database, most mentioned first."""
    paging = _paging(_page_number(page), PAGE_SIZE)
    q, kind = q.strip()[:200], kind.strip()[:40]

    def build(store: Store) -> dict[str, Any]:
        result = actors_api.list_actors(paging=paging, q=q or None, kind=kind or None, store=store)
        return {"title": "Actors", "q": q, "kind": kind, "result": result,
                "pager": _pager(request, paging, result["total"]), "json_url": _twin("/api/actors", {"q": q, "kind": kind, "page": paging.page})}  # fmt: skip

    return _page(request, "actors.html", build)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str, date: str = ""):
    """Offices with dates, memberships on a date, the event timeline and the statements."""
    on = _day(date)

    def build(store: Store) -> dict[str, Any]:
        actor = actors_api.get_actor(request=request, store=store, actor_id=actor_id, date=on, events=200)
        said = statements_api.list_statements(paging=_paging(1, 50), speaker=actor_id, store=store)
        about = statements_api.list_statements(paging=_paging(1, 50), about=actor_id, store=store)
        return {"title": actor["name"], "actor": actor, "said": said, "about": about, "date": on,
                "date_problem": bool(date) and on is None, "months": _by_month(actor["recent_events"]),
                "json_url": _twin(f"/api/actors/{quote(actor_id, safe='')}", {"date": on, "events": 200})}  # fmt: skip

    return _page(request, "actor.html", build)


def _by_month(events: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    months: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        key = e["day"].strftime("%Y-%m") if e.get("day") else "undated"
        months.setdefault(key, []).append(e)
    return list(months.items())


@router.get("/countries/{iso3}", response_class=HTMLResponse)
def country_page(request: Request, iso3: str, freq: str = "quarter"):
    """Influence shares and alignment of the outside powers over time (charts drawn by country.js)."""
    country = iso3.upper()
    freq = freq if freq in ("month", "quarter", "year") else "quarter"

    def build(store: Store) -> dict[str, Any]:
        if not _ID.fullmatch(country):
            raise NotFound(f"'{iso3}' is not a country id: use an ISO3 code such as UZB")
        catalogue = request.app.state.get_catalogue()
        known = catalogue is not None and catalogue.get(country) is not None
        count = store.count_events(country=country)
        if not known and not count:
            raise NotFound(
                f"no country '{country}' in the catalogue or the database: use an ISO3 code such as UZB"
            )
        recent = events_api.list_events(
            paging=_paging(1, 10), filters=_filters(country=[country]), store=store
        )["items"]
        return {"title": name_of(catalogue, country), "country": country, "freq": freq, "count": count,
                "recent": recent, "json_url": _twin("/api/influence", {"country": country, "freq": freq})}  # fmt: skip

    return _page(request, "country.html", build)


EVENT_FIELDS = ("actor", "country", "type", "quad", "context", "modality", "since", "until")


@router.get("/events", response_class=HTMLResponse)
def event_explorer(request: Request):
    """Events filtered by actor, country, type, quad, context, modality and dates, in pages."""
    raw = {k: request.query_params.get(k, "").strip()[:200] for k in EVENT_FIELDS}
    values, problems = event_query(raw)
    paging = _paging(_page_number(request.query_params.get("page", "1")), PAGE_SIZE)
    clustered = request.query_params.get("clustered", "") in ("true", "1", "on")

    def build(store: Store) -> dict[str, Any]:
        result = events_api.list_events(paging=paging, filters=_filters(**values), store=store, clustered=clustered)
        twin = {k: raw[k] for k in EVENT_FIELDS if values.get(k) is not None}
        twin["clustered"] = "true" if clustered else None
        return {"title": "Events", "form": raw, "problems": problems, "result": result, "clustered": clustered,
                "pager": _pager(request, paging, result["total"]), "types": PLOVER_TYPES, "quads": QUADS,
                "modalities": MODALITIES, "json_url": _twin("/api/events", {**twin, "page": paging.page})}  # fmt: skip

    return _page(request, "events.html", build)


def event_query(raw: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The explorer's filters from form fields: blanks ignored, bad values named in ``problems``."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    checks = {"type": PLOVER_TYPES, "quad": QUADS, "modality": MODALITIES}
    for key, value in raw.items():
        if not value:
            continue
        if key in ("since", "until"):
            values[key] = _day(value)
            ok = values[key] is not None
        elif key in checks:
            value = value.upper() if key == "type" else value
            ok = value in checks[key]
            values[key] = [value] if ok else None
        else:
            ok = True
            values[key] = [value.upper()] if key == "country" else [value]
        if not ok:
            problems.append(f"{key}: '{value}' is not understood and was ignored")
    return values, problems


def _filters(**values: Any) -> events_api.EventFilters:
    args = {k: values.get(k) for k in EVENT_FIELDS}
    return events_api.EventFilters(**args, doc=values.get("doc"))


@router.get("/outlets", response_class=HTMLResponse)
def outlet_list(request: Request, page: str = "1", affiliation: str = ""):
    """Outlets seen in the database: affiliation, owner, documents, events, commentary share."""
    paging = _paging(_page_number(page), PAGE_SIZE)
    affiliation = affiliation.strip()[:40]

    def build(store: Store) -> dict[str, Any]:
        result = outlets_api.list_outlets(paging=paging, store=store, affiliation=affiliation or None)
        return {"title": "Outlets", "result": result, "affiliation": affiliation, "affiliations": AFFILIATIONS,
                "pager": _pager(request, paging, result["total"]),
                "json_url": _twin("/api/outlets", {"affiliation": affiliation, "page": paging.page})}  # fmt: skip

    return _page(request, "outlets.html", build)


@router.get("/outlets/{outlet_id}", response_class=HTMLResponse)
def outlet_page(request: Request, outlet_id: str, freq: str = "year"):
    """One outlet: sentence roles, genres, top actors, stance toward each power over time, documents."""
    freq = freq if freq in ("month", "quarter", "year") else "year"

    def build(store: Store) -> dict[str, Any]:
        if not _ID.fullmatch(outlet_id):
            raise NotFound(f"'{outlet_id}' is not an outlet id: see /outlets")
        found = outlets_api.get_outlet(store=store, outlet_id=outlet_id, freq=freq, documents=100)
        return {"title": found["outlet"]["name"], "o": found, "freq": freq, "stance": stance_grid(found["stance"]),
                "roles": role_shares(found["sentence_roles"]),
                "json_url": _twin(f"/api/outlets/{quote(outlet_id, safe='')}", {"freq": freq if freq != "year" else None})}  # fmt: skip

    return _page(request, "outlet.html", build)




@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, since: str = "", until: str = ""):
    """Who engages whom: actors placed by a force layout computed here, edges coloured by quad."""
    start, end = _day(since), _day(until)

    def build(store: Store) -> dict[str, Any]:
        net = network_api.network(store=store, since=start, until=end)
        strongest = sorted(net["edges"], key=lambda e: (-e["count"], e["source"], e["target"]))[:TABLE_EDGES]
        return {"title": "Network", "since": since, "until": until, "net": net, "layout": network_layout(net),
                "strongest": strongest,
                "json_url": _twin("/api/network", {"since": start, "until": end})}  # fmt: skip

    return _page(request, "network.html", build)




# -- small helpers -----------------------------------------------------------------------------


def _day(value: str | None) -> dt.date | None:
    if not value or not _ISO_DAY.fullmatch(value.strip()):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def _paging(page: int, size: int) -> Paging:
    return Paging(page=page, page_size=size)


def _page_number(value: str) -> int:
    return min(int(value), 1_000_000) if value.isdigit() and int(value) >= 1 else 1


def _pager(request: Request, paging: Paging, total: int) -> dict[str, Any]:
    """Links to the previous and next page, keeping the other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k != "page" and v}

    def link(page: int) -> str:
        return _twin(request.url.path, {**params, "page": page})

    has_next = paging.page * paging.page_size < total
    return {"page": paging.page, "prev": link(paging.page - 1) if paging.page > 1 else None,
            "next": link(paging.page + 1) if has_next else None}  # fmt: skip
