"""The reading a group command (/quiz, /map, /guide) is about: the one used where the command
runs (the channel's, the server's, else the default) unless another is named by its id.

With the bot's library of readings (``bot.library``) the reading comes from it, built on
first use off the event loop (see :mod:`bot.discordbot.readings`); a bot started with one
engine reads the knowledge folder once instead."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.discordbot import limits
from bot.discordbot.reading_commands import reading_choices
from bot.discordbot.readings import channel_ids
from bot.knowledge.loader import load_library
from bot.knowledge.model import Library, Reading, UnknownReadingError

if TYPE_CHECKING:
    from bot.discordbot.client import ReadingBot


class ReadingChoice:
    """Resolves a reading id for one bot; the library is read at the first use of an id."""

    def __init__(self, bot: ReadingBot) -> None:
        self.bot = bot
        self._library: Library | None = None
        self._lock = asyncio.Lock()

    async def library(self) -> Library:
        """Every reading of the configured knowledge folder (read once)."""
        async with self._lock:
            if self._library is None:
                self._library = await asyncio.to_thread(load_library, self.bot.config.knowledge)
            return self._library

    async def get(
        self, reading_id: str | None, where: discord.Interaction[Any] | None = None
    ) -> Reading:
        """The reading named by `reading_id`; when it is empty, the one used where the
        interaction `where` runs (else the default). Unknown ids raise
        :class:`~bot.knowledge.model.UnknownReadingError` (and, with the library, a broken
        reading :class:`~bot.discordbot.reading_errors.ReadingUnavailable`)."""
        readings = self.bot.readings
        if self.bot.library is not None:
            chosen = (reading_id or "").strip()
            if not chosen:
                channels = channel_ids(where.channel) if where is not None else []
                chosen = readings.chosen(where.guild_id if where else None, channels)
            guild = where.guild_id if where is not None else None
            if chosen not in readings.ids(guild):
                raise UnknownReadingError(chosen, readings.ids(guild))
            return (await readings.engine(chosen, guild)).reading
        own = self.bot.engine.reading
        if not reading_id or reading_id.strip() == own.id:
            return own
        return (await self.library()).get(reading_id.strip())

    async def autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Reading ids (with titles) containing what was typed."""
        if self.bot.library is not None:
            return reading_choices(self.bot.readings, current, interaction.guild_id)
        try:
            readings = (await self.library()).readings
        except Exception:  # a broken folder: offer the bot's own reading only
            readings = (self.bot.engine.reading,)
        typed = current.strip().lower()
        return [
            app_commands.Choice(
                name=limits.clip(f"{r.id} — {r.title}", limits.CHOICE_NAME),
                value=r.id[: limits.CHOICE_VALUE],
            )
            for r in readings
            if typed in r.id.lower() or typed in r.title.lower()
        ][: limits.CHOICES]
