"""Splitting a reading's text into numbered paragraphs, and whitespace-insensitive matching."""

from __future__ import annotations

import re

_SPLIT = re.compile(r"\n\s*\n|\n(?=\S)")
_SPACE = re.compile(r"\s+")


def split_paragraphs(raw: str) -> list[str]:
    """Split on blank lines and on a line break before a non-space character.

    This is the numbering ATTRIBUTION.md uses (counting from 0). Paragraph text is kept
    verbatim apart from surrounding whitespace.
    """
    return [p.strip() for p in _SPLIT.split(raw) if p.strip()]


def squash(text: str) -> str:
    """Collapse every run of whitespace (including no-break spaces) to one space."""
    return _SPACE.sub(" ", text).strip()


def is_verbatim(quote: str, paragraph: str) -> bool:
    """True when `quote` occurs in `paragraph` word for word (whitespace runs aside)."""
    needle = squash(quote)
    return bool(needle) and needle in squash(paragraph)
