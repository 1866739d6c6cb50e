"""Answering for a whole list ("what are Bequelin's five keys?"): the sentence that opens
it ("The keys ... are relatively straightforward:") and the points that follow it in order
("First, ...", "Second, ...", "Finally, ...")."""

from __future__ import annotations

import dataclasses
import re

from bot.engine.answering.passages import (
    ORDINAL_OPENERS,
    opening,
    position_of,
    text_order,
)
from bot.engine.answers import Mode, Reply
from bot.engine.question import Question
from bot.engine.sources import Sources
from bot.knowledge.model import Position

LIST_MOST = 7  # points shown after the opening sentence at the most
# "his keys", "the five keys", "what reasons does she give", "list her recommendations"
_ASKS_LIST = re.compile(
    r"\b(?:keys|reasons|points|steps|recommendations|proposals|suggestions|measures|"
    r"priorities|arguments|ideas|factors|ways|things|lessons|principles|list|lists|listed)\b",
    re.I,
)
_OPENERS = frozenset(w for words in ORDINAL_OPENERS.values() for w in words)
_LAST = frozenset(ORDINAL_OPENERS[-1])


def asks_list(text: str) -> bool:
    """Whether a question asks for the points of a list, not one of them."""
    return _ASKS_LIST.search(text) is not None


def list_points(src: Sources, start: Position) -> list[Position]:
    """The points a list-opening position introduces: its author's following positions
    whose quote (or paragraph) opens with "First", "Second", ... up to "Finally"."""
    here = text_order(src, start)
    later = sorted(
        (p for p in src.reading.positions_of(start.contributor_id)
         if text_order(src, p) > here),
        key=lambda p: text_order(src, p),
    )
    points: list[Position] = []
    paragraphs_seen = {start.paragraph}
    for p in later:
        first_here = p.paragraph not in paragraphs_seen  # its author's first in the paragraph
        paragraphs_seen.add(p.paragraph)
        first_word = opening(p.quote)
        if first_word not in _OPENERS and first_here:  # "Finally, ... For instance, <quote>"
            first_word = opening(src.reading.paragraph(p.paragraph).text)
        if first_word not in _OPENERS:
            if first_here and points:
                break  # a new paragraph that opens no point: the list has ended
            continue
        points.append(p)
        if first_word in _LAST or len(points) >= LIST_MOST:
            break
    return points


def with_list(src: Sources, q: Question, reply: Reply) -> Reply:
    """The reply, with the points of the list its best answer opens when the question asks
    for the list ("what are Bequelin's keys?"); unchanged otherwise."""
    if reply.mode is not Mode.ANSWER or not reply.answers or not asks_list(q.text):
        return reply
    for top in reply.answers:  # the best answer that opens a list ("a list of steps? ...")
        start = position_of(src, top.position_id) if top.quote.rstrip().endswith(":") else None
        points = list_points(src, start) if start is not None else []
        if points:
            cited = tuple(src.cite(p, top.score) for p in points)
            return dataclasses.replace(reply, answers=(top, *cited))
    return reply


def list_opening(src: Sources, contributor_id: str) -> Position | None:
    """The contributor's first position that opens a list ("The keys ... are as follows:"
    followed by "First, ...", "Second, ..."), or None."""
    return next(
        (p for p in sorted(src.reading.positions_of(contributor_id),
                           key=lambda p: text_order(src, p))
         if p.quote.rstrip().endswith(":") and list_points(src, p)),
        None,
    )
