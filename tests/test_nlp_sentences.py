"""Sentence splitting: exact offsets, abbreviations, quotes, headings, blank lines."""

from __future__ import annotations

import pytest

from greatgame.nlp.sentences import char_span, sentence_spans


@pytest.fixture(scope="module")
def split(nlp_model):
    def run(text: str) -> list[str]:
        doc = nlp_model.make_doc(text)
        out = []
        for rng in sentence_spans(doc):
            start, end = char_span(doc, rng)
            out.append(text[start:end])
        return out

    return run


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith met Gen. Jones. They talked.", ["Mr. Smith met Gen. Jones.", "They talked."]),
        (
            "Talks began on Jan. 5 in Astana. Nothing followed.",
            ["Talks began on Jan. 5 in Astana.", "Nothing followed."],
        ),
        ("He met J. R. Jones on Friday.", ["He met J. R. Jones on Friday."]),
        (
            "Sanctions came from the U.S. Treasury on Monday.",
            ["Sanctions came from the U.S. Treasury on Monday."],
        ),
        ("Troops left the U.S. The talks went on.", ["Troops left the U.S.", "The talks went on."]),
        ('He said: "We will go." Then he left.', ['He said: "We will go."', "Then he left."]),
        ('"Why?" he asked. Nobody answered.', ['"Why?" he asked.', "Nobody answered."]),
        ("Lt. Col. Ivanov arrived. No. 5 was next.", ["Lt. Col. Ivanov arrived.", "No. 5 was next."]),
    ],
)
def test_abbreviations_quotes_and_initials(split, text, expected):
    assert split(text) == expected


def test_never_across_a_blank_line(split):
    text = "The summit opened in Samarkand\n\nleaders signed a declaration."
    assert split(text) == ["The summit opened in Samarkand", "leaders signed a declaration."]


def test_heading_without_full_stop_is_its_own_sentence(split):
    text = "Russia and Uzbekistan hold drills\nThe exercise began on Friday. It ends on Sunday."
    assert split(text) == [
        "Russia and Uzbekistan hold drills",
        "The exercise began on Friday.",
        "It ends on Sunday.",
    ]


def test_wrapped_long_lines_are_joined(split):
    text = (
        "The ministers of the five Central Asian states met their Russian counterpart in\n"
        "Moscow on Friday to discuss transport. They agreed on little."
    )
    sents = split(text)
    assert len(sents) == 2 and sents[0].endswith("discuss transport.")


def test_offsets_are_exact_on_messy_text(split):
    text = (
        "  Share | Tweet\n\n\nISTANBUL, Nov 12 — Leaders met.  Then   they left!\n\n  (Reporting by desk)  "
    )
    doc_sents = split(text)
    assert doc_sents == [
        "Share | Tweet",
        "ISTANBUL, Nov 12 — Leaders met.",
        "Then   they left!",
        "(Reporting by desk)",
    ]
    for sent in doc_sents:
        assert sent == sent.strip()
