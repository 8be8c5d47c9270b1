"""Bytes -> text: a BOM (UTF-8/16/32), UTF-8, a named encoding, then charset detection; refuse binary.

Text handed on is valid Unicode: lone surrogates (from JSON escapes such as ``"\\ud800"``,
or undecodable bytes in file names) are replaced by U+FFFD and counted (``valid_text``).
"""

from __future__ import annotations

import codecs
import re

_CONTROL = (set(range(0, 32)) - {9, 10, 12, 13}) | {127}
# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Below this many bytes, text that is not UTF-8 is too short for its encoding to be told from binary.
MIN_DETECT_BYTES = 32
_SURROGATE = re.compile("[\ud800-\udfff]")


class DecodeError(ValueError):
    pass


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    # Text may carry a few escape sequences (a coloured title); a short file made of control bytes
    # ("\x01\x02\x03") is not text even when it is valid UTF-8.
    return controls > max(8, len(sample) // 100) or (len(sample) < 64 and controls * 8 > len(sample))


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, BOM length) when ``data`` starts with a byte-order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def decode_bytes(data: bytes, encoding: str = "") -> tuple[str, str]:
    """Return (text, encoding used). Raises DecodeError with the reason."""
    bom = bom_encoding(data)
    if bom is not None:
        name, size = bom
        try:
            return data[size:].decode(name), name
        except UnicodeDecodeError as exc:
            raise DecodeError(f"starts with a {name} byte-order mark but is not {name}: {exc.reason}") from exc
    if looks_binary(data):
        raise DecodeError("binary file (not text)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(f"cannot decode as {encoding}: {exc}") from exc
    if len(data.strip()) < MIN_DETECT_BYTES:
        raise DecodeError(f"binary or unknown encoding (not UTF-8, and {len(data)} bytes are too few to tell)")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable text (not UTF-8 and no encoding detected)")
    return str(best), best.encoding


def valid_text(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, and how many were replaced."""
    if text.isascii():
        return text, 0
    fixed, n = _SURROGATE.subn("\ufffd", text)
    return fixed, n


def valid_name(text: str) -> str:
    return valid_text(text)[0]
