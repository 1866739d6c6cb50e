"""The bot itself: a ``commands.Bot`` (or ``AutoShardedBot``) wired to the engine and config."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
import yarl
from discord.ext import commands

from bot.config import Config, DiscordSettings
from bot.discordbot import errors
from bot.discordbot.checks import Cooldown, Guard
from bot.discordbot.conversations import Conversations
from bot.discordbot.engine_api import AnswerEngine
from bot.discordbot.readings import Readings
from bot.discordbot.visibility import prompt_visibility_note
from bot.discordbot.workers import AnswerPool

if TYPE_CHECKING:
    from bot.library import ReadingLibrary

log = logging.getLogger(__name__)

PROMPTS_EXTENSION = "bot.discordbot.cogs.prompts"
LIBRARY_EXTENSION = "bot.discordbot.cogs.library"  # /reading info, list, use, reload
GROUP_EXTENSIONS = (
    "bot.discordbot.cogs.quiz",
    "bot.discordbot.cogs.map",
    "bot.discordbot.cogs.guide",
)


def use_endpoints(settings: DiscordSettings) -> None:
    """Point discord.py's REST and gateway URLs at the configured Discord (or a fake)."""
    discord.http.Route.BASE = settings.api_base.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway.rstrip("/") + "/")


def make_intents(settings: DiscordSettings) -> discord.Intents:
    """Only what is needed: guilds; messages when answering mentions or a prefix; content
    only when configured (it is privileged and must be enabled in the developer portal)."""
    intents = discord.Intents.none()
    intents.guilds = True
    if settings.answer_mentions or settings.prefix:
        intents.guild_messages = True
        intents.dm_messages = True
    intents.message_content = settings.message_content
    return intents


# A text-only bot: no voice, so no warnings about the voice libraries it does not need.
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False

class ReadingBot(commands.Bot):
    """Answers questions about one reading; see :mod:`bot.discordbot.cogs.reading`."""

    def __init__(
        self,
        config: Config,
        engine: AnswerEngine,
        library: ReadingLibrary | None = None,
        **options: Any,
    ) -> None:
        settings = config.discord
        use_endpoints(settings)
        options.setdefault("guild_ready_timeout", settings.guild_ready_timeout)
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=make_intents(settings),
            allowed_mentions=errors.NO_PINGS,
            help_command=None,
            chunk_guilds_at_startup=False,
            member_cache_flags=discord.MemberCacheFlags.none(),
            **options,
        )
        self.config = config
        self.engine = engine  # the default reading's (see bot.discordbot.readings)
        self.library = library  # every reading; None: the one engine only
        self.guard = Guard(
            settings.allowed_channels, Cooldown(settings.cooldown_rate, settings.cooldown_seconds)
        )
        self.answers = AnswerPool(settings.answer_workers)
        self.conversations = Conversations(settings.conversation_minutes * 60)
        self.readings = Readings(self)  # which reading answers where (/reading use)
        self.tree.on_error = errors.on_app_command_error  # type: ignore[method-assign]
        if settings.prefix and not settings.message_content:
            log.warning(
                "discord.prefix is set but discord.message_content is false: Discord hides "
                "message text from the bot, so the prefix will not work"
            )

    async def setup_hook(self) -> None:
        """Load the cogs. Commands are not synced here: that is ``python -m bot sync``."""
        await self.load_extension("bot.discordbot.cogs.reading")
        await self.load_extension(LIBRARY_EXTENSION)
        try:
            await self.load_extension(PROMPTS_EXTENSION)
        except commands.ExtensionError:  # the reading commands still work without it
            log.exception("could not load %s; discussion prompts are off", PROMPTS_EXTENSION)
        for extension in GROUP_EXTENSIONS:  # the quiz, the map and the study guide
            try:
                await self.load_extension(extension)
            except commands.ExtensionError:
                log.exception("could not load %s; the rest of the bot still works", extension)

    async def close(self) -> None:
        """Disconnect, then stop the answer threads."""
        try:
            await super().close()
        finally:
            self.answers.close()

    async def on_ready(self) -> None:
        """Log who we are and where."""
        log.info(
            "ready as %s (id %s) in %d servers, answering about %r",
            self.user,
            self.user.id if self.user else "?",
            len(self.guilds),
            self.engine.reading.title,
        )
        for guild in self.guilds:
            note = prompt_visibility_note(guild, self.config.prompts.moderator_roles)
            if note:
                log.warning("server %s (%s): %s", guild.name, guild.id, note)

    async def on_command_error(
        self, context: commands.Context[Any], exception: commands.CommandError, /
    ) -> None:
        """Text-command failures go to the central handler."""
        await errors.on_command_error(context, exception)

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        """An exception in an event listener: log it and keep serving."""
        log.exception("error in event %s", event_method)


class ShardedReadingBot(ReadingBot, commands.AutoShardedBot):
    """The same bot over several gateway shards (``discord.shard_count`` in the config)."""


def create_bot(
    config: Config, engine: AnswerEngine, library: ReadingLibrary | None = None, **options: Any
) -> ReadingBot:
    """The bot the config asks for: sharded when ``discord.shard_count`` is set. `engine`
    answers about the default reading; `library`, when given, serves the others."""
    if config.discord.shard_count is not None:
        return ShardedReadingBot(
            config, engine, library, shard_count=config.discord.shard_count, **options
        )
    return ReadingBot(config, engine, library, **options)
