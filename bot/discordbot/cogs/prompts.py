"""``/prompt``: discussion prompts for moderators, posted on demand or on a schedule.

Commands: ``post [prompt] [channel] [thread]``, ``next [channel] [thread]``, ``list``,
``add text``, ``remove prompt``, ``schedule channel when [timezone] [thread]`` and
``unschedule [channel]``. All the logic is in :mod:`bot.prompts`; this cog turns
interactions into :class:`~bot.prompts.service.PromptService` calls and cards into messages.

Only moderators may use them: Manage Messages in the channel concerned, or a role listed in
``prompts.moderator_roles``. ``default_permissions`` hides the group from everyone else in
the client (server admins can change that under Integrations); anyone who still reaches a
command gets a polite refusal. A background loop (every ``prompts.tick_seconds``) posts
scheduled prompts that are due, each slot exactly once, across restarts and processes: a
scheduled post carries its slot's marker in the footer, and a slot claimed but never recorded
as posted (the bot died in between) is looked up in the channel's last messages before it is
posted (see :meth:`~bot.prompts.service.PromptService.run_due`).
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.discordbot import embeds, errors, limits
from bot.discordbot.embeds import Rendered
from bot.prompts.access import REFUSAL, is_moderator
from bot.prompts.cards import Card, CardEntry, Source
from bot.prompts.schedule import suggest_zones
from bot.prompts.service import (
    HistoryUnavailable,
    PromptError,
    PromptRef,
    PromptService,
    ScheduledPost,
)
from bot.prompts.store import ScheduleRow, Store

if TYPE_CHECKING:
    from bot.discordbot.client import ReadingBot

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()
THREAD_NAME = 100
LIST_TEXT = 110  # characters of each prompt in /prompt list
HISTORY_LIMIT = 50  # recent messages searched for a scheduled slot's post after a crash
Messageable = discord.TextChannel | discord.Thread | discord.VoiceChannel


CARD_QUOTE = 700  # characters of quote per entry at most
CARD_QUOTE_MIN = 80  # ... and at least, however many entries a card has
CARD_ROOM = limits.EMBED_TOTAL - 300  # for the embeds of one card (title/footer slack)
CARD_DESCRIPTION_ROOM = limits.EMBED_DESCRIPTION - 96


def card_message(card: Card, link: bool = True) -> Rendered:
    """A card as one message: the prompt as content, one embed per contributor.

    Quotes share the room Discord allows (6,000 characters over a message's embeds, 4,096
    per description): the more entries a card has, the shorter each quote, so every
    contributor and every paragraph reference stays on the card.
    """
    label = "Discussion prompt" if card.source is not Source.FREE else "Discussion prompt (free)"
    content = f"**{label}:** {card.text}"
    # A scheduled card's slot marker leads the footer, so the bot can find the post again.
    lead = f"{card.marker} · " if card.marker else ""
    if not card.entries:
        note = discord.Embed(description=card.note, colour=embeds.COLOUR)
        note.set_footer(text=lead + limits.clip(card.reading_title, 200))
        return Rendered(content=content, embeds=[note])
    reading_url = card.reading_url if link and card.reading_url else None

    def source(entry: CardEntry) -> str:
        if reading_url:
            return f"[¶ {entry.paragraph}]({reading_url})"
        return f"¶ {entry.paragraph}"

    def fixed(entries: Sequence[CardEntry]) -> int:  # all but the quotes (and their '> ')
        return sum(len(e.summary) + len(source(e)) + 8 for e in entries)

    groups, left_out = _card_groups(card, fixed)
    footer = lead + limits.clip(card.reading_title, 200)
    if left_out:
        more = f"{left_out} more position{'s' if left_out > 1 else ''} not shown"
        footer = lead + limits.clip(f"{card.reading_title} · {more}", 200)
    count = sum(len(entries) for _, entries in groups)
    room = CARD_ROOM - len(footer) - sum(len(name) for name, _ in groups)
    room -= sum(fixed(entries) for _, entries in groups)
    quote_limit = min(CARD_QUOTE, room // count)
    for _, entries in groups:
        room_here = CARD_DESCRIPTION_ROOM - fixed(entries)
        quote_limit = min(quote_limit, room_here // len(entries))
    quote_limit = max(CARD_QUOTE_MIN, quote_limit)

    out = []
    for name, entries in groups:
        parts = []
        for entry in entries:
            quote = limits.block_quote(limits.clip(entry.quote, quote_limit))
            parts.append(f"{entry.summary}\n{quote}\n{source(entry)}")
        embed = discord.Embed(title=name, description="\n\n".join(parts), colour=embeds.COLOUR)
        out.append(embed)
    out[-1].set_footer(text=footer)
    return Rendered(content=content, embeds=out)


def _card_groups(
    card: Card, fixed: Callable[[Sequence[CardEntry]], int]
) -> tuple[list[tuple[str, list[CardEntry]]], int]:
    """The entries a card message can show, grouped per contributor, and how many are left out.

    Every contributor (up to 10 embeds) keeps its first entry; further entries are dropped,
    later ones first, until summaries, sources and short quotes fit the room.
    """
    groups = card.by_contributor()[: limits.EMBEDS]
    ranked = sorted(
        ((i, g, e) for g, (_, entries) in enumerate(groups) for i, e in enumerate(entries)),
        key=lambda item: (item[0], item[1]),
    )

    def fits(kept: list[tuple[int, int, CardEntry]]) -> bool:
        chosen = [[e for _, g2, e in kept if g2 == g] for g in range(len(groups))]
        total = sum(fixed(c) + CARD_QUOTE_MIN * len(c) for c in chosen)
        per_embed = max(fixed(c) + CARD_QUOTE_MIN * len(c) for c in chosen)
        return total <= CARD_ROOM - 300 and per_embed <= CARD_DESCRIPTION_ROOM

    keep = len(ranked)
    while keep > len(groups) and not fits(ranked[:keep]):
        keep -= 1
    kept = {id(e) for _, _, e in ranked[:keep]}
    shown = [(name, [e for e in entries if id(e) in kept]) for name, entries in groups]
    return shown, sum(len(entries) for _, entries in card.by_contributor()) - keep


LIST_ROOM = limits.EMBED_TOTAL - 200  # for the embeds of /prompt list (titles and slack)
SCHEDULES_ROOM = 1500  # at most, for the schedules, which are listed first


def listing(lines: Sequence[str], room: int, what: str) -> str:
    """As many whole `lines` as fit in `room` characters, then '… and N more <what>'."""
    shown: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        tail = f"… and {len(lines) - i} more {what}"
        reserve = 0 if i == len(lines) - 1 else len(tail) + 1
        if used + len(line) + 1 + reserve > room:
            shown.append(tail)
            break
        shown.append(line)
        used += len(line) + 1
    return "\n".join(shown)


def list_embeds(
    curated: Sequence[PromptRef], custom: Sequence[PromptRef], schedules: Sequence[str]
) -> list[discord.Embed]:
    """/prompt list: the schedules, the curated and the server's prompts, within the limits.

    Each section gets its share of the 6,000 characters a message's embeds may hold; a
    section too long to show whole ends with how many more there are (autocomplete on
    /prompt post and /prompt remove finds them all).
    """

    def line(ref: PromptRef) -> str:
        return f"`{ref.id}` {limits.clip(ref.text, LIST_TEXT)}"

    description_room = limits.EMBED_DESCRIPTION - 64
    out: list[discord.Embed] = []
    room = LIST_ROOM
    if schedules:
        text = listing(schedules, min(SCHEDULES_ROOM, description_room), "schedules")
        out.append(discord.Embed(title="Schedules", description=text, colour=embeds.COLOUR))
        room -= len(text)
    curated_lines = [line(r) for r in curated]
    custom_lines = [line(r) for r in custom]
    custom_need = sum(len(x) + 1 for x in custom_lines)
    curated_room = min(description_room, max(room // 2, room - custom_need))
    text = listing(curated_lines, curated_room, "prompts") or "None."
    out.append(
        discord.Embed(
            title=f"Curated prompts ({len(curated)})", description=text, colour=embeds.COLOUR
        )
    )
    room -= len(text)
    if custom_lines:
        text = listing(custom_lines, min(description_room, room), "prompts")
        out.append(
            discord.Embed(
                title=f"This server's prompts ({len(custom)})",
                description=text,
                colour=embeds.COLOUR,
            )
        )
    return out


def has_marker(message: discord.Message, marker: str) -> bool:
    """Whether one of the message's embed footers carries a scheduled slot's marker."""
    return any(marker in (embed.footer.text or "") for embed in message.embeds)


def slot_nonce(schedule_id: int, marker: str) -> str:
    """A stable nonce (at most 25 characters) for a scheduled slot's message.

    discord.py sends nonces with ``enforce_nonce``, so Discord returns the first message
    instead of creating a second when the same slot is sent again within a few minutes.
    """
    digest = hashlib.sha256(f"{schedule_id} {marker}".encode()).hexdigest()
    return f"slot-{digest[:20]}"


def thread_name(card: Card) -> str:
    """A thread title from the prompt text (Discord allows 100 characters)."""
    return limits.clip(card.text, THREAD_NAME)


def effective_grace(grace_minutes: float, tick_seconds: float) -> timedelta:
    """How late a scheduled slot may still be posted: the configured grace window, but at
    least two scheduler ticks, so a slot the loop reaches a few seconds late (as it always
    does) is posted, even with ``grace_minutes: 0`` ("no catch-up after downtime")."""
    return max(timedelta(minutes=grace_minutes), timedelta(seconds=2 * tick_seconds))


class PromptsCog(commands.Cog, name="Prompts"):
    """Moderators' discussion prompts: curated, custom and free text; rotation; schedules."""

    prompt = app_commands.Group(
        name="prompt",
        description="Discussion prompts for moderators",
        guild_only=True,
        default_permissions=discord.Permissions(manage_messages=True),
    )

    def __init__(self, bot: ReadingBot, service: PromptService | None = None) -> None:
        self.bot = bot
        self.settings = bot.config.prompts
        self.service = service or PromptService.from_engine(
            bot.engine,
            Store(self.settings.database),
            grace=effective_grace(self.settings.grace_minutes, self.settings.tick_seconds),
        )
        self._tick_lock = asyncio.Lock()

    async def cog_load(self) -> None:
        """Start the scheduler loop at the configured interval."""
        self.scheduler.change_interval(seconds=self.settings.tick_seconds)
        self.scheduler.start()

    async def cog_unload(self) -> None:
        """Stop the scheduler loop."""
        self.scheduler.cancel()

    @property
    def link(self) -> bool:
        """Whether cards link to the published reading."""
        return self.bot.config.discord.source_link

    # -- who may -------------------------------------------------------------------------

    def may_moderate(self, interaction: discord.Interaction[Any], channel: object) -> bool:
        """Manage Messages in `channel` (the command's channel if None), or a configured role."""
        member = interaction.user
        if not isinstance(member, discord.Member):
            return False
        if channel is None or getattr(channel, "id", None) == interaction.channel_id:
            manage = interaction.permissions.manage_messages
        elif isinstance(channel, discord.abc.GuildChannel):
            manage = channel.permissions_for(member).manage_messages
        else:
            manage = False
        roles = [(r.id, r.name) for r in member.roles]
        return is_moderator(
            manage_messages=manage, roles=roles, moderator_roles=self.settings.moderator_roles
        )

    async def refuse_unless_moderator(
        self, interaction: discord.Interaction[Any], channel: object = None
    ) -> bool:
        """True (after a polite private refusal) when the user is not a moderator there."""
        if self.may_moderate(interaction, channel):
            return False
        await errors.tell(interaction, REFUSAL)
        return True

    # -- autocomplete --------------------------------------------------------------------

    def _choices(
        self, interaction: discord.Interaction[Any], current: str, source: Source | None = None
    ) -> list[app_commands.Choice[str]]:
        guild_id = interaction.guild_id or 0
        choices = []
        for ref in self.service.suggest(guild_id, current, limit=limits.CHOICES, source=source):
            tag = "" if ref.source is Source.CURATED else " (custom)"
            name = limits.clip(ref.text, limits.CHOICE_NAME - len(tag)) + tag
            choices.append(app_commands.Choice(name=name, value=ref.id[: limits.CHOICE_VALUE]))
        return choices[: limits.CHOICES]

    async def prompt_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Curated and custom prompts matching what was typed (free text is also accepted)."""
        return self._choices(interaction, current)

    async def custom_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """This server's custom prompts."""
        return self._choices(interaction, current, Source.CUSTOM)

    async def zone_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """IANA time zones containing what was typed."""
        return [app_commands.Choice(name=z, value=z) for z in suggest_zones(current)]

    # -- posting -------------------------------------------------------------------------

    async def _post_card(
        self,
        interaction: discord.Interaction[Any],
        card: Card,
        channel: Messageable | None,
        thread: bool | None,
    ) -> None:
        """Post the card as the reply (same channel) or in `channel`, then open a thread."""
        rendered = card_message(card, self.link)
        want_thread = self.settings.open_thread if thread is None else thread
        if channel is None or channel.id == interaction.channel_id:
            callback = await interaction.response.send_message(
                rendered.content, embeds=rendered.embeds, allowed_mentions=NO_PINGS
            )
            if not want_thread or isinstance(interaction.channel, discord.Thread):
                return
            resource = callback.resource
            message = (
                resource
                if isinstance(resource, discord.InteractionMessage)
                else await interaction.original_response()
            )
            if not await self._open_thread(message, card):
                await errors.tell(interaction, "Posted, but I couldn't open a thread here.")
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        sent = await channel.send(
            rendered.content, embeds=rendered.embeds, allowed_mentions=NO_PINGS
        )
        opened = want_thread and not isinstance(channel, discord.Thread)
        if opened and not await self._open_thread(sent, card):
            opened = False
        where = f"<#{channel.id}>" + (" with a thread" if opened else "")
        await interaction.followup.send(
            f"Posted in {where}.", ephemeral=True, allowed_mentions=NO_PINGS
        )

    async def _open_thread(self, message: discord.Message, card: Card) -> bool:
        try:
            await message.create_thread(name=thread_name(card))
        except discord.HTTPException:
            log.warning("could not open a thread on message %s", message.id, exc_info=True)
            return False
        return True

    async def _card(self, interaction: discord.Interaction[Any], prompt: str | None) -> Card | None:
        try:
            return await asyncio.to_thread(self.service.post, interaction.guild_id or 0, prompt)
        except PromptError as exc:
            await errors.tell(interaction, str(exc))
            return None

    # -- commands ------------------------------------------------------------------------

    @prompt.command(name="post", description="Post a discussion prompt with its context card")
    @app_commands.describe(
        prompt="A prompt from the list, or your own question (default: the next in rotation)",
        channel="Where to post (default: here)",
        thread="Open a thread for the discussion (default from the bot's config)",
    )
    @app_commands.autocomplete(prompt=prompt_autocomplete)
    async def post(
        self,
        interaction: discord.Interaction[Any],
        prompt: app_commands.Range[str, 1, 500] | None = None,
        channel: Messageable | None = None,
        thread: bool | None = None,
    ) -> None:
        """A curated or custom prompt by id, or free text (the engine finds the context)."""
        if await self.refuse_unless_moderator(interaction, channel):
            return
        card = await self._card(interaction, prompt)
        if card is not None:
            await self._post_card(interaction, card, channel, thread)

    @prompt.command(name="next", description="Post the next prompt of this server's rotation")
    @app_commands.describe(
        channel="Where to post (default: here)",
        thread="Open a thread for the discussion (default from config)",
    )
    async def next_(
        self,
        interaction: discord.Interaction[Any],
        channel: Messageable | None = None,
        thread: bool | None = None,
    ) -> None:
        """No prompt repeats until every one has been used."""
        if await self.refuse_unless_moderator(interaction, channel):
            return
        card = await self._card(interaction, None)
        if card is not None:
            await self._post_card(interaction, card, channel, thread)

    @prompt.command(name="list", description="The curated and custom prompts, and schedules")
    async def list_(self, interaction: discord.Interaction[Any]) -> None:
        """Privately: every prompt with its id, then this server's schedules."""
        if await self.refuse_unless_moderator(interaction):
            return
        guild_id = interaction.guild_id or 0
        refs = await asyncio.to_thread(self.service.catalogue, guild_id)
        curated = [r for r in refs if r.source is Source.CURATED]
        custom = [r for r in refs if r.source is Source.CUSTOM]
        rows = await asyncio.to_thread(self.service.schedules, guild_id)
        schedules = [self._describe(row) for row in rows]
        rendered = Rendered(embeds=list_embeds(curated, custom, schedules))
        await interaction.response.send_message(
            embeds=rendered.embeds, ephemeral=True, allowed_mentions=NO_PINGS
        )

    @prompt.command(name="add", description="Keep a custom prompt for this server")
    @app_commands.describe(text="The question to ask the group")
    async def add(
        self, interaction: discord.Interaction[Any], text: app_commands.Range[str, 1, 500]
    ) -> None:
        """The prompt joins the rotation and autocomplete."""
        if await self.refuse_unless_moderator(interaction):
            return
        try:
            ref = await asyncio.to_thread(
                self.service.add, interaction.guild_id or 0, text, interaction.user.id
            )
        except PromptError as exc:
            await errors.tell(interaction, str(exc))
            return
        await errors.tell(interaction, f"Added `{ref.id}`: {ref.text}")

    @prompt.command(name="remove", description="Remove one of this server's custom prompts")
    @app_commands.describe(prompt="The custom prompt to remove")
    @app_commands.autocomplete(prompt=custom_autocomplete)
    async def remove(
        self, interaction: discord.Interaction[Any], prompt: app_commands.Range[str, 1, 500]
    ) -> None:
        """Curated prompts live in the knowledge files and cannot be removed here."""
        if await self.refuse_unless_moderator(interaction):
            return
        try:
            ref = await asyncio.to_thread(self.service.remove, interaction.guild_id or 0, prompt)
        except PromptError as exc:
            await errors.tell(interaction, str(exc))
            return
        await errors.tell(interaction, f"Removed `{ref.id}`: {ref.text}")

    @prompt.command(name="schedule", description="Post the next prompt daily or weekly")
    @app_commands.describe(
        channel="Where the prompts go",
        when="e.g. 'weekly monday 18:00', 'daily 9am', 'fri 19:30 Europe/Berlin'",
        timezone="IANA time zone, e.g. Europe/Berlin (default UTC, or as given in 'when')",
        thread="Open a thread for each prompt (default from the bot's config)",
    )
    @app_commands.autocomplete(timezone=zone_autocomplete)
    async def schedule(
        self,
        interaction: discord.Interaction[Any],
        channel: Messageable,
        when: app_commands.Range[str, 1, 100],
        timezone: app_commands.Range[str, 1, 64] | None = None,
        thread: bool | None = None,
    ) -> None:
        """Replaces the channel's schedule if it has one."""
        if await self.refuse_unless_moderator(interaction, channel):
            return
        try:
            row = await asyncio.to_thread(
                functools.partial(
                    self.service.schedule,
                    interaction.guild_id or 0,
                    channel.id,
                    when,
                    timezone,
                    thread=thread,
                    created_by=interaction.user.id,
                )
            )
        except PromptError as exc:
            await errors.tell(interaction, str(exc))
            return
        await errors.tell(interaction, f"Scheduled: {self._describe(row)}")

    @prompt.command(name="unschedule", description="Stop scheduled prompts")
    @app_commands.describe(channel="Only this channel's schedule (default: every schedule here)")
    async def unschedule(
        self, interaction: discord.Interaction[Any], channel: Messageable | None = None
    ) -> None:
        """Removes one channel's schedule, or all of the server's."""
        if await self.refuse_unless_moderator(interaction, channel):
            return
        gone = await asyncio.to_thread(
            self.service.unschedule, interaction.guild_id or 0, channel.id if channel else None
        )
        noun = "schedule" if gone == 1 else "schedules"
        await errors.tell(
            interaction, f"Removed {gone} {noun}." if gone else "There was no schedule to remove."
        )

    def _describe(self, row: ScheduleRow) -> str:
        when = int(self.service.next_slot(row).timestamp())
        return f"<#{row.channel_id}> {row.rule.describe()}; next <t:{when}:F> (<t:{when}:R>)"

    # -- the scheduler -------------------------------------------------------------------

    @tasks.loop(seconds=30.0)
    async def scheduler(self) -> None:
        """Post the due scheduled prompts; never lets an error stop the loop."""
        try:
            await self.tick()
        except Exception:
            log.exception("the prompt scheduler failed; trying again next tick")

    @scheduler.before_loop
    async def _before_scheduler(self) -> None:
        await self.bot.wait_until_ready()

    async def tick(self) -> list[ScheduledPost]:
        """One scheduler pass over the servers this bot is in (callable from tests)."""
        async with self._tick_lock:
            guild_ids = {g.id for g in self.bot.guilds}
            return await self.service.run_due(
                self._send_scheduled, guild_ids, lookup=self._find_scheduled
            )

    async def _channel(self, channel_id: int) -> Messageable:
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            channel = await self.bot.fetch_channel(channel_id)
        if not isinstance(channel, Messageable):
            raise TypeError(f"channel {channel_id} cannot take messages")
        return channel

    async def _find_scheduled(self, row: ScheduleRow, marker: str) -> int | None:
        """The id of the bot's recent post in the schedule's channel carrying `marker`."""
        channel = await self._channel(row.channel_id)
        me = channel.guild.me
        if not channel.permissions_for(me).read_message_history:
            raise HistoryUnavailable(f"no Read Message History in channel {channel.id}")
        try:
            async for message in channel.history(limit=HISTORY_LIMIT):
                if message.author.id == me.id and has_marker(message, marker):
                    return message.id
        except discord.Forbidden as exc:
            raise HistoryUnavailable(f"channel {channel.id}: {exc.text or exc}") from exc
        return None

    async def _send_scheduled(self, row: ScheduleRow, card: Card) -> int | None:
        channel = await self._channel(row.channel_id)
        rendered = card_message(card, self.link)
        extra: dict[str, Any] = {}
        if card.marker:
            extra["nonce"] = slot_nonce(row.id, card.marker)
        message = await channel.send(
            rendered.content, embeds=rendered.embeds, allowed_mentions=NO_PINGS, **extra
        )
        want_thread = self.settings.open_thread if row.thread is None else row.thread
        if want_thread and not isinstance(channel, discord.Thread):
            await self._open_thread(message, card)
        return message.id


async def setup(bot: ReadingBot) -> None:
    """Extension entry point."""
    await bot.add_cog(PromptsCog(bot))
