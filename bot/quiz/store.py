"""Quiz state in SQLite: each server's scores per member, and the quizzes running now.

Its own file (``quiz.sqlite3`` beside the prompt database by default), so its schema never
meets the prompt store's migrations. WAL mode; schema versioned with ``PRAGMA user_version``
and :data:`MIGRATIONS`; every change is one ``BEGIN IMMEDIATE`` transaction on a short-lived
connection (blocking: the cog calls it through ``asyncio.to_thread``).

A round's results are recorded when it closes, all members in one transaction, so a crash
loses at most the round being played. A running quiz has a row in ``active`` from its start
to its end; rows left by a bot that stopped mid-quiz are taken (and removed) at the next
start with :meth:`QuizStore.take_abandoned`, so that quiz can be ended with a message.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.paths import data_dir
from bot.quiz.session import MemberResult
from bot.sqlite_tx import immediate

FILE_NAME = "quiz.sqlite3"

MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE scores (
            guild_id INTEGER NOT NULL,
            member_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            played INTEGER NOT NULL DEFAULT 0,
            right INTEGER NOT NULL DEFAULT 0,
            points INTEGER NOT NULL DEFAULT 0,
            best_streak INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (guild_id, member_id)
        )""",
        "CREATE INDEX scores_by_points ON scores (guild_id, points DESC, right DESC)",
        """CREATE TABLE active (
            channel_id INTEGER PRIMARY KEY,
            guild_id INTEGER NOT NULL,
            started_by INTEGER NOT NULL,
            reading_id TEXT NOT NULL,
            rounds INTEGER NOT NULL,
            message_id INTEGER,
            started_at TEXT NOT NULL
        )""",
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)


class QuizStoreError(RuntimeError):
    """The quiz database cannot be used (e.g. written by a newer version of the bot)."""


class ChannelBusy(RuntimeError):
    """A quiz is already running in that channel."""


@dataclass(frozen=True, slots=True)
class Score:
    """A member's record on one server."""

    guild_id: int
    member_id: int
    name: str
    played: int
    right: int
    points: int
    best_streak: int
    rank: int = 0  # 1-based place on the server's leaderboard (0 when not computed)


@dataclass(frozen=True, slots=True)
class ActiveQuiz:
    """A quiz that was running in a channel."""

    channel_id: int
    guild_id: int
    started_by: int
    reading_id: str
    rounds: int
    message_id: int | None


def _score(row: Any, rank: int) -> Score:
    guild_id, member_id, name, played, right, points, best = row
    return Score(guild_id, member_id, name, played, right, points, best, rank)


def default_path(beside: Path | None = None) -> Path:
    """``quiz.sqlite3`` beside `beside` (the prompt database), else in the data folder."""
    return (beside.parent if beside is not None else data_dir()) / FILE_NAME


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class QuizStore:
    """The quiz database. Cheap to create; safe to share between threads."""

    def __init__(self, path: Path | str | None = None, timeout: float = 30.0) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.timeout = timeout
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate()

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        con.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        con.execute("PRAGMA synchronous = NORMAL")
        return con

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A ``BEGIN IMMEDIATE`` transaction: committed on success, rolled back on error."""
        with immediate(self._connect()) as con:
            yield con

    def _migrate(self) -> None:
        con = self._connect()
        try:
            con.execute("PRAGMA journal_mode = WAL")
        finally:
            con.close()
        with self.transaction() as con:
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise QuizStoreError(
                    f"{self.path} has quiz schema version {version}; this bot knows up to "
                    f"{SCHEMA_VERSION}. Use a newer bot or another quiz database."
                )
            for statements in MIGRATIONS[version:]:
                for statement in statements:
                    con.execute(statement)
            con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- scores --------------------------------------------------------------------------

    def record_round(self, guild_id: int, results: Iterable[MemberResult]) -> None:
        """Add one closed round's results to the members' records, in one transaction."""
        now = _now()
        with self.transaction() as con:
            for r in results:
                con.execute(
                    """INSERT INTO scores (guild_id, member_id, name, played, right, points,
                                           best_streak, updated_at)
                       VALUES (?, ?, ?, 1, ?, ?, ?, ?)
                       ON CONFLICT (guild_id, member_id) DO UPDATE SET
                           name = excluded.name,
                           played = played + 1,
                           right = right + excluded.right,
                           points = points + excluded.points,
                           best_streak = MAX(best_streak, excluded.best_streak),
                           updated_at = excluded.updated_at""",
                    (guild_id, r.member_id, r.name, int(r.right), r.points, r.streak, now),
                )

    def leaderboard(self, guild_id: int, limit: int = 10, offset: int = 0) -> list[Score]:
        """A page of the server's leaderboard: points, then right answers, then name."""
        con = self._connect()
        try:
            rows = con.execute(
                """SELECT guild_id, member_id, name, played, right, points, best_streak
                   FROM scores WHERE guild_id = ?
                   ORDER BY points DESC, right DESC, name COLLATE NOCASE, member_id
                   LIMIT ? OFFSET ?""",
                (guild_id, limit, offset),
            ).fetchall()
        finally:
            con.close()
        return [_score(row, offset + i + 1) for i, row in enumerate(rows)]

    def count(self, guild_id: int) -> int:
        """How many members of the server have a record."""
        con = self._connect()
        try:
            return int(
                con.execute("SELECT COUNT(*) FROM scores WHERE guild_id = ?", (guild_id,))
                .fetchone()[0]
            )
        finally:
            con.close()

    def score(self, guild_id: int, member_id: int) -> Score | None:
        """One member's record on the server, with their place, or None."""
        con = self._connect()
        try:
            row = con.execute(
                """SELECT guild_id, member_id, name, played, right, points, best_streak
                   FROM scores WHERE guild_id = ? AND member_id = ?""",
                (guild_id, member_id),
            ).fetchone()
            if row is None:
                return None
            better = con.execute(
                """SELECT COUNT(*) FROM scores WHERE guild_id = ?
                   AND (points > ? OR (points = ? AND right > ?))""",
                (guild_id, row[5], row[5], row[4]),
            ).fetchone()[0]
        finally:
            con.close()
        return _score(row, int(better) + 1)

    # -- running quizzes -----------------------------------------------------------------

    def begin(self, quiz: ActiveQuiz) -> None:
        """Record a quiz as running in its channel (ChannelBusy when one already is)."""
        try:
            with self.transaction() as con:
                con.execute(
                    """INSERT INTO active (channel_id, guild_id, started_by, reading_id,
                                           rounds, message_id, started_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    (quiz.channel_id, quiz.guild_id, quiz.started_by, quiz.reading_id,
                     quiz.rounds, quiz.message_id, _now()),
                )
        except sqlite3.IntegrityError:
            raise ChannelBusy(quiz.channel_id) from None

    def set_message(self, channel_id: int, message_id: int) -> None:
        """Remember the message showing the current round (to close it after a crash)."""
        with self.transaction() as con:
            con.execute(
                "UPDATE active SET message_id = ? WHERE channel_id = ?", (message_id, channel_id)
            )

    def end(self, channel_id: int) -> None:
        """The quiz in the channel is over."""
        with self.transaction() as con:
            con.execute("DELETE FROM active WHERE channel_id = ?", (channel_id,))

    def running(self) -> list[ActiveQuiz]:
        """Every quiz recorded as running now, oldest first."""
        con = self._connect()
        try:
            rows = con.execute(
                """SELECT channel_id, guild_id, started_by, reading_id, rounds, message_id
                   FROM active ORDER BY started_at"""
            ).fetchall()
        finally:
            con.close()
        return [ActiveQuiz(*row) for row in rows]

    def take_abandoned(self) -> list[ActiveQuiz]:
        """Every quiz recorded as running (left by a bot that stopped), removing them."""
        with self.transaction() as con:
            rows = con.execute(
                """SELECT channel_id, guild_id, started_by, reading_id, rounds, message_id
                   FROM active ORDER BY started_at"""
            ).fetchall()
            con.execute("DELETE FROM active")
        return [ActiveQuiz(*row) for row in rows]
