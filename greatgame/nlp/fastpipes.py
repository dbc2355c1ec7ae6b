"""Exact, faster stand-ins for two of the model's rule components: the attribute ruler and the lemmatizer.

In ``en_core_web_sm`` the attribute ruler (179 token patterns run by a ``Matcher``) and the rule
lemmatizer (a Python loop over tokens) cost about as much as the tagger and parser together.
Both are pure functions of a few token attributes, so their results can be cached:

* :class:`FastAttributeRuler` evaluates the ruler's own patterns once per distinct
  (TAG, LOWER, DEP, IS_SPACE) signature of a token and replays the cached result; patterns of
  two tokens are checked only where their first token matches. Rules apply in the ruler's
  order, later ones winning, as in spaCy. Patterns it cannot evaluate (an operator other than
  IN / NOT_IN / REGEX, an attribute other than those four, a quantifier) make it hand every
  Doc to the original component.
* :class:`FastLemmatizer` caches the original lemmatizer's answer per (ORTH, POS, MORPH),
  which is what the lemmatizer's own answer depends on, and skips tokens whose lemma is set.

The results are the same as the originals' (tests/test_nlp_fastpipes.py compares them).
"""

from __future__ import annotations

import logging
import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.tokens import Doc

logger = logging.getLogger(__name__)

_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = (POS, MORPH, LEMMA, TAG)


class _Unsupported(Exception):
    pass


def _predicate(spec: dict):
    """A function of a (tag, lower, dep, is_space) signature for one token pattern."""
    tests = []
    for key, value in spec.items():
        if key not in _KEYS:
            raise _Unsupported(key)
        slot = _KEYS[key]
        if isinstance(value, dict):
            if len(value) != 1:
                raise _Unsupported(str(value))
            ((op, arg),) = value.items()
            if op == "IN":
                allowed = frozenset(arg)
                tests.append(lambda sig, s=slot, a=allowed: sig[s] in a)
            elif op == "NOT_IN":
                barred = frozenset(arg)
                tests.append(lambda sig, s=slot, a=barred: sig[s] not in a)
            elif op == "REGEX":
                rx = re.compile(arg)
                tests.append(lambda sig, s=slot, r=rx: bool(r.search(sig[s])))
            else:
                raise _Unsupported(op)
        else:
            tests.append(lambda sig, s=slot, v=value: sig[s] == v)
    return lambda sig: all(t(sig) for t in tests)


class FastAttributeRuler:
    """Replays the attribute ruler ``ruler`` with a per-signature cache (see module docstring)."""

    def __init__(self, ruler):
        from spacy.tokens._retokenize import set_token_attrs

        self.ruler = ruler
        self.name = ruler.name
        self._set = set_token_attrs
        self.singles: list[tuple[int, object]] = []  # (rule id, predicate)
        self.multis: list[tuple[int, list, int]] = []  # (rule id, predicates, index)
        self._sig_cache: dict[tuple, tuple[tuple[int, ...], int]] = {}  # attribute hashes -> match
        self._result_cache: dict[tuple, tuple] = {}
        try:
            self._compile()
            self.exact = True
        except _Unsupported as exc:
            logger.info("attribute ruler: pattern feature %s not replayed; using the original", exc)
            self.exact = False

    def _compile(self) -> None:
        for rule_id in range(len(self.ruler.attrs)):
            for pattern in self.ruler.matcher.get(str(rule_id))[1]:
                if any(set(tok) - set(_KEYS) for tok in pattern):
                    raise _Unsupported("attribute or quantifier")
                preds = [_predicate(tok) for tok in pattern]
                index = self.ruler.indices[rule_id]
                if len(preds) == 1:
                    self.singles.append((rule_id, preds[0]))
                else:
                    self.multis.append((rule_id, preds, index if index >= 0 else len(preds) + index))

    def _signature(self, sig: tuple) -> tuple[tuple[int, ...], int]:
        """(single-token rules matching, bit mask of the multi-token pattern slots matching)."""
        singles = tuple(rid for rid, pred in self.singles if pred(sig))
        mask = 0
        bit = 0
        for _, preds, _ in self.multis:
            for pred in preds:
                if pred(sig):
                    mask |= 1 << bit
                bit += 1
        return singles, mask

    def __call__(self, doc: Doc) -> Doc:
        """Set POS, MORPH, LEMMA (and what else the rules set) exactly as the attribute ruler would."""
        if not self.exact:
            return self.ruler(doc)
        n = len(doc)
        if n == 0:
            return doc
        strings = doc.vocab.strings
        cache = self._sig_cache
        sigs = []
        for row in map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()):
            found = cache.get(row)
            if found is None:
                t, lw, d, sp = row
                found = cache[row] = self._signature((strings[t], strings[lw], strings[d], bool(sp)))
            sigs.append(found)
        rules: list[list[int]] = [list(s[0]) for s in sigs]
        if self.multis:
            self._multi_matches(sigs, rules)
        arr = doc.to_array(list(_ARRAY_ATTRS))
        direct: list[tuple[int, tuple[int, ...]]] = []
        changed = False
        for i, ids in enumerate(rules):
            if not ids:
                continue
            key = tuple(sorted(ids))
            values = self._result_cache.get(key)
            if values is None:
                values = self._learn(doc, key)
            if values == "direct":
                direct.append((i, key))
                continue
            for col, value in values:
                arr[i, col] = value
            changed = True
        if changed:
            doc.from_array(list(_ARRAY_ATTRS), arr)
        for i, key in direct:
            self._apply(doc[i], key)
        return doc

    def _multi_matches(self, sigs, rules) -> None:
        n = len(sigs)
        bit = 0
        for rid, preds, index in self.multis:
            width = len(preds)
            first = 1 << bit
            for i in range(n - width + 1):
                if sigs[i][1] & first and all(sigs[i + k][1] & (1 << (bit + k)) for k in range(1, width)):
                    rules[i + index].append(rid)
            bit += width

    def _apply(self, token, key: tuple[int, ...]) -> None:
        for rid in key:
            self._set(token, self.ruler.attrs[rid])

    def _learn(self, doc: Doc, key: tuple[int, ...]):
        """Apply the rules to a scratch token with spaCy's own setter; remember the values left."""
        attrs = set()
        for rid in key:
            attrs |= set(self.ruler.attrs[rid])
        if not attrs <= set(_ARRAY_ATTRS):
            self._result_cache[key] = "direct"
            return "direct"
        token = Doc(doc.vocab, words=["x"])[0]
        self._apply(token, key)
        values = tuple((_ARRAY_ATTRS.index(a), _read(token, a)) for a in _ARRAY_ATTRS if a in attrs)
        self._result_cache[key] = values
        return values


def _read(token, attr: int) -> int:
    if attr == POS:
        return token.pos
    if attr == MORPH:
        return token.morph.key
    if attr == LEMMA:
        return token.lemma
    return token.tag


class FastLemmatizer:
    """Caches the rule lemmatizer ``lemmatizer`` per (ORTH, POS, MORPH) (see module docstring)."""

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.name = lemmatizer.name
        self.exact = lemmatizer.mode == "rule" and not lemmatizer.overwrite
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Fill the lemmas the lemmatizer would fill (tokens whose lemma is unset)."""
        if not self.exact:
            return self.lemmatizer(doc)
        if not len(doc):
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        cache = self._cache
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                string = self.lemmatizer.lemmatize(doc[i])[0]
                value = cache[key] = doc.vocab.strings.add(string)
            lemmas[i] = value
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1))
        return doc
