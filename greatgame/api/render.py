"""Rendering dashboard pages: the Jinja2 environment (autoescaping), its filters, and the page frame.

Jinja2 autoescapes every value; links to other sites are emitted only for http(s) URLs; a page's
data comes from a read-only store, and greatgame errors become an error page with their status.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FunctionLoader, StrictUndefined

from greatgame.api.deps import LOCK_TIMEOUT
from greatgame.api.errors import status_of
from greatgame.catalogue.outlets import AFFILIATIONS
from greatgame.errors import GreatGameError
from greatgame.models import QUAD, SENTENCE_ROLES
from greatgame.store import Store

logger = logging.getLogger(__name__)

QUADS = tuple(dict.fromkeys(QUAD.values()))
WEB = resources.files("greatgame.web")  # templates and static files (no Python there)
_TEMPLATE_NAME = re.compile(r"[a-z_]+\.html")


def _template_source(name: str) -> str | None:
    if not _TEMPLATE_NAME.fullmatch(name):
        return None
    path = WEB / "templates" / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


def external_url(url: Any) -> str | None:
    """The URL when it is a plain http(s) link, else None (so ``javascript:`` is never emitted)."""
    if not isinstance(url, str) or any(c in url for c in "\x00\r\n\t "):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _stance_class(value: Any) -> str:
    if value is None:
        return "none"
    return "positive" if value > 0.2 else "negative" if value < -0.2 else "neutral"


def _percent(value: Any) -> str:
    return "–" if value is None else f"{100 * float(value):.0f}%"


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FunctionLoader(_template_source), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)  # fmt: skip
    env.filters["u"] = lambda value: quote(str(value), safe="")
    env.filters["external"] = external_url
    env.filters["percent"] = _percent
    env.filters["quadname"] = lambda q: str(q).replace("_", " ")
    env.filters["quadclass"] = lambda q: q if q in QUADS else "other"
    env.filters["roleclass"] = lambda r: r if r in SENTENCE_ROLES else "other"
    env.filters["affclass"] = lambda a: a if a in AFFILIATIONS else "unknown"
    env.filters["stanceclass"] = _stance_class
    return env


def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    """The template rendered with the context (autoescaped), plus ``path`` and ``name_of``."""
    catalogue = request.app.state.get_catalogue()
    context.setdefault("json_url", None)
    html = (
        _environment()
        .get_template(template)
        .render(path=request.url.path, name_of=functools.partial(name_of, catalogue), **context)
    )
    return HTMLResponse(html, status_code=status)


def name_of(catalogue: Any, actor_id: Any) -> str:
    """The catalogue name of an actor id, or the id itself when the catalogue lacks it."""
    entry = catalogue.get(actor_id) if catalogue is not None and actor_id else None
    return entry.name if entry is not None else str(actor_id or "?")


def page(request: Request, template: str, build: Callable[[Store], dict[str, Any]]) -> HTMLResponse:
    """Open the database read-only, build the context, render; greatgame errors become an HTML page."""
    try:
        with Store(request.app.state.settings.db, read_only=True, lock_timeout=LOCK_TIMEOUT) as store:
            context = build(store)
    except GreatGameError as exc:
        status = status_of(exc)
        logger.info("page %s: %s", request.url.path, exc)
        return render(request, "error.html", status, title=f"Error {status}", kind=type(exc).__name__,
                       message=str(exc))  # fmt: skip
    return render(request, template, **context)


def twin(path: str, params: dict[str, Any] | None = None) -> str:
    """The URL of a page's JSON twin: the path with its non-empty parameters."""
    query = urlencode([(k, v) for k, v in (params or {}).items() if v not in (None, "", [])], doseq=True)
    return f"{path}?{query}" if query else path
