"""Quotes and reported statements: speaker, role on the day, the words, stance toward actors."""

from __future__ import annotations

import logging
import re
from typing import Any

from greatgame.events.lexicon import Lexicon
from greatgame.models import Document, Sentence, Statement

logger = logging.getLogger(__name__)

QUOTE_RX = re.compile(r"[\"“]([^\"”]{8,})[\"”]")


def stance(words: list[str], lex: Lexicon) -> str:
    """Positive | negative | neutral from the stance lexicon, a negator flipping the sign."""
    pos = set(lex.stance["positive"])
    neg = set(lex.stance["negative"])
    score = 0
    for i, w in enumerate(words):
        sign = 1 if w in pos else (-1 if w in neg else 0)
        if sign and any(p in lex.stance["negators"] for p in words[max(0, i - 3) : i]):
            sign = -sign
        score += sign
    return "positive" if score > 0 else ("negative" if score < 0 else "neutral")


def _speaker_of_quote(parse: Any, sa: Any, lex: Lexicon, quote_span: tuple[int, int]) -> str | None:
    speech = set(lex.modality["speech_verbs"])
    verbs = [t for t in parse if t.lemma_.lower() in speech and not (quote_span[0] <= t.idx < quote_span[1])]
    for verb in verbs:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                ids = sa.np_with_conj(c)
                if ids:
                    return ids[0]
    return None


def _last_person(doc: Document, before: int) -> str | None:
    people = {a.id for a in doc.actors if a.kind == "person"}
    best = None
    for m in doc.mentions:
        if m.actor_id in people and m.start < before:
            best = m.actor_id
    return best


def _role(catalogue: Any, actor_id: str | None, when: Any) -> str | None:
    if actor_id is None or not hasattr(catalogue, "role_of"):
        return None
    try:
        return catalogue.role_of(actor_id, on=when)
    except TypeError:
        return catalogue.role_of(actor_id)


def statements_of(
    doc: Document, sent: Sentence, parse: Any, sa: Any, catalogue: Any, lex: Lexicon
) -> list[Statement]:
    """Statements of one sentence: each quotation with its speaker and stance toward the actors in it."""
    out = []
    for mt in QUOTE_RX.finditer(sent.text):
        spk = _speaker_of_quote(parse, sa, lex, mt.span(1))
        if spk is None and re.search(
            r"\b(he|she) (said|added|says|stressed|noted)\b", sent.text[mt.end() :], re.I
        ):
            spk = _last_person(doc, sent.start + mt.start())
        if spk is None:
            continue
        qs, qe = mt.span(1)
        about_ids = []
        for tok_i, aid in sorted(sa.by_token.items()):
            if qs <= parse[tok_i].idx < qe and aid != spk and aid not in about_ids:
                about_ids.append(aid)
        words = [t.lemma_.lower() for t in parse if qs <= t.idx < qe]
        st = stance(words, lex)
        out.append(Statement(
            speaker=spk, speaker_role=_role(catalogue, spk, doc.meta.published), quote=mt.group(1).strip(),
            about=[{"id": a, "stance": st} for a in about_ids], sentence_index=sent.index,
            char_start=sent.start + qs, char_end=sent.start + qe, date=doc.meta.published,
        ))  # fmt: skip
    return out
