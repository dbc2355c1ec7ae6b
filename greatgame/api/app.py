"""The FastAPI app factory: ``create_app(settings)``; OpenAPI at /openapi.json.

The app shares one read-only DuckDB connection between its requests (``api.reader``) and lets
go of the file when idle and every few seconds under load, so ``greatgame ingest`` can take
the lock. A request that meets the writer's lock waits up to two seconds, then gets a 503
with ``Retry-After`` in the fixed error shape. Requests whose Host header names another server
get 400 (``api.hosts``: DNS rebinding).
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

import anyio
from fastapi import FastAPI

from greatgame import __version__
from greatgame.api import pages
from greatgame.api.auth import TokenAuth
from greatgame.api.errors import ERROR_RESPONSES, error_response, install_error_handlers
from greatgame.api.headers import SecurityHeaders
from greatgame.api.hosts import HostCheck
from greatgame.api.reader import SharedReader
from greatgame.api.routers import actors, documents, events, influence, network, outlets, statements, summary
from greatgame.config import Settings

logger = logging.getLogger(__name__)

MAX_REQUEST_BYTES = 64 * 1024
_LOAD = object()  # sentinel: load the catalogue on first use


class RequestSizeLimit:
    """ASGI middleware refusing request bodies larger than ``limit`` bytes with a 413."""

    def __init__(self, app, limit: int = MAX_REQUEST_BYTES):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        """Pass the request on, or answer 413 when its body is too large."""
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        too_big = length is not None and (not length.isdigit() or int(length) > self.limit)
        if too_big:
            response = error_response(413, "RequestTooLarge", f"request body over {self.limit} bytes")
            return await response(scope, receive, send)
        seen = 0

        async def limited_receive():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _BodyTooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:
            response = error_response(413, "RequestTooLarge", f"request body over {self.limit} bytes")
            await response(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


def _catalogue_loader(catalogue: Any):
    state = {"value": catalogue}

    def get():
        if state["value"] is _LOAD:
            from greatgame.analysis.frames import load_catalogue_or_none

            state["value"] = load_catalogue_or_none()
        return state["value"]

    return get


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI):
    """At shutdown, close the shared database connection."""
    yield
    await anyio.to_thread.run_sync(app.state.reader.close)


def create_app(settings: Settings, catalogue: Any = _LOAD) -> FastAPI:
    """The HTTP API over the database ``settings.db`` (opened read-only, shared by the requests).

    ``catalogue`` is the actor catalogue used for /api/actors/{id} and bloc columns; by default
    the shipped one is loaded on first use; pass None to run without one.
    """
    app = FastAPI(
        title="greatgame",
        version=__version__,
        description="Events, actors and influence of outside powers in Central Asia, read from the news.",
        # Swagger UI and ReDoc load scripts from a CDN: an offline tool with a strict CSP serves
        # the schema only (/openapi.json), which any OpenAPI viewer or client generator reads.
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.reader = SharedReader()
    app.state.get_catalogue = _catalogue_loader(catalogue)
    install_error_handlers(app)
    for module in (documents, actors, events, influence, network, outlets, statements, summary):
        app.include_router(module.router, responses=ERROR_RESPONSES)
    app.include_router(pages.router)
    app.add_middleware(RequestSizeLimit, limit=MAX_REQUEST_BYTES)
    app.add_middleware(HostCheck, allowed=settings.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    if settings.token:
        app.add_middleware(TokenAuth, token=settings.token)
    return app
