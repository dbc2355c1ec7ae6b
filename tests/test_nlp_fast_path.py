"""The cheap pass: what gets parsed, parses per sentence, model loading and registration."""

from __future__ import annotations

import datetime as dt

import pytest

from greatgame.config import Settings
from greatgame.errors import ModelMissing
from greatgame.models import Document, DocumentMeta

TEXT = (
    "Share | Tweet | Email\n\n"
    "Tajik President Emomali Rahmon met Russian President Vladimir Putin in Moscow on Tuesday.\n\n"
    "The weather was mild and the streets were quiet. Traffic moved slowly all day.\n\n"
    "Rahmon said Tajikistan would deepen its cooperation with the CSTO. He thanked the hosts.\n\n"
    "Prices of bread rose by three percent in the capital last month."
)


def _doc() -> Document:
    return Document(DocumentMeta(id="f.txt", published=dt.date(2024, 5, 1)), TEXT)


@pytest.fixture(scope="module")
def both(nlp_model, catalogue):
    from greatgame.nlp import Annotator

    fast = Annotator(Settings(workers=1, fast_path=True), catalogue, select=lambda text: "thanked" in text)
    slow = Annotator(Settings(workers=1, fast_path=False), catalogue)
    return next(iter(fast.annotate([_doc()]))), next(iter(slow.annotate([_doc()])))


def test_fast_path_parses_fewer_sentences(both):
    fast, slow = both
    assert all(s.parsed for s in slow.sentences)
    assert 0 < sum(s.parsed for s in fast.sentences) < len(slow.sentences)
    assert set(fast.parses) == {s.index for s in fast.sentences if s.parsed}


def test_fast_path_gives_the_same_mentions_in_sentences_with_actors(both):
    fast, slow = both
    with_actors = {m.sentence for m in slow.mentions}
    key = lambda d: [(m.actor_id, m.start, m.end, m.how) for m in d.mentions if m.sentence in with_actors]  # noqa: E731
    assert key(fast) == key(slow)
    assert [(a.id, a.mentions) for a in fast.actors] == [(a.id, a.mentions) for a in slow.actors]


def test_select_callable_adds_sentences(both):
    fast, _ = both
    he = next(s for s in fast.sentences if s.text.startswith("He thanked"))
    assert he.parsed


def test_parse_is_one_doc_per_sentence_with_sentence_relative_offsets(both):
    _, slow = both
    for sentence in slow.sentences:
        parse = slow.parses[sentence.index]
        assert parse.text == sentence.text
        for tok in parse:
            start = sentence.start + tok.idx
            assert slow.text[start : start + len(tok.text)] == tok.text
        assert all(tok.dep_ for tok in parse) and all(tok.lemma_ for tok in parse)


def test_streaming_keeps_order_across_batches(nlp_model, catalogue):
    from greatgame.nlp import Annotator

    annotator = Annotator(Settings(workers=1, batch_size=2), catalogue)
    docs = [
        Document(DocumentMeta(id=f"{i}.txt"), f"Kazakhstan and Kyrgyzstan signed accord number {i}.")
        for i in range(5)
    ]
    out = list(annotator.annotate(iter(docs)))
    assert [d.id for d in out] == [f"{i}.txt" for i in range(5)]
    assert all({a.id for a in d.actors} == {"KAZ", "KGZ"} for d in out)


def test_missing_model_says_how_to_install():
    from greatgame.nlp.model import load_model

    with pytest.raises(ModelMissing, match="make install"):
        load_model("en_core_web_no_such_model")


def test_components_are_registered_by_load_model(nlp_model):
    from greatgame.nlp.factories import RULER, SPLITTER

    ruler = nlp_model.create_pipe(RULER)
    splitter = nlp_model.create_pipe(SPLITTER)
    doc = splitter(nlp_model.make_doc("Moscow said so. Astana agreed."))
    assert [s.text for s in doc.sents] == ["Moscow said so.", "Astana agreed."]
    assert ruler.name == RULER
