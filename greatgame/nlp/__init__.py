"""The spaCy stage: sentences, catalogue linking, relations stated in text.

``Annotator(settings, catalogue, select=None).annotate(docs)`` fills each Document's sentences,
mentions, actors, relations and parses. ``load_model(name)`` loads the spaCy package once per
process; ``irregular_forms(nlp)`` gives its lemmatizer's irregular forms by lemma.
"""

from greatgame.nlp.annotator import Annotator
from greatgame.nlp.model import irregular_forms, load_model

__all__ = ["Annotator", "irregular_forms", "load_model"]
