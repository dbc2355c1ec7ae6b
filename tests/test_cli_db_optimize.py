"""`greatgame db optimize` rebuilds the summaries (and with --facts the influence facts); figures stay the same."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner

from greatgame.cli.main import cli
from greatgame.models import ActorRef, Document, DocumentMeta, Event, Sentence
from greatgame.store import Store


def _doc(i: int, day: dt.date, kind: str) -> Document:
    text = f"Russia and Uzbekistan {kind} number {i}."
    meta = DocumentMeta(id=f"d{i}", title=f"t{i}", published=day, content_hash=f"h{i}")
    sent = Sentence(index=0, start=0, end=len(text), text=text, parsed=True)
    event = Event(type="CONSULT" if kind == "met" else "THREATEN", source=[ActorRef("RUS", "RUS", "state")],
                  target=[ActorRef("UZB", "UZB", "state")], sentence=text, sentence_index=0, char_start=0,
                  char_end=len(text), date=day, date_precision="day", confidence=0.9)
    return Document(meta=meta, text=text, sentences=[sent], events=[event])


def test_optimize_builds_facts_and_keeps_the_figures(tmp_path):
    from greatgame.analysis import influence

    db = tmp_path / "o.duckdb"
    with Store(db) as store:
        for i in range(6):
            store.write_document(_doc(i, dt.date(2024, 1 + i, 10), "met" if i % 3 else "threatened"))
    before = influence(db, "UZB", freq="year", powers=["RUS"])
    plain = CliRunner().invoke(cli, ["db", "optimize", "--db", str(db)])
    assert plain.exit_code == 0, plain.output
    assert "summary tables rebuilt" in plain.output and "influence facts" not in plain.output
    with Store(db, read_only=True) as store:
        assert not store.con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'influence_facts'").fetchone()[0]
    result = CliRunner().invoke(cli, ["db", "optimize", "--facts", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "influence facts built" in result.output
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM influence_facts").fetchone()[0] > 0
    after = influence(db, "UZB", freq="year", powers=["RUS"])
    cols = ["power", "period", "engagement", "alignment", "share", "n_events"]
    cols = [c for c in cols if c in before.columns]
    assert before[cols].round(9).equals(after[cols].round(9))
    row = after[after["power"] == "RUS"].iloc[0]
    assert row["n_events"] == 6
