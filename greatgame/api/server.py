"""Run the app with uvicorn: the one place both ``greatgame serve`` and ``greatgame demo`` start it."""

from __future__ import annotations

import ipaddress
import logging

from greatgame.api.hosts import is_loopback
from greatgame.config import Settings

logger = logging.getLogger(__name__)

__all__ = ["is_loopback", "serve", "with_bound_host"]


def with_bound_host(settings: Settings, host: str) -> Settings:
    """``settings`` with the name the server binds added to the Host names it answers to.

    An address needs no entry (the Host check accepts the address a connection came in on), nor
    does a wildcard such as 0.0.0.0; a name such as ``myhost.lan`` does.
    """
    try:
        ipaddress.ip_address(host.strip("[]"))
        return settings
    except ValueError:
        if host in settings.allowed_hosts:
            return settings
        return settings.model_copy(update={"allowed_hosts": [*settings.allowed_hosts, host]})


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the HTTP API and the dashboard over ``settings.db``, read-only, until interrupted."""
    import uvicorn

    from greatgame.api import create_app
    from greatgame.store import Store

    Store(settings.db, read_only=True).close()  # fail now, with a clear message, if it cannot be read
    uvicorn.run(create_app(with_bound_host(settings, host)), host=host, port=port, log_level="info")
