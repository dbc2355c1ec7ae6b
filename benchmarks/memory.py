"""Memory: peak RSS of `greatgame ingest` while it streams 100 k generated documents.

The corpus is written to a JSONL file (streamed, never held in memory), then ingested; a
sampler adds up the RSS of the greatgame process and its worker processes every 0.2 s.
Usage: python benchmarks/memory.py [--docs 100000] [--words 120] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_corpus import documents  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GREATGAME = ROOT / ".venv" / "bin" / "greatgame"


def tree_rss(proc: psutil.Process) -> int:
    """Resident memory of a process and all its children, in bytes."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--words", type=int, default=120)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "mem.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for doc in documents(args.docs, args.words, seed=11):
                fh.write(json.dumps(doc) + "\n")
        t0 = time.perf_counter()
        proc = psutil.Popen([str(GREATGAME), "ingest", str(corpus), "--db", str(Path(tmp) / "mem.duckdb"),
                             "--workers", str(args.workers), "--no-progress"], stderr=subprocess.DEVNULL)
        peak_tree = peak_main = 0
        while proc.poll() is None:
            peak_tree = max(peak_tree, tree_rss(proc))
            try:
                peak_main = max(peak_main, proc.memory_info().rss)
            except psutil.Error:
                pass
            time.sleep(0.2)
        elapsed = time.perf_counter() - t0
    print(f"documents={args.docs} words_per_doc~{args.words} workers={args.workers} exit={proc.returncode}")
    print(f"seconds={elapsed:.0f} docs_per_s={args.docs / elapsed:.1f}")
    print(f"peak_rss_main_mb={peak_main / 2**20:.0f}")
    print(f"peak_rss_total_mb={peak_tree / 2**20:.0f}")


if __name__ == "__main__":
    main()
