"""Exactly-once scheduled posts: slots claimed but never recorded as posted (the bot died in
between) are looked up by their marker and posted only when not found. Injected clock."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.knowledge.model import Reading
from bot.prompts.cards import Card
from bot.prompts.schedule import Recovery, parse_when, recovery, slot_marker
from bot.prompts.service import HistoryUnavailable, Lookup, PromptService, Send
from bot.prompts.store import ScheduleRow

from .conftest import FakeClock, make_service

GUILD, CHANNEL = 111, 222
SLOT = datetime(2024, 1, 1, 18, tzinfo=UTC)
GRACE = timedelta(minutes=30)
LEASE = timedelta(minutes=2)


class Channel:
    """A channel as the scheduler sees it: what was posted (with markers), and its history."""

    def __init__(self) -> None:
        self.posts: list[Card] = []
        self.lookups: list[str] = []
        self.history_error: Exception | None = None

    def send(self) -> Send:
        async def send(row: ScheduleRow, card: Card) -> int | None:
            self.posts.append(card)
            return 1000 + len(self.posts)

        return send

    def lookup(self) -> Lookup:
        async def lookup(row: ScheduleRow, marker: str) -> int | None:
            self.lookups.append(marker)
            if self.history_error is not None:
                raise self.history_error
            for number, card in enumerate(self.posts, start=1001):
                if card.marker == marker:
                    return number
            return None

        return lookup

    def with_marker(self, marker: str) -> int:
        return sum(card.marker == marker for card in self.posts)


async def run(service: PromptService, channel: Channel) -> int:
    """One scheduler tick, as the Discord cog runs it; how many slots it handled."""
    return len(await service.run_due(channel.send(), lookup=channel.lookup()))


def crashed_after_claim(reading: Reading, db_path: Path, clock: FakeClock) -> PromptService:
    """A schedule whose 18:00 slot was claimed by a process that then died."""
    clock.set(SLOT - timedelta(hours=6))
    make_service(reading, db_path, clock, grace_minutes=30).schedule(GUILD, CHANNEL,
                                                                     "daily 18:00")
    clock.set(SLOT + timedelta(seconds=5))
    dying = make_service(reading, db_path, clock, grace_minutes=30)
    assert len(dying.claim_due()) == 1
    return dying


# -- the decision ---------------------------------------------------------------------


def test_recovery_decision() -> None:
    claimed = SLOT + timedelta(seconds=5)

    def decide(now: datetime) -> Recovery:
        return recovery(SLOT, claimed, now, GRACE, LEASE)

    assert decide(claimed + timedelta(seconds=30)) is Recovery.WAIT  # may still be posting
    assert decide(claimed + LEASE) is Recovery.CHECK
    assert decide(SLOT + GRACE) is Recovery.CHECK
    assert decide(SLOT + GRACE + timedelta(seconds=1)) is Recovery.MISSED
    # A fresh take-over is left alone, even at the end of the window.
    assert recovery(SLOT, SLOT + GRACE, SLOT + GRACE + timedelta(seconds=10), GRACE,
                    LEASE) is Recovery.WAIT


def test_slot_marker_reads_local_time_and_zone() -> None:
    rule = parse_when("weekly monday 18:00 Europe/Berlin")
    slot = rule.next_slot(datetime(2026, 11, 25, tzinfo=UTC))
    assert slot_marker(rule, slot) == "Scheduled prompt · 2026-11-30 18:00 Europe/Berlin"
    summer = rule.next_slot(datetime(2026, 6, 25, tzinfo=UTC))
    assert slot_marker(rule, summer) == "Scheduled prompt · 2026-06-29 18:00 Europe/Berlin"


# -- through the service ----------------------------------------------------------------


async def test_a_scheduled_card_carries_its_slot_marker(service: PromptService,
                                                         clock: FakeClock) -> None:
    clock.set(SLOT - timedelta(hours=1))
    service.schedule(GUILD, CHANNEL, "daily 18:00")
    clock.set(SLOT + timedelta(seconds=5))
    channel = Channel()
    assert await run(service, channel) == 1
    [card] = channel.posts
    assert card.marker == "Scheduled prompt · 2024-01-01 18:00 UTC"
    [slot] = service.store.slots()
    assert (slot.state, slot.marker, slot.message_id) == ("posted", card.marker, 1001)
    assert channel.lookups == []  # nothing to recover: history is not read


async def test_claimed_and_found_is_recorded_as_posted_without_a_new_message(
    reading: Reading, db_path: Path, clock: FakeClock
) -> None:
    dying = crashed_after_claim(reading, db_path, clock)
    [row] = dying.schedules(GUILD)
    channel = Channel()
    await channel.send()(row, dying.slot_card(row, SLOT))  # posted, then died unrecorded
    clock.advance(minutes=3)
    back = make_service(reading, db_path, clock, grace_minutes=30)
    [result] = await back.run_due(channel.send(), lookup=channel.lookup())
    assert (result.posted, result.recovered, result.found, result.card) == (
        True, True, True, None)
    assert len(channel.posts) == 1
    [stored] = back.store.slots()
    assert (stored.state, stored.message_id, stored.attempts) == ("posted", 1001, 2)
    clock.advance(minutes=5)
    assert await run(back, channel) == 0
    assert channel.lookups == [slot_marker(row.rule, SLOT)]
    assert channel.with_marker(slot_marker(row.rule, SLOT)) == 1


async def test_claimed_and_not_found_within_grace_is_posted_once(
    reading: Reading, db_path: Path, clock: FakeClock
) -> None:
    crashed_after_claim(reading, db_path, clock)
    channel = Channel()
    clock.advance(minutes=1)  # restarted at once: the claim may still be in flight
    back = make_service(reading, db_path, clock, grace_minutes=30)
    assert await run(back, channel) == 0
    assert channel.lookups == []
    clock.advance(minutes=2)
    [result] = await back.run_due(channel.send(), lookup=channel.lookup())
    assert (result.posted, result.recovered, result.found) == (True, True, False)
    marker = slot_marker(back.schedules(GUILD)[0].rule, SLOT)
    assert result.card is not None and result.card.marker == marker
    for _ in range(5):  # later ticks, and another restart, post nothing more
        clock.advance(minutes=3)
        assert await run(make_service(reading, db_path, clock, grace_minutes=30),
                         channel) == 0
    assert channel.with_marker(marker) == 1
    [stored] = back.store.slots()
    assert (stored.state, stored.message_id) == ("posted", 1001)


async def test_claimed_beyond_grace_is_missed(reading: Reading, db_path: Path,
                                              clock: FakeClock) -> None:
    crashed_after_claim(reading, db_path, clock)
    clock.set(SLOT + GRACE + timedelta(minutes=1))  # back too late
    channel = Channel()
    back = make_service(reading, db_path, clock, grace_minutes=30)
    assert await run(back, channel) == 0
    assert channel.posts == [] and channel.lookups == []
    assert [s.state for s in back.store.slots()] == ["missed"]
    clock.set(SLOT + timedelta(days=1, seconds=5))  # the next slot goes out as usual
    assert await run(back, channel) == 1
    assert [s.state for s in back.store.slots()] == ["missed", "posted"]


async def test_unreadable_history_falls_back_to_at_most_once(
    reading: Reading, db_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    crashed_after_claim(reading, db_path, clock)
    clock.advance(minutes=3)
    channel = Channel()
    channel.history_error = HistoryUnavailable("no Read Message History")
    back = make_service(reading, db_path, clock, grace_minutes=30)
    assert await run(back, channel) == 0
    assert channel.posts == [] and len(channel.lookups) == 1
    assert [s.state for s in back.store.slots()] == ["unconfirmed"]
    assert "cannot be read" in caplog.text
    clock.advance(minutes=5)
    channel.history_error = None
    assert await run(back, channel) == 0 and channel.posts == []


async def test_a_failed_lookup_is_tried_again_later(
    reading: Reading, db_path: Path, clock: FakeClock
) -> None:
    crashed_after_claim(reading, db_path, clock)
    clock.advance(minutes=3)
    channel = Channel()
    channel.history_error = ConnectionError("Discord is having a moment")
    back = make_service(reading, db_path, clock, grace_minutes=30)
    assert await run(back, channel) == 0
    assert [s.state for s in back.store.slots()] == ["claimed"]
    channel.history_error = None
    clock.advance(minutes=1)  # the take-over is fresh: wait
    assert await run(back, channel) == 0
    clock.advance(minutes=2)
    assert await run(back, channel) == 1
    assert len(channel.posts) == 1 and len(channel.lookups) == 2


async def test_a_repost_uses_the_prompt_the_slot_took(
    reading: Reading, db_path: Path, clock: FakeClock
) -> None:
    dying = crashed_after_claim(reading, db_path, clock)
    [row] = dying.schedules(GUILD)
    taken = dying.slot_card(row, SLOT)  # took its prompt, then died before sending
    _, used_before = dying.store.used_in_cycle(GUILD)
    clock.advance(minutes=3)
    channel = Channel()
    assert await run(make_service(reading, db_path, clock, grace_minutes=30), channel) == 1
    assert channel.posts[0].prompt_id == taken.prompt_id
    assert dying.store.used_in_cycle(GUILD)[1] == used_before  # the rotation moved once


def test_only_one_recoverer_takes_a_claim_over(reading: Reading, db_path: Path,
                                               clock: FakeClock) -> None:
    crashed_after_claim(reading, db_path, clock)
    clock.advance(minutes=3)
    services = [make_service(reading, db_path, clock, grace_minutes=30) for _ in range(6)]
    barrier = threading.Barrier(len(services))
    taken: list[int] = []

    def take(service: PromptService) -> None:
        barrier.wait()
        taken.append(len(service.claims_to_check()))

    threads = [threading.Thread(target=take, args=(s,)) for s in services]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(taken) == [0, 0, 0, 0, 0, 1]


async def test_without_a_lookup_a_claimed_slot_stays_claimed(
    reading: Reading, db_path: Path, clock: FakeClock
) -> None:
    crashed_after_claim(reading, db_path, clock)
    clock.advance(minutes=5)
    channel = Channel()
    back = make_service(reading, db_path, clock, grace_minutes=30)
    assert len(await back.run_due(channel.send())) == 0
    assert [s.state for s in back.store.slots()] == ["claimed"]


def test_other_guilds_claims_are_left_alone(reading: Reading, db_path: Path,
                                            clock: FakeClock) -> None:
    crashed_after_claim(reading, db_path, clock)
    clock.advance(minutes=3)
    back = make_service(reading, db_path, clock, grace_minutes=30)
    assert back.claims_to_check({GUILD + 1}) == []
    assert len(back.claims_to_check({GUILD})) == 1


def test_stale_claims_are_those_claimed_before_the_cut(reading: Reading, db_path: Path,
                                                       clock: FakeClock) -> None:
    crashed_after_claim(reading, db_path, clock)
    store = make_service(reading, db_path, clock).store
    assert store.stale_claims(clock.now) == []
    [claim] = store.stale_claims(clock.now + timedelta(seconds=1))
    assert (claim.slot, claim.claimed_at, claim.state) == (SLOT, clock.now, "claimed")
