"""The built-in evaluation agrees with the shared scorer and matches corpus events as documented."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from greatgame.events.evaluate import evaluate_corpus, evaluate_plover, format_plover

GOLD = [
    {
        "id": "a",
        "text": "x",
        "gold": {"type": "CONSULT", "source": [{"code": "RUS"}], "target": [{"code": "UZB"}]},
    },
    {
        "id": "b",
        "text": "y",
        "gold": {"type": "DEMAND", "source": [{"code": "IGO"}], "target": [{"code": "JAP"}]},
    },
    {"id": "c", "text": "z", "gold": {"type": "FIGHT", "source": [{"code": "IMG"}], "target": []}},
    {"id": "d", "text": "w", "gold": {"type": "AGREE", "source": [], "target": []}},
]
PRED = [
    {"doc": {"id": "a"}, "events": [
        {"type": "AGREE", "confidence": 0.4, "source": [{"id": "RUS"}], "target": []},
        {"type": "CONSULT", "confidence": 0.9, "source": [{"id": "sergey-lavrov", "country": "RUS"}],
         "target": [{"id": "UZB", "country": "UZB"}]}]},
    {"doc": {"id": "b"}, "events": [
        {"type": "DEMAND", "confidence": 0.7, "source": [{"id": "UN", "country": None}],
         "target": [{"id": "JPN", "country": "JPN"}]}]},
    {"doc": {"id": "c"}, "events": [
        {"type": "ASSAULT", "confidence": 0.7, "source": [{"id": "ISIS", "kind": "armed_group"}], "target": []}]},
    {"doc": {"id": "d"}, "events": []},
]  # fmt: skip


def test_plover_figures_match_the_shared_scorer(tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD))
    pred.write_text("\n".join(json.dumps(p) for p in PRED))
    ours = evaluate_plover(gold, PRED)
    assert ours["type_acc"] == pytest.approx(0.5) and ours["no_event"] == pytest.approx(0.25)
    assert ours["source_acc"] == pytest.approx(1.0) and ours["target_acc"] == pytest.approx(1.0)
    shared = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_plover.py"
    if shared.is_file():
        out = subprocess.run(
            [sys.executable, str(shared), str(gold), str(pred), "--json"], capture_output=True, text=True
        )
        theirs = json.loads(out.stdout)
        for key in ("type_acc", "source_acc", "target_acc", "full_acc", "no_event", "n"):
            assert ours[key] == pytest.approx(theirs[key])
    assert "type_acc=0.500" in format_plover(ours)


def test_corpus_matching_by_sentence_type_and_actor_country(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "d1.txt.yaml").write_text(
        "id: d1.txt\nevents:\n"
        "  - {sentence: 'Lavrov visited Tashkent', type: CONSULT, source: [RUS], target: [UZB],"
        " date: 2025-04-22, modality: asserted}\n"
        "  - {sentence: 'Kazakhstan protested', type: DISAPPROVE, source: [KAZ], target: [], date: null,"
        " modality: asserted}\n"
    )
    records = [{"doc": {"id": "d1.txt"}, "events": [
        {"type": "CONSULT", "sentence": "On Monday Lavrov visited Tashkent for talks.", "date": "2025-04-22",
         "modality": "asserted", "source": [{"id": "sergey-lavrov", "country": "RUS"}], "target": [{"id": "UZB", "country": "UZB"}]},
        {"type": "SUPPORT", "sentence": "Kazakhstan protested.", "modality": "asserted",
         "source": [{"id": "KAZ", "country": "KAZ"}], "target": []}]}]  # fmt: skip
    res = evaluate_corpus(tmp_path, records)
    assert (
        res["matched"] == 1 and res["recall"] == pytest.approx(0.5) and res["precision"] == pytest.approx(0.5)
    )
    assert res["date_acc"] == pytest.approx(1.0) and res["modality_acc"] == pytest.approx(1.0)
    assert res["per_type"]["CONSULT"]["recall"] == pytest.approx(1.0)


def test_corpus_details_name_each_miss_and_extra(tmp_path):
    from greatgame.events.evaluate import format_details

    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "d1.txt.yaml").write_text(
        "id: d1.txt\nevents:\n"
        "  - {sentence: 'Lavrov visited Tashkent', type: CONSULT, source: [RUS], target: [UZB], date: 2025-04-22}\n"
        "  - {sentence: 'Kazakhstan protested', type: DISAPPROVE, source: [KAZ], target: []}\n"
        "  - {sentence: 'Uzbekistan signed', type: AGREE, source: [UZB], target: []}\n"
    )
    records = [{"doc": {"id": "d1.txt"}, "events": [
        {"type": "CONSULT", "sentence": "Lavrov visited Tashkent.", "date": "2025-04-23", "modality": "asserted",
         "source": [{"id": "sergey-lavrov", "country": "RUS"}], "target": [{"id": "UZB", "country": "UZB"}]},
        {"type": "SUPPORT", "sentence": "Kazakhstan protested.", "modality": "asserted",
         "source": [{"id": "KAZ", "country": "KAZ"}], "target": []},
        {"type": "FIGHT", "sentence": "Tajik forces shelled a village.", "modality": "asserted",
         "source": [{"id": "TJK", "country": "TJK"}], "target": []}]}]  # fmt: skip
    res = evaluate_corpus(tmp_path, records, details=True)
    problems = {p for d in res["details"] for p in d["problem"]}
    assert {"wrong date", "wrong type", "missing", "extra prediction"} <= problems
    wrong_type = next(d for d in res["details"] if "wrong type" in d["problem"])
    assert wrong_type["gold"]["type"] == "DISAPPROVE" and wrong_type["predicted"]["type"] == "SUPPORT"
    assert res["problems"]["extra prediction"] == 2
    report = format_details(res)
    assert "== d1.txt" in report and "[missing]" in report
    assert "details" not in evaluate_corpus(tmp_path, records)
