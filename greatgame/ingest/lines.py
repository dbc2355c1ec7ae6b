"""Splitting a text dump or a markdown file into lines, with markdown markup taken off."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s*([-*_=]\s*){3,}$")
_MD_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
# Link texts and targets are bounded and cannot hold "[": a line of 100 000 "[" or "![" must
# not take the regex engine quadratic time (no time limit can interrupt it there).
_MD_IMAGE = re.compile(r"!\[[^\[\]]{0,500}\]\([^()]{0,2048}\)")
_MD_LINK = re.compile(r"\[([^\[\]]{1,500})\]\([^()]{0,2048}\)|\[([^\[\]]{1,500})\]\[[^\[\]]{0,500}\]")
_MD_LINKDEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+")
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_]+?)(?<=\S)\1(?![\w*])")
_MD_EMPHASIS_LINE = re.compile(r"^\s*([*_]{1,2})(?=\S)(.+?)(?<=\S)\1\s*$")
_MD_CODE = re.compile(r"`([^`]+)`")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]{0,200}>")


@dataclass
class Line:
    """One line of a document on its way through cleaning."""

    text: str
    number: int  # 0-based line number in the source
    heading: int = 0  # markdown heading level, 0 when not a heading
    quote: bool = False
    emphasis: bool = False  # the whole markdown line was in italics or bold (a standfirst, a note)
    chrome: str | None = None  # why the line is chrome, or None when it is kept
    blank_before: bool = False
    tags: set[str] = field(default_factory=set)

    @property
    def kept(self) -> bool:
        """Whether the line stays in the cleaned text."""
        return self.chrome is None


def normalise(text: str) -> str:
    """NFC, Unix newlines, no invisible characters, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", text)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a ``---``-fenced YAML-like header off a markdown text (simple ``key: value`` lines)."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    fields: dict[str, str] = {}
    for raw in text[4:end].splitlines():
        key, sep, value = raw.partition(":")
        if sep and key.strip().isidentifier():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    close = text.find("\n", end + 4)
    return fields, "" if close < 0 else text[close + 1 :]


def to_lines(text: str, markdown: bool = False) -> list[Line]:
    """The non-blank lines of ``text`` (markdown markup removed when ``markdown``)."""
    out: list[Line] = []
    blank = False
    for number, raw in enumerate(normalise(text).split("\n")):
        if markdown and out and not blank and _MD_SETEXT.match(raw):
            out[-1].heading = 1 if raw.strip().startswith("=") else 2
            continue
        line = _md_line(raw, number) if markdown else Line(_clean_spaces(raw), number)
        if line is None or not line.text:
            blank = True
            continue
        line.blank_before = blank or not out
        blank = False
        out.append(line)
    return out


def _clean_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _md_line(raw: str, number: int) -> Line | None:
    if _MD_RULE.match(raw) or _MD_LINKDEF.match(raw):
        return None
    heading = 0
    quote = False
    m = _MD_HEADING.match(raw)
    if m:
        heading, raw = len(m.group(1)), m.group(2)
    if _MD_QUOTE.match(raw):
        quote, raw = True, _MD_QUOTE.sub("", raw)
    raw = _MD_LIST.sub("", raw)
    emphasis = bool(_MD_EMPHASIS_LINE.match(raw))
    raw = _MD_IMAGE.sub("", raw)
    raw = _MD_LINK.sub(lambda mm: mm.group(1) or mm.group(2), raw)
    raw = _MD_CODE.sub(r"\1", raw)
    raw = _MD_BOLD.sub(r"\2", raw)
    raw = _MD_ITALIC.sub(r"\2", raw)
    raw = _HTML_TAG.sub("", raw)
    return Line(_clean_spaces(raw), number, heading=heading, quote=quote, emphasis=emphasis)
