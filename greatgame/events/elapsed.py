"""Events placed by the time elapsed since or until another: 'two and a half years after fighting killed dozens'.

The clause's date is that of the main act ("signed a treaty on Thursday"); the event inside a
measured 'after'/'before' phrase is not on that day but the given length earlier (or later).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from greatgame.events.lexicon import load_data

CLAUSE_EDGE = {"ROOT", "ccomp", "xcomp", "parataxis", "relcl", "csubj"}


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return load_data("dates.yaml")["elapsed"]


def _amount(unit_tok: Any) -> tuple[float, bool] | None:
    """'two and a half years' -> (2.5, exact), 'less than three weeks' -> (3, approximate)."""
    numbers, approx = _table()["numbers"], set(_table()["approximate"])
    total, rough = 0.0, False
    before = [t for t in unit_tok.subtree if t.i < unit_tok.i]
    halves = any(t.lower_ == "half" for t in before)
    for tok in before:
        word = tok.lower_
        if halves and word in ("a", "an"):  # "two and a half": the article of the half
            continue
        if word in approx:
            rough = True
        elif word in numbers:
            total += float(numbers[word])
        elif word.replace(".", "", 1).isdigit():
            total += float(word)
    return (total, rough) if total > 0 else None


def _measure(tok: Any) -> tuple[int, float, str, bool] | None:
    """A length of time under ``tok`` ('years', 'weeks'): (direction, days, precision, approximate)."""
    words, units = _table()["words"], _table()["units"]
    for c in tok.children:
        if c.dep_ != "npadvmod" or c.lemma_.lower() not in units:
            continue
        amount = _amount(c)
        if amount is None:
            continue
        unit = units[c.lemma_.lower()]
        word = tok.lower_ if tok.lower_ in words else next(
            (m.lower_ for m in tok.children if m.dep_ == "mark" and m.lower_ in words), None
        )
        if word is None:
            continue
        return int(words[word]), amount[0] * float(unit["days"]), unit["precision"], amount[1]
    return None


def _start(tok: Any) -> Any:
    """Where to climb from: a verb joined to a distant head with no 'and' is read where it stands.

    'two years after fighting between the armies killed dozens': 'killed' belongs to 'fighting'.
    """
    head = tok.head
    if tok.dep_ != "conj" or head is tok or tok.i == 0:
        return tok
    between = [c for c in (*head.children, *tok.children) if head.i < c.i < tok.i and c.dep_ in ("cc", "punct")]
    return tok if between else tok.doc[tok.i - 1]


def elapsed(tok: Any) -> tuple[Any, int, float, str, bool] | None:
    """The measured 'after'/'before' phrase the trigger sits in: (its head, direction, days, precision, approximate)."""
    cur = _start(tok)
    for _ in range(8):
        found = _measure(cur)
        if found is not None and cur is not tok:  # the trigger inside the phrase, not the act it is measured from
            return (cur.head, *found)
        if found is not None and cur.dep_ == "advcl":  # "three weeks after X signed": 'signed' is the trigger
            return (cur.head, *found)
        if cur.head is cur or cur.dep_ in CLAUSE_EDGE:
            return None
        cur = cur.head
    return None


def shifted(day: dt.date, direction: int, days: float, precision: str, rough: bool) -> tuple[dt.date, str] | None:
    """``day`` moved by the elapsed length, with a precision no finer than the length allows."""
    try:
        moved = day + dt.timedelta(days=round(direction * days))
    except OverflowError:
        return None
    if rough or (precision == "year" and days % 365.25):
        precision = "month" if precision != "year" or days < 3 * 365.25 else "year"
    if precision == "year":
        return dt.date(moved.year, 1, 1), "year"
    if precision == "month":
        return dt.date(moved.year, moved.month, 1), "month"
    return moved, "day"
