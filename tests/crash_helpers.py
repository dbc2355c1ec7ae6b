"""Helpers of the crash and idempotency tests: a generated corpus, CLI runs, table snapshots."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "corpus" / "articles"

# Every table a document writes to, with the columns that identify its rows (ingested_at left out:
# it is the wall-clock time of the write and differs between two runs by design).
TABLES = {
    "documents": "id, content_hash, title, published, publisher, author, genre, language, url, hijri, text",
    "sentences": "*",
    "entities": "*",
    "mentions": "*",
    "actors_in_doc": "*",
    "relations": "*",
    "events": "*",
    "event_actors": "*",
    "statements": "*",
}
PER_DOC = ("sentences", "entities", "mentions", "actors_in_doc", "relations", "events", "event_actors", "statements")


def paragraphs() -> list[str]:
    """Body paragraphs of the plain-text sample articles."""
    found = []
    for path in sorted(ARTICLES.glob("*.txt")):
        for para in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            para = " ".join(para.split())
            if len(para.split()) >= 25:
                found.append(para)
    return sorted(set(found))


def make_corpus(folder: Path, n: int = 60, words: int = 120, seed: int = 5) -> Path:
    """``n`` seeded news-like .txt files (headline, date line, a few paragraphs) in ``folder``."""
    rng = random.Random(seed)
    paras = paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body, count = [], 0
        while count < words:
            para = rng.choice(paras)
            body.append(para)
            count += len(para.split())
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = f"Regional digest number {i}\n\nPublished: {day}\n\n" + "\n\n".join(body) + "\n"
        (folder / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def greatgame_cmd(*args: str) -> list[str]:
    """The command line of ``greatgame ARGS`` in this virtualenv."""
    exe = Path(sys.executable).with_name("greatgame")
    return [str(exe), *args] if exe.exists() else [sys.executable, "-m", "greatgame", *args]


class Ingest:
    """A ``greatgame ingest --workers 1 --progress`` subprocess whose progress is read from stderr."""

    def __init__(self, corpus: Path, db: Path, total: int):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.total = total
        self.proc = subprocess.Popen(
            greatgame_cmd("ingest", "--workers", "1", "--progress", "--db", str(db), str(corpus)),
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
        )  # fmt: skip
        self.stderr = b""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while chunk := self.proc.stderr.read1(4096):
            self.stderr += chunk

    def done(self) -> int:
        """Documents finished so far, as the progress bar last showed."""
        counts = re.findall(rb"(\d+)/%d" % self.total, self.stderr)
        return int(counts[-1]) if counts else 0

    def wait_for(self, n: int, timeout: float = 90) -> int:
        """Block until at least ``n`` documents are finished (or the process ends); return the count."""
        deadline = time.monotonic() + timeout
        while self.done() < n and self.proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.done()

    def finish(self, timeout: float = 180) -> int:
        """Wait for the process to end; its exit code."""
        code = self.proc.wait(timeout)
        self.reader.join(5)
        return code


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table (sorted), opened read-only."""
    from greatgame.store import Store

    with Store(db, read_only=True) as store:
        return {
            table: sorted(store.con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
            for table, cols in TABLES.items()
        }


def rows_per_doc(snap: dict[str, list[tuple]], doc_id: str, columns: dict[str, int]) -> dict[str, int]:
    """How many rows of each per-document table belong to ``doc_id``."""
    return {t: sum(1 for r in snap[t] if r[columns[t]] == doc_id) for t in PER_DOC}


def doc_column(db: Path) -> dict[str, int]:
    """The position of the ``doc`` column in each per-document table."""
    from greatgame.store import Store

    with Store(db, read_only=True) as store:
        return {t: [c[0] for c in store.con.execute(f"SELECT * FROM {t} LIMIT 0").description].index("doc")
                for t in PER_DOC}  # fmt: skip
