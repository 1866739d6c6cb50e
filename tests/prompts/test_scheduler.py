"""Scheduled posts through the service with an injected clock: exactly once per slot,
across restarts, with one catch-up post within the grace window, never twice."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.knowledge.model import Reading
from bot.prompts.cards import Card
from bot.prompts.service import PromptService, Send
from bot.prompts.store import ScheduleRow

from .conftest import FakeClock, make_service

GUILD, CHANNEL = 111, 222


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
       second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


class Poster:
    """Records what the bot would have posted."""

    def __init__(self) -> None:
        self.posts: list[tuple[int, str | None, datetime]] = []
        self.fail = False

    def for_clock(self, clock: FakeClock) -> Send:
        async def send(row: ScheduleRow, card: Card) -> int | None:
            if self.fail:
                raise RuntimeError("Discord is down")
            self.posts.append((row.channel_id, card.prompt_id, clock.now))
            return len(self.posts)

        return send


async def tick(service: PromptService, poster: Poster, clock: FakeClock) -> int:
    return len(await service.run_due(poster.for_clock(clock)))


async def test_posts_once_at_the_slot_and_not_again(service: PromptService,
                                                    clock: FakeClock) -> None:
    clock.set(at(2024, 1, 1, 12))
    service.schedule(GUILD, CHANNEL, "daily 18:00")
    poster = Poster()
    assert await tick(service, poster, clock) == 0
    clock.set(at(2024, 1, 1, 18, 0, 30))
    assert await tick(service, poster, clock) == 1
    for _ in range(5):
        clock.advance(minutes=1)
        assert await tick(service, poster, clock) == 0
    assert len(poster.posts) == 1
    [slot] = service.store.slots()
    assert (slot.state, slot.slot, slot.message_id) == ("posted", at(2024, 1, 1, 18), 1)


async def test_restart_between_slots(reading: Reading, db_path: Path, clock: FakeClock) -> None:
    clock.set(at(2024, 1, 1, 12))
    poster = Poster()
    first = make_service(reading, db_path, clock)
    first.schedule(GUILD, CHANNEL, "daily 18:00")
    clock.set(at(2024, 1, 1, 18, 1))
    assert await tick(first, poster, clock) == 1
    # The bot stops at 20:00 and comes back at 09:00 the next day: nothing to catch up.
    clock.set(at(2024, 1, 2, 9))
    second = make_service(reading, db_path, clock)
    assert await tick(second, poster, clock) == 0
    clock.set(at(2024, 1, 2, 18))
    assert await tick(second, poster, clock) == 1
    # Restart right after posting: the slot is not posted again.
    third = make_service(reading, db_path, clock)
    assert await tick(third, poster, clock) == 0
    assert [p[2] for p in poster.posts] == [at(2024, 1, 1, 18, 1), at(2024, 1, 2, 18)]
    assert poster.posts[0][1] != poster.posts[1][1]  # the rotation moved on


async def test_missed_slot_posts_once_within_grace(reading: Reading, db_path: Path,
                                                   clock: FakeClock) -> None:
    clock.set(at(2024, 1, 1, 12))
    make_service(reading, db_path, clock, grace_minutes=30).schedule(GUILD, CHANNEL,
                                                                     "daily 18:00")
    poster = Poster()
    clock.set(at(2024, 1, 1, 18, 20))  # down at 18:00, back 20 minutes later
    back = make_service(reading, db_path, clock, grace_minutes=30)
    assert await tick(back, poster, clock) == 1
    again = make_service(reading, db_path, clock, grace_minutes=30)
    assert await tick(again, poster, clock) == 0
    assert len(poster.posts) == 1


async def test_missed_slot_beyond_grace_is_skipped(reading: Reading, db_path: Path,
                                                   clock: FakeClock) -> None:
    clock.set(at(2024, 1, 1, 12))
    service = make_service(reading, db_path, clock, grace_minutes=30)
    row = service.schedule(GUILD, CHANNEL, "daily 18:00")
    poster = Poster()
    clock.set(at(2024, 1, 1, 19))  # back an hour late: too late to post
    assert await tick(service, poster, clock) == 0
    assert service.store.schedule(row.id).settled_until == at(2024, 1, 1, 18)  # type: ignore[union-attr]
    clock.set(at(2024, 1, 2, 18, 1))  # the next slot goes out as usual
    assert await tick(service, poster, clock) == 1
    assert [p[2] for p in poster.posts] == [at(2024, 1, 2, 18, 1)]


async def test_two_slots_passed_while_down_posts_once(reading: Reading, db_path: Path,
                                                      clock: FakeClock) -> None:
    clock.set(at(2024, 1, 1, 12))
    make_service(reading, db_path, clock).schedule(GUILD, CHANNEL, "daily 18:00")
    poster = Poster()
    clock.set(at(2024, 1, 3, 18, 10))  # down over the 1st and 2nd, back 10 min after the 3rd
    service = make_service(reading, db_path, clock)
    assert await tick(service, poster, clock) == 1
    assert await tick(service, poster, clock) == 0
    assert [s.slot for s in service.store.slots()] == [at(2024, 1, 3, 18)]


async def test_two_slots_passed_latest_beyond_grace_posts_nothing(
    reading: Reading, db_path: Path, clock: FakeClock
) -> None:
    clock.set(at(2024, 1, 1, 12))
    make_service(reading, db_path, clock).schedule(GUILD, CHANNEL, "daily 18:00")
    clock.set(at(2024, 1, 3, 20))
    poster = Poster()
    assert await tick(make_service(reading, db_path, clock), poster, clock) == 0
    assert poster.posts == []


async def test_dst_change_in_berlin_one_post_per_day_at_local_time(
    service: PromptService, clock: FakeClock
) -> None:
    """Tick every 5 minutes (clock only) from Friday to Tuesday across the spring change,
    and from Friday to Tuesday across the autumn change."""
    berlin = "Europe/Berlin"
    for start in (at(2024, 3, 29, 0), at(2024, 10, 25, 0)):
        clock.set(start)
        service.unschedule(GUILD)
        service.schedule(GUILD, CHANNEL, "daily 18:00", berlin)
        service.schedule(GUILD, CHANNEL + 1, "daily 02:30", berlin)
        poster = Poster()
        while clock.now < start + timedelta(days=4):
            clock.advance(minutes=5)
            await tick(service, poster, clock)
        evening = [p[2] for p in poster.posts if p[0] == CHANNEL]
        night = [p[2] for p in poster.posts if p[0] == CHANNEL + 1]
        assert len(evening) == 4 and len(night) == 4
        from zoneinfo import ZoneInfo

        local = [t.astimezone(ZoneInfo(berlin)) for t in evening]
        assert [(t.hour, t.minute) for t in local] == [(18, 0)] * 4
        assert len({t.date() for t in local}) == 4
        assert len({t.astimezone(ZoneInfo(berlin)).date() for t in night}) == 4


async def test_weekly_schedule(service: PromptService, clock: FakeClock) -> None:
    clock.set(at(2024, 3, 20))  # a Wednesday
    row = service.schedule(GUILD, CHANNEL, "weekly monday 18:00 Europe/Berlin")
    assert service.next_slot(row) == at(2024, 3, 25, 17)
    poster = Poster()
    while clock.now < at(2024, 4, 10):
        clock.advance(minutes=10)
        await tick(service, poster, clock)
    assert [p[2] for p in poster.posts] == [at(2024, 3, 25, 17), at(2024, 4, 1, 16),
                                            at(2024, 4, 8, 16)]


async def test_failed_send_is_not_retried(service: PromptService, clock: FakeClock) -> None:
    clock.set(at(2024, 1, 1, 12))
    service.schedule(GUILD, CHANNEL, "daily 18:00")
    poster = Poster()
    poster.fail = True
    clock.set(at(2024, 1, 1, 18))
    [result] = await service.run_due(poster.for_clock(clock))
    assert not result.posted
    poster.fail = False
    clock.advance(minutes=1)
    assert await tick(service, poster, clock) == 0
    assert [s.state for s in service.store.slots()] == ["failed"]


async def test_death_between_claim_and_post_never_posts_twice(
    reading: Reading, db_path: Path, clock: FakeClock
) -> None:
    clock.set(at(2024, 1, 1, 12))
    make_service(reading, db_path, clock).schedule(GUILD, CHANNEL, "daily 18:00")
    clock.set(at(2024, 1, 1, 18))
    dying = make_service(reading, db_path, clock)
    assert len(dying.claim_due()) == 1  # ...and the process dies before posting
    clock.advance(minutes=2)
    poster = Poster()
    assert await tick(make_service(reading, db_path, clock), poster, clock) == 0
    assert [s.state for s in dying.store.slots()] == ["claimed"]


async def test_rescheduling_does_not_catch_up_old_slots(service: PromptService,
                                                        clock: FakeClock) -> None:
    clock.set(at(2024, 1, 1, 18, 10))
    service.schedule(GUILD, CHANNEL, "daily 18:00")  # 18:00 today has already passed
    poster = Poster()
    assert await tick(service, poster, clock) == 0
    assert service.unschedule(GUILD, CHANNEL) == 1
    assert service.schedules(GUILD) == []


def test_two_processes_claim_a_slot_once(reading: Reading, db_path: Path,
                                         clock: FakeClock) -> None:
    clock.set(at(2024, 1, 1, 12))
    make_service(reading, db_path, clock).schedule(GUILD, CHANNEL, "daily 18:00")
    clock.set(at(2024, 1, 1, 18))
    services = [make_service(reading, db_path, clock) for _ in range(6)]
    barrier = threading.Barrier(len(services))
    claims: list[int] = []

    def run(s: PromptService) -> None:
        barrier.wait()
        claims.append(len(s.claim_due()))

    threads = [threading.Thread(target=run, args=(s,)) for s in services]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(claims) == [0, 0, 0, 0, 0, 1]
