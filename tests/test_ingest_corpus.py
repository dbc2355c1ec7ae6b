"""Metadata of every sample-corpus document against its gold annotation (corpus/gold/<id>.yaml)."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from greatgame.config import Settings
from greatgame.ingest import prepare, read_sources
from greatgame.models import RawDocument

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FIELDS = ("title", "published", "publisher", "author", "genre")


def _cases():
    if not (CORPUS / "articles").is_dir() or not (CORPUS / "gold").is_dir():
        return []
    cases = []
    for raw in read_sources([CORPUS / "articles"], Settings()):
        gold_path = CORPUS / "gold" / f"{getattr(raw, 'id', '')}.yaml"
        if isinstance(raw, RawDocument) and gold_path.exists():
            cases.append(pytest.param(raw, gold_path, id=raw.id))
    return cases


CASES = _cases()


def _value(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def _not_in_text(raw, gold):
    """A gold date whose year the document never writes cannot be read from it (never invented)."""
    published = gold.get("published")
    return (
        isinstance(published, dt.date)
        and "published" not in raw.given
        and str(published.year) not in raw.content
    )


@pytest.mark.skipif(not CASES, reason="no sample corpus with gold annotations in corpus/")
@pytest.mark.parametrize("raw, gold_path", CASES)
def test_corpus_metadata_matches_gold(raw, gold_path):
    gold = yaml.safe_load(gold_path.read_text("utf-8"))["meta"]
    meta = prepare(raw, Settings()).meta.to_record()
    wrong = {f: (meta[f], _value(gold.get(f))) for f in FIELDS if meta[f] != _value(gold.get(f))}
    if set(wrong) == {"published"} and _not_in_text(raw, gold):
        pytest.xfail(f"gold date {gold['published']} is not written in the document (its year never appears)")
    assert not wrong, f"{raw.id}: field -> (got, gold): {wrong}"
