"""Optional token authentication, for a server reachable from other machines.

With ``settings.token`` set (``greatgame serve --token …`` or ``GREATGAME_TOKEN``), every request
must carry the token: an ``Authorization: Bearer <token>`` header (scripts), or the
``greatgame_token`` cookie. A browser gets the cookie by opening any page once with
``?token=<token>``; the server then sets it (HttpOnly, SameSite=Strict) and redirects to the same
URL without the token, so it does not linger in the address bar or in the history.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlencode

from starlette.responses import RedirectResponse

from greatgame.api.errors import error_response

COOKIE = "greatgame_token"


class TokenAuth:
    """ASGI middleware: refuse requests without the right token with a 401 in the fixed error shape."""

    def __init__(self, app, token: str):
        self.app = app
        self.token = token.encode("utf-8")

    def _ok(self, value: str | None) -> bool:
        return value is not None and hmac.compare_digest(value.encode("utf-8", "replace"), self.token)

    async def __call__(self, scope, receive, send):
        """Pass an authenticated request on; answer 401 (or set the cookie and redirect)."""
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        from starlette.requests import Request

        request = Request(scope)
        auth = request.headers.get("authorization", "")
        bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else None
        if self._ok(bearer) or self._ok(request.cookies.get(COOKIE)):
            return await self.app(scope, receive, send)
        given = request.query_params.get("token")
        if self._ok(given) and request.method in ("GET", "HEAD"):
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = request.url.path + ("?" + urlencode(rest) if rest else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(COOKIE, given, httponly=True, samesite="strict", path="/")
            return await response(scope, receive, send)
        response = error_response(
            401, "Unauthorized",
            "this server needs its access token: send 'Authorization: Bearer <token>', "
            "or open any page once with ?token=<token> in a browser",
            headers={"WWW-Authenticate": "Bearer"},
        )  # fmt: skip
        return await response(scope, receive, send)
