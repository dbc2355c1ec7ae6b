"""Print the coder's accuracy: PLOVER dev sentences (shared scorer figures) and the sample corpus.

usage: python benchmarks/accuracy.py [--plover PATH] [--corpus DIR] [--workers N] [--details]

Runs the real pipeline (ingest -> annotate -> code) in this process, then
``greatgame.events.evaluate``. Not a pass/fail test: it prints figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from greatgame.config import Settings  # noqa: E402
from greatgame.events.evaluate import (  # noqa: E402
    evaluate_corpus,
    evaluate_plover,
    format_corpus,
    format_details,
    format_plover,
)
from greatgame.pipeline import run_extract  # noqa: E402


def _records(paths: list[Path], settings: Settings) -> list[dict]:
    out: list[dict] = []
    run_extract(paths, settings, out.append)
    return out


def main(argv: list[str] | None = None) -> int:
    """Run both evaluations and print their figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--plover", type=Path, default=ROOT.parent / "shared" / "benchmarks" / "plover" / "dev.jsonl"
    )
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--details", action="store_true", help="list every corpus miss and extra prediction")
    args = ap.parse_args(argv)
    settings = Settings(workers=args.workers)
    if args.plover.is_file():
        t = time.perf_counter()
        result = evaluate_plover(args.plover, _records([args.plover], settings))
        print(f"== PLOVER {args.plover.name} ({time.perf_counter() - t:.1f}s)")
        print(format_plover(result))
    else:
        print(f"== PLOVER: no file {args.plover} (put ../shared beside the checkout, or pass --plover PATH)")
    if (args.corpus / "gold").is_dir():
        t = time.perf_counter()
        articles = args.corpus / "articles"
        result = evaluate_corpus(args.corpus, _records([articles], settings), details=args.details)
        print(f"== corpus {args.corpus} ({time.perf_counter() - t:.1f}s)")
        if args.details:
            print(format_details(result))
        print(format_corpus(result))
    else:
        print(f"== corpus: no gold annotations in {args.corpus / 'gold'} (pass --corpus DIR)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
