"""Membership, observer and partner relations stated in the text (patterns in data/relations.yaml).

Each sentence is rewritten as a string of lower-case tokens in which linked mentions become
placeholders (``<S1>`` a state, ``<O2>`` an organisation, ``<P3>`` a person), "the
organisation"/"the bloc" becomes ``<R>`` (the organisation the document is about so far) and
"these two countries" becomes ``<G2>`` (the last two states mentioned); the patterns are regular
expressions over that string.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from dataclasses import dataclass

from greatgame.models import Relation
from greatgame.nlp.resources import read_yaml
from greatgame.nlp.ruler import fold

logger = logging.getLogger(__name__)

ORG_NOUNS = frozenset(
    "organisation organization group grouping bloc alliance union council association club".split()
)
ORG_DETS = frozenset({"the", "this", "that"})
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}
GROUP_NOUNS = frozenset({"countries", "states", "nations", "republics"})
PLACEHOLDER = re.compile(r"<([SOPG])(\d+)>|<R>")


@dataclass
class Rule:
    """One compiled pattern with its default relation."""

    regex: re.Pattern
    relation: str


class RelationFinder:
    """Finds relations in annotated documents."""

    def __init__(self, catalogue):
        self.cat = catalogue
        data = read_yaml("relations.yaml")
        macros = data["macros"]
        self.status = data["status"]
        self.verbs = {k: (v[0], bool(v[1])) for k, v in data["verbs"].items()}
        self.rules = [Rule(re.compile(_expand(p["regex"], macros)), p["relation"]) for p in data["patterns"]]
        self.also = re.compile(_expand(data["also"], macros))
        self.neg_inside = re.compile(data["negation_inside"])
        self.neg_after = re.compile(data["negation_after"])
        words = [
            "status",
            "member",
            "observer",
            "partner",
            "founded",
            "together",
            "groups",
            "includes",
            "comprises",
            "unites",
            "consists",
            "remain",
            "stay",
            *self.verbs,
        ]
        self.keywords = re.compile("|".join(re.escape(w) for w in words))

    def find(self, doc, tdoc, ranges, ctx=None) -> list[Relation]:
        """Relations stated in ``doc`` (mentions must be linked already)."""
        by_sentence: dict[int, list] = {}
        for m in doc.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        orgs: Counter = Counter()
        states: list[str] = []
        found: list[Relation] = []
        starts = [t.idx for t in tdoc]
        for sentence, (a, b) in zip(doc.sentences, ranges, strict=True):
            mentions = sorted(by_sentence.get(sentence.index, []), key=lambda m: m.start)
            for m in mentions:
                if self._kind(m.actor_id) not in ("state", "person"):
                    orgs[m.actor_id] += 1
            if self.keywords.search(sentence.text.lower()):
                text, slots = self._rewrite(tdoc, a, b, mentions, states, orgs)
                found += self._match(text, slots, sentence)
            states += [
                m.actor_id
                for m in mentions
                if self._kind(m.actor_id) == "state" and not _modifier(tdoc, _token_after(starts, m.end), b)
            ]
        return _dedupe(found)

    def _kind(self, actor_id: str) -> str:
        entry = self.cat.get(actor_id)
        return entry.kind if entry is not None else "person"

    # ------------------------------------------------------------------ rewriting
    def _rewrite(self, tdoc, a, b, mentions, states, orgs) -> tuple[str, dict[str, list[str]]]:
        starts = {m.start: m for m in mentions}
        slots: dict[str, list[str]] = {"<R>": [orgs.most_common(1)[0][0]] if orgs else []}
        out: list[str] = []
        seen_states = list(states)
        i = a
        while i < b:
            tok = tdoc[i]
            m = starts.get(tok.idx)
            if m is not None:
                kind = self._kind(m.actor_id)
                tag = {"state": "S", "person": "P"}.get(kind, "O")
                name = f"<{tag}{len(slots)}>"
                slots[name] = [m.actor_id]
                out.append(name)
                while i < b and tdoc[i].idx < m.end:
                    i += 1
                if kind == "state" and not _modifier(tdoc, i, b):
                    seen_states.append(m.actor_id)
                continue
            group = self._group(tdoc, i, b, seen_states)
            if group is not None:
                n, ids = group
                name = f"<G{len(slots)}>"
                slots[name] = ids
                out.append(name)
                i += n
                continue
            if tok.lower_ in ORG_NOUNS and i > a and tdoc[i - 1].lower_ in ORG_DETS and out:
                out[-1] = "<R>"
            elif tok.lower_ in ORG_NOUNS and i > a and tdoc[i - 1].lower_ in ("led", "backed", "dominated"):
                out.append("<R>")  # "the Russian-led bloc"
            elif not tok.is_space:
                out.append(fold(tok.text))
            i += 1
        text = " ".join(out)
        first = re.match(r"(?:the )?(<S\d+>)", text)
        if first:  # "..., and it has been an observer in the EAEU": "it" is the sentence's subject
            text = re.sub(
                r"\b(and|but|while) (?:it|they) ", lambda m: f"{m.group(1)} {first.group(1)} ", text
            )
        return text, slots

    @staticmethod
    def _group(tdoc, i, b, states) -> tuple[int, list[str]] | None:
        """Resolve "these two countries" / "both countries": (tokens used, the last n distinct states)."""
        words = [t.lower_ for t in tdoc[i : min(i + 3, b)]]
        if len(words) >= 3 and words[0] in ("these", "the", "those", "all") and words[1] in NUMBERS:
            n, used = NUMBERS[words[1]], 3 if words[2] in GROUP_NOUNS else 0
        elif len(words) >= 2 and words[0] == "both" and words[1] in GROUP_NOUNS:
            n, used = 2, 2
        else:
            return None
        distinct: list[str] = []
        for s in reversed(states):
            if s not in distinct:
                distinct.append(s)
        if not used or len(distinct) < n:
            return None
        return used, distinct[:n][::-1]

    # ------------------------------------------------------------------ matching
    def _match(self, text: str, slots, sentence) -> list[Relation]:
        out: list[Relation] = []
        for rule in self.rules:
            for match in rule.regex.finditer(text):
                relation, negated = self._relation(rule, match, text)
                objects = _ids(match.groupdict().get("obj") or "<R>", slots)
                subjects = _ids(match.group("subj"), slots)
                if match.groupdict().get("with"):
                    subjects += _ids(match.group("with"), slots)
                tail = text[match.end() :]
                also = self.also.match(tail)
                if also:
                    subjects += _ids(also.group("subj"), slots)
                for s in subjects:
                    for o in objects:
                        if s != o and self._kind(o) not in ("state", "person"):
                            out.append(
                                Relation(
                                    s,
                                    relation,
                                    o,
                                    sentence.text,
                                    sentence.index,
                                    sentence.start,
                                    sentence.end,
                                    negated,
                                )
                            )
        return out

    def _relation(self, rule: Rule, match: re.Match, text: str) -> tuple[str, bool]:
        groups = match.groupdict()
        relation, negated = rule.relation, False
        if groups.get("status"):
            relation = self.status.get(groups["status"], relation)
        if groups.get("verb"):
            relation, negated = self.verbs[groups["verb"]]
        clause = re.split(r" (?:,|;|and|but) ", text[match.end() :], maxsplit=1)[0]
        if self.neg_inside.search(match.group(0)) or self.neg_after.search(clause):
            negated = True
        return relation, negated


def _modifier(tdoc, i: int, b: int) -> bool:
    """Whether the mention ending before token ``i`` is a modifier such as "Russian-led"."""
    return (
        i + 1 < b and tdoc[i].text == "-" and tdoc[i + 1].lower_ in ("led", "backed", "dominated", "brokered")
    )


def _token_after(starts: list[int], char: int) -> int:
    """Index of the first token starting at or after character ``char``."""
    return bisect.bisect_left(starts, char)


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for _ in range(4):
        for name, value in macros.items():
            pattern = pattern.replace("{" + name + "}", value)
    return pattern


def _ids(fragment: str, slots) -> list[str]:
    ids: list[str] = []
    for m in PLACEHOLDER.finditer(fragment):
        for actor_id in slots.get(m.group(0), []):
            if actor_id not in ids:
                ids.append(actor_id)
    return ids


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for r in relations:
        key = (r.subject, r.relation, r.object, r.sentence_index, r.negated)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
