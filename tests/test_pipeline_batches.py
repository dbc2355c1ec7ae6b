"""Documents are processed a batch at a time, with the same results and per-document failures."""

from __future__ import annotations

import json

from greatgame.models import Failure, RawDocument

TEXTS = [
    "Kazakhstan and Kyrgyzstan signed a border accord in Astana on Monday.",
    "Uzbek President Shavkat Mirziyoyev met Chinese President Xi Jinping in Samarkand.",
    "Tajikistan criticised the Taliban over attacks near the border.",
]


def _raw(i: int, text: str) -> RawDocument:
    return RawDocument(f"b{i}", "txt", text)


def _record(result) -> str:
    return json.dumps(result.to_record(), sort_keys=True, default=str)


def test_a_batch_gives_what_one_document_at_a_time_gives(engine):
    raws = [_raw(i, t) for i, t in enumerate(TEXTS)]
    one = [engine.process(r) for r in raws]
    batch = engine.process_batch(raws)
    assert [_record(r) for r in batch] == [_record(r) for r in one]
    assert all(not isinstance(r, Failure) for r in batch)


def test_a_bad_document_fails_alone_in_its_batch(engine):
    raws = [_raw(0, TEXTS[0]), _raw(1, "   \n\n  "), _raw(2, TEXTS[2])]
    results = engine.process_batch(raws)
    assert [r.doc_id if isinstance(r, Failure) else r.id for r in results] == ["b0", "b1", "b2"]
    assert isinstance(results[1], Failure) and "no text" in results[1].reason
    assert not isinstance(results[0], Failure) and results[0].events
    assert not isinstance(results[2], Failure)


def test_a_batch_that_breaks_is_redone_one_document_at_a_time(engine, monkeypatch):
    raws = [_raw(i, t) for i, t in enumerate(TEXTS)]
    calls = []

    def broken(docs):
        calls.append(1)
        raise RuntimeError("boom")

    real = engine.annotator.annotate
    monkeypatch.setattr(engine.annotator, "annotate", lambda docs: broken(docs) if not calls else real(docs))
    results = engine.process_batch(raws)
    assert calls and all(not isinstance(r, Failure) for r in results)
    assert [r.id for r in results] == ["b0", "b1", "b2"]
