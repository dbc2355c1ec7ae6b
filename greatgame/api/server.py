"""Run the app with uvicorn: the one place both ``greatgame serve`` and ``greatgame demo`` start it."""

from __future__ import annotations

import ipaddress
import logging

from greatgame.config import Settings

logger = logging.getLogger(__name__)


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the HTTP API and the dashboard over ``settings.db``, read-only, until interrupted."""
    import uvicorn

    from greatgame.api import create_app
    from greatgame.store import Store

    Store(settings.db, read_only=True).close()  # fail now, with a clear message, if it cannot be read
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
