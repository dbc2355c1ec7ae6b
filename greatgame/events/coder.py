"""The PLOVER event coder: sentences with actors -> events, statements and sentence roles."""

from __future__ import annotations

import logging
from typing import Any

from greatgame.events import dates as dates_mod
from greatgame.events.context import event_context
from greatgame.events.lexicon import Lexicon, load_lexicon
from greatgame.events.modality import modality, speaker
from greatgame.events.participants import GROUP_WORDS, PAIR_WORDS, PRONOUNS, SentenceActors, Side, sides
from greatgame.events.places import find_place, visited_place
from greatgame.events.roles import EVENT_ROLES, sentence_role
from greatgame.events.statements import statements_of
from greatgame.events.story import Story, story_of
from greatgame.events.triggers import Trigger, content_type, find_triggers, lemma
from greatgame.models import ActorRef, Document, Event, Sentence

logger = logging.getLogger(__name__)

DOMESTIC = {"PROTEST", "COERCE", "CONCEDE", "INVESTIGATE", "DEMAND", "REJECT", "ASSAULT", "FIGHT", "RETREAT",
            "MOBILIZE"}  # fmt: skip
HOME_TARGET = DOMESTIC - {"DEMAND", "REJECT"}  # with no target named, aimed at the doer's own country
SYMMETRIC = {"meet", "talk", "discuss", "negotiate", "agree", "sign", "clash", "fight", "cooperate", "consult",
             "exchange", "trade", "confer", "hold"}  # fmt: skip
MEETING_VERBS = {"attend", "participate", "take", "join", "host", "gather", "convene", "chair"}
MEETING_NOUNS = {"summit", "meeting", "session", "talks", "forum", "conference", "gathering", "ceremony",
                 "negotiations", "consultations", "summits", "meetings"}  # fmt: skip
CLAUSE_WEIGHT = {"ROOT": 1.0, "ccomp": 0.95, "conj": 0.8, "parataxis": 0.8, "xcomp": 0.75, "acomp": 0.9,
                 "advcl": 0.45, "relcl": 0.35, "acl": 0.35, "pcomp": 0.4}  # fmt: skip


class Coder:
    """Codes the events of annotated documents (see docs/interfaces.md)."""

    def __init__(self, catalogue: Any, lexicon: Lexicon | None = None):
        self.catalogue = catalogue
        self.lex = lexicon or load_lexicon()
        self.story = Story()

    def code(self, doc: Document) -> None:
        """Fill ``doc.events``, ``doc.statements`` and the role of every sentence."""
        doc.events, doc.statements = [], []
        actors = {a.id: a for a in doc.actors}
        prev: list[Event] = []
        self.story = story_of(doc, self.catalogue)
        anchor = None
        for sent in doc.sentences:
            headline = _is_headline(sent, doc)
            if anchor is None and not headline:
                anchor = dates_mod.anchor_date(sent.text, doc.meta.published)
            sent.role = sentence_role(sent.text, self.lex, doc.meta.genre)
            parse = doc.parses.get(sent.index)
            if parse is None or headline:  # a headline restates the story
                continue
            mentions = [m for m in doc.mentions if m.sentence == sent.index]
            sa = SentenceActors(
                parse, sent.start, mentions, {a for a in actors if actors[a].kind == "person"}
            )
            doc.statements += statements_of(doc, sent, parse, sa, self.catalogue, self.lex)
            if sent.role not in EVENT_ROLES or not (mentions or prev):
                continue
            events = self._code_sentence(doc, sent, parse, sa, prev, actors)
            _carry_dates(events, doc.events, anchor)
            doc.events += events
            if events:
                prev = events

    def _code_sentence(self, doc: Document, sent: Sentence, parse: Any, sa: SentenceActors,
                       prev: list[Event], actors: dict[str, Any]) -> list[Event]:  # fmt: skip
        out: list[Event] = []
        place = find_place(parse, sent, sa, self.catalogue)
        for trig in find_triggers(parse, self.lex, set(sa.by_token)):
            ev = self._event(doc, sent, trig, sa, out or prev, place, actors)
            if ev is not None and not any(_same(ev, o) for o in out):
                out.append(ev)
                self.story.remember(ev)  # "X telephoned Y, and the two leaders agreed ..."
        return out

    def _event(self, doc: Document, sent: Sentence, trig: Trigger, sa: SentenceActors,
               prev: list[Event], place: Any, actors: dict[str, Any]) -> Event | None:  # fmt: skip
        src, tgt, subj = sides(trig, sa)
        spk, _ = speaker(trig.token, sa, self.lex)
        if not src and trig.kind == "deontic":
            src = self._deontic_source(trig, sa, spk)
        if not src and trig.kind == "adj" and trig.pattern.judgement:
            src = Side(list(spk), "speaker")
        if not src and subj is not None:
            src = self._resolve(subj, spk, prev)
        if not src and place is not None and place.country and trig.type in DOMESTIC:
            src = Side([place.country], "place")
        if not src and trig.type in DOMESTIC:
            src = self._domestic_source(tgt, sa, doc)
        if not src:
            return None
        tgt = Side([a for a in tgt.ids if a not in src.ids], tgt.how)
        src, tgt = _reciprocal(trig, src, tgt)
        if trig.type == "CONSULT" and not tgt:
            tgt = self._meeting_target(trig, src)
        if trig.type == "CONSULT" and not tgt:
            visited = visited_place(trig.token, self.catalogue)
            if visited is not None:
                place = visited
                if visited.country and visited.country not in src.ids:
                    tgt = Side([visited.country], "parse")
        if not tgt and trig.type not in HOME_TARGET:
            countries = [c for c in (self._country(a, doc) for a in src.ids) if c]
            tgt = Side(self.story.counterpart(src.ids, countries), "story")
        if not tgt and (trig.type in DOMESTIC or (trig.intent and _content_home(trig, self.lex))):
            country = (place.country if place is not None else None) or self._country(src.ids[0], doc)
            if country:
                tgt = Side([country], "place")
        mod = modality(trig, spk, self.lex)
        when = dates_mod.event_date(
            sent.text, trig.token.doc, trig.token, doc.meta.published, mod == "planned"
        )
        typ = _joint(trig, src, tgt)
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
        if mod != "reported" and spk:
            ev.attributed_to = spk[0]
        return ev

    def _deontic_source(self, trig: Trigger, sa: SentenceActors, spk: list[str]) -> Side:
        """'X concluded/said that Y must ...': X makes the demand."""
        if spk:
            return Side(list(spk), "speaker")
        head = trig.token.head
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        ids = sa.np_with_conj(subj) if subj is not None else []
        return Side(ids, "parse" if ids else "none")

    def _domestic_source(self, tgt: Side, sa: SentenceActors, doc: Document) -> Side:
        """A home affair with no named doer: the country of the target, or the one state named."""
        countries = {self._country(a, doc) for a in tgt.ids} - {None}
        if len(countries) == 1:
            return Side(list(countries), "place")
        named = {self._country(a, doc) for a in sa.by_token.values()} - {None}
        if len(named) == 1:
            return Side(list(named), "place")
        if not named and self.story.states:  # "516 people had been detained": the story's country
            return Side(self.story.states[:1], "place")
        return Side([], "none")

    def _resolve(self, subj: Any, spk: list[str], prev: list[Event]) -> Side:
        """A pronoun or a group phrase ('the leaders', 'both sides') as a subject: whom it names."""
        words = {t.lower_ for t in subj.subtree if t.dep_ != "relcl" and t.head.dep_ != "relcl"}
        if subj.lower_ in PRONOUNS:
            if spk:
                return Side(list(spk), "pronoun")
            if prev:
                return Side([a.id for a in prev[-1].source], "pronoun")
        if subj.lower_ in MEETING_NOUNS and self.story.org:  # "the next summit will be held in X"
            return Side([self.story.org], "group")
        if words & PAIR_WORDS and self.story.pair():
            return Side(self.story.pair(), "group")
        if words & GROUP_WORDS and self.story.group():
            return Side(self.story.group(), "group")
        if words & (GROUP_WORDS | PAIR_WORDS) and prev:
            ids = [a.id for a in prev[-1].source] + [a.id for a in prev[-1].target]
            return Side(list(dict.fromkeys(ids)), "group")
        return Side([], "none")

    def _meeting_target(self, trig: Trigger, src: Side) -> Side:
        """Attending or hosting a meeting with no named counterpart: the story's organisation and host."""
        tok = trig.token
        if lemma(tok) not in MEETING_VERBS and not _meeting_object(tok):
            return Side([], "none")
        ids = [self.story.meeting_org] if self.story.meeting_org else []
        if lemma(tok) != "host":
            ids += self.story.host
        ids = [a for a in dict.fromkeys(ids) if a not in src.ids]
        return Side(ids, "story" if ids else "none")

    def _country(self, actor_id: str, doc: Document) -> str | None:
        try:
            return self.catalogue.country_of(actor_id, on=doc.meta.published)
        except TypeError:
            return self.catalogue.country_of(actor_id)

    def _refs(
        self, ids: list[str], doc: Document, actors: dict[str, Any], sa: SentenceActors
    ) -> list[ActorRef]:
        refs = []
        for aid in ids:
            known = actors.get(aid)
            entry = self.catalogue.get(aid)
            kind = (known.kind if known else None) or (entry.kind if entry else None)
            country = (known.country if known else None) or self._country(aid, doc)
            if country is None and kind == "person":  # a person the catalogue does not know
                country = sa.person_country.get(aid) or sa.sentence_state()
            name = (known.name if known else None) or (entry.name if entry else None)
            refs.append(ActorRef(id=aid, country=country, kind=kind, name=name))
        people = {r.country for r in refs if r.kind == "person"}
        return [r for r in refs if not (r.kind == "state" and r.id in people)]


def _carry_dates(events: list[Event], before: list[Event], anchor: Any) -> None:
    """A past event told without a date happened when the story's lead event did.

    The lead is the first event with a day date; before there is one, the first past day the
    document names (often the dateline's).
    """
    dated = [e for e in before if e.date is not None and e.modality in ("asserted", "reported")]
    lead = next((e for e in dated if e.date_precision == "day"), None)
    when = (lead.date, lead.date_end, lead.date_precision) if lead else None
    if when is None and anchor is not None:
        when = (anchor.date, anchor.date_end, anchor.precision)
    if when is None:
        return
    for ev in events:
        if ev.date is None and ev.modality in ("asserted", "reported", "negated"):
            ev.date, ev.date_end, ev.date_precision = when


def _norm(text: str) -> str:
    return " ".join(text.split()).lower().rstrip(".")


def _is_headline(sent: Sentence, doc: Document) -> bool:
    """The title line of an article (not a first sentence the title was taken from)."""
    title = _norm(doc.meta.title or "")
    if not title or _norm(sent.text) != title or sent.text.rstrip().endswith("."):
        return False
    return bool(doc.text[sent.end :].strip())


def _meeting_object(tok: Any) -> bool:
    """The verb's object or passive subject is a meeting ('attended the summit', 'the talks were held')."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "pobj") and c.lower_ in MEETING_NOUNS:
            return True
        if c.dep_ == "prep" and any(p.lower_ in MEETING_NOUNS for p in c.children if p.dep_ == "pobj"):
            return True
    return tok.dep_ == "acl" and tok.head.lower_ in MEETING_NOUNS


def _content_home(trig: Trigger, lex: Lexicon) -> bool:
    """'X is prepared to impose martial law': a threat of a home affair."""
    return content_type(trig.content, lex) in HOME_TARGET


def _reciprocal(trig: Trigger, src: Side, tgt: Side) -> tuple[Side, Side]:
    """'X and Y met / held talks / clashed': X is the source and Y the target."""
    if tgt or len(src.ids) < 2 or trig.kind == "noun" or src.how != "parse":
        return src, tgt
    if lemma(trig.token) not in SYMMETRIC and not (
        trig.pattern.type is None and trig.type in ("CONSULT", "FIGHT")
    ):
        return src, tgt
    return Side(src.ids[:1], src.how), Side(src.ids[1:], "reciprocal")


def _joint(trig: Trigger, src: Side, tgt: Side) -> str:
    """Exercises held together are cooperation; alone, a show of force."""
    if trig.type == "MOBILIZE" and trig.mode == "exercise":
        words = {t.lower_ for t in trig.token.sent}
        if (
            len(src.ids) > 1
            or tgt.how == "reciprocal"
            or (tgt and "with" in words)
            or words & {"joint", "jointly", "together"}
        ):
            return "COOPERATE"
    return trig.type


def _same(a: Event, b: Event) -> bool:
    return (
        a.type == b.type
        and [x.id for x in a.source] == [x.id for x in b.source]
        and ([x.id for x in a.target] == [x.id for x in b.target])
    )


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
