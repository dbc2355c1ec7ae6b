"""Who did what to whom: source and target actors of a trigger, from the dependency parse.

Mentions found by the linker are mapped onto the tokens of the sentence parse. A noun phrase
names the actor closest to its head ("Gambian President Dawda Jawara" -> the person, with the
country of the demonym; "opposition groups in Zimbabwe" -> ZWE), and co-ordinated phrases name
several ("Israel and Lebanon").
"""

from __future__ import annotations

import bisect
import logging
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from greatgame.events.noun_sides import noun_trigger_sides
from greatgame.events.phrases import (
    appos_person,
    conjuncts,
    dateline_end,
    in_appos,
    is_person_id,
    is_state_id,
    split_subjects,
)
from greatgame.events.syntax import child, is_setting, prep_objects, subject_token
from greatgame.events.triggers import Trigger, lemma
from greatgame.events.verb_targets import bound_party, purpose_targets, verb_targets

logger = logging.getLogger(__name__)

STOP_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "conj", "cc", "punct", "appos_"}
CLAUSE_STOP = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "prep"}
PAIR_WORDS = {"two", "both", "sides", "side", "parties"}
GROUP_WORDS = {"leaders", "heads", "members", "participants", "group", "organisation", "organization", "bloc",
               "alliance", "summit", "delegations", "presidents", "ministers", "countries", "nations", "neighbours",
               "neighbors", "rulers", "commonwealth", "officials", "diplomats"}  # fmt: skip
SELF_PASSIVES = {"represent"}
# "the men were detained": people just named, taken up by a plural noun or a number
PEOPLE_ANAPHORS = {"men", "women", "suspects", "detainees", "defendants", "accused", "attackers", "gunmen",
                   "victims", "prisoners", "citizens", "migrants", "workers", "people"}  # fmt: skip
ADJECTIVAL_PASSIVES = {
    "committed",
    "prepared",
    "determined",
    "opposed",
    "engaged",
    "interested",
    "concerned",
    "pleased",
}
PRONOUNS = {
    "it",
    "they",
    "he",
    "she",
    "its",
    "their",
    "his",
    "her",
    "them",
    "him",
    "we",
    "who",
    "which",
    "that",
}


@dataclass
class Side:
    """Actor ids of one side of an event, and how they were found."""

    ids: list[str] = field(default_factory=list)
    how: str = "none"  # parse | pronoun | group | place | people | speaker | none

    def __bool__(self) -> bool:
        return bool(self.ids)


def _clause_subject(tok: Any, head: Any) -> bool:
    """The subject of a clause inside a noun phrase ('efforts against what Beijing calls ...'): its own doer."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != head.i and tok.head.pos_ in ("VERB", "AUX")


def _stranded_conjunct(head: Any, sa: SentenceActors) -> Any:
    """A subject's first conjunct the parser hung on a fronted time phrase ('On Wednesday Turkmenistan and X').

    The actor just before an 'and' that opens the subject's phrase, when it is the object of a
    preposition whose phrase ends there.
    """
    if not head.dep_.startswith("nsubj"):
        return None
    cc = head.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    if cc is None or cc.dep_ != "cc" or cc.head.i >= cc.i or cc.head.i not in sa.by_token:
        return None
    named = cc.head
    return named if named.dep_ == "pobj" and named.head.dep_ == "prep" and named.right_edge.i == cc.i else None


class SentenceActors:
    """The linker's mentions laid onto the tokens of one sentence parse."""

    def __init__(self, parse: Any, sent_start: int, mentions: list[Any], person_ids: set[str]):
        self.parse = parse
        self.by_token: dict[int, str] = {}
        self.more: dict[int, list[str]] = {}  # a group phrase names several ("the five states")
        self.person_country: dict[str, str] = {}  # people whose phrase names their state
        self.person_ids = person_ids
        self.by_title: set[int] = set()  # tokens linked through a title ('the President'), not a name
        starts = [tok.idx for tok in parse]
        for m in mentions:  # bisect: linear in mentions, not mentions x tokens
            s, e = m.start - sent_start, m.end - sent_start
            first = max(bisect.bisect_right(starts, s) - 1, 0)
            if first < len(parse) and parse[first].idx + len(parse[first].text) <= s:
                first += 1
            last = bisect.bisect_left(starts, e)
            if first >= last:
                continue
            if m.how == "demonym" and first > 0 and parse[first - 1].lower_ == "ethnic":
                continue  # "ethnic Albanians in Serbia" are not the state of Albania
            for i in range(first, last):
                if i not in self.by_token:
                    self.by_token[i] = m.actor_id
                    if m.how == "title":
                        self.by_title.add(i)
                elif m.how == "group" and m.actor_id != self.by_token[i]:
                    self.more.setdefault(i, []).append(m.actor_id)

    def ids_at(self, i: int) -> list[str]:
        """Every actor the token names (one, or the members of a group phrase)."""
        first = self.by_token.get(i)
        return [first, *self.more.get(i, [])] if first else []

    def np_actors(self, head: Any) -> list[str]:
        """Actors named by the noun phrase headed by ``head`` (closest to the head first)."""
        if head is None:
            return []
        found: list[tuple[int, int, str]] = []
        seen = {head.i}
        queue = deque([(head, 0)])
        start = dateline_end(head)
        while queue:
            tok, depth = queue.popleft()
            if tok.i in self.by_token and tok.i > start:
                found.append((depth, tok.i, self.by_token[tok.i]))
            for c in tok.children:
                if c.i not in seen and c.dep_ not in STOP_DEPS and not is_setting(c) and not _clause_subject(c, head):
                    seen.add(c.i)
                    queue.append((c, depth + 1))
        if not found:
            return []
        found.sort()
        if found[0][1] in self.by_title:  # "The Leader of the Nation, Emomali Rahmon": the name says who
            named = [f for f in found if f[1] not in self.by_title and in_appos(self.parse[f[1]], head)]
            if named and is_person_id(named[0][2]):
                found = [named[0], *found]
        named = appos_person(head, found, self.parse)
        if named is not None:  # "the Taliban's ambassador, Gul Hassan Hassan": the man, not his employer
            found = [named, *found]
        best = found[0][2]
        if is_person_id(best):
            states = [a for _, _, a in found if is_state_id(a)]
            if states:
                self.person_country.setdefault(best, states[0])
        best_tok = self.parse[found[0][1]]
        if best_tok.dep_ in ("pobj", "appos", "amod") and len(conjuncts(best_tok)) > 1:  # "the presidents of A, B and C"
            return list(dict.fromkeys(a for c in conjuncts(best_tok) for a in self.ids_at(c.i)))
        return self.ids_at(found[0][1])

    def sentence_state(self) -> str | None:
        """The one state named in the sentence, if exactly one is."""
        states = {a for a in self.by_token.values() if is_state_id(a)}
        return next(iter(states)) if len(states) == 1 else None

    def np_with_conj(self, head: Any) -> list[str]:
        """Actors of a noun phrase and of the phrases co-ordinated with it ("X and Y")."""
        if head is None:
            return []
        ids: list[str] = []
        listed = conjuncts(head)
        for tok in listed:
            for a in self.np_actors(tok):
                if a not in ids:
                    ids.append(a)
        for tok in head.children:  # "Senior Hungarian and Romanian officials"
            if tok.dep_ in ("amod", "compound", "nmod") and tok.i in self.by_token:
                for c in conjuncts(tok)[1:]:
                    for a in self.ids_at(c.i):
                        if a not in ids:
                            ids.append(a)
        stranded = _stranded_conjunct(head, self)
        if stranded is not None:  # "On Wednesday Turkmenistan and Afghanistan's authorities": both
            ids = list(dict.fromkeys([*self.np_actors(stranded), *ids]))
        split = split_subjects(head)  # "A and B signed" parsed as two subjects: A first
        if split:
            ordered = sorted([head, *split], key=lambda t: t.i)
            ids = list(dict.fromkeys([a for t in ordered for a in self.np_actors(t)] + ids))
        if len(listed) > 1:  # a list the parser split oddly ("A, B, C and D" as appositions)
            for a in self._list_names(head):
                if a not in ids:
                    ids.append(a)
        return ids

    def _list_names(self, head: Any) -> list[str]:
        """The people and states named in a co-ordinated noun phrase, in text order.

        The coder drops the states of listed people ("Kazakh President X" names X).
        """
        toks, stack = [], [head]
        while stack:
            t = stack.pop()
            toks.append(t)
            stack += [c for c in t.children if c.dep_ not in CLAUSE_STOP]
        start = dateline_end(head)
        toks = sorted((t for t in toks if t.i > start), key=lambda t: t.i)
        return list(dict.fromkeys(a for t in toks for a in self.ids_at(t.i)))

    def subtree_actors(self, head: Any, exclude: set[str]) -> list[str]:
        """Every actor in the whole subtree of ``head``, nearest first, minus ``exclude``."""
        out: list[str] = []
        queue = deque([head])
        seen = {head.i}
        while queue:
            tok = queue.popleft()
            for a in self.ids_at(tok.i):
                if a not in exclude and a not in out:
                    out.append(a)
            for c in tok.children:
                if c.i not in seen and not is_setting(c):
                    seen.add(c.i)
                    queue.append(c)
        return out


MUTUAL_VERBS = {"meet", "hold", "talk", "negotiate", "confer", "clash"}


def _mutual(trig: Trigger) -> bool:
    """A meeting or a clash: it takes two, so a relative clause on 'X and Y' is about both."""
    return trig.type in ("CONSULT", "FIGHT") and lemma(trig.token) in MUTUAL_VERBS


PLACE_TYPES = {"GPE", "LOC", "FAC", "DATE", "TIME"}


def _fronted_subject(tok: Any, sa: SentenceActors) -> Any:
    """The subject of a co-ordinated verb that the parser hung elsewhere ('and in Kabul X thanked Y').

    The actor named last between the 'and' and the verb, when the verb has no subject of its own.
    """
    if tok.dep_ != "conj" or child(tok, "nsubj", "nsubjpass") is not None:
        return None
    cc = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
    if not cc:
        return None
    span = [t for t in tok.doc[cc[-1].i + 1 : tok.i] if not t.is_punct]
    last = span[-1] if span else None
    if last is None or last.i not in sa.by_token or last.pos_ != "PROPN" or last.ent_type_ in PLACE_TYPES:
        return None
    return last


FORCE_TYPES = {"MOBILIZE", "RETREAT"}
RECEIVING = {"receive", "welcome", "greet", "host"}  # "to be received by X": X is the host, the doer
def _nearest_conjunct(antecedent: Any, relcl: Any, sa: SentenceActors) -> list[str]:
    """The actors of the co-ordinated phrase nearest before a relative clause (one doer: 'who hosted')."""
    before = [c for c in conjuncts(antecedent) if c.i < relcl.i]
    nearest = max(before, key=lambda c: c.i) if before else antecedent
    return sa.np_actors(nearest) or sa.np_with_conj(antecedent)


def people_anaphor(tok: Any) -> bool:
    """'The men', 'the four', 'the suspects': people named before, taken up again."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children)
    return definite and (tok.lower_ in PEOPLE_ANAPHORS or tok.pos_ == "NUM")


def sides(trig: Trigger, sa: SentenceActors) -> tuple[Side, Side, Any]:
    """Source and target of a trigger, and the subject token (for pronoun resolution later)."""
    tok = trig.token
    if trig.kind == "noun":
        src, tgt = noun_trigger_sides(trig, sa)
        return Side(src, "parse" if src else "none"), Side(tgt, "parse" if tgt else "none"), None
    if trig.kind == "deontic":
        subj = child(tok, "nsubj", "nsubjpass")
        tgt = sa.np_with_conj(subj) if subj is not None else []
        return Side([], "none"), Side(tgt, "parse" if tgt else "none"), None
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and prep_objects(tok, ["by"]):  # "a summit hosted by X"
        source = sa.np_with_conj(prep_objects(tok, ["by"])[0])
        target = [a for a in sa.np_with_conj(tok.head) if a not in source]
        return Side(source, "parse" if source else "none"), Side(target, "parse" if target else "none"), None
    subj, passive = subject_token(tok)
    fronted = _fronted_subject(tok, sa)
    if fronted is not None:  # "... and in Kabul the Taliban foreign minister, Amir Khan Muttaqi, thanked X"
        subj = fronted
    if subj is not None and tok.dep_ == "relcl" and subj.i == tok.head.i and _mutual(trig):
        while subj.dep_ == "conj" and subj.head is not subj:  # "X and Y, who held talks": both
            subj = subj.head
    own_passive = (child(tok, "nsubjpass") is not None or (passive and tok.dep_ == "relcl")) and (
        tok.lower_ not in ADJECTIVAL_PASSIVES
    )
    if own_passive and lemma(tok) in SELF_PASSIVES:  # "X and Y were represented": they took part
        source = sa.np_with_conj(subj) if subj is not None else []
        return Side(source, "parse" if source else "none"), Side([], "none"), subj
    agent = prep_objects(tok, ["by"]) if child(tok, "auxpass") is not None else []
    if agent and not own_passive and subj is not None and lemma(tok) in RECEIVING:  # "arriving ... to be received by X": X receives them
        source = sa.np_with_conj(agent[0])
        target = [a for a in sa.np_with_conj(subj) if a not in source]
        if source:
            return Side(source, "parse"), Side(target, "parse" if target else "none"), None
    if own_passive:
        agent = prep_objects(tok, ["by"])
        source = sa.np_with_conj(agent[0]) if agent else []
        bound = bound_party(subj, sa) if subj is not None and not source else []
        if bound:  # "the Memorandum of Obligations of Iran to obtain SCO membership was signed": Iran signs
            source = bound
            target = sa.subtree_actors(subj, set(source))
            return Side(source, "parse"), Side(target, "parse" if target else "none"), None
        target = [a for a in sa.np_with_conj(subj) if a not in source] if subj is not None else []
        anaphor = not target and subj is not None and people_anaphor(subj)
        if not target:
            target = verb_targets(tok, trig, sa, source)
        if not target:  # "a decision was adopted to start the procedure for the admission of Belarus"
            target = purpose_targets(tok, sa, source)
        if not target and subj is not None:  # "Memoranda granting Egypt and Qatar the status ... were signed"
            target = sa.subtree_actors(subj, set(source))
        how = "anaphor" if anaphor else ("parse" if target else "none")
        return Side(source, "parse" if source else "none"), Side(target, how), None
    if subj is not None and tok.dep_ == "relcl" and subj.i == tok.head.i and not _mutual(trig):
        source = _nearest_conjunct(subj, tok, sa)  # "met A, B and C, who hosted the meeting": C
    else:
        source = sa.np_with_conj(subj) if subj is not None else []
    if not source and subj is not None and subj.dep_ == "appos":  # "ISKP, the group that claimed the attack"
        source = sa.np_actors(subj.head)
    if not source and subj is not None and not any(t.i == tok.i for t in subj.subtree):
        source = sa.subtree_actors(subj, set())[:1]  # not from the trigger's own clause inside the subject
    obj = child(tok, "dobj")
    if not source and trig.type in FORCE_TYPES and obj is not None:  # "planes ferried Russian troops to X"
        source = sa.np_with_conj(obj)
    if (
        trig.kind == "adj"
        and trig.pattern.judgement
        and tok.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "attr")
    ):
        governor = tok.head
        judged = child(governor, "dobj") or child(tok, "nsubj")
        gsubj = child(governor, "nsubj")
        if gsubj is not None and governor.lemma_ in (
            "consider",
            "call",
            "find",
            "deem",
            "regard",
            "declare",
            "see",
        ):
            source = sa.np_with_conj(gsubj)
            target = sa.np_with_conj(judged) if judged is not None else []
            return Side(source, "parse" if source else "none"), Side(target, "parse"), gsubj
        if gsubj is not None and governor.lemma_ in ("be", "become", "remain"):
            target = sa.np_with_conj(gsubj)
            return Side([], "none"), Side(target, "parse" if target else "none"), None
    target = verb_targets(tok, trig, sa, source)
    if trig.type in trig.pattern.converse and source and target:  # "X received a loan from Y": Y gives, X receives
        source, target = target, source
    return Side(source, "parse" if source else "none"), Side(target, "parse" if target else "none"), subj

