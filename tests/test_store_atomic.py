"""A document is written whole or not at all."""

from __future__ import annotations

import pytest
from store_samples import event, make_document

from greatgame.errors import StoreError
from greatgame.store import Store


def _fail_on(store, monkeypatch, table: str) -> None:
    real = Store._insert

    def insert(self, name, values, chunk=500):
        if name == table:
            raise RuntimeError("disk full (simulated)")
        return real(self, name, values, chunk)

    monkeypatch.setattr(Store, "_insert", insert)


def _counts(store):
    return store.summary()["counts"]


def test_failure_mid_document_leaves_nothing_of_it(tmp_path, monkeypatch):
    with Store(tmp_path / "t.duckdb") as store:
        empty = _counts(store)
        _fail_on(store, monkeypatch, "events")
        with pytest.raises(StoreError, match="nothing of it was written"):
            store.write_document(make_document())
        assert _counts(store) == empty
        monkeypatch.undo()
        assert store.write_document(make_document()) is True  # and a retry goes through


def test_failed_replacement_keeps_the_old_version(tmp_path, monkeypatch):
    with Store(tmp_path / "t.duckdb") as store:
        store.write_document(make_document(events=[event("CONSULT", "RUS", "UZB")]))
        before = _counts(store)
        _fail_on(store, monkeypatch, "statements")
        with pytest.raises(StoreError):
            store.write_document(make_document(events=[event("FIGHT", "RUS", "UZB"), event("AID", "CHN", "UZB")]))
        assert _counts(store) == before
        assert list(store.events()["type"]) == ["CONSULT"]
