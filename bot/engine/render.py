"""Plain-text rendering of replies: the console's answers, and the bot's text without embeds."""

from __future__ import annotations

import textwrap

from bot.engine.answers import Answer, Mode, Reply
from bot.knowledge.model import Reading


def kind_label(answer: Answer) -> str:
    """'Disagreement with Nicholas Bequelin', 'Recommendation', ..."""
    label = answer.kind.title()
    if answer.target and answer.kind in ("agreement", "disagreement", "critique", "concession"):
        return f"{label} ({'with' if answer.kind != 'critique' else 'of'} {answer.target})"
    return label


def lead(reply: Reply) -> str:
    """The sentence that introduces a reply."""
    if reply.abstained:
        return reply.message or "The reading doesn't cover that."
    if reply.mode is Mode.WHO:
        names = ", ".join(dict.fromkeys(a.contributor for a in reply.answers))
        return " ".join(p for p in (reply.message, f"On that: {names}.") if p)
    if reply.mode is Mode.COMPARE:
        names = " and ".join(dict.fromkeys(a.contributor for a in reply.answers))
        return f"Comparing {names}." + (f" {reply.message}" if reply.message else "")
    if reply.candidates:
        return "That could mean several contributors; here is what each said."
    return reply.message


def related_note(reply: Reply, most: int = 3) -> str:
    """Where the nearest passages stand, when an abstention has any ("Nearest, though they
    don't answer it: Nicholas Bequelin, paragraph 11."); "" otherwise."""
    if not reply.abstained or not reply.related:
        return ""
    places = list(dict.fromkeys(f"{a.contributor}, paragraph {a.paragraph}"
                                for a in reply.related))[:most]
    return "Nearest, though they don't answer it: " + "; ".join(places) + "."


def render_answer(answer: Answer, width: int = 88) -> str:
    """One cited answer as a few lines of text."""
    head = f"{answer.contributor} - {kind_label(answer)} (paragraph {answer.paragraph})"
    body = textwrap.fill(answer.summary, width=width)
    quote = textwrap.fill(
        f"“{answer.quote}”", width=width, initial_indent="  > ", subsequent_indent="    "
    )
    return f"{head}\n{body}\n{quote}"


def render_reply(reply: Reply, reading: Reading | None = None, width: int = 88) -> str:
    """A whole reply as text, the way the console prints it."""
    opening = lead(reply)
    parts = [opening] if opening else []
    near = related_note(reply)
    if near:
        parts.append(near)
    if reply.reading_as:
        parts.insert(0, f"Reading that as: {reply.reading_as}")
    parts.extend(render_answer(a, width) for a in reply.answers)
    if reading is not None and not reply.abstained:
        parts.append(f"Source: {reading.title} {reading.url}")
    return "\n\n".join(parts)
