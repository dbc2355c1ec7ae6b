"""Query speed: influence, event and network queries on millions of generated events in DuckDB.

Generates a database in the real schema (a ``Store`` on a file in a temporary folder applies the
migrations) with SQL alone: ``generate_series`` plus hash-based pseudo-random columns, seeded,
no Python loops. ~20 countries and powers, the 18 PLOVER types, contexts, modalities, sentence
roles, dates 2015-2025 (some events undated: their document's date counts), people with their
countries, one ``event_actors`` row per side and actor, ``actors_in_doc`` rows, and the documents
the events belong to (one per ten events by default). Events are stored in day order, as the
migration that added ``day`` leaves a table and as a news ingest (which arrives roughly in date
order) keeps it; the generation ends with ``facts.refresh_summaries``, as an ingest does.

Then times, over ``--reps`` repetitions each with varied parameters (country, freq, domain):

* influence: ``greatgame.analysis.influence(db, country, freq=...)``, the public function;
* events:    ``Store.events(limit=50, offset=...)`` plus ``Store.count_events`` with filters,
             as ``GET /api/events`` runs them;
* network:   ``greatgame.analysis.network(db, since, until)`` over a window of one to three years.

Each query opens the file read-only for the call, as the API and notebooks do.
Prints median and p95 latency per query, the median CPU time of a call (every thread of the
process: what the call costs whatever else the machine runs), database size and generation
time; last line ``influence_median_ms=<n>``.

Usage: python benchmarks/query.py [--events 10000000] [--docs N] [--reps 20] [--seed 7] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from greatgame import analysis as gg  # noqa: E402
from greatgame.analysis import facts  # noqa: E402
from greatgame.store import Store  # noqa: E402

# Countries and powers, the most reported first (the generator picks early entries more often).
OTHERS = ["RUS", "CHN", "USA", "EU", "TUR", "IRN", "IND", "PAK", "DEU", "FRA", "GBR", "JPN", "KOR"]
CENTRAL = ["KAZ", "UZB", "KGZ", "TJK", "AFG", "TKM", "AZE"]
TYPES = ["CONSULT", "AGREE", "SUPPORT", "COOPERATE", "DISAPPROVE", "AID", "DEMAND", "REJECT",
         "INVESTIGATE", "THREATEN", "CONCEDE", "SANCTION", "PROTEST", "MOBILIZE", "COERCE",
         "RETREAT", "ASSAULT", "FIGHT"]  # fmt: skip
CONTEXTS = ["diplomatic", "economic", "military", "security", "energy", "migration", "environment", "health"]
PUBLISHERS = 40
START = dt.date(2015, 1, 1)
DAYS = (dt.date(2025, 12, 31) - START).days + 1


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def _u(stream: int) -> str:
    """A uniform number in [0, 1) from the row number ``i``, the seed and a stream number."""
    return f"((hash(i, $seed, {stream}) % 1000003) / 1000003.0)"


def _pick(values: list[str], stream: int, skew: float) -> str:
    """An element of ``values``, early ones more often (skew > 1)."""
    return f"{_sql_list(values)}[1 + floor({len(values)} * pow({_u(stream)}, {skew}))::INTEGER]"


def _actor(country: str, stream: int) -> str:
    """The country itself (70 %) or one of five officials of it (never for the EU)."""
    return (f"CASE WHEN {_u(stream)} < 0.3 AND {country} <> 'EU' "
            f"THEN lower({country}) || '-official-' || (1 + hash(i, $seed, {stream + 1}) % 5) ELSE {country} END")  # fmt: skip


def _documents_sql() -> str:
    return f"""
    INSERT INTO documents
    SELECT 'd' || lpad(i::VARCHAR, 8, '0'), 'h' || i::VARCHAR, 'Report ' || i::VARCHAR,
           CASE WHEN {_u(1)} < 0.03 THEN NULL ELSE DATE '{START}' + (hash(i, $seed, 2) % {DAYS})::INTEGER END,
           'outlet-' || (1 + floor({PUBLISHERS} * pow({_u(3)}, 2))::INTEGER), NULL, 'news', 'en',
           'https://example.org/' || i::VARCHAR, NULL, NULL, 'Text of report ' || i::VARCHAR || '.',
           TIMESTAMP '2025-12-31 12:00:00'
    FROM range($docs) t(i)"""


def _events_sql() -> str:
    modality = (f"CASE WHEN {_u(20)} < 0.55 THEN 'asserted' WHEN {_u(20)} < 0.80 THEN 'reported' "
                f"WHEN {_u(20)} < 0.88 THEN 'planned' WHEN {_u(20)} < 0.92 THEN 'hypothetical' ELSE 'negated' END")  # fmt: skip
    role = (f"CASE WHEN {_u(21)} < 0.70 THEN 'fact' WHEN {_u(21)} < 0.80 THEN 'quote' "
            f"WHEN {_u(21)} < 0.88 THEN 'background' WHEN {_u(21)} < 0.96 THEN 'commentary' ELSE 'appeal' END")  # fmt: skip
    context = (f"CASE WHEN {_u(22)} < 0.3 THEN []::VARCHAR[] WHEN {_u(22)} < 0.85 THEN [{_pick(CONTEXTS, 23, 1.5)}] "
               f"ELSE list_distinct([{_pick(CONTEXTS, 23, 1.5)}, {_pick(CONTEXTS, 24, 1.0)}]) END")  # fmt: skip
    quads = ("CASE WHEN type IN ('AGREE','CONSULT','SUPPORT','CONCEDE') THEN 'verbal_cooperation' "
             "WHEN type IN ('COOPERATE','AID','RETREAT','INVESTIGATE') THEN 'material_cooperation' "
             "WHEN type IN ('DEMAND','DISAPPROVE','REJECT','THREATEN','SANCTION') THEN 'verbal_conflict' "
             "ELSE 'material_conflict' END")  # fmt: skip
    return f"""
    INSERT INTO events
    WITH gen AS (
    WITH base AS (
        SELECT i, i // $per_doc AS d, i % $per_doc AS n,
               {_pick(CENTRAL, 10, 1.3)} AS c1,
               {_pick(OTHERS + CENTRAL, 11, 2.2)} AS c2,
               {_pick(OTHERS, 12, 1.6)} AS c3,
               {_u(13)} < 0.1 AS two, {_u(14)} < 0.5 AS swap,
               {_pick(TYPES, 15, 2.0)} AS type
        FROM range($events) t(i)
    ), sides AS (
        SELECT *, CASE WHEN c2 = c1 THEN 'RUS' ELSE c2 END AS other,
               {_actor("c1", 30)} AS a1, {_actor("CASE WHEN c2 = c1 THEN 'RUS' ELSE c2 END", 32)} AS a2,
               {_actor("c3", 34)} AS a3
        FROM base
    ), lists AS (
        SELECT *, CASE WHEN two AND c3 <> other AND c3 <> c1 THEN [a2, a3] ELSE [a2] END AS o_ids,
               CASE WHEN two AND c3 <> other AND c3 <> c1 THEN [other, c3] ELSE [other] END AS o_countries
        FROM sides
    )
    SELECT 'd' || lpad(d::VARCHAR, 8, '0') || ':' || n::VARCHAR, 'd' || lpad(d::VARCHAR, 8, '0') AS doc, n::INTEGER,
           type, {quads}, NULL, {context},
           CASE WHEN swap THEN o_ids ELSE [a1] END AS s_ids, CASE WHEN swap THEN o_countries ELSE [c1] END AS s_ctry,
           CASE WHEN swap THEN [a1] ELSE o_ids END AS t_ids, CASE WHEN swap THEN [c1] ELSE o_countries END AS t_ctry,
           CASE WHEN {_u(25)} < 0.15 THEN NULL
                ELSE DATE '{START}' + greatest(0, (hash(d, $seed, 2) % {DAYS})::INTEGER - (hash(i, $seed, 26) % 20)::INTEGER) END
           AS date,
           NULL, 'day', NULL, NULL, NULL, NULL,
           {modality}, 'author', round(0.3 + 0.7 * {_u(27)}, 2), {role}, lower(type),
           'Sentence ' || n::VARCHAR || ': ' || a1 || ' and ' || o_ids[1] || ' ' || lower(type) || '.',
           (n * 120)::INTEGER AS char_start, (n * 120 + 100)::INTEGER, NULL
    FROM lists
    )
    SELECT gen.*, coalesce(gen.date, d.published) AS day, list_sort(list_distinct(list_concat(s_ids, t_ids))),
           list_sort(list_distinct(list_concat(s_ids, t_ids, s_ctry, t_ctry)))
    FROM gen LEFT JOIN documents d ON d.id = gen.doc
    ORDER BY day NULLS FIRST, gen.doc, gen.char_start"""


_EVENT_ACTORS_SQL = """
    INSERT INTO event_actors
    SELECT id, doc, side, actor_id, country,
           CASE WHEN actor_id LIKE '%-official-%' THEN 'person' WHEN actor_id = 'EU' THEN 'igo' ELSE 'state' END,
           upper(actor_id)
    FROM (SELECT id, doc, 'source' AS side, unnest(source_ids) AS actor_id, unnest(source_countries) AS country FROM events
          UNION ALL
          SELECT id, doc, 'target', unnest(target_ids), unnest(target_countries) FROM events)"""

_ACTORS_IN_DOC_SQL = """
    INSERT INTO actors_in_doc
    SELECT doc, actor_id, any_value(name), any_value(kind), any_value(country), NULL, count(*)::INTEGER
    FROM event_actors GROUP BY doc, actor_id"""


def generate(path: Path, events: int, docs: int, seed: int) -> dict[str, float]:
    """Fill a new database at ``path``; seconds per table."""
    per_doc = max(1, events // docs)
    docs = -(-events // per_doc)
    took = {}
    with Store(path) as store:
        con = store.con
        con.execute("SET preserve_insertion_order = false")
        con.execute("SET enable_progress_bar = false")
        steps = [("documents", _documents_sql(), {"seed": seed, "docs": docs}),
                 ("events", _events_sql(), {"seed": seed, "events": events, "per_doc": per_doc}),
                 ("event_actors", _EVENT_ACTORS_SQL, {}),
                 ("actors_in_doc", _ACTORS_IN_DOC_SQL, {})]  # fmt: skip
        for name, sql, params in steps:
            t0 = time.perf_counter()
            con.execute(sql, params) if params else con.execute(sql)
            took[name] = time.perf_counter() - t0
            print(f"  {name}: {time.perf_counter() - t0:.1f} s", flush=True)
        t0 = time.perf_counter()
        facts.refresh_summaries(store)
        took["summary_tables"] = time.perf_counter() - t0
        print(f"  summary tables (facts.refresh_summaries, as after an ingest): {took['summary_tables']:.1f} s")
        con.execute("CHECKPOINT")
    return took


def _timed(fn, cpu: list[float]) -> float:
    """Wall milliseconds of ``fn()``; its CPU milliseconds (every thread of the process) go to ``cpu``."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    cpu.append((time.process_time() - c0) * 1000)
    return (time.perf_counter() - t0) * 1000


def _stats(ms: list[float]) -> tuple[float, float]:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def _events_page(db: Path, filters: dict, offset: int) -> None:
    with Store(db, read_only=True) as store:
        store.events(limit=50, offset=offset, **filters)
        store.count_events(**filters)


def run_queries(db: Path, reps: int, seed: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall and CPU milliseconds per call of each query, ``reps`` calls with varied parameters."""
    rnd = random.Random(seed)
    times: dict[str, list[float]] = {"influence": [], "events": [], "network": []}
    cpu: dict[str, list[float]] = {name: [] for name in times}
    gg.influence(db, "KAZ", bootstrap=10)  # warm-up: imports, catalogue, weights
    for r in range(reps):
        country = CENTRAL[r % len(CENTRAL)]
        freq = ("quarter", "month", "year", "quarter")[r % 4]
        domain = rnd.choice([None, None, None, "military", "economic"])
        times["influence"].append(_timed(functools.partial(gg.influence, db, country, freq=freq, domain=domain), cpu["influence"]))
        filters = rnd.choice([
            {"country": [country]},
            {"country": [country], "type": ["AGREE", "CONSULT"]},
            {"actor": [rnd.choice(OTHERS[:5])], "since": dt.date(2020 + r % 5, 1, 1)},
            {"country": [country], "context": ["military"], "modality": ["asserted"]},
            {"quad": ["material_conflict"], "since": dt.date(2024, 1, 1), "until": dt.date(2024, 12, 31)},
        ])  # fmt: skip
        offset = rnd.choice([0, 0, 50, 500, 5000])
        times["events"].append(_timed(functools.partial(_events_page, db, filters, offset), cpu["events"]))
        since = dt.date(2016 + r % 8, 1, 1)
        until = dt.date(since.year + 1 + r % 3, 12, 31)
        times["network"].append(_timed(functools.partial(gg.network, db, since=since, until=until), cpu["network"]))
        print(f"  run {r + 1}/{reps}: " + "  ".join(f"{k} {v[-1]:.0f} ms" for k, v in times.items()), flush=True)
    return times, cpu


def main(argv: list[str] | None = None) -> None:
    """Generate, time, print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--docs", type=int, default=None, help="documents (default: events / 10)")
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, default=None, help="reuse or keep the database in this folder")
    args = ap.parse_args(argv)
    docs = args.docs or max(1, args.events // 10)
    with tempfile.TemporaryDirectory(prefix="gg-query-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"bench-{args.events}-{args.seed}.duckdb"
        gen_s, took = 0.0, {}
        if not db.exists():
            print(f"generating {args.events:,} events in {docs:,} documents ...", flush=True)
            took = generate(db, args.events, docs, args.seed)
            gen_s = sum(took.values())
        else:
            print(f"reusing {db}")
        size = db.stat().st_size / 2**20
        times, cpu = run_queries(db, args.reps, args.seed)
    print(f"events: {args.events:,}  documents: {docs:,}  database: {size:,.0f} MiB  "
          f"generation: {gen_s:.1f} s (of which summary tables {took.get('summary_tables', 0):.1f} s)")
    for name, ms in times.items():
        med, p95 = _stats(ms)
        print(f"{name:10s} median {med:8.1f} ms   p95 {p95:8.1f} ms   ({len(ms)} runs)   "
              f"CPU median {statistics.median(cpu[name]):7.1f} ms (all threads; the load-independent figure)")
    print(f"influence_median_ms={_stats(times['influence'])[0]:.0f}")


if __name__ == "__main__":
    main()
