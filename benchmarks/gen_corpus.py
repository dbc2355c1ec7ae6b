"""Generate a seeded corpus of news-length documents for the speed and memory benchmarks.

Paragraphs come from the bundled sample corpus (the article bodies) and the PLOVER development
sentences; each document mixes a few of them, as a news page mixes a story with background.
Usage: python benchmarks/gen_corpus.py OUT.jsonl [--docs 2000] [--words 450] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "benchmarks" / "plover" / "dev.jsonl"
_TAG = re.compile(r"<[^>]+>")


def paragraphs() -> list[str]:
    """Body paragraphs of the sample corpus and the development sentences, de-duplicated."""
    found: list[str] = []
    for path in sorted((ROOT / "corpus" / "articles").glob("*")):
        if path.suffix == ".jsonl":
            texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        else:
            texts = [_TAG.sub(" ", path.read_text(encoding="utf-8"))]
        for text in texts:
            for para in re.split(r"\n\s*\n", text):
                para = " ".join(para.split())
                if len(para.split()) >= 25:  # body text, not chrome or headers
                    found.append(para)
    if DEV.is_file():
        for line in DEV.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(json.loads(line)["text"].strip("{}"))
    return sorted(set(found))


def documents(n: int, words: int, seed: int) -> Iterator[dict]:
    """``n`` documents of about ``words`` words each, reproducible from ``seed``."""
    rng = random.Random(seed)
    paras = paragraphs()
    start = 738000  # an ordinal in 2021
    for i in range(n):
        body: list[str] = []
        count = 0
        while count < words:
            para = rng.choice(paras)
            body.append(para)
            count += len(para.split())
        import datetime as dt

        day = dt.date.fromordinal(start + rng.randrange(0, 1500))
        yield {
            "id": f"bench-{i:06d}",
            "title": f"Regional news digest {i}",
            "published": day.isoformat(),
            "text": "\n\n".join(body),
        }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--words", type=int, default=450)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with args.out.open("w", encoding="utf-8") as fh:
        for doc in documents(args.docs, args.words, args.seed):
            fh.write(json.dumps(doc) + "\n")
    print(f"wrote {args.docs} documents to {args.out}")


if __name__ == "__main__":
    main()
