"""The actor network: who acts on whom, by quad class, over a time window."""

from __future__ import annotations

import datetime as dt

import pandas as pd


def network_edges(store, since: dt.date | None = None, until: dt.date | None = None) -> pd.DataFrame:
    """Edges (source, target, quad, count, weight) with the name, kind and country of both ends.

    Only asserted and reported events outside opinion sentences count; ``weight`` is the summed
    confidence of the events behind the edge.
    """
    edges = store.edges(since=since, until=until)
    actors = store.actor_names(set(edges["source"]) | set(edges["target"]))
    for end in ("source", "target"):
        named = actors.rename(columns={c: f"{end}_{c}" for c in ("name", "kind", "country")})
        edges = edges.merge(named.rename(columns={"id": end}), on=end, how="left")
    return edges.sort_values(["source", "target", "quad"]).reset_index(drop=True)


def network_graph(store, since: dt.date | None = None, until: dt.date | None = None):
    """The same network as a networkx MultiDiGraph (edge key = quad class)."""
    from greatgame.store.export import network_graph as build

    return build(store, since=since, until=until)
