"""The PLOVER event coder: sentences with actors -> events, statements and sentence roles."""

from __future__ import annotations

import logging
from typing import Any

from greatgame.events import dates as dates_mod
from greatgame.events.anaphora import repeat, same_act_verbs
from greatgame.events.context import event_context
from greatgame.events.date_scope import clause, verb_of
from greatgame.events.dedup import admit
from greatgame.events.distribute import one_each
from greatgame.events.embedded import embedded
from greatgame.events.generic import describes
from greatgame.events.institutions import mark_institutions
from greatgame.events.lexicon import Lexicon, load_lexicon
from greatgame.events.modality import modality, speaker
from greatgame.events.participants import SentenceActors, Side, sides
from greatgame.events.places import catalogue_place, find_place
from greatgame.events.resolve import Resolver
from greatgame.events.roles import EVENT_ROLES, commentary_by_default, sentence_role
from greatgame.events.statements import statements_of
from greatgame.events.story import story_of
from greatgame.events.telling import (
    purpose,
    refused,
    reports_event,
    restated,
    stray_subject,
    tells,
    told_before,
)
from greatgame.events.timeline import carry_dates, date_span_start, story_offset_span
from greatgame.events.triggers import Trigger, find_triggers, lemma, speaker_conj
from greatgame.models import ActorRef, Document, Event, Sentence

logger = logging.getLogger(__name__)

CLAUSE_WEIGHT = {"ROOT": 1.0, "ccomp": 0.95, "conj": 0.8, "parataxis": 0.8, "xcomp": 0.75, "acomp": 0.9,
                 "advcl": 0.45, "relcl": 0.35, "acl": 0.35, "pcomp": 0.4}  # fmt: skip


class Coder:
    """Codes the events of annotated documents (see docs/interfaces.md)."""

    def __init__(self, catalogue: Any, lexicon: Lexicon | None = None):
        self.catalogue = catalogue
        self.lex = lexicon or load_lexicon()
        self.res = Resolver(catalogue, self.lex)
        self.announced: set[int] = set()  # id() of planned events announced in the past
        self._elsewhere: set[int] = set()  # id() of events whose clause lacks the sentence's "the next day"
        self._carriers: dict[int, Event] = {}  # token index -> event coded so far in the sentence
        self._named: dict[int, int] = {}  # months the document has named with a year, month -> year
        self._anchor: Any = None  # the story's first day (stands in for a missing publication date)

    def code(self, doc: Document) -> None:
        """Fill ``doc.events``, ``doc.statements`` and the role of every sentence."""
        doc.events, doc.statements = [], []
        self.announced, self._elsewhere = set(), set()
        actors = {a.id: a for a in doc.actors}
        prev: list[Event] = []
        self.res.story = story_of(doc, self.catalogue)
        self.res.roles = {a.id: a.role for a in doc.actors if a.kind == "person"}
        anchor = None
        self._named, self._anchor = {}, None
        before: list[Any] = []
        people = {a.id for a in doc.actors if a.kind == "person"}
        groups = {a.id for a in doc.actors if a.kind in ("armed_group", "movement", "party")}
        for sent in doc.sentences:
            headline = _is_headline(sent, doc)
            if anchor is None and not headline:
                anchor = dates_mod.anchor_date(sent.text, doc.meta.published)
            self._anchor = anchor
            self._named.update(dates_mod.named_years(sent.text))
            sent.role = sentence_role(sent.text, self.lex, doc.meta.genre)
            parse = doc.parses.get(sent.index)
            if parse is None or headline:  # a headline restates the story
                continue
            mentions = [m for m in doc.mentions if m.sentence == sent.index]
            self.res.last_person = next((m.actor_id for m in reversed(before) if m.actor_id in people), None)
            self.res.people = list(
                dict.fromkeys(m.actor_id for m in reversed(before) if m.actor_id in people)
            )
            self.res.last_group = next((m.actor_id for m in reversed(before) if m.actor_id in groups), None)
            before += mentions
            sa = SentenceActors(
                parse, sent.start, mentions, {a for a in actors if actors[a].kind == "person"}
            )
            mark_institutions(parse, sa, self.res.story.home, self.catalogue, self.res.story.org or self.res.story.meeting_org)
            doc.statements += statements_of(doc, sent, parse, sa, self.catalogue, self.lex)
            narrated = sent.role == "commentary" and commentary_by_default(
                sent.text, self.lex, doc.meta.genre
            )
            unnamed = any(_unnamed(t, self.lex) for t in parse)  # "gunmen opened fire near Moscow"
            if (sent.role not in EVENT_ROLES and not narrated) or not (sa.by_token or prev or unnamed):
                continue
            events = self._code_sentence(doc, sent, parse, sa, prev, actors)
            if narrated and events:  # it tells what happened: a fact, not the author's opinion
                sent.role = "fact"
                for ev in events:
                    ev.sentence_role = "fact"
            for ev in events:
                date_span_start(ev, sent.text, doc.text[sent.end : sent.end + 700])
            carry_dates(
                events,
                doc.events + [e for e in events if e.date is not None],
                anchor,
                sent.text,
                self.announced,
                {k for k in self._elsewhere if k in {id(e) for e in events}},
            )
            doc.events += events
            if events:
                prev = events

    def _code_sentence(self, doc: Document, sent: Sentence, parse: Any, sa: SentenceActors,
                       prev: list[Event], actors: dict[str, Any]) -> list[Event]:  # fmt: skip
        told: list[tuple[Trigger, Event]] = []
        place = find_place(parse, sent, sa, self.catalogue)
        places = {t.i for t in parse if t.pos_ == "PROPN" and catalogue_place(self.catalogue, t.text) is not None}
        triggers = find_triggers(parse, self.lex, set(sa.by_token) | places)
        for trig in triggers:
            if not self._tells_event(trig, triggers, doc, sent, sa):
                continue
            self._carriers = {t.token.i: e for t, e in told}
            ev = self._event(doc, sent, trig, sa, [e for _, e in told] or prev, place, actors)
            if ev is not None:
                self.res.story.remember(ev)  # "X telephoned Y, and the two leaders agreed ..."
                admit(told, (trig, ev), self.lex)  # one event per happening
        out = [e for t, e in told for e in one_each(t, e, self.lex)]
        for verb in same_act_verbs(parse):  # "... and Kyrgyzstan did the same last year"
            last = (out or prev or [None])[-1]
            ev = repeat(last, verb, sa, lambda ids: self._refs(ids, doc, actors, sa)) if last else None
            if ev is not None:
                ev.sentence, ev.sentence_index, ev.char_start, ev.char_end = (
                    sent.text,
                    sent.index,
                    sent.start,
                    sent.end,
                )
                when = self._when(sent.text, verb, doc.meta.published, False)
                ev.date, ev.date_end, ev.date_precision = when.date, when.date_end, when.precision
                out.append(ev)
        return out

    def _tells_event(self, trig: Trigger, triggers: list[Trigger], doc: Document, sent: Sentence,
                     sa: SentenceActors) -> bool:  # fmt: skip
        """Whether the clause of a trigger tells an event of its own (see telling.py and generic.py)."""
        if not reports_event(trig, self.lex, doc.meta.genre) or restated(trig, triggers):
            return False
        if describes(trig, self.lex, sa):  # "The OTS brings together ...": background
            return False
        if embedded(trig, self.lex):  # "if convicted", "whether it planned to ...", "a law adopted in 2024"
            return False
        earlier = {e.type for e in doc.events} | {e.mode for e in doc.events if e.mode}
        if told_before(trig, earlier, self.lex):  # "after the summit": the summit already told
            return False
        return sent.role != "commentary" or tells(trig)  # an opinion, unless it tells what happened

    def _event(self, doc: Document, sent: Sentence, trig: Trigger, sa: SentenceActors,
               prev: list[Event], place: Any, actors: dict[str, Any]) -> Event | None:  # fmt: skip
        src, tgt, subj = sides(trig, sa)
        stray = stray_subject(trig.token) if trig.kind == "verb" else None
        if stray is not None:  # "with Iran signing X and the bloc starting Y": the bloc starts Y
            subj, own = stray, sa.np_with_conj(stray)
            src = Side(own, "parse") if own else Side([], "none")
        if not src and not tgt:
            src, tgt, subj = _sides_of_carrier(trig, sa, self._carriers) or (src, tgt, subj)
        if not src and trig.kind == "verb" and _infinitive_on_noun(trig.token):  # "the decision to grant X"
            src = self._decider(trig.token, sa) or src
        if not src and trig.kind == "verb" and purpose(trig.token):  # "a decision was adopted to admit X"
            carrier = self._carriers.get(trig.token.head.i)
            if carrier is not None and carrier.source:
                src = Side([a.id for a in carrier.source], "parse")
        said_by = speaker_conj(trig.token, self.lex) if trig.kind == "verb" else None
        if said_by is not None:  # "X said the bloc had become ... and called for Y": X called
            subj = next((c for c in said_by.children if c.dep_ == "nsubj"), None)
            own = sa.np_with_conj(subj) if subj is not None else []
            src = Side(own, "parse" if own else "none")
        spk, spk_verb = speaker(trig.token, sa, self.lex)
        if subj is not None and subj.lower_ in ("we", "i") and spk_verb is None and not src.ids:
            return None  # "We asked three exporters ...": the writer's own doing, not an event between actors
        nobody = _nobody(subj)
        unnamed = not src and _unnamed(subj, self.lex)  # "gunmen opened fire on ...": no source, a target
        if not src and _toll(trig, prev):  # "Around 40 people were killed.": the unnamed attack's toll
            return None
        if not nobody and not unnamed:
            src = self.res.source(trig, sa, src, subj, (spk, spk_verb), prev, place, tgt, doc)
        if not src and not (nobody and tgt) and not unnamed:
            return None
        src, tgt, place = self.res.target(trig, src, tgt, place, doc, sa)
        if unnamed and not tgt:
            return None
        mod = "negated" if nobody else modality(trig, spk, self.lex, spk_verb, src.ids)
        typ = _joint(trig, src, tgt)
        accuser = spk or self._pronoun_speaker(spk_verb)
        if _alleged(trig, accuser, spk_verb, src):  # "X claimed that bandits had attacked Y": X's accusation
            spk = accuser
            typ, src, tgt = (
                "DISAPPROVE",
                Side(list(spk), "speaker"),
                Side([a for a in src.ids if a not in spk], "parse"),
            )
        when = self._when(sent.text, trig.token, doc.meta.published, mod == "planned")
        counted = story_offset_span(sent.text)
        if trig.own_intent and spk and set(src.ids) <= set(spk) and mod != "negated":
            typ, mod = "AGREE", ("reported" if spk else "asserted")
        ev = Event(
            type=typ, source=self._refs(src.ids, doc, actors, sa), target=self._refs(tgt.ids, doc, actors, sa),
            sentence=sent.text, sentence_index=sent.index, char_start=sent.start, char_end=sent.end,
            mode=trig.mode, context=event_context(trig, trig.token.doc, self.lex),
            date=when.date, date_end=when.date_end, date_precision=when.precision, location=place,
            modality=mod, attributed_to=(spk[0] if spk and mod != "asserted" else "author"),
            confidence=_confidence(trig, src, tgt), sentence_role=sent.role, trigger=trig.token.text,
        )  # fmt: skip
        if counted is not None and not _in_clause(trig.token, counted):
            self._elsewhere.add(id(ev))
        if mod != "reported" and spk:
            ev.attributed_to = spk[0]
        elif mod == "reported" and not spk and trig.kind == "verb" and src.ids:
            ev.attributed_to = src.ids[0]  # "X said the bloc had failed Y": X's words, on the verb of saying
        if (
            mod == "planned"
            and spk_verb is not None
            and lemma(spk_verb) in ANNOUNCING
            and spk_verb.tag_ == "VBD"
        ):
            self.announced.add(id(ev))  # "X announced that it would provide ...": dated by the announcement
            said = dates_mod.event_date(sent.text, trig.token.doc, spk_verb, doc.meta.published, False)
            if (
                when.date is not None
                and said.date is not None
                and (when.start, when.text) == (said.start, said.text)
            ):
                ev.date, ev.date_end, ev.date_precision = said.date, said.date_end, said.precision
        return ev

    def _decider(self, tok: Any, sa: SentenceActors) -> Side | None:
        """Who decided or refused the act an infinitive on a noun tells.

        'Moscow was in no hurry to recognise X': the subject of the noun's clause; 'welcomed the
        decision to grant X observer status': nobody named, the bloc the story is about.
        """
        if refused(tok):
            holder = next((c for c in verb_of(tok.head).children if c.dep_ == "nsubj"), None)
            return Side(sa.np_with_conj(holder), "parse") if holder is not None else None
        org = self.res.story.org or self.res.story.meeting_org
        if lemma(tok.head) in set(self.lex.modality["decision_nouns"]) and org:
            return Side([org], "group")
        return None

    def _when(self, text: str, tok: Any, published: Any, future: bool) -> dates_mod.DateHit:
        """The event's date (dates.event_date), in the year the document gave its month.

        Without a publication date, a month named without a year ('since the mutiny in June') is
        read against the story's first day.
        """
        when = dates_mod.event_date(text, tok.doc, tok, published, future)
        if when.precision == dates_mod.ELSEWHEN and published is None and self._anchor is not None:
            again = dates_mod.event_date(text, tok.doc, tok, self._anchor.date, future)
            if again.date is not None and dates_mod.names_month(again.text):
                when = again
        return dates_mod.in_named_year(when, self._named)

    def _pronoun_speaker(self, verb: Any) -> list[str]:
        """'He claimed ...': the person last named."""
        subj = None if verb is None else next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in ("he", "she") or not self.res.last_person:
            return []
        return [self.res.last_person]

    def _refs(
        self, ids: list[str], doc: Document, actors: dict[str, Any], sa: SentenceActors
    ) -> list[ActorRef]:
        refs = []
        for aid in ids:
            known = actors.get(aid)
            entry = self.catalogue.get(aid)
            kind = (known.kind if known else None) or (entry.kind if entry else None)
            country = (known.country if known else None) or self.res.country(aid, doc)
            if country is None and kind == "person":  # a person the catalogue does not know
                country = sa.person_country.get(aid) or sa.sentence_state()
            name = (known.name if known else None) or (entry.name if entry else None)
            refs.append(ActorRef(id=aid, country=country, kind=kind, name=name))
        people = {r.country for r in refs if r.kind == "person"}
        return [r for r in refs if not (r.kind == "state" and r.id in people)]


ALLEGING = {"claim", "allege"}


def _alleged(trig: Trigger, spk: list[str], spk_verb: Any, src: Side) -> bool:
    """Violence a speaker claims or alleges others committed: the speaker's accusation."""
    return (
        trig.type in ("ASSAULT", "FIGHT")
        and bool(spk)
        and spk_verb is not None
        and lemma(spk_verb) in ALLEGING
        and trig.token.dep_ == "ccomp"
        and trig.token.head.i == spk_verb.i
        and not set(src.ids) & set(spk)
    )


NOBODY_HEADS = {"country", "state", "government", "nation", "member"}


def _nobody(subj: Any) -> bool:
    """'No country has recognised X': an event said of no one, negated, with no source."""
    return (
        subj is not None
        and subj.lemma_.lower() in NOBODY_HEADS
        and any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)
    )


def _unnamed(subj: Any, lex: Lexicon) -> bool:
    """'Gunmen opened fire on ...': attackers nobody has named; the event has an empty source."""
    return subj is not None and subj.lemma_.lower() in set(lex.modality.get("unnamed_agents", ()))


def _infinitive_on_noun(tok: Any) -> bool:
    """'the decision to grant X', 'in no hurry to recognise X'."""
    return tok.dep_ == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _sides_of_carrier(trig: Trigger, sa: SentenceActors, carriers: dict[int, Event]) -> tuple[Side, Side, Any] | None:
    """'X telephoned Y with condolences': the sympathy goes, like the call (already coded), from X to Y."""
    tok = trig.token
    if trig.kind != "noun" or not trig.pattern.standalone or tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return None
    verb = tok.head.head
    ev = carriers.get(verb.i)
    if ev is None or not ev.source or not ev.target:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return Side([a.id for a in ev.source], "parse"), Side([a.id for a in ev.target], "parse"), subj


def _in_clause(tok: Any, span: tuple[int, int]) -> bool:
    """Whether the words at ``span`` belong to the clause of ``tok`` or to a clause it is part of."""
    cur = verb_of(tok)
    for _ in range(4):
        if any(span[0] <= i < span[1] for i in clause(cur)):
            return True
        if cur.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "acl", "relcl") or cur.head is cur:
            return False
        cur = verb_of(cur.head)
    return False


def _toll(trig: Trigger, prev: list[Event]) -> bool:
    """An agentless passive right after an attack by unnamed doers, of the same type: its toll, told again."""
    tok = trig.token
    passive = any(c.dep_ == "nsubjpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)
    return passive and any(e.type == trig.type and not e.source for e in prev)


def _norm(text: str) -> str:
    return " ".join(text.split()).lower().rstrip(".")


def _is_headline(sent: Sentence, doc: Document) -> bool:
    """The title line of an article (not a first sentence the title was taken from)."""
    title = _norm(doc.meta.title or "")
    if not title or _norm(sent.text) != title or sent.text.rstrip().endswith("."):
        return False
    return bool(doc.text[sent.end :].strip())


ANNOUNCING = {"announce", "declare", "pledge"}
TAKING_PART = {"take", "participate", "join"}


def _joint(trig: Trigger, src: Side, tgt: Side) -> str:
    """Exercises held together are cooperation; alone, a show of force."""
    if trig.type == "MOBILIZE" and trig.mode == "exercise":
        words = {t.lower_ for t in trig.token.sent}
        if (
            len(src.ids) > 1
            or tgt.how == "reciprocal"
            or (tgt and "with" in words)
            or words & {"joint", "jointly", "together"}
            or lemma(trig.token) in TAKING_PART  # "X took part in the drills": drills held with others
        ):
            return "COOPERATE"
    return trig.type


def _clause_weight(tok: Any) -> float:
    cur, weight = tok, 1.0
    for _ in range(6):
        if cur.dep_ == "ROOT" or cur.head is cur:
            break
        w = CLAUSE_WEIGHT.get(cur.dep_)
        if w is None:
            w = 0.5 if cur.pos_ in ("NOUN", "PROPN") else 0.6
        weight *= w
        if cur.head.lemma_ in ("say", "tell", "report", "announce", "declare", "state", "add", "claim"):
            break
        cur = cur.head
    return weight


def _confidence(trig: Trigger, src: Side, tgt: Side) -> float:
    """Pattern strength, actor completeness and how central the clause is."""
    strength = trig.strength * (0.7 if trig.kind == "noun" else 1.0)
    score = 0.2 + 0.35 * strength + 0.2 * _clause_weight(trig.token)
    score += {"parse": 0.15, "speaker": 0.12, "pronoun": 0.1, "group": 0.1, "place": 0.04}.get(src.how, 0)
    score += 0.1 if tgt.how == "parse" else (0.04 if tgt and tgt.how not in ("story", "reciprocal") else 0)
    return max(0.0, min(1.0, score))
