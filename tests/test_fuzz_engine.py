"""The whole engine (prepare, annotate, code) and the event date resolver on arbitrary input.

Every document ends as a Document or as a Failure naming it with a reason; never an exception,
never a hang: a document that runs past ``Settings.doc_timeout`` becomes a clear Failure.
"""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from greatgame.events.dates import find_dates
from greatgame.models import PLOVER_TYPES, Document, Failure, RawDocument

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])  # fmt: skip

WORDS = st.sampled_from(
    "Russia China Uzbekistan Kazakhstan Lavrov Putin Mirziyoyev Tokayev Taliban SCO CSTO EU NATO met visited "
    "signed condemned attacked threatened agreed said will not may yesterday tomorrow Monday on in at the of "
    "and \" ' , . ; : — ( ) 31/02/2024 0/0/0 1446 AH 99999 Ramadhaan 12 March 2025 Tashkent Astana Dushanbe "
    "he she they it who which 2024-02-30 next week last year".split()
    + ["\n\n", "\u202e", "\u200f", "ش", "Ж", "\x00", "\ud800", "<b>", "**", "#"]
)  # fmt: skip
TEXTS = st.lists(WORDS, min_size=1, max_size=60).map(" ".join) | st.text(max_size=200)


def check_result(result, raw: RawDocument) -> None:
    assert isinstance(result, Document | Failure)
    if isinstance(result, Failure):
        assert result.doc_id == raw.id and result.reason
        assert "internal error" not in result.reason, result.reason  # a bug, not a bad input
        return
    record = result.to_record()
    json.dumps(record).encode("utf-8")  # the record can be written out
    for event in result.events:
        assert event.type in PLOVER_TYPES
        assert 0 <= event.char_start <= event.char_end <= len(result.text)
        assert result.text[event.char_start : event.char_end] == event.sentence
        assert event.date is None or event.date_end is None or event.date <= event.date_end


@FAST
@given(text=TEXTS, kind=st.sampled_from(["txt", "md", "html"]),
       published=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))  # fmt: skip
def test_engine_on_arbitrary_short_texts(engine, text, kind, published):
    given_fields = {"published": published} if published else {}
    raw = RawDocument("fuzz", kind, text, given=given_fields)
    check_result(engine.process(raw), raw)


@pytest.fixture
def short_timeout(engine):
    original = engine.settings
    engine.settings = original.model_copy(update={"doc_timeout": 0.5})
    yield engine
    engine.settings = original


def test_a_pathological_document_times_out_with_a_clear_failure(short_timeout):
    # 2000 event sentences take seconds to parse and code: far over a limit of half a second.
    raw = RawDocument("many_names.txt", "txt", "Russia and China signed an agreement in Tashkent on Monday. " * 2000)
    started = time.monotonic()
    result = short_timeout.process(raw)
    assert time.monotonic() - started < 5
    assert isinstance(result, Failure) and result.doc_id == "many_names.txt"
    assert "longer than 0.5 s" in result.reason and "--doc-timeout" in result.reason


def test_a_timeout_swallowed_by_a_library_still_ends_the_document(short_timeout, monkeypatch):
    """trafilatura catches Exception around its extraction; the alarm repeats until the document ends."""
    import greatgame.ingest

    def stubborn(raw, settings=None):
        try:
            time.sleep(3)
        except Exception:  # noqa: BLE001 - what a careless library does
            pass
        while True:
            time.sleep(0.05)

    monkeypatch.setattr(greatgame.ingest, "prepare", stubborn)
    started = time.monotonic()
    result = short_timeout.process(RawDocument("stubborn.txt", "txt", "text"))
    assert isinstance(result, Failure) and "longer than 0.5 s" in result.reason
    assert time.monotonic() - started < 3


def test_an_unexpected_error_in_a_stage_costs_one_document(engine, monkeypatch):
    def broken(doc):
        raise KeyError("boom")

    monkeypatch.setattr(engine.coder, "code", broken)
    result = engine.process(RawDocument("x.txt", "txt", "Russia and China signed a deal in Tashkent."))
    assert isinstance(result, Failure) and result.doc_id == "x.txt"
    assert "internal error" in result.reason and "KeyError" in result.reason


def test_hostile_documents_end_as_records_or_clear_failures(engine):
    cases = {
        "surrogates": "Lavrov met \ud800 Mirziyoyev in Tashkent \udfff yesterday.",
        "nul": "Putin\x00 visited Astana\x00 on 3 May 2024.",
        "rtl": "\u202eРоссия\u202c Russia criticised the United States. \u200fروسيا انتقدت الولايات المتحدة",
        "impossible dates": "On 31/02/2024 and 0/0/0 and in 99999, Uzbekistan hosted talks. 1446 AH",
        "controls": "\x1b[2J\x1b[31mThe Taliban attacked a checkpoint.\x07\x08",
        "only punctuation": ".,;:!?" * 500,
    }
    for name, text in cases.items():
        raw = RawDocument(name, "txt", text)
        check_result(engine.process(raw), raw)


def test_a_text_over_a_million_characters_is_a_clear_failure(engine):
    """Over spaCy's 1 M-character limit: processed, or stopped by the time limit with a clear reason."""
    raw = RawDocument("long.txt", "txt", "Russia met China in Tashkent. " * 40_000)
    saved = engine.settings
    engine.settings = saved.model_copy(update={"doc_timeout": 8.0})
    try:
        check_result(engine.process(raw), raw)
    finally:
        engine.settings = saved


# -- the event date resolver -------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, published=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
       future=st.booleans())  # fmt: skip
def test_event_dates_on_arbitrary_text(text, published, future):
    for hit in find_dates(text, published, future):
        assert hit.precision in ("day", "month", "year", "none")
        assert 0 <= hit.start <= hit.end <= len(text) and text[hit.start : hit.end] == hit.text
        assert hit.date is None or hit.date_end is None or hit.date <= hit.date_end


@pytest.mark.parametrize("text", ["31/02/2024", "0/0/0", "00/00/00", "on 99/99/99", "in 99999",
                                  "29 February 2023", "from March 5 to March 3", "1446 AH", "Jan 0"])  # fmt: skip
def test_impossible_event_dates_resolve_to_nothing(text):
    assert [h for h in find_dates(text, dt.date(2024, 5, 1)) if h.date is not None] == []


@pytest.mark.parametrize("published", [dt.date.max, dt.date.min])
def test_relative_dates_at_the_ends_of_the_calendar_do_not_raise(published):
    for text in ("tomorrow", "yesterday", "next week", "last week", "next year", "next month", "on Monday"):
        for future in (False, True):
            find_dates(text, published, future)
