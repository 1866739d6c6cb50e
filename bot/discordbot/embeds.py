"""Turning the engine's answers and the reading into Discord embeds, always within limits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import discord

from bot.discordbot import limits
from bot.discordbot.echo import defuse
from bot.engine.answers import Answer, Reply
from bot.engine.render import lead, related_note
from bot.knowledge.model import Contributor, Reading

COLOUR = discord.Colour(0x3B6EA5)
QUOTE_IN_LIST = 300  # characters of quote per position in a paginated list
TITLE_IN_SOURCE = 200  # characters of the reading's title in a "Source" field
QUOTE_IN_CARD = 3500  # characters of quote in a /quote embed
READING_AS = "Reading that as: "
POSITIONS_PER_PAGE = 5


@dataclass(slots=True)
class Rendered:
    """What one message shows: its content and embeds (already within Discord's limits)."""

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.content = limits.content(self.content)
        self.embeds = limits.fit_embeds(self.embeds)


def source_line(reading: Reading, paragraph: int, link: bool) -> str:
    """'¶ 12 · [Title](url)', or just '¶ 12 · Title' without links."""
    title = limits.clip(reading.title, TITLE_IN_SOURCE)
    if link and reading.url:
        return f"¶ {paragraph} · [{title}]({reading.url})"
    return f"¶ {paragraph} · {title}"


def answer_embed(answer: Answer, reading: Reading, link: bool = True) -> discord.Embed:
    """One cited position: contributor, summary, the quote as a block quote, ¶ and source."""
    quote = limits.clip(answer.quote, limits.EMBED_DESCRIPTION - len(answer.summary) - 200)
    embed = discord.Embed(
        title=answer.contributor,
        url=reading.url if link and reading.url else None,
        description=f"{answer.summary}\n\n{limits.block_quote(quote)}",
        colour=COLOUR,
    )
    embed.add_field(name="Source", value=source_line(reading, answer.paragraph, link), inline=True)
    if answer.target:
        embed.add_field(name="Responding to", value=answer.target, inline=True)
    embed.set_footer(text=answer.kind.capitalize())
    return limits.fit_embed(embed)


def abstain_text(reply: Reply, reading: Reading) -> str:
    """Why there is no answer and what can be asked (the engine's message, or a default)."""
    if reply.message:  # the engine's words, which may name what was asked: shown defused
        near = related_note(reply)
        return defuse(reply.message + (f"\n{near}" if near else ""))
    names = ", ".join(c.short_name or c.name for c in reading.contributors[:8])
    return (
        f"I couldn't find that in *{reading.title}*. I can answer about what its "
        f"contributors argue ({names}) and the topics they discuss; try /contributors "
        "or /who with a topic."
    )


def render_reply(reply: Reply, reading: Reading, link: bool = True) -> Rendered:
    """The message for an engine reply: the lead sentence and one embed per answer.

    When the engine read a follow-up in the light of the conversation (``reading_as``), the
    first embed says how ("Reading that as: what did Rosenzweig agree with?").
    """
    reading_as = defuse(reply.reading_as.strip())
    if reply.abstained:
        text = abstain_text(reply, reading)
        if reading_as:
            text = f"{READING_AS}{discord.utils.escape_markdown(reading_as)}\n{text}"
        return Rendered(content=text)
    embeds = [answer_embed(a, reading, link) for a in reply.answers]
    if reading_as and embeds:
        embeds[0].set_author(name=limits.clip(READING_AS + reading_as, limits.AUTHOR))
    # the lead may name what was asked ("Hom doesn't address <topic>"): shown defused
    return Rendered(content=defuse(lead(reply)) or None, embeds=embeds)


def quote_embed(answer: Answer, reading: Reading, link: bool = True) -> discord.Embed:
    """A quote first, attributed: for /quote."""
    embed = discord.Embed(
        description=limits.block_quote(limits.clip(answer.quote, QUOTE_IN_CARD))
        + f"\n— **{answer.contributor}**",
        colour=COLOUR,
    )
    embed.add_field(name="Source", value=source_line(reading, answer.paragraph, link))
    embed.add_field(name="Point", value=answer.summary)
    return limits.fit_embed(embed)


def reading_embed(reading: Reading, link: bool = True) -> discord.Embed:
    """What is being read: title, series, publisher, date, link and who wrote it."""
    embed = discord.Embed(
        title=reading.title,
        url=reading.url if link and reading.url else None,
        description=" · ".join(x for x in (reading.series, reading.publisher, reading.date) if x),
        colour=COLOUR,
    )
    names = ", ".join(c.name for c in reading.contributors)
    embed.add_field(name=f"{len(reading.contributors)} contributors", value=names or "—")
    if link and reading.url:
        embed.add_field(name="Read it", value=reading.url, inline=False)
    embed.set_footer(text="Ask with /ask, or mention me with a question.")
    return limits.fit_embed(embed)


def paragraph_span(paragraphs: Sequence[int]) -> str:
    """'¶ 3–9' for a contributor's paragraphs ('' when none)."""
    if not paragraphs:
        return ""
    low, high = min(paragraphs), max(paragraphs)
    return f"¶ {low}" if low == high else f"¶ {low}–{high}"


def contributors_embed(reading: Reading, link: bool = True) -> discord.Embed:
    """Who wrote which part, in order of appearance."""
    embed = discord.Embed(
        title=f"Contributors to {reading.title}",
        url=reading.url if link and reading.url else None,
        colour=COLOUR,
    )
    for c in sorted(reading.contributors, key=lambda c: c.order)[: limits.FIELDS]:
        parts = [c.affiliation, paragraph_span(c.paragraphs), c.bio]
        if c.aliases:
            parts.append("also: " + ", ".join(c.aliases[:5]))
        embed.add_field(
            name=f"{c.order}. {c.name}",
            value="\n".join(p for p in parts if p) or "—",
            inline=False,
        )
    return limits.fit_embed(embed)


def positions_pages(
    contributor: Contributor,
    answers: Sequence[Answer],
    reading: Reading,
    kind: str | None = None,
    link: bool = True,
    per_page: int = POSITIONS_PER_PAGE,
) -> list[discord.Embed]:
    """A contributor's positions as pages of at most `per_page` fields each."""
    chunks = [answers[i : i + per_page] for i in range(0, len(answers), per_page)] or [[]]
    what = f"{kind} positions" if kind else "positions"
    pages: list[discord.Embed] = []
    for number, chunk in enumerate(chunks, start=1):
        embed = discord.Embed(
            title=f"{contributor.name}: {what}",
            url=reading.url if link and reading.url else None,
            description=f"{len(answers)} in *{reading.title}*",
            colour=COLOUR,
        )
        for a in chunk:
            quote = limits.block_quote(limits.clip(a.quote, QUOTE_IN_LIST))
            embed.add_field(
                name=f"{a.kind.capitalize()} · ¶ {a.paragraph}",
                value=limits.clip(f"{a.summary}\n{quote}", limits.FIELD_VALUE),
                inline=False,
            )
        if len(chunks) > 1:
            embed.set_footer(text=f"Page {number} of {len(chunks)}")
        pages.append(limits.fit_embeds([embed])[0])
    return pages
