"""The structure of noun phrases: co-ordinated lists, appositions, split subjects, datelines."""

from __future__ import annotations

from typing import Any

DASHES = {"—", "–", "--"}


def appos_person(head: Any, found: list[tuple[int, int, str]], parse: Any) -> tuple[int, int, str] | None:
    """The person an apposition after a common-noun head names, when a modifier names someone else."""
    if head.pos_ != "NOUN" or is_person_id(found[0][2]):
        return None
    holder = parse[found[0][1]].head  # "the credentials of the Taliban's ambassador, X": the ambassador's
    nouns = [head, holder] if holder.pos_ == "NOUN" and holder.i != head.i and holder.i in {t.i for t in head.subtree} else [head]
    appos = {t.i for n in nouns for c in n.children if c.dep_ == "appos" for t in c.subtree}
    return next((f for f in found if f[1] in appos and is_person_id(f[2])), None)


def dateline_end(head: Any) -> int:
    """Index of the dash that ends a dateline before ``head`` ("CITY, date (Agency) — X ..."), or -1.

    A parser often hangs the dateline onto the subject; the agency named there is not part of it.
    """
    sent = head.sent
    for t in sent[: min(head.i - sent.start, 25)]:
        if t.text in DASHES:
            return t.i
    return -1


def in_appos(tok: Any, head: Any) -> bool:
    """``tok`` is (in) an apposition of ``head``: 'The Leader of the Nation, Emomali Rahmon'."""
    while tok.head.i != tok.i and tok.i != head.i:
        if tok.dep_ == "appos" and tok.head.i == head.i:
            return True
        tok = tok.head
    return False


def is_person_id(actor_id: str) -> bool:
    """Catalogue ids of people are lower case ('vladimir-putin')."""
    return actor_id.islower()


def is_state_id(actor_id: str) -> bool:
    """Catalogue ids of states are three capital letters ('KAZ')."""
    return len(actor_id) == 3 and actor_id.isalpha() and actor_id.isupper()


def conjuncts(tok: Any) -> list[Any]:
    """``tok`` and the phrases co-ordinated with it ('A, B and C')."""
    out, stack = [tok], [tok]
    rel = tok.head if tok.dep_ == "dobj" and tok.head.dep_ == "relcl" else None
    if rel is not None:  # "on which he received Putin and Xi", Xi parsed as a conjunct of the antecedent
        more = [c for c in rel.head.children if c.dep_ == "conj" and c.i > tok.i and _after_open_relative(rel.head, c)]
        out += more
        stack += more
    while stack:
        t = stack.pop()
        for c in t.children:
            if (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "ADJ", "PRON") or listed(t, c)) and c not in out:
                if _after_open_relative(t, c):
                    continue
                out.append(c)
                stack.append(c)
    return out


def _after_open_relative(head: Any, conj: Any) -> bool:
    """A conjunct hung on ``head`` that continues a relative clause of it.

    "the carpet on which he received Putin last year and Xi Jinping": Xi was received too. A
    relative clause closed by a comma ("Kazakhstan, which hosts the summit, and Uzbekistan") leaves
    the conjunct to ``head``.
    """
    for rel in (r for r in head.children if r.dep_ == "relcl" and head.i < r.i < conj.i):
        nxt = rel.right_edge.i + 1
        if nxt < conj.i and rel.doc[nxt].text != ",":
            return True
    return False


def listed(tok: Any, c: Any) -> bool:
    """'Kazakhstan, Azerbaijan, Georgia and Turkey' parsed with the second name as an apposition."""
    return (
        c.dep_ == "appos"
        and tok.pos_ == c.pos_ == "PROPN"
        and any(x.dep_ == "conj" and x.pos_ == "PROPN" for x in c.children)
    )


def split_subjects(head: Any) -> list[Any]:
    """The other subjects of the same verb when an 'and' joins them ("A and B signed" as two nsubj)."""
    if not head.dep_.startswith("nsubj") or head.head.i == head.i:
        return []
    verb = head.head
    start = dateline_end(head)
    subjects = [c for c in verb.children if c.dep_ == head.dep_ and c is not head and start < c.i < verb.i]
    if not subjects:
        return []
    ends = {head.i, verb.i, *(c.i for c in subjects)}
    lo, hi = min(c.i for c in [head, *subjects]), max(c.i for c in [head, *subjects])
    joined = any(t.dep_ == "cc" and lo < t.i < hi and t.head.i in ends for t in head.doc[lo:hi])
    return sorted(subjects, key=lambda t: t.i) if joined else []
