"""Bad input: binary, empty, too large, not UTF-8; a BOM and CR line ends are fine."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.source import MAX_BYTES, IngestError, decode, read_source


def test_utf8_with_bom_and_crlf() -> None:
    assert decode("\ufeffHello\r\nworld\r".encode()) == "Hello\nworld\n"


def test_binary_is_refused() -> None:
    with pytest.raises(IngestError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \n"])
def test_empty_is_refused(data: bytes) -> None:
    with pytest.raises(IngestError, match="empty"):
        decode(data)


def test_latin1_gets_a_clear_error() -> None:
    with pytest.raises(IngestError, match=r"not UTF-8 \(byte 3.*iconv"):
        decode("Caf\xe9 society".encode("latin-1"))


def test_five_megabytes_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (5 * 1024 * 1024 // 5))
    assert big.stat().st_size > MAX_BYTES
    with pytest.raises(IngestError, match="at most"):
        read_source(big)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read"):
        read_source(tmp_path / "nope.txt")
