"""Ingest writes finished documents a batch per transaction: same rows as one at a time."""

from __future__ import annotations

from store_samples import event, make_document

from greatgame.store import Store


def _table_rows(store) -> dict[str, list]:
    out = {}
    for table in ("documents", "sentences", "entities", "mentions", "actors_in_doc", "events", "event_actors",
                  "statements", "relations"):  # fmt: skip
        cols = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "ingested_at"]
        names = ", ".join(f'"{c}"' for c in cols)
        out[table] = sorted(store.con.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)
    return out


def test_writing_a_batch_stores_what_writing_one_by_one_stores(tmp_path):
    docs = [
        make_document("a.txt", events=[event("CONSULT", "sergey-lavrov", "UZB", context=["military"])]),
        make_document("b.txt", text="Other text.", events=[event("AID", "CHN", ["UZB", "KAZ"], date=None)]),
        make_document("c.txt", text="Other text."),  # same content as b.txt: a duplicate
    ]
    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "bulk.duckdb") as bulk:
        assert [one.write_document(d) for d in docs] == [True, True, False]
        assert bulk.write_documents(docs) == [True, True, False]
        assert bulk.write_documents(docs[:1]) == [False]
        assert _table_rows(bulk) == _table_rows(one)


def test_writing_a_batch_replaces_a_changed_document(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.write_documents(
            [make_document(events=[event("CONSULT", "RUS", "UZB"), event("AID", "CHN", "UZB")])]
        )
        newer = make_document(text="A corrected text.", events=[event("SANCTION", "USA", "RUS")])
        assert store.write_documents([newer]) == [True]
        assert list(store.document(newer.id)["events"]["type"]) == ["SANCTION"]
