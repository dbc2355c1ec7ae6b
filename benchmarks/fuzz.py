"""The long fuzz run: 100 000+ seeded hostile inputs through the readers, cleaning, dates and the engine.

Inputs are made by a seeded random generator: pieces of the sample corpus, mutated (bytes flipped,
spliced, repeated), mixed with hostile tokens (control characters, lone surrogates, right-to-left
overrides, markup, impossible dates, deep nesting). Each target must end every input in a result
or its documented error; anything else is a crash, and anything slower than ``--slow`` seconds
is reported as a hang. Prints counts per target and one line per distinct crash.

Usage: python benchmarks/fuzz.py [--seed 1] [--scale 1.0] [--slow 5] [--out DIR]
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import json
import logging
import random
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HOSTILE = ["\x00", "\x1b[31m", "\x0c", "\x85", "\u2028", "\u202e", "\u200f", "\ufeff", "\ud800", "\udfff",
           "<script>alert(1)</script>", "<div>" * 300, "</p>", "<!--", "]]>", "&#0;", "&#xD800;", "**", "__",
           "[", "![", "](", "# ", "> ", "---\n", "\n\n", "\t", "31/02/2024", "0/0/0", "1446 AH", "99999",
           "15 Ramadhaan 1445", "Rabi al-Awwwal", "Published: ", "By ", "— ", "|", "\\", '"', "'",
           "tomorrow", "next week", "on Monday", "Russia", "Lavrov", "Tashkent", "SCO", "ذ", "Ж", "字", "🙂"]  # fmt: skip


def seeds() -> list[str]:
    """Texts of the sample corpus (the mutations start from real documents)."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "articles").glob("*")) if p.is_file()]


class Gen:
    """Seeded generator of hostile texts and bytes."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.seeds = seeds()

    def text(self, max_len: int = 2000) -> str:
        r = self.rng
        base = r.choice(self.seeds)
        start = r.randrange(len(base))
        out = list(base[start : start + r.randint(0, max_len)])
        for _ in range(r.randint(0, 12)):
            op = r.random()
            pos = r.randint(0, len(out))
            if op < 0.5:
                out[pos:pos] = list(r.choice(HOSTILE))
            elif op < 0.7 and out:
                out[pos : pos + r.randint(1, 20)] = []
            elif op < 0.85:
                out[pos:pos] = [chr(r.choice([r.randint(0, 0x7F), r.randint(0x80, 0x2FFF), r.randint(0, 0x10FFFF)]))]
            else:
                piece = "".join(out[pos : pos + r.randint(1, 8)]) or r.choice(HOSTILE)
                out[pos:pos] = list(piece * r.randint(2, 200))
        return "".join(out)

    def data(self) -> bytes:
        r = self.rng
        text = self.text()
        enc = r.choice(["utf-8", "utf-8", "utf-16", "utf-16-le", "cp1251", "latin-1", "cp1256", "raw"])
        if enc == "raw":
            data = bytearray(r.randbytes(r.randint(0, 500)))
        else:
            data = bytearray(text.encode(enc, errors="surrogatepass" if enc.startswith("utf") else "replace"))
        for _ in range(r.randint(0, 5)):
            if data:
                data[r.randrange(len(data))] = r.randrange(256)
        if r.random() < 0.1:
            data = bytearray(codecs.BOM_UTF8) + data
        return bytes(data)

    def json_line(self) -> bytes:
        r = self.rng
        values = [None, True, 0, -1, 1.5e308, "", self.text(200), [self.text(50)], {"a": 1}, "2024-02-30",
                  "9999-12-31", "2024-05-01", "1" * 30]  # fmt: skip
        record = {k: (self.text(400) if k == "text" and r.random() < 0.7 else r.choice(values))
                  for k in ("id", "text", "published", "title", "url", "publisher") if r.random() < 0.85}  # fmt: skip
        line = json.dumps(record, ensure_ascii=r.random() < 0.5).encode("utf-8", "surrogatepass")
        if r.random() < 0.15:
            cut = r.randrange(len(line) + 1)
            line = line[:cut] + r.randbytes(r.randint(0, 5)) + line[cut:]
        return line


def target_decode(gen: Gen) -> Callable[[], object]:
    from greatgame.ingest.decoding import DecodeProblem, decode_bytes

    data = gen.data()

    def run():
        try:
            return decode_bytes(data)
        except DecodeProblem:
            return None

    return run


def target_read(gen: Gen, folder: Path, settings) -> Callable[[], object]:
    from greatgame.ingest import read_sources
    from greatgame.models import Failure, RawDocument

    suffix = gen.rng.choice([".txt", ".md", ".html", ".jsonl"])
    path = folder / f"in{suffix}"
    if suffix == ".jsonl":
        path.write_bytes(b"\n".join(gen.json_line() for _ in range(gen.rng.randint(1, 20))))
    else:
        path.write_bytes(gen.data())

    def run():
        items = list(read_sources([path], settings))
        for item in items:
            assert isinstance(item, RawDocument | Failure)
            (item.content if isinstance(item, RawDocument) else item.reason).encode("utf-8")
        return items

    return run


def target_prepare(gen: Gen, settings) -> Callable[[], object]:
    from greatgame.errors import UnreadableDocument
    from greatgame.ingest import prepare
    from greatgame.models import RawDocument

    raw = RawDocument("fuzz", gen.rng.choice(["txt", "md", "html", "jsonl"]), gen.text())

    def run():
        try:
            doc = prepare(raw, settings)
        except UnreadableDocument:
            return None
        doc.text.encode("utf-8")
        json.dumps(doc.to_record())
        return doc

    return run


def target_header_dates(gen: Gen) -> Callable[[], object]:
    from greatgame.ingest.dates import find_dates

    text = gen.text(300)
    return lambda: find_dates(text, gen.rng.choice([None, "dmy", "mdy"]))


def target_event_dates(gen: Gen) -> Callable[[], object]:
    from greatgame.events.dates import find_dates

    text = gen.text(300)
    published = gen.rng.choice([None, dt.date(1900, 1, 1) + dt.timedelta(days=gen.rng.randrange(73000))])
    future = gen.rng.random() < 0.5
    return lambda: find_dates(text, published, future)


def target_engine(gen: Gen, engine) -> Callable[[], object]:
    from greatgame.models import Failure, RawDocument

    raw = RawDocument("fuzz", gen.rng.choice(["txt", "md", "html"]), gen.text(600))

    def run():
        result = engine.process(raw)
        if isinstance(result, Failure):
            assert "internal error" not in result.reason, result.reason
        else:
            json.dumps(result.to_record())
        return result

    return run


def signature(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "greatgame" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__name__} at {where}: {str(exc)[:120]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every target's count")
    ap.add_argument("--slow", type=float, default=5.0, help="seconds after which one input counts as a hang")
    ap.add_argument("--out", type=Path, default=None, help="folder for crashing inputs")
    args = ap.parse_args()
    logging.disable(logging.ERROR)  # hostile input makes the stages log warnings by the thousand

    from greatgame.config import Settings
    from greatgame.pipeline import Engine

    settings = Settings(workers=1, max_bytes=1_000_000, doc_timeout=args.slow)
    folder = Path(tempfile.mkdtemp(prefix="ggfuzz"))
    out = args.out or folder / "crashes"
    out.mkdir(parents=True, exist_ok=True)
    gen = Gen(args.seed)
    engine = Engine(settings)
    plan = [
        ("decode_bytes", 30000, lambda: target_decode(gen)),
        ("read_sources", 15000, lambda: target_read(gen, folder, settings)),
        ("prepare", 25000, lambda: target_prepare(gen, settings)),
        ("ingest.find_dates", 20000, lambda: target_header_dates(gen)),
        ("events.find_dates", 20000, lambda: target_event_dates(gen)),
        ("Engine.process", 3000, lambda: target_engine(gen, engine)),
    ]
    total = Counter()
    crashes: dict[str, tuple[str, int]] = {}
    started = time.monotonic()
    for name, count, make in plan:
        n = max(1, int(count * args.scale))
        tried = crashed = hangs = 0
        t0 = time.monotonic()
        for i in range(n):
            run = make()
            t = time.monotonic()
            try:
                run()
            except Exception as exc:  # noqa: BLE001 - a fuzzer counts every exception
                crashed += 1
                sig = f"{name}: {signature(exc)}"
                if sig not in crashes:
                    crashes[sig] = (repr(run.__closure__), i)
                    (out / f"{len(crashes):03d}.txt").write_text(sig + "\n" + traceback.format_exc(), encoding="utf-8")
            if time.monotonic() - t > args.slow:
                hangs += 1
            tried += 1
        total.update(tried=tried, crashed=crashed, hangs=hangs)
        print(f"{name:<18} {tried:>7} inputs  {crashed:>4} crashes  {hangs:>3} over {args.slow:g} s  "
              f"({tried / (time.monotonic() - t0):,.0f}/s)", flush=True)  # fmt: skip
    print(f"{'total':<18} {total['tried']:>7} inputs  {total['crashed']:>4} crashes  {total['hangs']:>3} hangs  "
          f"in {time.monotonic() - started:,.0f} s (seed {args.seed})")  # fmt: skip
    for sig in crashes:
        print("crash:", sig)
    if crashes:
        print(f"tracebacks in {out}")


if __name__ == "__main__":
    main()
