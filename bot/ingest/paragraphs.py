"""Paragraphs as the loader numbers them, with how each was set apart from the one before."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.paragraphs import split_paragraphs

_SPLIT = re.compile(r"(\n\s*\n|\n(?=\S))")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph and whether only a single line break stood before it."""

    text: str
    tight: bool  # True after a single line break (a caption under its photo credit)


def blocks(text: str) -> list[Block]:
    """The text's paragraphs, numbered exactly as `split_paragraphs` numbers them."""
    out: list[Block] = []
    tight = False
    for n, piece in enumerate(_SPLIT.split(text)):
        if n % 2:  # a separator (split keeps them at odd places)
            tight = piece.count("\n") == 1
            continue
        if piece.strip():
            out.append(Block(piece.strip(), tight and bool(out)))
            tight = False
    assert [b.text for b in out] == split_paragraphs(text)
    return out
