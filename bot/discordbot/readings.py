"""The readings a bot serves, and which one each server and channel uses.

A bot has one default reading (``bot.engine``: ``reading:`` in the config, or the only
reading there is) and, when started from a knowledge folder, a
:class:`~bot.library.ReadingLibrary` (``bot.library``) whose other readings are built on
first use. A moderator's ``/reading use`` picks a reading for the server or for one channel;
:class:`Readings` keeps those choices (in memory, and in SQLite through
:class:`~bot.discordbot.reading_store.ReadingChoices`) and answers "which engine here?":
the reading named by the command, else the channel's, else the server's, else the default.
Building an engine and every SQLite call run on the bot's answer threads.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord

from bot.discordbot.engine_api import AnswerEngine
from bot.discordbot.reading_errors import ReadingUnavailable
from bot.discordbot.reading_store import SERVER, Choices, ReadingChoices
from bot.discordbot.server_readings import server_root
from bot.knowledge.errors import KnowledgeError
from bot.library import ReadingLibrary, ReadingState

if TYPE_CHECKING:
    from bot.discordbot.client import ReadingBot

log = logging.getLogger(__name__)

PROBLEMS_SHOWN = 3  # problems quoted when a chosen reading is broken


class Readings:
    """Which reading answers where, for one bot."""

    def __init__(self, bot: ReadingBot) -> None:
        self.bot = bot
        self.store = ReadingChoices(bot.config.prompts.database)
        self._choices: Choices = {}
        self._states: dict[tuple[int | None, str], ReadingState] = {}  # (server, id)
        self._lock = asyncio.Lock()  # one /reading use or reload at a time
        self._servers: dict[int, ReadingLibrary | None] = {}  # each server's own readings
        self.uploads: dict[int, asyncio.Lock] = {}  # one /reading add per server at a time

    # -- start-up ----------

    async def open(self) -> None:
        """Read the stored choices; a database that cannot be read is logged, not fatal."""
        try:
            self._choices = await self.bot.answers.run(self.store.load)
        except Exception:
            log.exception("could not read the reading choices from %s", self.store.path)

    async def survey(self, guild_id: int | None = None) -> list[ReadingState]:
        """Every reading's state (validating the ones not seen before), with the server's
        own after the shared ones; broken ones logged."""
        library = self.bot.library
        if library is None:
            return []
        states = await self.bot.answers.run(library.states)
        self._states.update({(None, s.id): s for s in states})
        own = self.server_library(guild_id)
        if own is not None:
            mine = await self.bot.answers.run(own.states)
            self._states.update({(guild_id, s.id): s for s in mine})
            states += mine
        for state in states:
            if not state.ok:
                log.warning(
                    "reading %s is broken and skipped (%d problems), first: %s",
                    state.id, len(state.problems), state.problems[0],
                )
        return states

    # -- what exists ----------

    @property
    def default_id(self) -> str:
        """The default reading's id."""
        return self.bot.engine.reading.id

    def ids(self, guild_id: int | None = None) -> tuple[str, ...]:
        """Every reading id the bot can serve (in a server: with that server's own)."""
        library = self.bot.library
        shared = library.ids() if library is not None else (self.default_id,)
        own = self.server_library(guild_id)
        return shared + own.ids() if own is not None else shared

    def server_library(self, guild_id: int | None) -> ReadingLibrary | None:
        """The readings a server added itself (None when it has none, or outside a server)."""
        if guild_id is None or self.bot.library is None:
            return None
        if guild_id not in self._servers:  # looked at once (a folder scan), then kept
            root = server_root(guild_id)
            self._servers[guild_id] = (
                ReadingLibrary(root, cache_dir=root.parent / "cache") if root.is_dir() else None
            )
        return self._servers[guild_id]

    def forget_server(self, guild_id: int) -> None:
        """Look at a server's folder afresh (after a reading was added or removed)."""
        self._servers.pop(guild_id, None)

    def library_of(self, reading_id: str, guild_id: int | None) -> ReadingLibrary | None:
        """The library holding `reading_id` (a server's own first), None for the bot's
        one engine."""
        own = self.server_library(guild_id)
        if own is not None and reading_id in own.ids():
            return own
        return self.bot.library

    def title(self, reading_id: str, guild_id: int | None = None) -> str:
        """A reading's title when known without building it, else ''."""
        state = self._states.get((guild_id, reading_id)) or self._states.get((None, reading_id))
        if state is None and reading_id == self.default_id:
            return self.bot.engine.reading.title
        return state.title if state is not None else ""

    def own(self, reading_id: str, guild_id: int | None) -> bool:
        """True when `reading_id` is one the server added itself."""
        library = self.server_library(guild_id)
        return library is not None and reading_id in library.ids()

    # -- choices ----------

    def choice(self, guild_id: int | None, channel_id: int | None) -> str | None:
        """What was chosen for this channel (channel_id) or this server (None)."""
        if guild_id is None:
            return None
        return self._choices.get((guild_id, SERVER if channel_id is None else channel_id))

    def chosen(self, guild_id: int | None, channels: Sequence[int | None] = ()) -> str:
        """The reading in use here: the first channel's choice (a thread, then its parent),
        else the server's, else the default. A choice whose reading is gone is passed over."""
        known = set(self.ids(guild_id))
        picks = [self.choice(guild_id, c) for c in channels if c is not None]
        picks.append(self.choice(guild_id, None))
        for pick in picks:
            if pick is not None and pick in known:
                return pick
        return self.default_id

    async def use(
        self, guild_id: int, channel_id: int | None, reading_id: str | None, user_id: int
    ) -> None:
        """Store a choice (None: forget it, falling back to the server's or the default)."""
        if reading_id is not None:
            self.check_id(reading_id, guild_id)
        key = (guild_id, SERVER if channel_id is None else channel_id)
        async with self._lock:
            await self.bot.answers.run(self.store.set, key[0], key[1], reading_id, user_id)
            if reading_id is None:
                self._choices.pop(key, None)
            else:
                self._choices[key] = reading_id

    # -- engines ----------

    def check_id(self, reading_id: str, guild_id: int | None = None) -> None:
        """ReadingUnavailable unless the bot has a reading with that id (there)."""
        if reading_id not in self.ids(guild_id):
            raise ReadingUnavailable(
                f"There is no reading called “{discord.utils.escape_markdown(reading_id[:100])}”. "
                "See /reading list."
            )

    async def engine(self, reading_id: str, guild_id: int | None = None) -> AnswerEngine:
        """The engine of a reading (a server's own, in that server), built on an answer
        thread the first time."""
        self.check_id(reading_id, guild_id)
        library = self.library_of(reading_id, guild_id)
        if library is None or (library is self.bot.library and reading_id == self.default_id):
            return self.bot.engine
        try:
            return await self.bot.answers.run(library.engine, reading_id)
        except KnowledgeError as exc:
            shown = "\n".join(
                f"- {short_problem(str(p), library.root)}" for p in exc.problems[:PROBLEMS_SHOWN]
            )
            raise ReadingUnavailable(
                f"The reading “{reading_id}” has problems in its files and is skipped until a "
                f"moderator fixes them ({len(exc.problems)} found):\n{shown}"
            ) from exc

    async def here(
        self, interaction: discord.Interaction[Any], option: str | None = None
    ) -> AnswerEngine:
        """The engine a command answers with: `option`, else this channel's, else the
        server's, else the default reading."""
        guild = interaction.guild_id
        if option and option.strip():
            return await self.engine(option.strip(), guild)
        return await self.engine(self.chosen(guild, channel_ids(interaction.channel)), guild)

    async def reload(self, reading_id: str, guild_id: int | None = None) -> AnswerEngine:
        """Re-read a reading's files; swap the new engine in only when they validate (else
        KnowledgeError, and the old engine stays)."""
        self.check_id(reading_id, guild_id)
        library = self.library_of(reading_id, guild_id)
        if library is None:
            raise ReadingUnavailable("This bot was started with one fixed reading; restart it.")
        async with self._lock:
            engine = await self.bot.answers.run(library.reload, reading_id)
            if library is self.bot.library and reading_id == self.default_id:
                self.bot.engine = engine
            state = await self.bot.answers.run(library.state, reading_id)
            where = None if library is self.bot.library else guild_id
            self._states[(where, reading_id)] = state
            return engine


def channel_ids(channel: Any) -> list[int | None]:
    """A channel's id, and for a thread its parent's (whose choice it inherits)."""
    if channel is None:
        return []
    ids: list[int | None] = [getattr(channel, "id", None)]
    if isinstance(channel, discord.Thread):
        ids.append(channel.parent_id)
    return ids


def short_problem(problem: str, root: Path) -> str:
    """A problem line with the knowledge folder's own path left out (members need not see
    where the bot's files live)."""
    return problem.replace(f"{root}{os.sep}", "")
