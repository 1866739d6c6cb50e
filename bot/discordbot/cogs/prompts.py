"""``/prompt``: discussion prompts for moderators, posted on demand or on a schedule.

Commands: ``post [prompt] [channel] [thread] [reading]``, ``next [channel] [thread]
[reading]``, ``list [reading]``, ``add text``, ``remove prompt``, ``schedule channel when
[timezone] [thread] [reading]`` and ``unschedule [channel]``. Prompts belong to a reading:
the one named, else the channel's, else the server's, else the default (as for /ask); its
curated prompts come from its ``prompts.yaml``, and a schedule keeps its reading and posts
that reading's prompts. A schedule whose reading was removed pauses, and the moderators
are told. Each defers at once (Discord wants an acknowledgement within 3 s),
makes one call of :class:`~bot.prompts.async_service.AsyncPromptService` (its SQLite work
runs on a worker thread) and answers with what :mod:`bot.discordbot.prompt_embeds` renders;
a :class:`~bot.prompts.service.PromptError` (a bad request, a busy or unusable database)
reaches the moderator through the central error handler.

Only moderators may use them: Manage Messages in the channel concerned, or a role listed in
``prompts.moderator_roles`` (one check, :meth:`PromptsCog.interaction_check`).
``default_permissions`` hides the group from everyone else in the client (server admins can
change that under Integrations); anyone who still reaches a command gets a polite refusal,
and autocomplete shows them no custom prompts. A background loop (every
``prompts.tick_seconds``) posts scheduled prompts that are due, each slot exactly once,
across restarts and processes: a scheduled post carries its slot's marker in the footer, and
a slot claimed but never recorded as posted (the bot died in between) is looked up in the
channel's last messages, after ``prompts.lease_seconds``, before it is posted (its thread
opened if it was not). A schedule whose channel is gone pauses after two failed posts, and
the moderators are told.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.discordbot import errors, limits
from bot.discordbot.engine_api import AnswerEngine
from bot.discordbot.errors import NO_PINGS
from bot.discordbot.prompt_embeds import (
    card_message,
    describe_schedule,
    has_marker,
    list_embeds,
    pause_notice,
    slot_nonce,
    thread_name,
    thread_name_of,
)
from bot.discordbot.reading_commands import READING_CHARS, reading_choices
from bot.prompts.access import REFUSAL, is_moderator
from bot.prompts.async_service import SUGGEST_SECONDS, AsyncPromptService
from bot.prompts.cards import Card, Source
from bot.prompts.schedule import effective_grace, suggest_zones
from bot.prompts.service import (
    ChannelGone,
    HistoryUnavailable,
    PromptError,
    PromptService,
    ScheduledPost,
)
from bot.prompts.store import ScheduleRow, Store

if TYPE_CHECKING:
    from bot.discordbot.client import ReadingBot

log = logging.getLogger(__name__)

HISTORY_LIMIT = 50  # recent messages searched for a scheduled slot's post after a crash
STOP_SECONDS = 10.0  # at unload, how long the scheduler's current pass may take to finish
GONE = {10003: "Unknown Channel", 50001: "Missing Access"}  # a schedule's channel is gone
THREAD_EXISTS = 160004  # "A thread has already been created for this message"
PUBLIC_DEFER = "prompt_public_defer"  # interaction.extras key: a card is being prepared here
Messageable = discord.TextChannel | discord.Thread | discord.VoiceChannel
READING = "Which reading's prompts (default: the one used here)"


class NotModerator(PromptError, app_commands.CheckFailure):
    """The member may not use the prompt commands (there); the message is the refusal."""


def gone_reason(exc: discord.HTTPException) -> str | None:
    """Discord's answer when it says the channel is gone or closed to the bot, else None."""
    name = GONE.get(exc.code)
    return None if name is None else f"Discord answered {name} ({exc.code})"


def guild_of(interaction: discord.Interaction[Any]) -> int:
    """The server the command runs in (the group is server-only, so there is one)."""
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    return interaction.guild_id


class ScheduleReadings:
    """The reading of each schedule, for the scheduler: the bot's library (a server's own
    readings in that server), or the bot's one reading."""

    def __init__(self, bot: ReadingBot) -> None:
        self.bot = bot

    def _id(self, row: ScheduleRow) -> str:
        return row.reading_id or self.bot.readings.default_id

    def missing(self, row: ScheduleRow) -> str | None:
        """Why the schedule's reading is gone (removed from the library), else None."""
        rid = self._id(row)
        if rid in self.bot.readings.ids(row.guild_id):
            return None
        return f"its reading “{rid}” is no longer in the library (removed?)"

    async def engine(self, row: ScheduleRow) -> AnswerEngine:
        """The engine of the schedule's reading (built on first use)."""
        return await self.bot.readings.engine(self._id(row), row.guild_id)


class PromptsCog(commands.Cog, name="Prompts"):
    """Moderators' discussion prompts: curated, custom and free text; rotation; schedules."""

    prompt = app_commands.Group(
        name="prompt",
        description="Discussion prompts for moderators",
        guild_only=True,
        default_permissions=discord.Permissions(manage_messages=True),
    )

    def __init__(self, bot: ReadingBot, service: AsyncPromptService | None = None) -> None:
        self.bot = bot
        self.settings = bot.config.prompts
        settings = self.settings

        def open_core() -> PromptService:
            return PromptService.from_engine(
                bot.engine,
                Store(settings.database),
                grace=effective_grace(settings.grace_minutes, settings.tick_seconds),
                claim_lease=timedelta(seconds=settings.lease_seconds),
                default_tz=settings.default_timezone,
            )

        self.service = service or AsyncPromptService(open_core, settings.database)
        self.schedule_readings = ScheduleReadings(bot)
        self._tick_lock = asyncio.Lock()
        self._scheduler_problem: str | None = None

    async def cog_load(self) -> None:
        """Open the database (saying so at once when it cannot be), start the scheduler."""
        await asyncio.to_thread(self.service.open)  # logs an error when it cannot
        self.scheduler.change_interval(seconds=self.settings.tick_seconds)
        self.scheduler.start()

    async def cog_unload(self) -> None:
        """Stop the scheduler loop, letting a pass in progress finish first."""
        try:
            await asyncio.wait_for(self.stop_scheduler(), STOP_SECONDS)
        except TimeoutError:
            self.scheduler.cancel()

    async def stop_scheduler(self) -> None:
        """Stop the scheduler loop once its current pass (if any) is done.

        A pass cancelled half-way leaves its worker thread running on without it: it may,
        for instance, take over a stale claim that then nobody posts until the lease runs
        out again.
        """
        async with self._tick_lock:
            self.scheduler.cancel()

    @property
    def link(self) -> bool:
        """Whether cards link to the published reading."""
        return self.bot.config.discord.source_link

    # -- who may -------------------------------------------------------------------------

    def may_moderate(self, interaction: discord.Interaction[Any], channel: object = None) -> bool:
        """Manage Messages in `channel` (the command's channel if None), or a configured role.

        A channel the bot does not know is let through: the command then refuses the value.
        """
        member = interaction.user
        if not isinstance(member, discord.Member):
            return False
        channel_id = getattr(channel, "id", None)
        if channel_id is None or channel_id == interaction.channel_id:
            manage = interaction.permissions.manage_messages
        else:
            target = member.guild.get_channel_or_thread(channel_id)
            if target is None:
                return True
            manage = target.permissions_for(member).manage_messages
        roles = [(r.id, r.name) for r in member.roles]
        return is_moderator(
            manage_messages=manage, roles=roles, moderator_roles=self.settings.moderator_roles
        )

    async def interaction_check(
        self, interaction: discord.Interaction[Any], /
    ) -> bool:
        """Every /prompt command: moderators only, in the channel the command concerns."""
        if not self.may_moderate(interaction, getattr(interaction.namespace, "channel", None)):
            raise NotModerator(REFUSAL)
        return True

    async def cog_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        """A card that failed after a public "thinking…": drop that, so the central handler's
        private message is the only answer."""
        if interaction.extras.pop(PUBLIC_DEFER, False):
            try:
                await interaction.delete_original_response()
            except discord.HTTPException:
                log.debug("could not delete the deferred response of %s", interaction.id)

    async def _engine(
        self, interaction: discord.Interaction[Any], reading: str | None
    ) -> AnswerEngine:
        """The engine of the reading a command is about: `reading`, else the channel's, else
        the server's, else the default (ReadingUnavailable for an unknown or broken one)."""
        return await self.bot.readings.here(interaction, reading)

    # -- autocomplete --------------------------------------------------------------------

    async def _choices(
        self, interaction: discord.Interaction[Any], current: str, source: Source | None = None
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        engine = None
        if source is not Source.CUSTOM:  # the curated prompts of the reading chosen
            option = getattr(interaction.namespace, "reading", None)
            try:
                engine = await asyncio.wait_for(self._engine(interaction, option),
                                                SUGGEST_SECONDS)
            except Exception:  # unknown, broken or slow to build: no prompts to offer
                log.debug("no prompt choices for reading %r", option, exc_info=True)
                return []
        refs = await self.service.suggest(
            interaction.guild_id, current, custom=self.may_moderate(interaction),
            source=source, limit=limits.CHOICES, engine=engine,
        )
        choices = []
        for ref in refs:
            tag = "" if ref.source is Source.CURATED else " (custom)"
            name = limits.clip(ref.text, limits.CHOICE_NAME - len(tag)) + tag
            choices.append(app_commands.Choice(name=name, value=ref.id[: limits.CHOICE_VALUE]))
        return choices[: limits.CHOICES]

    async def prompt_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Curated prompts, and for moderators custom ones, matching what was typed."""
        return await self._choices(interaction, current)

    async def custom_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """This server's custom prompts (for moderators only)."""
        return await self._choices(interaction, current, Source.CUSTOM)

    async def reading_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """The reading ids (with titles where known) containing what was typed."""
        return reading_choices(self.bot.readings, current, interaction.guild_id)

    async def zone_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """IANA time zones containing what was typed."""
        return [app_commands.Choice(name=z, value=z) for z in suggest_zones(current)]

    # -- answering -----------------------------------------------------------------------

    async def _answer(self, interaction: discord.Interaction[Any], text: str | None = None,
                      embeds: list[discord.Embed] | None = None) -> None:
        """The private answer to a deferred command, then any schedule pause not yet told."""
        extra: dict[str, Any] = {"embeds": embeds} if embeds else {}
        if text is not None:
            extra["content"] = limits.clip(text, limits.CONTENT)
        await interaction.followup.send(ephemeral=True, allowed_mentions=NO_PINGS, **extra)
        await self._tell_pauses(interaction)

    async def _tell_pauses(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.guild_id is None:
            return
        for row in await self.service.pauses_to_tell(interaction.guild_id):
            await errors.tell(interaction, pause_notice(row))

    async def _post(
        self,
        interaction: discord.Interaction[Any],
        prompt: str | None,
        channel: Messageable | None,
        thread: bool | None,
        reading: str | None = None,
    ) -> None:
        """Post a card of the reading as the reply (same channel) or in `channel`, then open
        a thread."""
        guild_id = guild_of(interaction)
        here = channel is None or channel.id == interaction.channel_id
        if here:  # the card replaces the public "thinking…"
            interaction.extras[PUBLIC_DEFER] = True
            await interaction.response.defer(thinking=True)
        else:
            await interaction.response.defer(ephemeral=True, thinking=True)
        engine = await self._engine(interaction, reading)
        card = await self.service.post(guild_id, prompt, engine)
        rendered = card_message(card, self.link)
        want_thread = self.settings.open_thread if thread is None else thread
        if channel is None or here:
            message = await interaction.edit_original_response(
                content=rendered.content, embeds=rendered.embeds, allowed_mentions=NO_PINGS
            )
            interaction.extras.pop(PUBLIC_DEFER, None)
            in_thread = isinstance(interaction.channel, discord.Thread)
            if want_thread and not in_thread and not await self._open_thread(
                message, thread_name(card)
            ):
                await errors.tell(interaction, "Posted, but I couldn't open a thread here.")
            await self._tell_pauses(interaction)
            return
        sent = await channel.send(
            rendered.content, embeds=rendered.embeds, allowed_mentions=NO_PINGS
        )
        opened = want_thread and not isinstance(channel, discord.Thread)
        if opened and not await self._open_thread(sent, thread_name(card)):
            opened = False
        where = f"<#{channel.id}>" + (" with a thread" if opened else "")
        await self._answer(interaction, f"Posted in {where}.")

    async def _open_thread(self, message: discord.Message, name: str) -> bool:
        try:
            await message.create_thread(name=name)
        except discord.HTTPException as exc:
            if exc.code == THREAD_EXISTS:
                return True
            log.warning("could not open a thread on message %s", message.id, exc_info=True)
            return False
        return True

    # -- commands ------------------------------------------------------------------------

    @prompt.command(name="post", description="Post a discussion prompt with its context card")
    @app_commands.describe(
        prompt="A prompt from the list, or your own question (default: the next in rotation)",
        channel="Where to post (default: here)",
        thread="Open a thread for the discussion (default from the bot's config)",
        reading=READING,
    )
    @app_commands.autocomplete(prompt=prompt_autocomplete, reading=reading_autocomplete)
    async def post(
        self,
        interaction: discord.Interaction[Any],
        prompt: app_commands.Range[str, 1, 500] | None = None,
        channel: Messageable | None = None,
        thread: bool | None = None,
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """A curated or custom prompt by id, or free text (the engine finds the context)."""
        await self._post(interaction, prompt, channel, thread, reading)

    @prompt.command(name="next", description="Post the next prompt of this server's rotation")
    @app_commands.describe(
        channel="Where to post (default: here)",
        thread="Open a thread for the discussion (default from config)",
        reading=READING,
    )
    @app_commands.autocomplete(reading=reading_autocomplete)
    async def next_(
        self,
        interaction: discord.Interaction[Any],
        channel: Messageable | None = None,
        thread: bool | None = None,
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """No prompt repeats until every one of the reading has been used."""
        await self._post(interaction, None, channel, thread, reading)

    @prompt.command(name="list", description="The curated and custom prompts, and schedules")
    @app_commands.describe(reading=READING)
    @app_commands.autocomplete(reading=reading_autocomplete)
    async def list_(
        self,
        interaction: discord.Interaction[Any],
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """Privately: the reading's prompts with their ids, then this server's schedules."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        engine = await self._engine(interaction, reading)
        found = await self.service.listing(guild_of(interaction), engine)
        schedules = [describe_schedule(row, slot) for row, slot in found.schedules]
        await self._answer(interaction, embeds=list_embeds(found.curated, found.custom,
                                                           schedules))

    @prompt.command(name="add", description="Keep a custom prompt for this server")
    @app_commands.describe(text="The question to ask the group")
    async def add(
        self, interaction: discord.Interaction[Any], text: app_commands.Range[str, 1, 500]
    ) -> None:
        """The prompt joins the rotation and autocomplete."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        ref = await self.service.add(guild_of(interaction), text, interaction.user.id)
        await self._answer(interaction, f"Added `{ref.id}`: {ref.text}")

    @prompt.command(name="remove", description="Remove one of this server's custom prompts")
    @app_commands.describe(prompt="The custom prompt to remove")
    @app_commands.autocomplete(prompt=custom_autocomplete)
    async def remove(
        self, interaction: discord.Interaction[Any], prompt: app_commands.Range[str, 1, 500]
    ) -> None:
        """Curated prompts live in the knowledge files and cannot be removed here."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        ref = await self.service.remove(guild_of(interaction), prompt)
        await self._answer(interaction, f"Removed `{ref.id}`: {ref.text}")

    @prompt.command(name="schedule", description="Post the next prompt daily or weekly")
    @app_commands.describe(
        channel="Where the prompts go",
        when="e.g. 'weekly monday 18:00', 'daily 9am', 'fri 19:30 Europe/Berlin', '7pm ET'",
        timezone="IANA time zone, e.g. Europe/Berlin, or EST, CET... (default: the bot's)",
        thread="Open a thread for each prompt (default from the bot's config)",
        reading="Whose prompts it posts (default: the reading used in that channel)",
    )
    @app_commands.autocomplete(timezone=zone_autocomplete, reading=reading_autocomplete)
    async def schedule(
        self,
        interaction: discord.Interaction[Any],
        channel: Messageable,
        when: app_commands.Range[str, 1, 100],
        timezone: app_commands.Range[str, 1, 64] | None = None,
        thread: bool | None = None,
        reading: app_commands.Range[str, 1, READING_CHARS] | None = None,
    ) -> None:
        """Replaces the channel's schedule if it has one; the schedule keeps its reading."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        engine = await self._schedule_engine(interaction, channel, reading)
        done = await self.service.schedule(
            guild_of(interaction), channel.id, when, timezone, thread=thread,
            created_by=interaction.user.id, engine=engine,
        )
        text = f"Scheduled: {describe_schedule(done.row, done.next_slot)}"
        await self._answer(interaction, f"{text}\n{done.note}" if done.note else text)

    async def _schedule_engine(
        self, interaction: discord.Interaction[Any], channel: Messageable, reading: str | None
    ) -> AnswerEngine:
        """A schedule's reading: the one named, else the one used in its channel (a thread
        inherits its parent's), else the server's, else the default."""
        if reading and reading.strip():
            return await self._engine(interaction, reading)
        readings, guild = self.bot.readings, interaction.guild_id
        channels = [channel.id, getattr(channel, "parent_id", None)]
        return await readings.engine(readings.chosen(guild, channels), guild)

    @prompt.command(name="unschedule", description="Stop scheduled prompts")
    @app_commands.describe(channel="Only this channel's schedule (default: every schedule here)")
    async def unschedule(
        self, interaction: discord.Interaction[Any], channel: Messageable | None = None
    ) -> None:
        """Removes one channel's schedule, or all of the server's."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        gone = await self.service.unschedule(
            guild_of(interaction), channel.id if channel else None
        )
        noun = "schedule" if gone == 1 else "schedules"
        await self._answer(
            interaction, f"Removed {gone} {noun}." if gone else "There was no schedule to remove."
        )

    # -- the scheduler -------------------------------------------------------------------

    @tasks.loop(seconds=30.0)
    async def scheduler(self) -> None:
        """Post the due scheduled prompts; never lets an error stop the loop."""
        try:
            await self.tick()
            self._scheduler_problem = None
        except PromptError as exc:  # the database is out: said once, not every tick
            if str(exc) != self._scheduler_problem:
                log.warning("the prompt scheduler cannot run: %s", exc)
            self._scheduler_problem = str(exc)
        except Exception:
            log.exception("the prompt scheduler failed; trying again next tick")

    @scheduler.before_loop
    async def _before_scheduler(self) -> None:
        await self.bot.wait_until_ready()

    async def tick(self) -> list[ScheduledPost]:
        """One scheduler pass over the servers this bot is in (callable from tests)."""
        async with self._tick_lock:
            guild_ids = {g.id for g in self.bot.guilds}
            results = await self.service.run_due(
                self._send_scheduled, guild_ids, lookup=self._find_scheduled,
                readings=self.schedule_readings,
            )
        for result in results:
            if result.paused:
                await self._announce_pause(result.schedule)
        return results

    async def _announce_pause(self, row: ScheduleRow) -> None:
        """Tell the server's moderators in its system channel, if the bot may post there."""
        guild = self.bot.get_guild(row.guild_id)
        channel = guild.system_channel if guild else None
        if guild is None or channel is None:
            return
        if not channel.permissions_for(guild.me).send_messages:
            return
        try:
            await channel.send(pause_notice(row), allowed_mentions=NO_PINGS)
        except discord.HTTPException:
            log.warning("could not tell server %s that schedule %s is paused", guild.id, row.id)

    async def _channel(self, channel_id: int) -> Messageable:
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            channel = await self.bot.fetch_channel(channel_id)
        if not isinstance(channel, Messageable):
            raise TypeError(f"channel {channel_id} cannot take messages")
        return channel

    def _wants_thread(self, row: ScheduleRow) -> bool:
        return self.settings.open_thread if row.thread is None else row.thread

    async def _find_scheduled(self, row: ScheduleRow, marker: str) -> int | None:
        """The id of the bot's recent post in the schedule's channel carrying `marker`
        (its thread opened if the schedule wants one and the bot died before opening it)."""
        try:
            channel = await self._channel(row.channel_id)
        except discord.HTTPException as exc:
            reason = gone_reason(exc)
            if reason is None:
                raise
            raise ChannelGone(reason) from exc
        me = channel.guild.me
        if not channel.permissions_for(me).read_message_history:
            raise HistoryUnavailable(f"no Read Message History in channel {channel.id}")
        try:
            async for message in channel.history(limit=HISTORY_LIMIT):
                if message.author.id == me.id and has_marker(message, marker):
                    break
            else:
                return None
        except discord.Forbidden as exc:
            raise HistoryUnavailable(f"channel {channel.id}: {exc.text or exc}") from exc
        wanted = self._wants_thread(row) and not isinstance(channel, discord.Thread)
        if wanted and message.thread is None:
            log.info("schedule %s: opening the thread the bot died before opening", row.id)
            await self._open_thread(message, thread_name_of(message))
        return message.id

    async def _send_scheduled(self, row: ScheduleRow, card: Card) -> int | None:
        try:
            channel = await self._channel(row.channel_id)
            rendered = card_message(card, self.link)
            extra: dict[str, Any] = {}
            if card.marker:
                extra["nonce"] = slot_nonce(row.id, card.marker)
            message = await channel.send(
                rendered.content, embeds=rendered.embeds, allowed_mentions=NO_PINGS, **extra
            )
        except discord.HTTPException as exc:
            reason = gone_reason(exc)
            if reason is None:
                raise
            raise ChannelGone(reason) from exc
        if self._wants_thread(row) and not isinstance(channel, discord.Thread):
            await self._open_thread(message, thread_name(card))
        return message.id


async def setup(bot: ReadingBot) -> None:
    """Extension entry point."""
    await bot.add_cog(PromptsCog(bot))
