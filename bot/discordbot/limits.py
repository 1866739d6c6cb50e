"""Discord's size limits, and helpers that keep text and embeds within them.

Everything the bot sends goes through these helpers, so no reply is ever rejected for
size: text is cut at a word boundary with an ellipsis, fields beyond the limits are
dropped, and a message's embeds are trimmed together to the 6,000-character total.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

CONTENT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
FIELD_NAME = 256
FIELD_VALUE = 1024
FIELDS = 25
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000  # over all embeds of one message
EMBEDS = 10
CHOICES = 25  # autocomplete choices per response
CHOICE_NAME = 100
CHOICE_VALUE = 100
BUTTON_LABEL = 80
ROW_BUTTONS = 5  # buttons in one action row
SELECT_OPTIONS = 25
SELECT_OPTION_LABEL = 100
SELECT_OPTION_DESCRIPTION = 100
COMMAND_NAME = 32  # names of commands, subcommands, groups and options
COMMAND_DESCRIPTION = 100  # descriptions of the same
COMMAND_OPTIONS = 25  # options (or subcommands) of one command
COMMANDS = 100  # top-level slash commands per scope (global, or one server)
COMMAND_TOTAL = 4000  # one command's names, descriptions and choice values together
INTERACTION_DEADLINE = 3.0  # seconds Discord waits for the first response to an interaction

ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a word boundary when one is near."""
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    if limit == 1:
        return ELLIPSIS
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 3 // 4:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def block_quote(text: str) -> str:
    """Markdown block quote: every line prefixed with '> '."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.splitlines() or [""])


def embed_size(embed: discord.Embed) -> int:
    """Characters counted towards the 6,000 limit: title, description, fields, footer, author."""
    total = len(embed.title or "") + len(embed.description or "")
    total += sum(len(f.name or "") + len(f.value or "") for f in embed.fields)
    total += len(embed.footer.text or "") + len(embed.author.name or "")
    return total


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Clip every part of one embed to its own limit and drop fields beyond 25 (in place)."""
    if embed.title:
        embed.title = clip(embed.title, EMBED_TITLE)
    if embed.description:
        embed.description = clip(embed.description, EMBED_DESCRIPTION)
    fields = [(f.name or "", f.value or "", bool(f.inline)) for f in embed.fields][:FIELDS]
    embed.clear_fields()
    for name, value, inline in fields:
        embed.add_field(
            name=clip(name, FIELD_NAME) or "\u200b",
            value=clip(value, FIELD_VALUE) or "\u200b",
            inline=inline,
        )
    if embed.footer.text:
        embed.set_footer(text=clip(embed.footer.text, FOOTER), icon_url=embed.footer.icon_url)
    if embed.author.name:
        embed.set_author(
            name=clip(embed.author.name, AUTHOR),
            url=embed.author.url,
            icon_url=embed.author.icon_url,
        )
    return embed


def fit_embeds(embeds: Sequence[discord.Embed], total: int = EMBED_TOTAL) -> list[discord.Embed]:
    """At most 10 embeds, each within its limits, together within `total` characters.

    Over the total, later embeds lose fields from the end first, then description text,
    and an embed that cannot keep anything is dropped (the first one is always kept).
    """
    fitted = [fit_embed(e) for e in list(embeds)[:EMBEDS]]
    while (excess := sum(embed_size(e) for e in fitted) - total) > 0:
        last = fitted[-1]
        description = last.description or ""
        if last.fields:
            last.remove_field(len(last.fields) - 1)
        elif len(fitted) > 1 and len(description) <= excess:
            fitted.pop()
        elif description:
            last.description = clip(description, len(description) - excess) or None
        else:  # cannot happen: title, footer and author together stay under 6,000
            break
    return fitted


def content(text: str | None) -> str | None:
    """Message content clipped to 2,000 characters (None stays None, '' becomes None)."""
    return clip(text, CONTENT) if text else None
