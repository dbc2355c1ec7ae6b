"""The coder's data files (patterns, cues, lexicons), loaded once with importlib.resources."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from greatgame.errors import GreatGameError
from greatgame.models import PLOVER_TYPES

logger = logging.getLogger(__name__)

_DATA = "greatgame.events.data"


class PatternFileError(GreatGameError):
    """A pattern or lexicon file of the event coder is malformed."""


def load_data(name: str) -> Any:
    """Parse one YAML file of ``greatgame/events/data``."""
    try:
        text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
        return yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise PatternFileError(
            f"cannot read event data file {name}: {exc}; reinstall greatgame or fix the file"
        ) from exc


@dataclass
class Pattern:
    """One verb, noun or adjective pattern."""

    lemma: str
    type: str | None = None
    strength: float = 0.7
    control: str | None = None
    particles: dict[str, str | None] = field(default_factory=dict)
    preps: dict[str, str | None] = field(default_factory=dict)
    objects: dict[str, str | None] = field(default_factory=dict)
    compounds: dict[str, str | None] = field(default_factory=dict)
    cues: dict[str, list[str]] = field(default_factory=dict)
    target_preps: list[str] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    future: bool = False
    hypothetical: bool = False
    judgement: bool = False
    cue_scope: str = "clause"  # clause | subject | tree (the whole subtree): where cue words are looked for
    via: list[str] = field(default_factory=list)  # "took part in military operations": the noun's type wins
    contents: dict[str, str | None] = field(default_factory=dict)  # type of the governed act -> type
    person_object: str | None = None  # the type when the object is a person ("dismissed the minister X")
    pobjects: dict[str, str | None] = field(default_factory=dict)  # "prep noun" -> type ("held in camps")
    intended: str | None = None  # only an event as a stated intention, then this type ("Russia would respond")
    no_subjects: list[str] = field(default_factory=list)  # subjects that make it no event ("the borders meet")
    transitive: bool = False  # an event only with an object ("burned the office", not "the villages burned")
    reproach: str | None = None  # always | negated: "X said Y had (not) ..." is X's criticism of Y
    clause: str | None = None  # the type when the verb governs a to-clause ("voted to build the plant": SUPPORT)
    standalone: bool = False  # a noun that stays its own event under another verb's preposition ("called with condolences")
    standing: list[str] = field(default_factory=list)  # types that are a standing state when told as one ("still lists")
    places: bool = False  # an event only with a prepositional object that is a place ("came to Bishkek")
    converse: list[str] = field(default_factory=list)  # types whose subject is the receiver ("received a loan from X": X gives)


def _word(value: Any) -> Any:
    """YAML 1.1 reads the words on/off/yes/no as booleans; give the words back."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return value


def _words(value: Any) -> Any:
    if isinstance(value, dict):
        return {_word(k): _words(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_word(v) for v in value]
    return value


def _pattern(lemma: str, spec: Any, where: str) -> Pattern:
    if isinstance(spec, str) or spec is None:
        spec = {"type": spec}
    spec = {k: (_words(v) if k in ("particles", "preps", "objects", "compounds", "target_preps", "cues", "via", "contents", "pobjects", "no_subjects", "standing", "converse") else v)
            for k, v in spec.items()}  # fmt: skip
    pat = Pattern(lemma=str(_word(lemma)), **spec)
    for t in [pat.type, *pat.particles.values(), *pat.preps.values(), *pat.objects.values(),
              *pat.compounds.values(), *pat.cues.keys(), *pat.contents.keys(), *pat.contents.values(), pat.person_object,
              *pat.pobjects.values(), pat.intended, pat.clause, *pat.standing, *pat.converse]:  # fmt: skip
        if t is not None and t not in PLOVER_TYPES:
            raise PatternFileError(f"{where}: pattern '{lemma}' names unknown PLOVER type '{t}'")
    return pat


@dataclass
class Lexicon:
    """Everything the coder reads from its data files."""

    verbs: dict[str, Pattern]
    nouns: dict[str, Pattern]
    adjectives: dict[str, Pattern]
    modality: dict[str, list[str]]
    roles: dict[str, dict[str, Any]]
    stance: dict[str, list[str]]
    context: dict[str, list[str]]
    not_light: set[str] = field(default_factory=set)  # verbs that never carry an event noun ("followed", "told")
    accusing_preps: set[str] = field(default_factory=set)  # "X said Y was behind it": X accuses Y
    belief_verbs: set[str] = field(default_factory=set)  # "X said they believed Y was behind it": X accuses Y
    person_titles: set[str] = field(default_factory=set)  # titles that name a person ("President X")
    presence: Pattern | None = None  # "Imran Khan was also in Dushanbe": a leader's presence in a place is a visit
    role_rx: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    role_weak_rx: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)

    def trigger_words(self) -> set[str]:
        """Lower-case stems that can start an event (for the candidate filter)."""
        words = {k for k, p in self.verbs.items() if p.control not in ("speech", "pass", "simulate")}
        words |= set(self.nouns) | {k for k, p in self.adjectives.items()}
        for p in [*self.verbs.values(), *self.nouns.values()]:
            words |= {w for w in p.objects} | {w for w in p.compounds}
        return words


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load (once) every data file of the coder."""
    verbs_file = load_data("verbs.yaml")
    verbs = {k: _pattern(k, v, "verbs.yaml") for k, v in (verbs_file["verbs"] or {}).items()}
    nouns_file = load_data("nouns.yaml")
    nouns = {k: _pattern(k, v, "nouns.yaml") for k, v in nouns_file["nouns"].items()}
    adjectives = {k: _pattern(k, v, "nouns.yaml") for k, v in nouns_file["adjectives"].items()}
    roles = load_data("roles.yaml")
    lex = Lexicon(
        verbs=verbs,
        nouns=nouns,
        adjectives=adjectives,
        modality=_words(load_data("modality.yaml")),
        roles=roles,
        stance=load_data("stance.yaml"),
        context=load_data("context.yaml"),
        not_light=set(verbs_file.get("not_light") or []),
        accusing_preps=set(verbs_file.get("accusing_preps") or []),
        belief_verbs=set(verbs_file.get("belief_verbs") or []),
        person_titles={str(w).lower() for w in verbs_file.get("person_titles") or []},
        presence=_pattern("be", verbs_file["presence"], "verbs.yaml") if verbs_file.get("presence") else None,
    )
    lex.role_rx = {
        role: [re.compile(p, re.IGNORECASE) for p in spec.get("patterns", [])] for role, spec in roles.items()
    }
    lex.role_weak_rx = {
        role: [re.compile(p, re.IGNORECASE) for p in spec.get("weak", [])] for role, spec in roles.items()
    }
    logger.debug("event lexicon: %d verbs, %d nouns", len(verbs), len(nouns))
    return lex
