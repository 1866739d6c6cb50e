"""``/reading``: which reading is read here, the library's readings, and moderators' choices.

``info [reading]`` (title, publication and link), ``list`` (every reading with its state),
``use [reading] [channel]`` (moderators: the server's reading, or one channel's; without a
reading the choice is forgotten) and ``reload [reading]`` (moderators: re-read the files;
the new index replaces the old only when it validates, else the problems are shown).
"""

from __future__ import annotations

import asyncio
import io
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot import embeds, errors, limits, replies
from bot.discordbot.errors import NO_PINGS
from bot.discordbot.reading_commands import (
    NOT_MODERATOR,
    READING_CHARS,
    READING_OPTION,
    list_embed,
    moderates,
    problems_embed,
    reading_choices,
)
from bot.discordbot.readings import channel_ids, short_problem
from bot.discordbot.server_readings import (
    MAX_UPLOAD,
    add_upload,
    export_zip,
    server_root,
)
from bot.discordbot.server_readings import remove as remove_reading
from bot.ingest.source import IngestError
from bot.knowledge.errors import KnowledgeError
from bot.library import ReadingState

if TYPE_CHECKING:
    from bot.discordbot.client import ReadingBot

log = logging.getLogger(__name__)

Channel = discord.TextChannel | discord.Thread | discord.ForumChannel | discord.VoiceChannel


class LibraryCog(commands.Cog, name="Library"):
    """The ``/reading`` group."""

    group = app_commands.Group(name="reading", description="The readings of this study group")

    def __init__(self, bot: ReadingBot) -> None:
        self.bot = bot
        self._survey: asyncio.Task[Any] | None = None

    async def cog_load(self) -> None:
        """Read the stored choices; look over the library in the background (so a broken
        reading is logged at start-up without delaying it)."""
        await self.bot.readings.open()
        self._survey = asyncio.create_task(self._look_over())

    async def cog_unload(self) -> None:
        """Stop the start-up survey if it still runs."""
        if self._survey is not None:
            self._survey.cancel()

    async def _look_over(self) -> None:
        try:
            await self.bot.readings.survey()
        except Exception:
            log.exception("could not look over the readings")

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        """Channel allow-list and per-user cooldown, as for the other reading commands."""
        replies.note_received(interaction)
        self.bot.guard.check(interaction.channel, interaction.user)
        return True

    async def reading_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """The reading ids (with titles where known) containing what was typed."""
        return reading_choices(self.bot.readings, current, interaction.guild_id)

    async def _moderator(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.guild_id is None:
            await errors.tell(interaction, "That only works in a server channel.")
            return False
        if not moderates(interaction, self.bot.config.prompts.moderator_roles):
            await errors.tell(interaction, NOT_MODERATOR)
            return False
        return True

    def _named_or_here(self, interaction: discord.Interaction[Any], reading: str | None) -> str:
        """The reading id a command names, else the one used where it runs."""
        if reading:
            return reading.strip()
        return self.bot.readings.chosen(interaction.guild_id, channel_ids(interaction.channel))

    @group.command(name="info", description="What the group is reading here, with the link")
    @app_commands.describe(reading=READING_OPTION)
    @app_commands.autocomplete(reading=reading_autocomplete)
    async def info(
        self,
        interaction: discord.Interaction[Any],
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """Title, publication and link."""
        engine = await replies.within_deadline(
            interaction, self.bot.readings.here(interaction, reading)
        )
        embed = embeds.reading_embed(engine.reading, self.bot.config.discord.source_link)
        await replies.send(interaction, None, [embed], allowed_mentions=NO_PINGS)

    @group.command(name="list", description="Every reading of the library, with its state")
    async def list_readings(self, interaction: discord.Interaction[Any]) -> None:
        """Id, title, positions, unreviewed count and problems; the ones used here marked."""
        readings = self.bot.readings
        states = await replies.within_deadline(interaction, readings.survey(interaction.guild_id))
        if not states:  # a bot started with one engine and no library
            states = [_own_state(self.bot)]
        guild, channels = interaction.guild_id, channel_ids(interaction.channel)
        marks: dict[str, list[str]] = {}
        marks.setdefault(readings.default_id, []).append("default")
        server = readings.choice(guild, None)
        if server is not None:
            marks.setdefault(server, []).append("this server")
        channel = next((c for c in (readings.choice(guild, c) for c in channels if c) if c), None)
        if channel is not None:
            marks.setdefault(channel, []).append("this channel")
        marks.setdefault(readings.chosen(guild, channels), []).append("in use here")
        for state in states:
            if readings.own(state.id, guild):
                marks.setdefault(state.id, []).insert(0, "added here")
        await replies.send(
            interaction, None, [list_embed(states, marks)], allowed_mentions=NO_PINGS
        )

    @group.command(name="use", description="Moderators: the reading of this server or channel")
    @app_commands.describe(
        reading="The reading (leave empty to go back to the server's or the default)",
        channel="Only this channel (default: the whole server)",
    )
    @app_commands.autocomplete(reading=reading_autocomplete)
    async def use(
        self,
        interaction: discord.Interaction[Any],
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
        channel: Channel | None = None,
    ) -> None:
        """Store the choice (SQLite, on a worker thread) and say what is read where now."""
        if not await self._moderator(interaction):
            return
        assert interaction.guild_id is not None
        readings = self.bot.readings
        chosen = reading.strip() if reading else None
        if chosen is not None:
            work = readings.engine(chosen, interaction.guild_id)
            await replies.within_deadline(interaction, work, ephemeral=True)
        where = channel.mention if channel is not None else "this server"
        await replies.within_deadline(
            interaction,
            readings.use(
                interaction.guild_id,
                channel.id if channel is not None else None,
                chosen,
                interaction.user.id,
            ),
            ephemeral=True,
        )
        if chosen is None:
            now = readings.chosen(interaction.guild_id, [channel.id] if channel else [])
            text = f"Forgot the choice of {where}: it now reads `{now}`."
        else:
            text = f"{'This server' if channel is None else where} now reads `{chosen}`"
            title = readings.title(chosen, interaction.guild_id)
            text += f" ({discord.utils.escape_markdown(title)})." if title else "."
        await replies.send(interaction, text, [], ephemeral=True, allowed_mentions=NO_PINGS)

    @group.command(name="reload", description="Moderators: re-read a reading's files")
    @app_commands.describe(reading="The reading to reload (default: the one used here)")
    @app_commands.autocomplete(reading=reading_autocomplete)
    async def reload(
        self,
        interaction: discord.Interaction[Any],
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """Swap the new index in when the files validate; else keep the old, show why."""
        if not await self._moderator(interaction):
            return
        readings = self.bot.readings
        rid = self._named_or_here(interaction, reading)
        try:
            engine = await replies.within_deadline(
                interaction, readings.reload(rid, interaction.guild_id), ephemeral=True
            )
        except KnowledgeError as exc:
            library = readings.library_of(rid, interaction.guild_id)
            root = library.root if library is not None else None  # its path is not shown
            problems = [short_problem(str(p), root) if root else str(p) for p in exc.problems]
            await replies.send(
                interaction, None, [problems_embed(rid, problems)], ephemeral=True,
                allowed_mentions=NO_PINGS,
            )
            return
        loaded = engine.reading
        text = (
            f"Reloaded `{rid}` ({discord.utils.escape_markdown(loaded.title)}): "
            f"{len(loaded.positions)} positions, {len(loaded.contributors)} contributors."
        )
        await replies.send(interaction, text, [], ephemeral=True, allowed_mentions=NO_PINGS)

    # -- a server's own readings ----------

    @group.command(name="add", description="Moderators: a new reading from a .txt (or a .zip)")
    @app_commands.describe(
        file="The text, as a UTF-8 .txt file; or a reading's files as /reading export zips them",
        id="The reading's id (default: from its title)",
        title="Its title (default: the text's first line)",
        speakers="The speakers, e.g. “Ann Lee, Bo Park”, when the text has no headings",
        replace="Replace this server's own reading of that id (the old one is kept aside)",
    )
    async def add(
        self,
        interaction: discord.Interaction[Any],
        file: discord.Attachment,
        id: app_commands.Range[str, 1, 48] | None = None,
        title: app_commands.Range[str, 1, 100] | None = None,
        speakers: app_commands.Range[str, 1, 300] | None = None,
        replace: bool = False,
    ) -> None:
        """Ingest the text into this server's own library; say what was found."""
        if not await self._moderator(interaction):
            return
        assert interaction.guild_id is not None
        guild = interaction.guild_id
        if not file.filename.lower().endswith((".txt", ".zip")):
            await errors.tell(
                interaction,
                "Please attach the text as a .txt file (UTF-8), or a reading's files as a .zip.",
            )
            return
        if file.size > MAX_UPLOAD:
            await errors.tell(
                interaction,
                f"{file.filename} is {file.size:,} bytes; a reading may have at most "
                f"{MAX_UPLOAD:,}. Split it, or leave out what is not the reading.",
            )
            return
        lock = self.bot.readings.uploads.setdefault(guild, asyncio.Lock())
        if lock.locked():
            await errors.tell(interaction, "Another upload is being read for this server; "
                                           "try again when it is done.")
            return
        async with lock:
            await replies.acknowledge(interaction, ephemeral=True)
            data = await file.read()
            readings = self.bot.readings
            shared = set(readings.ids(None))
            try:
                added = await self.bot.answers.run(
                    add_upload, server_root(guild), data, file.filename, shared,
                    reading_id=id, title=title, speakers=speakers, replace=replace,
                )
            except IngestError as exc:
                why = str(exc).replace("--speakers", "the `speakers` option").replace(
                    "--id", "the `id` option"
                )
                await errors.tell(interaction, f"I could not add that reading: {why}.")
                return
            readings.forget_server(guild)
            await readings.survey(guild)
        text = (
            f"Added `{added.reading_id}` ({discord.utils.escape_markdown(added.title)}) for "
            f"this server only: {added.positions} drafted positions by "
            f"{', '.join(added.contributors)}. Members can ask with `reading: "
            f"{added.reading_id}`; `/reading use` makes it this server's reading."
        )
        report = embeds_for_report(added.report)
        await replies.send(interaction, text, [report], ephemeral=True, allowed_mentions=NO_PINGS)

    @group.command(name="export", description="Moderators: a reading's files as a zip")
    @app_commands.describe(reading="The reading (default: the one used here)")
    @app_commands.autocomplete(reading=reading_autocomplete)
    async def export(
        self,
        interaction: discord.Interaction[Any],
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """The reading folder's files, zipped, for a moderator to edit."""
        if not await self._moderator(interaction):
            return
        readings, guild = self.bot.readings, interaction.guild_id
        rid = self._named_or_here(interaction, reading)
        readings.check_id(rid, guild)
        library = readings.library_of(rid, guild)
        if library is None:
            await errors.tell(interaction, "This bot was started with one fixed reading.")
            return
        await replies.acknowledge(interaction, ephemeral=True)
        data = await self.bot.answers.run(export_zip, library.folder(rid))
        await interaction.followup.send(
            f"The files of `{rid}`: edit them, then `/reading reload`.",
            file=discord.File(io.BytesIO(data), filename=f"{rid}.zip"),
            ephemeral=True,
            allowed_mentions=NO_PINGS,
        )

    @group.command(name="remove", description="Moderators: remove a reading this server added")
    @app_commands.describe(reading="One of this server's own readings")
    @app_commands.autocomplete(reading=reading_autocomplete)
    async def remove(
        self,
        interaction: discord.Interaction[Any],
        reading: app_commands.Range[str, 1, READING_CHARS],
    ) -> None:
        """Put the reading aside (kept under the data folder) and forget choices of it."""
        if not await self._moderator(interaction):
            return
        assert interaction.guild_id is not None
        guild, rid, readings = interaction.guild_id, reading.strip(), self.bot.readings
        if not readings.own(rid, guild):
            await errors.tell(
                interaction,
                "Only a reading this server added itself (/reading add) can be removed here.",
            )
            return
        await replies.acknowledge(interaction, ephemeral=True)
        try:
            await self.bot.answers.run(remove_reading, server_root(guild), rid)
        except IngestError as exc:
            await errors.tell(interaction, str(exc))
            return
        readings.forget_server(guild)
        now = readings.chosen(guild, channel_ids(interaction.channel))
        await replies.send(
            interaction,
            f"Removed `{rid}` from this server (its files are kept aside); here it reads "
            f"`{now}` now.",
            [],
            ephemeral=True,
            allowed_mentions=NO_PINGS,
        )


def embeds_for_report(report: str) -> discord.Embed:
    """The ingest's report (what was found, what to check first), cut to Discord's limits."""
    embed = discord.Embed(
        title="What the draft found",
        description=limits.clip(
            discord.utils.escape_markdown(report), limits.EMBED_DESCRIPTION
        ),
    )
    return limits.fit_embed(embed)


def _own_state(bot: ReadingBot) -> ReadingState:
    """The state of the one reading of a bot started without a library."""
    reading = bot.engine.reading
    return ReadingState(
        id=reading.id,
        folder=Path(bot.config.knowledge or "."),
        title=reading.title,
        positions=len(reading.positions),
        unreviewed=sum(1 for p in reading.positions if not p.reviewed),
        problems=(),
        default=True,
    )


async def setup(bot: ReadingBot) -> None:
    """Extension entry point."""
    await bot.add_cog(LibraryCog(bot))
