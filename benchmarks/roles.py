"""Print the accuracy of the sentence-role classifier, per role and overall.

usage: python benchmarks/roles.py [--tests DIR] [--corpus DIR] [--errors]

Two sets are scored with ``greatgame.events.roles.sentence_role``:

* ``tests/data/roles/*.yaml``: sentences written for this benchmark in the corpus' styles
  (wire news, press releases, movements' commentary, op-eds, web chrome), 32 per role;
* ``tests/data/roles/heldout/*.yaml``: 50 more sentences (10 per role), written after the cue
  lists were frozen, to check that they generalise;
* the gold ``sentence_roles`` of ``corpus/gold/*.yaml``, each with its document's gold genre.

Accuracy per role is recall (gold sentences of that role labelled correctly); overall is the
share of all sentences labelled correctly.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from greatgame.events.lexicon import load_lexicon  # noqa: E402
from greatgame.events.roles import sentence_role  # noqa: E402
from greatgame.models import SENTENCE_ROLES  # noqa: E402

OPINION_GENRES = {"commentary", "op_ed"}


def test_set(folder: Path) -> list[tuple[str, str, str]]:
    """(sentence, role, genre) of the hand-written set; commentary and appeals come from opinion pieces."""
    out = []
    for f in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        genre = data.get("genre") or ("commentary" if data["role"] in ("commentary", "appeal") else "news")
        out += [(s, data["role"], genre) for s in data["sentences"]]
    return out


def corpus_set(corpus: Path) -> list[tuple[str, str, str]]:
    """(sentence, role, genre) of the gold ``sentence_roles`` of the sample corpus."""
    out = []
    for f in sorted((corpus / "gold").glob("*.yaml")):
        g = yaml.safe_load(f.read_text(encoding="utf-8"))
        genre = (g.get("meta") or {}).get("genre") or "news"
        out += [(r["sentence"], r["role"], genre) for r in g.get("sentence_roles") or []]
    return out


def score(items: list[tuple[str, str, str]], show_errors: bool = False) -> dict:
    """Accuracy per role and overall, and the confusion counts."""
    lex = load_lexicon()
    right, total, confusion = Counter(), Counter(), Counter()
    for text, role, genre in items:
        got = sentence_role(text, lex, genre)
        total[role] += 1
        right[role] += got == role
        confusion[(role, got)] += 1
        if show_errors and got != role:
            print(f"   {role:>11} -> {got:<11} [{genre}] {text[:110]}")
    per_role = {r: (right[r] / total[r] if total[r] else None, total[r]) for r in SENTENCE_ROLES}
    overall = sum(right.values()) / max(sum(total.values()), 1)
    return {"per_role": per_role, "overall": overall, "n": sum(total.values()), "confusion": confusion}


def _print(name: str, s: dict) -> None:
    roles = "  ".join(
        f"{r} {a:.2f} ({n})" if a is not None else f"{r} - (0)" for r, (a, n) in s["per_role"].items()
    )
    print(f"{name:18} n={s['n']:4}  overall {s['overall']:.3f}  |  {roles}")


def main(argv: list[str] | None = None) -> int:
    """Score both sets and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tests", type=Path, default=ROOT / "tests" / "data" / "roles")
    ap.add_argument("--heldout", type=Path, default=ROOT / "tests" / "data" / "roles" / "heldout")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--errors", action="store_true", help="print every misclassified sentence")
    args = ap.parse_args(argv)
    mine = test_set(args.tests)
    heldout = test_set(args.heldout) if args.heldout.is_dir() else []
    gold = corpus_set(args.corpus)
    _print("test sentences", score(mine, args.errors))
    if heldout:
        _print("held-out sentences", score(heldout, args.errors))
    _print("corpus gold", score(gold, args.errors))
    _print("all", score(mine + heldout + gold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
