"""The race behind the flaky recovery test (issue 11 item 14), made deterministic.

The scheduler loop's own first pass is caught inside its worker thread (``claims_to_check``)
when the test stops the loop and sets its clock. Cancelling the loop there (as the test did)
left the thread running on: it read the new clock and took the stale claim over, so the
test's own tick found nothing (``cancel`` below, kept to show it). ``stop_scheduler`` waits for
the pass to end first."""
from __future__ import annotations

import asyncio
import dataclasses
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from fakediscord.fixtures import config_for, engine, fake_discord, running_bot  # noqa: E402

from bot.prompts.service import PromptService  # noqa: E402

from .conftest import FakeClock  # noqa: E402
from .test_discord_recovery import SLOT, schedule  # noqa: E402

__all__ = ["engine", "fake_discord"]


@pytest.mark.parametrize("graceful", [False, True], ids=["cancel", "stop_scheduler"])
async def test_stopping_the_scheduler_lets_its_pass_finish(
    fake_discord: Any, engine: Any, tmp_path: Path, monkeypatch: Any, graceful: bool
) -> None:
    original = PromptService.claims_to_check

    entered = threading.Event()

    def slow(self: Any, *args: Any, **kwargs: Any) -> Any:
        entered.set()
        time.sleep(0.3)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(PromptService, "claims_to_check", slow)
    fake = fake_discord
    clock = FakeClock(SLOT + timedelta(seconds=5))
    schedule(fake, tmp_path)
    config = config_for(fake, tmp_path)
    config = dataclasses.replace(config, prompts=dataclasses.replace(config.prompts,
                                                                     tick_seconds=3600.0))

    async def start(bot: Any) -> Any:
        cog = bot.get_cog("Prompts")
        # the interleaving CPU load makes likely: the loop's pass is in claims_to_check
        assert await asyncio.to_thread(entered.wait, 5)
        entered.clear()
        if graceful:
            await cog.stop_scheduler()
        else:
            cog.scheduler.cancel()
        cog.service.core.clock = clock
        return cog

    async with running_bot(fake, config, engine) as bot:
        cog = await start(bot)
        [(row, slot)] = cog.service.core.claim_due()
        await cog._send_scheduled(row, cog.service.core.slot_card(row, slot))
    clock.advance(minutes=3)
    async with running_bot(fake, config, engine) as bot:
        cog = await start(bot)
        results = await cog.tick()
    if graceful:
        [result] = results
        assert result.found
    else:  # the failure the flaky test saw: the cancelled pass's thread took the claim
        assert results == []
