"""The one translation of errors into the API's fixed JSON shape ``{"error": {"type", "message"}}``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from greatgame.api.schemas import ErrorBody
from greatgame.errors import GreatGameError, SchemaOutOfDate, StoreError, UnknownActor, UsageError
from greatgame.store import DatabaseLocked, NotFound

logger = logging.getLogger(__name__)

# error class -> HTTP status (the first match in this order wins)
STATUS = (
    (NotFound, 404),
    (UnknownActor, 404),
    (UsageError, 400),
    (DatabaseLocked, 503),
    (SchemaOutOfDate, 503),
    (StoreError, 503),
    (GreatGameError, 500),
)

_HTTP_TYPES = {400: "BadRequest", 404: "NotFound", 405: "MethodNotAllowed", 413: "RequestTooLarge"}

ERROR_RESPONSES = {
    code: {"model": ErrorBody, "description": text}
    for code, text in (
        (400, "Bad request"),
        (404, "Not found"),
        (413, "Request too large"),
        (422, "Invalid parameters"),
        (503, "Database unavailable (locked by a writer, missing, or not migrated)"),
    )
}


def error_response(status: int, type_: str, message: str, headers: dict | None = None) -> JSONResponse:
    """A JSON response in the fixed error shape."""
    return JSONResponse({"error": {"type": type_, "message": message}}, status_code=status, headers=headers)


def status_of(exc: GreatGameError) -> int:
    """The HTTP status of a greatgame error."""
    return next(code for cls, code in STATUS if isinstance(exc, cls))


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers: greatgame errors, validation errors, HTTP errors, anything else."""

    @app.exception_handler(GreatGameError)
    async def greatgame_error(request: Request, exc: GreatGameError) -> JSONResponse:
        status = status_of(exc)
        headers = {"Retry-After": "5"} if status == 503 else None
        return error_response(status, type(exc).__name__, str(exc), headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return error_response(422, "ValidationError", "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path {request.url.path}: see /openapi.json for the endpoints"
        type_ = _HTTP_TYPES.get(exc.status_code, "HTTPError")
        return error_response(exc.status_code, type_, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unexpected error on %s", request.url.path)
        return error_response(500, "InternalError", "internal error: see the server log")
