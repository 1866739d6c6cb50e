"""Prompts and schedules belong to a reading: that reading's curated prompts, one rotation
per reading, a schedule that keeps its reading (migrated from before readings, nothing lost
on restart), and a schedule whose reading was removed pauses."""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import pytest

from bot.knowledge.model import Prompt, Reading
from bot.prompts.cards import Card
from bot.prompts.console_commands import console_prompt
from bot.prompts.service import EngineLike, PromptError, PromptService
from bot.prompts.store import LEGACY, MIGRATIONS, ScheduleRow, Store

from .conftest import FakeClock, FakeEngine, make_reading, make_service


def engine_of(reading: Reading) -> EngineLike:
    """The duck-typed stand-in engine of a reading."""
    return cast(EngineLike, FakeEngine(reading))

GUILD, CHANNEL = 5, 6


def other_reading() -> Reading:
    """A second reading whose prompt ids are the same as the first's (p0, p1), texts not."""
    base = make_reading(2)
    prompts = tuple(
        Prompt(p.id, f"The other reading asks question {i}?", p.positions)
        for i, p in enumerate(base.prompts)
    )
    return dataclasses.replace(base, id="other-reading", title="Another", prompts=prompts)


class Readings:
    """The scheduler's view of the library: which readings exist, and their engines."""

    def __init__(self, *engines: EngineLike) -> None:
        self.engines = {e.reading.id: e for e in engines}
        self.asked: list[str] = []

    def missing(self, row: ScheduleRow) -> str | None:
        rid = row.reading_id or ""
        return None if rid in self.engines else f"its reading “{rid}” was removed"

    async def engine(self, row: ScheduleRow) -> EngineLike:
        assert row.reading_id is not None
        self.asked.append(row.reading_id)
        return self.engines[row.reading_id]


async def no_send(row: ScheduleRow, card: Card) -> int:
    raise AssertionError("nothing should be posted")


def test_each_reading_has_its_own_curated_prompts_and_rotation(
    service: PromptService, reading: Reading
) -> None:
    other = engine_of(other_reading())
    seen_other = {service.next(GUILD, other).text for _ in range(2)}
    assert seen_other == {p.text for p in other.reading.prompts}
    # the same ids (p0, p1) in the other reading did not use up this reading's
    seen = {service.next(GUILD).text for _ in range(len(reading.prompts))}
    assert seen == {p.text for p in reading.prompts}
    assert service.store.used_in_cycle(GUILD, other.reading.id) == (0, {"p0", "p1"})
    assert [r.id for r in service.catalogue(GUILD, other)] == ["p0", "p1"]
    assert service.post(GUILD, "p1", other).text == "The other reading asks question 1?"


def test_a_schedule_keeps_its_reading_across_a_restart_and_posts_its_prompts(
    reading: Reading, db_path: Path, clock: FakeClock
) -> None:
    other = engine_of(other_reading())
    make_service(reading, db_path, clock).schedule(GUILD, CHANNEL, "daily 18:00 UTC",
                                                   engine=other)
    restarted = make_service(reading, db_path, clock)
    [row] = restarted.schedules(GUILD)
    assert row.reading_id == "other-reading"
    clock.set(datetime(2024, 3, 25, 18, 0, 5, tzinfo=UTC))
    posted: list[Card] = []

    async def send(row: ScheduleRow, card: Card) -> int:
        posted.append(card)
        return 1

    readings = Readings(engine_of(reading), other)
    [result] = asyncio.run(restarted.run_due(send, readings=readings))
    assert result.posted and readings.asked == ["other-reading"]
    assert posted[0].text in {p.text for p in other.reading.prompts}
    with pytest.raises(PromptError, match="other-reading"):  # never another reading's
        restarted.slot_card(row, datetime(2024, 3, 26, 18, tzinfo=UTC))


def test_a_schedule_whose_reading_was_removed_pauses_once(
    reading: Reading, db_path: Path, clock: FakeClock
) -> None:
    service = make_service(reading, db_path, clock)
    gone = engine_of(other_reading())
    service.schedule(GUILD, CHANNEL, "daily 18:00 UTC", engine=gone)
    clock.set(datetime(2024, 3, 25, 18, 0, 5, tzinfo=UTC))
    readings = Readings(engine_of(reading))  # the other reading is no longer there
    [result] = asyncio.run(service.run_due(no_send, readings=readings))
    assert result.paused and not result.posted and result.card is None
    assert "other-reading" in (result.schedule.paused or "")
    [row] = service.schedules(GUILD)
    assert row.paused and "removed" in row.paused
    assert service.store.slots() == []  # nothing was claimed
    clock.set(datetime(2024, 3, 26, 18, 0, 5, tzinfo=UTC))
    assert asyncio.run(service.run_due(no_send, readings=readings)) == []  # told once
    assert [r.id for r in service.pauses_to_tell(GUILD)] == [row.id]


def version_4_database(path: Path) -> None:
    """A database as the bot wrote it before readings: a schedule, a rotation, a slot."""
    con = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:4]:
        for statement in migration:
            con.execute(statement)
    con.execute("PRAGMA user_version = 4")
    con.execute("INSERT INTO guilds VALUES (5, 1, 'p2', 2)")
    con.execute("INSERT INTO custom_prompts VALUES (5, 'custom-1', 'Kept custom prompt?', "
                "NULL, '2024-01-01T00:00:00+00:00')")
    for prompt in ("p2", "p3"):
        con.execute("INSERT INTO rotation_used VALUES (5, 1, ?, '2024-01-01T00:00:00+00:00')",
                    (prompt,))
    con.execute("INSERT INTO schedules (id, guild_id, channel_id, rule, created_at, "
                "settled_until) VALUES (1, 5, 6, 'daily 18:00 UTC', "
                "'2024-01-01T00:00:00+00:00', '2024-01-01T18:00:00+00:00')")
    con.execute("INSERT INTO slots (schedule_id, slot, state, prompt_id, claimed_at) VALUES "
                "(1, '2024-01-01T18:00:00+00:00', 'posted', 'p2', '2024-01-01T18:00:01+00:00')")
    con.close()


def test_rows_from_before_readings_belong_to_the_default_reading(
    reading: Reading, db_path: Path, clock: FakeClock
) -> None:
    version_4_database(db_path)
    service = make_service(reading, db_path, clock)
    assert service.store.schema_version() == len(MIGRATIONS) == 5
    [row] = service.schedules(GUILD)
    assert row.reading_id == reading.id
    assert service.store.used_in_cycle(GUILD, reading.id) == (1, {"p2", "p3"})
    assert service.store.used_in_cycle(GUILD, LEGACY) == (0, set())
    assert [c.text for c in service.store.custom_prompts(GUILD)] == ["Kept custom prompt?"]
    assert [s.prompt_id for s in service.store.slots(1)] == ["p2"]
    assert service.store.integrity_problems() == []
    # the rotation goes on where it was: p2 and p3 are not offered again in cycle 1
    left = {p.id for p in reading.prompts} - {"p2", "p3"} | {"custom-1"}
    taken = {service.store.take_next(GUILD, [p.id for p in reading.prompts], clock(),
                                     reading.id) for _ in range(len(left))}
    assert taken == left
    # restarting changes nothing more
    again = make_service(reading, db_path, clock)
    assert again.schedules(GUILD)[0].reading_id == reading.id
    assert again.store.adopt(reading.id) == 0


def test_a_failed_migration_leaves_the_old_schema_whole(db_path: Path) -> None:
    version_4_database(db_path)
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("CREATE TABLE rotation_used_v5 (x INTEGER)")  # the migration's name, taken
    con.close()
    with pytest.raises(sqlite3.OperationalError):
        Store(db_path)
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 4
    columns = [r[1] for r in con.execute("PRAGMA table_info(schedules)")]
    assert "reading_id" not in columns  # the ALTER before the failure was rolled back
    assert con.execute("SELECT count(*) FROM rotation_used").fetchone()[0] == 2
    con.close()


def test_adopting_is_one_transaction(reading: Reading, db_path: Path) -> None:
    version_4_database(db_path)
    store = Store(db_path)

    def die(point: str) -> None:
        if point == "adopt:rotation_used":
            raise RuntimeError("killed")

    store.fault_hook = die
    with pytest.raises(RuntimeError):
        store.adopt(reading.id)
    store.fault_hook = None
    assert store.schedules()[0].reading_id is None  # nothing half-done
    assert store.used_in_cycle(GUILD, LEGACY) == (1, {"p2", "p3"})
    assert store.adopt(reading.id) > 0
    assert store.used_in_cycle(GUILD, reading.id) == (1, {"p2", "p3"})


def test_the_console_schedules_and_posts_its_own_readings_prompts(
    reading: Reading, db_path: Path, clock: FakeClock
) -> None:
    mine, other = engine_of(reading), engine_of(other_reading())
    assert console_prompt(other, db_path, "schedule daily 18:00 UTC", clock=clock).startswith(
        "Scheduled")
    assert "(prompts of other-reading)" in console_prompt(other, db_path, "list", clock=clock)
    clock.set(datetime(2024, 3, 25, 18, 0, 5, tzinfo=UTC))
    refused = console_prompt(mine, db_path, "due", clock=clock)
    assert "--reading other-reading" in refused and "Discussion prompt" not in refused
    posted = console_prompt(other, db_path, "due", clock=clock)
    assert "The other reading asks question" in posted
