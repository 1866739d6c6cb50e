"""A bounded pool of threads for engine work, so answering never blocks the event loop.

The engine is plain, synchronous Python; a question that takes long (a big index, a busy
machine) would stop every other interaction while it runs on the loop. Handlers hand the
work to :class:`AnswerPool` instead and await its result.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class AnswerPool:
    """At most `workers` engine calls at once, each on a worker thread."""

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"answer_workers must be 1 or more, not {workers}")
        self.workers = workers
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="answer")

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> asyncio.Future[T]:
        """Start `fn(*args, **kwargs)` on a worker; await the returned future for its result."""
        loop = asyncio.get_running_loop()
        return loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    async def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """`fn(*args, **kwargs)` run on a worker thread."""
        return await self.submit(fn, *args, **kwargs)

    def close(self) -> None:
        """Stop taking work; queued calls are dropped, running ones finish on their own."""
        self._executor.shutdown(wait=False, cancel_futures=True)
