"""Exact, faster stand-ins for two of the model's rule components: the attribute ruler and the lemmatizer.

In ``en_core_web_sm`` the attribute ruler (179 token patterns run by a ``Matcher``) and the rule
lemmatizer (a Python loop over tokens) cost about as much as the tagger and parser together.
Both are pure functions of a few token attributes, so their results can be cached:

* :class:`FastAttributeRuler` evaluates the ruler's own patterns once per distinct
  (TAG, LOWER, DEP, IS_SPACE) signature of a token and replays the cached result (a new
  signature re-tests only the patterns reading a slot value not seen before: see ``_Group``);
  patterns of two tokens are checked only where their first token matches. Rules apply in the ruler's
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


def _predicate(spec: dict) -> dict[int, object]:
    """The tests of one token pattern: signature slot -> a function of that slot's value.

    A token matches when every slot's test passes (a pattern of no tests matches every token).
    """
    tests: dict[int, list] = {}
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
                test = lambda v, a=allowed: v in a  # noqa: E731
            elif op == "NOT_IN":
                barred = frozenset(arg)
                test = lambda v, a=barred: v not in a  # noqa: E731
            elif op == "REGEX":
                rx = re.compile(arg)
                test = lambda v, r=rx: bool(r.search(v))  # noqa: E731
            else:
                raise _Unsupported(op)
        else:
            test = lambda v, w=value: v == w  # noqa: E731
        tests.setdefault(slot, []).append(test)
    return {slot: (lambda v, ts=tuple(ts): all(t(v) for t in ts)) for slot, ts in sorted(tests.items())}


class _Group:
    """The token predicates that read the same signature slots, answered with two caches.

    ``full`` maps the values of all the slots to the bit mask of the predicates that match;
    on a miss only the predicates passing their first slot's test (``first``, cached by that
    slot's value) are tried on the others. A new signature mostly brings a new LOWER, so the
    TAG-and-LOWER predicates are narrowed by the (known) TAG before any LOWER test runs.
    """

    def __init__(self, slots: tuple[int, ...], members: list[tuple[int, dict]]):
        self.slots = slots
        self.members = members
        self.full: dict[tuple, int] = {}
        self.first: dict[object, list[tuple[int, dict]]] = {}

    def bits(self, sig: tuple) -> int:
        key = tuple(sig[s] for s in self.slots)
        found = self.full.get(key)
        if found is not None:
            return found
        if not self.slots:
            found = sum(1 << bit for bit, _ in self.members)
        else:
            head = self.slots[0]
            passing = self.first.get(key[0])
            if passing is None:
                passing = self.first[key[0]] = [(b, t) for b, t in self.members if t[head](key[0])]
            found = sum(
                1 << bit for bit, tests in passing if all(tests[s](sig[s]) for s in self.slots[1:])
            )
        self.full[key] = found
        return found


class FastAttributeRuler:
    """Replays the attribute ruler ``ruler`` with a per-signature cache (see module docstring)."""

    def __init__(self, ruler):
        from spacy.tokens._retokenize import set_token_attrs

        self.ruler = ruler
        self.name = ruler.name
        self._set = set_token_attrs
        self.singles: list[tuple[int, dict]] = []  # (rule id, tests by slot)
        self.multis: list[tuple[int, list, int]] = []  # (rule id, [tests by slot], index)
        self._sig_cache: dict[tuple, tuple[tuple[int, ...], int]] = {}  # attribute hashes -> match
        # every token predicate (single-rule ones first, then the multi-token slots), grouped by the
        # signature slots they read: a new signature usually differs from a known one in LOWER only,
        # so the predicates reading TAG or DEP alone are answered from their group's cache
        self._groups: list[_Group] = []
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
        by_slots: dict[tuple[int, ...], list[tuple[int, dict]]] = {}
        flat = [pred for _, pred in self.singles] + [pred for _, preds, _ in self.multis for pred in preds]
        for bit, tests in enumerate(flat):
            by_slots.setdefault(tuple(tests), []).append((bit, tests))
        self._groups = [_Group(slots, members) for slots, members in by_slots.items()]

    def _signature(self, sig: tuple) -> tuple[tuple[int, ...], int]:
        """(single-token rules matching, bit mask of the multi-token pattern slots matching)."""
        bits = 0
        for group in self._groups:
            bits |= group.bits(sig)
        n = len(self.singles)
        low = bits & ((1 << n) - 1)
        singles = []
        while low:  # the set bits, lowest (earliest rule) first
            lsb = low & -low
            singles.append(self.singles[lsb.bit_length() - 1][0])
            low ^= lsb
        return tuple(singles), bits >> n

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
