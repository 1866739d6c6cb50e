"""Exactly-once scheduled prompts through the real client and the fake Discord: the bot dies
between claiming a slot and recording its post, restarts, and reads the channel's history.

The stored dates are in 2099 so the scheduler loop's own first pass (with the real clock,
right after the bot is ready) finds nothing due; the test then stops the loop, sets the
injected clock and ticks by hand. Nothing sleeps.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from fakediscord.fixtures import config_for, engine, fake_discord, running_bot  # noqa: E402

from bot.prompts.store import Store  # noqa: E402

from .conftest import FakeClock  # noqa: E402

__all__ = ["engine", "fake_discord"]

SLOT = datetime(2099, 3, 30, 16, tzinfo=UTC)  # a Monday, 18:00 in Berlin
MARKER = "Scheduled prompt · 2099-03-30 18:00 Europe/Berlin"


@contextlib.asynccontextmanager
async def bot_session(fake: Any, engine: Any, tmp_path: Path,
                      clock: FakeClock) -> AsyncIterator[Any]:
    """A run of the bot on the test's database; yields its prompts cog, ticked by hand."""
    config = config_for(fake, tmp_path)
    config = dataclasses.replace(
        config, prompts=dataclasses.replace(config.prompts, tick_seconds=3600.0)
    )
    async with running_bot(fake, config, engine) as bot:
        cog: Any = bot.get_cog("Prompts")
        # Wait for the loop's own first pass to end before changing the clock: cancelling it
        # mid-pass left its worker thread running, which then read the new clock and took
        # the stale claim over itself (so the test's tick found nothing to recover).
        await cog.stop_scheduler()
        cog.service.core.clock = clock
        yield cog


def schedule(fake: Any, tmp_path: Path) -> int:
    """Schedule Mondays 18:00 Berlin in the other channel (as /prompt schedule would)."""
    from bot.prompts.schedule import parse_when

    store = Store(tmp_path / "bot.sqlite3")
    rule = parse_when("weekly monday 18:00 Europe/Berlin")
    row = store.set_schedule(fake.guild_id, fake.other_channel_id, rule, SLOT - timedelta(days=1))
    return row.id


def marked(fake: Any) -> list[dict[str, Any]]:
    """The bot's messages in the schedule's channel whose footer carries the slot marker."""
    return [
        m for m in fake.posted_in(fake.other_channel_id)
        if any(MARKER in ((e.get("footer") or {}).get("text") or "") for e in m["embeds"])
    ]


async def test_died_before_posting_posts_once_after_restart(
    fake_discord: Any, engine: Any, tmp_path: Path
) -> None:
    fake = fake_discord
    clock = FakeClock(SLOT + timedelta(seconds=5))
    schedule_id = schedule(fake, tmp_path)
    async with bot_session(fake, engine, tmp_path, clock) as cog:
        assert len(cog.service.core.claim_due()) == 1  # claimed... and the bot dies here
    assert marked(fake) == []
    clock.advance(minutes=3)
    async with bot_session(fake, engine, tmp_path, clock) as cog:
        [result] = await cog.tick()
        assert result.posted and result.recovered and not result.found
        history = fake.find("GET", rf"/channels/{fake.other_channel_id}/messages")
        assert [r.query.get("limit") for r in history] == ["50"]
        clock.advance(minutes=5)
        assert await cog.tick() == []
    [message] = marked(fake)
    footer = message["embeds"][-1]["footer"]["text"]
    assert footer.startswith(MARKER + " · ")
    [slot] = Store(tmp_path / "bot.sqlite3").slots(schedule_id)
    assert (slot.state, slot.message_id) == ("posted", int(message["id"]))
    [post] = fake.find("POST", rf"/channels/{fake.other_channel_id}/messages")
    assert post.json["nonce"].startswith("slot-") and len(post.json["nonce"]) <= 25
    assert post.json["allowed_mentions"] == {"parse": []}


async def test_died_after_posting_is_found_and_not_posted_again(
    fake_discord: Any, engine: Any, tmp_path: Path
) -> None:
    fake = fake_discord
    clock = FakeClock(SLOT + timedelta(seconds=5))
    schedule_id = schedule(fake, tmp_path)
    async with bot_session(fake, engine, tmp_path, clock) as cog:
        [(row, slot)] = cog.service.core.claim_due()
        await cog._send_scheduled(row, cog.service.core.slot_card(row, slot))
        # ...and the bot dies before recording the post.
    [message] = marked(fake)
    posts = len(fake.find("POST", rf"/channels/{fake.other_channel_id}/messages"))
    clock.advance(minutes=3)
    async with bot_session(fake, engine, tmp_path, clock) as cog:
        await fake.send_message("What a question!", channel_id=fake.other_channel_id)
        [result] = await cog.tick()
        assert result.found and result.message_id == int(message["id"])
        clock.advance(minutes=5)
        assert await cog.tick() == []
    assert len(fake.find("POST", rf"/channels/{fake.other_channel_id}/messages")) == posts
    assert marked(fake) == [message]
    [stored] = Store(tmp_path / "bot.sqlite3").slots(schedule_id)
    assert (stored.state, stored.message_id) == ("posted", int(message["id"]))


async def test_no_history_permission_posts_nothing_twice(
    fake_discord: Any, engine: Any, tmp_path: Path
) -> None:
    fake = fake_discord

    async def forbidden(fake: Any, request: Any, match: Any) -> tuple[int, Any]:
        return 403, {"message": "Missing Access", "code": 50001}

    fake.route("GET", rf"/channels/{fake.other_channel_id}/messages", forbidden)
    clock = FakeClock(SLOT + timedelta(seconds=5))
    schedule_id = schedule(fake, tmp_path)
    async with bot_session(fake, engine, tmp_path, clock) as cog:
        assert len(cog.service.core.claim_due()) == 1
    clock.advance(minutes=3)
    async with bot_session(fake, engine, tmp_path, clock) as cog:
        assert await cog.tick() == []
        clock.advance(minutes=5)
        assert await cog.tick() == []
    assert fake.find("POST", rf"/channels/{fake.other_channel_id}/messages") == []
    assert len(fake.find("GET", rf"/channels/{fake.other_channel_id}/messages")) == 1
    [stored] = Store(tmp_path / "bot.sqlite3").slots(schedule_id)
    assert stored.state == "unconfirmed"


async def test_resending_a_slot_returns_discords_first_message(
    fake_discord: Any, engine: Any, tmp_path: Path
) -> None:
    """The slot's nonce: Discord (and the fake) dedupe a second send of the same slot."""
    fake = fake_discord
    clock = FakeClock(SLOT + timedelta(seconds=5))
    schedule(fake, tmp_path)
    async with bot_session(fake, engine, tmp_path, clock) as cog:
        [(row, slot)] = cog.service.core.claim_due()
        card = cog.service.core.slot_card(row, slot)
        first = await cog._send_scheduled(row, card)
        second = await cog._send_scheduled(row, card)
    assert first == second
    assert len(marked(fake)) == 1


async def test_history_permission_denied_in_the_channel_is_not_even_asked(
    fake_discord: Any, engine: Any, tmp_path: Path
) -> None:
    fake = fake_discord
    read_history = 1 << 16
    fake.channel(fake.other_channel_id)["permission_overwrites"] = [
        {"id": str(fake.guild_id), "type": 0, "allow": "0", "deny": str(read_history)}
    ]
    clock = FakeClock(SLOT + timedelta(seconds=5))
    schedule_id = schedule(fake, tmp_path)
    async with bot_session(fake, engine, tmp_path, clock) as cog:
        assert len(cog.service.core.claim_due()) == 1
        clock.advance(minutes=3)
        assert await cog.tick() == []
    assert fake.find("GET", rf"/channels/{fake.other_channel_id}/messages") == []
    assert fake.find("POST", rf"/channels/{fake.other_channel_id}/messages") == []
    [stored] = Store(tmp_path / "bot.sqlite3").slots(schedule_id)
    assert stored.state == "unconfirmed"
