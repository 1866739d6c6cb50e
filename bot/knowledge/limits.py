"""Bounds on what the loaders read, so a hostile or mistaken file fails fast and clearly."""

from __future__ import annotations

MAX_YAML_BYTES = 8_000_000  # one knowledge YAML file (shipped: ~20 KB; a drafted debate's
# positions file runs to about twice its speaker's share of the text, itself <= MAX_TEXT_BYTES)
MAX_TEXT_BYTES = 2_000_000  # a reading's text file (the shipped one is ~20 KB)
MAX_UPLOAD_TEXT_BYTES = MAX_TEXT_BYTES  # a text a member or editor uploads to become a reading
MAX_CONFIG_BYTES = 256_000  # config.yaml (the documented example is ~4 KB)
MAX_YAML_NODES = 500_000  # values in one YAML document once its aliases are expanded
MAX_YAML_DEPTH = 64  # levels of nesting in one YAML document
MAX_PROBLEMS_PER_FILE = 100  # problems listed for one file; the rest are counted
SHOWN_CHARS = 40  # at most this much of a value goes into a message


def cut(text: str, limit: int = SHOWN_CHARS) -> str:
    """`text` shortened to about `limit` characters for a message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def size_words(count: int) -> str:
    """A byte count in words: '2.5 MB', '300 KB', '12 bytes'."""
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} MB"
    if count >= 1_000:
        return f"{count // 1_000} KB"
    return f"{count} bytes"
