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
    from greatgame.events import CandidateFilter
    from greatgame.nlp import Annotator, irregular_forms

    select = CandidateFilter(irregular=irregular_forms(nlp_model))
    fast = Annotator(Settings(workers=1, fast_path=True), catalogue, select=select)
    slow = Annotator(Settings(workers=1, fast_path=False), catalogue)
    return next(iter(fast.annotate([_doc()]))), next(iter(slow.annotate([_doc()])))


def test_fast_path_parses_only_sentences_that_can_tell_an_event(both):
    fast, slow = both
    assert all(s.parsed for s in slow.sentences)
    parsed = [s.text for s in fast.sentences if s.parsed]
    assert any(t.startswith("Tajik President Emomali Rahmon met") for t in parsed)
    assert any(t.startswith("Rahmon said Tajikistan would deepen its cooperation") for t in parsed)
    assert not any(t.startswith(("The weather", "Traffic", "Prices of bread", "Share")) for t in parsed)
    assert set(fast.parses) == {s.index for s in fast.sentences if s.parsed}


def test_fast_path_gives_the_same_mentions_in_sentences_with_actors(both):
    fast, slow = both
    with_actors = {m.sentence for m in slow.mentions}
    key = lambda d: [(m.actor_id, m.start, m.end, m.how) for m in d.mentions if m.sentence in with_actors]  # noqa: E731
    assert key(fast) == key(slow)
    assert [(a.id, a.mentions) for a in fast.actors] == [(a.id, a.mentions) for a in slow.actors]


def test_select_callable_decides_what_is_parsed(nlp_model, catalogue):
    from greatgame.nlp import Annotator

    seen = []

    def select(text, genre):
        seen.append(genre)
        return "thanked" in text

    doc = next(iter(Annotator(Settings(workers=1), catalogue, select=select).annotate([_doc()])))
    assert [s.text for s in doc.sentences if s.parsed] == ["He thanked the hosts."]
    assert set(seen) == {"news"}


def test_a_surname_inside_another_full_name_is_not_linked_without_a_parse(nlp_model, catalogue):
    """Unparsed sign-off "by Ibrahim Saidov" is not Uzbekistan's foreign minister Bakhtiyor Saidov."""
    from greatgame.nlp import Annotator

    text = "Uzbek Foreign Minister Bakhtiyor Saidov met his Kazakh counterpart.\n\nWritten for the Media Office by Ibrahim Saidov"
    doc = Document(DocumentMeta(id="s.txt", published=dt.date(2024, 5, 1)), text)
    doc = next(iter(Annotator(Settings(workers=1), catalogue, select=lambda t, g: "met" in t).annotate([doc])))
    assert {m.actor_id for m in doc.mentions if m.sentence == 1} == set()
    assert "bakhtiyor-saidov" in {m.actor_id for m in doc.mentions if m.sentence == 0}


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
