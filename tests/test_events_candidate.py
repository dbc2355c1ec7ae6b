"""The fast-path filter never drops a sentence the coder would code."""

import json

import pytest

from greatgame.events import is_candidate
from greatgame.models import Document, DocumentMeta


@pytest.fixture(scope="module")
def coded(catalogue):
    """Annotate with the full parse (no fast path) and code; yields coded Documents."""
    from greatgame.config import Settings
    from greatgame.events import Coder
    from greatgame.nlp import Annotator

    annotator = Annotator(Settings(fast_path=False, workers=1), catalogue)
    coder = Coder(catalogue)

    def run(docs):
        for doc in annotator.annotate(docs):
            coder.code(doc)
            yield doc

    return run


def _uncovered(docs):
    missed = []
    for doc in docs:
        for ev in doc.events:
            if not is_candidate(ev.sentence):
                missed.append(ev.sentence)
    return missed


def test_every_coded_dev_sentence_is_a_candidate(coded, plover_dev):
    rows = [json.loads(line) for line in plover_dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(DocumentMeta(id=r["id"]), r["text"]) for r in rows]
    done = list(coded(docs))
    assert sum(len(d.events) for d in done) > len(rows) / 2
    assert _uncovered(done) == []


def test_every_coded_corpus_sentence_is_a_candidate(coded, corpus_dir, settings_one_worker):
    from greatgame.ingest import prepare, read_sources

    docs = [prepare(raw, settings_one_worker) for raw in read_sources([corpus_dir / "articles"], settings_one_worker)
            if not hasattr(raw, "reason")]  # fmt: skip
    done = list(coded(docs))
    assert sum(len(d.events) for d in done) > 0
    assert _uncovered(done) == []


@pytest.mark.parametrize(
    "text",
    ["Russia and Uzbekistan held talks in Tashkent.", "Kyrgyz forces shelled Tajik positions.",
     "He said Kazakhstan must reopen the border.", "The protesters were dispersed.",
     "The Turkish foreign minister was already in Tashkent."],
)  # fmt: skip
def test_event_sentences_are_candidates(text):
    assert is_candidate(text)


@pytest.mark.parametrize("text", ["The weather in Almaty was sunny.", "Photo: Reuters.", "Page 2 of 7"])
def test_plain_sentences_are_not(text):
    assert not is_candidate(text)


def test_a_leader_in_a_capital_is_a_visit_on_the_fast_path(catalogue):
    """The fast path runs no recogniser when the catalogue knows every name; the visit stays."""
    from greatgame.config import Settings
    from greatgame.events import Coder
    from greatgame.nlp import Annotator

    annotator = Annotator(Settings(fast_path=True, workers=1), catalogue, select=is_candidate)
    doc = Document(DocumentMeta(id="t"), "Indian Prime Minister Narendra Modi was also in Astana.")
    doc = next(iter(annotator.annotate([doc])))
    Coder(catalogue).code(doc)
    assert [(e.type, [a.id for a in e.target]) for e in doc.events] == [("CONSULT", ["KAZ"])]
