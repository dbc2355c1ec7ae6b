"""Linking: turns catalogue matches, office titles and NER persons into mentions and actors.

Works on the tokenizer-only Doc of the whole document (so offsets are document offsets), one
sentence at a time, and resolves back-references (surnames, "the minister", "he") against what
came before. The rules, in brief:

* a catalogue name, alias or acronym links to its actor; a demonym ("Uzbek") to its state, unless
  it introduces a person's title ("Uzbek President Shavkat Mirziyoyev" is one person mention);
* a capital or seat of government stands for the state ("Moscow said", "the Kremlin") unless it is
  used as a place ("in Tashkent", "TASHKENT, July 30", "the Tashkent summit") - then it is an
  entity labelled ``PLACE`` whose ``actor_id`` is the country, as for every catalogue place;
* a title names a person: with a name ("Defence Minister Andrey Belousov"), or alone ("the Uzbek
  Foreign Minister" -> whoever held the office on the publication date; see context.Offices for
  documents without a date), or as a back-reference ("the minister" -> the last person mentioned
  who held such an office);
* people the catalogue does not know become ``person`` actors with a slug id and the country of
  their title; uncatalogued organisations are left out (NER ORG is too noisy for the record).
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from greatgame.models import Actor, EntitySpan, Mention
from greatgame.nlp import names
from greatgame.nlp.context import PRONOUN_REACH, Context, NewPerson, Offices, kind_matches
from greatgame.nlp.resources import lexicon, read_yaml
from greatgame.nlp.ruler import ACTORS, PLACES, TITLES, fold
from greatgame.nlp.titles import TitleReader

logger = logging.getLogger(__name__)

LABELS = {"state": "GPE", "person": "PERSON"}
PERSON_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class Found:
    """A candidate mention in token offsets; ``resolve`` picks its actor once context is known."""

    start: int
    end: int
    how: str
    resolve: Callable[[Context, int], str | None]
    label: str = ""


class Linker:
    """Links the sentences of one document at a time (see the module docstring)."""

    def __init__(self, catalogue, ruler):
        self.cat = catalogue
        self.ruler = ruler
        self.offices = Offices(catalogue)
        self.titles = TitleReader(catalogue, ruler, self.offices)
        self._kind_cache: dict[str, str] = {}

    # ------------------------------------------------------------------ entry point
    def link(self, doc, tdoc, ranges: list[tuple[int, int]]) -> Context:
        """Fill ``doc.mentions``, sentence entities and ``doc.actors``; return the context."""
        ctx = Context(doc.meta.published)
        ctx.doc_orgs = self._doc_orgs(tdoc)
        buckets = self._bucket(tdoc, ranges)
        doc.mentions = []
        for sentence, (a, b) in zip(doc.sentences, ranges, strict=True):
            spans = buckets[sentence.index]
            parse = doc.parses.get(sentence.index)
            founds = self._find(tdoc, a, b, spans, parse, sentence.start, doc)
            entities = self._resolve(tdoc, founds, sentence.index, ctx, doc)
            self._groups(sentence, ctx, doc)
            entities += self._places(tdoc, spans[PLACES])
            entities += [
                EntitySpan(sp.text, "PLACE", sp.start_char, sp.end_char, state)
                for sp, state in spans["place_uses"]
            ]
            entities += self._ner_rest(parse, sentence.start, entities)
            sentence.entities = sorted(entities, key=lambda e: (e.start, e.end))
        doc.actors = self._actors(doc.mentions, ctx)
        return ctx

    def _doc_orgs(self, tdoc) -> Counter:
        orgs: Counter = Counter()
        for span in tdoc.spans[ACTORS]:
            for hit in self.ruler.hits(span):
                entry = self.cat.get(hit.actor_id)
                if entry is not None and entry.kind not in ("state", "person", "other"):
                    orgs[entry.id] += 1
        return orgs

    def _groups(self, sentence, ctx: Context, doc) -> None:
        """Mentions of every member of a named group of states ("the five Central Asian states")."""
        for ids, regex, requires in _group_patterns():
            if requires and requires not in doc.text:
                continue
            for match in regex.finditer(sentence.text):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                for actor_id in ids:
                    doc.mentions.append(
                        Mention(actor_id, start, end, match.group(0), sentence.index, "group")
                    )
                    ctx.states.append(actor_id)

    @staticmethod
    def _bucket(tdoc, ranges):
        sent_of = {}
        for i, (a, b) in enumerate(ranges):
            for t in range(a, b):
                sent_of[t] = i
        buckets = [{ACTORS: [], TITLES: [], PLACES: [], "place_uses": []} for _ in ranges]
        for group in (ACTORS, TITLES, PLACES):
            for span in tdoc.spans[group]:
                i = sent_of.get(span.start)
                if i is not None and sent_of.get(span.end - 1) == i:
                    buckets[i][group].append(span)
        return buckets

    # ------------------------------------------------------------------ finding candidates
    def _find(self, tdoc, a, b, spans, parse, offset, doc) -> list[Found]:
        consumed: set[int] = set()
        founds = self.titles.read(tdoc, a, b, spans, consumed, _person_tokens(tdoc, parse, offset))
        if parse is not None:
            founds += self._ner_people(tdoc, a, b, spans, parse, offset, consumed, doc)
            founds += self._ner_orgs(tdoc, b, spans, parse, offset, consumed)
        other_ents = _org_name_tokens(tdoc, parse, offset)
        for span in spans[ACTORS]:
            if span.start in consumed:
                continue
            found = self._actor_span(tdoc, span, a, spans, other_ents, parse is None)
            if found is not None:
                founds.append(found)
                consumed.update(range(span.start, span.end))
        founds += self._back_refs(tdoc, a, b, spans, parse, offset, consumed)
        return sorted(founds, key=lambda f: (f.start, f.end))

    def _actor_span(self, tdoc, span, a, spans, other_ents=frozenset(), unparsed=False) -> Found | None:
        hits = self.ruler.hits(span)
        hows = {h.how for h in hits}
        if hows == {"surname"}:
            ids, key = [h.actor_id for h in hits], fold(span.text)
            if key in lexicon("linking")["not_names"] or span.start in other_ents:
                return None  # "May" the month, "Nuclear Power" a company: not Theresa May or Samantha Power
            if unparsed and _in_other_name(tdoc, span, a, spans):
                return None  # "by Ibrahim Saidov": another man's full name (the recogniser's job when parsed)

            def resolve(ctx: Context, s: int) -> str | None:
                return ctx.surnames.get(key) or self.titles.by_surname(ids, ctx)

            return Found(span.start, span.end, "coref", resolve, "PERSON")
        hit = _best_hit(hits)
        if hit.how in ("capital", "seat"):
            if names.is_place_use(tdoc, span.start, span.end, a):
                spans["place_uses"].append((span, hit.actor_id))
                return None
            key = fold(span.text)
            return Found(
                span.start, span.end, hit.how, lambda ctx, s: self._seat_of(hit.actor_id, key, ctx), "GPE"
            )
        if names.is_compound(tdoc, span.start, span.end):
            return None
        actor_id = self.canonical(hit.actor_id)
        if actor_id is None:
            return None
        how = hit.how if hit.how in ("name", "alias", "demonym") else "name"
        return Found(span.start, span.end, how, lambda ctx, s, i=actor_id: i, self._label(actor_id))

    def _seat_of(self, state: str, key: str, ctx: Context) -> str:
        """The government a capital stands for: its state, or an organisation.

        Lexicon ``capital_stands_for``: "Brussels" in the news is the EU, not Belgium.
        """
        return lexicon("linking")["capital_stands_for"].get(key, state)

    def canonical(self, actor_id: str) -> str | None:
        """The actor a catalogue entry stands for in the record.

        A national body (kind ``other`` with a country: a ministry, an army, a base) stands for its
        state; a branch with a ``parent`` (the UN Security Council, ISIS-K) for the parent; an
        ``other`` entry without a country (a meeting format such as C5+1) is no actor.
        """
        seen = set()
        while actor_id not in seen:
            seen.add(actor_id)
            entry = self.cat.get(actor_id)
            if entry is None or entry.kind in ("state", "person"):
                return actor_id
            if entry.kind == "other":
                return entry.country
            if entry.parent and self.cat.get(entry.parent) is not None:
                actor_id = entry.parent
                continue
            return actor_id
        return actor_id

    def _ner_people(self, tdoc, a, b, spans, parse, offset, consumed, doc) -> list[Found]:
        founds = []
        taken = [(s.start, s.end) for s in spans[ACTORS] + spans[TITLES] + spans[PLACES]]
        for ent in parse.ents:
            if ent.label_ != "PERSON":
                continue
            span = tdoc.char_span(offset + ent.start_char, offset + ent.end_char, alignment_mode="expand")
            if span is None or any(t in consumed for t in range(span.start, span.end)):
                continue
            if names.name_words(span) < 2:
                continue  # a lone surname: the catalogue or the back-reference pass handles it
            inner = [s for s in spans[ACTORS] if s.start < span.end and span.start < s.end]
            if any(not _inside(s, span) or {h.how for h in self.ruler.hits(s)} != {"surname"} for s in inner):
                continue
            if any(
                s < span.end and span.start < e
                for s, e in taken
                if (s, e) not in {(x.start, x.end) for x in inner}
            ):
                continue
            if names.is_byline(tdoc, span.start, span.end, a, b) or _is_author(span.text, doc):
                consumed.update(range(span.start, span.end))
                continue
            found = self.titles.person_from_name(tdoc, span.start, span.end, None, None, None)
            if found is not None:
                founds.append(found)
                consumed.update(range(span.start, span.end))
        return founds

    def _ner_orgs(self, tdoc, b, spans, parse, offset, consumed) -> list[Found]:
        """Organisations the catalogue lacks, only when the text gives an acronym to use as the id.

        "China National Nuclear Corporation (CNNC)", "South Korea's KHNP".
        """
        founds = []
        taken = {t for s in spans[ACTORS] + spans[TITLES] + spans[PLACES] for t in range(s.start, s.end)}
        for ent in parse.ents:
            if ent.label_ != "ORG":
                continue
            span = tdoc.char_span(offset + ent.start_char, offset + ent.end_char, alignment_mode="expand")
            if span is None or any(t in consumed or t in taken for t in range(span.start, span.end)):
                continue
            acronym = _acronym(span.text)
            name = span.text
            if (
                acronym is None
                and span.end + 2 < b
                and tdoc[span.end].text == "("
                and tdoc[span.end + 2].text == ")"
            ):
                acronym = _acronym(tdoc[span.end + 1].text)
            if acronym is None or self.cat.get(acronym) is not None:
                continue
            country = self._possessor(tdoc, span.start, spans)
            kind = "company" if _COMPANY.search(name) else "other"
            org = NewPerson(acronym, name if name != acronym else acronym, country, None, set(), kind)
            founds.append(
                Found(span.start, span.end, "ner", lambda ctx, s, o=org: ctx.add_new_actor(o).id, "ORG")
            )
            consumed.update(range(span.start, span.end))
        return founds

    def _possessor(self, tdoc, start, spans) -> str | None:
        """The state before "'s" in front of ``start`` ("France's EDF"), or None."""
        if start < 2 or tdoc[start - 1].text not in ("'s", "’s"):
            return None
        for span in spans[ACTORS]:
            if span.end == start - 1:
                for hit in self.ruler.hits(span):
                    if self._kind(hit.actor_id, None) == "state":
                        return hit.actor_id
        return None

    def _back_refs(self, tdoc, a, b, spans, parse, offset, consumed) -> list[Found]:
        founds = []
        pronouns = lexicon("linking")["subject_pronouns"]
        covered = {t for s in spans[ACTORS] + spans[TITLES] + spans[PLACES] for t in range(s.start, s.end)}
        for i in range(a, b):
            if i in consumed or i in covered:
                continue
            tok = tdoc[i]
            if tok.lower_ in pronouns and self._is_subject(tdoc, i, a, parse, offset):
                founds.append(Found(i, i + 1, "coref", _pronoun, "PERSON"))
            elif tok.text[:1].isupper() and names.is_name_word(tok):
                key = fold(tok.text)
                founds.append(Found(i, i + 1, "coref", lambda ctx, s, k=key: ctx.surnames.get(k), "PERSON"))
        return founds

    @staticmethod
    def _is_subject(tdoc, i, a, parse, offset) -> bool:
        if parse is not None:
            tok = next((t for t in parse if t.idx == tdoc[i].idx - offset), None)
            if tok is not None:
                return tok.dep_ in PERSON_DEPS
        prev = tdoc[i - 1].lower_ if i > a else ""
        nxt = tdoc[i + 1].text if i + 1 < len(tdoc) else ""
        return (i == a or prev in lexicon("linking")["pronoun_openers"]) and nxt[:1].islower()

    # ------------------------------------------------------------------ resolving
    def _resolve(self, tdoc, founds, sent_index, ctx, doc) -> list[EntitySpan]:
        entities = []
        last_end = -1
        for found in founds:
            if found.start < last_end:
                continue
            actor_id = found.resolve(ctx, sent_index)
            if actor_id is None:
                continue
            last_end = found.end
            span = tdoc[found.start : found.end]
            start, end = span.start_char, span.end_char
            doc.mentions.append(Mention(actor_id, start, end, span.text, sent_index, found.how))
            self._remember(ctx, actor_id, sent_index)
            if (
                found.how != "coref"
                or found.label != "PERSON"
                or tdoc[found.start].lower_ not in ("he", "she")
            ):
                label = found.label or self._label(actor_id)
                entities.append(EntitySpan(span.text, label, start, end, actor_id))
        return entities

    def _remember(self, ctx: Context, actor_id: str, sent_index: int) -> None:
        kind = self._kind(actor_id, ctx)
        if kind == "person":
            ctx.persons.append((actor_id, sent_index))
        elif kind == "state":
            ctx.states.append(actor_id)
        else:
            ctx.orgs[actor_id] += 1

    def _places(self, tdoc, places) -> list[EntitySpan]:
        out = []
        for span in places:
            place = self.ruler.place(span)
            country = place.country if isinstance(place.country, str) else None
            out.append(EntitySpan(span.text, "PLACE", span.start_char, span.end_char, country))
        return out

    @staticmethod
    def _ner_rest(parse, offset, entities) -> list[EntitySpan]:
        if parse is None:
            return []
        out = []
        for ent in parse.ents:
            start, end = offset + ent.start_char, offset + ent.end_char
            if any(e.start < end and start < e.end for e in entities):
                continue
            out.append(EntitySpan(ent.text, ent.label_, start, end, None))
        return out

    # ------------------------------------------------------------------ actors
    def _kind(self, actor_id: str, ctx: Context | None) -> str:
        if ctx is not None and actor_id in ctx.new_people:
            return ctx.new_people[actor_id].kind
        kind = self._kind_cache.get(actor_id)
        if kind is None:
            entry = self.cat.get(actor_id)
            kind = entry.kind if entry is not None else "other"
            self._kind_cache[actor_id] = kind
        return kind

    def _label(self, actor_id: str) -> str:
        entry = self.cat.get(actor_id)
        return LABELS.get(entry.kind, "ORG") if entry is not None else "ORG"

    def _actors(self, mentions: list[Mention], ctx: Context) -> list[Actor]:
        counts: dict[str, int] = {}
        for m in mentions:
            counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
        actors = []
        for actor_id, n in counts.items():
            person = ctx.new_people.get(actor_id)
            if person is not None:
                actors.append(Actor(person.id, person.name, person.kind, person.country, person.role, n))
                continue
            entry = self.cat.get(actor_id)
            role = self.cat.role_of(actor_id, on=ctx.date) if entry.kind == "person" and ctx.date else None
            country = self.cat.country_of(actor_id, on=ctx.date)
            actors.append(Actor(entry.id, entry.name, entry.kind, country, role, n))
        return actors


@functools.cache
def _group_patterns() -> list[tuple[list[str], re.Pattern, str | None]]:
    return [
        (g["ids"], re.compile(p), g.get("requires")) for g in read_yaml("groups.yaml") for p in g["patterns"]
    ]


_COMPANY = re.compile(
    r"\b(?:Corporation|Corp|Company|Co|Inc|Ltd|LLC|Group|Holding|Holdings|Bank|Energy|Oil|Gas)\b"
)


def _acronym(text: str) -> str | None:
    return text if 2 <= len(text) <= 6 and text.isalpha() and text.isupper() else None


def _org_name_tokens(tdoc, parse, offset) -> frozenset[int]:
    """Tokens inside long organisation names the NER found ("Korea Hydro & Nuclear Power")."""
    if parse is None:
        return frozenset()
    out = set()
    for ent in parse.ents:
        if ent.label_ in ("ORG", "FAC") and len(ent) >= 3 and not any(t.text == "," for t in ent):
            span = tdoc.char_span(offset + ent.start_char, offset + ent.end_char, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
    return frozenset(out)


def _person_tokens(tdoc, parse, offset) -> frozenset[int]:
    return _entity_tokens(tdoc, parse, offset, only="PERSON")


def _entity_tokens(tdoc, parse, offset, only=None, exclude=None) -> frozenset[int]:
    """Tokens (of the document) inside NER entities of a label (or of any label but one)."""
    if parse is None:
        return frozenset()
    out = set()
    for ent in parse.ents:
        if (only is None or ent.label_ == only) and ent.label_ != exclude:
            span = tdoc.char_span(offset + ent.start_char, offset + ent.end_char, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
    return frozenset(out)


def _in_other_name(tdoc, span, a, spans) -> bool:
    """Whether a lone catalogue surname stands next to a name word no catalogue match covers."""
    covered = {t for group in (ACTORS, TITLES, PLACES) for s in spans[group] for t in range(s.start, s.end)}
    around = [i for i in (span.start - 1, span.end) if a <= i < len(tdoc) and i not in covered]
    return any(names.is_name_word(tdoc[i]) and (i > a or i == span.end) for i in around)


def _pronoun(ctx: Context, sent_index: int) -> str | None:
    return ctx.last_person(sent_index, reach=PRONOUN_REACH)


def _best_hit(hits):
    order = {"name": 0, "alias": 1, "acronym": 2, "demonym": 3, "capital": 4, "seat": 5, "surname": 6}
    return min(hits, key=lambda h: order.get(h.how, 9))


def _inside(inner, outer) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _is_author(text: str, doc) -> bool:
    author = doc.meta.author
    return bool(author) and fold(author) == fold(text)


__all__ = ["Linker", "NewPerson", "kind_matches"]
