"""The catalogue ruler: marks catalogue surface forms, office titles and places in a Doc.

It runs on tokenizer-only Docs (the cheap pass over every sentence) and writes three span
groups: ``doc.spans["actors"]`` (label = key of the surface form, see :meth:`hits`),
``doc.spans["titles"]`` (label = office kind) and ``doc.spans["places"]`` (label = key).
Matching is on a folded form (lower case, accents removed: "Erdoğan" = "Erdogan"); a single-token
form only matches a capitalised token, and an all-capitals form (an acronym: "US", "OTS") only
matches the same capitals, so "us" or "turkey" never link.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from greatgame.nlp.resources import lexicon

logger = logging.getLogger(__name__)

ACTORS, TITLES, PLACES = "actors", "titles", "places"


def fold(text: str) -> str:
    """Lower-case ASCII form of ``text`` with accents and apostrophe variants folded."""
    text = text.replace("’", "'").replace("ʻ", "'").replace("ʼ", "'").replace("‘", "'")
    text = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("İ", "I"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@dataclass(frozen=True)
class Form:
    """One surface form: its folded key, whether it is one token, whether it is an acronym."""

    key: str
    single: bool
    acronym: bool
    mixed: bool = False  # capitals inside the word ("LeT", "McDonald"): the case must match
    text: str = ""


class CatalogueRuler:
    """Pipeline component (``greatgame_catalogue_ruler_v1``) matching the catalogue in a Doc."""

    def __init__(self, nlp, name: str = "catalogue_ruler"):
        self.name = name
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.forms: dict[str, Form] = {}
        self.actor_hits: dict[str, list] = {}
        self.title_kinds: dict[str, str] = {}
        self.places: dict[str, object] = {}

    def add_catalogue(self, catalogue) -> None:
        """Add every alias of ``catalogue``, its office titles, its places and the generic office nouns."""
        for hit in catalogue.alias_table():
            self._add(ACTORS, hit.text, hit)
        for title, kind in catalogue.office_titles().items():
            self._add(TITLES, title, kind)
        for noun, kind in lexicon("linking")["office_nouns"].items():
            if fold(noun) not in self.title_kinds:
                self._add(TITLES, noun, kind)
        for place in catalogue.places():
            for text in [place.name, *(place.aliases or [])]:
                self._add(PLACES, text, place)
        logger.debug("catalogue ruler: %d surface forms", len(self.forms))

    def _add(self, group: str, text: str, value) -> None:
        text = text.strip()
        if not text:
            return
        key = fold(text)
        label = f"{group}:{key}"
        if group == ACTORS:
            hits = self.actor_hits.setdefault(key, [])
            if value not in hits:
                hits.append(value)
        elif group == TITLES:
            self.title_kinds.setdefault(key, value)
        else:
            self.places.setdefault(key, value)
        if label in self.forms:
            return
        pattern = self._fold_doc(self.tokenizer(text))
        acronym = text.isupper() and len(text) <= 8 and group != TITLES
        mixed = not acronym and any(c.isupper() for c in text[1:]) and " " not in text
        self.forms[label] = Form(key, len(pattern) == 1, acronym, mixed, text)
        self.matcher.add(label, [pattern])

    def hits(self, span: Span) -> list:
        """The catalogue AliasHits of an ``actors`` span."""
        return self.actor_hits.get(self.forms[span.label_].key, [])

    def title_kind(self, span: Span) -> str:
        """The office kind of a ``titles`` span."""
        return self.title_kinds[self.forms[span.label_].key]

    def place(self, span: Span):
        """The catalogue Place of a ``places`` span."""
        return self.places[self.forms[span.label_].key]

    def __call__(self, doc: Doc) -> Doc:
        """Fill the ``actors``, ``titles`` and ``places`` span groups of ``doc``."""
        self._fold_doc(doc)
        found: dict[str, list[Span]] = {ACTORS: [], TITLES: [], PLACES: []}
        for match_id, start, end in self.matcher(doc):
            label = self.vocab.strings[match_id]
            group = label.split(":", 1)[0]
            if group == TITLES or self._case_ok(self.forms[label], doc[start:end]):
                found[group].append(Span(doc, start, end, label=label))
        names = filter_spans(found[ACTORS] + found[PLACES])
        doc.spans[ACTORS] = [s for s in names if s.label_.startswith(ACTORS)]
        doc.spans[PLACES] = [s for s in names if s.label_.startswith(PLACES)]
        # a title never cuts into a name: "President of the Republic of Kazakhstan" is
        # "President" + "of" + "Republic of Kazakhstan", not "President of the Republic" + "of Kazakhstan"
        cut = {i for s in names for i in range(s.start, s.end)}
        whole = [s for s in found[TITLES] if not any(i in cut for i in range(s.start, s.end))]
        doc.spans[TITLES] = filter_spans(whole)
        return doc

    @staticmethod
    def _case_ok(form: Form, span: Span) -> bool:
        if not form.single:
            return True
        text = span[0].text
        if form.acronym:
            return text.isupper()
        if form.mixed:
            return fold(text) == form.key and text[1:] == form.text[1:]
        return text[:1].isupper()

    @staticmethod
    def _fold_doc(doc: Doc) -> Doc:
        """Set the NORM of non-ASCII tokens and tokens with an apostrophe to their folded form."""
        strings = doc.vocab.strings
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            folded = _FOLDED.get(orth)
            if folded is None:
                text = strings[orth]
                folded = _FOLDED[orth] = fold(text) if not text.isascii() or "'" in text else ""
            if folded:
                doc[i].norm_ = folded
        return doc


_FOLDED: dict[int, str] = {}  # ORTH hash -> folded form ("" when the token needs none); per process
