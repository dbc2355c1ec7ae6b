"""Analytics over the store, as pandas DataFrames: influence indices, networks, timelines.

``from greatgame import analysis as gg; gg.influence("greatgame.duckdb", "UZB")``.
"""

from greatgame.analysis.frames import (
    documents,
    events,
    influence,
    network,
    network_graph,
    statements,
    timeline,
)

__all__ = ["documents", "events", "influence", "network", "network_graph", "statements", "timeline"]
