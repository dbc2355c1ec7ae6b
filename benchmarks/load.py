"""A bounded load test of the HTTP API on loopback: N concurrent clients for a fixed time.

Ingests the sample corpus (corpus/articles) into a temporary database unless --db is given,
starts ``greatgame serve`` on 127.0.0.1 and a free port, then runs ``--clients`` concurrent
clients for ``--duration`` seconds over a mix of endpoints (/api/events with filters,
/api/influence, /api/documents/{id}, /api/actors and /api/actors/{id}). Prints requests, errors
(any status other than 200, or a failed connection: there must be none), latency p50/p95/p99
and requests per second.

Usage: python benchmarks/load.py [--db FILE] [--clients 100] [--duration 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # only ever loopback


def greatgame(*args: str) -> list[str]:
    exe = Path(sys.executable).with_name("greatgame")
    return [str(exe), *args] if exe.exists() else [sys.executable, "-m", "greatgame", *args]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def ingest_sample(db: Path) -> None:
    started = time.monotonic()
    subprocess.run(greatgame("ingest", "--workers", "1", "--db", str(db), str(ROOT / "corpus" / "articles")),
                   check=False, capture_output=True)  # fmt: skip
    print(f"ingested the sample corpus into {db} in {time.monotonic() - started:.0f} s", flush=True)


def start_server(db: Path, port: int) -> subprocess.Popen:
    import httpx

    proc = subprocess.Popen(greatgame("serve", "--db", str(db), "--host", HOST, "--port", str(port)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/api/summary", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not answer within 60 s")


def endpoint_mix(base: str, docs: list[str], actors: list[str], rng: random.Random) -> tuple[str, str]:
    """A random request of the mix: (its kind, its URL)."""
    from urllib.parse import quote

    country = rng.choice(["UZB", "KAZ", "KGZ", "TJK", "TKM"])
    choices = [
        (30, "events?country", lambda: f"/api/events?country={country}&page_size=50"),
        (10, "events?actor", lambda: f"/api/events?actor={rng.choice(actors)}&quad=verbal_cooperation&since=2015-01-01"),
        (10, "events?type", lambda: "/api/events?type=CONSULT&type=AGREE&page=2&page_size=20"),
        (10, "influence", lambda: f"/api/influence?country={country}&freq=year&bootstrap=50"),
        (20, "documents/{id}", lambda: f"/api/documents/{quote(rng.choice(docs), safe='')}"),
        (10, "actors", lambda: "/api/actors?page_size=100"),
        (10, "actors/{id}", lambda: f"/api/actors/{quote(rng.choice(actors), safe='')}"),
    ]
    _, kind, make = rng.choices(choices, weights=[w for w, _, _ in choices])[0]
    return kind, base + make()


async def client(n: int, base: str, docs, actors, until: float, latencies: list, status: Counter) -> None:
    import httpx

    rng = random.Random(n)
    async with httpx.AsyncClient(timeout=30) as http:
        while time.monotonic() < until:
            kind, url = endpoint_mix(base, docs, actors, rng)
            t = time.perf_counter()
            try:
                response = await http.get(url)
                status[response.status_code] += 1
            except httpx.HTTPError as exc:
                status[type(exc).__name__] += 1
            latencies.append((kind, time.perf_counter() - t))


async def load(base: str, clients: int, duration: float) -> tuple[list[float], Counter, float]:
    import httpx

    async with httpx.AsyncClient(timeout=30) as http:
        docs = [d["id"] for d in (await http.get(f"{base}/api/documents?page_size=200")).json()["items"]]
        actors = [a["id"] for a in (await http.get(f"{base}/api/actors?page_size=200")).json()["items"]]
    assert docs and actors, "the database holds no documents or actors"
    latencies: list[float] = []
    status: Counter = Counter()
    started = time.monotonic()
    until = started + duration
    await asyncio.gather(*(client(i, base, docs, actors, until, latencies, status) for i in range(clients)))
    return latencies, status, time.monotonic() - started


def server_cpu(proc: subprocess.Popen) -> float:
    """CPU seconds (user + system) used so far by the server process and its children."""
    import psutil

    total = 0.0
    for p in [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]:
        times = p.cpu_times()
        total += times.user + times.system
    return total


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=None, help="database to serve (default: ingest the sample corpus)")
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--duration", type=float, default=20.0, help="seconds")
    args = ap.parse_args()
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="ggload")) / "load.duckdb"
        ingest_sample(db)
    port = free_port()
    server = start_server(db, port)
    try:
        cpu_before = server_cpu(server)
        latencies, status, elapsed = asyncio.run(load(f"http://{HOST}:{port}", args.clients, args.duration))
        cpu = server_cpu(server) - cpu_before
    finally:
        server.terminate()
        server.wait(10)
    errors = sum(v for k, v in status.items() if k != 200)
    every = [t for _, t in latencies]
    print(f"{args.clients} clients for {elapsed:.1f} s on {HOST}:{port} (os: {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f})")  # fmt: skip
    print(f"requests {len(every)}  errors {errors}  statuses {dict(status)}")
    print(f"latency ms  p50 {pct(every, 50):.0f}  p95 {pct(every, 95):.0f}  p99 {pct(every, 99):.0f}")
    print(f"throughput  {len(every) / elapsed:.1f} requests/s; server CPU {cpu:.1f} s, "
          f"{cpu / max(1, len(every)) * 1000:.1f} ms per request")  # fmt: skip
    for kind in sorted({k for k, _ in latencies}):
        mine = [t for k, t in latencies if k == kind]
        print(f"  {kind:15s} {len(mine):6d} requests  p50 {pct(mine, 50):6.0f} ms  p95 {pct(mine, 95):6.0f} ms")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
