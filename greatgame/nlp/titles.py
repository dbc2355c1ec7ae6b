"""Reading office titles.

Examples: "Russian Defence Minister Andrey Belousov", "the Uzbek Foreign Minister",
"President of Uzbekistan", "Secretary of State Antony Blinken", "the minister".

A title gives an office kind (``catalogue.office_kind``) and, from a demonym, a state or
organisation before it ("Kazakh", "Russia's", "CSTO") or an "of X" after it, the office holder's
state or organisation. A name after the title is the person; without one the person is whoever
held that office on the document's date, or - with no country given - the last person mentioned
who held an office of that kind. A qualifier ("Deputy", "former", "acting") stops the
holder look-up: "the former president" is not the president of the day.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from greatgame.nlp import names
from greatgame.nlp.context import Context, NewPerson, Offices, kind_matches
from greatgame.nlp.ruler import ACTORS, TITLES, fold

logger = logging.getLogger(__name__)


@dataclass
class Title:
    """One title occurrence: office kind, whose office, where it starts, whether it is qualified."""

    kind: str
    of: str | None
    left: int
    end: int
    qualified: bool
    role: str
    demonym: bool = False
    has_the: bool = False
    indefinite: bool = False  # "a Taliban spokesman": someone, not the holder
    appositive: bool = False  # "Zamir Kabulov, the Kremlin's special envoy": the person just named


class TitleReader:
    """Finds title constructions in a sentence and makes person candidates of them."""

    def __init__(self, catalogue, ruler, offices: Offices):
        self.cat = catalogue
        self.ruler = ruler
        self.offices = offices

    def read(self, tdoc, a: int, b: int, spans, consumed: set[int], person_tokens=frozenset()) -> list:
        """Person candidates for every title in ``tdoc[a:b]``; marks the tokens they use."""
        from greatgame.nlp.linking import Found

        by_start = {s.start: s for s in spans[ACTORS]}
        by_end = {s.end: s for s in spans[ACTORS]}
        founds = []
        for tspan in spans[TITLES]:
            if tspan.start in consumed or (tspan.start in person_tokens and tspan.end in person_tokens):
                continue  # the "title" starts a name the NER found: "Amir Khan Muttaqi"
            title = self._title(tdoc, a, b, tspan, by_end, by_start)
            found = self._named(tdoc, title.end, b, title, by_start)
            if found is None:
                if title.of is None and not title.has_the:
                    continue
                found = Found(title.left, tspan.end, "title", self._by_title(title), "PERSON")
            consumed.update(range(title.left, tspan.end))
            consumed.update(range(found.start, found.end))
            founds.append(found)
        return founds

    # ------------------------------------------------------------------ parsing the title
    def _title(self, tdoc, a, b, tspan, by_end, by_start) -> Title:
        kind = self.ruler.title_kind(tspan)
        j, qualified = self._qualifiers(tdoc, a, tspan.start)
        role = tdoc[j : tspan.end].text
        of, outer, demonym = None, j, False
        mod = by_end.get(j)
        if mod is not None and self._org_or_state(mod):
            hit = self._org_or_state(mod)
            of, outer, demonym = hit.actor_id, mod.start, hit.how == "demonym"
        elif j - 1 > a and tdoc[j - 1].text in ("'s", "’s") and self._org_or_state(by_end.get(j - 1)):
            of, outer = self._org_or_state(by_end[j - 1]).actor_id, by_end[j - 1].start
        end = tspan.end
        if of is None and end + 1 < b and tdoc[end].lower_ == "of":
            k = end + 1 + (tdoc[end + 1].lower_ == "the")
            obj = by_start.get(k) or by_start.get(end + 1)
            if obj is not None and self._org_or_state(obj):
                of, end = self._org_or_state(obj).actor_id, obj.end
        outer, q2 = self._qualifiers(tdoc, a, outer)
        det = tdoc[outer - 1].lower_ if outer > a else ""
        before = outer - 1 - (det in ("the", "a", "an"))
        appositive = before >= a and tdoc[before].text == ","
        return Title(
            kind, of, j, end, qualified or q2, role, demonym, det == "the", det in ("a", "an"), appositive
        )

    @staticmethod
    def _qualifiers(tdoc, a, j) -> tuple[int, bool]:
        qualified = False
        while j - 1 >= a and tdoc[j - 1].lower_ in names.QUALIFIERS:
            j -= 1
            qualified = True
        return j, qualified

    def _org_or_state(self, span):
        if span is None:
            return None
        for hit in self.ruler.hits(span):
            entry = self.cat.get(hit.actor_id)
            if entry is not None and entry.kind != "person" and hit.how not in ("capital", "surname"):
                return hit
        return None

    # ------------------------------------------------------------------ the name after it
    def _named(self, tdoc, k, b, title: Title, by_start):
        if k >= b:
            return None
        if tdoc[k].text == "," and k + 1 < b:  # "the president, Shavkat Mirziyoyev, said"
            found = self._named(tdoc, k + 1, b, title, by_start)
            if found is not None:
                return found
            return None
        span = by_start.get(k)
        end = names.name_run(tdoc, k, b)
        if span is not None:
            hits = [h for h in self.ruler.hits(span) if self._is_person(h.actor_id)]
            if not hits:
                return None
            if not (all(h.how == "surname" for h in hits) and end > span.end):
                return self._catalogue_person(span, hits, title)
        if end == k:
            return None
        return self.person_from_name(tdoc, k, end, title.of, title.kind, title.role)

    def _catalogue_person(self, span, hits, title: Title):
        from greatgame.nlp.linking import Found

        ids = [h.actor_id for h in hits]
        how = "coref" if all(h.how == "surname" for h in hits) else "name"

        def resolve(ctx: Context, s: int) -> str | None:
            return self.by_surname(ids, ctx, title.of, title.kind)

        return Found(span.start, span.end, how, resolve, "PERSON")

    def person_from_name(self, tdoc, start, end, of, kind, role):
        """A candidate for the name ``tdoc[start:end]``: catalogue person, back-reference or new person."""
        from greatgame.nlp.linking import Found

        words = [t.text for t in tdoc[start:end] if names.is_name_word(t)]
        text = " ".join(tdoc[start:end].text.split())
        if len(words) < 2:
            key = fold(words[0]) if words else ""
            return Found(start, end, "coref", lambda ctx, s: ctx.surnames.get(key), "PERSON")
        known = self._known_by_surname(words)
        if known is not None:
            return Found(start, end, "name", lambda ctx, s: known, "PERSON")
        country = self._country(of)
        person = NewPerson(names.slug(text), text, country, role if kind else None, {kind} if kind else set())

        def resolve(ctx: Context, s: int) -> str:
            return ctx.add_new_person(
                NewPerson(person.id, person.name, person.country, person.role, set(person.kinds))
            ).id

        return Found(start, end, "name", resolve, "PERSON")

    def _known_by_surname(self, words: list[str]) -> str | None:
        """A catalogue person whose surname is the last word and whose first name is the first word."""
        first = fold(words[0])
        for hit in self.cat.lookup(words[-1]):
            if hit.how != "surname":
                continue
            entry = self.cat.get(hit.actor_id)
            if entry is None:
                continue
            firsts = {fold(n.split()[0]) for n in [entry.name, *entry.aliases] if n.split()}
            if first in firsts:
                return entry.id
        return None

    def _country(self, of: str | None) -> str | None:
        if of is None:
            return None
        entry = self.cat.get(of)
        if entry is None:
            return None
        return of if entry.kind == "state" else entry.country

    def _is_person(self, actor_id: str) -> bool:
        entry = self.cat.get(actor_id)
        return entry is not None and entry.kind == "person"

    # ------------------------------------------------------------------ resolution
    def _by_title(self, title: Title):
        def resolve(ctx: Context, s: int) -> str | None:
            if title.appositive:
                return ctx.last_person(s, reach=0)
            if title.qualified or title.indefinite:
                return None
            if title.of is not None:
                entry = self.offices.holder(title.of, title.kind, ctx.date)
                if entry is not None:
                    return entry.id
                return ctx.last_person(s, accept=lambda pid: self._person_country(pid, ctx) == title.of)
            return ctx.last_person(s, accept=lambda pid: kind_matches(title.kind, self._kinds(pid, ctx)))

        return resolve

    def by_surname(self, ids: list[str], ctx: Context, of=None, kind=None) -> str | None:
        """Pick one of the catalogue people sharing a surname (title, context, date, uniqueness)."""
        if kind is not None:
            if of is not None:
                holder = self.offices.holder(of, kind, ctx.date)
                if holder is not None and holder.id in ids:
                    return holder.id
            fitting = [i for i in ids if kind_matches(kind, self._kinds(i, ctx))]
            if len(set(fitting)) == 1:
                return fitting[0]
        for pid, _ in reversed(ctx.persons):
            if pid in ids:
                return pid
        if ctx.date is not None:
            active = {i for i in ids if self.offices.kinds(i, ctx.date)}
            if len(active) == 1:
                return active.pop()
        return ids[0] if len(set(ids)) == 1 else None

    def _kinds(self, pid: str, ctx: Context) -> set[str]:
        person = ctx.new_people.get(pid)
        if person is not None:
            return person.kinds
        return self.offices.kinds(pid, ctx.date)

    def _person_country(self, pid: str, ctx: Context) -> str | None:
        person = ctx.new_people.get(pid)
        if person is not None:
            return person.country
        return self.cat.country_of(pid, on=ctx.date)
