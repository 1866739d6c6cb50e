"""Context cards: a prompt with what each relevant contributor said on it, as plain data.

Both front ends render the same :class:`Card`: Discord as embeds
(:mod:`bot.discordbot.prompt_embeds`), the console as text (:func:`render_text`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.engine.answers import Answer, cite
from bot.knowledge.model import Reading

NO_POSITIONS = (
    "No contributor to the reading speaks to this directly, so there is no context to show: "
    "a good question to open up from first principles."
)


class Source(StrEnum):
    """Where a prompt comes from."""

    CURATED = "curated"  # knowledge/<reading>/prompts.yaml
    CUSTOM = "custom"  # added by a server's moderators
    FREE = "free"  # free text typed into /prompt post


@dataclass(frozen=True, slots=True)
class CardEntry:
    """One contributor's position on the prompt: summary, verbatim quote, paragraph."""

    contributor_id: str
    contributor: str  # display name
    position_id: str
    kind: str
    summary: str
    quote: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Card:
    """A prompt ready to post: its text and the positions it draws on."""

    text: str
    source: Source
    prompt_id: str | None
    entries: tuple[CardEntry, ...]
    reading_title: str
    reading_url: str
    marker: str | None = None  # a scheduled post's slot, e.g. 'Scheduled prompt · 2026-...'

    @property
    def note(self) -> str:
        """What to say in place of entries when there are none ('' otherwise)."""
        return "" if self.entries else NO_POSITIONS

    @property
    def contributors(self) -> list[str]:
        """Display names of the contributors on the card, in order, once each."""
        return list(dict.fromkeys(e.contributor for e in self.entries))

    def by_contributor(self) -> list[tuple[str, tuple[CardEntry, ...]]]:
        """The entries grouped per contributor (display name), in order of first appearance."""
        groups: dict[str, list[CardEntry]] = {}
        for entry in self.entries:
            groups.setdefault(entry.contributor, []).append(entry)
        return [(name, tuple(entries)) for name, entries in groups.items()]


def card_for_positions(
    reading: Reading,
    text: str,
    position_ids: Iterable[str],
    *,
    source: Source = Source.CURATED,
    prompt_id: str | None = None,
) -> Card:
    """A card for a curated prompt: its linked positions, in the order the prompt lists them."""
    answers = [cite(reading, reading.position(pid)) for pid in dict.fromkeys(position_ids)]
    return card_for_answers(reading, text, answers, source=source, prompt_id=prompt_id)


def card_for_answers(
    reading: Reading,
    text: str,
    answers: Sequence[Answer],
    *,
    source: Source = Source.FREE,
    prompt_id: str | None = None,
) -> Card:
    """A card for a custom or free-text prompt, from the engine's related positions."""
    entries = tuple(
        CardEntry(
            contributor_id=a.contributor_id,
            contributor=a.contributor,
            position_id=a.position_id,
            kind=a.kind,
            summary=a.summary,
            quote=a.quote,
            paragraph=a.paragraph,
        )
        for a in answers
    )
    return Card(text, source, prompt_id, entries, reading.title, reading.url)


def render_text(card: Card, width: int = 88) -> str:
    """The card as plain text for the console."""
    wrap = textwrap.TextWrapper(width=width, subsequent_indent="  ")
    item_wrap = textwrap.TextWrapper(width=width, initial_indent="  ", subsequent_indent="    ")
    quote_wrap = textwrap.TextWrapper(
        width=width, initial_indent="    > ", subsequent_indent="    > "
    )
    label = f" [{card.prompt_id}]" if card.prompt_id else ""
    lines = [*wrap.wrap(f"Discussion prompt{label}: {card.text}"), ""]
    if not card.entries:
        lines += wrap.wrap(card.note)
    else:
        lines.append("What the contributors said:")
        for name, entries in card.by_contributor():
            lines.append(f"- {name}")
            for entry in entries:
                lines += item_wrap.wrap(f"¶{entry.paragraph}: {entry.summary}")
                lines += quote_wrap.wrap(entry.quote)
    lines += ["", f"Source: {card.reading_title} <{card.reading_url}>"]
    if card.marker:
        lines.append(card.marker)
    return "\n".join(lines)
