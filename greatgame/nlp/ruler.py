"""The catalogue ruler: marks catalogue surface forms, office titles and places in a Doc.

It runs on tokenizer-only Docs (the cheap pass over every sentence) and writes three span
groups: ``doc.spans["actors"]`` (label = key of the surface form, see :meth:`hits`),
``doc.spans["titles"]`` (label = office kind) and ``doc.spans["places"]`` (label = key).
Matching is on a folded form (lower case, accents removed: "Erdoğan" = "Erdogan"); a single-token
form only matches a capitalised token, and an all-capitals form (an acronym: "US", "OTS") only
matches the same capitals, so "us" or "turkey" never link.

The patterns (the folded token norms of every string) are kept on disk between runs
(:mod:`greatgame.nlp.pattern_cache`), and the phrase matcher holds one rule per group, not one
per string: a match is mapped back to its strings through the norms it covers. Both keep the
start-up of a process short (no string is tokenised, no vocabulary entry made per string).
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import NORM, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from greatgame.nlp.pattern_cache import cached_patterns
from greatgame.nlp.resources import lexicon

logger = logging.getLogger(__name__)

ACTORS, TITLES, PLACES = "actors", "titles", "places"


def fold(text: str) -> str:
    """Lower-case ASCII form of ``text`` with accents and apostrophe variants folded."""
    if text.isascii():  # nothing to fold but the case
        return text.lower()
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
        self.versions = _versions(nlp)
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.forms: dict[str, Form] = {}
        self.labels: dict[tuple[str, tuple[int, ...]], list[str]] = {}  # (group, norms) -> labels
        self.actor_hits: dict[str, list] = {}
        self.title_kinds: dict[str, str] = {}
        self.places: dict[str, object] = {}

    def add_catalogue(self, catalogue, cache_dir: Path | None = None) -> None:
        """Add every alias of ``catalogue``, its office titles, its places and the generic office nouns.

        With ``cache_dir`` the patterns are read from (or saved to) the cache there.
        """
        new: list[tuple[str, str, str]] = []  # (group, text, folded key) of each new surface form, in order
        for hit in catalogue.alias_table():
            new += self._add(ACTORS, hit.text, hit)
        for title, kind in catalogue.office_titles().items():
            new += self._add(TITLES, title, kind)
        for noun, kind in lexicon("linking")["office_nouns"].items():
            if fold(noun) not in self.title_kinds:
                new += self._add(TITLES, noun, kind)
        for place in catalogue.places():
            for text in [place.name, *(place.aliases or [])]:
                new += self._add(PLACES, text, place)
        patterns = cached_patterns(cache_dir, [(g, t) for g, t, _ in new], self.versions, self._pattern)
        for (group, text, key), norms in zip(new, patterns, strict=True):
            self._add_pattern(group, text, key, norms)
        logger.debug("catalogue ruler: %d surface forms", len(self.forms))

    def _add(self, group: str, text: str, value) -> list[tuple[str, str, str]]:
        """Record ``value`` under the folded ``text``; (group, text, key) when its form is new."""
        text = text.strip()
        if not text:
            return []
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
            return []
        self.forms[label] = Form(key, False, False)  # completed by _add_pattern
        return [(group, text, key)]

    def _pattern(self, text: str) -> tuple[int, ...]:
        """The folded NORM hashes of the tokens of ``text`` (what the matcher compares)."""
        return tuple(self._fold_doc(self.tokenizer(text)).to_array(NORM).tolist())

    def _add_pattern(self, group: str, text: str, key: str, norms: tuple[int, ...]) -> None:
        acronym = text.isupper() and len(text) <= 8 and group != TITLES
        mixed = not acronym and any(c.isupper() for c in text[1:]) and " " not in text
        label = f"{group}:{key}"
        self.forms[label] = Form(key, len(norms) == 1, acronym, mixed, text)
        labels = self.labels.setdefault((group, norms), [])
        if not labels:
            self.matcher.add(group, [norms])
        labels.append(label)

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
        norms = self._fold_doc(doc).to_array(NORM).tolist()
        found: dict[str, list[Span]] = {ACTORS: [], TITLES: [], PLACES: []}
        for match_id, start, end in self.matcher(doc):
            group = self.vocab.strings[match_id]
            labels = self.labels.get((group, tuple(norms[start:end])), ())
            if len(labels) > 1:  # spellings with the same norms ("defence"/"defense"): the one written first
                written = fold(doc[start:end].text)
                labels = sorted(labels, key=lambda lb: self.forms[lb].key != written)
            for label in labels:
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


def _versions(nlp) -> list[str]:
    """What the patterns depend on besides the strings: the code that folds them, spaCy, the model."""
    import spacy

    from greatgame import __version__

    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    meta = nlp.meta or {}
    return [__version__, source, spacy.__version__, f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"]


_FOLDED: dict[int, str] = {}  # ORTH hash -> folded form ("" when the token needs none); per process
