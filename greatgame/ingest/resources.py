"""Loading of the ingest data files (chrome patterns, metadata patterns, date words, languages)."""

from __future__ import annotations

import functools
import logging
import re
from importlib import resources
from typing import Any

import yaml

logger = logging.getLogger(__name__)


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed YAML data file ``greatgame/ingest/data/<name>.yaml`` (read once)."""
    text = resources.files("greatgame.ingest").joinpath("data").joinpath(f"{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    logger.debug("loaded ingest data file %s.yaml", name)
    return data


@functools.cache
def regexes(name: str, key: str) -> tuple[re.Pattern[str], ...]:
    """The patterns listed under ``key`` in data file ``name``, compiled case-insensitively."""
    return tuple(re.compile(p, re.IGNORECASE) for p in load(name).get(key, []))


def full_match_any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    """Whether one of ``patterns`` matches the whole of ``text``."""
    return any(p.fullmatch(text) for p in patterns)


MAX_TOKEN = 64
_LONG_TOKEN = re.compile(rf"(\S{{{MAX_TOKEN}}})\S+")


def searchable(text: str) -> str:
    r"""``text`` with every token cut to its first ``MAX_TOKEN`` characters, for pattern searches.

    The metadata patterns (names, outlets, notices) hold runs like ``[\w.'-]+``; searched over
    one enormous token (a 1 MB line of letters, written to stall the reader) they take time
    quadratic in its length, inside the regex engine where no time limit can stop them. No
    name, label or notice has a 64-letter word, so what the patterns look for is unchanged.
    """
    return _LONG_TOKEN.sub(r"\1", text) if len(text) > MAX_TOKEN else text


def search_any(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """The first match of any of ``patterns`` inside ``text`` (long tokens cut, see ``searchable``)."""
    text = searchable(text)
    for p in patterns:
        m = p.search(text)
        if m:
            return m
    return None
