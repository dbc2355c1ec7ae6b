"""Consistency checks of the catalogue data (``Catalogue.check()``).

Each problem is one line naming the file or record and what to fix. Checked: ids well-formed per
kind and unique, dates readable and in order, every reference (membership subject/object, office
``of``/``kind``, person/organisation ``country``, ``parent``, ``successor``, place ``country``)
pointing to an existing entry, kinds and relations from the allowed lists, and no surface form
shared by two actors unless ``ambiguities.yaml`` lists it. Two people sharing a surname is
expected (father and son, namesakes) and resolved by dates and context, so it is not a problem.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import TYPE_CHECKING

from greatgame.catalogue.model import (
    ORG_ID,
    ORG_KINDS,
    PERSON_ID,
    PLACE_KINDS,
    RELATIONS,
    STATE_ID,
    Entry,
    alias_key,
)

if TYPE_CHECKING:
    from greatgame.catalogue.catalogue import Catalogue

logger = logging.getLogger(__name__)

# Offices only one person holds at a time: overlapping tenures longer than the tolerance are errors.
SINGLE_HOLDER = (
    "president", "prime_minister", "foreign_minister", "defence_minister", "chancellor", "monarch",
    "supreme_leader", "secretary_general", "emir",
)  # fmt: skip
OVERLAP_TOLERANCE = dt.timedelta(days=2)
SLACK = {"day": dt.timedelta(0), "month": dt.timedelta(days=31), "year": dt.timedelta(days=366)}
ACTING = ("acting", "interim", "caretaker", "transitional")


def check_catalogue(cat: Catalogue) -> list[str]:
    """Every problem of the catalogue, as readable lines."""
    problems = list(cat._load_problems)
    problems += [
        f"{e.source}: id '{e.id}' is used twice (also in {cat.get(e.id).source})" for e in cat._duplicates
    ]
    for e in cat.entries():
        problems += _check_entry(cat, e)
    problems += _check_memberships(cat)
    problems += _check_overlaps(cat)
    problems += _check_places(cat)
    problems += _check_aliases(cat)
    return problems


def _check_entry(cat: Catalogue, e: Entry) -> list[str]:
    where = f"{e.source}: {e.id or '(no id)'}"
    out = []
    if e.kind == "state":
        if not STATE_ID.match(e.id):
            out.append(f"{where}: a state id must be 3 upper-case letters (ISO 3166 alpha-3)")
    elif e.kind == "person":
        if not PERSON_ID.match(e.id):
            out.append(f"{where}: a person id must be a lower-case ASCII slug like 'sergey-lavrov'")
    else:
        if not ORG_ID.match(e.id):
            out.append(f"{where}: an organisation id must match ^[A-Z][A-Z0-9_]+$")
        if e.kind not in ORG_KINDS:
            out.append(f"{where}: kind '{e.kind}' is not one of {', '.join(ORG_KINDS)}")
    for label, ref in (("country", e.country), ("parent", e.parent), ("successor", e.successor)):
        if ref and ref not in cat:
            out.append(f"{where}: {label} '{ref}' is not in the catalogue")
    if e.founded and e.dissolved and e.founded > e.dissolved:
        out.append(f"{where}: founded {e.founded} is after dissolved {e.dissolved}")
    kinds = set(cat.office_kinds())
    for o in e.offices:
        tag = f"{where}: office {o.kind} of {o.of}"
        if o.of not in cat:
            out.append(f"{tag}: 'of' {o.of} is not in the catalogue")
        if o.kind not in kinds:
            out.append(f"{tag}: kind '{o.kind}' is not in offices.yaml")
        if o.start and o.end and o.start > o.end:
            out.append(f"{tag}: start {o.start} is after end {o.end}")
    return out


def _check_memberships(cat: Catalogue) -> list[str]:
    out = []
    for m in cat.memberships():
        where = f"{m.src or 'memberships.yaml'}: {m.subject} {m.relation} {m.object}"
        if m.relation not in RELATIONS:
            out.append(f"{where}: relation must be one of {', '.join(RELATIONS)}")
        for ref in (m.subject, m.object):
            if ref not in cat:
                out.append(f"{where}: '{ref}' is not in the catalogue")
        if m.start and m.end and m.start > m.end:
            out.append(f"{where}: start {m.start} is after end {m.end}")
    return out


def _check_overlaps(cat: Catalogue) -> list[str]:
    out = []
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for e in cat.people():
        for o in e.offices:
            if o.kind in SINGLE_HOLDER:
                groups[(o.of, o.kind)].append(o)
    for (of, kind), tenures in groups.items():
        tenures.sort(key=lambda o: o.start or dt.date.min)
        for a, b in zip(tenures, tenures[1:], strict=False):
            if a.person == b.person or not b.start:
                continue
            slack = OVERLAP_TOLERANCE + SLACK[a.end_precision] + SLACK[b.start_precision]
            acting = any(w in b.role.lower() for w in ACTING)
            if not acting and b.start + slack < (a.end or dt.date.max):
                out.append(
                    f"offices: {kind} of {of} held by both {a.person} ({a.start}..{a.end or 'now'}) "
                    f"and {b.person} (from {b.start}); fix the dates or give one role another kind"
                )
    return out


def _check_places(cat: Catalogue) -> list[str]:
    out = []
    for p in cat.places():
        where = f"{p.src or 'places.yaml'}: {p.name}"
        if p.kind not in PLACE_KINDS:
            out.append(f"{where}: kind '{p.kind}' is not one of {', '.join(PLACE_KINDS)}")
        countries = p.country if isinstance(p.country, list) else [p.country] if p.country else []
        out += [f"{where}: country '{c}' is not in the catalogue" for c in countries if c not in cat]
        if (p.lat is None) != (p.lon is None):
            out.append(f"{where}: give both lat and lon or neither")
        elif p.lat is not None and not (-90 <= float(p.lat) <= 90 and -180 <= float(p.lon) <= 180):
            out.append(f"{where}: coordinates {p.lat}, {p.lon} are out of range")
    return out


def _check_aliases(cat: Catalogue) -> list[str]:
    out = []
    for a in cat.ambiguities():
        out += [
            f"ambiguities.yaml: '{a.text}': candidate {c} is not in the catalogue"
            for c in a.candidates
            if c not in cat
        ]
        if a.prefer is not None and a.prefer not in a.candidates:
            out.append(f"ambiguities.yaml: '{a.text}': prefer {a.prefer} is not among its candidates")
    by_key: dict[str, dict[str, str]] = defaultdict(dict)
    for hit in cat.alias_table():
        by_key[alias_key(hit.text)].setdefault(hit.actor_id, hit.how)
    for key, actors in by_key.items():
        if len(actors) < 2:
            continue
        non_surname = {i for i, how in actors.items() if how != "surname"}
        if not non_surname:
            continue  # only people's surnames: resolved by office dates and context
        amb = cat.ambiguity(key)
        allowed = set(amb.candidates) if amb else set()
        if not set(actors) <= allowed:
            listed = ", ".join(f"{i} ({how})" for i, how in sorted(actors.items()))
            out.append(
                f"alias '{key}' is shared by {listed}: remove it from all but one, or list it in ambiguities.yaml"
            )
    return out
