"""Accuracy of the coder: PLOVER gold sentences and the annotated sample corpus.

``evaluate_plover`` computes the figures of ``../shared/eval/score_plover.py`` (same definitions,
written here): for each gold sentence the predicted event with the highest confidence is "the"
event; type accuracy over all sentences, source/target accuracy over sentences whose gold side
is non-empty (a hit when the predicted and gold sides share a code: a state id, an actor's
country, or IGO/NGO/IMG for organisations by kind).

``evaluate_corpus`` matches predicted events to ``corpus/gold/*.yaml`` events: same sentence
(one contains the other), same type, and sources and targets that share an actor id or country
(an empty gold side matches anything). Each gold event matches at most one predicted event.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

logger = logging.getLogger(__name__)

CAMEO_QUIRKS = {"JAP": "JPN", "ITL": "ITA", "GMY": "DEU", "UK": "GBR"}
IGO_IDS = {"UN", "EU", "NATO", "OSCE", "SCO", "CSTO", "CIS", "OTS", "EAEU", "ASEAN", "AU"}
KIND_CODES = {"igo": "IGO", "ngo": "NGO", "movement": "NGO", "party": "NGO", "armed_group": "IMG"}


def _gold_codes(side: list[dict[str, Any]] | None) -> set[str]:
    return {CAMEO_QUIRKS.get(a.get("code"), a.get("code")) for a in side or [] if a.get("code")}


def _pred_codes(side: list[Any] | None) -> set[str]:
    codes: set[str] = set()
    for a in side or []:
        if not isinstance(a, dict):
            continue
        for key in ("id", "country"):
            v = a.get(key)
            if isinstance(v, str) and len(v) == 3 and v.isupper():
                codes.add(v)
        if a.get("kind") in KIND_CODES:
            codes.add(KIND_CODES[a["kind"]])
        if a.get("id") in IGO_IDS:
            codes.add("IGO")
    return codes


def _top_event(record: dict[str, Any]) -> dict[str, Any] | None:
    events = [e for e in record.get("events") or [] if isinstance(e, dict)]
    return max(events, key=lambda e: float(e.get("confidence") or 0), default=None)


def evaluate_plover(gold_path: str | Path, records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Score extraction records against PLOVER gold sentences; returns the figures."""
    gold = [
        json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    preds = {str((r.get("doc") or {}).get("id")): r for r in records}
    hits: Counter[str] = Counter()
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    n_src = n_tgt = 0
    for g in gold:
        gt = g["gold"]
        per_type[gt["type"]][1] += 1
        top = _top_event(preds.get(g["id"]) or {})
        if top is None:
            hits["no_event"] += 1
            continue
        ok_type = top.get("type") == gt["type"]
        hits["type"] += ok_type
        per_type[gt["type"]][0] += ok_type
        gs, gtg = _gold_codes(gt.get("source")), _gold_codes(gt.get("target"))
        ok_src = ok_tgt = True
        if gs:
            n_src += 1
            ok_src = bool(gs & _pred_codes(top.get("source")))
            hits["source"] += ok_src
        if gtg:
            n_tgt += 1
            ok_tgt = bool(gtg & _pred_codes(top.get("target")))
            hits["target"] += ok_tgt
        hits["full"] += ok_type and ok_src and ok_tgt
    n = len(gold)
    return {
        "per_type": {t: {"hits": h, "total": tot} for t, (h, tot) in sorted(per_type.items())},
        "type_acc": hits["type"] / n if n else 0.0,
        "source_acc": hits["source"] / n_src if n_src else 0.0,
        "target_acc": hits["target"] / n_tgt if n_tgt else 0.0,
        "full_acc": hits["full"] / n if n else 0.0,
        "no_event": hits["no_event"] / n if n else 0.0,
        "n": n,
    }


def format_plover(result: dict[str, Any]) -> str:
    """The figures as the shared scorer prints them."""
    lines = [f"{t:12s} {v['hits']:3d}/{v['total']:<3d}" for t, v in result["per_type"].items()]
    keys = ("type_acc", "source_acc", "target_acc", "full_acc", "no_event", "n")
    lines.append(
        " ".join(f"{k}={result[k]:.3f}" if isinstance(result[k], float) else f"{k}={result[k]}" for k in keys)
    )
    return "\n".join(lines)


def _norm(text: str) -> str:
    return " ".join(str(text).split()).lower()


def _side_codes(ids: Iterable[Any], countries: dict[str, str | None]) -> set[str]:
    out: set[str] = set()
    for a in ids or []:
        if isinstance(a, dict):
            out |= {v for v in (a.get("id"), a.get("country")) if v}
        elif a:
            out.add(str(a))
            if countries.get(str(a)):
                out.add(countries[str(a)])  # type: ignore[arg-type]
    return out


def _date_ok(gold: Any, pred: str | None) -> bool:
    """A predicted ISO date matches a gold date at the gold's precision (YYYY, YYYY-MM or a day)."""
    if isinstance(gold, (dt.date, dt.datetime)):
        gold = gold.isoformat()[:10]
    gold = str(gold)
    return bool(pred) and str(pred)[: len(gold)] == gold


def _matches(g: dict[str, Any], p: dict[str, Any], countries: dict[str, str | None]) -> bool:
    gs, ps = _norm(g.get("sentence", "")), _norm(p.get("sentence", ""))
    if not gs or not (gs in ps or ps in gs) or g.get("type") != p.get("type"):
        return False
    for side in ("source", "target"):
        gold_side = g.get(side) or []
        if gold_side and not (_side_codes(gold_side, countries) & _side_codes(p.get(side) or [], countries)):
            return False
    return True


def load_corpus_gold(corpus_dir: str | Path) -> dict[str, dict[str, Any]]:
    """Every gold annotation of ``corpus_dir/gold`` by document id."""
    gold_dir = Path(corpus_dir) / "gold"
    out = {}
    for path in sorted(gold_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out[str(data.get("id") or path.stem)] = data
    return out


def _countries(gold: dict[str, dict[str, Any]]) -> dict[str, str | None]:
    """Country of every actor id in the gold files, from the catalogue (empty when unavailable)."""
    try:
        from greatgame.catalogue import load_catalogue

        cat = load_catalogue()
    except ImportError:  # pragma: no cover - the catalogue ships with greatgame
        return {}
    ids = {
        str(a)
        for d in gold.values()
        for e in d.get("events") or []
        for a in [*(e.get("source") or []), *(e.get("target") or [])]
    }
    return {a: cat.country_of(a) for a in ids}


def _sentence_preds(ge: dict[str, Any], preds: list[dict[str, Any]]) -> list[int]:
    gs = _norm(ge.get("sentence", ""))
    return [
        i
        for i, p in enumerate(preds)
        if gs and (gs in _norm(p.get("sentence", "")) or _norm(p.get("sentence", "")) in gs)
    ]


def _side_ok(g: dict[str, Any], p: dict[str, Any], side: str, countries: dict[str, str | None]) -> bool:
    gold_side = g.get(side) or []
    return not gold_side or bool(
        _side_codes(gold_side, countries) & _side_codes(p.get(side) or [], countries)
    )


def _miss(
    ge: dict[str, Any], preds: list[dict[str, Any]], free: list[int], countries: dict[str, str | None]
) -> dict[str, Any]:
    """Why a gold event found no match: the best predicted candidate of its sentence and what differs."""
    cands = [i for i in _sentence_preds(ge, preds) if i in free]
    if not cands:
        return {"problem": ["missing"], "predicted": None}

    def score(i: int) -> tuple[int, int, int]:
        p = preds[i]
        return (
            p.get("type") == ge.get("type"),
            _side_ok(ge, p, "source", countries),
            _side_ok(ge, p, "target", countries),
        )

    best = max(cands, key=score)
    ok_type, ok_src, ok_tgt = score(best)
    problem = [
        name
        for name, ok in (("wrong type", ok_type), ("wrong source", ok_src), ("wrong target", ok_tgt))
        if not ok
    ]
    return {"problem": problem, "predicted": preds[best]}


def _brief(e: dict[str, Any] | None) -> dict[str, Any] | None:
    if e is None:
        return None
    ids = lambda side: [a.get("id") if isinstance(a, dict) else a for a in e.get(side) or []]  # noqa: E731
    date = e.get("date")
    return {"type": e.get("type"), "source": ids("source"), "target": ids("target"),
            "date": date.isoformat() if isinstance(date, (dt.date, dt.datetime)) else date,
            "modality": e.get("modality"), "sentence": e.get("sentence")}  # fmt: skip


def _match_document(g: dict[str, Any], pred_events: list[dict[str, Any]], countries: dict[str, str | None],
                    c: Counter[str], per_type: dict[str, Counter[str]], details: list[dict[str, Any]] | None) -> None:  # fmt: skip
    used: set[int] = set()
    c["pred"] += len(pred_events)
    for e in pred_events:
        per_type[e.get("type", "?")]["pred"] += 1
    misses = []
    for ge in g.get("events") or []:
        c["gold"] += 1
        per_type[ge["type"]]["gold"] += 1
        idx = next(
            (i for i, p in enumerate(pred_events) if i not in used and _matches(ge, p, countries)), None
        )
        if idx is None:
            misses.append(ge)
            continue
        used.add(idx)
        p = pred_events[idx]
        c["matched"] += 1
        per_type[ge["type"]]["matched"] += 1
        problem = []
        if ge.get("date"):
            c["dated"] += 1
            ok = _date_ok(ge["date"], p.get("date"))
            c["date_ok"] += ok
            problem += [] if ok else ["wrong date"]
        mod_ok = ge.get("modality", "asserted") == p.get("modality")
        c["modality_ok"] += mod_ok
        problem += [] if mod_ok else ["wrong modality"]
        if details is not None and problem:
            details.append(
                {"doc": g.get("id"), "problem": problem, "gold": _brief(ge), "predicted": _brief(p)}
            )
    if details is None:
        return
    for ge in misses:
        free = [i for i in range(len(pred_events)) if i not in used]
        why = _miss(ge, pred_events, free, countries)
        details.append(
            {
                "doc": g.get("id"),
                "problem": why["problem"],
                "gold": _brief(ge),
                "predicted": _brief(why["predicted"]),
            }
        )
    for i, p in enumerate(pred_events):
        if i not in used:
            details.append(
                {"doc": g.get("id"), "problem": ["extra prediction"], "gold": None, "predicted": _brief(p)}
            )


def evaluate_corpus(
    corpus_dir: str | Path, records: Iterable[dict[str, Any]], details: bool = False
) -> dict[str, Any]:
    """Event recall and precision, date and modality accuracy, per type, against corpus/gold.

    With ``details`` the result also holds ``details``: one entry per problem (a gold event missed,
    with the best predicted candidate of its sentence and what differs, a wrong date or modality,
    or a predicted event no gold event matched).
    """
    gold = load_corpus_gold(corpus_dir)
    countries = _countries(gold)
    preds = {str((r.get("doc") or {}).get("id")): r for r in records}
    c: Counter[str] = Counter()
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    found: list[dict[str, Any]] | None = [] if details else None
    for doc_id, g in gold.items():
        pred_events = [e for e in (preds.get(doc_id) or {}).get("events") or [] if isinstance(e, dict)]
        _match_document(g, pred_events, countries, c, per_type, found)
    result = _corpus_figures(c, per_type, len(gold))
    if found is not None:
        result["details"] = found
        result["problems"] = dict(Counter(p for d in found for p in d["problem"]))
    return result


def _side_text(e: dict[str, Any]) -> str:
    return f"{e['type']} {e['source']}->{e['target']} date={e['date']} {e['modality']}"


def format_details(result: dict[str, Any]) -> str:
    """The per-document miss report: gold event vs best predicted candidate, and what is wrong."""
    lines: list[str] = []
    doc = None
    for d in result.get("details") or []:
        if d["doc"] != doc:
            doc = d["doc"]
            lines.append(f"== {doc}")
        lines.append(f"  [{', '.join(d['problem'])}]")
        if d["gold"]:
            lines.append(f"    gold: {_side_text(d['gold'])} | {d['gold']['sentence']}")
        if d["predicted"]:
            lines.append(f"    pred: {_side_text(d['predicted'])} | {d['predicted']['sentence']}")
    counts = result.get("problems") or {}
    lines.append(
        "problems: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    )
    return "\n".join(lines)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _corpus_figures(c: Counter[str], per_type: dict[str, Counter[str]], n_docs: int) -> dict[str, Any]:
    recall, precision = _ratio(c["matched"], c["gold"]), _ratio(c["matched"], c["pred"])
    return {
        "documents": n_docs,
        "gold_events": c["gold"],
        "predicted_events": c["pred"],
        "matched": c["matched"],
        "recall": recall,
        "precision": precision,
        "f1": _ratio(2 * recall * precision, recall + precision),
        "date_acc": _ratio(c["date_ok"], c["dated"]),
        "modality_acc": _ratio(c["modality_ok"], c["matched"]),
        "per_type": {
            t: {
                "gold": v["gold"],
                "predicted": v["pred"],
                "matched": v["matched"],
                "recall": _ratio(v["matched"], v["gold"]),
                "precision": _ratio(v["matched"], v["pred"]),
            }
            for t, v in sorted(per_type.items())
        },  # fmt: skip
    }


def format_corpus(result: dict[str, Any]) -> str:
    """The corpus figures as a small table and a summary line."""
    lines = [f"{'type':12s} gold pred match recall precision"]
    for t, v in result["per_type"].items():
        lines.append(
            f"{t:12s} {v['gold']:4d} {v['predicted']:4d} {v['matched']:5d} {v['recall']:6.3f} {v['precision']:9.3f}"
        )
    keys = (
        "recall",
        "precision",
        "f1",
        "date_acc",
        "modality_acc",
        "gold_events",
        "predicted_events",
        "documents",
    )
    lines.append(
        " ".join(f"{k}={result[k]:.3f}" if isinstance(result[k], float) else f"{k}={result[k]}" for k in keys)
    )
    return "\n".join(lines)
