"""A disk cache of the catalogue ruler's phrase patterns, so a process starts without re-tokenising them.

Building the ruler means tokenising every alias, title and place (thousands of strings) and
creating a vocabulary entry for each new word: about a second per process, paid again by every
worker of every run. The patterns - the NORM hashes of each string's tokens - depend only on the
strings, the tokenizer and the folding rules, so they are kept in one JSON file per set of
strings under ``Settings.cache_dir``.

The file name is a hash of everything the patterns depend on: greatgame's and spaCy's versions,
the model's name and version, and every (group, text) pair in order (the catalogue data that
reaches the ruler). The file repeats the pairs and carries a checksum of its content. A file
that cannot be read, does not parse, fails the checksum or lists other pairs is not trusted:
the patterns are rebuilt and the file rewritten (atomically, so a concurrent worker never sees
half a file). A cache folder that cannot be written costs speed, never correctness.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

logger = logging.getLogger(__name__)

Pair = tuple[str, str]  # (group, text)
Norms = tuple[int, ...]
_MAX = 2**64


def cache_key(pairs: Sequence[Pair], versions: Sequence[str]) -> str:
    """Hash of the versions and the (group, text) pairs the patterns are built from."""
    digest = hashlib.sha256()
    for part in versions:
        digest.update(part.encode("utf-8") + b"\0")
    for group, text in pairs:
        digest.update(group.encode("utf-8") + b"\1" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()[:32]


def _checksum(rows: list) -> str:
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")).hexdigest()


def _read(path: Path, pairs: Sequence[Pair]) -> list[Norms] | None:
    """The cached patterns of ``pairs`` in ``path``, or None when the file is missing or not to be trusted."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data["patterns"]
        if data["checksum"] != _checksum(rows) or len(rows) != len(pairs):
            raise ValueError("checksum or length mismatch")
        out: list[Norms] = []
        for (group, text), row in zip(pairs, rows, strict=True):
            g, t, norms = row
            if g != group or t != text or not norms or not all(type(n) is int and 0 <= n < _MAX for n in norms):
                raise ValueError(f"entry for {text!r} does not match")
            out.append(tuple(norms))
        return out
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        logger.warning("pattern cache %s is stale or damaged (%s); rebuilding it", path, exc)
        return None


def _write(path: Path, pairs: Sequence[Pair], patterns: Sequence[Norms]) -> None:
    rows = [[g, t, list(n)] for (g, t), n in zip(pairs, patterns, strict=True)]
    payload = json.dumps({"checksum": _checksum(rows), "patterns": rows}, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, path)
        for other in path.parent.glob("ruler-*.json"):  # patterns of an older catalogue or version
            if other != path:
                other.unlink(missing_ok=True)
    except OSError as exc:
        logger.warning("could not write the pattern cache %s (%s); the next run builds the patterns again "
                       "(set GREATGAME_CACHE_DIR to a writable folder to keep them)", path, exc)


def cached_patterns(
    folder: Path | None, pairs: Sequence[Pair], versions: Sequence[str], build: Callable[[str], Norms]
) -> list[Norms]:
    """The patterns of ``pairs``, from the cache in ``folder`` when it holds them, else built and stored.

    ``build(text)`` makes one pattern; ``folder=None`` turns the cache off.
    """
    if folder is None:
        return [build(text) for _, text in pairs]
    path = Path(folder) / f"ruler-{cache_key(pairs, versions)}.json"
    found = _read(path, pairs)
    if found is not None:
        logger.debug("catalogue ruler patterns read from %s", path)
        return found
    patterns = [build(text) for _, text in pairs]
    _write(path, pairs, patterns)
    return patterns
