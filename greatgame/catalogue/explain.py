"""Readable explanations of catalogue entries, for ``greatgame actors [QUERY]``."""

from __future__ import annotations

import datetime as dt
import logging

from greatgame.catalogue.catalogue import Catalogue
from greatgame.catalogue.model import Entry, Membership, Office

logger = logging.getLogger(__name__)

MAX_ENTRIES = 20
MAX_ALIASES = 25


def explain(
    cat: Catalogue, query: str | None = None, on: dt.date | None = None, limit: int = MAX_ENTRIES
) -> str:
    """Text that lists the entries matching ``query`` and explains each of them.

    Without a query, a summary of the catalogue. A query like "Russian defence minister" or
    "CSTO Secretary-General" also lists who held that office and when (and who held it on ``on``).
    """
    if not query or not query.strip():
        return summary(cat)
    parts = []
    office = parse_office_query(cat, query)
    if office:
        parts.append(explain_office(cat, *office, on=on))
    matches = cat.search(query)
    if not matches and not office:
        return f"No catalogue entry matches '{query}'. Try a shorter query, an id (UZB, CSTO) or a surname."
    for e in matches[:limit]:
        parts.append(explain_entry(cat, e, on=on))
    if len(matches) > limit:
        parts.append(f"... and {len(matches) - limit} more: " + ", ".join(e.id for e in matches[limit:]))
    return "\n\n".join(parts)


def summary(cat: Catalogue) -> str:
    """Counts of the catalogue and how to query it."""
    return (
        f"Actor catalogue: {len(cat.states())} states, {len(cat.organisations())} organisations and groups, "
        f"{len(cat.people())} people, {len(cat.memberships())} dated memberships, {len(cat.places())} places, "
        f"{len(cat.office_kinds())} office kinds.\n"
        "Query by id (UZB, CSTO, sergey-lavrov), name, alias (Kremlin, Daesh), demonym (Uzbek), "
        "or title ('Russian defence minister')."
    )


def explain_entry(cat: Catalogue, e: Entry, on: dt.date | None = None) -> str:
    """Kind, country, surface forms, offices and memberships of one entry."""
    lines = [f"{e.id}  {e.name}  [{e.kind}]"]
    if e.country and e.country != e.id:
        owner = cat.get(e.country)
        lines.append(f"  country: {e.country}" + (f" ({owner.name})" if owner else ""))
    aliases = [a for a in e.aliases if a != e.name]
    if aliases:
        more = f" (+{len(aliases) - MAX_ALIASES} more)" if len(aliases) > MAX_ALIASES else ""
        lines.append("  aliases: " + ", ".join(aliases[:MAX_ALIASES]) + more)
    for label, values in (("demonyms", e.demonyms), ("seats", e.seats), ("former names", e.former_names)):
        if values:
            lines.append(f"  {label}: " + ", ".join(values))
    if e.capital:
        extra = f" (also {', '.join(e.capital_aliases)})" if e.capital_aliases else ""
        lines.append(f"  capital: {e.capital}{extra}")
    if e.surname and e.kind == "person":
        lines.append(f"  surname: {e.surname}")
    for label, value in (("founded", e.founded), ("dissolved", e.dissolved), ("headquarters", e.headquarters),
                         ("part of", e.parent), ("successor", e.successor), ("note", e.note)):  # fmt: skip
        if value:
            lines.append(f"  {label}: {value}")
    if e.offices:
        lines.append("  offices:")
        lines += [
            f"    {_office_line(cat, o)}" for o in sorted(e.offices, key=lambda o: o.start or dt.date.min)
        ]
        if on:
            lines.append(f"  role on {on}: {cat.role_of(e.id, on) or '(none known)'}")
    lines += _membership_lines(cat, e, on)
    return "\n".join(lines)


def _office_line(cat: Catalogue, o: Office) -> str:
    owner = cat.get(o.of)
    of = f"{o.of} ({owner.name})" if owner else o.of
    return f"{_period(o.start, o.end)}  {o.role}, {of}  [{o.kind}]"


def _membership_lines(cat: Catalogue, e: Entry, on: dt.date | None) -> list[str]:
    out = []
    own = cat.memberships(subject=e.id, on=on)
    if own:
        out.append("  memberships" + (f" on {on}" if on else "") + ":")
        out += [f"    {m.relation} {m.object}  {_period(m.start, m.end)}{_note(m)}" for m in own]
    members = cat.memberships(object=e.id, on=on)
    if members:
        out.append("  members and partners" + (f" on {on}" if on else "") + ":")
        for rel in ("member_of", "observer_of", "partner_of", "candidate_of"):
            group = [m for m in members if m.relation == rel]
            if group:
                items = ", ".join(f"{m.subject} {_period(m.start, m.end)}" for m in group)
                out.append(f"    {rel.replace('_of', '')}s: {items}")
    return out


def parse_office_query(cat: Catalogue, query: str) -> tuple[str, str] | None:
    """Read "<state/organisation/demonym> <title>" (e.g. "Uzbek foreign minister") as (of, kind)."""
    words = query.split()
    for cut in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        kind = cat.office_kind(tail)
        if not kind:
            continue
        head = head.removesuffix("'s").removesuffix("’s")
        for hit in cat.lookup_ci(head):
            if cat.get(hit.actor_id) and cat.get(hit.actor_id).kind != "person":
                return hit.actor_id, kind
    return None


def explain_office(cat: Catalogue, of: str, kind: str, on: dt.date | None = None) -> str:
    """Who held office ``kind`` of ``of``, oldest first, and who held it on ``on`` (today by default)."""
    owner = cat.get(of)
    lines = [f"Office {kind} of {of}" + (f" ({owner.name})" if owner else "")]
    tenures = cat.holders(of, kind)
    if not tenures:
        lines.append("  no holders in the catalogue")
    for o in tenures:
        person = cat.get(o.person)
        lines.append(
            f"  {_period(o.start, o.end)}  {person.name if person else o.person} ({o.person}), {o.role}"
        )
    day = on or dt.date.today()
    current = cat.holder(of, kind, day)
    lines.append(f"  on {day}: {current.name + ' (' + current.id + ')' if current else 'nobody known'}")
    return "\n".join(lines)


def _period(start: dt.date | None, end: dt.date | None) -> str:
    return f"{start or '?'} .. {end or 'now'}"


def _note(m: Membership) -> str:
    return f"  ({m.note})" if m.note else ""
