"""The data files of the NLP stage (word lists, relation patterns), read once with importlib.resources."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml


@functools.cache
def read_yaml(name: str) -> Any:
    """Parse ``greatgame/nlp/data/<name>`` (cached; callers must not mutate the result)."""
    text = resources.files("greatgame.nlp").joinpath("data").joinpath(name).read_text(encoding="utf8")
    return yaml.safe_load(text)


@functools.cache
def lexicon(section: str) -> dict[str, Any]:
    """One section of ``lexicon.yaml``, lists turned into frozensets for fast membership tests."""
    raw = read_yaml("lexicon.yaml")[section]
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in raw.items()}
