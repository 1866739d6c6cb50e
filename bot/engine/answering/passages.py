"""Where a position stands in its paragraph: its opening word ("Third, ..."), its offset,
and lookups by id; shared by the answers that read a contributor's list or read on."""

from __future__ import annotations

from bot.engine.sources import Sources
from bot.knowledge.model import Position

# The words that open the points of a numbered list, by number (-1: the last)
ORDINAL_OPENERS = {
    1: ("first", "firstly"), 2: ("second", "secondly"), 3: ("third", "thirdly"),
    4: ("fourth", "fourthly"), 5: ("fifth", "fifthly"), 6: ("sixth",), 7: ("seventh",),
    -1: ("finally", "lastly", "last", "fifth"),
}


def opening(text: str) -> str:
    """The first word of a text, lower case, without its comma: "third"."""
    return text.split(",", 1)[0].split(" ", 1)[0].strip().lower()


def position_of(src: Sources, position_id: str) -> Position | None:
    """The position with this id, or None."""
    try:
        return src.reading.position(position_id)
    except KeyError:
        return None


def offset_in_paragraph(src: Sources, p: Position) -> int:
    """Where a position's quote starts in its paragraph's text (-1 if not found)."""
    return src.reading.paragraph(p.paragraph).text.find(p.quote[:40])


def text_order(src: Sources, p: Position) -> tuple[int, int]:
    """Where a position stands in the text: its paragraph, then its quote's offset there."""
    return p.paragraph, offset_in_paragraph(src, p)
