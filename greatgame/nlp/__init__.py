"""The spaCy stage: sentences, catalogue linking, relations stated in text.

``Annotator(settings, catalogue, select=None).annotate(docs)`` fills each Document's sentences,
mentions, actors, relations and parses. ``load_model(name)`` loads the spaCy package once per
process.
"""

from greatgame.nlp.annotator import Annotator
from greatgame.nlp.model import load_model

__all__ = ["Annotator", "load_model"]
