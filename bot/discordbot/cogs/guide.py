"""``/guide [reading] [format]``: the study guide as an attached file (HTML to print, or
Markdown). Built off the event loop."""

from __future__ import annotations

import asyncio
import io
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.discordbot import limits
from bot.discordbot.errors import NO_PINGS
from bot.discordbot.group_cog import GroupCog
from bot.guide.command import render
from bot.guide.content import build_guide
from bot.knowledge.model import Reading

if TYPE_CHECKING:
    from bot.discordbot.client import ReadingBot

FORMATS = [
    app_commands.Choice(name="HTML page, prints well", value="html"),
    app_commands.Choice(name="Markdown", value="md"),
]


def guide_file(reading: Reading, fmt: str) -> tuple[str, bytes]:
    """The file name and bytes of the guide (blocking: run it in a thread)."""
    text = render(build_guide(reading), fmt)
    return f"{reading.id}-study-guide.{fmt}", text.encode("utf-8")


class GuideCog(GroupCog, name="Guide"):
    """The printable study guide."""

    def __init__(self, bot: ReadingBot) -> None:
        super().__init__(bot)

    @app_commands.command(name="guide", description="The reading's study guide, as a file")
    @app_commands.rename(fmt="format")
    @app_commands.describe(reading="Which reading (default: the group's)",
                           fmt="HTML (to print) or Markdown")
    @app_commands.choices(fmt=FORMATS)
    @app_commands.autocomplete(reading=GroupCog.reading_autocomplete)
    async def guide(
        self,
        interaction: discord.Interaction[Any],
        reading: str | None = None,
        fmt: str = "html",
    ) -> None:
        """Contributors' central positions, agreements and disagreements, prompts."""
        chosen = await self.reading_for(interaction, reading)
        if chosen is None:
            return
        fmt = "md" if fmt == "md" else "html"
        await interaction.response.defer(thinking=True)
        name, data = await asyncio.to_thread(guide_file, chosen, fmt)
        how = "open it in a browser and print it" if fmt == "html" else "Markdown"
        await interaction.followup.send(
            f"Study guide for *{limits.clip(chosen.title, 200)}* ({how}).",
            file=discord.File(io.BytesIO(data), filename=name),
            allowed_mentions=NO_PINGS,
        )


async def setup(bot: ReadingBot) -> None:
    """Extension entry point."""
    await bot.add_cog(GuideCog(bot))
