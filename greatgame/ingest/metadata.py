"""Headline, publisher, author and genre of a document, read from its lines.

Values a caller gave (JSONL fields, HTML metadata, markdown front matter) arrive as ``hints``
and win over what the lines suggest. Patterns live in ``data/metadata.yaml``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from greatgame.ingest import patterns as pat
from greatgame.ingest.clean import is_short_link_like
from greatgame.ingest.dates import find_dates
from greatgame.ingest.header import Zones
from greatgame.ingest.language import latin_share
from greatgame.ingest.lines import Line
from greatgame.ingest.resources import searchable

logger = logging.getLogger(__name__)

_SEGMENTS = re.compile(r"\s+[|·•]\s+")


@dataclass
class Found:
    """Metadata read from the lines, with the evidence the genre decision needs."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    genre: str = "news"
    signals: set[str] = field(default_factory=set)


def read_metadata(zones: Zones, hints: dict[str, str | None], latin_doc: bool) -> Found:
    """Headline, publisher, author and genre of a document (hints win)."""
    found = Found()
    publisher, author = _publisher_and_author(zones, found.signals)
    found.publisher = hints.get("publisher") or publisher
    bio_author = _bio_author(zones, found.signals)
    found.author = person_name(hints.get("author")) or author or _byline(zones) or bio_author
    found.title = hints.get("title") or _title(zones, found.publisher, latin_doc)
    found.title = _strip_site(found.title, found.publisher)
    found.genre = hints.get("genre") or _genre(zones, found)
    return found


# -- publisher -----------------------------------------------------------------------------


def _publisher_and_author(zones: Zones, signals: set[str]) -> tuple[str | None, str | None]:
    for i, line in enumerate(zones.header):
        m = pat.fullmatch("office_line", line.text)
        if m and is_name_like(line.text):
            signals.add("office_header")
            name = _clean_name(m.group("publisher"))
            following = zones.header[i + 1] if i + 1 < len(zones.header) else None
            if following is not None and _continues_office(following.text):
                name = f"{name}, {_clean_name(following.text)}"
            return _fix_caps(name), None
    agency = _dateline_agency(zones)
    if agency:
        signals.add("wire")
        return agency, None
    signoff = _signoff(zones, signals)
    if signoff != (None, None):
        return signoff
    for line in zones.kept:
        m = pat.fullmatch("source_line", line.text)
        if m:
            return _clean_name(m.group("publisher")), None
    return _self_named(zones, signals) or _closing_agency(zones, signals), None


def _continues_office(text: str) -> bool:
    org = re.compile(rf"\b(?:{pat.load('metadata')['org_words']})\b", re.I)
    return (
        is_name_like(text) and len(text.split()) <= 8 and bool(org.search(text))
        and not find_dates(text) and not pat.label_genre(text)
    )  # fmt: skip


def _fix_caps(name: str) -> str:
    """Title case for a name written in capitals ("OFFICE OF THE SPOKESPERSON")."""
    letters = [c for c in name if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return name
    words = []
    for i, word in enumerate(name.split()):
        low = word.lower()
        if i and low in _CONNECTORS:
            words.append(low)
        elif "." in word or len(word) <= 2:
            words.append(word)
        else:
            words.append(word[0] + word[1:].lower())
    return " ".join(words)


def _dateline_agency(zones: Zones) -> str | None:
    if zones.first_body is None:
        return None
    m = pat.compiled("dateline", case_sensitive=True)[0].match(zones.first_body.text)
    if m:
        zones.first_body.tags.add("dateline")
    if m and m.group("agency") and _is_organisation(m.group("agency")):
        return m.group("agency").strip()
    return None


def _signoff(zones: Zones, signals: set[str]) -> tuple[str | None, str | None]:
    tail = zones.tail
    for i in range(len(tail) - 1, -1, -1):
        text = tail[i].text
        if i + 1 < len(tail) and re.match(r"(in|for) [A-Z]", tail[i + 1].text):
            text = f"{text} {tail[i + 1].text}"
        m = pat.fullmatch("signoff", text.rstrip("."))
        if m and (m.groupdict().get("author") or is_name_like(m.group("publisher"))):
            signals.add("media_office")
            author = m.groupdict().get("author") or _name_line(tail[i - 1] if i else None)
            return _clean_name(m.group("publisher")), author
        m = pat.fullmatch("office_line", text)
        if m and is_name_like(text):
            signals.add("office_signoff")
            return _clean_name(m.group("publisher")), None
    return None, None


def _name_line(line: Line | None) -> str | None:
    if line is None:
        return None
    m = pat.name_pattern().fullmatch(line.text.strip(" ,.-—"))
    return m.group(0) if m and not pat.not_a_person().search(line.text) else None


def _self_named(zones: Zones, signals: set[str]) -> str | None:
    outlet = pat.compiled("outlet_segment", case_sensitive=True)[0]
    for line in zones.header:
        segments = _SEGMENTS.split(line.text.strip(" *_"))
        for segment in segments if len(segments) > 1 else []:
            m = outlet.fullmatch(segment.strip(" *_"))
            if m:
                return m.group("publisher")
    lines = [*zones.header, *([zones.first_body] if zones.first_body else []), *zones.tail]
    for line in lines:
        for p in pat.compiled("self_named", case_sensitive=True):
            m = p.search(searchable(line.text))
            if m:
                signals.add("newsletter")
                return m.group("publisher").strip()
    return None


def _closing_agency(zones: Zones, signals: set[str]) -> str | None:
    for line in reversed(zones.tail[-3:]):
        m = pat.compiled("agency_line", case_sensitive=True)[0].fullmatch(line.text)
        if m and _is_organisation(m.group("agency")):
            signals.add("wire")
            return m.group("agency").strip()
    return None


def _is_organisation(text: str) -> bool:
    return " by " not in f" {text.lower()} " and not re.search(
        r"\b(desk|staff|editing|reporting)\b", text, re.I
    )


_CONNECTORS = {"of", "the", "for", "and", "in", "on", "at", "to", "de", "du", "des", "al", "el", "ut", "ul"}


def is_name_like(text: str) -> bool:
    """An organisation's name: capitalised words joined by short particles, no sentence."""
    words = text.strip(" .").split()
    if not words or text.rstrip().endswith((".", "!", "?", ":")) or len(words) > 25:
        return False
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in _CONNECTORS or len(w) <= 2 for w in words)


def _clean_name(text: str) -> str:
    return " ".join(text.split()).strip(" .,;:-—–")


# -- author --------------------------------------------------------------------------------


def _byline(zones: Zones) -> str | None:
    for line in [*zones.header, *zones.tail[-3:]]:
        for segment in _SEGMENTS.split(line.text):
            m = pat.fullmatch("byline", segment.strip(" *_.,"))
            if m and not pat.not_a_person().search(m.group("author")):
                return m.group("author")
    return None


def person_name(text: str | None) -> str | None:
    """The person's name in a byline value ("By Jane Doe, Almaty" -> "Jane Doe"); None for a desk."""
    if not text or pat.not_a_person().search(text):
        return None
    text = re.sub(r"^\s*by\s+", "", text.strip(), flags=re.I)
    m = pat.name_pattern().match(text)
    return m.group(0) if m else text


def _bio_author(zones: Zones, signals: set[str]) -> str | None:
    for line in [*reversed(zones.tail[-4:]), *zones.header]:
        text = line.text.strip(" *_")
        if len(text.split()) > 60:
            continue
        m = pat.compiled("bio", case_sensitive=True)[0].fullmatch(text)
        if m and pat.bio_roles().search(text[m.end("author") :]):
            signals.add("author_bio")
            return m.group("author")
    return None


# -- title ---------------------------------------------------------------------------------


def _title(zones: Zones, publisher: str | None, latin_doc: bool) -> str | None:
    for line in zones.header:
        if line.heading == 1 and _title_candidate(line, publisher, latin_doc):
            return line.text
    candidates = [ln for ln in zones.header if _title_candidate(ln, publisher, latin_doc)]
    below_navigation = [ln for ln in candidates if ln.number > zones.last_header_chrome]
    candidates = below_navigation or candidates
    long_enough = [ln for ln in candidates if len(ln.text.split()) >= 3]
    long_enough = [ln for ln in long_enough if not ln.text.isupper()] or long_enough
    chosen = (long_enough or candidates or [None])[0]
    return chosen.text if chosen else None


def _title_candidate(line: Line, publisher: str | None, latin_doc: bool) -> bool:
    text = line.text
    if latin_doc and latin_share(text) < 0.5:
        return False
    if any(pat.fullmatch(key, text) for key in ("basmala", "verse", "ref_line", "byline")):
        return False
    if pat.fullmatch("office_line", text) and is_name_like(text):
        return False
    short_label = len(text.split()) <= 6 and any(pat.label_genre(seg) for seg in _SEGMENTS.split(text))
    if short_label or pat.fullmatch("source_line", text):
        return False
    if publisher and text.casefold().strip(" .") == publisher.casefold():
        return False
    if _is_date_line(text) or _is_sentence(text) or is_short_link_like(text) and len(text.split()) < 3:
        return False
    return not any(p.search(searchable(text)) for p in pat.compiled("self_named", case_sensitive=True))


def _is_date_line(text: str) -> bool:
    found = find_dates(text)
    if not found:
        return False
    rest = text
    for f in found:
        rest = rest.replace(f.text, " ")
    return len(re.findall(r"[^\W\d_]{3,}", rest)) <= 6


def _is_sentence(text: str) -> bool:
    return len(text.split()) >= 12 and text.rstrip("*_ ").endswith(".")


def _strip_site(title: str | None, publisher: str | None) -> str | None:
    if not title or not publisher:
        return title
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        head, _, tail = title.rpartition(sep)
        if head and tail.strip().casefold() == publisher.casefold():
            return head.strip()
    return title


# -- genre ---------------------------------------------------------------------------------


def _genre(zones: Zones, found: Found) -> str:
    segments = [seg for ln in zones.header for seg in _SEGMENTS.split(ln.text)]
    labelled = [(seg, g) for seg in segments if (g := pat.label_genre(seg))]
    if labelled:
        seg, genre = labelled[0]
        # "Press Service of the X Movement" names a movement's office, it does not label a release
        if genre == "press_release" and pat.fullmatch("office_line", seg.strip()) and _movement(found.publisher):
            return "commentary"
        return genre
    title = found.title or ""
    if re.match(r"(joint )?statement\b", title, re.I):
        return "statement"
    if re.match(r"(op-?ed|opinion|commentary)\s*[:|]", title, re.I):
        return "op_ed" if title.lower().startswith(("op", "opinion")) else "commentary"
    office = "office_header" in found.signals or "office_signoff" in found.signals
    if (office or "media_office" in found.signals) and _movement(found.publisher):
        return "commentary"  # a movement's media office publishes commentary, not press releases
    if office:
        return "press_release"
    if "media_office" in found.signals or _appeals(zones):
        return "commentary"
    if "author_bio" in found.signals or found.author and _first_person(zones):
        return "op_ed"
    return "news"


_MOVEMENT_WORDS = re.compile(r"\b(movement|jamaat|jama'at|hizb|front|caravan|brotherhood|mujahideen|resistance)\b", re.I)


def _movement(publisher: str | None) -> bool:
    """Whether the publisher is a movement's media office: by the outlet catalogue, else by its name."""
    if not publisher:
        return False
    from greatgame.catalogue.outlets import load_outlets

    outlet = load_outlets().resolve(publisher)
    if outlet is not None and outlet.known:
        return outlet.affiliation == "movement"
    return bool(_MOVEMENT_WORDS.search(publisher))


def _first_person(zones: Zones) -> bool:
    return any(pat.search("opinion_markers", ln.text, case_sensitive=True) for ln in zones.kept)


def _appeals(zones: Zones) -> bool:
    return any(pat.search("appeal", ln.text) for ln in zones.kept)
