"""Print the story-clustering figures on the sample corpus: pairwise precision, recall and F1.

usage: python benchmarks/clusters.py [--corpus DIR] [--records FILE.jsonl] [--show-errors] [--split-half]

Gold: every event of ``corpus/gold/*.yaml`` carries ``story``, the id of the real-world happening
(the same id across outlets), or null. Two events are a *gold pair* when they share a non-null
story. Two events are a *predicted pair* when clustering puts them in one cluster. Events with a
null story are singletons in the gold: a predicted pair involving one is a false positive.

Two figures are printed:

* **gold events**: the gold events themselves (actor countries from the catalogue) are
  clustered; this measures clustering alone.

Clustering runs as the store does it (``cluster_events`` = a fresh store's block-by-block
clustering, ``greatgame/analysis/cluster_blocks.py``; ``tests/test_clusters_incremental.py`` checks
that the two agree).
* **predicted events**: the pipeline codes the corpus (or ``--records`` gives its output), all
  predicted events are clustered, and the predicted events that match a gold event (same
  sentence, one containing the other, and same type) are scored against that event's story.

``--split-half`` is the honesty check: the stories are split in two halves by a hash of their id
(an event without a story goes with its document's main story), the knobs of ``GRID`` are chosen
on one half (best F1 there) and scored on the other, both ways round. A half's F1 counts its gold
pairs and every predicted pair with one of its events: a pair joining the two halves (two stories,
so a false positive) weighs half on each, so every pair counts once over both halves. (Scoring
each half on its own pairs only would hide every merge of two stories of different halves, and
with it what the checks that keep stories apart are for.)
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from greatgame.analysis.clusters import cluster_events, events_from_records, load_params, make_event  # noqa: E402

# the knobs the split-half check chooses on one half: the linkage threshold, the share of an
# account's events that makes a party one of its main parties, the smallest part (in events and in
# share of the account) a report is split into, the share of an account's events that makes a bloc
# its host (0: no bloc check), how late a mention is (0: mentions join only by the mean), whether a
# trip's other stop is split off a report
GRID = {
    "threshold": (0.15, 0.2, 0.25, 0.3),
    "core_share": (0.0, 0.34, 0.5),
    "scope_split_min": (2, 4, 0),
    "scope_split_share": (0.0, 0.3),
    "bloc_share": (0.0, 0.5),
    "mention_days": (0, 20),
    "split_stops": (False, True),
}


def _norm(text: str) -> str:
    return " ".join(str(text).replace("“", '"').replace("”", '"').replace("’", "'").split())


def load_gold(corpus: Path) -> dict[str, dict]:
    """Gold annotation per document id."""
    out = {}
    for f in sorted((corpus / "gold").glob("*.yaml")):
        g = yaml.safe_load(f.read_text(encoding="utf-8"))
        out[g["id"]] = g
    return out


def gold_events(gold: dict[str, dict]):
    """(StoryEvent, story) for every gold event; actor countries from the catalogue."""
    from greatgame.catalogue import load_catalogue

    cat = load_catalogue()

    def side(ids):
        return [{"id": i, "country": cat.country_of(i) if cat.get(i) else None} for i in ids or []]

    out = []
    for doc_id, g in gold.items():
        meta = g.get("meta") or {}
        for n, e in enumerate(g.get("events") or []):
            ev = make_event(
                f"{doc_id}:{n}", doc_id, e["type"], side(e.get("source")), side(e.get("target")),
                e.get("sentence") or "", e.get("date"), e.get("date_end"), None, meta.get("published"),
                e.get("location"), meta.get("publisher"), meta.get("title"),
            )  # fmt: skip
            out.append((ev, e.get("story")))
    return out


def align(records: list[dict], gold: dict[str, dict]) -> dict[str, str | None]:
    """Predicted event id -> gold story, for predicted events matching a gold event."""
    out: dict[str, str | None] = {}
    for rec in records:
        doc_id = rec["doc"]["id"]
        g = gold.get(doc_id)
        if not g:
            continue
        used: set[int] = set()
        preds = rec.get("events") or []
        for ge in g.get("events") or []:
            gs = _norm(ge["sentence"])
            for n, e in enumerate(preds):
                ps = _norm(e.get("sentence") or "")
                if n not in used and e["type"] == ge["type"] and (gs in ps or ps in gs):
                    used.add(n)
                    out[f"{doc_id}:{n}"] = ge.get("story")
                    break
    return out


def pair_scores(stories: dict[str, str | None], clusters: dict[str, str], skip_null: bool = False) -> dict:
    """Pairwise precision, recall and F1 of ``clusters`` against ``stories`` (event id -> story)."""
    ids = [i for i in stories if not (skip_null and stories[i] is None)]
    gold_pairs, pred_pairs = set(), set()
    by_story, by_cluster = defaultdict(list), defaultdict(list)
    for i in ids:
        if stories[i] is not None:
            by_story[stories[i]].append(i)
        by_cluster[clusters[i]].append(i)
    for group, out in ((by_story, gold_pairs), (by_cluster, pred_pairs)):
        for members in group.values():
            out.update(itertools.combinations(sorted(members), 2))
    tp = len(gold_pairs & pred_pairs)
    p = tp / len(pred_pairs) if pred_pairs else 1.0
    r = tp / len(gold_pairs) if gold_pairs else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"events": len(ids), "gold_pairs": len(gold_pairs), "pred_pairs": len(pred_pairs),
            "precision": p, "recall": r, "f1": f, "clusters": len(by_cluster), "stories": len(by_story)}  # fmt: skip


def _line(name: str, s: dict) -> str:
    return (f"{name:34} events {s['events']:4}  stories {s['stories']:3}  clusters {s['clusters']:4}  "
            f"pairs gold {s['gold_pairs']:5} pred {s['pred_pairs']:5}  "
            f"P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")  # fmt: skip


def show_errors(stories: dict[str, str | None], clusters: dict[str, str], limit: int = 25) -> None:
    """Print the stories split over clusters and the clusters mixing stories."""
    by_cluster = defaultdict(list)
    for i, s in stories.items():
        by_cluster[clusters[i]].append(s)
    mixed = [(c, v) for c, v in by_cluster.items() if len(set(v)) > 1]
    print(f"-- {len(mixed)} clusters mixing stories (story: count)")
    for c, v in sorted(mixed, key=lambda x: -len(x[1]))[:limit]:
        counts = defaultdict(int)
        for s in v:
            counts[s] += 1
        print("  ", c, dict(counts))
    by_story = defaultdict(set)
    for i, s in stories.items():
        if s:
            by_story[s].add(clusters[i])
    split = {s: len(c) for s, c in by_story.items() if len(c) > 1}
    print(f"-- {len(split)} stories split over several clusters: {split}")


def halves(stories: dict[str, str | None], doc_of: dict[str, str]) -> list[dict[str, str | None]]:
    """The events split in two by a hash of their story (a null story: its document's main story)."""
    by_doc: dict[str, list[str]] = defaultdict(list)
    for i, s in stories.items():
        if s:
            by_doc[doc_of[i]].append(s)
    main = {d: max(sorted(set(v)), key=v.count) for d, v in by_doc.items()}
    out: list[dict[str, str | None]] = [{}, {}]
    for i, s in stories.items():
        key = s or main.get(doc_of[i])
        if key is not None:
            out[int(hashlib.md5(key.encode("utf-8")).hexdigest(), 16) % 2][i] = s
    return out


def half_f1(half: dict[str, str | None], stories: dict[str, str | None], clusters: dict[str, str]) -> float:
    """Pairwise F1 of one half: its gold pairs, and every predicted pair with an event of the half.

    A predicted pair joining an event of the half with one of the other half is a false positive
    (the halves hold different stories) shared by the two halves: it weighs one half on each, so
    that every pair counts once over both halves and the checks that keep stories apart are seen.
    """
    by_story, by_cluster = defaultdict(list), defaultdict(list)
    for i, s in half.items():
        if s is not None:
            by_story[s].append(i)
    for i in stories:
        by_cluster[clusters[i]].append(i)
    gold = {pair for members in by_story.values() for pair in itertools.combinations(sorted(members), 2)}
    pred = 0.0
    for members in by_cluster.values():
        inside = sum(1 for i in members if i in half)
        pred += inside * (inside - 1) / 2 + 0.5 * inside * (len(members) - inside)
    tp = sum(1 for i, j in gold if clusters[i] == clusters[j])
    p = tp / pred if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def split_half(name: str, events, stories: dict[str, str | None]) -> None:
    """Choose the ``GRID`` knobs on one half of the stories, score them on the other, both ways."""
    base = load_params()
    doc_of = {e.id: e.doc for e in events}
    parts = halves(stories, doc_of)
    runs = []
    for values in itertools.product(*GRID.values()):
        params = dataclasses.replace(base, **dict(zip(GRID, values, strict=True)))
        clusters = cluster_events(events, params)
        runs.append((values, [half_f1(h, stories, clusters) for h in parts]))
    shipped = tuple(getattr(base, k) for k in GRID)
    for tune, test in ((0, 1), (1, 0)):
        # ties (a knob that makes no difference on the tuning half) go to the shipped values
        values, f1 = max(
            runs, key=lambda r: (r[1][tune], sum(a == b for a, b in zip(r[0], shipped, strict=True)))
        )
        own = next(f for v, f in runs if v == shipped)
        print(f"{name:34} tuned on half {tune} {dict(zip(GRID, values, strict=True))}: "
              f"half {test} F1 {f1[test]:.3f} (shipped knobs: {own[test]:.3f})")  # fmt: skip


def predicted_records(corpus: Path, records: Path | None) -> list[dict]:
    """The pipeline's records of the corpus articles (or the given JSONL file)."""
    if records:
        return [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines() if line.strip()]
    from greatgame.config import Settings
    from greatgame.pipeline import run_extract

    out: list[dict] = []
    run_extract([corpus / "articles"], Settings(workers=1), out.append)
    return out


def main(argv: list[str] | None = None) -> int:
    """Cluster the gold and the predicted events of the corpus and print the pair scores."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument(
        "--records",
        type=Path,
        default=None,
        help="extraction records (JSONL) instead of running the pipeline",
    )
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument(
        "--split-half", action="store_true", help="choose the knobs on half the stories, score the rest"
    )
    args = ap.parse_args(argv)
    gold = load_gold(args.corpus)

    pairs = gold_events(gold)
    clusters = cluster_events([e for e, _ in pairs])
    stories = {e.id: s for e, s in pairs}
    print(_line("gold events", pair_scores(stories, clusters)))
    print(_line("gold events, storied only", pair_scores(stories, clusters, skip_null=True)))
    if args.show_errors:
        show_errors(stories, clusters)
    if args.split_half:
        split_half("gold events", [e for e, _ in pairs], stories)

    records = predicted_records(args.corpus, args.records)
    predicted = events_from_records(records)
    clusters = cluster_events(predicted)
    stories = align(records, gold)
    print(_line("predicted events (aligned)", pair_scores(stories, clusters)))
    print(_line("predicted events, storied only", pair_scores(stories, clusters, skip_null=True)))
    if args.show_errors:
        show_errors(stories, clusters)
    if args.split_half:
        split_half("predicted events", predicted, stories)
    return 0


if __name__ == "__main__":
    sys.exit(main())
