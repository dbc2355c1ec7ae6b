"""The fast-path filter never drops a sentence the coder would code, and skips the rest."""

import dataclasses
import json

import pytest

from greatgame.events import CandidateFilter
from greatgame.events.candidate import inflections
from greatgame.events.lexicon import load_lexicon
from greatgame.models import Document, DocumentMeta


@pytest.fixture(scope="module")
def is_candidate(nlp_model):
    """The filter as the pipeline builds it (irregular forms from the model's lemmatizer)."""
    from greatgame.nlp import irregular_forms

    return CandidateFilter(irregular=irregular_forms(nlp_model))


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


def _uncovered(docs, is_candidate):
    missed = []
    for doc in docs:
        for ev in doc.events:
            if not is_candidate(ev.sentence, doc.meta.genre):
                missed.append(ev.sentence)
        for st in doc.statements:
            if not is_candidate(doc.sentences[st.sentence_index].text, doc.meta.genre):
                missed.append(doc.sentences[st.sentence_index].text)
    return missed


def test_every_coded_dev_sentence_is_a_candidate(coded, plover_dev, is_candidate):
    rows = [json.loads(line) for line in plover_dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(DocumentMeta(id=r["id"]), r["text"]) for r in rows]
    done = list(coded(docs))
    assert sum(len(d.events) for d in done) > len(rows) / 2
    assert _uncovered(done, is_candidate) == []


def test_every_coded_corpus_sentence_is_a_candidate(coded, corpus_dir, settings_one_worker, is_candidate):
    from greatgame.ingest import prepare, read_sources

    docs = [prepare(raw, settings_one_worker) for raw in read_sources([corpus_dir / "articles"], settings_one_worker)
            if not hasattr(raw, "reason")]  # fmt: skip
    done = list(coded(docs))
    assert sum(len(d.events) for d in done) > 0
    assert _uncovered(done, is_candidate) == []


@pytest.mark.parametrize(
    "text",
    ["Russia and Uzbekistan held talks in Tashkent.", "Kyrgyz forces shelled Tajik positions.",
     "He said Kazakhstan must reopen the border.", "The protesters were dispersed.",
     "The Turkish foreign minister was already in Tashkent."],
)  # fmt: skip
def test_event_sentences_are_candidates(text, is_candidate):
    assert is_candidate(text)


@pytest.mark.parametrize(
    "text",
    ["The weather in Almaty was sunny.", "Photo: Reuters.", "Page 2 of 7",
     "The capital has grown to two million people.", "Denmark is a small country with a dense network of roads.",
     "Subscribe to our newsletter and share this article."],
)  # fmt: skip
def test_plain_sentences_are_not(text, is_candidate):
    assert not is_candidate(text)


@pytest.mark.parametrize(
    "text",
    ["The exercise was cancelled at the last minute.", "Tashkent is planning a new round of talks.",
     "The ministers met in Baku.", "Police detained three men.", "The two leaders fought over the text.",
     "The sides are negotiating a ceasefire agreement."],
)  # fmt: skip
def test_inflected_and_irregular_forms_of_triggers_are_candidates(text, is_candidate):
    assert is_candidate(text)


def test_the_authors_opinion_is_no_candidate_but_a_quote_is(is_candidate):
    opinion = "The summit is doomed to fail, and the regime knows it."
    assert not is_candidate(opinion, "commentary")
    assert is_candidate('"The summit is doomed to fail," the minister said.', "commentary")


def test_a_new_lexicon_entry_needs_nothing_in_the_filter():
    lex = load_lexicon()
    noun = next(iter(lex.nouns.values()))
    text = "The parley began in Bishkek."
    assert not CandidateFilter(lex)(text)
    grown = dataclasses.replace(lex, nouns={**lex.nouns, "parley": dataclasses.replace(noun, lemma="parley")})
    assert CandidateFilter(grown)(text)


def test_inflections_follow_english_spelling():
    assert {"visits", "visited", "visiting"} <= inflections("visit")
    assert {"denies", "denied", "denying"} <= inflections("deny")
    assert {"planned", "planning", "plans"} <= inflections("plan")
    assert {"closing", "closed", "closes"} <= inflections("close")


def test_a_leader_in_a_capital_is_a_visit_on_the_fast_path(catalogue, is_candidate):
    """The fast path runs no recogniser when the catalogue knows every name; the visit stays."""
    from greatgame.config import Settings
    from greatgame.events import Coder
    from greatgame.nlp import Annotator

    annotator = Annotator(Settings(fast_path=True, workers=1), catalogue, select=is_candidate)
    doc = Document(DocumentMeta(id="t"), "Indian Prime Minister Narendra Modi was also in Astana.")
    doc = next(iter(annotator.annotate([doc])))
    Coder(catalogue).code(doc)
    assert [(e.type, [a.id for a in e.target]) for e in doc.events] == [("CONSULT", ["KAZ"])]
