"""The HTTP API: ``from greatgame.api import create_app``."""

from greatgame.api.app import create_app

__all__ = ["create_app"]
