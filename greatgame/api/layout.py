"""View models for dashboard pages: role shares, stance grids and the network drawing's coordinates."""

from __future__ import annotations

from typing import Any

from greatgame.models import SENTENCE_ROLES


def role_shares(counts: dict[str, int]) -> list[dict[str, Any]]:
    """Every sentence role with its count and share (in the order of SENTENCE_ROLES)."""
    total = sum(counts.values()) or 1
    return [{"role": r, "n": counts.get(r, 0), "pct": round(100 * counts.get(r, 0) / total, 1)} for r in SENTENCE_ROLES]


def stance_grid(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Stance rows as a grid: one line per power, one column per period (cells may be missing)."""
    periods = sorted({r["period"] for r in rows})
    powers = sorted({r["power"] for r in rows})
    cell = {(r["power"], r["period"]): r for r in rows}
    return {"periods": periods, "lines": [(p, [cell.get((p, t)) for t in periods]) for p in powers]}


def network_layout(net: dict[str, Any], width: int = 960, height: int = 620, top: int = 45) -> dict[str, Any]:
    """SVG coordinates for the ``top`` busiest actors (spring layout, fixed seed) and their edges."""
    import networkx as nx

    degree: dict[str, int] = {}
    for e in net["edges"]:
        for end in (e["source"], e["target"]):
            degree[end] = degree.get(end, 0) + e["count"]
    busiest = set(sorted(degree, key=lambda n: (-degree[n], n))[:top])
    graph = nx.Graph()
    for e in net["edges"]:
        if e["source"] in busiest and e["target"] in busiest:
            w = graph.get_edge_data(e["source"], e["target"], {}).get("weight", 0)
            graph.add_edge(e["source"], e["target"], weight=w + e["count"])
    if not graph:
        return {"nodes": [], "edges": [], "width": width, "height": height, "hidden": len(degree)}
    # only the largest connected group: stray pairs would squeeze the drawing into a corner
    graph = graph.subgraph(max(nx.connected_components(graph), key=len)).copy()
    keep = set(graph)
    pos = nx.spring_layout(graph, seed=7, k=2.2 / max(1, len(graph)) ** 0.5, iterations=300, weight=None)
    pos = _spread(pos)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    at = {n: (70 + (p[0] - min(xs)) / span_x * (width - 140), 40 + (p[1] - min(ys)) / span_y * (height - 80))
          for n, p in pos.items()}  # fmt: skip
    info = {n["id"]: n for n in net["nodes"]}
    nodes = [{**info.get(n, {"id": n, "name": n, "kind": "other"}), "x": round(x, 1), "y": round(y, 1),
              "r": round(4 + 1.8 * min(degree[n], 50) ** 0.5, 1)} for n, (x, y) in at.items()]  # fmt: skip
    nodes.sort(key=lambda n: (n["r"], n["id"]))  # the busiest drawn last, on top
    edges = [{**e, "x1": round(at[e["source"]][0], 1), "y1": round(at[e["source"]][1], 1),
              "x2": round(at[e["target"]][0], 1), "y2": round(at[e["target"]][1], 1),
              "w": round(min(1 + e["count"] ** 0.5, 7), 1)}
             for e in net["edges"] if e["source"] in at and e["target"] in at]  # fmt: skip
    return {
        "nodes": nodes,
        "edges": edges,
        "width": width,
        "height": height,
        "hidden": len(degree) - len(keep),
    }


def _spread(pos: dict[str, Any], power: float = 0.55) -> dict[str, tuple[float, float]]:
    """Push points away from the centre (distance ** ``power``): hubs crowd the middle of a spring layout."""
    cx = sum(p[0] for p in pos.values()) / len(pos)
    cy = sum(p[1] for p in pos.values()) / len(pos)
    out = {}
    for n, p in pos.items():
        dx, dy = p[0] - cx, p[1] - cy
        d = (dx * dx + dy * dy) ** 0.5
        f = d**power / d if d > 0 else 0.0
        out[n] = (dx * f, dy * f)
    return out
