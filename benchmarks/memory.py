"""Memory: peak RSS of `greatgame ingest` while it streams 100 k generated documents, and while it finishes.

The corpus is written to a JSON Lines file (streamed, never held in memory; see gen_corpus.py),
then ingested; a sampler adds up the RSS of the greatgame process and all its worker processes
every 0.2 s. The peak is reported for the whole run and for its two phases apart: streaming
(reading, NLP in the workers, writing the store) and the finish step that runs once at the end
over the whole store (outlets, story clusters, query summaries; ``pipeline.finish_ingest``),
told apart by the line the finish step logs when it starts. Every ``--every`` seconds a line
reports the documents done so far (read from the progress bar) and the peak so far, so a run
stopped early still tells how memory behaved while streaming.
Usage: python benchmarks/memory.py [--docs 100000] [--words 120] [--workers 2] [--every 60]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_corpus import documents  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GREATGAME = ROOT / ".venv" / "bin" / "greatgame"
FINISH_STARTED = "bringing outlets and story clusters up to date"  # = greatgame.pipeline.FINISH_STARTED


def tree_rss(proc: psutil.Process) -> int:
    """Resident memory of a process and all its children, in bytes."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


_DONE = re.compile(r"ingest:.*?\|\s*(\d+)/(\d+)")


def _watch(stream, state: dict) -> None:
    """Read the ingest's stderr: progress-bar updates (``\\r``-separated) and log lines.

    Sets ``state["done"]`` from the bar and ``state["finishing"]`` when the finish step starts.
    """
    buf = b""
    for chunk in iter(lambda: stream.read1(65536), b""):
        buf += chunk
        *parts, buf = re.split(rb"[\r\n]", buf)
        for raw in parts:
            line = raw.decode("utf-8", "replace").strip()
            if not line:
                continue
            if FINISH_STARTED in line:
                state["finishing"] = True
            m = _DONE.search(line)
            if m:
                state["done"] = int(m.group(1))
            else:
                state["tail"] = [*state["tail"][-19:], line]


def measure(corpus: Path, db: Path, workers: int, every: float) -> dict[str, float]:
    """Run the ingest and sample its memory; peaks in bytes, phase times in seconds."""
    t0 = time.perf_counter()
    proc = psutil.Popen([str(GREATGAME), "-v", "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
                         "--progress"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    state: dict = {"done": 0, "finishing": False, "tail": []}
    reader = threading.Thread(target=_watch, args=(proc.stderr, state), daemon=True)
    reader.start()
    peaks = {"stream": 0, "finish": 0, "main": 0}
    finish_at = None
    last = t0
    while proc.poll() is None:
        rss = tree_rss(proc)
        now = time.perf_counter()
        if state["finishing"] and finish_at is None:
            finish_at = now
        phase = "finish" if finish_at is not None else "stream"
        peaks[phase] = max(peaks[phase], rss)
        try:
            peaks["main"] = max(peaks["main"], proc.memory_info().rss)
        except psutil.Error:
            pass
        if now - last >= every:
            last = now
            print(f"so_far seconds={now - t0:.0f} documents_done={state['done']} phase={phase} "
                  f"rss_total_mb={rss / 2**20:.0f} peak_rss_{phase}_mb={peaks[phase] / 2**20:.0f}", flush=True)
        time.sleep(0.2)
    end = time.perf_counter()
    reader.join(timeout=5)
    if proc.returncode not in (0, 1):
        sys.stderr.write("\n".join(state["tail"]) + "\n")
    finish_at = finish_at or end
    return {**peaks, "exit": proc.returncode, "stream_s": finish_at - t0, "finish_s": end - finish_at}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--words", type=int, default=120)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--every", type=float, default=60.0, help="seconds between progress lines")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "mem.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for doc in documents(args.docs, args.words, seed=11):
                fh.write(json.dumps(doc) + "\n")
        r = measure(corpus, Path(tmp) / "mem.duckdb", args.workers, args.every)
    mb = 2**20
    print(f"documents={args.docs} words_per_doc~{args.words} workers={args.workers} exit={r['exit']}")
    print(f"seconds={r['stream_s'] + r['finish_s']:.0f} docs_per_s={args.docs / (r['stream_s'] + r['finish_s']):.1f}")
    print(f"streaming_seconds={r['stream_s']:.0f} peak_rss_streaming_mb={r['stream'] / mb:.0f}")
    print(f"finish_seconds={r['finish_s']:.0f} peak_rss_finish_mb={r['finish'] / mb:.0f}")
    print(f"peak_rss_main_mb={r['main'] / mb:.0f}")
    print(f"peak_rss_total_mb={max(r['stream'], r['finish']) / mb:.0f}")


if __name__ == "__main__":
    main()
