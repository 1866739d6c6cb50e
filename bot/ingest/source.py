"""Reading the text a moderator gives: bytes to text, refusing what is not a text."""

from __future__ import annotations

from pathlib import Path

MAX_BYTES = 2_000_000  # about 300,000 words; a reading is far smaller


class IngestError(Exception):
    """The input cannot be ingested; the message says why and what to do."""


def decode(data: bytes, name: str = "the text") -> str:
    """UTF-8 text (with or without BOM), line ends made '\\n'; IngestError otherwise."""
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    if b"\x00" in data[:65536]:
        raise IngestError(f"{name} is a binary file, not a text; give a plain .txt file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{name} is not UTF-8 (byte {exc.start} cannot be read); save it as UTF-8 "
            "(e.g. `iconv -f latin1 -t utf-8 IN > OUT`) and try again"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(f"{name} is empty; give a file holding the reading's text")
    return text


def read_source(path: Path) -> str:
    """The text of a file, decoded as `decode` does."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # refused before reading it into memory
            raise _too_big(str(path), size)
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read {path}: {exc.strerror or exc}") from None
    return decode(data, str(path))


def _too_big(name: str, size: int) -> IngestError:
    return IngestError(
        f"{name} is {size:,} bytes; a reading may have at most {MAX_BYTES:,} "
        "(split a longer text into several readings)"
    )
