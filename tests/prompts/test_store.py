"""The SQLite store: schema migrations, transactions, and a process killed mid-change."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import PromptsSettings
from bot.paths import PROJECT_ROOT
from bot.prompts.schedule import parse_when
from bot.prompts.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    SlotState,
    Store,
    StoreError,
    default_path,
)

NOW = datetime(2024, 1, 1, 12, tzinfo=UTC)


def test_fresh_database_is_migrated_and_in_wal_mode(store: Store) -> None:
    assert store.schema_version() == SCHEMA_VERSION == len(MIGRATIONS)
    con = sqlite3.connect(store.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()
    assert store.integrity_problems() == []


def test_old_schema_is_upgraded_keeping_data(db_path: Path) -> None:
    con = sqlite3.connect(db_path, isolation_level=None)
    for statement in MIGRATIONS[0]:
        con.execute(statement)
    con.execute("PRAGMA user_version = 1")
    con.execute("INSERT INTO custom_prompts VALUES (5, 'custom-1', 'Kept text?', NULL, "
                "'2024-01-01T00:00:00+00:00')")
    con.close()
    store = Store(db_path)
    assert store.schema_version() == SCHEMA_VERSION
    assert [c.text for c in store.custom_prompts(5)] == ["Kept text?"]


def test_version_2_slots_are_kept_by_the_rebuild(db_path: Path) -> None:
    con = sqlite3.connect(db_path, isolation_level=None)
    for migration in MIGRATIONS[:2]:
        for statement in migration:
            con.execute(statement)
    con.execute("PRAGMA user_version = 2")
    con.execute("INSERT INTO schedules VALUES (1, 5, 6, 'daily 18:00 UTC', NULL, NULL, "
                "'2024-01-01T00:00:00+00:00', '2024-01-01T18:00:00+00:00')")
    con.execute("INSERT INTO slots VALUES (1, '2024-01-01T18:00:00+00:00', 'claimed', 'p1', "
                "NULL, '2024-01-01T18:00:01+00:00', NULL)")
    con.close()
    store = Store(db_path)
    assert store.schema_version() == SCHEMA_VERSION == 5
    [slot] = store.slots()
    assert (slot.state, slot.prompt_id, slot.marker, slot.attempts) == ("claimed", "p1", None, 1)
    assert store.resolve_slot(1, slot.slot, SlotState.MISSED, NOW)
    assert [s.state for s in store.slots()] == ["missed"]
    assert store.integrity_problems() == []
    assert store.remove_schedules(5) == 1 and store.slots() == []  # the cascade survived


def test_newer_schema_is_refused(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db_path)


def test_default_path_is_in_the_data_folder(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    monkeypatch.setenv("READING_BOT_DATA", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "bot.sqlite3"
    assert PromptsSettings().database == default_path()
    assert Store().path == default_path()


def test_a_failing_change_is_rolled_back(store: Store) -> None:
    store.set_schedule(1, 2, parse_when("daily 18:00"), NOW)

    def boom(point: str) -> None:
        raise RuntimeError(point)

    store.fault_hook = boom
    with pytest.raises(RuntimeError, match="set_schedule:deleted"):
        store.set_schedule(1, 2, parse_when("daily 09:00"), NOW)
    store.fault_hook = None
    [row] = store.schedules(1)
    assert row.rule == parse_when("daily 18:00")


def test_custom_ids_are_never_reused(store: Store) -> None:
    first = store.add_custom(1, "First prompt text", None, NOW)
    store.remove_custom(1, first.id)
    second = store.add_custom(1, "Second prompt text", 9, NOW)
    assert (first.id, second.id) == ("custom-1", "custom-2")
    assert store.add_custom(2, "Other server prompt", None, NOW).id == "custom-1"


def test_claim_is_refused_for_settled_or_removed_schedules(store: Store) -> None:
    row = store.set_schedule(1, 2, parse_when("daily 18:00"), NOW)
    slot = datetime(2024, 1, 1, 18, tzinfo=UTC)
    assert store.claim_slot(row.id, slot, slot)
    assert not store.claim_slot(row.id, slot, slot)
    assert store.remove_schedules(1) == 1
    assert not store.claim_slot(row.id, slot.replace(day=2), slot)
    assert store.slots() == []  # a schedule's slots go with it


CHILD = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from bot.prompts.schedule import parse_when
    from bot.prompts.store import Store

    path, point = sys.argv[1], sys.argv[2]
    store = Store(path)
    now = datetime(2024, 1, 2, tzinfo=UTC)

    def hook(reached: str) -> None:
        if reached == point:
            print("inside", flush=True)
            sys.stdin.read()  # wait here, mid-transaction, to be killed

    store.fault_hook = hook
    if point.startswith("set_schedule"):
        store.set_schedule(1, 2, parse_when("weekly friday 07:00 Europe/Berlin"), now)
    elif point.startswith("remove_schedules"):
        store.remove_schedules(1)
    elif point.startswith("claim_slot"):
        [row] = store.schedules(1)
        store.claim_slot(row.id, datetime(2024, 1, 1, 18, tzinfo=UTC), now)
    else:  # loop: many committed schedule changes, each reported after its commit
        n = 0
        while True:
            n += 1
            store.set_schedule(1, 2 + n % 3, parse_when(f"daily {n % 24:02d}:00"), now,
                               created_by=n)
            if n % 7 == 0:
                store.remove_schedules(1, 2 + (n + 1) % 3)
            print(n, flush=True)
    """
)


def spawn(db_path: Path, point: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), point],
        cwd=PROJECT_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )


def kill9(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            stream.close()


@pytest.mark.parametrize(
    "point", ["set_schedule:deleted", "set_schedule:inserted", "remove_schedules:deleted",
              "claim_slot:inserted"],
)
def test_kill_9_mid_change_keeps_the_last_committed_state(db_path: Path, point: str) -> None:
    store = Store(db_path)
    before = store.set_schedule(1, 2, parse_when("daily 18:00"), NOW)
    proc = spawn(db_path, point)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "inside"
    kill9(proc)
    after = Store(db_path)
    assert after.integrity_problems() == []
    assert after.schedules() == [before]
    assert after.slots() == []
    # And the database is usable: the slot can still be claimed, exactly once.
    slot = datetime(2024, 1, 1, 18, tzinfo=UTC)
    assert after.claim_slot(before.id, slot, slot)
    assert not after.claim_slot(before.id, slot, slot)


def test_kill_9_at_a_random_moment_loses_no_committed_change(db_path: Path) -> None:
    Store(db_path)
    proc = spawn(db_path, "loop")
    assert proc.stdout is not None
    last = 0
    for _ in range(40):
        last = int(proc.stdout.readline())
    kill9(proc)  # somewhere in the loop: between, or in the middle of, transactions
    store = Store(db_path)
    assert store.integrity_problems() == []
    rows = store.schedules(1)
    assert 1 <= len(rows) <= 3
    assert len({r.channel_id for r in rows}) == len(rows)
    assert max(r.created_by or 0 for r in rows) >= last  # every reported commit is there
    for row in rows:
        assert row.rule == parse_when(f"daily {(row.created_by or 0) % 24:02d}:00")


POSTING_CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from datetime import UTC, datetime
    from bot.prompts.service import PromptService
    from bot.prompts.store import Store
    from tests.prompts.conftest import make_reading

    service = PromptService(make_reading(), Store(sys.argv[1]), lambda text, limit: [],
                            clock=lambda: datetime(2024, 1, 1, 18, 1, tzinfo=UTC))

    async def send(row, card):
        print("sending", card.prompt_id, flush=True)
        sys.stdin.read()  # killed here, in the middle of the post
        return 1

    asyncio.run(service.run_due(send))
    """
)


def test_kill_9_in_the_middle_of_a_post_never_posts_twice(db_path: Path) -> None:
    from bot.prompts.service import PromptService

    from .conftest import make_reading

    store = Store(db_path)
    row = store.set_schedule(1, 2, parse_when("daily 18:00"), NOW)
    proc = subprocess.Popen(
        [sys.executable, "-c", POSTING_CHILD, str(db_path)],
        cwd=PROJECT_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("sending")
    kill9(proc)
    # The restarted bot, still within the grace window, does not post the slot again.
    later = datetime(2024, 1, 1, 18, 3, tzinfo=UTC)
    service = PromptService(make_reading(), Store(db_path), lambda text, limit: [],
                            clock=lambda: later)
    assert service.claim_due() == []
    [slot] = service.store.slots(row.id)
    assert slot.state == "claimed"  # claimed, never confirmed: at most once
    assert service.store.integrity_problems() == []


POSTED_CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from datetime import UTC, datetime
    from pathlib import Path
    from bot.prompts.service import PromptService
    from bot.prompts.store import Store
    from tests.prompts.conftest import make_reading

    service = PromptService(make_reading(), Store(sys.argv[1]), lambda text, limit: [],
                            clock=lambda: datetime(2024, 1, 1, 18, 1, tzinfo=UTC))

    async def send(row, card):
        Path(sys.argv[2]).write_text(card.marker)  # Discord has the post...
        print("sent", card.prompt_id, flush=True)
        sys.stdin.read()  # ...and the bot is killed before recording it
        return 1

    asyncio.run(service.run_due(send))
    """
)


@pytest.mark.parametrize("posted", [False, True])
def test_kill_9_mid_post_then_recovery_posts_exactly_once(
    db_path: Path, tmp_path: Path, posted: bool
) -> None:
    """Killed before Discord had the post (POSTING_CHILD) or after (POSTED_CHILD): the
    restarted bot, reading the channel, ends with exactly one post for the slot."""
    import asyncio

    from bot.prompts.cards import Card
    from bot.prompts.service import PromptService
    from bot.prompts.store import ScheduleRow

    from .conftest import make_reading

    row = Store(db_path).set_schedule(1, 2, parse_when("daily 18:00"), NOW)
    channel = tmp_path / "channel.txt"  # what Discord holds: the marker of each post
    child = POSTED_CHILD if posted else POSTING_CHILD
    proc = subprocess.Popen(
        [sys.executable, "-c", child, str(db_path), str(channel)],
        cwd=PROJECT_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("sent" if posted else "sending")
    kill9(proc)
    markers = channel.read_text().splitlines() if channel.exists() else []

    async def send(schedule: ScheduleRow, card: Card) -> int | None:
        assert card.marker is not None
        markers.append(card.marker)
        return len(markers)

    async def lookup(schedule: ScheduleRow, marker: str) -> int | None:
        return markers.index(marker) + 1 if marker in markers else None

    later = datetime(2024, 1, 1, 18, 4, tzinfo=UTC)
    service = PromptService(make_reading(), Store(db_path), lambda text, limit: [],
                            clock=lambda: later)
    [result] = asyncio.run(service.run_due(send, lookup=lookup))
    assert result.recovered and result.found is posted
    assert markers == ["Scheduled prompt · 2024-01-01 18:00 UTC"]
    [slot] = service.store.slots(row.id)
    assert (slot.state, slot.message_id) == ("posted", 1)
    assert asyncio.run(service.run_due(send, lookup=lookup)) == []
    assert service.store.integrity_problems() == []


def test_a_deleted_database_is_made_anew_once_when_two_threads_notice(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import threading

    from bot.prompts.store import Store

    store = Store(tmp_path / "bot.sqlite3")
    for name in ("bot.sqlite3", "bot.sqlite3-wal", "bot.sqlite3-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def use() -> None:
        start.wait()
        try:
            with store.transaction() as con:
                con.execute("SELECT 1")
        except BaseException as exc:  # the test reports any failure
            errors.append(exc)

    threads = [threading.Thread(target=use) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    gone = [r for r in caplog.records if "is gone" in r.getMessage()]
    assert len(gone) == 1  # one thread made it anew; the others used it
