"""Abstaining: say why the reading holds no answer, and what the bot can answer instead."""

from __future__ import annotations

from bot.engine.answers import Mode, Reply
from bot.engine.question import Question
from bot.engine.sources import Sources


def abstain(src: Sources, q: Question, why: str) -> Reply:
    """A reply with no answers: the reason, then what the bot can do."""
    names = ", ".join(c.name for c in src.contributors)
    hint = f"I can answer about what {names} wrote: their positions, agreements and quotes."
    why = why[:1].upper() + why[1:]
    return Reply(q.text, Mode.ABSTAIN, (), f"{why} {hint}".strip())
