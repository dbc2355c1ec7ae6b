"""Removing web chrome (menus, comment boxes, widgets, notices) from the lines of a text dump.

The patterns live in ``data/chrome.yaml``. Lines are marked, not deleted, so that the
metadata stage can still see them; ``assemble`` builds the cleaned text from the kept lines.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from greatgame.ingest.language import main_script
from greatgame.ingest.lines import Line
from greatgame.ingest.resources import full_match_any, load, regexes, search_any

logger = logging.getLogger(__name__)

_TERMINAL = '.!?:;,"”»)…'
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*$")
_OPEN_ENDINGS = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but", "that",
    "which", "who", "as", "its", "their", "his", "her", "was", "were", "is", "are", "has", "have", "had",
    "will", "would", "said", "into", "than", "between", "about",
}  # fmt: skip
_CONNECTORS = {
    "and",
    "of",
    "the",
    "in",
    "for",
    "on",
    "to",
    "&",
    "a",
    "an",
    "at",
    "by",
    "with",
    "und",
    "и",
    "в",
}


def mark_chrome(lines: list[Line], protected: set[int] | None = None) -> None:
    """Set ``line.chrome`` to the reason for every line that is page furniture.

    ``protected`` holds the line numbers the metadata stage needs kept (bylines, datelines).
    """
    protected = protected or set()
    cfg = load("chrome")
    for line in lines:
        if line.number not in protected:
            line.chrome = _pattern_reason(line.text, cfg)
    _mark_repeated(lines, protected, cfg)
    _mark_category_runs(lines, protected, cfg)
    _mark_masthead(lines, protected, cfg)
    _cut_tail(lines, protected)
    removed = [ln for ln in lines if ln.chrome]
    logger.debug("chrome: %d of %d lines removed", len(removed), len(lines))


def _pattern_reason(text: str, cfg: dict) -> str | None:
    if full_match_any(regexes("chrome", "line"), text):
        return "chrome pattern"
    if len(text.split()) <= cfg["contains_max_words"] and search_any(regexes("chrome", "contains"), text):
        return "notice"
    if _is_menu(text, cfg):
        return "menu"
    return None


def _is_menu(text: str, cfg: dict) -> bool:
    seps = cfg["menu_separators"]
    pattern = "|".join(re.escape(s) for s in seps)
    parts = [p.strip() for p in re.split(pattern, text)]
    parts = [p for p in parts if p]
    if len(parts) < 2 or any(ch.isdigit() for ch in text):
        return False
    line_patterns = regexes("chrome", "line")
    for part in parts:
        short = len(part.split()) <= cfg["short_line_words"] and len(part) <= cfg["short_line_chars"]
        if not short and not full_match_any(line_patterns, part):
            return False
    words = {w.lower() for w in cfg["menu_words"]}
    return len(parts) >= 3 or any(p.lower() in words for p in parts)


def is_short_link_like(text: str, cfg: dict | None = None) -> bool:
    """A short title-case line with no sentence punctuation and no digits, like a menu entry."""
    cfg = cfg or load("chrome")
    words = text.split()
    if not words or len(words) > cfg["short_line_words"] or len(text) > cfg["short_line_chars"]:
        return False
    if text[-1] in _TERMINAL or any(ch.isdigit() for ch in text):
        return False
    if main_script(text) not in ("latin", "cyrillic"):
        return False
    return all(w[0].isupper() or w.lower() in _CONNECTORS or not w[0].isalpha() for w in words)


def _mark_repeated(lines: list[Line], protected: set[int], cfg: dict) -> None:
    counts = Counter(ln.text.casefold() for ln in lines if is_short_link_like(ln.text, cfg))
    for line in lines:
        if line.chrome or line.number in protected or line.heading:
            continue
        if counts.get(line.text.casefold(), 0) > 1:
            line.chrome = "repeated navigation"


def _mark_category_runs(lines: list[Line], protected: set[int], cfg: dict) -> None:
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.number not in protected and not line.heading:
            if line.chrome or is_short_link_like(line.text, cfg):
                run.append(line)
                continue
        fresh = [ln for ln in run if not ln.chrome]
        if len(fresh) >= cfg["category_run"]:
            for ln in fresh:
                ln.chrome = "category list"
        run = []


def _mark_masthead(lines: list[Line], protected: set[int], cfg: dict) -> None:
    """Lines above the site navigation bar at the top of a page (site name, tagline)."""
    nav_words = {w.lower() for w in cfg["navigation_words"]}
    pattern = "|".join(re.escape(s) for s in cfg["menu_separators"])
    nav_at = -1
    for i, line in enumerate(lines[:12]):
        parts = {p.strip().lower() for p in re.split(pattern, line.text)}
        if line.chrome == "menu" and parts & nav_words:
            nav_at = i
    for line in lines[: max(nav_at, 0)]:
        if (
            line.kept
            and not line.heading
            and line.number not in protected
            and not any(c.isdigit() for c in line.text)
        ):
            line.chrome = "masthead"


def _cut_tail(lines: list[Line], protected: set[int]) -> None:
    """The comment section or related-links block at the end of a page, and all that follows."""
    cut = regexes("chrome", "cut_after")
    for i in range(len(lines) // 2, len(lines)):
        if full_match_any(cut, lines[i].text):
            for line in lines[i:]:
                if line.kept and line.number not in protected:
                    line.chrome = "comment section"
            return


def assemble(lines: list[Line]) -> str:
    """The cleaned text: kept lines, paragraphs separated by blank lines.

    Hard-wrapped prose (a line that does not end a sentence, followed directly by a line
    starting in lower case) is joined back into one paragraph.
    """
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in lines:
        if not line.kept:
            previous = None
            continue
        if previous is not None and _continues(previous, line):
            paragraphs[-1] += " " + line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return "\n\n".join(paragraphs)


def _continues(previous: Line, line: Line) -> bool:
    if line.blank_before or previous.heading or line.heading or previous.quote != line.quote:
        return False
    if _SENTENCE_END.search(previous.text):
        return False
    last_word = previous.text.rsplit(None, 1)[-1].lower()
    return line.text[0].islower() or previous.text[-1] in ",;-–(" or last_word in _OPEN_ENDINGS
