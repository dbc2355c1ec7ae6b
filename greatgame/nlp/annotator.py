"""The Annotator: sentences, a cheap pass that picks what to parse, the parse, linking, relations.

Per batch of ``settings.batch_size`` documents:

1. each text is tokenised once (tokenizer only), split into sentences by rules, and run through
   the catalogue ruler (a PhraseMatcher over every alias, title and place);
2. the fast path keeps for the statistical parse only the sentences with a catalogue actor, an
   office title or a capitalised name pair, or that ``select(sentence_text)`` accepts (the event
   coder's trigger lexicon); with ``settings.fast_path`` off every sentence is parsed;
3. the kept sentences - one spaCy Doc per sentence, built from the tokens already made, so no
   text is tokenised twice - go through ``nlp.pipe`` together, in one call per batch;
4. linking and relations run on the whole-document token stream.

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
from greatgame.nlp.linking import Linker
from greatgame.nlp.model import load_model
from greatgame.nlp.names import is_name_word
from greatgame.nlp.relations import RelationFinder
from greatgame.nlp.ruler import ACTORS, TITLES
from greatgame.nlp.sentences import char_span, sentence_spans

logger = logging.getLogger(__name__)

PIPE_BATCH = 256  # sentences per nlp.pipe minibatch


class Annotator:
    """Fills sentences, parses, mentions, actors and relations of Documents (see module docstring)."""

    def __init__(self, settings: Settings, catalogue, select: Callable[[str], bool] | None = None):
        self.settings = settings
        self.select = select
        self.nlp = load_model(settings.model)
        self.ruler = self.nlp.create_pipe(RULER)
        self.ruler.add_catalogue(catalogue)
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
            for k, (tdoc, ranges, todo) in enumerate(prepared)
            for i in todo
        ]
        for parsed, (k, i) in self.nlp.pipe(jobs, as_tuples=True, batch_size=PIPE_BATCH):
            docs[k].parses[i] = parsed
            docs[k].sentences[i].parsed = True
        for doc, (tdoc, ranges, _) in zip(docs, prepared, strict=True):
            ctx = self.linker.link(doc, tdoc, ranges)
            doc.relations = self.relations.find(doc, tdoc, ranges, ctx)
            yield doc

    def _cheap_pass(self, doc: Document):
        """Tokenise, split, match the catalogue; return (tokens, sentence ranges, indices to parse)."""
        tdoc = self.nlp.make_doc(doc.text)
        ranges = sentence_spans(tdoc)
        self.ruler(tdoc)
        doc.sentences = []
        doc.parses = {}
        for i, rng in enumerate(ranges):
            start, end = char_span(tdoc, rng)
            doc.sentences.append(Sentence(i, start, end, doc.text[start:end]))
        cued = _cued_sentences(tdoc, ranges)
        todo = [
            i
            for i, rng in enumerate(ranges)
            if self._needs_parse(tdoc, rng, doc.sentences[i].text, i in cued)
        ]
        logger.debug("%s: parsing %d of %d sentences", doc.id, len(todo), len(ranges))
        return tdoc, ranges, todo

    def _needs_parse(self, tdoc, rng: tuple[int, int], text: str, cued: bool) -> bool:
        if not self.settings.fast_path or cued:
            return True
        a, b = rng
        if any(is_name_word(tdoc[i]) and is_name_word(tdoc[i + 1]) for i in range(a + 1, b - 1)):
            return True
        return bool(self.select and self.select(text))

    @staticmethod
    def _sentence_doc(tdoc, rng: tuple[int, int]) -> Doc:
        """A fresh Doc of one sentence from tokens already made (text == the sentence text)."""
        toks = tdoc[rng[0] : rng[1]]
        words = [t.text for t in toks]
        spaces = [bool(t.whitespace_) for t in toks]
        spaces[-1] = False
        return Doc(tdoc.vocab, words=words, spaces=spaces)


def _cued_sentences(tdoc, ranges: list[tuple[int, int]]) -> set[int]:
    """Indices of the sentences holding a catalogue actor or an office title."""
    starts = [a for a, _ in ranges]
    cued = set()
    for group in (ACTORS, TITLES):
        for span in tdoc.spans[group]:
            i = bisect.bisect_right(starts, span.start) - 1
            if i >= 0 and span.start < ranges[i][1]:
                cued.add(i)
    return cued
