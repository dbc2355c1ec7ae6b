"""Exports in each format read back with common tools, and are identical when repeated."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_samples import event, make_document

from greatgame.cli.export import command as export_command
from greatgame.errors import UsageError
from greatgame.store import Store
from greatgame.store.export import export


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "t.duckdb"
    with Store(path) as s:
        s.write_document(make_document(events=[
            event("CONSULT", "sergey-lavrov", "UZB", date="2025-04-22", context=["military"]),
            event("AID", "CHN", ["UZB", "KAZ"], date="2024-11-02"),
            event("FIGHT", "RUS", "UZB", date="2025-05-03", confidence=0.5),
        ]))  # fmt: skip
        s.write_document(make_document("undated.txt", published=None, events=[event("DEMAND", "USA", "UZB", date=None)]))
    return path


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for f in files:
        h.update(str(f.relative_to(path) if path.is_dir() else f.name).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


@pytest.mark.parametrize("fmt,name", [("csv", "e.csv"), ("csv", "tables"), ("parquet", "pq"),
                                      ("plover", "p.json"), ("plover", "p.jsonl"), ("graphml", "n.graphml")])  # fmt: skip
def test_export_twice_gives_identical_files(db, tmp_path, fmt, name):
    out = tmp_path / name
    with Store(db, read_only=True) as s:
        export(s, fmt, out)
        first = _digest(out)
        export(s, fmt, out)
    assert _digest(out) == first


def test_parquet_is_hive_partitioned_and_read_by_duckdb_and_polars(db, tmp_path):
    import duckdb
    import polars as pl

    out = tmp_path / "pq"
    with Store(db, read_only=True) as s:
        export(s, "parquet", out)
    assert (out / "year=2025" / "month=4").is_dir() and (out / "year=2024" / "month=11").is_dir()
    rows = duckdb.sql(
        f"SELECT id, type, year, month, context FROM read_parquet('{out}/**/*.parquet', hive_partitioning=true) ORDER BY id"
    ).fetchall()
    assert len(rows) == 4
    fight = next(r for r in rows if r[1] == "FIGHT")
    assert (fight[2], fight[3]) == (2025, 5)
    frame = pl.scan_parquet(str(out / "**/*.parquet"), hive_partitioning=True).collect()
    assert frame.height == 4
    assert frame.filter(pl.col("type") == "CONSULT")["context"].to_list() == [["military"]]
    undated = frame.filter(pl.col("type") == "DEMAND")
    assert undated["year"].to_list() == [0]


def test_csv_file_and_folder(db, tmp_path):
    import pandas as pd

    with Store(db, read_only=True) as s:
        export(s, "csv", tmp_path / "e.csv", since=dt.date(2025, 1, 1))
        export(s, "csv", tmp_path / "tables")
    flat = pd.read_csv(tmp_path / "e.csv")
    assert sorted(flat["type"]) == ["CONSULT", "FIGHT"]
    assert set(flat.loc[flat["type"] == "CONSULT", "source_countries"]) == {"RUS"}
    tables = {p.name for p in (tmp_path / "tables").iterdir()}
    assert tables == {"events.csv", "event_actors.csv", "documents.csv", "actors.csv", "statements.csv"}
    sides = pd.read_csv(tmp_path / "tables" / "event_actors.csv")
    assert len(sides) == 9  # 2 + 3 + 2 + 2 actor sides


def test_plover_records_name_actors_and_source_sentence(db, tmp_path):
    with Store(db, read_only=True) as s:
        export(s, "plover", tmp_path / "p.json")
        export(s, "plover", tmp_path / "p.jsonl")
    records = json.loads((tmp_path / "p.json").read_text())
    lines = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert records == lines
    consult = next(r for r in records if r["event"] == "CONSULT")
    assert consult["actor1"][0]["id"] == "sergey-lavrov" and consult["actor1"][0]["country"] == "RUS"
    assert consult["actor2"][0]["id"] == "UZB"
    assert consult["date"] == "2025-04-22" and consult["context"] == ["military"]
    assert consult["source"]["sentence"].startswith("Sentence 0")
    assert consult["quad"] == "verbal_cooperation"


def test_graphml_reads_back_with_networkx(db, tmp_path):
    import networkx as nx

    with Store(db, read_only=True) as s:
        export(s, "graphml", tmp_path / "n.graphml")
    g = nx.read_graphml(tmp_path / "n.graphml")
    assert g.nodes["sergey-lavrov"]["kind"] == "person"
    assert g.nodes["sergey-lavrov"]["country"] == "RUS"
    edges = {(u, v, d["quad"]): d for u, v, d in g.edges(data=True)}
    assert edges[("RUS", "UZB", "material_conflict")]["count"] == 1
    assert edges[("RUS", "UZB", "material_conflict")]["weight"] == pytest.approx(0.5)
    assert ("CHN", "KAZ", "material_cooperation") in edges


def test_export_refuses_to_overwrite_a_foreign_folder(db, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    with Store(db, read_only=True) as s, pytest.raises(UsageError, match="did not write"):
        export(s, "parquet", folder)
    assert (folder / "notes.txt").read_text() == "keep me"


def test_cli_export_writes_the_file(db, tmp_path):
    out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(export_command, ["--format", "plover", "--db", str(db), "-o", str(out),
                                                 "--since", "2025-05-01"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["event"] for x in out.read_text().splitlines()] == ["FIGHT"]
