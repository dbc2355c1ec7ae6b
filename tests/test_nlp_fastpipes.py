"""The cached attribute ruler and lemmatizer give exactly what spaCy's own components give."""

from __future__ import annotations

import pytest

TEXTS = [
    "Tajik President Emomali Rahmon met Russian President Vladimir Putin in Moscow on Tuesday.",
    "We're gonna go, y'all. Let's see: it ain't over. Didn't I tell you? There is nothin' he has done.",
    "The ministers said that they would not sign the accord unless Kazakhstan agreed to ease the ban.",
    "Officials in Bishkek denied the reports, but it is  unclear whether Kyrgyz troops had withdrawn.",
    "Gotta admit: Uzbekistan's exports rose 12% while imports fell, and c'mon, whoever said otherwise?",
]


def _parsed(nlp):
    return [d for d in nlp.pipe(TEXTS * 2, disable=["ner", "attribute_ruler", "lemmatizer"])]


def _attrs(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_fast_rules_match_spacys_components_token_for_token(nlp_model):
    from greatgame.nlp.fastpipes import FastAttributeRuler, FastLemmatizer

    ruler, lemmatizer = nlp_model.get_pipe("attribute_ruler"), nlp_model.get_pipe("lemmatizer")
    fast_ruler, fast_lemmatizer = FastAttributeRuler(ruler), FastLemmatizer(lemmatizer)
    assert fast_ruler.exact and fast_lemmatizer.exact
    base = _parsed(nlp_model)
    slow = [lemmatizer(ruler(d.copy())) for d in base]
    fast = [fast_lemmatizer(fast_ruler(d.copy())) for d in base]  # second half of TEXTS: from the caches
    assert [_attrs(d) for d in fast] == [_attrs(d) for d in slow]
    assert any(t.lemma_ == "be" and t.text == "'re" for d in fast for t in d)


def test_fast_ruler_hands_unknown_pattern_features_to_the_original(nlp_model):
    from spacy.pipeline import AttributeRuler

    from greatgame.nlp.fastpipes import FastAttributeRuler

    ruler = AttributeRuler(nlp_model.vocab)
    ruler.add([[{"LOWER": "moscow", "OP": "+"}]], {"POS": "PROPN"})
    fast = FastAttributeRuler(ruler)
    assert not fast.exact
    doc = fast(nlp_model.make_doc("moscow said no"))
    assert doc[0].pos_ == "PROPN"


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("Russia and Kazakhstan signed the accord.", False),  # every name is in the catalogue
        ("Russia signed the accord with Acme Holdings.", True),  # a name the catalogue lacks
        ("Kazakhstan joined the CNNC project.", True),  # an acronym the catalogue lacks
        ("Officials said Kazakhstan would sign.", False),  # only the sentence's first word is capitalised
    ],
)
def test_ner_runs_only_where_the_catalogue_leaves_a_name_uncovered(nlp_model, catalogue, text, needs):
    from greatgame.config import Settings
    from greatgame.models import Document, DocumentMeta
    from greatgame.nlp import Annotator

    annotator = Annotator(Settings(workers=1), catalogue, select=lambda s, genre: True)
    _, _, todo, named = annotator._cheap_pass(Document(DocumentMeta(id="n.txt"), text))
    assert todo == [0]
    assert (0 in named) is needs
