"""Showing a member's own words back to them, harmlessly.

Text a member typed is only ever echoed in private (ephemeral) replies, and even there it
is cut short and defused: mention, channel, role, command, emoji and timestamp syntax,
``@everyone``/``@here``, invite links and other URLs become plain placeholders, and
Markdown is escaped, so an echo can neither ping, advertise, nor change the reply's look.
"""

from __future__ import annotations

import re

import discord

from bot.discordbot import limits

ECHO_CHARS = 60  # at most this much of a member's input is echoed

# <@1>, <@!1>, <@&1>, <#1>, </cmd:1>, <:emoji:1>, <a:emoji:1>, <t:1700000000:R>, <id:home>
_MARKUP = re.compile(r"<(?:@[!&]?\d+|#\d+|/[^<>:]{1,100}:\d+|a?:\w+:\d+|t:-?\d+(?::\w)?|id:\w+)>")
_INVITE = re.compile(
    r"(?:https?://)?(?:www\.)?(?:discord(?:app)?\.com/invite|discord\.(?:gg|io|me|li))/\S*",
    re.IGNORECASE,
)
_URL = re.compile(r"\b(?:https?|ftp)://\S+", re.IGNORECASE)
_EVERYONE = re.compile(r"@(everyone|here)\b", re.IGNORECASE)


def defuse(text: str) -> str:
    """`text` with Discord markup, mass mentions, invites and URLs replaced by placeholders."""
    text = _INVITE.sub("[invite link]", text)
    text = _URL.sub("[link]", text)
    text = _MARKUP.sub("[mention]", text)
    return _EVERYONE.sub("@\u200b\\1", text)


def echo(text: str, limit: int = ECHO_CHARS) -> str:
    """A member's input as it may appear in a private reply: one line, defused, cut to
    `limit` characters, Markdown escaped."""
    line = " ".join(defuse(text).split())
    return discord.utils.escape_markdown(limits.clip(line, limit))
