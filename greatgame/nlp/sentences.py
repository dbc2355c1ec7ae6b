"""Rule-based sentence splitting on tokenizer-only Docs, with exact character offsets.

Runs before (and instead of) the statistical parser: a sentence never crosses a blank line,
abbreviations such as "Mr.", "Jan." or initials never end one, "U.S." ends one only when a
typical sentence opener follows, closing quotes and brackets stay with their sentence, and a
short line without a full stop (a heading, a list item) is a sentence of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from greatgame.nlp.resources import lexicon

logger = logging.getLogger(__name__)

WRAP_WIDTH = 60  # a line at least this long that ends mid-sentence is taken as wrapped text


def sentence_spans(doc) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the sentences of ``doc``, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(doc):
        start = p_start
        for end in _ends(doc, p_start, p_end):
            span = _trim(doc, start, end)
            if span:
                spans.append(span)
            start = end
        span = _trim(doc, start, p_end)
        if span:
            spans.append(span)
    return spans


def char_span(doc, span: tuple[int, int]) -> tuple[int, int]:
    """Character offsets of a token range."""
    first, last = doc[span[0]], doc[span[1] - 1]
    return first.idx, last.idx + len(last.text)


def _paragraphs(doc) -> Iterator[tuple[int, int]]:
    """Token ranges between hard breaks (a blank line, or a line break that ends a line)."""
    start = 0
    for i, tok in enumerate(doc):
        if tok.is_space and "\n" in tok.text and _is_break(doc, i):
            if i > start:
                yield start, i
            start = i + 1
    if start < len(doc):
        yield start, len(doc)


def _is_break(doc, i: int) -> bool:
    text = doc[i].text
    if text.count("\n") >= 2:
        return True
    prev = _line_before(doc, i)
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if not prev or nxt is None:
        return True
    words = lexicon("sentences")
    last = prev[-1].text
    if last in words["terminal"] or last in words["closing"] or last.endswith(":"):
        return True
    if nxt.text in words["bullets"] or nxt.like_num:
        return True
    line_len = prev[-1].idx + len(last) - prev[0].idx
    if last in {",", ";", "-", "(", "—", "–"} or line_len >= WRAP_WIDTH:
        return False
    return nxt.text[:1].isupper() or nxt.text[:1] in "\"“'‘(["


def _line_before(doc, i: int) -> list:
    toks = []
    j = i - 1
    while j >= 0 and not (doc[j].is_space and "\n" in doc[j].text):
        if not doc[j].is_space:
            toks.append(doc[j])
        j -= 1
    return toks[::-1]


def _ends(doc, start: int, end: int) -> Iterator[int]:
    """Token indices (exclusive ends) where sentences stop inside one paragraph."""
    words = lexicon("sentences")
    i = start
    while i < end:
        if _is_terminal(doc, i, end, words):
            j = i + 1
            while j < end and doc[j].text in words["closing"] and not doc[j - 1].whitespace_:
                j += 1
            if _opens_sentence(doc, j, end, words):
                yield j
            i = j
        else:
            i += 1


def _is_terminal(doc, i: int, end: int, words) -> bool:
    tok = doc[i]
    text = tok.text
    if text in words["terminal"]:
        if text == "." and i > 0 and not doc[i - 1].whitespace_:
            before = doc[i - 1].text
            if before.lower() in words["never_final"] or (len(before) == 1 and before.isupper()):
                return False
        return True
    if len(text) > 1 and text.endswith(".") and text[-2] != ".":
        low = text[:-1].lower()
        if low in words["never_final"] or (len(low) == 1 and text[0].isupper()):
            return False
        nxt = doc[i + 1] if i + 1 < end else None
        # "U.S.", "Inc.": the end of a sentence only when a sentence opener follows
        return nxt is None or (nxt.text[:1].isupper() and nxt.text.lower() in words["openers"])
    return False


def _opens_sentence(doc, j: int, end: int, words) -> bool:
    while j < end and doc[j].is_space:
        j += 1
    if j >= end:
        return True
    first = doc[j].text
    if first[:1].islower() or first in {",", ";", ":", ")", "]", "%"}:
        return False
    return True


def _trim(doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return (start, end) if end > start else None
