"""Actor linking and stated relations over the sample corpus, against its gold annotations."""

from __future__ import annotations

import pytest
import yaml

from greatgame.config import Settings
from greatgame.models import RawDocument


@pytest.fixture(scope="module")
def annotated(corpus_dir, nlp_model, catalogue):
    from greatgame.ingest import prepare, read_sources
    from greatgame.nlp import Annotator

    gold = {}
    for path in sorted((corpus_dir / "gold").glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf8"))
        gold[record["id"]] = record
    settings = Settings(workers=1)
    raws = [
        r
        for r in read_sources([corpus_dir / "articles"], settings)
        if isinstance(r, RawDocument) and r.id in gold
    ]
    if not raws:
        pytest.skip("no corpus document has a gold annotation")
    docs = list(Annotator(settings, catalogue).annotate(prepare(r, settings) for r in raws))
    return [(doc, gold[doc.id]) for doc in docs]


def test_actor_precision_and_recall(annotated):
    tp = fp = fn = people_tp = people_fn = 0
    misses = []
    for doc, gold in annotated:
        want, got = set(gold["actors"]), {a.id for a in doc.actors}
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        people = {a for a in want if a.islower()}
        people_tp, people_fn = people_tp + len(people & got), people_fn + len(people - got)
        if want != got:
            misses.append(f"{doc.id}: missing {sorted(want - got)} extra {sorted(got - want)}")
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    people_recall = people_tp / (people_tp + people_fn)
    report = f"P={precision:.3f} R={recall:.3f} people R={people_recall:.3f}\n" + "\n".join(misses)
    assert recall >= 0.95, report
    assert precision >= 0.90, report
    assert people_recall >= 0.90, report


def test_every_gold_relation_is_found(annotated):
    misses = []
    for doc, gold in annotated:
        want = {(r["subject"], r["relation"], r["object"]) for r in gold.get("relations") or []}
        got = {(r.subject, r.relation, r.object) for r in doc.relations if not r.negated}
        if want - got:
            misses.append(f"{doc.id}: {sorted(want - got)}")
    assert not misses, "\n".join(misses)


def test_actor_records_are_complete(annotated):
    for doc, _ in annotated:
        for actor in doc.actors:
            assert actor.kind and actor.mentions > 0
            assert actor.mentions == sum(1 for m in doc.mentions if m.actor_id == actor.id)
