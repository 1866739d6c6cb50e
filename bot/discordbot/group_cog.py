"""What the group commands' cogs (/quiz, /map, /guide) share: the channel allow-list and
cooldown, the `reading` option's autocomplete, and the reading a command names (or the one
used where it runs), with an unknown id told to the member."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot import errors
from bot.discordbot.reading_choice import ReadingChoice
from bot.knowledge.model import Reading, UnknownReadingError

if TYPE_CHECKING:
    from bot.discordbot.client import ReadingBot


class GroupCog(commands.Cog):
    """A cog whose commands take an optional `reading` (autocomplete:
    ``@app_commands.autocomplete(reading=GroupCog.reading_autocomplete)``)."""

    def __init__(self, bot: ReadingBot) -> None:
        self.bot = bot
        self.readings = ReadingChoice(bot)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        """The channel allow-list and cooldown, as for every command."""
        self.bot.guard.check(interaction.channel, interaction.user)
        return True

    async def reading_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Reading ids of the knowledge folder."""
        return await self.readings.autocomplete(interaction, current)

    async def reading_for(
        self, interaction: discord.Interaction[Any], reading: str | None
    ) -> Reading | None:
        """The reading `reading` names (else the one used here); None after telling the
        member that no reading has that id."""
        try:
            return await self.readings.get(reading, interaction)
        except UnknownReadingError as exc:
            await errors.tell(interaction, exc.message)
            return None
