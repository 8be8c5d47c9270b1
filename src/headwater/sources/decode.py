"""Bytes -> text: UTF-8 first, then a named encoding, then charset detection; refuse binary."""

from __future__ import annotations

_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


class DecodeError(ValueError):
    pass


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(8, len(sample) // 100)


def decode_bytes(data: bytes, encoding: str = "") -> tuple[str, str]:
    """Return (text, encoding used). Raises DecodeError with the reason."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
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
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable text (not UTF-8 and no encoding detected)")
    return str(best), best.encoding
