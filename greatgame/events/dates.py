"""Dates of events: absolute, ranges, relative to the publication date, with their precision.

No date is better than a wrong date: relative dates need a publication date, a day-month date
without a year takes the year of publication only when there is one, and impossible dates
(31/02) are dropped.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

from greatgame.events.date_scope import (
    SAYING,
    bare_clause,
    clause,
    frame,
    noun_phrase,
    present_tense,
    since_event,
    verb_of,
)
from greatgame.events.elapsed import elapsed, shifted
from greatgame.events.lexicon import load_data
from greatgame.events.seasons import seasons

logger = logging.getLogger(__name__)


@dataclass
class DateHit:
    """One resolved date expression."""

    date: dt.date | None = None
    date_end: dt.date | None = None
    precision: str = "none"
    start: int = 0  # character offsets in the sentence
    end: int = 0
    text: str = ""


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[
    dict[str, int], dict[str, int], list[re.Pattern[str]], dict[str, dict[str, Any]], re.Pattern[str]
]:
    data = load_data("dates.yaml")
    months = data["months"]
    month_alt = "|".join(sorted(months, key=len, reverse=True))
    parts = {
        "month": rf"(?:{month_alt})\.?",
        "day": r"\d{1,2}(?:st|nd|rd|th)?",
        "year": r"\d{4}",
    }

    def expand(p: str) -> str:
        def sub(m: re.Match[str]) -> str:
            kind, group = m.group(1), m.group(2)
            return f"(?P<{group}>{parts[kind]})"

        return re.sub(r"\{(month|day|year)_(\w+)\}", sub, p)

    absolute = [re.compile(r"(?<![\w/])" + expand(p) + r"(?![\w/])", re.IGNORECASE) for p in data["absolute"]]
    rel = data["relative"]
    rel_rx = re.compile(
        r"\b(" + "|".join(re.escape(k) for k in sorted(rel, key=len, reverse=True)) + r")\b", re.I
    )
    return months, data["weekdays"], absolute, rel, rel_rx


def _num(s: str | None) -> int | None:
    if not s:
        return None
    s = re.sub(r"(st|nd|rd|th)$", "", s.strip().lower())
    return int(s) if s.isdigit() else None


def _month(s: str | None, months: dict[str, int]) -> int | None:
    if not s:
        return None
    s = s.lower().rstrip(".")
    return int(s) if s.isdigit() else months.get(s)


def _safe(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    try:
        return dt.date(y, m, d) if y and m and d else None
    except ValueError:
        return None


def _year_for(m: int, d: int | None, published: dt.date | None, future: bool) -> int | None:
    """Year of a day-month date given without one: the publication year, shifted across New Year."""
    if published is None:
        return None
    y = published.year
    cand = _safe(y, m, d or 1)
    if cand is None:
        return y
    if not future and (cand - published).days > 31:
        return y - 1
    if future and (published - cand).days > 31:
        return y + 1
    return y


def _from_match(mt: re.Match[str], published: dt.date | None, future: bool) -> DateHit | None:
    months = _tables()[0]
    g = {k: v for k, v in mt.groupdict().items()}
    d, m, y = _num(g.get("d")), _month(g.get("m"), months), _num(g.get("y"))
    d2, m2, y2 = _num(g.get("d2")), _month(g.get("m2"), months), _num(g.get("y2"))
    if y is not None and y < 100:
        y += 2000 if y < 50 else 1900
    if m is not None and m > 12 and d is not None and d <= 12:  # month-first numeric date
        d, m = m, d
    if m is None:
        return DateHit(_safe(y, 1, 1), None, "year", mt.start(), mt.end(), mt.group(0)) if y else None
    year = y or y2 or _year_for(m, d, published, future)
    if year is None:
        return None
    if d is None:
        start = _safe(year, m, 1)
        return DateHit(start, None, "month", mt.start(), mt.end(), mt.group(0)) if start else None
    start = _safe(year, m, d)
    if start is None:
        return None
    end = None
    if d2 is not None:
        end = _safe(y2 or year, m2 or m, d2)
        if end is None or end < start:
            return None
    return DateHit(start, end, "day", mt.start(), mt.end(), mt.group(0))


def _unresolved(text: str, published: dt.date | None) -> list[tuple[int, int]]:
    """Spans of date expressions that name a time but cannot be resolved ('in June' with no year known)."""
    if published is not None:
        return []
    spans = []
    for rx in _tables()[2]:
        spans += [(mt.start(), mt.end()) for mt in rx.finditer(text) if _from_match(mt, None, False) is None]
    return spans


def _weekday(word: str, published: dt.date, future: bool) -> dt.date:
    wd = _tables()[1][word.lower()]
    if future:
        delta = (wd - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=delta)
    return published - dt.timedelta(days=(published.weekday() - wd) % 7)


def _relative_date(
    unit: str, off: int, published: dt.date, future: bool = False
) -> tuple[dt.date, dt.date | None, str]:
    if unit == "weekend" and off == 0 and future and published.weekday() < 5:
        off = 1  # "will meet at the weekend": the coming one
    if unit == "day":
        return published + dt.timedelta(days=off), None, "day"
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=off)
        return monday, monday + dt.timedelta(days=6), "day"
    if unit == "weekend":  # the latest Saturday and Sunday (the coming ones in the future: offset 1)
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7) + dt.timedelta(weeks=off)
        return saturday, saturday + dt.timedelta(days=1), "day"
    if unit == "month":
        idx = published.year * 12 + published.month - 1 + off
        return dt.date(idx // 12, idx % 12 + 1, 1), None, "month"
    return dt.date(published.year + off, 1, 1), None, "year"


def _relative(text: str, published: dt.date, future: bool) -> list[DateHit]:
    """'yesterday', 'next week', 'on Monday' against the publication date (none past the calendar's ends)."""
    hits = []
    rel, rel_rx = _tables()[3], _tables()[4]
    for mt in rel_rx.finditer(text):
        spec = rel[mt.group(1).lower()]
        try:
            start, end, precision = _relative_date(spec["unit"], int(spec["offset"]), published, future)
        except (OverflowError, ValueError):
            continue
        hits.append(DateHit(start, end, precision, mt.start(), mt.end(), mt.group(0)))
    days = "|".join(_tables()[1])
    for mt in re.finditer(rf"\b({days})\b", text, re.IGNORECASE):
        try:
            day = _weekday(mt.group(1), published, future)
        except (OverflowError, ValueError):
            continue
        hits.append(DateHit(day, None, "day", mt.start(), mt.end(), mt.group(0)))
    return hits


def _last_months(text: str, published: dt.date) -> list[DateHit]:
    """'last July', 'in April last year': a month of the past year (or of this one, if already past)."""
    months = _tables()[0]
    alt = "|".join(sorted(months, key=len, reverse=True))
    hits = []
    for mt in re.finditer(rf"\blast ({alt})\b|\b(?:in )?({alt}) last year\b", text, re.IGNORECASE):
        m = months[(mt.group(1) or mt.group(2)).lower()]
        year = published.year - 1 if (mt.group(2) or m >= published.month) else published.year
        if dt.MINYEAR <= year <= dt.MAXYEAR:
            hits.append(DateHit(dt.date(year, m, 1), None, "month", mt.start(), mt.end(), mt.group(0)))
    return hits


def find_dates(text: str, published: dt.date | None, future: bool = False) -> list[DateHit]:
    """Every date expression in ``text`` resolved against ``published`` (non-overlapping)."""
    hits: list[DateHit] = []
    if published is not None:  # 'last July', 'the summer of 2022': before the patterns that take parts of them
        hits = _last_months(text, published)
        hits += [DateHit(a, b, "month", i, j, t) for a, b, i, j, t in seasons(text, published, future)]
    taken: list[tuple[int, int]] = [(h.start, h.end) for h in hits]
    for rx in _tables()[2]:
        for mt in rx.finditer(text):
            if any(mt.start() < e and mt.end() > s for s, e in taken):
                continue
            hit = _from_match(mt, published, future)
            taken.append((mt.start(), mt.end()))
            if hit is not None:
                hits.append(hit)
    if published is not None:
        for hit in _relative(text, published, future):
            if not any(hit.start < e and hit.end > s for s, e in taken):
                hits.append(hit)
                taken.append((hit.start, hit.end))
    return sorted(hits, key=lambda h: h.start)


NOT_WHEN = ("until", "till", "by ", "from ")  # the end or start of a state, not when the event happened
DATELINE = re.compile(r"^[A-Z][^a-z]{1,60}?,[^—–]{0,60}?(?:—|–|--)\s")


def anchor_date(text: str, published: dt.date | None) -> DateHit | None:
    """The first past day named in a sentence (a story's date when its events give none)."""
    for h in find_dates(text, published):
        if h.precision == "day" and h.date is not None and (published is None or h.date <= published):
            return h
    return None


WHILE = {"as", "while", "when"}


def _shares_time(tok: Any) -> bool:
    """A clause joined by 'and', governed ('began to'), reported ('said on Monday that'), a participle, a purpose or 'as'/'while'."""
    if tok.dep_ in ("conj", "xcomp", "acl"):
        return True
    if tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in WHILE for c in tok.children):
        return True  # "crossed the border over the weekend as Taliban fighters seized districts"
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ in ("mark", "advmod") for c in tok.children):
        return True  # "said in February that it had frozen ..., accusing it of ...": the same telling
    if tok.dep_ == "advcl" and _purpose(tok):
        return True  # "held a ceremony on Wednesday to mark the start of work": the ceremony's day
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SAYING


def _purpose(tok: Any) -> bool:
    """An infinitive of purpose with no subject of its own ('to mark', 'in order to discuss')."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") and c.lower_ != "in" for c in tok.children
    )


def clause_dates(text: str, trigger: Any, published: dt.date | None, future: bool) -> list[DateHit]:
    """Date expressions of the trigger's own clause, else of the clause it belongs to.

    An event noun's own phrase comes first ('the attack on the hall in March last year'); a clause
    joined by 'and', governed, reported or relative shares the date of its head clause.
    """
    cut = DATELINE.match(text)
    hits = [h for h in find_dates(text, published, future) if not cut or h.start >= cut.end()]
    hits = [h for h in hits if h.date_end is not None or not h.text.lower().startswith(NOT_WHEN)]

    def within(tokens: set[int]) -> list[DateHit]:
        return [h for h in hits if any(h.start <= i < h.end for i in tokens)]

    if trigger.pos_ in ("NOUN", "PROPN") and within(noun_phrase(trigger)):
        return within(noun_phrase(trigger))
    cur = verb_of(trigger)
    for _ in range(4):
        found = within(clause(cur)) or within(frame(cur))
        if found or cur.head is cur:
            return found
        if cur.dep_ == "relcl":  # "on Friday, when leaders ...", "a ruling in April that lifted the ban"
            found = within(clause(cur.head))
            cur = verb_of(cur.head)
            if found:
                return found
            continue
        if not _shares_time(cur):
            return within(frame(cur.head, fronted=True)) if bare_clause(cur) else []
        if future and cur.dep_ == "ccomp" and cur.head.tag_ == "VBD":  # "told on Wednesday that X would ...": that past Wednesday
            hits = [h for h in find_dates(text, published, False) if not cut or h.start >= cut.end()]
            hits = [h for h in hits if h.date_end is not None or not h.text.lower().startswith(NOT_WHEN)]
            future = False
        said = any(c.dep_ == "mark" and c.lower_ == "that" for c in cur.children)
        cur = cur.head
        if said and cur.pos_ == "NOUN" and cur.dep_ == "dobj":  # "published a statement on 30 July that ..."
            cur = cur.head
    return []


def _earlier_clause(verb: Any) -> bool:
    """A clause of what happened at another time than the act it is attached to ('after X fled', 'before the vote')."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in verb.children)


FUTURE_AUX = {"will", "would", "shall", "'ll"}


def _prospective(trigger: Any) -> bool:
    """'The summit would take place in the autumn': its clause speaks of what is to come."""
    verb = verb_of(trigger)
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


SPAN = re.compile(r"\b(two|three|four|five|2|3|4|5)-day\b", re.IGNORECASE)
SPAN_DAYS = {"two": 2, "three": 3, "four": 4, "five": 5}
ENDING = {"end", "wrap", "conclude", "close", "finish", "complete"}


def event_date(text: str, parse: Any, trigger: Any, published: dt.date | None, future: bool) -> DateHit:
    """The date of the event reported by ``trigger``: a date in its own clause, else none.

    "ended a two-day summit on Friday": the summit ran from Thursday to Friday.
    """
    if trigger is None:
        hits = find_dates(text, published, future)
        return hits[0] if hits else DateHit()
    future = future or _prospective(trigger)
    gap = elapsed(trigger)
    if gap is not None:  # "two and a half years after fighting killed dozens"
        return _elapsed_date(text, trigger, gap, published, future)
    own = noun_phrase(trigger) if trigger.pos_ in ("NOUN", "PROPN") else set()
    if any(any(a <= i < b for i in own) for a, b in _unresolved(text, published)):
        return DateHit(precision=ELSEWHEN)  # "the mutiny in June" with no year known: its own time, unknown
    pool = clause_dates(text, trigger, published, future)
    if not pool and any(since_event(c) for c in verb_of(trigger).children):
        return DateHit(precision=ELSEWHEN)  # "since the attack, Moscow has tightened ...": a stretch of time
    if not pool and _earlier_clause(verb_of(trigger)):
        return DateHit(precision=ELSEWHEN)  # "ordered a call-up after 1,000 soldiers fled": before, but when?
    if not pool:
        return DateHit()
    pos = trigger.idx
    hit = min(pool, key=lambda h: abs(h.start - pos))
    if not future and published is not None and hit.text.lower() in _tables()[1] and present_tense(trigger):
        day = _weekday(hit.text, published, True)  # "the talks continue on Friday": the coming Friday
        hit = DateHit(day, None, "day", hit.start, hit.end, hit.text)
    span = SPAN.search(text)
    if (
        span
        and hit.precision == "day"
        and hit.date_end is None
        and trigger.lemma_.lower() in ENDING
        and hit.date.year > 1
    ):
        days = SPAN_DAYS.get(span.group(1).lower()) or int(span.group(1))
        start = hit.date - dt.timedelta(days=days - 1)
        return DateHit(start, hit.date, "day", hit.start, hit.end, hit.text)
    return hit


def named_years(text: str) -> dict[int, int]:
    """The months ``text`` names with a year ('the clashes of September 2022'): month -> year."""
    months = _tables()[0]
    alt = "|".join(sorted(months, key=len, reverse=True))
    found: dict[int, int] = {}
    for mt in re.finditer(rf"\b({alt})\.?(?: \d{{1,2}}(?:st|nd|rd|th)?)?,? (\d{{4}})\b", text, re.IGNORECASE):
        found[months[mt.group(1).lower()]] = int(mt.group(2))
    return found


def names_month(text: str) -> bool:
    """Whether a date expression names a calendar month ('14 September', 'in June'), not a relative day."""
    months = _tables()[0]
    if re.search(r"\b(?:last|next|this|ago|later|earlier)\b", text, re.IGNORECASE):
        return False
    return any(w.lower().rstrip(".") in months for w in re.findall(r"[A-Za-z.]+", text))


def in_named_year(hit: DateHit, named: dict[int, int]) -> DateHit:
    """A month or day named without a year takes the year the text last gave that month.

    'The talks intensified after the clashes of September 2022. In that fighting, which began on
    14 September, ...': 14 September 2022, not the September before publication.
    """
    if hit.date is None or hit.precision not in ("day", "month") or re.search(r"\d{4}", hit.text):
        return hit
    if not names_month(hit.text):
        return hit  # "on Friday", "the next day": counted from the publication date
    year = named.get(hit.date.month)
    if year is None or year == hit.date.year:
        return hit
    shift = year - hit.date.year
    start = _safe(year, hit.date.month, hit.date.day)
    end = _safe(hit.date_end.year + shift, hit.date_end.month, hit.date_end.day) if hit.date_end else None
    if start is None or (hit.date_end is not None and end is None):
        return hit
    return DateHit(start, end, hit.precision, hit.start, hit.end, hit.text)


ELSEWHEN = "elsewhen"  # told as another time than its clause's, its day unknown: no story date either


def _elapsed_date(text: str, trigger: Any, gap: tuple[Any, ...], published: dt.date | None, future: bool) -> DateHit:
    """A date of its own ('after X signed on 13 March'), else the clause's date moved by the length."""
    head, direction, days, precision, rough = gap
    own = noun_phrase(trigger) if trigger.pos_ in ("NOUN", "PROPN") else clause(verb_of(trigger))
    cut = DATELINE.match(text)
    hits = [h for h in find_dates(text, published, future) if not cut or h.start >= cut.end()]
    mine = [h for h in hits if any(h.start <= i < h.end for i in own)]
    if mine:
        return min(mine, key=lambda h: abs(h.start - trigger.idx))
    base = clause_dates(text, head, published, future)
    hit = min(base, key=lambda h: abs(h.start - head.idx)) if base else None
    if hit is None or hit.date is None or hit.precision not in ("day", "month"):
        return DateHit(precision=ELSEWHEN)
    moved = shifted(hit.date, direction, days, precision, rough)
    if moved is None:
        return DateHit(precision=ELSEWHEN)
    return DateHit(moved[0], None, moved[1], hit.start, hit.end, hit.text)
