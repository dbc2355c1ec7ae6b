"""Readers: files and folders to RawDocuments, with a Failure for each document that cannot be read.

Only one file is held in memory at a time; JSON Lines files are read line by line.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from greatgame.config import Settings
from greatgame.ingest.decoding import DecodeProblem, decode_bytes, display_name, scrub
from greatgame.ingest.resources import load
from greatgame.models import Failure, RawDocument

logger = logging.getLogger(__name__)

KINDS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
OPTIONAL_FIELDS = ("title", "url", "publisher", "author")


def read_sources(paths: Iterable[str | Path], settings: Settings) -> Iterator[RawDocument | Failure]:
    """Yield one RawDocument per readable document under ``paths``, a Failure for every other one.

    Folders are recursed in sorted order; hidden files and folders are skipped, and so are
    files of unknown type found inside a folder (a file named explicitly with an unknown type
    is a Failure, so that the user learns why nothing came out of it).

    Every id, path, reason and text that comes out is scrubbed (see ``decoding.scrub``): a file
    name or a JSON string that is not valid Unicode cannot break the store or the terminal.
    """
    for item in _read_all(paths, settings):
        yield _scrubbed(item)


def _scrubbed(item: RawDocument | Failure) -> RawDocument | Failure:
    if isinstance(item, Failure):
        item.doc_id, item.reason = display_name(item.doc_id), display_name(item.reason)
        item.path = display_name(item.path) if item.path is not None else None
        return item
    item.id, item.content = display_name(item.id), scrub(item.content)
    item.path = display_name(item.path) if item.path is not None else None
    item.given = {k: scrub(v) if isinstance(v, str) else v for k, v in item.given.items()}
    return item


def _read_all(paths: Iterable[str | Path], settings: Settings) -> Iterator[RawDocument | Failure]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _read_folder(path, settings)
        elif path.exists():
            if _kind(path) is None:
                yield Failure(path.name, _unknown_type_reason(path), str(path))
            else:
                yield from _read_file(path, settings)
        else:
            yield Failure(
                path.name or str(given), f"no such file or folder: {given}; check the path", str(given)
            )


def _kind(path: Path) -> str | None:
    return KINDS.get(path.suffix.lower())


def _unknown_type_reason(path: Path) -> str:
    known = ", ".join(sorted(set(KINDS)))
    return f"unsupported file type '{path.suffix or '(none)'}'; greatgame reads {known}"


def _read_folder(folder: Path, settings: Settings) -> Iterator[RawDocument | Failure]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Failure(
            folder.name,
            f"cannot list folder {folder}: {exc.strerror or exc}; check its permissions",
            str(folder),
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            logger.debug("skipping hidden %s", entry.path)
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _read_folder(path, settings)
        elif _kind(path) is None:
            logger.debug("skipping %s: unsupported file type", path)
        else:
            yield from _read_file(path, settings)


def _too_large_reason(size: int, limit: int) -> str:
    return (
        f"too large: {size:,} bytes, over the limit of {limit:,} bytes; "
        f"raise the limit with --max-bytes or GREATGAME_MAX_BYTES"
    )


def _read_file(path: Path, settings: Settings) -> Iterator[RawDocument | Failure]:
    kind = _kind(path)
    if kind == "jsonl":
        yield from _read_jsonl(path, settings)
        return
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield Failure(path.name, _too_large_reason(size, settings.max_bytes), str(path))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(
            path.name,
            f"cannot read {path}: {exc.strerror or exc}; check that it exists and is readable",
            str(path),
        )
        return
    yield _document_from_bytes(path, kind, data)


def _document_from_bytes(path: Path, kind: str, data: bytes) -> RawDocument | Failure:
    if not data:
        return Failure(path.name, "the file is empty", str(path))
    try:
        text, encoding = decode_bytes(data)
    except DecodeProblem as exc:
        return Failure(path.name, f"the file {exc}", str(path))
    text = scrub(text)
    if not text.strip():
        return Failure(path.name, "the file holds only whitespace (or control characters), no text", str(path))
    logger.debug("read %s (%s, %d bytes, %s)", path, kind, len(data), encoding)
    return RawDocument(id=path.name, kind=kind, content=text, path=str(path))


def _read_jsonl(path: Path, settings: Settings) -> Iterator[RawDocument | Failure]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Failure(
            path.name,
            f"cannot read {path}: {exc.strerror or exc}; check that it exists and is readable",
            str(path),
        )
        return
    with handle:
        number, seen = 0, False
        while True:
            line = handle.readline(settings.max_bytes + 1)
            if not line:
                break
            number += 1
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            where = f"{path.name}:{number}"
            if len(line) > settings.max_bytes and not line.endswith(b"\n"):
                seen = True
                _skip_rest_of_line(handle)
                yield Failure(
                    where, f"line {number} of {path.name}: {_too_large_reason(len(line), settings.max_bytes)}", str(path)
                )
                continue
            if line.strip():
                seen = True
                yield _jsonl_document(line, number, where, path)
        if not seen:
            yield Failure(path.name, "the file is empty: it holds no JSON lines", str(path))


def _skip_rest_of_line(handle: Any) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_document(line: bytes, number: int, where: str, path: Path) -> RawDocument | Failure:
    try:
        record = json.loads(line.decode("utf-8"))
    except RecursionError:
        return Failure(where, f"line {number} of {path.name} nests JSON arrays or objects too deeply", str(path))
    except UnicodeDecodeError:
        return Failure(
            where, f"line {number} of {path.name} is not valid UTF-8; re-save the file as UTF-8", str(path)
        )
    except json.JSONDecodeError as exc:
        return Failure(
            where,
            f"line {number} of {path.name} is not valid JSON ({exc.msg} at column {exc.colno})",
            str(path),
        )
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        return Failure(where, f"line {number} of {path.name} holds a value Python cannot read ({exc})", str(path))
    if not isinstance(record, dict):
        return Failure(
            where, f"line {number} of {path.name} is a JSON {type(record).__name__}, not an object", str(path)
        )
    doc_id = record.get("id")
    if isinstance(doc_id, str):
        doc_id = scrub(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        problem = 'has no "id"' if doc_id is None else 'has an "id" that is not a non-empty string'
        return Failure(where, f"line {number} of {path.name} {problem}", str(path))
    problem = _jsonl_problem(record)
    if problem:
        return Failure(doc_id, f"line {number} of {path.name}: {problem}", str(path))
    given = {k: record[k] for k in OPTIONAL_FIELDS if record.get(k) is not None}
    if record.get("published") is not None:
        given["published"] = _parse_given_date(record["published"])
    return RawDocument(id=doc_id, kind="jsonl", content=record["text"], path=str(path), given=given)


def _jsonl_problem(record: dict[str, Any]) -> str | None:
    text = record.get("text")
    if text is None:
        return 'no "text" field'
    if not isinstance(text, str):
        return f'"text" must be a string, not {type(text).__name__}'
    if not scrub(text).strip():
        return '"text" is empty (or only whitespace and control characters)'
    for key in (*OPTIONAL_FIELDS, "published"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return f'"{key}" must be a string or null, not {type(value).__name__}'
    published = record.get("published")
    if published is not None:
        date = _parse_given_date(published)
        if date is None:
            return f'"published" must be a date written YYYY-MM-DD, not {published[:40]!r}'
        lo, hi = load("dates")["gregorian_years"]
        if not lo <= date.year <= hi:
            return f'"published" {published[:40]!r} is outside the years {lo}-{hi} greatgame reads'
    return None


def _parse_given_date(value: str) -> dt.date | None:
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
