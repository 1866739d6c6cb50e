"""Prompt state in SQLite: custom prompts, each server's rotation, schedules and their slots.

One file (path from config; default ``data/bot.sqlite3``), WAL mode, schema versioned with
``PRAGMA user_version`` and the :data:`MIGRATIONS` list. Every change runs in one
``BEGIN IMMEDIATE`` transaction on its own short-lived connection, so threads, tasks and
processes may share the file: writers are serialised by SQLite, and a process killed at any
point leaves either the whole change or none of it.

Scheduled posts: :meth:`Store.claim_slot` records the slot as ``claimed`` (with the marker its
post will carry, and the schedule settled up to it) in a transaction *before* anything is
posted; :meth:`Store.finish_slot` marks it ``posted`` after. If the process dies between the
two, the slot stays ``claimed``; later, :meth:`Store.stale_claims` finds it and
:meth:`Store.take_over` hands it to exactly one recoverer, which looks for the marker in the
channel before posting (see :meth:`bot.prompts.service.PromptService.run_due`). Slot states:
``claimed`` -> ``posted`` | ``failed`` (Discord refused) | ``missed`` (recovered too late) |
``unconfirmed`` (the channel's history could not be read, so it is not posted again); see
:class:`SlotState`. A schedule whose channel is gone (two failures in a row) is paused.

A database file deleted while the bot runs is recreated (empty) at the next change, with a
warning in the log, rather than failing every command with "no such table".
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from bot.paths import prompts_database
from bot.prompts import rotation
from bot.prompts.schedule import Rule, decode_instant, encode_instant, parse_when
from bot.sqlite_tx import immediate

log = logging.getLogger(__name__)

# Each migration is a list of statements run in one transaction; the schema version is the
# number of migrations applied. Append only: never edit a released migration.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE guilds (
            guild_id INTEGER PRIMARY KEY,
            cycle INTEGER NOT NULL DEFAULT 0,
            last_prompt TEXT,
            next_custom INTEGER NOT NULL DEFAULT 1
        )""",
        """CREATE TABLE custom_prompts (
            guild_id INTEGER NOT NULL,
            id TEXT NOT NULL,
            text TEXT NOT NULL,
            author_id INTEGER,
            created_at TEXT NOT NULL,
            PRIMARY KEY (guild_id, id)
        )""",
        """CREATE TABLE rotation_used (
            guild_id INTEGER NOT NULL,
            cycle INTEGER NOT NULL,
            prompt_id TEXT NOT NULL,
            used_at TEXT NOT NULL,
            PRIMARY KEY (guild_id, cycle, prompt_id)
        )""",
        """CREATE TABLE schedules (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            guild_id INTEGER NOT NULL,
            channel_id INTEGER NOT NULL,
            rule TEXT NOT NULL,
            thread INTEGER,
            created_by INTEGER,
            created_at TEXT NOT NULL,
            settled_until TEXT NOT NULL,
            UNIQUE (guild_id, channel_id)
        )""",
        """CREATE TABLE slots (
            schedule_id INTEGER NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
            slot TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'failed')),
            prompt_id TEXT,
            message_id INTEGER,
            claimed_at TEXT NOT NULL,
            done_at TEXT,
            PRIMARY KEY (schedule_id, slot)
        )""",
    ),
    (
        "CREATE INDEX rotation_used_by_time ON rotation_used (guild_id, used_at)",
        "CREATE INDEX slots_by_state ON slots (state)",
    ),
    (
        # Exactly-once recovery: a slot keeps the marker its post carries, how often it was
        # taken over, and may end 'missed' (too late) or 'unconfirmed' (could not check).
        # SQLite cannot change a CHECK constraint in place, so the table is rebuilt.
        """CREATE TABLE slots_v3 (
            schedule_id INTEGER NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
            slot TEXT NOT NULL,
            state TEXT NOT NULL CHECK (
                state IN ('claimed', 'posted', 'failed', 'missed', 'unconfirmed')),
            prompt_id TEXT,
            message_id INTEGER,
            claimed_at TEXT NOT NULL,
            done_at TEXT,
            marker TEXT,
            attempts INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (schedule_id, slot)
        )""",
        "INSERT INTO slots_v3 (schedule_id, slot, state, prompt_id, message_id, claimed_at, "
        "done_at) SELECT schedule_id, slot, state, prompt_id, message_id, claimed_at, done_at "
        "FROM slots",
        "DROP TABLE slots",
        "ALTER TABLE slots_v3 RENAME TO slots",
        "CREATE INDEX slots_by_state ON slots (state)",
    ),
    (
        # A schedule whose channel is gone: failures in a row, and once paused, why and
        # whether the moderators were told in a /prompt reply.
        "ALTER TABLE schedules ADD COLUMN failures INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE schedules ADD COLUMN paused TEXT",
        "ALTER TABLE schedules ADD COLUMN pause_told INTEGER NOT NULL DEFAULT 0",
    ),
    (
        # Prompts and schedules belong to a reading: a schedule keeps its reading's id, and
        # each server has one rotation per reading. Rows from before (one reading) get the
        # reading id '' here, and the default reading's id from Store.adopt.
        "ALTER TABLE schedules ADD COLUMN reading_id TEXT",
        """CREATE TABLE rotations (
            guild_id INTEGER NOT NULL,
            reading_id TEXT NOT NULL,
            cycle INTEGER NOT NULL DEFAULT 0,
            last_prompt TEXT,
            PRIMARY KEY (guild_id, reading_id)
        )""",
        "INSERT INTO rotations (guild_id, reading_id, cycle, last_prompt) "
        "SELECT guild_id, '', cycle, last_prompt FROM guilds",
        """CREATE TABLE rotation_used_v5 (
            guild_id INTEGER NOT NULL,
            reading_id TEXT NOT NULL,
            cycle INTEGER NOT NULL,
            prompt_id TEXT NOT NULL,
            used_at TEXT NOT NULL,
            PRIMARY KEY (guild_id, reading_id, cycle, prompt_id)
        )""",
        "INSERT INTO rotation_used_v5 (guild_id, reading_id, cycle, prompt_id, used_at) "
        "SELECT guild_id, '', cycle, prompt_id, used_at FROM rotation_used",
        "DROP TABLE rotation_used",
        "ALTER TABLE rotation_used_v5 RENAME TO rotation_used",
        "CREATE INDEX rotation_used_by_time ON rotation_used (guild_id, used_at)",
    ),
]
LEGACY = ""  # the reading id of rotation rows from before readings (see Store.adopt)

SCHEMA_VERSION = len(MIGRATIONS)


class SlotState(StrEnum):
    """Where a claimed slot stands."""

    CLAIMED = "claimed"  # being posted (or its claimant died: recovered after the lease)
    POSTED = "posted"
    FAILED = "failed"  # Discord refused: never retried
    MISSED = "missed"  # recovered too late to post
    UNCONFIRMED = "unconfirmed"  # its channel's history could not be read: not posted again


PAUSE_AFTER = 2  # failures in a row, for a gone channel, that pause a schedule


class StoreError(RuntimeError):
    """The database cannot be used (e.g. written by a newer version of the bot)."""


def default_path() -> Path:
    """``bot.sqlite3`` in the data folder (the same default as ``prompts.database``)."""
    return prompts_database()


@dataclass(frozen=True, slots=True)
class CustomPrompt:
    """A prompt a server's moderators added."""

    guild_id: int
    id: str
    text: str
    author_id: int | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """A stored schedule: where, when, and up to which slot it is settled."""

    id: int
    guild_id: int
    channel_id: int
    rule: Rule
    thread: bool | None  # None: the config default
    created_by: int | None
    created_at: datetime
    settled_until: datetime
    failures: int = 0  # posts that failed in a row because the channel is gone
    paused: str | None = None  # why the schedule is paused (channel or reading gone), if it is
    reading_id: str | None = None  # the reading whose prompts it posts (None: the default)


@dataclass(frozen=True, slots=True)
class SlotRow:
    """One slot of a schedule that was claimed for posting."""

    schedule_id: int
    slot: datetime
    state: SlotState
    prompt_id: str | None
    message_id: int | None
    marker: str | None = None  # the text its post carries, to find it in the channel
    claimed_at: datetime | None = None  # when it was claimed (or last taken over)
    attempts: int = 1  # 1 + how often it was taken over


FaultHook = Callable[[str], None]


# Held while a deleted database is made anew, so that two threads (a command and the
# scheduler) noticing it at once do not both create it (the loser saw "database is locked").
_RECREATING = threading.Lock()


class Store:
    """The prompt database. Cheap to create; safe to share between threads and processes."""

    def __init__(self, path: Path | str | None = None, timeout: float = 30.0) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.timeout = timeout
        # Test seam: called at named points inside transactions (to kill a process mid-change).
        self.fault_hook: FaultHook | None = None
        # The reading a rotation call that names none is about (set by adopt).
        self.default_reading = LEGACY
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate()

    # -- plumbing ------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if not self.path.exists():  # deleted while we ran: start afresh rather than fail
            with _RECREATING:  # one thread recreates it; the others wait, then use it
                if not self.path.exists():
                    log.warning("the prompt database %s is gone (deleted?): creating it "
                                "afresh, empty", self.path)
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    self._migrate()
        elif _RECREATING.locked():
            # the file is there because another thread is making it anew (it exists from its
            # first connect, before its journal mode and tables): wait for it to finish
            with _RECREATING:
                pass
        return self._open()

    def _open(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        con.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA synchronous = NORMAL")
        return con

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A ``BEGIN IMMEDIATE`` transaction: committed on success, rolled back on error."""
        with self._transaction(self._connect()) as con:
            yield con

    def _transaction(
        self, con: sqlite3.Connection
    ) -> AbstractContextManager[sqlite3.Connection]:
        return immediate(con)

    def _fault(self, point: str) -> None:
        if self.fault_hook is not None:
            self.fault_hook(point)

    def _migrate(self) -> None:
        con = self._open()
        try:
            con.execute("PRAGMA journal_mode = WAL")
        finally:
            con.close()
        with self._transaction(self._open()) as con:
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} has schema version {version}, newer than this bot's "
                    f"{SCHEMA_VERSION}: upgrade the bot or use another database file"
                )
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number]:
                    con.execute(statement)
                con.execute(f"PRAGMA user_version = {number + 1}")

    def repair(self) -> bool:
        """Create the tables again when the file lost them (it was deleted, or replaced, while
        the bot ran: SQLite may even drop the new file's journal as an old connection closes);
        True when it had to."""
        if self.schema_version() >= SCHEMA_VERSION:
            return False
        log.warning("the prompt database %s has lost its tables (deleted or replaced while the "
                    "bot ran?): creating them afresh, empty", self.path)
        self._migrate()
        return True

    def schema_version(self) -> int:
        """The schema version of the file."""
        con = self._connect()
        try:
            return int(con.execute("PRAGMA user_version").fetchone()[0])
        finally:
            con.close()

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        con = self._connect()
        try:
            return list(con.execute(sql, params).fetchall())
        finally:
            con.close()

    def adopt(self, reading_id: str) -> int:
        """Give the rows from before readings (schedules without a reading, the one rotation
        of each server) to `reading_id`, the default reading, in one transaction; how many
        rows it took. A server's rotation of that reading, if it already has one, is kept.
        Rotation calls that name no reading are about it from then on."""
        self.default_reading = reading_id
        with self.transaction() as con:
            taken = con.execute(
                "UPDATE schedules SET reading_id = ? WHERE reading_id IS NULL", (reading_id,)
            ).rowcount
            for table, columns in (
                ("rotations", "guild_id, reading_id, cycle, last_prompt"),
                ("rotation_used", "guild_id, reading_id, cycle, prompt_id, used_at"),
            ):
                rest = columns.replace("guild_id, reading_id, ", "")
                con.execute(
                    f"INSERT OR IGNORE INTO {table} ({columns}) "
                    f"SELECT guild_id, ?, {rest} FROM {table} WHERE reading_id = ?",
                    (reading_id, LEGACY),
                )
                self._fault(f"adopt:{table}")
                taken += con.execute(
                    f"DELETE FROM {table} WHERE reading_id = ?", (LEGACY,)
                ).rowcount
        if taken:
            log.info("prompt database %s: %d rows from before readings now belong to the "
                     "default reading %s", self.path, taken, reading_id)
        return int(taken)

    def _rid(self, reading_id: str | None) -> str:
        return self.default_reading if reading_id is None else reading_id

    @staticmethod
    def _rotation(
        con: sqlite3.Connection, guild_id: int, reading_id: str
    ) -> tuple[int, str | None]:
        """A server's rotation of one reading: (cycle, last prompt)."""
        con.execute("INSERT OR IGNORE INTO guilds (guild_id) VALUES (?)", (guild_id,))
        con.execute("INSERT OR IGNORE INTO rotations (guild_id, reading_id) VALUES (?, ?)",
                    (guild_id, reading_id))
        cycle, last = con.execute(
            "SELECT cycle, last_prompt FROM rotations WHERE guild_id = ? AND reading_id = ?",
            (guild_id, reading_id),
        ).fetchone()
        return int(cycle), last

    @staticmethod
    def _guild(con: sqlite3.Connection, guild_id: int) -> tuple[int, str | None, int]:
        con.execute("INSERT OR IGNORE INTO guilds (guild_id) VALUES (?)", (guild_id,))
        cycle, last, next_custom = con.execute(
            "SELECT cycle, last_prompt, next_custom FROM guilds WHERE guild_id = ?", (guild_id,)
        ).fetchone()
        return int(cycle), last, int(next_custom)

    # -- custom prompts ------------------------------------------------------------------

    def add_custom(
        self, guild_id: int, text: str, author_id: int | None, now: datetime
    ) -> CustomPrompt:
        """Keep a custom prompt for a server; its id is ``custom-N`` (never reused)."""
        with self.transaction() as con:
            _, _, number = self._guild(con, guild_id)
            prompt_id = f"custom-{number}"
            con.execute(
                "UPDATE guilds SET next_custom = ? WHERE guild_id = ?", (number + 1, guild_id)
            )
            self._fault("add_custom:counted")
            con.execute(
                "INSERT INTO custom_prompts (guild_id, id, text, author_id, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (guild_id, prompt_id, text, author_id, encode_instant(now)),
            )
        return CustomPrompt(guild_id, prompt_id, text, author_id, decode_instant(
            encode_instant(now)))

    def remove_custom(self, guild_id: int, prompt_id: str) -> bool:
        """Delete a server's custom prompt; False when it has none with that id."""
        with self.transaction() as con:
            cur = con.execute(
                "DELETE FROM custom_prompts WHERE guild_id = ? AND id = ?", (guild_id, prompt_id)
            )
            return cur.rowcount > 0

    def custom_prompts(self, guild_id: int) -> list[CustomPrompt]:
        """A server's custom prompts, oldest first."""
        rows = self._query(
            "SELECT guild_id, id, text, author_id, created_at FROM custom_prompts "
            "WHERE guild_id = ? ORDER BY created_at, CAST(substr(id, 8) AS INTEGER)",
            (guild_id,),
        )
        return [CustomPrompt(g, i, t, a, decode_instant(c)) for g, i, t, a, c in rows]

    # -- rotation ------------------------------------------------------------------------

    def take_next(
        self, guild_id: int, curated_ids: Sequence[str], now: datetime,
        reading_id: str | None = None,
    ) -> str | None:
        """Take the next prompt of a server's rotation of one reading (that reading's curated
        ids plus the server's custom prompts).

        No prompt repeats until every one has been used in the current cycle; then a new
        cycle starts (in a new order, never opening with the prompt just used). Runs in one
        immediate transaction, so concurrent calls always get different prompts while any
        are left. None when there are no prompts at all.
        """
        with self.transaction() as con:
            return self._take_next(con, guild_id, curated_ids, now, self._rid(reading_id))

    def _take_next(
        self, con: sqlite3.Connection, guild_id: int, curated_ids: Sequence[str], now: datetime,
        reading_id: str,
    ) -> str | None:
        cycle, last = self._rotation(con, guild_id, reading_id)
        custom = [r[0] for r in con.execute(
            "SELECT id FROM custom_prompts WHERE guild_id = ? ORDER BY rowid", (guild_id,))]
        every = [*curated_ids, *custom]
        if not every:
            return None
        used = {r[0] for r in con.execute(
            "SELECT prompt_id FROM rotation_used WHERE guild_id = ? AND reading_id = ? "
            "AND cycle = ?", (guild_id, reading_id, cycle))}
        choice = rotation.pick(every, used, guild_id, cycle, last)
        if choice is None:
            cycle += 1
            choice = rotation.pick(every, set(), guild_id, cycle, last)
            assert choice is not None
        self._use(con, guild_id, reading_id, cycle, choice, now)
        return choice

    def slot_prompt(
        self,
        schedule_id: int,
        slot: datetime,
        guild_id: int,
        curated_ids: Sequence[str],
        now: datetime,
        reading_id: str | None = None,
    ) -> str | None:
        """The prompt of a claimed slot: the one it already took, else the next in rotation.

        Taking the prompt and recording it on the slot is one transaction, so a slot posted
        again after a crash posts the same prompt and the rotation moves on once per slot.
        """
        stamp = encode_instant(slot)
        with self.transaction() as con:
            row = con.execute(
                "SELECT prompt_id FROM slots WHERE schedule_id = ? AND slot = ?",
                (schedule_id, stamp),
            ).fetchone()
            if row is not None and row[0] is not None:
                return str(row[0])
            choice = self._take_next(con, guild_id, curated_ids, now, self._rid(reading_id))
            self._fault("slot_prompt:taken")
            con.execute(
                "UPDATE slots SET prompt_id = ? WHERE schedule_id = ? AND slot = ?",
                (choice, schedule_id, stamp),
            )
            return choice

    def mark_used(
        self, guild_id: int, prompt_id: str, now: datetime, reading_id: str | None = None
    ) -> None:
        """Count a prompt posted by hand as used in the current cycle of the server's
        rotation of that reading."""
        rid = self._rid(reading_id)
        with self.transaction() as con:
            cycle, _ = self._rotation(con, guild_id, rid)
            self._use(con, guild_id, rid, cycle, prompt_id, now)

    @staticmethod
    def _use(
        con: sqlite3.Connection, guild_id: int, reading_id: str, cycle: int, prompt_id: str,
        now: datetime,
    ) -> None:
        con.execute(
            "INSERT OR IGNORE INTO rotation_used (guild_id, reading_id, cycle, prompt_id, "
            "used_at) VALUES (?, ?, ?, ?, ?)",
            (guild_id, reading_id, cycle, prompt_id, encode_instant(now)),
        )
        con.execute(
            "UPDATE rotations SET cycle = ?, last_prompt = ? WHERE guild_id = ? AND "
            "reading_id = ?",
            (cycle, prompt_id, guild_id, reading_id),
        )

    def used_in_cycle(self, guild_id: int, reading_id: str | None = None) -> tuple[int, set[str]]:
        """The current cycle number of the server's rotation of a reading, and the prompt
        ids used in it."""
        reading_id = self._rid(reading_id)
        rows = self._query(
            "SELECT cycle FROM rotations WHERE guild_id = ? AND reading_id = ?",
            (guild_id, reading_id),
        )
        cycle: int = rows[0][0] if rows else 0
        used = self._query(
            "SELECT prompt_id FROM rotation_used WHERE guild_id = ? AND reading_id = ? AND "
            "cycle = ?",
            (guild_id, reading_id, cycle),
        )
        return cycle, {str(r[0]) for r in used}

    # -- schedules -----------------------------------------------------------------------

    def set_schedule(
        self,
        guild_id: int,
        channel_id: int,
        rule: Rule,
        now: datetime,
        thread: bool | None = None,
        created_by: int | None = None,
        reading_id: str | None = None,
    ) -> ScheduleRow:
        """Schedule a reading's prompts in a channel, replacing that channel's schedule if any.

        The new schedule is settled up to `now`: its first post is its next slot, with no
        catch-up for slots before it existed.
        """
        stamp = encode_instant(now)
        with self.transaction() as con:
            con.execute(
                "DELETE FROM schedules WHERE guild_id = ? AND channel_id = ?",
                (guild_id, channel_id),
            )
            self._fault("set_schedule:deleted")
            cur = con.execute(
                "INSERT INTO schedules (guild_id, channel_id, rule, thread, created_by, "
                "created_at, settled_until, reading_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (guild_id, channel_id, rule.encode(),
                 None if thread is None else int(thread), created_by, stamp, stamp,
                 reading_id),
            )
            self._fault("set_schedule:inserted")
            schedule_id = int(cur.lastrowid or 0)
        found = self.schedule(schedule_id)
        assert found is not None
        return found

    def remove_schedules(self, guild_id: int, channel_id: int | None = None) -> int:
        """Delete a server's schedule in one channel (or all of them); how many went."""
        with self.transaction() as con:
            if channel_id is None:
                cur = con.execute("DELETE FROM schedules WHERE guild_id = ?", (guild_id,))
            else:
                cur = con.execute(
                    "DELETE FROM schedules WHERE guild_id = ? AND channel_id = ?",
                    (guild_id, channel_id),
                )
            self._fault("remove_schedules:deleted")
            return cur.rowcount

    _SCHEDULE_COLUMNS = (
        "id, guild_id, channel_id, rule, thread, created_by, created_at, settled_until, "
        "failures, paused, reading_id"
    )

    def schedules(self, guild_id: int | None = None) -> list[ScheduleRow]:
        """Every schedule (of one server, when given), by server and channel."""
        sql = f"SELECT {self._SCHEDULE_COLUMNS} FROM schedules"
        params: tuple[object, ...] = ()
        if guild_id is not None:
            sql += " WHERE guild_id = ?"
            params = (guild_id,)
        return [self._schedule_row(r) for r in self._query(sql + " ORDER BY guild_id, id", params)]

    def schedule(self, schedule_id: int) -> ScheduleRow | None:
        """One schedule by id."""
        rows = self._query(
            f"SELECT {self._SCHEDULE_COLUMNS} FROM schedules WHERE id = ?", (schedule_id,)
        )
        return self._schedule_row(rows[0]) if rows else None

    @staticmethod
    def _schedule_row(row: tuple[Any, ...]) -> ScheduleRow:
        sid, guild, channel, rule, thread, by, created, settled, failures, paused, rid = row
        return ScheduleRow(
            id=sid,
            guild_id=guild,
            channel_id=channel,
            rule=parse_when(rule),
            thread=None if thread is None else bool(thread),
            created_by=by,
            created_at=decode_instant(created),
            settled_until=decode_instant(settled),
            failures=failures,
            paused=paused,
            reading_id=rid,
        )

    def pause(self, schedule_id: int, reason: str) -> bool:
        """Pause a schedule (its reading is gone, say), for the moderators to be told; True
        when this paused it (False: already paused, or no such schedule)."""
        with self.transaction() as con:
            return con.execute(
                "UPDATE schedules SET paused = ?, pause_told = 0 WHERE id = ? AND paused IS NULL",
                (reason, schedule_id),
            ).rowcount == 1

    def channel_failed(self, schedule_id: int, reason: str) -> bool:
        """Count a post that failed because the schedule's channel is gone; after
        :data:`PAUSE_AFTER` in a row the schedule is paused. True when this pauses it."""
        with self.transaction() as con:
            cur = con.execute(
                "UPDATE schedules SET failures = failures + 1 WHERE id = ? AND paused IS NULL "
                "RETURNING failures", (schedule_id,))
            row = cur.fetchone()
            if row is None or row[0] < PAUSE_AFTER:
                return False
            con.execute("UPDATE schedules SET paused = ?, pause_told = 0 WHERE id = ?",
                        (reason, schedule_id))
            return True

    def pauses_to_tell(self, guild_id: int) -> list[ScheduleRow]:
        """The server's schedules paused since the last call (each is returned once)."""
        with self.transaction() as con:
            rows = con.execute(
                f"SELECT {self._SCHEDULE_COLUMNS} FROM schedules WHERE guild_id = ? AND "
                "paused IS NOT NULL AND pause_told = 0 ORDER BY id", (guild_id,)).fetchall()
            con.execute("UPDATE schedules SET pause_told = 1 WHERE guild_id = ? AND "
                        "paused IS NOT NULL", (guild_id,))
        return [self._schedule_row(r) for r in rows]

    def settle(self, schedule_id: int, until: datetime) -> None:
        """Let every slot up to `until` go unposted (missed beyond the grace window)."""
        stamp = encode_instant(until)
        with self.transaction() as con:
            con.execute(
                "UPDATE schedules SET settled_until = ? WHERE id = ? AND settled_until < ?",
                (stamp, schedule_id, stamp),
            )

    def claim_slot(
        self, schedule_id: int, slot: datetime, now: datetime, marker: str | None = None
    ) -> bool:
        """Claim a slot for posting; True for exactly one caller, ever, per slot.

        In one immediate transaction: the schedule must still exist and not be settled up to
        `slot`; then the slot is recorded as ``claimed`` (with the `marker` its post will
        carry) and the schedule settled up to it.
        """
        stamp = encode_instant(slot)
        with self.transaction() as con:
            row = con.execute(
                "SELECT settled_until FROM schedules WHERE id = ?", (schedule_id,)
            ).fetchone()
            if row is None or decode_instant(row[0]) >= decode_instant(stamp):
                return False
            con.execute(
                "INSERT INTO slots (schedule_id, slot, state, claimed_at, marker) "
                "VALUES (?, ?, 'claimed', ?, ?)",
                (schedule_id, stamp, encode_instant(now), marker),
            )
            self._fault("claim_slot:inserted")
            con.execute(
                "UPDATE schedules SET settled_until = ? WHERE id = ?", (stamp, schedule_id)
            )
            return True

    def finish_slot(
        self,
        schedule_id: int,
        slot: datetime,
        now: datetime,
        *,
        posted: bool,
        prompt_id: str | None = None,
        message_id: int | None = None,
    ) -> None:
        """Mark a claimed slot ``posted`` (or ``failed``); it is never retried either way.

        A post resets the schedule's count of failures in a row."""
        state = SlotState.POSTED if posted else SlotState.FAILED
        with self.transaction() as con:
            con.execute(
                "UPDATE slots SET state = ?, prompt_id = COALESCE(?, prompt_id), "
                "message_id = ?, done_at = ? WHERE schedule_id = ? AND slot = ?",
                (state.value, prompt_id, message_id,
                 encode_instant(now), schedule_id, encode_instant(slot)),
            )
            if posted:
                con.execute("UPDATE schedules SET failures = 0 WHERE id = ?", (schedule_id,))

    def stale_claims(self, claimed_before: datetime) -> list[SlotRow]:
        """Slots still ``claimed`` whose claim is older than `claimed_before`, oldest first."""
        return [
            s for s in self._slot_rows("WHERE state = 'claimed'", ())
            if s.claimed_at is not None and s.claimed_at < claimed_before
        ]

    def take_over(self, claim: SlotRow, now: datetime) -> bool:
        """Take a stale claim over (to check and maybe post it); True for one caller only.

        Compare-and-set in one transaction: the slot must still be ``claimed`` with the
        claim time `claim` saw; its claim time becomes `now` and its attempts go up by one.
        """
        assert claim.claimed_at is not None
        with self.transaction() as con:
            cur = con.execute(
                "UPDATE slots SET claimed_at = ?, attempts = attempts + 1 "
                "WHERE schedule_id = ? AND slot = ? AND state = 'claimed' AND claimed_at = ?",
                (encode_instant(now), claim.schedule_id, encode_instant(claim.slot),
                 encode_instant(claim.claimed_at)),
            )
            return cur.rowcount == 1

    def resolve_slot(
        self,
        schedule_id: int,
        slot: datetime,
        state: SlotState,
        now: datetime,
        *,
        message_id: int | None = None,
        claimed_at: datetime | None = None,
    ) -> bool:
        """End a ``claimed`` slot as `state` (posted, missed or unconfirmed) without posting.

        With `claimed_at`, only if the claim is still the one seen then. False when the slot
        was no longer claimed (someone else settled it).
        """
        sql = ("UPDATE slots SET state = ?, message_id = COALESCE(?, message_id), "
               "done_at = ? WHERE schedule_id = ? AND slot = ? AND state = 'claimed'")
        params: list[object] = [SlotState(state).value, message_id, encode_instant(now),
                                schedule_id, encode_instant(slot)]
        if claimed_at is not None:
            sql += " AND claimed_at = ?"
            params.append(encode_instant(claimed_at))
        with self.transaction() as con:
            return con.execute(sql, params).rowcount == 1

    def slots(self, schedule_id: int | None = None) -> list[SlotRow]:
        """Claimed slots (of one schedule, when given), oldest first."""
        if schedule_id is None:
            return self._slot_rows("", ())
        return self._slot_rows("WHERE schedule_id = ?", (schedule_id,))

    def _slot_rows(self, where: str, params: Sequence[object]) -> list[SlotRow]:
        sql = ("SELECT schedule_id, slot, state, prompt_id, message_id, marker, claimed_at, "
               f"attempts FROM slots {where} ORDER BY slot, schedule_id")
        return [
            SlotRow(s, decode_instant(t), SlotState(st), p, m, mk, decode_instant(c), n)
            for s, t, st, p, m, mk, c, n in self._query(sql, params)
        ]

    def integrity_problems(self) -> list[str]:
        """What SQLite's integrity and foreign-key checks report (empty when all is well)."""
        problems = [str(r[0]) for r in self._query("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in self._query("PRAGMA foreign_key_check")]
        return problems
