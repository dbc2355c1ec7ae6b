"""Running twice changes nothing, and a folder of hostile files costs one Failure per bad file.

* Ingesting the same folder twice leaves every row as it was (not even ``ingested_at`` moves).
* Exporting twice, in every format, writes byte-identical files.
* Bad files (binary, undecodable, nested too deep, lone surrogates, a name that is not UTF-8)
  each give one Failure naming them; the good documents beside them are stored.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner
from crash_helpers import ARTICLES

import greatgame.pipeline as pipeline
from greatgame.cli.main import cli
from greatgame.models import Failure
from greatgame.store import Store

GOOD = ["001_turkic_council_renamed_istanbul.txt", "005_ots_astana_summit_2023.md",
        "006_shusha_informal_summit.html", "009_sco_samarkand_wire.txt"]  # fmt: skip


def hostile_files(folder) -> dict[str, str]:
    """Write the hostile files; return {document id: what its Failure must say}."""
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "nested.html").write_text("<html><body>" + "<div>" * 5000 + "text" + "</div>" * 5000)
    (folder / "scripts.html").write_text("<script>alert(1)</script>" * 100)
    (folder / "empty.md").write_text("  \n\n ")
    lines = [
        json.dumps({"id": "surrogate", "text": "Putin met \ud800 Tokayev in Astana on 3 May 2024."}),
        json.dumps({"id": "far", "text": "Lavrov will visit Tashkent tomorrow.", "published": "9999-12-31"}),
        '{"id": "deep", "text": "x", "n": ' + "[" * 20000 + "]" * 20000 + "}",
        json.dumps({"id": "nul", "text": "Xi\x00 visited Astana.\x1b[2J"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as fh:
        fh.write(b"Kazakhstan and Uzbekistan signed a water agreement in Tashkent.")
    return {"binary.txt": "binary", "nested.html": "255 levels", "scripts.html": "no text",
            "empty.md": "whitespace", "feed.jsonl:3": "too deeply", "far": "outside the years"}  # fmt: skip


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, engine):
    """A folder of good and hostile files, ingested once (with the session's engine)."""
    tmp = tmp_path_factory.mktemp("idem")
    corpus = tmp / "corpus"
    corpus.mkdir()
    for name in GOOD:
        shutil.copy(ARTICLES / name, corpus / name)
    expected_failures = hostile_files(corpus)
    settings = engine.settings.model_copy(update={"db": tmp / "t.duckdb"})
    results = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "Engine", lambda _settings: engine)
        with Store(settings.db) as store:
            first = pipeline.run_ingest([corpus], settings, store, on_result=lambda r, p: results.append(r))
        before = table_dump(settings.db)
        with Store(settings.db) as store:
            second = pipeline.run_ingest([corpus], settings, store)
    return {"db": settings.db, "first": first, "second": second, "results": results,
            "before": before, "after": table_dump(settings.db), "expected": expected_failures, "tmp": tmp}  # fmt: skip


def table_dump(db) -> dict[str, list]:
    with Store(db, read_only=True) as store:
        tables = [r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        return {t: sorted(map(repr, store.con.execute(f"SELECT * FROM {t}").fetchall())) for t in sorted(tables)}


def test_each_bad_file_costs_one_clear_failure(ingested):
    failures = {r.doc_id: r.reason for r in ingested["results"] if isinstance(r, Failure)}
    assert not any("internal error" in r for r in failures.values())
    for doc_id, words in ingested["expected"].items():
        assert words in failures.pop(doc_id)
    assert failures == {}  # no other document failed


def test_good_and_scrubbed_documents_are_stored(ingested):
    with Store(ingested["db"], read_only=True) as store:
        ids = set(store.documents()["id"])
        texts = dict(store.con.execute("SELECT id, text FROM documents").fetchall())
    assert set(GOOD) | {"surrogate", "nul", "caf\ufffd.txt"} == ids
    assert "\ufffd" in texts["surrogate"] and "\x00" not in texts["nul"] and "\x1b" not in texts["nul"]


def test_ingesting_the_same_folder_twice_changes_nothing(ingested):
    first, second = ingested["first"], ingested["second"]
    stored_first = first.done - first.failed - first.skipped
    assert stored_first == len(GOOD) + 3 and second.skipped == stored_first
    assert second.failed == first.failed  # the bad files are reported again, not stored
    assert ingested["after"] == ingested["before"]  # every row, ingested_at included


@pytest.mark.parametrize("fmt, name", [("csv", "events.csv"), ("csv", "tables"), ("parquet", "pq"),
                                       ("plover", "events.plover.json"), ("plover", "events.jsonl"),
                                       ("graphml", "network.graphml")])  # fmt: skip
def test_exporting_twice_gives_identical_files(ingested, fmt, name):
    out = ingested["tmp"] / "export" / name
    digests = []
    for _ in range(2):
        result = CliRunner().invoke(cli, ["export", "--format", fmt, "--db", str(ingested["db"]), "-o", str(out)])
        assert result.exit_code == 0, result.output
        files = sorted(p for p in ([out] if out.is_file() else out.rglob("*")) if p.is_file())
        assert files
        digests.append({p.relative_to(out.parent).as_posix(): p.read_bytes() for p in files})
    assert digests[0] == digests[1]
