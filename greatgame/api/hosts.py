"""The Host-header check that stops DNS rebinding.

A web page on ``attacker.example`` can make its own name resolve to 127.0.0.1 and then read a
server on loopback as if it were its own origin: the browser still sends ``Host:
attacker.example``. So the server answers only when the Host header (port aside) names it:

* the address the connection came in on (``scope["server"]``: 127.0.0.1, 192.168.1.20, ...);
* ``localhost``, ``127.0.0.1`` and ``::1`` when that address is a loopback one;
* the names in ``Settings.allowed_hosts`` (``greatgame serve --allow-host NAME``; ``*.example.org``
  matches the subdomains, ``*`` turns the check off).

Anything else gets 400 in the fixed error shape.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable

from greatgame.api.errors import error_response

logger = logging.getLogger(__name__)

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) only reaches this machine."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The host of a Host header, lower-case, without port, brackets or final dot."""
    header = header.strip().lower()
    if header.startswith("["):  # [::1]:8000
        return header[1:].split("]", 1)[0]
    if header.count(":") == 1:
        header = header.split(":", 1)[0]
    return header.rstrip(".")


class HostCheck:
    """ASGI middleware: refuse requests whose Host header does not name this server (400)."""

    def __init__(self, app, allowed: Iterable[str] = ()):
        self.app = app
        names = {host_name(h) for h in allowed if h.strip()}
        self.any = "*" in names
        self.suffixes = tuple(n[1:] for n in names if n.startswith("*."))
        self.names = frozenset(n for n in names if not n.startswith("*"))

    def allows(self, host: str, server_address: str | None) -> bool:
        """Whether a request with Host ``host`` that came in on ``server_address`` is for us."""
        if self.any:
            return True
        name = host_name(host)
        if not name:
            return False
        if name in self.names or (self.suffixes and name.endswith(self.suffixes)):
            return True
        if server_address is None:
            return False
        local = host_name(server_address)
        return name == local or (is_loopback(local) and name in LOOPBACK_NAMES)

    async def __call__(self, scope, receive, send):
        """Pass the request on, or answer 400 when its Host header names another server."""
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        host = next((v.decode("latin-1") for k, v in scope.get("headers") or [] if k == b"host"), "")
        server = scope.get("server")
        if self.allows(host, str(server[0]) if server else None):
            return await self.app(scope, receive, send)
        logger.warning("refused a request for Host %r (not a name of this server)", host[:200])
        response = error_response(
            400, "UnknownHost",
            "the Host header does not name this server: open it by its address (http://127.0.0.1:PORT/ "
            "on this machine), or start it with --allow-host NAME for another name",
        )  # fmt: skip
        await response(scope, receive, send)
