"""The one place where greatgame's spaCy components are registered.

Call :func:`register` (``load_model`` does) before creating them with ``nlp.create_pipe``.
Nothing is registered on import. spaCy forbids dots in factory names, so the versioned names
use underscores (``greatgame_catalogue_ruler_v1`` is the style guide's ``greatgame.catalogue_ruler.v1``).

=================================  ====================================================  ========
name                               assigns                                               config
=================================  ====================================================  ========
``greatgame_sentence_splitter_v1``  ``Token.is_sent_start`` (rule-based, see sentences.py)  none
``greatgame_catalogue_ruler_v1``    ``doc.spans["actors" | "titles" | "places"]``          none (call ``add_catalogue``)
=================================  ====================================================  ========
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

SPLITTER = "greatgame_sentence_splitter_v1"
RULER = "greatgame_catalogue_ruler_v1"

_registered = False


def register() -> None:
    """Register the components with spaCy (idempotent)."""
    global _registered
    if _registered:
        return
    from spacy.language import Language

    Language.factory(SPLITTER, assigns=["token.is_sent_start"], func=_make_splitter)
    Language.factory(RULER, assigns=["doc.spans"], func=_make_ruler)
    _registered = True
    logger.debug("registered %s, %s", SPLITTER, RULER)


def _make_splitter(nlp, name: str):
    return SentenceSplitter()


def _make_ruler(nlp, name: str):
    from greatgame.nlp.ruler import CatalogueRuler

    return CatalogueRuler(nlp, name)


class SentenceSplitter:
    """Sets sentence starts from the rule-based splitter of :mod:`greatgame.nlp.sentences`."""

    def __call__(self, doc):
        """Mark the sentence starts of ``doc``."""
        from greatgame.nlp.sentences import sentence_spans

        starts = {start for start, _ in sentence_spans(doc)}
        for i, tok in enumerate(doc):
            tok.is_sent_start = i in starts or i == 0
        return doc
