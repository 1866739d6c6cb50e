"""The prompt feature's facade: what the Discord cog and the local console call.

A :class:`PromptService` joins a reading's curated prompts, its engine's ``related`` search
and the SQLite :class:`~bot.prompts.store.Store`. Prompts belong to a reading: each call may
name the engine of the reading it is about (default: the service's own, the default
reading); a schedule keeps its reading's id and posts that reading's prompts, and each
server has one rotation per reading (its custom prompts join every one). It returns plain
data (:class:`Card`, :class:`PromptRef`, :class:`ScheduleRow`) and raises
:class:`PromptError` with a message fit for a moderator. Time comes from an injected clock
so schedules are testable without sleeping.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from rapidfuzz import fuzz, process

from bot.engine.answers import Answer
from bot.knowledge.model import Reading
from bot.prompts.cards import Card, Source, card_for_answers, card_for_positions
from bot.prompts.schedule import Recovery, ScheduleError, decide, read_when, recovery, slot_marker
from bot.prompts.store import ScheduleRow, SlotRow, SlotState, Store

log = logging.getLogger(__name__)

Related = Callable[[str, int], list[Answer]]
Clock = Callable[[], datetime]
MAX_PROMPT_CHARS = 500
MIN_PROMPT_CHARS = 10


class EngineLike(Protocol):
    """What the prompt feature uses of :class:`bot.engine.engine.Engine`."""

    @property
    def reading(self) -> Reading: ...

    def related(self, text: str, limit: int = 6) -> list[Answer]: ...


class PromptError(ValueError):
    """A request that cannot be done; the message is meant for the moderator."""


def system_clock() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class PromptRef:
    """A prompt in a server's catalogue: curated or custom."""

    id: str
    text: str
    source: Source
    positions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScheduledPost:
    """The outcome of one due slot handled by :meth:`PromptService.run_due`.

    `recovered`: the slot had been claimed earlier and never recorded as posted (the bot
    died, or could not record it); `found`: its post was then found in the channel, so
    nothing new was posted (`card` is None).
    """

    schedule: ScheduleRow
    slot: datetime
    card: Card | None
    message_id: int | None
    posted: bool
    recovered: bool = False
    found: bool = False
    paused: bool = False  # this failure paused the schedule (its channel is gone)


Send = Callable[[ScheduleRow, Card], Awaitable[int | None]]
"""Posts a scheduled card (its ``marker`` set) and returns the message id."""

Lookup = Callable[[ScheduleRow, str], Awaitable[int | None]]
"""Looks for the bot's recent post carrying a slot marker in the schedule's channel: its
message id (after opening its thread, when the schedule wants one and the bot died before
opening it), or None when it is not there. Raises :class:`HistoryUnavailable` when the
channel's history cannot be read, :class:`ChannelGone` when the channel is gone."""


class HistoryUnavailable(RuntimeError):
    """The channel's recent messages cannot be read (e.g. no Read Message History)."""


class ScheduleReadings(Protocol):
    """How :meth:`PromptService.run_due` finds the reading of each schedule."""

    def missing(self, row: ScheduleRow) -> str | None:
        """Why the schedule's reading cannot be served any more (it was removed), else None.
        Called on the event loop: it must not block."""

    async def engine(self, row: ScheduleRow) -> EngineLike:
        """The engine of the schedule's reading."""


class ChannelGone(RuntimeError):
    """The schedule's channel is gone or closed to the bot (Unknown Channel, Missing Access).

    Raised by a :data:`Send` or :data:`Lookup`; two in a row pause the schedule. The message
    says what Discord answered, for the moderators.
    """


class PromptService:
    """Prompts for one reading, state in one store."""

    def __init__(
        self,
        reading: Reading,
        store: Store,
        related: Related,
        *,
        clock: Clock = system_clock,
        grace: timedelta = timedelta(minutes=60),
        related_limit: int = 6,
        default_tz: str = "UTC",
        claim_lease: timedelta = timedelta(minutes=2),
    ) -> None:
        self.reading = reading
        self.store = store
        self.related = related
        self.clock = clock
        self.grace = grace
        # A claim younger than this may still be being posted (by another process): only
        # older claims are recovered.
        self.claim_lease = claim_lease
        self.related_limit = related_limit
        self.default_tz = default_tz
        self._curated = curated_refs(reading)
        store.adopt(reading.id)  # rows from before readings belong to the default reading

    @classmethod
    def from_engine(cls, engine: EngineLike, store: Store, **options: Any) -> PromptService:
        """A service on an engine's reading, using ``engine.related`` for free text."""
        return cls(engine.reading, store, engine.related, **options)

    def now(self) -> datetime:
        """The injected clock's time, in UTC."""
        return self.clock().astimezone(UTC)

    # -- readings ------------------------------------------------------------------------

    def _reading(self, engine: EngineLike | None) -> Reading:
        return self.reading if engine is None else engine.reading

    def _related(self, engine: EngineLike | None) -> Related:
        """The search of `engine`; the service's own for the engine it was made from."""
        if engine is None or engine.reading is self.reading:
            return self.related
        return engine.related

    def _curated_of(self, engine: EngineLike | None) -> list[PromptRef]:
        if engine is None or engine.reading is self.reading:
            return self._curated
        return curated_refs(engine.reading)

    def reading_of(self, row: ScheduleRow) -> str:
        """The id of the reading whose prompts a schedule posts."""
        return row.reading_id or self.reading.id

    # -- the catalogue -------------------------------------------------------------------

    def catalogue(self, guild_id: int, engine: EngineLike | None = None) -> list[PromptRef]:
        """The reading's curated prompts (in file order), then the server's custom prompts
        (oldest first)."""
        custom = [
            PromptRef(c.id, c.text, Source.CUSTOM) for c in self.store.custom_prompts(guild_id)
        ]
        return [*self._curated_of(engine), *custom]

    def find(
        self, guild_id: int, key: str, engine: EngineLike | None = None
    ) -> PromptRef | None:
        """The prompt whose id (any case) or exact text is `key`, if any."""
        wanted = key.strip()
        catalogue = self.catalogue(guild_id, engine)
        for ref in catalogue:
            if ref.id.lower() == wanted.lower():
                return ref
        for ref in catalogue:
            if ref.text.strip().lower() == wanted.lower():
                return ref
        return None

    def suggest(
        self, guild_id: int, partial: str, limit: int = 25, source: Source | None = None,
        *, with_custom: bool = True, engine: EngineLike | None = None,
    ) -> list[PromptRef]:
        """Prompts ranked for autocomplete on partial text (all, in order, for '').

        Without `with_custom`, only the curated prompts (held in memory: no database read).
        """
        every = (self.catalogue(guild_id, engine) if with_custom
                 else list(self._curated_of(engine)))
        catalogue = [r for r in every if source is None or r.source is source]
        needle = partial.strip().lower()
        if not needle:
            return catalogue[:limit]
        exact = [r for r in catalogue if needle in r.id.lower() or needle in r.text.lower()]
        scored = process.extract(
            needle,
            {i: f"{r.id} {r.text}".lower() for i, r in enumerate(catalogue)},
            scorer=fuzz.partial_ratio,
            limit=None,
            score_cutoff=60,
        )
        fuzzy = [catalogue[int(key)] for _, _, key in scored]
        return list(dict.fromkeys([*exact, *fuzzy]))[:limit]

    # -- cards ---------------------------------------------------------------------------

    def card(self, ref: PromptRef, engine: EngineLike | None = None) -> Card:
        """The context card of a catalogued prompt, from the reading of `engine`."""
        reading = self._reading(engine)
        if ref.source is Source.CURATED:
            return card_for_positions(reading, ref.text, ref.positions, prompt_id=ref.id)
        answers = self._related(engine)(ref.text, self.related_limit)
        return card_for_answers(reading, ref.text, answers, source=ref.source, prompt_id=ref.id)

    def free_card(self, text: str, engine: EngineLike | None = None) -> Card:
        """The context card of free text: the engine's related positions (maybe none)."""
        clean = _clean(text)
        answers = self._related(engine)(clean, self.related_limit)
        return card_for_answers(self._reading(engine), clean, answers)

    # -- commands ------------------------------------------------------------------------

    def post(
        self, guild_id: int, prompt: str | None = None, engine: EngineLike | None = None
    ) -> Card:
        """The card to post for `prompt`: an id or text from the reading's catalogue, or
        free text.

        A catalogued prompt counts as used in the server's rotation of that reading. Without
        `prompt`, the next prompt of the rotation.
        """
        if prompt is None or not prompt.strip():
            return self.next(guild_id, engine)
        ref = self.find(guild_id, prompt, engine)
        if ref is None:
            return self.free_card(prompt, engine)
        self.store.mark_used(guild_id, ref.id, self.now(), self._reading(engine).id)
        return self.card(ref, engine)

    def next(self, guild_id: int, engine: EngineLike | None = None) -> Card:
        """The next prompt of the server's rotation of the reading (no repeats until all
        have been used)."""
        curated = [r.id for r in self._curated_of(engine)]
        rid = self._reading(engine).id
        prompt_id = self.store.take_next(guild_id, curated, self.now(), rid)
        ref = None if prompt_id is None else self.find(guild_id, prompt_id, engine)
        if ref is None:
            raise PromptError("There are no prompts yet: add one with /prompt add.")
        return self.card(ref, engine)

    def add(self, guild_id: int, text: str, author_id: int | None = None) -> PromptRef:
        """Keep a custom prompt for the server."""
        clean = _clean(text)
        if len(clean) < MIN_PROMPT_CHARS:
            raise PromptError(f"A prompt needs at least {MIN_PROMPT_CHARS} characters.")
        if len(clean) > MAX_PROMPT_CHARS:
            raise PromptError(f"A prompt can be at most {MAX_PROMPT_CHARS} characters long.")
        existing = self.find(guild_id, clean)
        if existing is not None:
            raise PromptError(f"That prompt is already in the list as `{existing.id}`.")
        custom = self.store.add_custom(guild_id, clean, author_id, self.now())
        return PromptRef(custom.id, custom.text, Source.CUSTOM)

    def remove(self, guild_id: int, prompt_id: str) -> PromptRef:
        """Remove one of the server's custom prompts; curated prompts cannot be removed."""
        ref = self.find(guild_id, prompt_id)
        if ref is None:
            raise PromptError(f"There is no prompt `{prompt_id.strip()[:80]}` in this server.")
        if ref.source is Source.CURATED:
            raise PromptError(
                f"`{ref.id}` is a curated prompt from the reading's knowledge files; only "
                "prompts added with /prompt add can be removed."
            )
        if not self.store.remove_custom(guild_id, ref.id):
            raise PromptError(f"`{ref.id}` was already removed.")
        return ref

    def schedule(
        self,
        guild_id: int,
        channel_id: int,
        when: str,
        tz: str | None = None,
        *,
        thread: bool | None = None,
        created_by: int | None = None,
        engine: EngineLike | None = None,
    ) -> ScheduleRow:
        """Post the next prompt of the reading in a channel daily or weekly (replaces its
        schedule)."""
        row, _ = self.schedule_with_note(guild_id, channel_id, when, tz, thread=thread,
                                         created_by=created_by, engine=engine)
        return row

    def schedule_with_note(
        self,
        guild_id: int,
        channel_id: int,
        when: str,
        tz: str | None = None,
        *,
        thread: bool | None = None,
        created_by: int | None = None,
        engine: EngineLike | None = None,
    ) -> tuple[ScheduleRow, str]:
        """:meth:`schedule`, with a note on how its zone was read ('' when it was named)."""
        try:
            parsed = read_when(when, tz, self.default_tz)
        except ScheduleError as exc:
            raise PromptError(str(exc)) from None
        row = self.store.set_schedule(
            guild_id, channel_id, parsed.rule, self.now(), thread=thread, created_by=created_by,
            reading_id=self._reading(engine).id,
        )
        return row, parsed.note

    def unschedule(self, guild_id: int, channel_id: int | None = None) -> int:
        """Remove the schedule of one channel (or all of the server's); how many went."""
        return self.store.remove_schedules(guild_id, channel_id)

    def schedules(self, guild_id: int) -> list[ScheduleRow]:
        """The server's schedules."""
        return self.store.schedules(guild_id)

    def next_slot(self, schedule: ScheduleRow) -> datetime:
        """When a schedule will next post."""
        return schedule.rule.next_slot(max(self.now(), schedule.settled_until))

    # -- the scheduler -------------------------------------------------------------------

    def claim_due(
        self, guild_ids: set[int] | None = None, reading_ids: Collection[str] | None = None
    ) -> list[tuple[ScheduleRow, datetime]]:
        """Claim every scheduled slot due now; each returned (schedule, slot) is ours to post.

        Slots missed beyond the grace window, and older slots passed while the bot was down,
        are settled without posting. A slot another task or process claimed is left out; with
        `reading_ids`, so are the schedules of other readings.
        """
        claimed = []
        now = self.now()
        for row in self.store.schedules():
            if row.paused or (guild_ids is not None and row.guild_id not in guild_ids):
                continue
            if reading_ids is not None and self.reading_of(row) not in reading_ids:
                continue
            decision = decide(row.rule, row.settled_until, now, self.grace)
            if decision.post is None:
                if decision.latest is not None:
                    log.info("schedule %s: slot %s missed beyond the grace window",
                             row.id, decision.latest)
                    self.store.settle(row.id, decision.latest)
                continue
            marker = slot_marker(row.rule, decision.post)
            if self.store.claim_slot(row.id, decision.post, now, marker):
                claimed.append((row, decision.post))
        return claimed

    def slot_card(
        self, row: ScheduleRow, slot: datetime, engine: EngineLike | None = None
    ) -> Card:
        """The card of a claimed slot, marked with its slot: the prompt the slot already
        took (when posted again after a crash), else the next of the rotation of the
        schedule's reading. `engine` is that reading's (None: the service's own)."""
        rid = self.reading_of(row)
        if rid != self._reading(engine).id:
            raise PromptError(f"schedule {row.id} posts the prompts of the reading {rid}, "
                              f"not of {self._reading(engine).id}")
        curated = [r.id for r in self._curated_of(engine)]
        prompt_id = self.store.slot_prompt(row.id, slot, row.guild_id, curated, self.now(), rid)
        ref = None if prompt_id is None else self.find(row.guild_id, prompt_id, engine)
        if ref is None:
            ref_id = self.store.take_next(row.guild_id, curated, self.now(), rid)
            ref = None if ref_id is None else self.find(row.guild_id, ref_id, engine)
        if ref is None:
            raise PromptError("There are no prompts yet: add one with /prompt add.")
        return dataclasses.replace(self.card(ref, engine), marker=slot_marker(row.rule, slot))

    def claims_to_check(
        self, guild_ids: set[int] | None = None
    ) -> list[tuple[ScheduleRow, SlotRow]]:
        """Stale claims (slots claimed but never recorded as posted) to look for and post.

        The decision is :func:`~bot.prompts.schedule.recovery`'s: claims too late to post
        are recorded as missed here; those to check are taken over (by one caller only,
        across processes) and returned.
        """
        now = self.now()
        found: list[tuple[ScheduleRow, SlotRow]] = []
        for claim in self.store.stale_claims(now - self.claim_lease):
            row = self.store.schedule(claim.schedule_id)
            if row is None or (guild_ids is not None and row.guild_id not in guild_ids):
                continue
            assert claim.claimed_at is not None
            what = recovery(claim.slot, claim.claimed_at, now, self.grace, self.claim_lease)
            if what is Recovery.MISSED:
                if self.store.resolve_slot(row.id, claim.slot, SlotState.MISSED, now,
                                           claimed_at=claim.claimed_at):
                    log.warning("schedule %s: slot %s was claimed but never posted, and is "
                                "now beyond the grace window: missed", row.id, claim.slot)
            elif what is Recovery.CHECK and self.store.take_over(claim, now):
                found.append((row, claim))
        return found

    def finish(
        self, row: ScheduleRow, slot: datetime, card: Card | None, message_id: int | None,
        *, posted: bool, gone: str | None = None,
    ) -> ScheduledPost:
        """Record how a claimed slot went (posted or failed: never retried). `gone`: it
        failed because the channel is gone (Discord's answer); the second in a row pauses
        the schedule."""
        self.store.finish_slot(
            row.id, slot, self.now(), posted=posted,
            prompt_id=card.prompt_id if card else None, message_id=message_id,
        )
        paused = gone is not None and self.store.channel_failed(row.id, gone)
        if paused:
            log.warning("schedule %s: channel %s is gone (%s) twice in a row: paused",
                        row.id, row.channel_id, gone)
            row = dataclasses.replace(row, paused=gone)
        return ScheduledPost(row, slot, card, message_id, posted, paused=paused)

    def pauses_to_tell(self, guild_id: int) -> list[ScheduleRow]:
        """Schedules paused since the moderators were last told (each returned once)."""
        return self.store.pauses_to_tell(guild_id)

    async def run_due(
        self, send: Send, guild_ids: set[int] | None = None, lookup: Lookup | None = None,
        readings: ScheduleReadings | None = None,
    ) -> list[ScheduledPost]:
        """Post every due scheduled slot exactly once: claim it, take a prompt, send, record.

        `send` posts the card (marked with its slot) and returns the message id. If it
        raises, the slot is recorded as failed and not retried; other slots still go out.

        With `lookup`, slots claimed earlier but never recorded as posted (the bot died
        between claim and record) are recovered first: within the grace window the channel
        is searched for the slot's marker; found, the slot is recorded as posted; not found,
        it is posted now. When the history cannot be read the slot is not posted again
        (``unconfirmed``). Without `lookup` such slots stay claimed: at most once.

        With `readings`, each schedule posts its own reading's prompts (built by
        ``readings.engine``); a schedule whose reading is gone is paused instead (once, and
        returned with ``paused`` set, so the moderators can be told). Without it, every
        schedule posts the service's own reading's.
        """
        results = []
        if readings is not None:
            results += await self._pause_orphans(readings, guild_ids)
        if lookup is not None:
            results += await self._recover(send, lookup, guild_ids, readings)
        # The database work runs on a worker thread: a busy database never stalls the bot.
        for row, slot in await asyncio.to_thread(self.claim_due, guild_ids):
            results.append(await self._post(send, row, slot, readings))
        return results

    async def _pause_orphans(
        self, readings: ScheduleReadings, guild_ids: set[int] | None
    ) -> list[ScheduledPost]:
        """Pause the schedules whose reading is gone (nothing is claimed for them)."""
        results = []
        for row in await asyncio.to_thread(self.store.schedules):
            if row.paused or (guild_ids is not None and row.guild_id not in guild_ids):
                continue
            why = readings.missing(row)
            if why is None or not await asyncio.to_thread(self.store.pause, row.id, why):
                continue
            log.warning("schedule %s: %s: paused", row.id, why)
            paused = dataclasses.replace(row, paused=why)
            results.append(ScheduledPost(paused, self.now(), None, None, posted=False,
                                         paused=True))
        return results

    async def _post(
        self, send: Send, row: ScheduleRow, slot: datetime,
        readings: ScheduleReadings | None = None, *, recovered: bool = False,
    ) -> ScheduledPost:
        card: Card | None = None
        message_id: int | None = None
        posted = False
        gone: str | None = None
        try:
            engine = None if readings is None else await readings.engine(row)
            card = await asyncio.to_thread(self.slot_card, row, slot, engine)
            message_id = await send(row, card)
            posted = True
        except ChannelGone as exc:
            gone = str(exc)
            log.warning("schedule %s: posting slot %s failed: %s", row.id, slot, gone)
        except Exception:
            log.exception("schedule %s: posting slot %s failed", row.id, slot)
        done = functools.partial(self.finish, row, slot, card, message_id, posted=posted,
                                 gone=gone)
        result = await asyncio.to_thread(done)
        return dataclasses.replace(result, recovered=recovered)

    async def _recover(
        self, send: Send, lookup: Lookup, guild_ids: set[int] | None,
        readings: ScheduleReadings | None = None,
    ) -> list[ScheduledPost]:
        results = []
        for row, claim in await asyncio.to_thread(self.claims_to_check, guild_ids):
            marker = claim.marker or slot_marker(row.rule, claim.slot)
            try:
                message_id = await lookup(row, marker)
            except HistoryUnavailable as exc:
                log.warning("schedule %s: slot %s was claimed but not recorded as posted, and "
                            "the channel's history cannot be read (%s): not posting it again",
                            row.id, claim.slot, exc)
                await asyncio.to_thread(
                    self.store.resolve_slot, row.id, claim.slot, SlotState.UNCONFIRMED,
                    self.now())
                continue
            except ChannelGone as exc:
                log.warning("schedule %s: slot %s was claimed but not recorded as posted, and "
                            "its channel is gone (%s)", row.id, claim.slot, exc)
                await asyncio.to_thread(
                    self.store.resolve_slot, row.id, claim.slot, SlotState.FAILED, self.now())
                paused = await asyncio.to_thread(self.store.channel_failed, row.id, str(exc))
                if paused:
                    row = dataclasses.replace(row, paused=str(exc))
                results.append(ScheduledPost(row, claim.slot, None, None, posted=False,
                                             recovered=True, paused=paused))
                continue
            except Exception:
                log.exception("schedule %s: looking for slot %s in the channel failed; "
                              "trying again later", row.id, claim.slot)
                continue
            if message_id is None:
                log.info("schedule %s: slot %s was claimed but never posted: posting it now",
                         row.id, claim.slot)
                results.append(await self._post(send, row, claim.slot, readings,
                                                recovered=True))
                continue
            log.info("schedule %s: slot %s was already posted as message %s",
                     row.id, claim.slot, message_id)
            await asyncio.to_thread(
                functools.partial(self.store.resolve_slot, row.id, claim.slot, SlotState.POSTED,
                                  self.now(), message_id=message_id))
            results.append(ScheduledPost(row, claim.slot, None, message_id, posted=True,
                                         recovered=True, found=True))
        return results


def curated_refs(reading: Reading) -> list[PromptRef]:
    """A reading's curated prompts, in file order."""
    return [PromptRef(p.id, p.text, Source.CURATED, p.positions) for p in reading.prompts]


def _clean(text: str) -> str:
    return " ".join(text.split())
