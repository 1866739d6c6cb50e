"""Which reading each server and channel uses, kept in SQLite so it survives a restart.

One small table in the bot's database (``prompts.database``, shared file, own table):
``(guild_id, channel_id, reading_id)``, where channel 0 is the server's own choice. Every
call opens its own connection and runs one transaction, so it may run on any worker thread;
the bot calls it only from worker threads, never on the event loop.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

SERVER = 0  # the channel id stored for a server's own choice
BUSY_SECONDS = 5.0  # how long a write waits for another process's transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS reading_choices (
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    reading_id TEXT NOT NULL,
    set_by INTEGER NOT NULL,
    set_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
)
"""

Choices = dict[tuple[int, int], str]  # (guild id, channel id or SERVER) -> reading id


class ReadingChoices:
    """The servers' and channels' reading choices in the SQLite file at `path`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
        try:
            with connection:  # one transaction: committed, or rolled back on error
                connection.execute(SCHEMA)
                yield connection
        finally:
            connection.close()

    def load(self) -> Choices:
        """Every stored choice."""
        with self._connect() as db:
            rows = db.execute("SELECT guild_id, channel_id, reading_id FROM reading_choices")
            return {(int(g), int(c)): str(r) for g, c, r in rows}

    def set(self, guild_id: int, channel_id: int, reading_id: str | None, user_id: int) -> None:
        """Store a choice (channel_id SERVER for the server's); None removes it."""
        with self._connect() as db:
            if reading_id is None:
                db.execute(
                    "DELETE FROM reading_choices WHERE guild_id = ? AND channel_id = ?",
                    (guild_id, channel_id),
                )
                return
            db.execute(
                "INSERT INTO reading_choices (guild_id, channel_id, reading_id, set_by, set_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (guild_id, channel_id) DO UPDATE SET "
                "reading_id = excluded.reading_id, set_by = excluded.set_by, "
                "set_at = excluded.set_at",
                (guild_id, channel_id, reading_id, user_id, datetime.now(UTC).isoformat()),
            )
