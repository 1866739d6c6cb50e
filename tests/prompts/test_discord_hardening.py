"""/prompt under faults, through the real client and the fake Discord: a locked database, a
schedule whose channel is gone, a crash before the thread opened, a database that cannot be
opened or is deleted, time zone abbreviations, and who sees custom prompts in autocomplete.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import sqlite3
import sys
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from fakediscord.fixtures import config_for, engine, fake_discord, running_bot  # noqa: E402

from bot.discordbot.prompt_embeds import thread_name  # noqa: E402
from bot.prompts.async_service import BUSY  # noqa: E402
from bot.prompts.store import SlotState, Store  # noqa: E402

from .conftest import FakeClock  # noqa: E402
from .test_discord_prompts import (  # noqa: E402
    EPHEMERAL,
    JSON,
    answer_text,
    answer_to,
    clock,
    prompt_bot,
    run_prompt,
)

__all__ = ["clock", "engine", "fake_discord", "prompt_bot"]

MONDAY = datetime(2024, 3, 25, 12, 0, tzinfo=UTC)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the database: an exclusive lock, readers shut out too."""
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE guilds SET cycle = cycle")  # takes the lock now
        yield holder
    finally:
        holder.close()


@contextlib.asynccontextmanager
async def prompts_bot(fake: Any, engine: Any, tmp_path: Path, clock: FakeClock,
                      **prompts: Any) -> AsyncIterator[Any]:
    """The bot with these ``prompts:`` settings; yields its cog, the scheduler stopped."""
    config = config_for(fake, tmp_path)
    settings = {"moderator_roles": ("Moderator",), "tick_seconds": 3600.0, **prompts}
    config = dataclasses.replace(config, prompts=dataclasses.replace(config.prompts,
                                                                     **settings))
    async with running_bot(fake, config, engine) as bot:
        cog: Any = bot.get_cog("Prompts")
        assert cog is not None, "the prompts extension did not load"
        await cog.stop_scheduler()
        if cog.service.core is not None:
            cog.service.core.clock = clock
        yield cog


# -- item 1: a busy database -------------------------------------------------------------


async def test_locked_database_never_blocks_autocomplete_or_other_commands(
    prompt_bot: Any, tmp_path: Path
) -> None:
    """The store waits its full 30 s busy timeout on a worker thread; the loop serves on."""
    fake, _ = prompt_bot
    with locked(tmp_path / "bot.sqlite3"):
        typed = await run_prompt(fake, "post", {"prompt": "hong"}, user=fake.owner,
                                 focused="prompt")
        ask = await fake.slash("ask", {"question": "Who mentioned Tibet?"})
        choices = (await fake.response_to(typed, timeout=8)).json["data"]["choices"]
        assert "hong-kong" in [c["value"] for c in choices]  # the curated ones, from memory
        assert (await fake.response_to(ask, timeout=8)).json["type"] in (4, 5)


async def test_locked_database_defers_first_and_tells_the_moderator(
    prompt_bot: Any, tmp_path: Path
) -> None:
    fake, cog = prompt_bot
    store = cog.service.core.store
    store.timeout = 0.5
    with locked(tmp_path / "bot.sqlite3"):
        add = await run_prompt(fake, "add", {"text": "How does Tibet come into it?"},
                               user=fake.owner)
        post = await run_prompt(fake, "next", user=fake.moderator)
        assert (await fake.response_to(add)).json["type"] == 5  # acknowledged at once
        assert (await fake.response_to(post)).json["type"] == 5
        for inter in (add, post):
            answer = await answer_to(fake, inter)
            assert answer["content"] == BUSY and answer["flags"] & EPHEMERAL
    assert store.custom_prompts(fake.guild_id) == []  # nothing changed, as it said
    assert store.used_in_cycle(fake.guild_id)[1] == set()
    # The lock goes while a command waits: the command then does its work and says so.
    store.timeout = 30.0
    with locked(tmp_path / "bot.sqlite3") as holder:
        add = await run_prompt(fake, "add", {"text": "How does Tibet come into it?"},
                               user=fake.owner)
        assert (await fake.response_to(add)).json["type"] == 5  # while still locked
        holder.close()
        assert (await answer_text(fake, add)).startswith("Added `custom-1`")


# -- item 4: a schedule whose channel is gone --------------------------------------------


@pytest.mark.parametrize(("status", "code"), [(404, 10003), (403, 50001)])
async def test_schedule_whose_channel_is_gone_pauses_and_moderators_are_told(
    fake_discord: Any, engine: Any, tmp_path: Path, status: int, code: int
) -> None:
    fake = fake_discord
    guild = fake.guild_payload
    fake.guild_payload = lambda: {**guild(), "system_channel_id": str(fake.channel_id)}
    clock = FakeClock(MONDAY)

    async def gone(fake: Any, request: Any, match: Any) -> tuple[int, Any]:
        return status, {"message": "Unknown Channel" if code == 10003 else "Missing Access",
                        "code": code}

    async with prompts_bot(fake, engine, tmp_path, clock) as cog:
        cog.service.core.schedule(fake.guild_id, fake.other_channel_id, "daily 18:00")
        fake.route("POST", rf"/channels/{fake.other_channel_id}/messages", gone)
        clock.set(datetime(2024, 3, 25, 18, 0, 5, tzinfo=UTC))
        [first] = await cog.tick()
        assert not first.posted and not first.paused
        assert fake.find("POST", rf"/channels/{fake.channel_id}/messages") == []
        clock.set(datetime(2024, 3, 26, 18, 0, 5, tzinfo=UTC))
        [second] = await cog.tick()
        assert second.paused
        notice = await fake.wait_for("POST", rf"/channels/{fake.channel_id}/messages")
        assert f"<#{fake.other_channel_id}>" in notice.json["content"]
        assert "paused" in notice.json["content"] and str(code) in notice.json["content"]
        clock.set(datetime(2024, 3, 27, 18, 0, 5, tzinfo=UTC))
        assert await cog.tick() == []  # paused: not tried again
        assert len(fake.find("POST", rf"/channels/{fake.other_channel_id}/messages")) == 2

        listing = await run_prompt(fake, "list", user=fake.owner)
        [schedules, *_] = (await answer_to(fake, listing))["embeds"]
        assert "**paused**" in schedules["description"]
        told = await fake.wait_for(  # in the reply to the next /prompt command, privately
            "POST", rf"/webhooks/\d+/{listing['token']}",
            predicate=lambda r: "paused" in (r.json or {}).get("content", ""))
        assert told.json["flags"] & EPHEMERAL
        add = await run_prompt(fake, "add", {"text": "What would Beta say to that?"},
                               user=fake.owner)
        assert (await answer_text(fake, add)).startswith("Added")
        assert await cog.service.pauses_to_tell(fake.guild_id) == []  # told once


async def test_a_post_resets_the_count_of_failures(
    fake_discord: Any, engine: Any, tmp_path: Path
) -> None:
    fake = fake_discord
    clock = FakeClock(MONDAY)
    failing = [True]

    async def flaky(fake: Any, request: Any, match: Any) -> tuple[int, Any]:
        if failing[0]:
            return 404, {"message": "Unknown Channel", "code": 10003}
        return 200, fake.bot_message(match[1], request.json)

    async with prompts_bot(fake, engine, tmp_path, clock, open_thread=False) as cog:
        cog.service.core.schedule(fake.guild_id, fake.other_channel_id, "daily 18:00")
        fake.route("POST", r"/channels/(\d+)/messages", flaky)
        for day, fails in ((25, True), (26, False), (27, True)):
            failing[0] = fails
            clock.set(datetime(2024, 3, day, 18, 0, 5, tzinfo=UTC))
            [result] = await cog.tick()
            assert result.posted is not fails and not result.paused
    [row] = Store(tmp_path / "bot.sqlite3").schedules()
    assert (row.failures, row.paused) == (1, None)


# -- item 5: recovery opens the thread; the lease is a setting ---------------------------

SLOT = datetime(2099, 3, 30, 16, tzinfo=UTC)  # a Monday, 18:00 in Berlin


def schedule_berlin(fake: Any, tmp_path: Path) -> int:
    from bot.prompts.schedule import parse_when

    rule = parse_when("weekly monday 18:00 Europe/Berlin")
    store = Store(tmp_path / "bot.sqlite3")
    return store.set_schedule(fake.guild_id, fake.other_channel_id, rule,
                              SLOT - timedelta(days=1)).id


async def test_recovery_opens_the_thread_the_bot_died_before_opening(
    fake_discord: Any, engine: Any, tmp_path: Path
) -> None:
    fake = fake_discord
    clock = FakeClock(SLOT + timedelta(seconds=5))
    schedule_id = schedule_berlin(fake, tmp_path)
    async with prompts_bot(fake, engine, tmp_path, clock) as cog:
        [(row, slot)] = cog.service.core.claim_due()
        card = cog.service.core.slot_card(row, slot)
        # Posted, and the bot dies before opening the thread:
        message_id = await cog._send_scheduled(dataclasses.replace(row, thread=False), card)
    assert fake.find("POST", r"/channels/\d+/messages/\d+/threads") == []
    clock.advance(minutes=3)
    async with prompts_bot(fake, engine, tmp_path, clock) as cog:
        [result] = await cog.tick()
        assert result.found and result.message_id == message_id
        clock.advance(minutes=5)
        assert await cog.tick() == []
    [thread] = fake.find("POST", rf"/channels/{fake.other_channel_id}/messages/{message_id}"
                                 "/threads")
    assert thread.json["name"] == thread_name(card)
    [stored] = Store(tmp_path / "bot.sqlite3").slots(schedule_id)
    assert stored.state is SlotState.POSTED


async def test_a_found_post_with_its_thread_gets_no_second_thread(
    fake_discord: Any, engine: Any, tmp_path: Path
) -> None:
    fake = fake_discord
    clock = FakeClock(SLOT + timedelta(seconds=5))
    schedule_berlin(fake, tmp_path)
    async with prompts_bot(fake, engine, tmp_path, clock) as cog:
        [(row, slot)] = cog.service.core.claim_due()
        await cog._send_scheduled(row, cog.service.core.slot_card(row, slot))  # then dies
    clock.advance(minutes=3)
    async with prompts_bot(fake, engine, tmp_path, clock) as cog:
        [result] = await cog.tick()
        assert result.found
    assert len(fake.find("POST", r"/channels/\d+/messages/\d+/threads")) == 1


async def test_the_lease_is_the_lease_seconds_setting(
    fake_discord: Any, engine: Any, tmp_path: Path
) -> None:
    fake = fake_discord
    clock = FakeClock(SLOT + timedelta(seconds=5))
    schedule_berlin(fake, tmp_path)
    async with prompts_bot(fake, engine, tmp_path, clock, lease_seconds=20) as cog:
        assert len(cog.service.core.claim_due()) == 1  # ...and the bot dies
    clock.advance(seconds=30)  # past a 20 s lease, well within the default 120 s
    async with prompts_bot(fake, engine, tmp_path, clock, lease_seconds=20) as cog:
        [result] = await cog.tick()
        assert result.posted and result.recovered


# -- item 6: a database that cannot be opened, or is deleted -----------------------------


async def test_unopenable_database_is_reported_at_start_and_on_every_command(
    fake_discord: Any, engine: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake = fake_discord
    path = tmp_path / "bot.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    caplog.set_level(logging.INFO)
    async with prompts_bot(fake, engine, tmp_path, FakeClock(MONDAY)) as cog:
        messages = [r.getMessage() for r in caplog.records]
        [at] = [i for i, m in enumerate(messages)
                if m.startswith("discussion prompts:") and str(path) in m]
        ready = next(i for i, m in enumerate(messages) if m.startswith("ready as"))
        assert at < ready and "file is not a database" in messages[at]
        assert caplog.records[at].levelno == logging.ERROR
        for sub, values in (("list", {}), ("next", {}), ("add", {"text": "Is this kept?"})):
            inter = await run_prompt(fake, sub, values, user=fake.owner)
            answer = await answer_to(fake, inter)
            assert str(path) in answer["content"] and "file is not a database" in \
                answer["content"], sub
            assert answer["flags"] & EPHEMERAL
        path.unlink()  # fixed: the next command opens it
        inter = await run_prompt(fake, "add", {"text": "Is this kept now?"}, user=fake.owner)
        assert (await answer_text(fake, inter)).startswith("Added `custom-1`")
        assert cog.service.problem is None


async def test_database_deleted_while_running_is_recreated(
    prompt_bot: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake, _ = prompt_bot
    inter = await run_prompt(fake, "add", {"text": "A question before the accident?"},
                             user=fake.owner)
    assert (await answer_text(fake, inter)).startswith("Added `custom-1`")
    for name in ("bot.sqlite3", "bot.sqlite3-wal", "bot.sqlite3-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    inter = await run_prompt(fake, "add", {"text": "A question after the accident?"},
                             user=fake.owner)
    assert (await answer_text(fake, inter)).startswith("Added `custom-1`")  # afresh
    # said either way: the file found missing ("is gone"), or, when an empty file stands there
    # again by then (another connection may make one: see Store.repair), without its tables
    assert any(("is gone" in r.getMessage() or "lost its tables" in r.getMessage())
               and r.levelno == logging.WARNING for r in caplog.records)
    inter = await run_prompt(fake, "list", user=fake.owner)
    assert "after the accident" in str((await answer_to(fake, inter))["embeds"])


# -- item 8: custom prompts in autocomplete, for moderators only -------------------------


async def test_autocomplete_shows_custom_prompts_to_moderators_only(prompt_bot: Any) -> None:
    fake, _ = prompt_bot
    inter = await run_prompt(fake, "add", {"text": "Our secret plan for the Weibo session?"},
                             user=fake.owner)
    assert (await answer_text(fake, inter)).startswith("Added `custom-1`")

    async def choices(sub: str, typed: str, user: JSON) -> list[str]:
        inter = await run_prompt(fake, sub, {"prompt": typed}, user=user, focused="prompt")
        return [c["value"] for c in (await fake.response_to(inter)).json["data"]["choices"]]

    assert (await choices("post", "weibo", fake.moderator))[0] == "custom-1"
    assert await choices("remove", "", fake.owner) == ["custom-1"]
    assert "custom-1" not in await choices("post", "weibo", fake.alice)
    assert "custom-1" not in await choices("post", "", fake.alice)
    assert await choices("remove", "", fake.alice) == []
    assert "hong-kong" in await choices("post", "hong", fake.alice)  # curated ones stay


# -- item 11: time zones in schedules ----------------------------------------------------


async def test_schedule_reads_zone_abbreviations_and_says_which_zone(
    fake_discord: Any, engine: Any, tmp_path: Path
) -> None:
    fake = fake_discord
    async with prompts_bot(fake, engine, tmp_path, FakeClock(MONDAY),
                           default_timezone="Europe/Berlin"):

        async def schedule(values: dict[str, Any]) -> str:
            inter = await run_prompt(fake, "schedule", values, user=fake.owner,
                                     channel_option=fake.other_channel_id)
            return await answer_text(fake, inter)

        text = await schedule({"when": "tuesdays 19:00 EST"})
        assert "every Tuesday at 19:00 (America/New_York)" in text
        assert "EST is read as America/New_York" in text
        assert "(America/Chicago)" in await schedule({"when": "fridays 7pm CT"})
        text = await schedule({"when": "every monday at 6pm"})
        assert "every Monday at 18:00 (Europe/Berlin)" in text
        assert "No time zone given, so this uses Europe/Berlin" in text
        text = await schedule({"when": "daily 9am", "timezone": "CET"})
        assert "every day at 09:00 (Europe/Berlin)" in text and "CET is read as" in text
        text = await schedule({"when": "tuesdays 19:00 XYZ"})
        assert "'XYZ' is not a time zone I know" in text and "EST" in text
        assert "Europe/Berlin" in text


# -- issue 8: one check, PromptError mapped centrally, no guild 0 for a missing server ----


def test_prompt_errors_and_refusals_are_mapped_by_the_central_handler() -> None:
    from types import SimpleNamespace

    from discord import app_commands

    from bot.discordbot.cogs.prompts import NotModerator, guild_of
    from bot.discordbot.errors import user_message
    from bot.prompts.access import REFUSAL
    from bot.prompts.service import PromptError

    assert user_message(PromptError("There are no prompts yet.")) == "There are no prompts yet."
    assert user_message(NotModerator(REFUSAL)) == REFUSAL
    assert isinstance(NotModerator(REFUSAL), app_commands.CheckFailure)
    with pytest.raises(app_commands.NoPrivateMessage):  # never the console's guild 0
        guild_of(SimpleNamespace(guild_id=None))  # type: ignore[arg-type]
    assert guild_of(SimpleNamespace(guild_id=42)) == 42  # type: ignore[arg-type]


async def test_a_database_that_lost_its_tables_is_repaired(
    reading: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """What an old connection closing after the file was deleted can leave: the new file
    without its tables (SQLite dropped the journal holding them). Made again, not a stream
    of "no such table"."""
    from bot.prompts.async_service import AsyncPromptService
    from bot.prompts.service import PromptService

    from .conftest import related_for

    path = tmp_path / "bot.sqlite3"
    service = AsyncPromptService(
        lambda: PromptService(reading, Store(path), related_for(reading)), path)
    assert service.open() is None
    path.unlink()
    blank = sqlite3.connect(path)
    blank.execute("CREATE TABLE unrelated (x)")
    blank.close()
    ref = await service.add(1, "A question after the accident?")
    assert ref.id == "custom-1"
    assert [r.id for r in (await service.listing(1)).custom] == ["custom-1"]
    assert any("lost its tables" in r.getMessage() for r in caplog.records)
