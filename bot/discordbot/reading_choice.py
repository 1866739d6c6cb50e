"""The reading a group command (/quiz, /map, /guide) is about: the bot's own by default, or
another reading of the knowledge folder named by its id (loaded once, off the event loop)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.discordbot import limits
from bot.knowledge.loader import load_library
from bot.knowledge.model import Library, Reading

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

    async def get(self, reading_id: str | None) -> Reading:
        """The bot's reading when `reading_id` is empty or its id; else that reading
        (:class:`~bot.knowledge.model.UnknownReadingError` when there is none)."""
        own = self.bot.engine.reading
        if not reading_id or reading_id.strip() == own.id:
            return own
        return (await self.library()).get(reading_id.strip())

    async def autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Reading ids (with titles) containing what was typed."""
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
