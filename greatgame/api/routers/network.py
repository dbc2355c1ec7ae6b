"""/api/network: the actor network (nodes and aggregated edges) over a time window."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from greatgame.analysis.network import network_edges
from greatgame.api.deps import StoreDep, records
from greatgame.api.schemas import IsoDate, NetworkOut

router = APIRouter(prefix="/api/network", tags=["network"])


@router.get("", response_model=NetworkOut, summary="Actor network")
def network(
    store: StoreDep,
    since: Annotated[IsoDate | None, Query(description="first event day")] = None,
    until: Annotated[IsoDate | None, Query(description="last event day")] = None,
):
    """One edge per (source, target, quad) of stated events, with count and summed confidence."""
    edges = records(network_edges(store, since=since, until=until))
    nodes: dict[str, dict] = {}
    for e in edges:
        for end in ("source", "target"):
            nodes.setdefault(e[end], {
                "id": e[end], "name": e.get(f"{end}_name") or e[end],
                "kind": e.get(f"{end}_kind") or "other", "country": e.get(f"{end}_country"),
            })  # fmt: skip
    return {"since": since, "until": until, "nodes": [nodes[k] for k in sorted(nodes)], "edges": edges}
