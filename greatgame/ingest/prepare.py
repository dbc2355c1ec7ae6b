"""From a RawDocument to a Document: cleaned text plus metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import fields
from typing import Any

from greatgame.config import Settings
from greatgame.errors import UnreadableDocument
from greatgame.ingest import patterns as pat
from greatgame.ingest.clean import assemble, mark_chrome
from greatgame.ingest.dates import find_dates
from greatgame.ingest.header import zones as split_zones
from greatgame.ingest.html import HtmlPage, iso_date, parse_html
from greatgame.ingest.language import detect_language, latin_share
from greatgame.ingest.lines import Line, split_front_matter, to_lines
from greatgame.ingest.metadata import read_metadata
from greatgame.ingest.published import DateResult, publication_date
from greatgame.models import Document, DocumentMeta, RawDocument

logger = logging.getLogger(__name__)

_META_FIELDS = {f.name for f in fields(DocumentMeta)}


def prepare(raw: RawDocument, settings: Settings | None = None) -> Document:
    """Clean ``raw`` and read its metadata.

    Raises UnreadableDocument when nothing of the text is left after cleaning.
    """
    hints: dict[str, Any] = {}
    meta_lines: list[Line] | None = None
    if raw.kind == "html":
        page = parse_html(raw.content)
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
    if not text.strip():
        raise UnreadableDocument(raw.id, "no text is left once menus and other page furniture are removed")
    meta = _metadata(raw, lines if meta_lines is None else meta_lines, hints, text)
    return Document(meta=meta, text=text)


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
        content_hash=hashlib.sha256(raw.content.encode("utf-8")).hexdigest(),
        hijri=dates.hijri,
    )
    if dates.notes and "notes" in _META_FIELDS:
        meta.notes = list(dates.notes)  # type: ignore[attr-defined]
    return meta


def _dates(zones: Any, lines: list[Line], hints: dict[str, Any], doc_id: str) -> DateResult:
    given = hints.get("published")
    from_text = publication_date(zones, [ln for ln in lines if ln.kept], doc_id)
    if isinstance(given, dt.date):
        from_text.date, from_text.source = given, "given"
    return from_text
