"""The fake Discord on a background thread, for testing blocking entry points
(``python -m bot run`` / ``sync`` call ``asyncio.run`` themselves)."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator

from fakediscord.server import FakeDiscord


@contextlib.contextmanager
def fake_in_thread() -> Iterator[FakeDiscord]:
    """A started FakeDiscord served by its own event loop on a daemon thread."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    fake = asyncio.run_coroutine_threadsafe(_started(), loop).result(10)
    try:
        yield fake
    finally:
        asyncio.run_coroutine_threadsafe(fake.close(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


async def _started() -> FakeDiscord:
    fake = FakeDiscord()
    await fake.start()
    return fake
