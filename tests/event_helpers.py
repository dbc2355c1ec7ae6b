"""Helpers shared by the event-coder tests: one coding function per test module, and views of events."""

from __future__ import annotations


def coder(code_text, published):
    """A function coding one text (full parse) published on ``published`` unless told otherwise."""

    def run(text, title=None, published=published, genre="news"):
        return code_text(text, title=title, published=published, genre=genre)

    return run


def ids(side):
    return [a.id for a in side]


def types(doc):
    return {e.type for e in doc.events}


def summary(doc):
    return [(e.type, ids(e.source), ids(e.target), e.trigger, e.modality) for e in doc.events]


def events(doc, typ):
    found = [e for e in doc.events if e.type == typ]
    assert found, f"no {typ} event in {[(e.type, e.sentence) for e in doc.events]}"
    return found


def dated(doc, typ):
    """(date, precision) of every event of one type."""
    return [(e.date, e.date_precision) for e in doc.events if e.type == typ]
