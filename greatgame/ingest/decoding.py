"""Turning the bytes of a file into text, or saying clearly why that is not possible."""

from __future__ import annotations

import codecs
import logging
import os
import re

import charset_normalizer

logger = logging.getLogger(__name__)

_CONTROL_OK = {9, 10, 11, 12, 13, 27}
_MAX_CONTROL_RATIO = 0.05
_MAX_CHAOS = 0.15


_SURROGATES = re.compile("[\ud800-\udfff]")
_PAGE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def scrub(text: str) -> str:
    r"""Text that is safe to store, print and show: no lone surrogates, no control characters.

    Lone surrogates (a JSON escape such as ``\ud800`` alone, a file name that is not UTF-8) cannot be
    written as UTF-8 and become U+FFFD; vertical tabs, form feeds and Unicode line separators
    become newlines; NUL and the other C0/C1 control characters are dropped. Tabs, newlines
    and carriage returns stay.
    """
    text = _SURROGATES.sub("\ufffd", text)
    text = _PAGE_BREAKS.sub("\n", text)
    return _CONTROLS.sub("", text)


def display_name(name: str) -> str:
    r"""A name as printable text, never empty.

    Bytes that are not UTF-8 (kept by Python as surrogates) become U+FFFD; a name made only of
    control characters is shown escaped (``\x01``).
    """
    try:
        shown = scrub(os.fsencode(name).decode("utf-8", "replace"))
    except (UnicodeError, ValueError):
        shown = scrub(name)
    if shown.strip() or not name:
        return shown
    return name.encode("unicode_escape", "backslashreplace").decode("ascii")


class DecodeProblem(ValueError):
    """The bytes are not text; the message says why in plain words."""


def _control_ratio(data: bytes) -> float:
    sample = data[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in _CONTROL_OK or b == 127)
    return bad / len(sample)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    Tries a UTF-8 BOM, a UTF-16 BOM, plain UTF-8, then charset-normalizer's best guess.
    Raises DecodeProblem for binary data (NUL bytes, many control bytes) and for bytes that
    decode cleanly in no encoding.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data:
        raise DecodeProblem("looks binary (it contains NUL bytes), not text; convert it to text first")
    if _control_ratio(data) > _MAX_CONTROL_RATIO:
        raise DecodeProblem("looks binary (mostly control bytes, not text); convert it to text first")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise DecodeProblem(
            "could not be decoded: it is not UTF-8 and no other encoding reads it cleanly; "
            "re-save it as UTF-8"
        )
    logger.debug("decoded with %s (chaos %.2f)", best.encoding, best.chaos)
    return str(best), best.encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeProblem(
            f"starts with a {encoding} byte-order mark but is not valid {encoding} "
            f"(bad byte at position {exc.start}); re-save it as UTF-8"
        ) from exc
