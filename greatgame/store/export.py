"""Exports of a greatgame database: CSV, Hive-partitioned Parquet, PLOVER JSON, GraphML.

Every export is deterministic: rows are sorted, no timestamps are written, and the target is
rewritten whole, so exporting twice gives byte-identical files.

* ``csv``: a path ending in ``.csv`` gets one file of flattened events (list fields joined by
  ``;``). Any other path is a folder that gets one CSV per table: ``events.csv``,
  ``event_actors.csv``, ``documents.csv`` (without the text), ``actors.csv``, ``statements.csv``.
* ``parquet``: a folder ``year=YYYY/month=M/part-0.parquet`` (Hive layout) of events; the year
  and month are those of the event's ``day`` (its date, else the document's). Events with no
  day at all go to ``year=0/month=0``. DuckDB (``read_parquet('DIR/**/*.parquet',
  hive_partitioning=true)``), polars (``pl.scan_parquet('DIR/**/*.parquet', hive_partitioning=True)``)
  and Spark (``spark.read.parquet('DIR')``) read it as is.
* ``plover``: PLOVER-style event records; a JSON array, or JSON Lines for a ``.jsonl`` path.
* ``graphml``: a directed multigraph (networkx): actors as nodes (name, kind, country), one
  edge per (source, target, quad) with ``count`` and ``weight`` (summed confidence) of the
  asserted and reported events outside opinion sentences.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import shutil
from pathlib import Path
from typing import Any

from greatgame.errors import UsageError

logger = logging.getLogger(__name__)

FORMATS = ("csv", "parquet", "plover", "graphml")
DEFAULT_NAMES = {"csv": "events.csv", "parquet": "events_parquet", "plover": "events.plover.json",
                 "graphml": "network.graphml"}  # fmt: skip
_CSV_TABLES = ("events", "event_actors", "documents", "actors", "statements")
_LIST_COLUMNS = ("context", "source_ids", "source_countries", "target_ids", "target_countries")


def export(store, fmt: str, out: str | Path | None = None, since: dt.date | None = None,
           until: dt.date | None = None) -> Path:  # fmt: skip
    """Write the events between ``since`` and ``until`` in format ``fmt`` to ``out``; return the path."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format '{fmt}': choose one of {', '.join(FORMATS)}")
    path = Path(out) if out is not None else Path(DEFAULT_NAMES[fmt])
    writer = {"csv": export_csv, "parquet": export_parquet, "plover": export_plover, "graphml": export_graphml}[fmt]
    writer(store, path, since=since, until=until)
    logger.info("exported %s to %s", fmt, path)
    return path


def _events(store, since, until):
    df = store.events(since=since, until=until)
    return df.sort_values(["id"], kind="stable").reset_index(drop=True)


def _prepare_folder(path: Path, ours) -> None:
    """Empty a folder this module wrote before (every file in it passes ``ours``), or create it.

    A folder holding anything else is refused, so an export never deletes a user's files.
    """
    if path.exists():
        if not path.is_dir():
            raise UsageError(f"{path} is a file: give a folder path for this export")
        strangers = [p for p in path.rglob("*") if p.is_file() and not ours(p.relative_to(path).as_posix())]
        if strangers:
            raise UsageError(
                f"{path} holds files greatgame did not write (e.g. {strangers[0].name}): choose another -o PATH"
            )
        shutil.rmtree(path)
    path.mkdir(parents=True)


def _our_csv(name: str) -> bool:
    return name in {f"{t}.csv" for t in _CSV_TABLES}


def _our_parquet(name: str) -> bool:
    return re.fullmatch(r"year=\d+/month=\d+/part-\d+\.parquet", name) is not None


def _flatten(df):
    out = df.copy()
    for col in _LIST_COLUMNS:
        if col in out:
            out[col] = out[col].map(lambda v: ";".join("" if x is None else str(x) for x in v) if v is not None else "")
    return out


def export_csv(store, path: Path, since=None, until=None) -> None:
    """Events as one flat CSV (``*.csv`` path), or a folder with one CSV per table."""
    events = _flatten(_events(store, since, until))
    if path.suffix.lower() == ".csv":
        path.parent.mkdir(parents=True, exist_ok=True)
        events.to_csv(path, index=False, lineterminator="\n")
        return
    _prepare_folder(path, _our_csv)
    ids = list(events["id"])
    tables = {
        "events": events,
        "event_actors": store.event_actors(ids=ids),
        "documents": store.documents().sort_values("id").drop(columns=["ingested_at"]),
        "actors": store.actors().sort_values("id"),
        "statements": _flatten_statements(store.statements(since=since, until=until)),
    }
    for name, df in tables.items():
        df.to_csv(path / f"{name}.csv", index=False, lineterminator="\n")


def _flatten_statements(df):
    out = df.sort_values(["doc", "idx"]).copy()
    for col in ("about_ids", "about_stances"):
        out[col] = out[col].map(lambda v: ";".join(str(x) for x in v) if v is not None else "")
    return out


def export_parquet(store, path: Path, since=None, until=None) -> None:
    """Events as a Hive-partitioned Parquet dataset (``year=YYYY/month=M``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    events = _events(store, since, until)
    _prepare_folder(path, _our_parquet)
    day = events["day"]
    year = day.dt.year.fillna(0).astype(int)
    month = day.dt.month.fillna(0).astype(int)
    for (y, m), part in events.groupby([year, month], sort=True):
        folder = path / f"year={y}" / f"month={m}"
        folder.mkdir(parents=True)
        table = _arrow_events(part.reset_index(drop=True), pa)
        pq.write_table(table, folder / "part-0.parquet", compression="zstd")


def _arrow_events(df, pa):
    """An Arrow table with fixed types (so every partition has the same schema)."""
    strings = pa.string()
    lists = pa.list_(strings)
    fields = []
    for col in df.columns:
        if col in _LIST_COLUMNS:
            typ = lists
        elif col in ("date", "date_end", "day", "doc_published"):
            typ = pa.date32()
        elif col in ("confidence", "location_lat", "location_lon"):
            typ = pa.float64()
        elif col in ("sentence_idx", "char_start", "char_end"):
            typ = pa.int64()
        else:
            typ = strings
        fields.append(pa.field(col, typ))
    arrays = []
    for f in fields:
        values = [_plain(v, f.type, pa) for v in df[f.name]]
        arrays.append(pa.array(values, type=f.type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _plain(value: Any, typ, pa) -> Any:
    """A pandas cell as a plain Python value for Arrow (NaN/NaT -> None)."""
    if value is None:
        return None
    if typ == pa.date32():
        return None if _missing(value) else value.date() if hasattr(value, "date") else value
    if isinstance(typ, pa.ListType):
        return list(value)
    if _missing(value):
        return None
    if typ == pa.string():
        return str(value)
    return value


def _missing(value: Any) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def plover_records(store, since=None, until=None) -> list[dict[str, Any]]:
    """PLOVER-style records: event, mode, context, actor1 (sources), actor2 (targets), source text."""
    events = _events(store, since, until)
    sides = store.event_actors(ids=list(events["id"]))
    actors: dict[tuple[str, str], list[dict]] = {}
    for r in sides.itertuples(index=False):
        actors.setdefault((r.event, r.side), []).append(
            {"id": r.actor_id, "name": _none(r.name), "country": _none(r.country), "kind": _none(r.kind)}
        )
    return [_plover_record(e, actors) for e in events.to_dict("records")]


def _plover_record(e: dict[str, Any], actors: dict) -> dict[str, Any]:
    location = None
    if _none(e["location_name"]):
        location = {"name": e["location_name"], "country": _none(e["location_country"]),
                    "lat": _none(e["location_lat"]), "lon": _none(e["location_lon"])}  # fmt: skip
    return {
        "id": e["id"],
        "date": _iso(e["day"]),
        "date_end": _iso(e["date_end"]),
        "date_precision": e["date_precision"] if _none(e["date"]) else "document",
        "event": e["type"],
        "quad": e["quad"],
        "mode": _none(e["mode"]),
        "context": list(e["context"]),
        "actor1": actors.get((e["id"], "source"), []),
        "actor2": actors.get((e["id"], "target"), []),
        "location": location,
        "modality": e["modality"],
        "attributed_to": e["attributed_to"],
        "confidence": round(float(e["confidence"]), 3),
        "source": {
            "doc": e["doc"], "title": _none(e["doc_title"]), "publisher": _none(e["doc_publisher"]),
            "url": _none(e["doc_url"]), "published": _iso(e["doc_published"]),
            "sentence": e["sentence"], "sentence_role": e["sentence_role"],
            "char_start": int(e["char_start"]), "char_end": int(e["char_end"]),
        },  # fmt: skip
    }


def _none(value: Any) -> Any:
    return None if value is None or _missing(value) else value


def _iso(value: Any) -> str | None:
    value = _none(value)
    if value is None:
        return None
    return value.date().isoformat() if hasattr(value, "date") else value.isoformat()


def export_plover(store, path: Path, since=None, until=None) -> None:
    """PLOVER records as a JSON array, or JSON Lines when the path ends in ``.jsonl``."""
    records = plover_records(store, since, until)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)
    else:
        text = json.dumps(records, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")


def network_graph(store, since=None, until=None):
    """A networkx MultiDiGraph: actors as nodes, one edge per (source, target, quad) with count and weight."""
    import networkx as nx

    edges = store.edges(since=since, until=until)
    seen = {r["id"]: r for r in store.actors().to_dict("records")}
    g = nx.MultiDiGraph()
    for node in sorted(set(edges["source"]) | set(edges["target"])):
        info = seen.get(node, {})
        g.add_node(node, name=_none(info.get("name")) or node, kind=_none(info.get("kind")) or "",
                   country=_none(info.get("country")) or "")  # fmt: skip
    for r in edges.itertuples(index=False):
        g.add_edge(r.source, r.target, key=r.quad, quad=r.quad, count=int(r.count), weight=float(r.weight))
    return g


def export_graphml(store, path: Path, since=None, until=None) -> None:
    """The actor network as GraphML."""
    import networkx as nx

    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(network_graph(store, since, until), path, encoding="utf-8")
