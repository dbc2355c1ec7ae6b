"""Who did it and to whom, when the clause does not say: the story's actors stand in.

``Resolver.source`` and ``Resolver.target`` complete the sides the parse gives
(``participants.sides``): a pronoun or group phrase ("they", "the leaders", "both sides", "the
Secretary"), a passive without agent ("a memorandum was signed", "516 people were detained, the
authorities said"), a home affair with no doer named (the story's country), a summit attended
(its organisation, host and country), "X and Y met" (X the source, Y the target), and an act with
no target named (the story's counterpart of the doer).
"""

from __future__ import annotations

import logging
from typing import Any

from greatgame.events.anaphora import sentence_antecedent
from greatgame.events.frames import (
    chaired_by,
    meeting_object,
    meeting_subject,
    own_body,
    passive,
    sends,
    the_country,
    the_countrys_own,
    their_own,
    two_sided,
)
from greatgame.events.home_sides import domestic_source, home_target, opponent
from greatgame.events.implicit import (
    arrangement_subject,
    care_source,
    complement_target,
    deontic_source,
    fought_with_side,
    neighbouring_country,
    population_source,
    population_target,
    possessor_target,
    topic_source,
)
from greatgame.events.lexicon import Lexicon
from greatgame.events.mutual import MEETING_NOUNS, MEETING_VERBS, SYMMETRIC, not_a_place, reciprocal
from greatgame.events.noun_sides import held_in
from greatgame.events.participants import GROUP_WORDS, PAIR_WORDS, PRONOUNS, SentenceActors, Side
from greatgame.events.places import clause_place, visited_place
from greatgame.events.story import Story
from greatgame.events.syntax import child, counted_words, prep_object_governor
from greatgame.events.triggers import Trigger, content_type, lemma
from greatgame.events.unnamed import aimed_at_place, judged_place, story_fight_source, story_noun_source
from greatgame.models import Document, Event

logger = logging.getLogger(__name__)

DOMESTIC = {"PROTEST", "COERCE", "CONCEDE", "INVESTIGATE", "DEMAND", "REJECT", "ASSAULT", "FIGHT", "RETREAT",
            "MOBILIZE"}  # fmt: skip
POLICING = {"COERCE", "INVESTIGATE"}  # done by the state where it happens, whoever it is done to
CHOOSING = {"select", "choose", "pick", "shortlist"}  # a tender decided by the state of the story
JUDGING = {"SUPPORT", "DISAPPROVE"}
HOSTILE = {"THREATEN", "ASSAULT", "FIGHT", "COERCE", "SANCTION"}
HOME_TARGET = (DOMESTIC - {"DEMAND", "REJECT"}) | {"AID"}  # no target named: the doer's own country
ORG_WORDS = {"bloc", "alliance", "organisation", "organization", "commonwealth", "union"}
MOVEMENT_WORDS = {"movement", "militants", "insurgents", "rebels", "group's", "militia"}
TITLE_WORDS = {"secretary", "president", "minister", "premier", "chancellor", "king", "emir", "envoy"}
ATTEND_VERBS = {"attend", "participate", "take", "join", "represent"}


class Resolver:
    """Completes the sides of triggers from the story (one per coder; reset for each document)."""

    def __init__(self, catalogue: Any, lex: Lexicon):
        self.catalogue = catalogue
        self.lex = lex
        self.story = Story()
        self.last_person: str | None = None
        self.last_group: str | None = None
        self.people: list[str] = []  # people of the story, most recently mentioned first
        self.roles: dict[str, str | None] = {}
        self.today: Any = None  # the publication day of the document being coded
        self.prev: list[Event] = []  # the events of the sentence before (or of this one so far)

    def source(self, trig: Trigger, sa: SentenceActors, src: Side, subj: Any, said: tuple[list[str], Any],
               prev: list[Event], place: Any, tgt: Side, doc: Document) -> Side:  # fmt: skip
        """The doer of the event when the parse found none (an empty Side: no event)."""
        spk, spk_verb = said
        self.today = doc.meta.published
        self.prev = prev
        if not src and trig.kind == "deontic":
            src = deontic_source(trig.token, sa, spk)
        if not src and trig.kind == "adj" and trig.pattern.judgement:
            src = Side(list(spk), "speaker")
            said_by = child(spk_verb, "nsubj") if spk_verb is not None and not src else None
            src = self._resolve(said_by, spk, prev) if said_by is not None else src  # "the two leaders said"
        if not src and subj is not None:  # "As for Dushanbe, it has ..."
            src = topic_source(subj, sa)
        if not src and subj is not None:
            src = self._resolve(subj, spk, prev, sa)
        if not src and subj is not None and spk_verb is not None and arrangement_subject(subj, sa):
            said_by = child(spk_verb, "nsubj")  # "X said the partnership would bring investment to Y": X's promise
            src = Side(list(spk), "speaker") if spk else self._resolve(said_by, [], prev, sa) if said_by is not None else src
        if not src and subj is not None:  # "voters approved the plant"
            here = [place.country] if place is not None and place.country else self.story.where()
            src = population_source(subj, sa, here, trig.token)
        if (
            not src and trig.token.dep_ == "conj" and trig.token.head.dep_ == "ccomp"
        ):  # "He claimed X, and thanked Y"
            outer = child(trig.token.head.head, "nsubj")
            src = Side(sa.np_with_conj(outer), "parse") if outer is not None else src
        holder = prep_object_governor(trig.token) if not src else None
        voter = child(holder, "nsubj") if holder is not None else None
        if voter is not None and lemma(holder) in self.lex.modality["abstention_heads"]:
            src = Side(sa.np_with_conj(voter), "parse")  # "X abstained on votes condemning Y": X
        if not src and trig.type == "CONSULT":  # "held under the chairmanship of X", "received by X"
            chair = chaired_by(trig.token)
            ids = sa.np_with_conj(chair) if chair is not None else []
            src = Side(ids, "parse") if ids else src
        if not src and passive(trig.token):
            src = self._passive_source(trig, spk, spk_verb)
        org = self.story.org or self.story.meeting_bloc(list(sa.by_token.values()))  # not one named in passing
        if not src and trig.kind == "noun" and meeting_subject(trig.token) and org:
            src = Side([org], "group")  # "the next summit is due in Bishkek"
        if not src:  # "construction could begin", "talks will continue": the speaker's, else the story's country
            src = story_noun_source(trig, sa, spk if spk_verb is not None and spk_verb.lower_ != "according" else [],
                                    self.story.home)
        if not src:  # "after the fighting", "a dispute that led to clashes in 2021"
            src = story_fight_source(trig, sa, self.story.fights, self.story.pair(), lambda a: self.country(a, doc))
        if not src and trig.type == "FIGHT" and tgt:  # "Bishkek cancelled ... after clashes with Dushanbe"
            src = fought_with_side(trig.token, tgt.ids, sa, lambda a: self.country(a, doc))
        if not src and trig.kind == "noun" and trig.token.dep_ == "pobj" and held_in(trig.token) is None:
            return Side([], "none")  # "on the war in Ukraine": background, nobody's act
        if not src and place is not None and place.country and trig.type in DOMESTIC:
            src = Side([place.country], "place")
        if not src and trig.type in POLICING and self.story.where() and passive(trig.token):
            src = Side(self.story.where()[:1], "place")  # "four Tajik citizens were arrested": the police there
        if not src and tgt:  # "100,000 people on the Kyrgyz side were evacuated": by their own state
            src = care_source(trig.token, tgt.ids, lambda a: self.country(a, doc))
        if not src and lemma(trig.token) in CHOOSING and self.story.home and passive(trig.token):
            src = Side([self.story.home], "place")  # "the other bidders were not selected": by the state
        if not src and trig.type in DOMESTIC:
            src = domestic_source(tgt, sa, self.story, lambda a: self.country(a, doc), trig.type == "FIGHT")
        return src

    def target(
        self, trig: Trigger, src: Side, tgt: Side, place: Any, doc: Document, sa: SentenceActors | None = None
    ) -> tuple[Side, Side, Any]:
        """Source, target and place once the target is completed (see the module docstring)."""
        if tgt.how == "anaphor":  # "the men were detained": the people of the event before
            tgt = self._people_before(tgt)
        bodies = set(src.ids) | self._own_blocs(src.ids, doc) if trig.type not in HOME_TARGET | DOMESTIC else set(src.ids)
        tgt = Side([a for a in tgt.ids if a not in bodies], tgt.how)  # von der Leyen's act is not aimed at the EU
        own_place = clause_place(trig.token, sa, self.catalogue) if sa is not None else None
        place = own_place or place  # "officials in Baku said the summit would be held in Bishkek"
        attending = trig.type == "CONSULT" and lemma(trig.token) in ATTEND_VERBS
        if attending and not tgt:  # "X and Y took part": in the meeting, not with each other
            tgt = self._meeting_target(trig, src, place, doc, sa.by_token.values() if sa else ())
        people_states = {self.country(a, doc) for a in src.ids if a.islower()}
        if len(src.ids) > 1 and people_states:  # "Turkmen President X and Uzbek President Y": the people
            src = Side([a for a in src.ids if a.islower() or a not in people_states], src.how)
        if sa is not None:  # "X and Y met at a summit in Z": not with Z
            tgt = not_a_place(trig, src, tgt, sa)
        src, tgt = reciprocal(trig, src, tgt)
        if not tgt and src.how == "people" and trig.type == "AID":  # "people ... were evacuated": at home
            tgt = Side(list(src.ids), "place")
        if not tgt:
            tgt = self._group_target(trig, src)
        if trig.type == "CONSULT" and not tgt:
            tgt = self._meeting_target(trig, src, place, doc, sa.by_token.values() if sa else ())
        if trig.type == "CONSULT" and tgt and attending and meeting_object(trig.token):
            org = self.story.meeting_org  # "joined the leaders at the meeting": of the story's bloc
            if org and org not in src.ids + tgt.ids:
                tgt = Side([*tgt.ids, org], tgt.how)
        if trig.type == "CONSULT" and not tgt and trig.kind == "noun" and place is not None:
            if place.country and place.country not in src.ids:  # "the next summit is due in Moscow"
                tgt = Side([place.country], "place")
        if trig.type == "CONSULT" and not tgt:
            visited = visited_place(trig.token, self.catalogue)
            if visited is not None:
                place = visited
                if visited.country and visited.country not in src.ids:
                    tgt = Side([visited.country], "parse")
        countries = [c for c in (self.country(a, doc) for a in src.ids) if c] + self.offices(src.ids, doc)
        if sa is not None:  # "Pakistan President X": his own state, whatever the catalogue knows of him
            countries += [sa.person_country[a] for a in src.ids if a in sa.person_country]
        if not tgt and two_sided(trig) and sa is not None and self._all_states(src.ids):
            clash = trig.kind == "noun" or lemma(trig.token) in SYMMETRIC
            tgt = opponent(src, countries, sa, self.story, lambda a: self.country(a, doc), clash)
        if not tgt and trig.type in JUDGING and len(src.ids) > 1 and their_own(trig.token):
            tgt = Side(list(dict.fromkeys(countries or src.ids)), "reciprocal")  # "praised their partnership"
        if not tgt and trig.type in JUDGING:
            tgt = judged_place(trig, self.catalogue, countries)
        if not tgt and trig.kind == "verb" and sa is not None:  # "questioned why Kazakhstan needed ..."
            tgt = complement_target(trig.token, sa, src.ids)
        if not tgt and src.how == "people":  # "voters approved the plant": a home affair
            tgt = Side(list(src.ids), "place")
        if not tgt and trig.kind == "verb" and sa is not None:  # "rejected talks with the protesters"
            tgt = population_target(trig.token, sa, countries or self.story.where())
        if not tgt and trig.kind == "verb" and sa is not None:  # "pressed an offensive across the neighbouring country"
            mine = set(src.ids) | {self.story.home} | {c for a in src.ids if self._all_states([a]) for c in [self.country(a, doc)]}
            tgt = neighbouring_country(trig.token, sa, mine, lambda a: self.country(a, doc))
        if not tgt and trig.type in HOSTILE:  # "use the missile against decision-making centres in Kyiv"
            tgt = aimed_at_place(trig, self.catalogue, countries)
        if not tgt and trig.kind == "verb" and sa is not None:  # "Afghanistan's neighbours tightened their borders"
            tgt = possessor_target(trig.token, sa, src.ids)
        if not tgt and self._all_states(src.ids) and the_countrys_own(trig.token):
            tgt = Side(src.ids[:1], "place")  # "voters backed building the country's first dam"
        home = self.story.home
        if not tgt and home and home not in src.ids + countries and sends(trig, self.lex):
            tgt = Side([home], "story")  # "the bloc would send troops" in a story from Almaty: to Kazakhstan
        if not tgt and trig.type not in HOME_TARGET and not self._collective(src):
            bilateral = any(t.lower_ == "bilateral" for t in trig.token.sent)
            tgt = Side(self.story.counterpart(src.ids, countries, bilateral), "story")
        if not tgt and (
            trig.type in HOME_TARGET | DOMESTIC
            or (trig.intent and content_type(trig.content, self.lex) in HOME_TARGET)
        ):
            home = self.story.home if len(doc.sentences) > 1 else None
            tgt = home_target(trig, src, place, self.story, home, sa, lambda a: self.country(a, doc))
        return src, tgt, place

    def _people_before(self, tgt: Side) -> Side:
        """The people the latest event before acted on ('ordered the four to be held'), else ``tgt`` as parsed."""
        for ev in reversed(self.prev):
            people = [a.id for a in ev.target if a.kind == "person"]
            if people:
                return Side(people, "parse")
        return Side(tgt.ids, "parse" if tgt.ids else "none")

    def _collective(self, src: Side) -> bool:
        """'The leaders signed a declaration': the bloc and its members act together, aimed at no one."""
        org = self.story.org or self.story.meeting_org
        return src.how == "group" or (org in src.ids and len(src.ids) > 1)

    def _all_states(self, ids: list[str]) -> bool:
        kinds = {getattr(self.catalogue.get(a), "kind", None) for a in ids}
        return bool(ids) and kinds <= {"state", "person"}

    def _own_blocs(self, ids: list[str], doc: Document) -> set[str]:
        """The organisations the people among ``ids`` head or serve: whom they speak for."""
        return {o for o in self.offices(ids, doc) if getattr(self.catalogue.get(o), "kind", None) == "igo"}

    def offices(self, ids: list[str], doc: Document) -> list[str]:
        """The states and organisations the people among ``ids`` hold office in (on publication day)."""
        out: list[str] = []
        for a in ids:
            try:
                out += [o.of for o in self.catalogue.offices_of(a, doc.meta.published) if o.of]
            except (AttributeError, TypeError):
                continue
        return out

    def titled(self, words: set[str]) -> list[str]:
        """The story's person a bare title ('the Secretary') names: one whose office has that word."""
        for person in self.people:
            role = (self.roles.get(person) or "").lower()
            if words & TITLE_WORDS & set(role.replace(",", " ").split()):
                return [person]
        return [self.last_person] if self.last_person else []

    def _passive_source(self, trig: Trigger, spk: list[str], spk_verb: Any) -> Side:
        """'516 people had been detained, the authorities said'; 'a memorandum was signed'."""
        if spk and spk_verb is not None and spk_verb.lower_ != "according":  # a cited source is no doer
            return Side(list(spk), "speaker")
        if trig.type in ("AGREE", "CONSULT") and self.story.group():
            return Side(self.story.group(), "group")
        return Side([], "none")

    def _resolve(self, subj: Any, spk: list[str], prev: list[Event], sa: SentenceActors | None = None) -> Side:
        """A pronoun or a group phrase ('the leaders', 'both sides') as a subject: whom it names."""
        nested = {t.i for c in subj.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        words = counted_words(t for t in subj.subtree if t.i not in nested)
        if subj.lower_ in ("we", "i") and not spk:  # the writer, not an actor of the story
            return Side([], "none")
        if subj.lower_ in PRONOUNS or own_body(subj):  # "X said it / the company would deliver"
            if spk:
                return Side(list(spk), "pronoun")
            inside = sentence_antecedent(subj, sa) if sa is not None else []
            if inside:  # "Uzbekistan is not a member of the CSTO, which it left": Uzbekistan
                return Side(inside, "pronoun")
            if prev:
                return Side([a.id for a in prev[-1].source], "pronoun")
        if spk and the_country(subj):  # "Tokayev said the country would pick ...": his, in a story of his country
            own = {self.catalogue.country_of(a) or a for a in spk}
            if self.story.home is None or self.story.home in own:
                return Side(list(spk), "pronoun")
        if subj.lower_ in MEETING_NOUNS and self.story.org:  # "the next summit will be held in X"
            return Side([self.story.org], "group")
        if words & PAIR_WORDS and self.story.pair():
            return Side(self._bodies(self.story.pair()), "pair")
        if words & GROUP_WORDS and self.story.group():
            return Side(self.story.group(), "pair" if not self.story.bloc() else "group")
        if words & TITLE_WORDS and self.titled(words):  # "the Secretary will meet ...": the story's person
            return Side(self.titled(words), "pronoun")
        if words & (GROUP_WORDS | PAIR_WORDS) and prev:
            ids = [a.id for a in prev[-1].source] + [a.id for a in prev[-1].target]
            return Side(list(dict.fromkeys(ids)), "group")
        return Side([], "none")

    def _bodies(self, ids: list[str]) -> list[str]:
        """'The two sides' of a meeting of officials: the body each one speaks for when it is no state."""
        out = []
        for a in ids:
            try:
                held = [o.of for o in self.catalogue.offices_of(a, self.today) if o.of]
            except (AttributeError, TypeError):
                held = []
            offices = [o for o in held if getattr(self.catalogue.get(o), "kind", None) == "igo"]
            out.append(offices[0] if a.islower() and offices else a)
        return list(dict.fromkeys(out))

    def _group_target(self, trig: Trigger, src: Side) -> Side:
        """An object that names no actor but points at one.

        'urged both sides', 'asked the bloc', 'talks with the movement'.
        """
        tok = trig.token
        objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
        objs += [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        for obj in objs:
            words = counted_words(obj.subtree)
            if obj.lower_ in PRONOUNS:
                continue
            if words & PAIR_WORDS and self.story.pair():
                ids = self.story.pair()
            elif words & ORG_WORDS and self.story.org:
                ids = [self.story.org]
            elif words & MOVEMENT_WORDS and self.last_group:
                ids = [self.last_group]
            else:
                continue
            ids = [a for a in ids if a not in src.ids]
            if ids:
                return Side(ids, "group")
        return Side([], "none")

    def _meeting_target(self, trig: Trigger, src: Side, place: Any, doc: Document, named: Any = ()) -> Side:
        """Attending or hosting a meeting with no named counterpart.

        The story's organisation, its host, and the country it is held in (when the attendee is a
        guest there).
        """
        tok = trig.token
        if lemma(tok) not in MEETING_VERBS and not meeting_object(tok):
            return Side([], "none")
        bloc = self.story.meeting_bloc(list(named))
        ids = [bloc] if bloc else []
        mine = {self.country(a, doc) for a in src.ids} | set(src.ids)
        venue = place.country if place is not None and place.country else self.story.home
        if lemma(tok) != "host":  # the story's host, unless this meeting is held in another country
            held = place.country if place is not None else None
            ids += [h for h in self.story.host if not held or (self.country(h, doc) or h) == held]
        if venue and venue not in mine and lemma(tok) != "host":  # the dateline's country hosts it
            ids.append(venue)
        ids = [a for a in dict.fromkeys(ids) if a not in src.ids]
        return Side(ids, "story" if ids else "none")

    def country(self, actor_id: str, doc: Document) -> str | None:
        """The country of an actor on the publication day."""
        try:
            return self.catalogue.country_of(actor_id, on=doc.meta.published)
        except TypeError:
            return self.catalogue.country_of(actor_id)
