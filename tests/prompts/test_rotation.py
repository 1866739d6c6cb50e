"""The per-server rotation: no repeats until all are used, safe for concurrent `next`."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.knowledge.model import Reading
from bot.prompts.rotation import cycle_order, pick
from bot.prompts.service import PromptService
from bot.prompts.store import Store

from .conftest import FakeClock, make_reading, make_service

NOW = datetime(2024, 1, 1, tzinfo=UTC)


def test_pick_uses_every_prompt_once_per_cycle() -> None:
    ids = [f"p{i}" for i in range(7)]
    used: set[str] = set()
    for _ in ids:
        choice = pick(ids, used, 1, 0)
        assert choice is not None and choice not in used
        used.add(choice)
    assert pick(ids, used, 1, 0) is None


def test_order_differs_by_server_and_cycle_but_is_stable() -> None:
    ids = [f"p{i}" for i in range(20)]
    assert cycle_order(ids, 1, 0) == cycle_order(ids, 1, 0)
    assert cycle_order(ids, 1, 0) != cycle_order(ids, 2, 0)
    assert cycle_order(ids, 1, 0) != cycle_order(ids, 1, 1)
    # Adding a prompt does not reshuffle the others.
    assert [p for p in cycle_order([*ids, "new"], 1, 0) if p != "new"] == cycle_order(ids, 1, 0)


def test_new_cycle_never_opens_with_the_last_prompt() -> None:
    ids = ["a", "b", "c"]
    for guild in range(50):
        last = cycle_order(ids, guild, 1)[0]
        assert pick(ids, set(), guild, 1, last) != last
    assert pick(["only"], set(), 1, 1, "only") == "only"


def test_next_cycles_through_all_then_starts_again(service: PromptService) -> None:
    total = len(service.catalogue(5))
    first = [service.next(5).prompt_id for _ in range(total)]
    assert sorted(first) == sorted(r.id for r in service.catalogue(5))  # type: ignore[type-var]
    second = [service.next(5).prompt_id for _ in range(total)]
    assert sorted(second) == sorted(first)  # type: ignore[type-var]
    assert second[0] != first[-1]


def test_servers_rotate_independently(service: PromptService) -> None:
    service.next(1)
    assert len(service.store.used_in_cycle(2)[1]) == 0
    assert len(service.store.used_in_cycle(1)[1]) == 1


def test_custom_prompt_joins_the_current_cycle(service: PromptService) -> None:
    total = len(service.catalogue(7))
    seen = [service.next(7).prompt_id for _ in range(total - 1)]
    added = service.add(7, "What would you ask a U.S. company in China?")
    rest = [service.next(7).prompt_id for _ in range(2)]
    assert sorted([*seen, *rest]) == sorted(  # type: ignore[type-var]
        [*(r.id for r in service.catalogue(7))]
    )
    assert added.id in rest


def test_removed_custom_prompt_leaves_the_rotation(service: PromptService) -> None:
    added = service.add(7, "A prompt that will be removed soon.")
    service.remove(7, added.id)
    ids = {service.next(7).prompt_id for _ in range(len(service.catalogue(7)) * 2)}
    assert added.id not in ids


def test_post_by_id_counts_as_used(service: PromptService) -> None:
    service.post(3, "p2")
    ids = [service.next(3).prompt_id for _ in range(len(service.catalogue(3)) - 1)]
    assert "p2" not in ids


def test_concurrent_next_never_gives_the_same_prompt(db_path: Path, clock: FakeClock) -> None:
    reading = make_reading(prompt_count=12)
    services = [make_service(reading, db_path, clock) for _ in range(12)]  # 12 connections
    barrier = threading.Barrier(len(services))
    got: list[str | None] = []
    lock = threading.Lock()

    def run(service: PromptService) -> None:
        barrier.wait()
        card = service.next(42)
        with lock:
            got.append(card.prompt_id)

    threads = [threading.Thread(target=run, args=(s,)) for s in services]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 12 and len(set(got)) == 12


async def test_two_next_at_once_in_one_event_loop(reading: Reading, db_path: Path,
                                                  clock: FakeClock) -> None:
    import asyncio

    service = make_service(reading, db_path, clock)
    cards = await asyncio.gather(asyncio.to_thread(service.next, 9),
                                 asyncio.to_thread(service.next, 9))
    assert cards[0].prompt_id != cards[1].prompt_id


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(st.sampled_from(["next", "next", "next", "add", "remove"]), max_size=40))
def test_no_repeat_within_a_cycle(tmp_path: Path, ops: list[str]) -> None:
    import tempfile

    folder = tempfile.mkdtemp(dir=tmp_path)
    store = Store(Path(folder) / "h.sqlite3")
    reading = make_reading(prompt_count=4)
    service = PromptService(reading, store, lambda text, limit: [], clock=lambda: NOW)
    seen_in_cycle: set[str] = set()
    cycle = 0
    for i, op in enumerate(ops):
        if op == "add":
            service.add(1, f"Custom prompt number {i} for the test")
        elif op == "remove":
            custom = [r for r in service.catalogue(1) if r.id.startswith("custom-")]
            if custom:
                service.remove(1, custom[0].id)
        else:
            prompt_id = service.next(1).prompt_id
            new_cycle, _ = store.used_in_cycle(1)
            if new_cycle != cycle:
                cycle, seen_in_cycle = new_cycle, set()
            assert prompt_id not in seen_in_cycle
            seen_in_cycle.add(prompt_id)  # type: ignore[arg-type]
