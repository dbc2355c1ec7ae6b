"""From a RawDocument to a Document: cleaned text plus metadata."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import fields, replace
from typing import Any

from greatgame.config import Settings
from greatgame.errors import UnreadableDocument
from greatgame.ingest import patterns as pat
from greatgame.ingest.clean import assemble, mark_chrome
from greatgame.ingest.dates import find_dates
from greatgame.ingest.decoding import scrub
from greatgame.ingest.header import zones as split_zones
from greatgame.ingest.html import HtmlPage, iso_date, parse_html
from greatgame.ingest.language import detect_language, latin_share
from greatgame.ingest.lines import Line, split_front_matter, to_lines
from greatgame.ingest.metadata import read_metadata
from greatgame.ingest.published import DateResult, publication_date
from greatgame.ingest.resources import load
from greatgame.models import Document, DocumentMeta, RawDocument

logger = logging.getLogger(__name__)

_META_FIELDS = {f.name for f in fields(DocumentMeta)}


def prepare(raw: RawDocument, settings: Settings | None = None) -> Document:
    """Clean ``raw`` and read its metadata.

    Raises UnreadableDocument when nothing of the text is left after cleaning.
    """
    content_hash = raw.content_hash()  # of the content as read, the identity ingest skips by
    raw = _scrubbed(raw)
    hints: dict[str, Any] = {}
    meta_lines: list[Line] | None = None
    too_deep = False
    if raw.kind == "html":
        page = parse_html(raw.content)
        too_deep = page.too_deep
        lines = [Line(text, i, blank_before=True) for i, text in enumerate(page.body_lines)]
        meta_lines = to_lines("\n\n".join(page.page_lines)) if page.page_lines else None
        hints.update(_html_hints(page))
    elif raw.kind == "md":
        front, body = split_front_matter(raw.content)
        lines = to_lines(body, markdown=True)
        hints.update(_front_matter_hints(front))
    else:
        lines = to_lines(raw.content)
    hints.update({k: v for k, v in raw.given.items() if v is not None})
    for group in (lines, meta_lines or []):
        mark_chrome(group, protected=_protected(group))
    text = assemble(lines)
    if not text.strip() and too_deep:
        raise UnreadableDocument(raw.id, "the HTML nests elements more than 255 levels deep and no text "
                                 "is left above that depth; greatgame cannot read text nested that deep")  # fmt: skip
    if not text.strip():
        raise UnreadableDocument(raw.id, "no text is left once menus and other page furniture are removed")
    meta = _metadata(raw, lines if meta_lines is None else meta_lines, hints, text)
    meta.content_hash = content_hash
    return Document(meta=meta, text=text)


def _scrubbed(raw: RawDocument) -> RawDocument:
    """The document with its text and given fields scrubbed (callers of the Python API may pass anything)."""
    given = {k: scrub(v) if isinstance(v, str) else v for k, v in raw.given.items()}
    return replace(raw, id=scrub(raw.id), content=scrub(raw.content), given=given)


def _protected(lines: list[Line]) -> set[int]:
    keep = set()
    for line in lines:
        if any(pat.fullmatch(key, line.text) for key in ("byline", "office_line", "signoff")):
            keep.add(line.number)
    return keep


def _html_hints(page: HtmlPage) -> dict[str, Any]:
    return {
        "title": page.title(),
        "publisher": page.publisher or page.site_name,
        "author": page.author,
        "published": page.published,
        "genre": page.genre_hint,
    }


def _front_matter_hints(front: dict[str, str]) -> dict[str, Any]:
    hints: dict[str, Any] = {k: front.get(k) for k in ("title", "author", "publisher", "url")}
    date_text = front.get("date") or front.get("published")
    if date_text:
        hints["published"] = iso_date(date_text) or next(
            (f.date for f in find_dates(date_text) if f.date), None
        )
    return hints


def _metadata(raw: RawDocument, lines: list[Line], hints: dict[str, Any], text: str) -> DocumentMeta:
    zones = split_zones(lines)
    latin_doc = latin_share(text) >= 0.5
    found = read_metadata(zones, hints, latin_doc)
    dates = _dates(zones, lines, hints, raw.id)
    meta = DocumentMeta(
        id=raw.id,
        title=found.title,
        published=dates.date,
        publisher=found.publisher,
        author=found.author,
        genre=found.genre,
        language=detect_language(text),
        url=hints.get("url"),
        path=raw.path,
        hijri=dates.hijri,
    )
    if dates.notes and "notes" in _META_FIELDS:
        meta.notes = list(dates.notes)  # type: ignore[attr-defined]
    return meta


def _dates(zones: Any, lines: list[Line], hints: dict[str, Any], doc_id: str) -> DateResult:
    given = hints.get("published")
    from_text = publication_date(zones, [ln for ln in lines if ln.kept], doc_id)
    if isinstance(given, dt.date):
        lo, hi = load("dates")["gregorian_years"]
        if lo <= given.year <= hi:
            from_text.date, from_text.source = given, "given"
        else:  # a page may claim any date; one outside the range read from text is not trusted
            from_text.notes.append(f"ignored the publication date {given.isoformat()} the page gave: "
                                   f"outside the years {lo}-{hi}")  # fmt: skip
            logger.info("%s: %s", doc_id, from_text.notes[-1])
    return from_text
