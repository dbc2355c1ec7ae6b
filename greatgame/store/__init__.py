"""The DuckDB store: schema and named migrations, one-transaction writes, queries as DataFrames.

``from greatgame.store import Store``. The store never sees a spaCy object.
"""

from greatgame.store.store import DatabaseLocked, NotFound, Store, connect

__all__ = ["DatabaseLocked", "NotFound", "Store", "connect"]
