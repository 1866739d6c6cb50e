"""The prompt service for an event loop: what the Discord cog calls.

Every method of :class:`AsyncPromptService` is a coroutine that runs the blocking SQLite
work of a :class:`~bot.prompts.service.PromptService` on a worker thread, so no caller can
block the loop, however busy the database. Database trouble becomes a
:class:`~bot.prompts.service.PromptError` whose message tells the moderator what happened:
busy (another program holds the file locked: nothing was changed), or unusable (with the
path and SQLite's reason). A database that cannot be opened at start (read-only, corrupt)
does not turn the prompts off: every call says why, and tries to open it again.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from bot.prompts.cards import Card, Source
from bot.prompts.service import (
    EngineLike,
    Lookup,
    PromptError,
    PromptRef,
    PromptService,
    ScheduledPost,
    ScheduleReadings,
    Send,
)
from bot.prompts.store import ScheduleRow, StoreError

log = logging.getLogger(__name__)

T = TypeVar("T")

BUSY = (
    "The prompt database is busy (another program is holding it locked), so nothing was "
    "changed. Please try again in a moment."
)
SUGGEST_SECONDS = 2.0  # autocomplete must answer within Discord's 3 s


@dataclass(frozen=True, slots=True)
class Listing:
    """What ``/prompt list`` shows: the catalogue and the schedules with their next slot."""

    curated: list[PromptRef]
    custom: list[PromptRef]
    schedules: list[tuple[ScheduleRow, datetime]]


@dataclass(frozen=True, slots=True)
class Scheduled:
    """A new schedule, when it posts next, and how its zone was read ('' when named)."""

    row: ScheduleRow
    next_slot: datetime
    note: str


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class AsyncPromptService:
    """A :class:`PromptService` behind coroutines; opened (again) on demand."""

    def __init__(self, open_core: Callable[[], PromptService], path: Path) -> None:
        self._open_core = open_core
        self.path = path
        self.core: PromptService | None = None
        self.problem: str | None = None  # why the database could not be opened, if so
        self._opening = threading.Lock()

    def open(self) -> str | None:
        """Open the database now (blocking: call at start-up); the problem, if any."""
        try:
            self._get_core()
        except PromptError:
            return self.problem
        return None

    def unavailable(self) -> str:
        """What moderators are told while the database cannot be opened."""
        return (
            f"Discussion prompts are unavailable: the prompt database {self.path} cannot be "
            f"opened ({self.problem}). Fix the file or point prompts.database elsewhere in "
            "the config; I try again at every /prompt command."
        )

    def _get_core(self) -> PromptService:
        with self._opening:
            if self.core is None:
                try:
                    self.core = self._open_core()
                except (sqlite3.Error, StoreError, OSError) as exc:
                    first = self.problem is None
                    self.problem = _reason(exc)
                    if first:
                        log.error("discussion prompts: the database %s cannot be opened "
                                  "(%s); every /prompt command says so until it can be",
                                  self.path, self.problem)
                    raise PromptError(self.unavailable()) from None
                if self.problem is not None:
                    log.info("the prompt database %s is open again", self.path)
                self.problem = None
            return self.core

    def _run(self, work: Callable[[PromptService], T]) -> T:
        core = self._get_core()
        try:
            try:
                return work(core)
            except sqlite3.OperationalError as exc:
                if "no such table" not in str(exc) or not core.store.repair():
                    raise
                return work(core)  # once, on the tables made again
        except (sqlite3.Error, OSError) as exc:  # OSError: its folder went, and cannot be made
            if isinstance(exc, sqlite3.Error) and _busy(exc):
                log.warning("the prompt database %s is busy: %s", self.path, exc)
                raise PromptError(BUSY) from None
            log.exception("the prompt database %s failed", self.path)
            raise PromptError(
                f"The prompt database {self.path} could not be used ({_reason(exc)}), so "
                "nothing was changed. The bot's log has the details."
            ) from None

    async def _call(self, work: Callable[[PromptService], T]) -> T:
        return await asyncio.to_thread(self._run, work)

    # -- commands ------------------------------------------------------------------------

    async def post(
        self, guild_id: int, prompt: str | None = None, engine: EngineLike | None = None
    ) -> Card:
        """See :meth:`PromptService.post`."""
        return await self._call(lambda core: core.post(guild_id, prompt, engine))

    async def next(self, guild_id: int, engine: EngineLike | None = None) -> Card:
        """See :meth:`PromptService.next`."""
        return await self._call(lambda core: core.next(guild_id, engine))

    async def listing(self, guild_id: int, engine: EngineLike | None = None) -> Listing:
        """The reading's catalogue and the server's schedules (with their next slot)."""

        def work(core: PromptService) -> Listing:
            refs = core.catalogue(guild_id, engine)
            rows = core.schedules(guild_id)
            return Listing(
                [r for r in refs if r.source is Source.CURATED],
                [r for r in refs if r.source is Source.CUSTOM],
                [(row, core.next_slot(row)) for row in rows],
            )

        return await self._call(work)

    async def add(self, guild_id: int, text: str, author_id: int | None = None) -> PromptRef:
        """See :meth:`PromptService.add`."""
        return await self._call(lambda core: core.add(guild_id, text, author_id))

    async def remove(self, guild_id: int, prompt_id: str) -> PromptRef:
        """See :meth:`PromptService.remove`."""
        return await self._call(lambda core: core.remove(guild_id, prompt_id))

    async def schedule(
        self,
        guild_id: int,
        channel_id: int,
        when: str,
        tz: str | None = None,
        *,
        thread: bool | None = None,
        created_by: int | None = None,
        engine: EngineLike | None = None,
    ) -> Scheduled:
        """See :meth:`PromptService.schedule_with_note`."""

        def work(core: PromptService) -> Scheduled:
            row, note = core.schedule_with_note(guild_id, channel_id, when, tz, thread=thread,
                                                created_by=created_by, engine=engine)
            return Scheduled(row, core.next_slot(row), note)

        return await self._call(work)

    async def unschedule(self, guild_id: int, channel_id: int | None = None) -> int:
        """See :meth:`PromptService.unschedule`."""
        return await self._call(lambda core: core.unschedule(guild_id, channel_id))

    async def pauses_to_tell(self, guild_id: int) -> list[ScheduleRow]:
        """Schedules paused since the moderators were last told; [] when that cannot be read."""
        try:
            return await self._call(lambda core: core.pauses_to_tell(guild_id))
        except PromptError:
            return []

    async def suggest(
        self, guild_id: int, partial: str, *, custom: bool, source: Source | None = None,
        limit: int = 25, engine: EngineLike | None = None,
    ) -> list[PromptRef]:
        """Prompts for autocomplete, answered within :data:`SUGGEST_SECONDS`: with the
        server's custom prompts when `custom` (moderators only), else curated ones. When the
        database is slow or unusable, the curated prompts alone (they are in memory)."""
        core = self.core
        if core is None:
            return []
        wanted = source if custom else Source.CURATED
        if source is Source.CUSTOM and not custom:
            return []
        if wanted is Source.CURATED:
            return core.suggest(guild_id, partial, limit, source=wanted, with_custom=False,
                                engine=engine)
        try:
            return await asyncio.wait_for(
                self._call(lambda c: c.suggest(guild_id, partial, limit, source=wanted,
                                               engine=engine)),
                SUGGEST_SECONDS,
            )
        except (TimeoutError, PromptError):
            if wanted is Source.CUSTOM:
                return []
            return core.suggest(guild_id, partial, limit, source=Source.CURATED,
                                with_custom=False, engine=engine)

    # -- the scheduler -------------------------------------------------------------------

    async def run_due(
        self, send: Send, guild_ids: set[int] | None = None, lookup: Lookup | None = None,
        readings: ScheduleReadings | None = None,
    ) -> list[ScheduledPost]:
        """See :meth:`PromptService.run_due` (raises PromptError when the database is out)."""
        core = await asyncio.to_thread(self._get_core)
        return await core.run_due(send, guild_ids, lookup, readings)
