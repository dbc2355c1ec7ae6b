"""benchmarks/memory.py tells the streaming phase from the finish step by what the ingest prints."""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import memory  # noqa: E402

from greatgame.pipeline import FINISH_STARTED  # noqa: E402


def test_the_benchmark_watches_for_the_line_the_finish_step_logs():
    assert memory.FINISH_STARTED == FINISH_STARTED


def test_progress_bar_updates_and_the_finish_line_are_read():
    stderr = (
        b"INFO greatgame.nlp.model: loaded spaCy model\n"
        b"ingest:  10%|#         | 10/100 [00:01<00:09, 9.9doc/s]\r"
        b"ingest: 100%|##########| 100/100 [00:10<00:00, 9.9doc/s]"
        b"INFO greatgame.pipeline: " + FINISH_STARTED.encode() + b"\n"
    )
    state = {"done": 0, "finishing": False, "tail": []}
    memory._watch(io.BufferedReader(io.BytesIO(stderr)), state)
    assert state["done"] == 100
    assert state["finishing"] is True
    assert state["tail"] == ["INFO greatgame.nlp.model: loaded spaCy model"]
