"""The Annotator: sentences, a cheap pass that picks what to parse, the parse, linking, relations.

Per batch of ``settings.batch_size`` documents:

1. each text is tokenised once (tokenizer only), split into sentences by rules, and run through
   the catalogue ruler (a PhraseMatcher over every alias, title and place);
2. the fast path keeps for the statistical parse only the sentences that
   ``select(sentence_text, genre)`` accepts: the pipeline passes the event coder's candidate
   filter (a word of its trigger lexicon in a sentence that is not the author's commentary, or a
   quote; :mod:`greatgame.events.candidate`). With ``settings.fast_path`` off, or no ``select``,
   every sentence is parsed. Linking needs no parse: in an unparsed sentence it works from the
   catalogue matches alone;
3. the kept sentences - one spaCy Doc per sentence, built from the tokens already made, so no
   text is tokenised twice - go through tok2vec, tagger and parser with ``nlp.pipe``, in one call
   per batch of documents, then through exact cached stand-ins of the attribute ruler and the
   lemmatizer (:mod:`greatgame.nlp.fastpipes`);
4. the statistical NER (half the cost of the model: it has its own tok2vec) runs only on the
   parsed sentences where it can add something the catalogue has not already given: a
   capitalised word or an acronym that no catalogue name, title or place covers (a name the
   catalogue lacks, an organisation with an acronym, a place). In the other sentences NER
   entities that the catalogue does not cover (dates, numbers) are therefore not reported in
   ``sentence.entities``; with the fast path off NER runs on every sentence;
5. linking and relations run on the whole-document token stream.

Parallelism is at the document level, in ``greatgame.pipeline`` (one Annotator per worker
process, each loading the model once). ``nlp.pipe(n_process=...)`` is deliberately not used:
inside pipeline workers it would fork processes from processes, and for the per-sentence Docs
it would pay a serialisation round trip per sentence for no gain on a 2-core machine.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from greatgame.config import Settings
from greatgame.models import Document, Sentence
from greatgame.nlp.factories import RULER
from greatgame.nlp.fastpipes import FastAttributeRuler, FastLemmatizer
from greatgame.nlp.linking import Linker
from greatgame.nlp.model import load_model
from greatgame.nlp.names import is_name_word
from greatgame.nlp.relations import RelationFinder
from greatgame.nlp.ruler import ACTORS, PLACES, TITLES
from greatgame.nlp.sentences import char_span, sentence_spans

logger = logging.getLogger(__name__)

PIPE_BATCH = 256  # sentences per nlp.pipe minibatch


class Annotator:
    """Fills sentences, parses, mentions, actors and relations of Documents (see module docstring)."""

    def __init__(self, settings: Settings, catalogue, select: Callable[[str, str], bool] | None = None):
        self.settings = settings
        self.select = select
        self.nlp = load_model(settings.model)
        # spaCy refuses texts over nlp.max_length (1 M characters) to bound the memory of a whole-
        # document parse; here only single sentences are parsed, so any document the size limit
        # admits may be tokenised (the per-document time limit still bounds the work).
        self.nlp.max_length = max(self.nlp.max_length, settings.max_bytes + 1)
        names = self.nlp.pipe_names
        self.ner = self.nlp.get_pipe("ner") if "ner" in names else None
        self.rules = [
            wrap(self.nlp.get_pipe(name))
            for name, wrap in (("attribute_ruler", FastAttributeRuler), ("lemmatizer", FastLemmatizer))
            if name in names
        ]
        # what nlp.pipe runs: the statistical half (tok2vec, tagger, parser); the rest is run here
        self.off = [n for n in names if n in ("ner", "attribute_ruler", "lemmatizer")]
        self.ruler = self.nlp.create_pipe(RULER)
        self.ruler.add_catalogue(catalogue, cache_dir=settings.cache_dir)
        self.linker = Linker(catalogue, self.ruler)
        self.relations = RelationFinder(catalogue)

    def annotate(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Annotate documents as they stream in; yields each one, in order, once it is done."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.settings.batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs: list[Document]) -> Iterator[Document]:
        prepared = [self._cheap_pass(doc) for doc in docs]
        jobs = [
            (self._sentence_doc(tdoc, ranges[i]), (k, i))
            for k, (tdoc, ranges, todo, _) in enumerate(prepared)
            for i in todo
        ]
        parsed = self.nlp.pipe(jobs, as_tuples=True, batch_size=PIPE_BATCH, disable=self.off)
        named = []
        for parse, (k, i) in parsed:
            for rule in self.rules:
                rule(parse)
            docs[k].parses[i] = parse
            docs[k].sentences[i].parsed = True
            if i in prepared[k][3]:
                named.append(parse)
        if self.ner is not None and named:
            for _ in self.ner.pipe(named, batch_size=PIPE_BATCH):
                pass
        for doc, (tdoc, ranges, _, _) in zip(docs, prepared, strict=True):
            ctx = self.linker.link(doc, tdoc, ranges)
            doc.relations = self.relations.find(doc, tdoc, ranges, ctx)
            yield doc

    def _cheap_pass(self, doc: Document):
        """Tokenise, split, match the catalogue.

        Returns (tokens, sentence ranges, indices to parse, set of those that also get NER).
        """
        tdoc = self.nlp.make_doc(doc.text)
        ranges = sentence_spans(tdoc)
        self.ruler(tdoc)
        doc.sentences = []
        doc.parses = {}
        for i, rng in enumerate(ranges):
            start, end = char_span(tdoc, rng)
            doc.sentences.append(Sentence(i, start, end, doc.text[start:end]))
        todo = [i for i, sent in enumerate(doc.sentences) if self._needs_parse(sent.text, doc.meta.genre)]
        if self.settings.fast_path:
            covered = _covered_tokens(tdoc)
            named = {i for i in todo if _needs_ner(tdoc, ranges[i], covered)} | (
                _cued_sentences(tdoc, ranges, (PLACES,)) & set(todo)
            )
        else:
            named = set(todo)
        logger.debug("%s: parsing %d of %d sentences (NER on %d)", doc.id, len(todo), len(ranges), len(named))
        return tdoc, ranges, todo, named

    def _needs_parse(self, text: str, genre: str) -> bool:
        if not self.settings.fast_path or self.select is None:
            return True
        return self.select(text, genre)

    @staticmethod
    def _sentence_doc(tdoc, rng: tuple[int, int]) -> Doc:
        """A fresh Doc of one sentence from tokens already made (text == the sentence text)."""
        toks = tdoc[rng[0] : rng[1]]
        words = [t.text for t in toks]
        spaces = [bool(t.whitespace_) for t in toks]
        spaces[-1] = False
        return Doc(tdoc.vocab, words=words, spaces=spaces)


def _cued_sentences(tdoc, ranges: list[tuple[int, int]], groups=(ACTORS, TITLES)) -> set[int]:
    """Indices of the sentences holding a span of the groups (a catalogue actor or an office title)."""
    starts = [a for a, _ in ranges]
    cued = set()
    for group in groups:
        for span in tdoc.spans[group]:
            i = bisect.bisect_right(starts, span.start) - 1
            if i >= 0 and span.start < ranges[i][1]:
                cued.add(i)
    return cued


def _covered_tokens(tdoc) -> set[int]:
    """Tokens inside a catalogue name, title or place."""
    return {
        t
        for group in (ACTORS, TITLES, PLACES)
        for span in tdoc.spans[group]
        for t in range(span.start, span.end)
    }


def _needs_ner(tdoc, rng: tuple[int, int], covered: set[int]) -> bool:
    """Whether the statistical NER can add anything to what the catalogue found in a sentence.

    Yes when a capitalised word (not the first of the sentence, which is capitalised anyway) or
    an acronym lies outside every catalogue match: an unknown person, organisation or place.
    (Sentences with a catalogue place get NER too - see ``_cheap_pass`` -: the coder reads the
    NER label of the words around a place, "Badakhshan province", for the event's location.)
    """
    a, b = rng
    for i in range(a, b):
        if i in covered:
            continue
        tok = tdoc[i]
        text = tok.text
        if not text[:1].isupper():
            continue
        if len(text) > 1 and text.isupper() and text.isalpha():
            return True
        if i > a and is_name_word(tok):
            return True
    return False
