"""The benchmark corpus generator: seeded, news-length, real page furniture, the sample's share of events."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gen(corpus_dir):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import gen_corpus

    return gen_corpus


def test_the_same_seed_gives_the_same_documents(gen):
    assert list(gen.documents(20, 450, seed=3)) == list(gen.documents(20, 450, seed=3))
    assert list(gen.documents(20, 450, seed=3)) != list(gen.documents(20, 450, seed=4))


def test_documents_are_news_length_with_page_furniture(gen):
    docs = list(gen.documents(200, 450, seed=7))
    words = [len(d["text"].split()) for d in docs]
    assert 400 <= sum(words) / len(words) <= 650
    texts = "\n".join(d["text"] for d in docs)
    # lines a scraper keeps from real pages of the sample corpus: comment boxes, menus, sign-offs
    assert "back to top" in texts and "Leave a comment" in texts and "Home" in texts
    assert all(d["published"] and d["title"] for d in docs)


def test_the_share_of_event_sentences_is_the_sample_corpus_share(gen):
    sample = gen._total(gen.shares(a.blocks) for a in gen.articles())
    made = gen._total(gen.shares(b) for _, b in gen.generate(500, 450, seed=7))
    share = sample["event_sentences"] / sample["body_sentences"]
    assert 0.4 < share < 0.9  # a sample selected for its events, yet with background sentences
    assert abs(made["event_sentences"] / made["body_sentences"] - share) < 0.05


def test_development_sentences_appear_only_in_place_of_event_sentences(gen):
    dev = set(gen.dev_sentences())
    if not dev:
        pytest.skip("../shared/benchmarks/plover/dev.jsonl is not beside this checkout")
    used = [(s, e) for _, blocks in gen.generate(100, 450, seed=7) for b in blocks
            if isinstance(b, gen.Paragraph) for s, e in b.sentences if s in dev]
    assert used and all(event for _, event in used)
