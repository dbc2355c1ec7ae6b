"""The metadata patterns of ``data/metadata.yaml``, compiled once."""

from __future__ import annotations

import functools
import re

from greatgame.ingest.resources import load, searchable

__all__ = ["compiled", "fullmatch", "label_genre", "load", "search"]


def _expand(pattern: str) -> str:
    return pattern.replace("{NAME}", load("metadata")["name"])


@functools.cache
def compiled(key: str, case_sensitive: bool = False) -> tuple[re.Pattern[str], ...]:
    """The patterns under ``key``, with ``{NAME}`` expanded."""
    value = load("metadata")[key]
    items = [value] if isinstance(value, str) else value
    flags = 0 if case_sensitive else re.IGNORECASE
    return tuple(re.compile(_expand(p), flags) for p in items)


@functools.cache
def name_pattern() -> re.Pattern[str]:
    """A person's name as written in bylines (case-sensitive)."""
    return re.compile(load("metadata")["name"])


@functools.cache
def labels() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Header labels and the genre each one marks."""
    return tuple((re.compile(p, re.IGNORECASE), genre) for p, genre in load("metadata")["labels"])


@functools.cache
def not_a_person() -> re.Pattern[str]:
    """Words that show a byline names a desk or an office, not a person."""
    words = "|".join(load("metadata")["not_a_person"])
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


@functools.cache
def bio_roles() -> re.Pattern[str]:
    """Role words of an author biography line."""
    return re.compile(rf"\b(?:{load('metadata')['bio_roles']})s?\b", re.IGNORECASE)


def fullmatch(key: str, text: str, case_sensitive: bool = False) -> re.Match[str] | None:
    """The first pattern under ``key`` that matches all of ``text``."""
    for p in compiled(key, case_sensitive):
        m = p.fullmatch(text)
        if m:
            return m
    return None


def search(key: str, text: str, case_sensitive: bool = False) -> re.Match[str] | None:
    """The first pattern under ``key`` found in ``text`` (long tokens cut, see ``resources.searchable``)."""
    text = searchable(text)
    for p in compiled(key, case_sensitive):
        m = p.search(text)
        if m:
            return m
    return None


def label_genre(text: str) -> str | None:
    """The genre a header label line marks ("Press release" -> press_release), or None."""
    stripped = text.strip(" :*_-—–|")
    for pattern, genre in labels():
        if pattern.fullmatch(stripped):
            return genre
    return None
