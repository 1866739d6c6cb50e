"""``/map [reading]``: the map of the debate as a PNG in an embed, its edges in words, and a
menu that shows the positions behind one edge. Drawing runs off the event loop."""

from __future__ import annotations

import asyncio
import io
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.debatemap.graph import DebateGraph, build_graph, describe, short_label
from bot.debatemap.render import render_png
from bot.discordbot import embeds, limits
from bot.discordbot.errors import NO_PINGS
from bot.discordbot.group_cog import GroupCog
from bot.discordbot.views import BaseView
from bot.knowledge.model import Reading

if TYPE_CHECKING:
    from bot.discordbot.client import ReadingBot

log = logging.getLogger(__name__)

FILE_NAME = "map.png"
MENU = 25  # options in one select menu
QUOTE_ROOM = 700


def map_embed(graph: DebateGraph, reading: Reading, link: bool) -> discord.Embed:
    """The picture, with every edge in words (for screen readers and small screens)."""
    lines = [f"• {describe(e, graph)}" for e in graph.edges]
    text = "\n".join(lines) if lines else "No contributor answers another by name in the index."
    embed = discord.Embed(
        title=limits.clip(f"Who answers whom: {reading.title}", limits.EMBED_TITLE),
        url=reading.url if link and reading.url else None,
        description=limits.clip(text, limits.EMBED_DESCRIPTION),
        colour=embeds.COLOUR,
    )
    embed.set_image(url=f"attachment://{FILE_NAME}")
    if graph.edges:
        more = f" (the first {MENU} are in the menu)" if len(graph.edges) > MENU else ""
        embed.set_footer(text=f"Pick an arrow below to see the positions behind it{more}.")
    return embed


def edge_embed(graph: DebateGraph, reading: Reading, index: int, link: bool) -> discord.Embed:
    """The positions behind one edge: summary, verbatim quote and paragraph of each."""
    edge = graph.edges[index]
    embed = discord.Embed(title=limits.clip(describe(edge, graph), limits.EMBED_TITLE),
                          colour=embeds.COLOUR)
    for pid in edge.positions[: limits.FIELDS]:
        p = reading.position(pid)
        quote = limits.block_quote(limits.clip(p.quote, QUOTE_ROOM))
        embed.add_field(
            name=limits.clip(f"{p.kind.value.capitalize()} · ¶ {p.paragraph}", limits.FIELD_NAME),
            value=limits.clip(
                f"{p.summary}\n{quote}\n{embeds.source_line(reading, p.paragraph, link)}",
                limits.FIELD_VALUE,
            ),
            inline=False,
        )
    return limits.fit_embed(embed)


class EdgeMenu(BaseView):
    """A select menu of the map's edges; choosing one shows its positions (privately)."""

    def __init__(self, graph: DebateGraph, reading: Reading, link: bool) -> None:
        super().__init__(timeout=900)
        self.graph = graph
        self.reading = reading
        self.link = link
        select: discord.ui.Select[EdgeMenu] = discord.ui.Select(
            placeholder="Show the positions behind an arrow…",
            options=[
                discord.SelectOption(label=limits.clip(short_label(e, graph), 100), value=str(i))
                for i, e in enumerate(graph.edges[:MENU])
            ],
        )
        select.callback = self._chosen  # type: ignore[method-assign]
        self.select = select
        self.add_item(select)

    async def _chosen(self, interaction: discord.Interaction[Any]) -> None:
        index = int(self.select.values[0])
        await interaction.response.send_message(
            embed=edge_embed(self.graph, self.reading, index, self.link),
            ephemeral=True,
            allowed_mentions=NO_PINGS,
        )


def draw(reading: Reading) -> tuple[DebateGraph, bytes]:
    """The graph and its PNG (blocking: run it in a thread)."""
    graph = build_graph(reading)
    return graph, render_png(graph)


class MapCog(GroupCog, name="Map"):
    """The map of the debate."""

    def __init__(self, bot: ReadingBot) -> None:
        super().__init__(bot)

    @app_commands.command(name="map", description="A picture of who agrees and disagrees with whom")
    @app_commands.describe(reading="Which reading (default: the group's)")
    @app_commands.autocomplete(reading=GroupCog.reading_autocomplete)
    async def map(self, interaction: discord.Interaction[Any], reading: str | None = None) -> None:
        """The PNG in an embed, the edges in words, and a menu of the edges."""
        chosen = await self.reading_for(interaction, reading)
        if chosen is None:
            return
        await interaction.response.defer(thinking=True)
        graph, png = await asyncio.to_thread(draw, chosen)
        link = self.bot.config.discord.source_link
        kwargs: dict[str, Any] = {}
        view = EdgeMenu(graph, chosen, link) if graph.edges else None
        if view is not None:
            kwargs["view"] = view
        sent = await interaction.followup.send(
            embed=map_embed(graph, chosen, link),
            file=discord.File(io.BytesIO(png), filename=FILE_NAME),
            allowed_mentions=NO_PINGS,
            wait=True,
            **kwargs,
        )
        if view is not None:
            view.message = sent


async def setup(bot: ReadingBot) -> None:
    """Extension entry point."""
    await bot.add_cog(MapCog(bot))
