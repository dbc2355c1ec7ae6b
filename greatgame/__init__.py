"""greatgame: read news about Central Asia and rebuild the system it describes."""

__version__ = "0.1.0"
