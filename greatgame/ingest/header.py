"""Where the body of a document starts, and what lies before it (the header zone).

Publication dates, headlines and bylines are read only from the header zone (and from
explicitly labelled lines), never from dates that happen to be mentioned in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from greatgame.ingest import patterns as pat
from greatgame.ingest.lines import Line

_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*$")
MAX_HEADER_LINES = 10


@dataclass
class Zones:
    """The kept lines before the body, the first body line, and the kept lines at the end."""

    header: list[Line]
    first_body: Line | None
    tail: list[Line]
    kept: list[Line]
    last_header_chrome: int = -1  # line number of the last chrome line before the body


def is_body_line(line: Line) -> bool:
    """A paragraph of running prose (not a headline, a byline or a date line)."""
    if line.heading or line.emphasis:
        return False
    bio = pat.compiled("bio", case_sensitive=True)[0].fullmatch(line.text)
    if bio and len(line.text.split()) <= 40 and pat.bio_roles().search(line.text[bio.end("author") :]):
        return False
    words = len(line.text.split())
    return words >= 40 or (words >= 16 and bool(_SENTENCE_END.search(line.text)))


def zones(lines: list[Line], tail_size: int = 8) -> Zones:
    """Split the kept lines of a document into header zone, first body line and tail."""
    kept = [ln for ln in lines if ln.kept]
    header: list[Line] = []
    first_body = None
    for line in kept:
        if is_body_line(line):
            first_body = line
            break
        header.append(line)
    if first_body is None or len(header) > MAX_HEADER_LINES:
        header = header[:MAX_HEADER_LINES] if first_body else kept[: min(5, len(kept))]
    body_from = kept.index(first_body) + 1 if first_body else len(header)
    tail = kept[max(body_from, len(kept) - tail_size) :]
    limit = first_body.number if first_body else (header[-1].number if header else -1)
    chrome = [ln.number for ln in lines if not ln.kept and ln.number < limit]
    return Zones(
        header=header, first_body=first_body, tail=tail, kept=kept, last_header_chrome=max(chrome, default=-1)
    )
