"""How the prompt commands look in Discord: context cards, ``/prompt list`` and schedules.

Pure rendering of :mod:`bot.prompts` data into embeds and texts within Discord's limits
(beside :mod:`bot.discordbot.embeds`, which renders the engine's answers); the cog
:mod:`bot.discordbot.cogs.prompts` only sends them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import datetime

import discord

from bot.discordbot import embeds, limits
from bot.discordbot.embeds import Rendered
from bot.prompts.cards import Card, CardEntry, Source
from bot.prompts.service import PromptRef
from bot.prompts.store import PAUSE_AFTER, ScheduleRow

THREAD_NAME = 100
LIST_TEXT = 110  # characters of each prompt in /prompt list


CARD_QUOTE = 700  # characters of quote per entry at most
CARD_QUOTE_MIN = 80  # ... and at least, however many entries a card has
CARD_ROOM = limits.EMBED_TOTAL - 300  # for the embeds of one card (title/footer slack)
CARD_DESCRIPTION_ROOM = limits.EMBED_DESCRIPTION - 96


def card_message(card: Card, link: bool = True) -> Rendered:
    """A card as one message: the prompt as content, one embed per contributor.

    Quotes share the room Discord allows (6,000 characters over a message's embeds, 4,096
    per description): the more entries a card has, the shorter each quote, so every
    contributor and every paragraph reference stays on the card.
    """
    label = "Discussion prompt" if card.source is not Source.FREE else "Discussion prompt (free)"
    content = f"**{label}:** {card.text}"
    # A scheduled card's slot marker leads the footer, so the bot can find the post again.
    lead = f"{card.marker} · " if card.marker else ""
    if not card.entries:
        note = discord.Embed(description=card.note, colour=embeds.COLOUR)
        note.set_footer(text=lead + limits.clip(card.reading_title, 200))
        return Rendered(content=content, embeds=[note])
    reading_url = card.reading_url if link and card.reading_url else None

    def source(entry: CardEntry) -> str:
        if reading_url:
            return f"[¶ {entry.paragraph}]({reading_url})"
        return f"¶ {entry.paragraph}"

    def fixed(entries: Sequence[CardEntry]) -> int:  # all but the quotes (and their '> ')
        return sum(len(e.summary) + len(source(e)) + 8 for e in entries)

    groups, left_out = _card_groups(card, fixed)
    footer = lead + limits.clip(card.reading_title, 200)
    if left_out:
        more = f"{left_out} more position{'s' if left_out > 1 else ''} not shown"
        footer = lead + limits.clip(f"{card.reading_title} · {more}", 200)
    count = sum(len(entries) for _, entries in groups)
    room = CARD_ROOM - len(footer) - sum(len(name) for name, _ in groups)
    room -= sum(fixed(entries) for _, entries in groups)
    quote_limit = min(CARD_QUOTE, room // count)
    for _, entries in groups:
        room_here = CARD_DESCRIPTION_ROOM - fixed(entries)
        quote_limit = min(quote_limit, room_here // len(entries))
    quote_limit = max(CARD_QUOTE_MIN, quote_limit)

    out = []
    for name, entries in groups:
        parts = []
        for entry in entries:
            quote = limits.block_quote(limits.clip(entry.quote, quote_limit))
            parts.append(f"{entry.summary}\n{quote}\n{source(entry)}")
        embed = discord.Embed(title=name, description="\n\n".join(parts), colour=embeds.COLOUR)
        out.append(embed)
    out[-1].set_footer(text=footer)
    return Rendered(content=content, embeds=out)


def _card_groups(
    card: Card, fixed: Callable[[Sequence[CardEntry]], int]
) -> tuple[list[tuple[str, list[CardEntry]]], int]:
    """The entries a card message can show, grouped per contributor, and how many are left out.

    Every contributor (up to 10 embeds) keeps its first entry; further entries are dropped,
    later ones first, until summaries, sources and short quotes fit the room.
    """
    groups = card.by_contributor()[: limits.EMBEDS]
    ranked = sorted(
        ((i, g, e) for g, (_, entries) in enumerate(groups) for i, e in enumerate(entries)),
        key=lambda item: (item[0], item[1]),
    )

    def fits(kept: list[tuple[int, int, CardEntry]]) -> bool:
        chosen = [[e for _, g2, e in kept if g2 == g] for g in range(len(groups))]
        total = sum(fixed(c) + CARD_QUOTE_MIN * len(c) for c in chosen)
        per_embed = max(fixed(c) + CARD_QUOTE_MIN * len(c) for c in chosen)
        return total <= CARD_ROOM - 300 and per_embed <= CARD_DESCRIPTION_ROOM

    keep = len(ranked)
    while keep > len(groups) and not fits(ranked[:keep]):
        keep -= 1
    kept = {id(e) for _, _, e in ranked[:keep]}
    shown = [(name, [e for e in entries if id(e) in kept]) for name, entries in groups]
    return shown, sum(len(entries) for _, entries in card.by_contributor()) - keep


LIST_ROOM = limits.EMBED_TOTAL - 200  # for the embeds of /prompt list (titles and slack)
SCHEDULES_ROOM = 1500  # at most, for the schedules, which are listed first


def listing(lines: Sequence[str], room: int, what: str) -> str:
    """As many whole `lines` as fit in `room` characters, then '… and N more <what>'."""
    shown: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        tail = f"… and {len(lines) - i} more {what}"
        reserve = 0 if i == len(lines) - 1 else len(tail) + 1
        if used + len(line) + 1 + reserve > room:
            shown.append(tail)
            break
        shown.append(line)
        used += len(line) + 1
    return "\n".join(shown)


def list_embeds(
    curated: Sequence[PromptRef], custom: Sequence[PromptRef], schedules: Sequence[str]
) -> list[discord.Embed]:
    """/prompt list: the schedules, the curated and the server's prompts, within the limits.

    Each section gets its share of the 6,000 characters a message's embeds may hold; a
    section too long to show whole ends with how many more there are (autocomplete on
    /prompt post and /prompt remove finds them all).
    """

    def line(ref: PromptRef) -> str:
        return f"`{ref.id}` {limits.clip(ref.text, LIST_TEXT)}"

    description_room = limits.EMBED_DESCRIPTION - 64
    out: list[discord.Embed] = []
    room = LIST_ROOM
    if schedules:
        text = listing(schedules, min(SCHEDULES_ROOM, description_room), "schedules")
        out.append(discord.Embed(title="Schedules", description=text, colour=embeds.COLOUR))
        room -= len(text)
    curated_lines = [line(r) for r in curated]
    custom_lines = [line(r) for r in custom]
    custom_need = sum(len(x) + 1 for x in custom_lines)
    curated_room = min(description_room, max(room // 2, room - custom_need))
    text = listing(curated_lines, curated_room, "prompts") or "None."
    out.append(
        discord.Embed(
            title=f"Curated prompts ({len(curated)})", description=text, colour=embeds.COLOUR
        )
    )
    room -= len(text)
    if custom_lines:
        text = listing(custom_lines, min(description_room, room), "prompts")
        out.append(
            discord.Embed(
                title=f"This server's prompts ({len(custom)})",
                description=text,
                colour=embeds.COLOUR,
            )
        )
    return out


def has_marker(message: discord.Message, marker: str) -> bool:
    """Whether one of the message's embed footers carries a scheduled slot's marker."""
    return any(marker in (embed.footer.text or "") for embed in message.embeds)


def slot_nonce(schedule_id: int, marker: str) -> str:
    """A stable nonce (at most 25 characters) for a scheduled slot's message.

    discord.py sends nonces with ``enforce_nonce``, so Discord returns the first message
    instead of creating a second when the same slot is sent again within a few minutes.
    """
    digest = hashlib.sha256(f"{schedule_id} {marker}".encode()).hexdigest()
    return f"slot-{digest[:20]}"


def thread_name(card: Card) -> str:
    """A thread title from the prompt text (Discord allows 100 characters)."""
    return limits.clip(card.text, THREAD_NAME)


def thread_name_of(message: discord.Message) -> str:
    """The thread title for a card already posted (found again after a restart): its prompt,
    read back from the content :func:`card_message` wrote."""
    _, _, text = (message.content or "").partition(":** ")
    return limits.clip(text.strip() or "Discussion", THREAD_NAME)


def _of_reading(row: ScheduleRow) -> str:
    rid = discord.utils.escape_markdown(row.reading_id) if row.reading_id else ""
    return f"; prompts of `{rid}`" if rid else ""


def describe_schedule(row: ScheduleRow, next_slot: datetime) -> str:
    """One schedule for moderators: where, when, and when next (or why it is paused), and
    whose prompts it posts."""
    if row.paused:
        return (f"<#{row.channel_id}> {row.rule.describe()}{_of_reading(row)}; **paused**: "
                f"{row.paused}. Run /prompt schedule for <#{row.channel_id}> again, or "
                "/prompt unschedule.")
    when = int(next_slot.timestamp())
    return (f"<#{row.channel_id}> {row.rule.describe()}; next <t:{when}:F> (<t:{when}:R>)"
            f"{_of_reading(row)}")


def pause_notice(row: ScheduleRow) -> str:
    """What moderators are told when a schedule pauses: its channel is gone (two failed
    posts in a row), or its reading is."""
    if row.failures < PAUSE_AFTER:  # not the channel: the reading was removed
        return (f"Scheduled prompts for <#{row.channel_id}> ({row.rule.describe()}) are "
                f"paused: {row.paused}. Run /prompt schedule for <#{row.channel_id}> again "
                "with another reading, or remove the schedule with /prompt unschedule.")
    return (f"Scheduled prompts for <#{row.channel_id}> ({row.rule.describe()}) are paused: "
            f"the last two posts failed ({row.paused}). Check that the channel exists and "
            "that I may see it and post there, then run /prompt schedule again, or remove "
            "the schedule with /prompt unschedule.")
